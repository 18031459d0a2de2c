"""双随机、一公开: random inspection draws with equal treatment (standard library only).

The draw is a pure function of its inputs. The same subjects, inspectors, conflicts, ratios and
seed give the same result on any machine and any Python version:

* the seed text is turned into an integer with SHA-256 (never Python's salted ``hash()``);
* subjects and inspectors are sorted canonically (credit class, USCC / username) first;
* only ``random.Random.random()`` is used (its sequence is guaranteed stable across versions),
  with our own partial Fisher–Yates shuffle — not ``sample``/``shuffle``, whose algorithms may
  change between releases.

Equal treatment: subjects are sampled per credit class at the class's ratio, uniformly within the
class. Whether a permit was obtained by commitment (告知承诺) is carried on the subject for
reporting only; the draw never reads it.

Rounding: a class of ``n`` subjects at ratio ``r`` yields ``ceil(r × n)`` subjects (抽查比例“不低于”
the configured ratio; ``r × n`` is rounded to 9 decimals first so 0.05 × 100 gives 5, not 6).
A ratio of 0 draws nobody from that class.

Credit classes (信用分类, a documented local rule until the platform supplies one), from the
subject's credit records:

* D — a false commitment (虚假承诺) or market ban (市场禁入) still in force;
* C — a failed check, violation or penalty still in force;
* B — only records no longer in force (repaired or expired: 信用修复后);
* A — no credit record at all.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from desktop.domain.credit import CreditRecord, CreditRecordKind
from desktop.domain.errors import DomainError

CREDIT_CLASSES = ("A", "B", "C", "D")
MIN_INSPECTORS = 2  # 每个抽中主体至少两名执法人员
DEFAULT_RATIOS = {"A": 0.03, "B": 0.05, "C": 0.10, "D": 0.30}

_SERIOUS = frozenset({CreditRecordKind.FALSE_COMMITMENT, CreditRecordKind.MARKET_BAN})


def credit_class(records: Iterable[CreditRecord], today: date) -> str:
    """A, B, C or D by the rule in the module docstring."""
    records = list(records)
    in_force = [r for r in records if r.in_force(today)]
    if any(r.kind in _SERIOUS for r in in_force):
        return "D"
    if in_force:
        return "C"
    if records:
        return "B"
    return "A"


class InspectionOutcome(str, Enum):
    """抽查结果 (the categories used when 双随机 results are published)."""

    NO_PROBLEM = "no_problem"
    CORRECTED = "corrected"
    PENDING = "pending"
    UNREACHABLE = "unreachable"
    NO_ACTIVITY = "no_activity"
    OBSTRUCTED = "obstructed"

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]


OUTCOME_LABELS = {
    InspectionOutcome.NO_PROBLEM: "未发现问题",
    InspectionOutcome.CORRECTED: "发现问题已责令改正",
    InspectionOutcome.PENDING: "发现问题待后续处理",
    InspectionOutcome.UNREACHABLE: "通过登记的住所（经营场所）无法联系",
    InspectionOutcome.NO_ACTIVITY: "未发现开展本次抽查涉及的经营活动",
    InspectionOutcome.OBSTRUCTED: "不配合检查情节严重",
}


def parse_outcome(value: str) -> InspectionOutcome:
    for outcome in InspectionOutcome:
        if value in (outcome.value, outcome.label):
            return outcome
    choices = "、".join(f"{o.value}（{o.label}）" for o in InspectionOutcome)
    raise DomainError(f"未知的抽查结果“{value}”，可用：{choices}")


@dataclass(frozen=True)
class InspectionItem:
    matter_code: str
    department: str
    item: str
    basis: str = ""
    source: str = ""


@dataclass(frozen=True)
class Subject:
    """A market subject in a matter's pool (one per USCC)."""

    uscc: str
    name: str
    department: str  # whose inspector pool checks it: the matter's competent department
    credit_class: str
    by_commitment: bool = False  # reporting only: the draw never reads it


@dataclass(frozen=True)
class PoolHolder:
    """A holder of a valid permit, a filing or a recorded cancelled matter (before classing)."""

    uscc: str
    name: str
    by_commitment: bool = False


@dataclass(frozen=True)
class Inspector:
    username: str
    name: str
    department: str
    active: bool = True


@dataclass(frozen=True)
class Conflict:
    """A declared conflict of interest: the inspector is recused from the subject (回避)."""

    inspector: str
    uscc: str
    reason: str = ""


@dataclass(frozen=True)
class DrawnSubject:
    uscc: str
    name: str
    credit_class: str
    inspectors: tuple[str, ...]


@dataclass(frozen=True)
class Draw:
    seed: str
    ratios: Mapping[str, float]  # the ratio applied to each class (the override, if given)
    pool: Mapping[str, int]  # subjects per class in the pool
    subjects: tuple[DrawnSubject, ...]

    @property
    def inspectors(self) -> tuple[str, ...]:
        return tuple(sorted({name for s in self.subjects for name in s.inspectors}))

    def as_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "ratios": {k: self.ratios[k] for k in sorted(self.ratios)},
            "pool": {k: self.pool[k] for k in sorted(self.pool)},
            "subjects": [
                {
                    "uscc": s.uscc,
                    "name": s.name,
                    "credit_class": s.credit_class,
                    "inspectors": list(s.inspectors),
                }
                for s in self.subjects
            ],
            "inspectors": list(self.inspectors),
        }

    def canonical_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def fingerprint(self) -> str:
        """32 hex digits identifying this result (and so a repeated identical draw)."""
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()[:32]


def seed_to_int(seed: str) -> int:
    return int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest(), "big")


def sample_size(ratio: float, count: int) -> int:
    """ceil(ratio × count), with ratio × count rounded to 9 decimals first; at most ``count``."""
    return min(count, math.ceil(round(ratio * count, 9)))


def check_ratio(ratio: float, label: str = "抽查比例") -> None:
    if not (isinstance(ratio, int | float) and math.isfinite(ratio) and 0.0 <= ratio <= 1.0):
        raise DomainError(f"{label}应在 0 到 1 之间（例如 0.05 表示 5%），收到 {ratio}")


def _pick(rng: random.Random, items: Sequence[Any], k: int) -> list[Any]:
    """k distinct items, by a partial Fisher–Yates shuffle driven only by rng.random()."""
    pool = list(items)
    n = len(pool)
    for i in range(k):
        j = i + int(rng.random() * (n - i))
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:k]


def draw(
    subjects: Iterable[Subject],
    inspectors: Iterable[Inspector],
    conflicts: Iterable[Conflict],
    ratios_by_class: Mapping[str, float],
    seed: str,
    ratio_override: float | None = None,
) -> Draw:
    """Draw subjects per credit class and at least two unconflicted inspectors for each."""
    seed = seed.strip()
    if not seed:
        raise DomainError("请提供随机种子（公开抽取时当场确定，可供复核）")
    if ratio_override is not None:
        check_ratio(ratio_override)
    for cls, ratio in ratios_by_class.items():
        check_ratio(ratio, f"信用{cls}类抽查比例")

    by_uscc: dict[str, Subject] = {}
    for s in subjects:
        by_uscc.setdefault(s.uscc, s)  # one entry per market subject
    ordered = sorted(by_uscc.values(), key=lambda s: (s.credit_class, s.uscc))
    classes = sorted({s.credit_class for s in ordered})
    missing = [c for c in classes if c not in ratios_by_class and ratio_override is None]
    if missing:
        raise DomainError(f"未设置信用{'、'.join(missing)}类的抽查比例")

    pools: dict[str, list[Inspector]] = {}
    for person in sorted(inspectors, key=lambda p: p.username):
        if person.active:
            pools.setdefault(person.department, []).append(person)
    for department in sorted({s.department for s in ordered}):
        available = pools.get(department, [])
        if not available:
            raise DomainError(f"该部门执法人员库为空，无法抽取（{department or '未指定部门'}）")
        if len(available) < MIN_INSPECTORS:
            raise DomainError(f"{department}执法人员库不足 {MIN_INSPECTORS} 人，无法抽取")
    recused: dict[str, set[str]] = {}
    for c in conflicts:
        recused.setdefault(c.uscc, set()).add(c.inspector)

    rng = random.Random(seed_to_int(seed))
    ratios: dict[str, float] = {}
    pool_sizes: dict[str, int] = {}
    chosen: list[Subject] = []
    for cls in classes:
        members = [s for s in ordered if s.credit_class == cls]
        ratio = ratio_override if ratio_override is not None else ratios_by_class[cls]
        ratios[cls] = ratio
        pool_sizes[cls] = len(members)
        picked = _pick(rng, members, sample_size(ratio, len(members)))
        chosen.extend(sorted(picked, key=lambda s: s.uscc))

    drawn: list[DrawnSubject] = []
    for s in chosen:
        candidates = [p for p in pools[s.department] if p.username not in recused.get(s.uscc, set())]
        if len(candidates) < MIN_INSPECTORS:
            raise DomainError(
                f"{s.name}（{s.uscc}）：{s.department}可参与的执法人员"
                f"因回避不足 {MIN_INSPECTORS} 人，无法抽取"
            )
        team = sorted(p.username for p in _pick(rng, candidates, MIN_INSPECTORS))
        drawn.append(DrawnSubject(s.uscc, s.name, s.credit_class, tuple(team)))
    return Draw(seed, ratios, pool_sizes, tuple(drawn))


@dataclass(frozen=True)
class DrawRecord:
    """A draw as stored: its inputs and its result (``Draw.as_dict()`` plus the matter)."""

    id: str
    seed: str
    matter_code: str
    ratio_override: float | None
    drawn_at: datetime
    drawn_by: str
    result: Mapping[str, Any]

    def subject(self, uscc: str) -> Mapping[str, Any] | None:
        subjects: list[Mapping[str, Any]] = list(self.result.get("subjects", []))
        return next((s for s in subjects if s.get("uscc") == uscc), None)


@dataclass(frozen=True)
class InspectionResult:
    draw_id: str
    uscc: str
    outcome: InspectionOutcome
    findings: str
    recorded_at: datetime
    recorded_by: str
    published: bool = False
    published_at: datetime | None = None
