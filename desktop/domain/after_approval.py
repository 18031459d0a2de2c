"""What follows approval (事中事后监管): the commitment snapshot, commitment checks (核查) with
rectification, and the permit lifecycle (暂扣、撤销、吊销、注销、延续、变更).

Supervision follows what the applicant was told: the conditions the commitment letter printed are
kept per case (``CommitmentSnapshot``), and a failed check may cite only those.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from desktop.domain.catalog import CheckWindow
from desktop.domain.errors import DomainError, IllegalTransition
from desktop.domain.permits import Permit, PermitStatus

NOT_IN_SNAPSHOT = "该项未在告知承诺书中告知申请人，不能作为违诺依据"
RECTIFICATION_WORKING_DAYS = 15  # 责令限期整改: default deadline of a rectification order
DEFAULT_CHECK_WINDOW = CheckWindow(30, "working_days")  # what the letter prints when none is set
CREDIT_RECORD_YEARS = 3  # automatic credit records stay in force this long (信用修复 after that)


def add_months(day: date, months: int) -> date:
    """Calendar months; the 31st lands on the month's last day (1-31 + 1 month → 2-28/29)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


@dataclass(frozen=True)
class CommitmentSnapshot:
    """What the commitment letter (告知承诺书) stated for one matter of a case, taken at acceptance
    from the case's catalog version. Later catalog versions never change it."""

    application_id: str
    matter_code: str
    catalog_version_id: int
    matter_name: str
    legal_basis: str
    conditions: tuple[str, ...]
    materials: tuple[str, ...]
    check_window: str
    consequences: tuple[str, ...]
    taken_at: datetime

    @property
    def items(self) -> tuple[str, ...]:
        """The check items (核查事项): the licensing conditions the applicant committed to."""
        return self.conditions

    def as_json(self) -> dict[str, Any]:
        return {
            "matter_name": self.matter_name,
            "legal_basis": self.legal_basis,
            "conditions": list(self.conditions),
            "materials": list(self.materials),
            "check_window": self.check_window,
            "consequences": list(self.consequences),
        }

    @classmethod
    def from_json(
        cls,
        application_id: str,
        matter_code: str,
        catalog_version_id: int,
        taken_at: datetime,
        data: Mapping[str, Any],
    ) -> CommitmentSnapshot:
        return cls(
            application_id,
            matter_code,
            catalog_version_id,
            str(data.get("matter_name", "")),
            str(data.get("legal_basis", "")),
            tuple(str(c) for c in data.get("conditions", [])),
            tuple(str(m) for m in data.get("materials", [])),
            str(data.get("check_window", "")),
            tuple(str(c) for c in data.get("consequences", [])),
            taken_at,
        )

    def check_cited(self, items: Sequence[str]) -> tuple[str, ...]:
        """The cited items, each exactly as the letter stated it; anything else is refused."""
        cited = tuple(dict.fromkeys(i.strip() for i in items if i.strip()))
        for item in cited:
            if item not in self.conditions:
                raise DomainError(f"{NOT_IN_SNAPSHOT}：“{item}”")
        return cited


class CheckStatus(str, Enum):
    SCHEDULED = "scheduled"  # 待核查
    PASSED = "passed"  # 核查合格 (or rectified)
    FAILED = "failed"  # 不合格、整改未通过，但许可证尚未出件，无证可撤
    RECTIFYING = "rectifying"  # 不合格，限期整改中
    ANNULLED = "annulled"  # 整改未通过，许可已撤销

    @property
    def label(self) -> str:
        return {
            "scheduled": "待核查",
            "passed": "合格",
            "failed": "不合格",
            "rectifying": "限期整改中",
            "annulled": "已撤销许可",
        }[self.value]

    @property
    def open(self) -> bool:
        return self in (CheckStatus.SCHEDULED, CheckStatus.RECTIFYING)


@dataclass(frozen=True)
class CommitmentCheck:
    """核查: one scheduled check of a permit granted on commitment."""

    id: str
    application_id: str
    application_number: str
    matter_code: str
    matter_name: str
    uscc: str
    department: str  # the competent department, which supervises
    due_on: date
    created_at: datetime
    status: CheckStatus = CheckStatus.SCHEDULED
    permit_number: str = ""
    due_provisional: bool = False
    result: str = ""  # "" | passed | failed
    findings: str = ""
    items: tuple[str, ...] = ()  # cited conditions (from the snapshot only)
    recorded_by: str = ""
    recorded_at: datetime | None = None
    rectification_due: date | None = None
    rectification_note: str = ""
    closed_by: str = ""
    closed_at: datetime | None = None

    def overdue(self, today: date) -> bool:
        deadline = self.rectification_due if self.status is CheckStatus.RECTIFYING else self.due_on
        return self.status.open and deadline is not None and today > deadline


class LifecycleAction(str, Enum):
    SUSPEND = "suspend"  # 暂扣 → 02
    REINSTATE = "reinstate"  # 暂扣期满/解除 → 01
    ANNUL = "annul"  # 撤销 → 03
    REVOKE = "revoke"  # 吊销 → 07 (a penalty)
    DEREGISTER = "deregister"  # 注销 → 04
    RENEW = "renew"  # 延续: new permit; the previous → 99
    CHANGE = "change"  # 变更: new version; the previous → 99

    @property
    def label(self) -> str:
        return LIFECYCLE_LABELS[self]


LIFECYCLE_LABELS = {
    LifecycleAction.SUSPEND: "暂扣",
    LifecycleAction.REINSTATE: "解除暂扣",
    LifecycleAction.ANNUL: "撤销",
    LifecycleAction.REVOKE: "吊销",
    LifecycleAction.DEREGISTER: "注销",
    LifecycleAction.RENEW: "延续",
    LifecycleAction.CHANGE: "变更",
}

_V, _S, _E = PermitStatus.VALID, PermitStatus.SUSPENDED, PermitStatus.EXPIRED
# action -> (statuses it may start from (effective status), status it leaves the permit in)
LIFECYCLE_TRANSITIONS: dict[LifecycleAction, tuple[frozenset[PermitStatus], PermitStatus]] = {
    LifecycleAction.SUSPEND: (frozenset({_V}), PermitStatus.SUSPENDED),
    LifecycleAction.REINSTATE: (frozenset({_S}), PermitStatus.VALID),
    LifecycleAction.ANNUL: (frozenset({_V, _S}), PermitStatus.ANNULLED),
    LifecycleAction.REVOKE: (frozenset({_V, _S}), PermitStatus.REVOKED),
    LifecycleAction.DEREGISTER: (frozenset({_V, _S, _E}), PermitStatus.DEREGISTERED),
    LifecycleAction.RENEW: (frozenset({_V, _E}), PermitStatus.OTHER),
    LifecycleAction.CHANGE: (frozenset({_V}), PermitStatus.OTHER),
}


def next_status(permit: Permit, action: LifecycleAction, today: date) -> PermitStatus:
    """The status ``action`` leaves the permit in; an illegal transition is refused in Chinese."""
    allowed, target = LIFECYCLE_TRANSITIONS[action]
    current = permit.effective_status(today)
    if current not in allowed:
        raise IllegalTransition(
            f"许可证 {permit.number} 当前状态为“{current.label}”，不能{action.label}"
            + (f"（{permit.status_reason}）" if permit.status_reason else "")
        )
    return target


@dataclass(frozen=True)
class PermitEvent:
    """One lifecycle decision on a permit (the change record of 变更 included)."""

    permit_number: str
    action: LifecycleAction
    from_status: PermitStatus
    to_status: PermitStatus
    reason: str
    actor: str
    at: datetime
    new_number: str | None = None
    until: date | None = None  # 暂扣 period end
    detail: Mapping[str, Any] = field(default_factory=dict)
