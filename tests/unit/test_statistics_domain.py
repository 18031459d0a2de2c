"""改革台账: the pure computation on hand-made facts, against hand-computed figures."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from desktop.domain.applications import ActionKind
from desktop.domain.calendar import WorkCalendar
from desktop.domain.catalog import (
    Catalog,
    CatalogVersion,
    FormField,
    Industry,
    Material,
    MaterialSource,
    Matter,
    ReformMode,
)
from desktop.domain.errors import DomainError
from desktop.domain.ratings import RatingLevel
from desktop.domain.statistics import (
    NO_INDUSTRY,
    ItemFact,
    Ledger,
    RatingFact,
    RectificationFact,
    compute,
    split_period,
    validate_period,
)

CST = timezone(timedelta(hours=8))
HOLIDAY = date(2026, 3, 3)  # an invented holiday on a Tuesday


class _Source:
    """Knows 2026: Monday to Friday, except the invented holiday."""

    def knows_year(self, year: int) -> bool:
        return year == 2026

    def is_workday(self, day: date) -> bool:
        return day.weekday() < 5 and day != HOLIDAY


def local_date(at: datetime) -> date:
    return at.astimezone(CST).date()


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """A local (Beijing) time on a day of 2026, as the UTC instant the database stores."""
    return datetime(2026, month, day, hour, minute, tzinfo=CST).astimezone(UTC)


_ids = iter(range(1, 10_000))


def item(
    accepted: datetime,
    *,
    mode: ReformMode = ReformMode.OPTIMIZE,
    department: str = "审批局",
    concluded_by: ActionKind | None = None,
    concluded: datetime | None = None,
    due: date | None = None,
    limit: int = 20,
    industries: tuple[str, ...] = (),
    application: str | None = None,
) -> ItemFact:
    n = next(_ids)
    routed = concluded_by not in (
        ActionKind.FILE,
        ActionKind.RECORD_CANCELLED,
        ActionKind.GRANT_ON_COMMITMENT,
    )
    return ItemFact(
        request_id=f"r{n}",
        application_id=application or f"a{n}",
        matter_code=f"M{n}",
        mode=mode,
        department=department,
        accepted_at=accepted,
        routed=routed,
        concluded_by=concluded_by,
        concluded_at=concluded,
        due=due,
        time_limit_days=limit,
        industries=industries,
    )


def ledger(
    start: date,
    end: date,
    items: list[ItemFact] = [],  # noqa: B006 - never mutated
    *,
    ratings: list[RatingFact] = [],  # noqa: B006
    rectifications: list[RectificationFact] = [],  # noqa: B006
    period: str = "month",
    as_of: date = date(2026, 4, 10),
    catalog: Catalog | None = None,
) -> Ledger:
    return compute(
        start=start,
        end=end,
        period=period,
        as_of=as_of,
        items=items,
        ratings=ratings,
        rectifications=rectifications,
        calendar=WorkCalendar(_Source()),
        local_date=local_date,
        catalog=catalog,
    )


def test_an_empty_period_has_zero_counts_and_no_rates() -> None:
    result = ledger(date(2026, 3, 1), date(2026, 4, 15))
    s = result.summary
    assert (s.applications, s.items, s.immediate, s.reviewed, s.overdue, s.ratings) == (0, 0, 0, 0, 0, 0)
    assert s.immediate_share is None and s.average_days is None and s.overdue_rate is None
    assert s.good_rate is None and result.rectification.completion_rate is None
    assert [g.key for g in result.by_mode] == ["CANCEL", "FILING", "COMMITMENT", "OPTIMIZE"]
    assert all(g.figures.items == 0 for g in result.by_mode)
    assert result.by_department == () and result.by_industry == () and result.reduction == ()
    assert [(g.label, g.start, g.end) for g in result.periods] == [
        ("2026年3月", date(2026, 3, 1), date(2026, 3, 31)),
        ("2026年4月", date(2026, 4, 1), date(2026, 4, 15)),
    ]
    overview = result.tables()[0]
    values = {row[0].text: row[1].text for row in overview.rows}
    assert values["受理办件"] == "0" and values["准入即营占比"] == "—" and values["逾期率"] == "—"
    assert result.as_dict()["summary"]["immediate_share"] is None


def test_working_days_are_counted_on_the_work_calendar_across_a_holiday() -> None:
    facts = [
        # Mon 2 March → Thu 5 March: Tue 3 is a holiday, so Wed and Thu count: 2 working days
        item(
            at(3, 2), concluded_by=ActionKind.GRANT, concluded=at(3, 5, 16), due=date(2026, 3, 17), limit=10
        ),
        # Fri 6 March → Mon 9 March: the weekend does not count: 1 working day
        item(at(3, 6), concluded_by=ActionKind.DENY, concluded=at(3, 9, 9), due=date(2026, 3, 20), limit=10),
        # 智能审批 at acceptance: reviewed, 0 working days, limit 20
        item(
            at(3, 6), concluded_by=ActionKind.AUTO_GRANT, concluded=at(3, 6), due=date(2026, 4, 3), limit=20
        ),
    ]
    s = ledger(date(2026, 3, 1), date(2026, 3, 31), facts).summary
    assert (s.reviewed, s.days_total, s.limit_total) == (3, 3, 40)
    assert s.average_days == pytest.approx(1.0)
    assert s.average_limit == pytest.approx(40 / 3)
    assert s.days_to_limit == pytest.approx(3 / 40)
    assert (s.immediate, s.with_due, s.on_time, s.overdue) == (0, 3, 3, 0)


def test_shares_overdue_ratings_and_rectifications_by_hand() -> None:
    bureau, fire, market = "行政审批服务管理局", "消防救援大队", "市场监督管理局"
    shop = ("便利店",)
    facts = [
        # case a1 (便利店): four items accepted Mon 2 March
        item(at(3, 2), mode=ReformMode.FILING, department=market, concluded_by=ActionKind.FILE,
             concluded=at(3, 2), industries=shop, application="a1"),
        item(at(3, 2), mode=ReformMode.COMMITMENT, department=fire,
             concluded_by=ActionKind.GRANT_ON_COMMITMENT, concluded=at(3, 2), industries=shop,
             application="a1"),
        # decided Thu 19 March, due Mon 16 March: late; 12 working days (holiday on the 3rd)
        item(at(3, 2), department=bureau, concluded_by=ActionKind.GRANT, concluded=at(3, 19),
             due=date(2026, 3, 16), limit=10, industries=shop, application="a1"),
        # still open on the as-of date (10 April), due Fri 27 March: overdue
        item(at(3, 2), department=bureau, due=date(2026, 3, 27), limit=20, industries=shop,
             application="a1"),
        # case a2 (no industry): a cancelled matter recorded, and a commitment declined → routed,
        # open, due after the as-of date: not overdue
        item(at(4, 1, 0, 30), mode=ReformMode.CANCEL, department=market,
             concluded_by=ActionKind.RECORD_CANCELLED, concluded=at(4, 1, 0, 30), application="a2"),
        item(at(4, 1, 0, 30), mode=ReformMode.COMMITMENT, department=fire, due=date(2026, 4, 29),
             application="a2"),
        # outside the period (accepted 23:30 on 28 Feb local time, 15:30 UTC): left out
        item(at(2, 28, 23, 30), department=bureau, application="a0"),
    ]  # fmt: skip
    ratings = [
        RatingFact("a1", RatingLevel.VERY_SATISFIED, at(3, 20)),
        RatingFact("a2", RatingLevel.BASICALLY_SATISFIED, at(4, 2)),
        RatingFact("a3", RatingLevel.DISSATISFIED, at(4, 2)),
        RatingFact("a4", RatingLevel.VERY_DISSATISFIED, at(3, 31, 23, 59)),
        RatingFact("a9", RatingLevel.VERY_DISSATISFIED, at(4, 16, 0, 1)),  # after the period
    ]
    very_bad = RatingLevel.VERY_DISSATISFIED
    tasks = [
        RectificationFact("t1", very_bad, date(2026, 4, 21), at(3, 31, 23, 59), at(4, 3)),
        RectificationFact("t2", RatingLevel.DISSATISFIED, date(2026, 4, 3), at(4, 2), None),  # overdue
        RectificationFact("t3", RatingLevel.DISSATISFIED, date(2026, 4, 30), at(4, 9), None),  # open
        RectificationFact("t4", RatingLevel.DISSATISFIED, date(2026, 3, 24), at(3, 3), at(3, 25)),  # late
    ]  # fmt: skip
    result = ledger(date(2026, 3, 1), date(2026, 4, 15), facts, ratings=ratings, rectifications=tasks)
    s = result.summary
    assert (s.applications, s.items, s.immediate, s.routed, s.concluded, s.open) == (2, 6, 3, 3, 4, 2)
    assert s.immediate_share == pytest.approx(0.5)
    assert (s.reviewed, s.average_days, s.average_limit) == (1, 12.0, 10.0)
    assert (s.with_due, s.on_time, s.late_decided, s.late_open) == (3, 0, 1, 1)
    assert s.overdue_rate == pytest.approx(2 / 3)
    assert (s.ratings, s.good, s.bad) == (4, 2, 2) and s.good_rate == pytest.approx(0.5)

    modes = {g.key: g.figures for g in result.by_mode}
    assert {k: f.items for k, f in modes.items()} == {
        "CANCEL": 1,
        "FILING": 1,
        "COMMITMENT": 2,
        "OPTIMIZE": 2,
    }
    assert (modes["COMMITMENT"].immediate, modes["COMMITMENT"].routed) == (1, 1)

    departments = {g.key: g.figures for g in result.by_department}
    assert [g.key for g in result.by_department] == [market, fire, bureau]  # two items each: by name
    assert departments[bureau].items == 2 and departments[bureau].overdue == 2
    assert departments[fire].mode_count(ReformMode.COMMITMENT) == 2 and departments[fire].immediate == 1
    assert departments[market].immediate == 2 and departments[market].routed == 0

    industries = {g.key: g.figures for g in result.by_industry}
    assert [g.key for g in result.by_industry] == ["便利店", NO_INDUSTRY]
    assert (industries["便利店"].applications, industries["便利店"].items) == (1, 4)
    assert (industries[NO_INDUSTRY].applications, industries[NO_INDUSTRY].items) == (1, 2)

    assert dict(result.rating_levels) == {
        RatingLevel.VERY_SATISFIED: 1,
        RatingLevel.SATISFIED: 0,
        RatingLevel.BASICALLY_SATISFIED: 1,
        RatingLevel.DISSATISFIED: 1,
        RatingLevel.VERY_DISSATISFIED: 1,
    }
    r = result.rectification
    assert (r.total, r.done, r.done_on_time, r.open, r.overdue) == (4, 2, 1, 1, 1)
    assert r.completion_rate == pytest.approx(0.5)

    march, april = (g.figures for g in result.periods)
    assert (march.applications, march.items, march.immediate, march.overdue) == (1, 4, 2, 2)
    assert (april.applications, april.items, april.immediate, april.overdue) == (1, 2, 1, 0)
    assert (march.ratings, march.bad, april.ratings, april.good) == (2, 1, 2, 1)  # 23:59 on 31 March


def test_a_case_of_several_industries_counts_under_each() -> None:
    both = ("便利店", "书店")
    facts = [
        item(at(3, 2), industries=both, application="a1"),
        item(at(3, 2), industries=both, application="a1"),
        item(at(3, 4), industries=("书店",), application="a2"),
    ]
    groups = {g.key: g.figures for g in ledger(date(2026, 3, 1), date(2026, 3, 31), facts).by_industry}
    assert {k: (f.applications, f.items) for k, f in groups.items()} == {"书店": (2, 3), "便利店": (1, 2)}


def _matter(code: str, fields: list[str], materials: list[tuple[str, MaterialSource]]) -> Matter:
    return Matter(
        code, code, "部门", "待核实", "县级", "审批局", ReformMode.OPTIMIZE,
        fields=tuple(FormField(f, f) for f in fields),
        materials=tuple(Material(m, m, s) for m, s in materials),
    )  # fmt: skip


def test_field_and_material_reduction_per_industry() -> None:
    applicant, held = MaterialSource.APPLICANT, MaterialSource.GOVERNMENT
    food = _matter("F", ["name", "uscc", "area"], [("form", applicant), ("licence", held)])
    fire = _matter(
        "X", ["name", "uscc", "exits"], [("form", applicant), ("plan", applicant), ("licence", held)]
    )
    catalog = Catalog(
        CatalogVersion(1, "v1", date(2026, 1, 1), "test"),
        [food, fire],
        [Industry("I1", "小餐饮", "审批局", ("F", "X")), Industry("I2", "消防", "审批局", ("X",))],
    )
    facts = [
        item(at(3, 2), industries=("小餐饮",), application="a1"),
        item(at(3, 3), industries=("小餐饮",), application="a2"),
    ]
    result = ledger(date(2026, 3, 1), date(2026, 3, 31), facts, catalog=catalog)
    dining, fire_only = result.reduction
    # separately: 3 + 3 fields, 2 + 3 materials; one form: name, uscc, area, exits; form and plan
    assert (dining.industry, dining.matters) == ("小餐饮", 2)
    assert (dining.fields_before, dining.fields_after, dining.fields_saved) == (6, 4, 2)
    assert (dining.materials_before, dining.materials_after, dining.materials_saved) == (5, 2, 3)
    assert dining.applications == 2
    assert dining.as_dict()["fields_saved_total"] == 4 and dining.as_dict()["materials_saved_total"] == 6
    assert (fire_only.fields_saved, fire_only.materials_saved, fire_only.applications) == (0, 1, 0)
    table = {t.sheet: t for t in result.tables()}["减材料减表单"]
    assert [c.text for c in table.rows[0]] == ["小餐饮", "2", "6", "4", "2", "5", "2", "3", "2", "4", "6"]


def test_weeks_are_monday_to_sunday_and_clipped_to_the_period() -> None:
    assert split_period(date(2026, 3, 4), date(2026, 3, 20), "week") == [
        ("2026年第10周", date(2026, 3, 4), date(2026, 3, 8)),
        ("2026年第11周", date(2026, 3, 9), date(2026, 3, 15)),
        ("2026年第12周", date(2026, 3, 16), date(2026, 3, 20)),
    ]
    facts = [item(at(3, 8, 23)), item(at(3, 9, 0, 5)), item(at(3, 20))]
    result = ledger(date(2026, 3, 4), date(2026, 3, 20), facts, period="week")
    assert [g.figures.items for g in result.periods] == [1, 1, 1]
    assert result.tables()[-1].title == "九、分期统计（按周）"


def test_a_month_period_across_a_year_end() -> None:
    assert [label for label, _, _ in split_period(date(2025, 12, 20), date(2026, 2, 1), "month")] == [
        "2025年12月",
        "2026年1月",
        "2026年2月",
    ]


def test_a_bad_period_is_refused_in_words() -> None:
    with pytest.raises(DomainError, match="起始日期（2026-03-02）不能晚于截止日期（2026-03-01）"):
        validate_period(date(2026, 3, 2), date(2026, 3, 1), "month")
    with pytest.raises(DomainError, match="统计周期"):
        validate_period(date(2026, 3, 1), date(2026, 3, 2), "year")
    with pytest.raises(DomainError, match="最长 10 年"):
        validate_period(date(2000, 1, 1), date(2026, 1, 1), "month")
    validate_period(date(2026, 3, 1), date(2026, 3, 1), "week")  # one day is a period


def test_the_tables_carry_chinese_headers_and_formatted_values() -> None:
    facts = [
        item(at(3, 2), mode=ReformMode.FILING, concluded_by=ActionKind.FILE, concluded=at(3, 2)),
        item(at(3, 2), concluded_by=ActionKind.GRANT, concluded=at(3, 5), due=date(2026, 3, 30), limit=10),
        item(at(3, 2)),
    ]
    tables = {t.sheet: t for t in ledger(date(2026, 3, 1), date(2026, 3, 31), facts).tables()}
    assert list(tables) == [
        "概况",
        "按模式",
        "按部门",
        "按行业",
        "时限",
        "减材料减表单",
        "评价",
        "整改",
        "按期",
    ]
    by_mode = tables["按模式"]
    assert by_mode.headers == ("改革方式", "事项数", "占比", "准入即营", "转审批", "已办结", "办理中")
    filing = next(row for row in by_mode.rows if row[0].value == "审批改为备案")
    assert [c.text for c in filing] == ["审批改为备案", "1", "33.3%", "1", "0", "1", "0"]
    assert [c.text for c in by_mode.rows[-1]] == ["合计", "3", "100.0%", "1", "2", "2", "1"]
    timing = tables["时限"].rows[-1]
    assert [c.text for c in timing] == ["合计", "2", "1", "2.0", "10.0", "20.0%", "1", "0", "0", "0.0%"]
    assert timing[3].kind == "days" and timing[9].kind == "percent" and timing[9].value == 0.0
