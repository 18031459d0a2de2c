"""告知承诺 after the grant: the snapshot of what the applicant was told, and commitment checks (核查).

At acceptance (intake.accept calls ``after_acceptance``) every item granted on commitment gets
- a snapshot of what its commitment letter printed (conditions, materials, check window,
  consequences — see desktop/services/documents.py ``commitment_letter``), taken from the case's
  catalog version and never changed by a later catalog version;
- a check due after the matter's check window (核查期限): N working days on the work calendar, or N
  calendar months (the 31st → the month's last day), counted from the day of the grant; a matter
  without a window gets the letter's default (30 working days).

An inspector (Permission.INSPECT) records the result once. A failed check cites the conditions
not met — only conditions the letter stated (anything else: “该项未在告知承诺书中告知申请人…”) —
and opens a rectification order due in RECTIFICATION_WORKING_DAYS (15) working days. Closing the
rectification: fixed → passed; not fixed → the permit is annulled (撤销, 03) through
desktop/services/lifecycle.py (status list, ``LicenceStatusChanged``) with a credit record
(failed_check). A permit not yet issued cannot be annulled: the check then stays ``failed`` with
its credit record, and the department decides on the case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from desktop.domain.after_approval import (
    DEFAULT_CHECK_WINDOW,
    RECTIFICATION_WORKING_DAYS,
    CheckStatus,
    CommitmentCheck,
    CommitmentSnapshot,
    LifecycleAction,
    add_months,
    next_status,
)
from desktop.domain.applications import ActionKind, Application
from desktop.domain.calendar import WorkCalendar
from desktop.domain.catalog import Catalog, CheckWindow
from desktop.domain.credit import CreditRecord, CreditRecordKind
from desktop.domain.errors import DomainError, IllegalTransition, NotFound
from desktop.domain.permits import Permit
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, emit, require, run_command, work_calendar
from desktop.services.credit import add_record
from desktop.services.documents import CONSEQUENCES
from desktop.services.lifecycle import apply_decision


@dataclass(frozen=True)
class RectificationOutcome:
    check: CommitmentCheck
    annulled: Permit | None = None  # the permit annulled when the rectification failed
    credit: CreditRecord | None = None


def check_due(calendar: WorkCalendar, granted_on: date, window: CheckWindow | None) -> tuple[date, bool]:
    """When the check falls due, and whether that date is provisional (an unknown holiday year)."""
    window = window or DEFAULT_CHECK_WINDOW
    if window.unit == "months":
        return add_months(granted_on, window.amount), False
    deadline = calendar.add_working_days(granted_on, window.amount)
    return deadline.due, deadline.provisional


def after_acceptance(
    services: Services, uow: UnitOfWork, app: Application, catalog: Catalog, at: datetime
) -> list[CommitmentCheck]:
    """Snapshot and schedule each item just granted on commitment (inside intake.accept)."""
    granted = {a.request_id for a in app.actions if a.kind is ActionKind.GRANT_ON_COMMITMENT and a.at == at}
    calendar = work_calendar(services, uow)
    granted_on = services.clock.local_date(at)
    scheduled = []
    for request in app.requests.values():
        if request.id not in granted:
            continue
        matter = catalog.matter(request.matter_code)
        window = matter.check_window or DEFAULT_CHECK_WINDOW
        uow.commitments.add_snapshot(
            CommitmentSnapshot(
                app.id,
                matter.code,
                catalog.version.id,
                matter.name,
                matter.legal_basis,
                tuple(matter.conditions),
                tuple(m.name for m in matter.materials),
                str(window),
                CONSEQUENCES,
                at,
            )
        )
        due, provisional = check_due(calendar, granted_on, window)
        check = CommitmentCheck(
            id=services.make_id(),
            application_id=app.id,
            application_number=app.number,
            matter_code=matter.code,
            matter_name=matter.name,
            uscc=app.uscc,
            department=request.competent_department,
            due_on=due,
            created_at=at,
            due_provisional=provisional,
        )
        uow.commitments.add_check(check)
        scheduled.append(check)  # no event of its own: PermitGrantedOnCommitment already went out
    return scheduled


def recompute_provisional(services: Services, uow: UnitOfWork) -> int:
    """Scheduled checks whose due date was provisional (an unknown holiday year), recomputed on
    the calendar as it is now (desktop/services/calendar.py calls this with the case deadlines)."""
    calendar = work_calendar(services, uow)
    count = 0
    for check in uow.commitments.checks((CheckStatus.SCHEDULED,)):
        if not check.due_provisional:
            continue
        snap = uow.commitments.snapshot(check.application_id, check.matter_code)
        window = CheckWindow.parse(snap.check_window) if snap else None
        due_on, provisional = check_due(calendar, services.clock.local_date(check.created_at), window)
        if provisional and due_on == check.due_on:
            continue
        uow.commitments.save_check(replace(check, due_on=due_on, due_provisional=provisional))
        count += 1
    return count


def snapshot(services: Services, actor: Actor, application_id: str, matter_code: str) -> CommitmentSnapshot:
    """What the commitment letter of this case stated for the matter (the check items)."""
    require(actor, Permission.READ_CASES)
    with services.uow() as uow:
        found = uow.commitments.snapshot(application_id, matter_code)
    if found is None:
        raise NotFound(f"办件 {application_id} 的事项 {matter_code} 没有告知承诺记录")
    return found


def due(services: Services, actor: Actor, until: date | None = None) -> list[CommitmentCheck]:
    """Open checks (scheduled, or in rectification), earliest due first; ``until``: only those
    due (or whose rectification is due) on or before that day."""
    require(actor, Permission.INSPECT)
    with services.uow() as uow:
        found = uow.commitments.checks((CheckStatus.SCHEDULED, CheckStatus.RECTIFYING))
    if until is None:
        return found
    return [c for c in found if (c.rectification_due or c.due_on) <= until]


def checks_for(services: Services, actor: Actor, application_id: str) -> list[CommitmentCheck]:
    require(actor, Permission.READ_CASES)
    with services.uow() as uow:
        return uow.commitments.checks(application_id=application_id)


def _permit(uow: UnitOfWork, check: CommitmentCheck) -> Permit | None:
    if check.permit_number:
        return uow.permits.get(check.permit_number)
    found = [p for p in uow.permits.permits_for(check.application_id) if p.matter_code == check.matter_code]
    return found[0] if found else None


def _locked(uow: UnitOfWork, check_id: str) -> CommitmentCheck:
    check = uow.commitments.get_check(check_id, lock=True)
    if check is None:
        raise NotFound(f"核查任务 {check_id} 不存在")
    return check


def record(
    services: Services,
    actor: Actor,
    check_id: str,
    passed: bool,
    findings: str,
    items: Sequence[str] = (),
) -> CommitmentCheck:
    """Record the result of a check, once. ``items``: the conditions checked (passed) or not met
    (failed, at least one) — each exactly as the commitment letter stated it."""

    def body(uow: UnitOfWork, change: Change) -> CommitmentCheck:
        check = _locked(uow, check_id)
        change.target = f"{check.application_number}:{check.matter_code}"
        if check.status is not CheckStatus.SCHEDULED:
            when = check.recorded_at.isoformat() if check.recorded_at else ""
            raise IllegalTransition(
                f"该核查已由 {check.recorded_by} 于 {when} 登记结果（{check.status.label}），不能重复登记"
            )
        snap = uow.commitments.snapshot(check.application_id, check.matter_code)
        if snap is None:
            raise NotFound(f"办件 {check.application_number} 没有告知承诺记录，无法核查")
        cited = snap.check_cited(items)
        text = findings.strip()
        if not passed:
            if not cited:
                raise DomainError("核查不合格须列明不符合的承诺条件（从告知承诺书所列条件中选择）")
            if len(text) < 4:
                raise DomainError("请填写核查发现的具体情况")
        now = services.clock.now()
        permit = _permit(uow, check)
        updated = replace(
            check,
            permit_number=permit.number if permit else check.permit_number,
            result="passed" if passed else "failed",
            findings=text,
            items=cited,
            recorded_by=actor.username,
            recorded_at=now,
            status=CheckStatus.PASSED if passed else CheckStatus.RECTIFYING,
        )
        if not passed:
            deadline = work_calendar(services, uow).add_working_days(
                services.clock.local_date(now), RECTIFICATION_WORKING_DAYS
            )
            updated = replace(updated, rectification_due=deadline.due)
        uow.commitments.save_check(updated)
        emit(
            services,
            uow,
            "CommitmentCheckRecorded",
            {
                "application": check.application_number,
                "uscc": check.uscc,
                "matter": check.matter_code,
                "permit": updated.permit_number,
                "result": updated.result,
                "items": list(cited),
                "rectification_due": updated.rectification_due.isoformat()
                if updated.rectification_due
                else None,
            },
        )
        change.detail = {"result": updated.result, "items": list(cited), "findings": text}
        return updated

    return run_command(services, actor, "check.record", Permission.INSPECT, body, target=check_id)


def close_rectification(
    services: Services, actor: Actor, check_id: str, fixed: bool, note: str = ""
) -> RectificationOutcome:
    """整改复查: fixed → passed; not fixed → the permit is annulled, with a credit record."""

    def body(uow: UnitOfWork, change: Change) -> RectificationOutcome:
        check = _locked(uow, check_id)
        change.target = f"{check.application_number}:{check.matter_code}"
        if check.status is not CheckStatus.RECTIFYING:
            raise IllegalTransition(f"该核查当前状态为“{check.status.label}”，没有待复查的整改")
        text = note.strip()
        if not fixed and len(text) < 4:
            raise DomainError("整改不合格须写明复查情况")
        now = services.clock.now()
        closed = replace(check, rectification_note=text, closed_by=actor.username, closed_at=now)
        if fixed:
            closed = replace(closed, status=CheckStatus.PASSED)
            uow.commitments.save_check(closed)
            change.detail = {"fixed": True, "note": text}
            return RectificationOutcome(closed)
        reason = f"告知承诺核查不合格且逾期未整改（{'；'.join(check.items)}）：{check.findings}" + (
            f"；复查：{text}" if text else ""
        )
        permit = _permit(uow, check)
        annulled: Permit | None = None
        if permit is not None:
            try:
                next_status(permit, LifecycleAction.ANNUL, services.clock.local_date(now))
            except IllegalTransition:
                permit = None  # already annulled, revoked or deregistered: nothing more to undo
        if permit is not None:
            annulled, _ = apply_decision(
                services, uow, actor, permit, LifecycleAction.ANNUL, reason, detail={"check": check.id}
            )
        closed = replace(
            closed,
            status=CheckStatus.ANNULLED if annulled else CheckStatus.FAILED,
            permit_number=annulled.number if annulled else check.permit_number,
        )
        uow.commitments.save_check(closed)
        credit = add_record(
            services,
            uow,
            CreditRecordKind.FAILED_CHECK,
            f"{check.matter_name}：{reason}",
            check.department,
            check.uscc,
        )
        change.detail = {
            "fixed": False,
            "note": text,
            "annulled": annulled.number if annulled else None,
            "credit": credit.id,
        }
        return RectificationOutcome(closed, annulled, credit)

    return run_command(
        services, actor, "check.close_rectification", Permission.INSPECT, body, target=check_id
    )
