"""双随机、一公开: the pure draw — equal treatment, configured rates, determinism, recusal, errors."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.domain.credit import CreditRecord, CreditRecordKind
from desktop.domain.errors import DomainError
from desktop.domain.inspections import (
    DEFAULT_RATIOS,
    MIN_INSPECTORS,
    Conflict,
    Inspector,
    Subject,
    credit_class,
    draw,
    sample_size,
    seed_to_int,
)

DEPT = "县市场监督管理局"
RATIOS = {"A": 0.05, "B": 0.10, "C": 0.20, "D": 0.50}


def _subjects(per_class: int = 100) -> list[Subject]:
    """per_class subjects in each class, every other one holding its permit by commitment."""
    out = []
    for cls in "ABCD":
        for i in range(per_class):
            out.append(Subject(f"{cls}{i:017d}", f"主体{cls}{i}", DEPT, cls, by_commitment=i % 2 == 0))
    return out


def _inspectors(n: int = 6, department: str = DEPT) -> list[Inspector]:
    return [Inspector(f"insp{i}", f"执法员{i}", department) for i in range(n)]


def test_commitment_holders_and_others_are_drawn_at_the_same_rate_within_each_class() -> None:
    subjects = _subjects()
    by_uscc = {s.uscc: s for s in subjects}
    draws = 2000
    hits = {(cls, flag): 0 for cls in "ABCD" for flag in (True, False)}
    for n in range(draws):
        result = draw(subjects, _inspectors(), [], RATIOS, f"seed-{n}")
        for drawn in result.subjects:
            s = by_uscc[drawn.uscc]
            hits[(s.credit_class, s.by_commitment)] += 1
    for cls in "ABCD":
        per_group = 50 * draws  # 50 commitment holders and 50 others per class
        committed = hits[(cls, True)] / per_group
        others = hits[(cls, False)] / per_group
        assert abs(committed - others) < 0.03, (cls, committed, others)
        # Each draw takes exactly ceil(ratio × 100) of the class, so the rate over the whole class is
        # exact; each half's rate varies only by sampling (≤ ~0.3 pp standard error at 2,000 draws).
        overall = (hits[(cls, True)] + hits[(cls, False)]) / (100 * draws)
        assert overall == pytest.approx(RATIOS[cls], abs=1e-12)
        assert abs(committed - RATIOS[cls]) < 0.015


def test_different_classes_get_their_configured_rates_on_uneven_pools() -> None:
    """Rates are ceil(r × n) / n: never below r, above it by less than 1/n (the tolerance)."""
    pools = {"A": 37, "B": 61, "C": 23, "D": 9}
    subjects = [Subject(f"{cls}{i:017d}", "x", DEPT, cls) for cls, n in pools.items() for i in range(n)]
    result = draw(subjects, _inspectors(), [], DEFAULT_RATIOS, "uneven")
    for cls, n in pools.items():
        got = sum(1 for s in result.subjects if s.credit_class == cls)
        assert got == sample_size(DEFAULT_RATIOS[cls], n)
        assert DEFAULT_RATIOS[cls] <= got / n < DEFAULT_RATIOS[cls] + 1 / n
    assert sample_size(0.05, 100) == 5  # 0.05 × 100 is 5.000000000000001 in floating point
    assert sample_size(0.0, 100) == 0 and sample_size(1.0, 7) == 7


def test_same_seed_same_result_and_input_order_does_not_matter() -> None:
    subjects = _subjects(20)
    first = draw(subjects, _inspectors(), [], RATIOS, "2026-11-26 公开抽取")
    again = draw(list(reversed(subjects)), list(reversed(_inspectors())), [], RATIOS, "2026-11-26 公开抽取")
    assert first == again and first.canonical_json() == again.canonical_json()
    other = draw(subjects, _inspectors(), [], RATIOS, "another seed")
    assert other.subjects != first.subjects
    # the seed's integer comes from SHA-256, not Python's salted hash(): fixed across runs
    assert seed_to_int("abc") == int("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 16)


def test_the_commitment_flag_is_never_read() -> None:
    subjects = _subjects(30)
    flipped = [Subject(s.uscc, s.name, s.department, s.credit_class, not s.by_commitment) for s in subjects]
    for n in range(20):
        assert draw(subjects, _inspectors(), [], RATIOS, str(n)) == draw(
            flipped, _inspectors(), [], RATIOS, str(n)
        )


def test_every_subject_gets_two_distinct_inspectors_of_its_department_and_recusal_holds() -> None:
    subjects = [Subject(f"S{i:017d}", f"主体{i}", DEPT, "A") for i in range(10)]
    subjects.append(Subject("F00000000000000001", "消防主体", "消防救援大队", "A"))
    inspectors = [
        *_inspectors(4),
        Inspector("fire0", "f0", "消防救援大队"),
        Inspector("fire1", "f1", "消防救援大队"),
    ]
    inspectors.append(Inspector("retired", "退休", DEPT, active=False))
    conflicts = [Conflict("insp0", s.uscc, "亲属") for s in subjects] + [
        Conflict("insp1", "S00000000000000003")
    ]
    for n in range(50):
        result = draw(subjects, inspectors, conflicts, RATIOS, f"r{n}", ratio_override=1.0)
        assert len(result.subjects) == len(subjects)
        for s in result.subjects:
            assert len(s.inspectors) == MIN_INSPECTORS == len(set(s.inspectors))
            assert "insp0" not in s.inspectors and "retired" not in s.inspectors
            if s.uscc == "S00000000000000003":
                assert set(s.inspectors) == {"insp2", "insp3"}
            if s.uscc.startswith("F"):
                assert set(s.inspectors) == {"fire0", "fire1"}
        assert set(result.inspectors) == {name for s in result.subjects for name in s.inspectors}


def test_credit_class_rule() -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    today = date(2026, 11, 26)

    def rec(kind: CreditRecordKind, until: date | None = None) -> CreditRecord:
        return CreditRecord("x", kind, "r", DEPT, at, "U", valid_until=until)

    assert credit_class([], today) == "A"
    assert credit_class([rec(CreditRecordKind.PENALTY, date(2026, 6, 1))], today) == "B"
    assert credit_class([rec(CreditRecordKind.FAILED_CHECK)], today) == "C"
    assert (
        credit_class([rec(CreditRecordKind.VIOLATION), rec(CreditRecordKind.FALSE_COMMITMENT)], today) == "D"
    )
    assert credit_class([rec(CreditRecordKind.MARKET_BAN, date(2027, 1, 1))], today) == "D"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"inspectors": []}, "该部门执法人员库为空，无法抽取"),
        (
            {"inspectors": [Inspector("a", "a", "别的部门"), Inspector("b", "b", "别的部门")]},
            "执法人员库为空",
        ),
        ({"inspectors": [Inspector("a", "a", DEPT)]}, "不足 2 人"),
        ({"conflicts": [Conflict(f"insp{i}", "A00000000000000000") for i in range(5)]}, "因回避不足 2 人"),
        ({"conflicts": [Conflict(f"insp{i}", "A00000000000000000") for i in range(6)]}, "因回避不足 2 人"),
        ({"ratio_override": 1.5}, "应在 0 到 1 之间"),
        ({"ratio_override": -0.1}, "应在 0 到 1 之间"),
        ({"ratio_override": float("nan")}, "应在 0 到 1 之间"),
        ({"ratios": {**RATIOS, "C": 2.0}}, "信用C类抽查比例应在 0 到 1 之间"),
        ({"ratios": {"A": 0.1}, "ratio_override": None}, "未设置信用B、C、D类的抽查比例"),
        ({"seed": "  "}, "请提供随机种子"),
    ],
)
def test_bad_data_is_refused_with_a_chinese_message_and_inputs_are_untouched(
    kwargs: dict[str, object], message: str
) -> None:
    subjects = _subjects(10)
    inspectors = list(kwargs.get("inspectors", _inspectors()))  # type: ignore[call-overload]
    conflicts = list(kwargs.get("conflicts", []))  # type: ignore[call-overload]
    ratios = dict(kwargs.get("ratios", RATIOS))  # type: ignore[call-overload]
    snapshot = (list(subjects), list(inspectors), list(conflicts), dict(ratios))
    override = kwargs.get("ratio_override", 1.0)
    with pytest.raises(DomainError, match=message):
        draw(subjects, inspectors, conflicts, ratios, str(kwargs.get("seed", "s")), override)  # type: ignore[arg-type]
    assert (subjects, inspectors, conflicts, ratios) == snapshot


def test_an_empty_pool_of_subjects_draws_nobody() -> None:
    result = draw([], [], [], RATIOS, "s")
    assert result.subjects == () and result.inspectors == ()
