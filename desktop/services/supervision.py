"""Reads for the after-approval workbenches (事中事后监管): the inspector's open commitment checks
with what each letter stated, and a permit with its lifecycle history for the approving
department's 证照管理. Commands stay in desktop/services/checks.py and lifecycle.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.after_approval import (
    LIFECYCLE_TRANSITIONS,
    CheckStatus,
    CommitmentCheck,
    CommitmentSnapshot,
    LifecycleAction,
    PermitEvent,
)
from desktop.domain.enterprises import Enterprise
from desktop.domain.errors import DomainError, NotFound
from desktop.domain.permits import Permit, PermitStatus
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Services, require

MIN_SEARCH = 2  # characters, as in case search
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class CheckRow:
    """An open check as the inspector's list shows it."""

    check: CommitmentCheck
    enterprise_name: str
    snapshot: CommitmentSnapshot | None  # None: no commitment record (the check cannot be recorded)
    deadline: date  # what is due now: the check, or the rectification while rectifying
    overdue: bool
    permit_number: str  # "" while no permit has been issued for the item


def open_checks(services: Services, actor: Actor, department: str | None = None) -> list[CheckRow]:
    """Checks still to do (scheduled, or in rectification), earliest deadline first; with
    ``department``, only those the department supervises."""
    require(actor, Permission.INSPECT)
    today = services.clock.today()
    with services.uow() as uow:
        found = uow.commitments.checks((CheckStatus.SCHEDULED, CheckStatus.RECTIFYING))
        names: dict[str, str] = {}
        rows = []
        for check in found:
            if department is not None and check.department != department:
                continue
            if check.uscc not in names:
                holder = uow.enterprises.get(check.uscc)
                names[check.uscc] = holder.name if holder else ""
            deadline = (
                check.rectification_due
                if check.status is CheckStatus.RECTIFYING and check.rectification_due
                else check.due_on
            )
            permit = check.permit_number or next(
                (
                    p.number
                    for p in uow.permits.permits_for(check.application_id)
                    if p.matter_code == check.matter_code and p.previous_number is None
                ),
                "",
            )
            rows.append(
                CheckRow(
                    check,
                    names[check.uscc],
                    uow.commitments.snapshot(check.application_id, check.matter_code),
                    deadline,
                    check.overdue(today),
                    permit,
                )
            )
    return sorted(rows, key=lambda r: (r.deadline, r.check.application_number, r.check.matter_code))


@dataclass(frozen=True)
class PermitSummary:
    number: str
    matter_name: str
    enterprise_name: str
    uscc: str
    status: PermitStatus  # effective today (a permit past its validity is 失效)
    department: str  # approving department


@dataclass(frozen=True)
class PermitView:
    """A permit, who decides on it, its holder and every lifecycle decision of its lineage."""

    permit: Permit
    status: PermitStatus  # effective today
    matter_name: str
    department: str  # approving department: its reviewers decide
    competent_department: str
    application_number: str
    enterprise: Enterprise | None
    licences: tuple[str, ...]  # 行业综合许可证 carrying this permit
    history: tuple[PermitEvent, ...]  # this permit's decisions and its predecessors', oldest first
    successor: str | None  # the permit that replaced it (延续/变更)
    allowed: tuple[LifecycleAction, ...]  # what its current status allows


def _summary(uow: UnitOfWork, permit: Permit, today: date) -> PermitSummary:
    app = uow.applications.get(permit.application_id)
    request = app.request_for(permit.matter_code)
    return PermitSummary(
        permit.number,
        request.matter_name,
        app.enterprise_name,
        permit.uscc,
        permit.effective_status(today),
        request.department,
    )


def find_permits(services: Services, actor: Actor, text: str) -> list[PermitSummary]:
    """Permits by number (exact), or of the cases whose number, USCC or holder name contains
    ``text`` or whose licence has that number (a scanned licence QR too), newest case first."""
    require(actor, Permission.READ_CASES)
    text = text.strip()
    if "/v/" in text:  # a scanned licence QR: its address names the licence
        text = text.split("#", 1)[0].rsplit("/v/", 1)[-1].strip("/ ")
    if len(text) < MIN_SEARCH:
        raise DomainError("请输入许可证编号，或至少 2 个字符的统一社会信用代码、市场主体名称")
    today = services.clock.today()
    with services.uow() as uow:
        exact = uow.permits.get(text)
        if exact is not None:
            return [_summary(uow, exact, today)]
        out = []
        for case in uow.applications.find(text, SEARCH_LIMIT):
            for permit in uow.permits.permits_for(case.id):
                out.append(_summary(uow, permit, today))
    return out


def permit_view(services: Services, actor: Actor, number: str) -> PermitView:
    require(actor, Permission.READ_CASES)
    number = number.strip()
    today = services.clock.today()
    with services.uow() as uow:
        permit = uow.permits.get(number)
        if permit is None:
            raise NotFound(f"许可证 {number} 不存在")
        app = uow.applications.get(permit.application_id)
        request = app.request_for(permit.matter_code)
        lineage = [permit.number]
        previous = permit.previous_number
        while previous and previous not in lineage:
            lineage.append(previous)
            found = uow.permits.get(previous)
            previous = found.previous_number if found else None
        history = sorted(
            (e for n in reversed(lineage) for e in uow.permit_events.for_permit(n)),
            key=lambda e: e.at,
        )
        own = [e for e in history if e.permit_number == permit.number and e.new_number]
        licences = tuple(
            lic.number
            for lic in uow.permits.licences_for(permit.application_id)
            if set(lineage) & set(lic.permit_numbers)
        )
        enterprise = uow.enterprises.get(permit.uscc)
    status = permit.effective_status(today)
    allowed = tuple(a for a, (start, _to) in LIFECYCLE_TRANSITIONS.items() if status in start)
    return PermitView(
        permit,
        status,
        request.matter_name,
        request.department,
        request.competent_department,
        app.number,
        enterprise,
        licences,
        tuple(history),
        own[-1].new_number if own else None,
        allowed,
    )
