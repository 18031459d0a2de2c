"""The catalog of permit matters (事项清单), its versions, industries and business-scope terms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum

from desktop.domain.errors import DomainError, NotFound
from desktop.domain.scope import normalize_scope_text, split_scope


class ReformMode(str, Enum):
    """改革方式 — the four ways a matter is reformed."""

    CANCEL = "CANCEL"
    FILING = "FILING"
    COMMITMENT = "COMMITMENT"
    OPTIMIZE = "OPTIMIZE"

    @property
    def label(self) -> str:
        return REFORM_MODE_LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> ReformMode:
        """Accept the official Chinese name, the short name or the code."""
        key = text.strip()
        for mode, label in REFORM_MODE_LABELS.items():
            if key in (label, mode.value, REFORM_MODE_SHORT[mode]):
                return mode
        raise DomainError(f"改革方式“{text}”无法识别，应为：" + "、".join(REFORM_MODE_LABELS.values()))


REFORM_MODE_LABELS: dict[ReformMode, str] = {
    ReformMode.CANCEL: "直接取消审批",
    ReformMode.FILING: "审批改为备案",
    ReformMode.COMMITMENT: "实行告知承诺",
    ReformMode.OPTIMIZE: "优化审批服务",
}
REFORM_MODE_SHORT: dict[ReformMode, str] = {
    ReformMode.CANCEL: "取消",
    ReformMode.FILING: "备案",
    ReformMode.COMMITMENT: "承诺",
    ReformMode.OPTIMIZE: "优化",
}

APPROVAL_LEVELS = ("国家级", "省级", "市级", "县级")
STATUTORY_REVIEW_DAYS = 20  # 行政许可法第四十二条


class MaterialSource(str, Enum):
    """Who provides a material: the applicant, or a government department already holds it."""

    APPLICANT = "applicant"
    GOVERNMENT = "government"

    @property
    def label(self) -> str:
        return "申请人" if self is MaterialSource.APPLICANT else "政府部门"

    @classmethod
    def from_label(cls, text: str) -> MaterialSource:
        key = text.strip()
        if key in ("申请人", "applicant"):
            return cls.APPLICANT
        if key in ("政府部门", "government", "部门共享"):
            return cls.GOVERNMENT
        raise DomainError(f"材料来源“{text}”无法识别，应为“申请人”或“政府部门”")


FIELD_TYPES = ("text", "number", "date", "choice", "bool", "phone", "uscc", "id")


@dataclass(frozen=True)
class FormField:
    code: str
    label: str
    type: str = "text"
    required: bool = True


@dataclass(frozen=True)
class Material:
    code: str
    name: str
    source: MaterialSource = MaterialSource.APPLICANT
    copies: int = 1


@dataclass(frozen=True)
class CheckWindow:
    """How long after the grant a commitment check (核查) is due: N working days or N months."""

    amount: int
    unit: str  # "working_days" | "months"

    _PATTERN = re.compile(r"^\s*(\d+)\s*(个工作日|工作日|个月|月|WD|M)\s*$", re.IGNORECASE)

    @classmethod
    def parse(cls, text: str) -> CheckWindow | None:
        if not text.strip():
            return None
        match = cls._PATTERN.match(text)
        if not match:
            raise DomainError(f"核查期限“{text}”格式不正确，应写作“30个工作日”或“2个月”")
        amount = int(match.group(1))
        unit = "months" if match.group(2).upper() in ("个月", "月", "M") else "working_days"
        return cls(amount, unit)

    def __str__(self) -> str:
        return f"{self.amount}个工作日" if self.unit == "working_days" else f"{self.amount}个月"


@dataclass(frozen=True)
class Quota:
    """总量控制: a published cap, with how many permits count against it now."""

    cap: int
    used: int = 0

    @property
    def remaining(self) -> int:
        return max(0, self.cap - self.used)


@dataclass(frozen=True)
class Provenance:
    source: str = ""
    verified: bool = False


@dataclass(frozen=True)
class Matter:
    """One permit matter (涉企经营许可事项) with every column of the official list."""

    code: str
    name: str
    competent_department: str
    legal_basis: str
    approval_level: str
    approving_department: str
    mode: ReformMode
    reform_measures: str = ""
    supervision_measures: str = ""
    remarks: str = ""
    approval_method: str = ""
    ftz_only: bool = False
    time_limit_days: int = 20
    check_window: CheckWindow | None = None
    trial_operation_allowed: bool = False
    quota: Quota | None = None
    fields: tuple[FormField, ...] = ()
    materials: tuple[Material, ...] = ()
    conditions: tuple[str, ...] = ()  # 许可条件, listed concretely (no catch-all clauses)
    provenance: Provenance = field(default_factory=Provenance)

    @property
    def review_time_limit(self) -> int:
        """Working days for ordinary review. A matter decided on the spot (limit 0) that goes to
        review anyway — a commitment the applicant declined, the old procedure — gets the
        statutory 20 working days (行政许可法第四十二条)."""
        return self.time_limit_days or STATUTORY_REVIEW_DAYS

    def mode_outside_ftz(self, in_ftz: bool) -> ReformMode | None:
        """The reform mode that applies, or None when the old procedure applies (按原规定办理)."""
        if self.ftz_only and not in_ftz:
            return None
        return self.mode


@dataclass(frozen=True)
class Industry:
    """一业一证: an industry bundling several matters, led by one department."""

    code: str
    name: str
    lead_department: str
    matter_codes: tuple[str, ...]
    provenance: Provenance = field(default_factory=Provenance)


class ScopeTermKind(str, Enum):
    LICENSED = "licensed"  # 许可项目
    GENERAL = "general"  # 一般项目

    @property
    def label(self) -> str:
        return "许可" if self is ScopeTermKind.LICENSED else "一般"

    @classmethod
    def from_label(cls, text: str) -> ScopeTermKind:
        key = text.strip()
        if key in ("许可", "许可项目", "licensed"):
            return cls.LICENSED
        if key in ("一般", "一般项目", "general"):
            return cls.GENERAL
        raise DomainError(f"经营范围类别“{text}”无法识别，应为“许可”或“一般”")


@dataclass(frozen=True)
class ScopeTerm:
    """A standard business-scope wording (经营范围规范表述) and the matters it triggers."""

    term: str
    kind: ScopeTermKind
    matter_codes: tuple[str, ...] = ()
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(frozen=True)
class CatalogVersion:
    id: int
    label: str
    created_on: date
    source: str
    note: str = ""


@dataclass(frozen=True)
class LookupResult:
    """What a business scope (or a set of industries) requires."""

    matters: tuple[Matter, ...]
    terms: tuple[ScopeTerm, ...]
    unknown_terms: tuple[str, ...]

    @property
    def operate_on_registration(self) -> bool:
        """准入即营: nothing to apply for, the business may operate at once."""
        return not self.matters


class Catalog:
    """One catalog version in memory: matters, industries and scope terms, indexed for look-up."""

    def __init__(
        self,
        version: CatalogVersion,
        matters: Iterable[Matter],
        industries: Iterable[Industry] = (),
        scope_terms: Iterable[ScopeTerm] = (),
    ) -> None:
        self.version = version
        self.matters: dict[str, Matter] = {m.code: m for m in matters}
        self.industries: dict[str, Industry] = {i.code: i for i in industries}
        self.scope_terms: dict[str, ScopeTerm] = {}
        for term in scope_terms:
            self.scope_terms[normalize_scope_text(term.term)] = term
        self._check_references()

    def with_quota_usage(self, used: Mapping[str, int]) -> Catalog:
        """The same catalog with each quota's current count (the only part that changes)."""
        clone = object.__new__(Catalog)
        clone.version = self.version
        clone.matters = {
            code: replace(m, quota=Quota(m.quota.cap, used.get(code, 0))) if m.quota else m
            for code, m in self.matters.items()
        }
        clone.industries = self.industries
        clone.scope_terms = self.scope_terms
        return clone

    def _check_references(self) -> None:
        for industry in self.industries.values():
            for code in industry.matter_codes:
                if code not in self.matters:
                    raise DomainError(f"行业“{industry.name}”引用了不存在的事项编码 {code}")
        for term in self.scope_terms.values():
            for code in term.matter_codes:
                if code not in self.matters:
                    raise DomainError(f"经营范围“{term.term}”引用了不存在的事项编码 {code}")

    # -- look-up ----------------------------------------------------------------------------
    def matter(self, code: str) -> Matter:
        try:
            return self.matters[code]
        except KeyError:
            raise NotFound(f"事项清单（版本 {self.version.label}）中没有编码为 {code} 的事项") from None

    def industry(self, code_or_name: str) -> Industry:
        if code_or_name in self.industries:
            return self.industries[code_or_name]
        for industry in self.industries.values():
            if industry.name == code_or_name:
                return industry
        raise NotFound(f"没有找到行业“{code_or_name}”")

    def _ordered(self, codes: Iterable[str]) -> tuple[Matter, ...]:
        seen: dict[str, Matter] = {}
        for code in codes:
            if code not in seen:
                seen[code] = self.matter(code)
        return tuple(seen.values())

    def lookup_scope(self, text: str) -> LookupResult:
        """Matters required by a business-scope string; unknown terms are reported, not guessed."""
        terms: list[ScopeTerm] = []
        unknown: list[str] = []
        for raw in split_scope(text, is_known=lambda s: s in self.scope_terms):
            found = self.scope_terms.get(raw)
            if found is None:
                unknown.append(raw)
            elif found not in terms:
                terms.append(found)
        matters = self._ordered(code for t in terms for code in t.matter_codes)
        return LookupResult(matters, tuple(terms), tuple(unknown))

    def lookup_industries(self, codes_or_names: Sequence[str]) -> LookupResult:
        """一业一证 / 多业一证: the union of the chosen industries' matters."""
        industries = [self.industry(c) for c in codes_or_names]
        matters = self._ordered(code for i in industries for code in i.matter_codes)
        return LookupResult(matters, (), ())

    # -- statistics -------------------------------------------------------------------------
    def departments(self) -> set[str]:
        return {m.competent_department for m in self.matters.values()}

    def mode_counts(self) -> dict[ReformMode, int]:
        counts = {mode: 0 for mode in ReformMode}
        for matter in self.matters.values():
            counts[matter.mode] += 1
        return counts
