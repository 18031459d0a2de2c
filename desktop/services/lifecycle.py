"""Permit lifecycle after issue: 暂扣 (02, with a period), 解除暂扣 (back to 01), 撤销 (03),
吊销 (07, a penalty), 注销 (04), 延续 (renewal) and 变更 (change).

Who decides: a reviewer (Permission.REVIEW) of the matter's *approving* department — the
department that granted the permit decides what becomes of it (the system operator may act for
any department). The annulment that follows a failed commitment check is decided through
desktop/services/checks.py by the inspector who closes the rectification.

Renewal and change issue a new permit number linked to the previous one (``previous_number``);
the previous permit becomes 99 (其他) with the reason “延续换发/变更换发：新证 …”. 05 (失效) is kept
for a permit that simply ran out. A licence (行业综合许可证) carrying the old permit keeps its status
list entry (the holder is still licensed); reissue it (issue.void_and_reissue) to carry the new
permit in its QR code. A later decision on the new permit also updates the licence lines of its
predecessors, so the old licence's QR shows it.

Every decision is a permit_events row, an audit record, a status-list update (the permit's own
number, and ``{licence}:{matter}`` for every licence carrying it, which is what verification
reads) and a ``LicenceStatusChanged`` outbox event {number, kind, status, reason} for the central
platform. Revocation writes a credit record (penalty), and so does an annulment for a false
commitment (false_commitment).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from desktop.domain.after_approval import LifecycleAction, PermitEvent, next_status
from desktop.domain.credit import CreditRecord, CreditRecordKind
from desktop.domain.errors import DomainError, NotFound, PermissionDenied
from desktop.domain.permits import Permit, PermitStatus, StatusEntry
from desktop.domain.users import Actor, Permission, Role
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, emit, run_command
from desktop.services.credit import add_record

DEFAULT_VALIDITY_YEARS = 5  # as at issue (desktop/services/issuing.py)
CHANGE_FIELDS = {"name": "名称", "address": "经营场所/住所", "legal_representative": "法定代表人"}


@dataclass(frozen=True)
class LifecycleResult:
    permit: Permit  # the permit acted on, as it is now
    event: PermitEvent
    new_permit: Permit | None = None  # renewal and change
    credit: CreditRecord | None = None


@dataclass(frozen=True)
class PermitContext:
    permit: Permit
    matter_name: str
    department: str  # approving department
    competent_department: str


def _context(uow: UnitOfWork, number: str) -> PermitContext:
    permit = uow.permits.get(number.strip())
    if permit is None:
        raise NotFound(f"许可证 {number} 不存在")
    app = uow.applications.get(permit.application_id)
    request = app.request_for(permit.matter_code)
    return PermitContext(permit, request.matter_name, request.department, request.competent_department)


def _check_department(actor: Actor, ctx: PermitContext) -> None:
    if actor.role is Role.SYSTEM:
        return
    if actor.department != ctx.department:
        raise PermissionDenied(
            f"许可证 {ctx.permit.number}（{ctx.matter_name}）由{ctx.department}作出许可决定，"
            f"{actor.username}（{actor.department or '未指定部门'}）不能变更其状态"
        )


def _reason(text: str) -> str:
    if len(text.strip()) < 2:
        raise DomainError("请填写决定的事实、理由和依据")
    return text.strip()


def publish(services: Services, uow: UnitOfWork, permit: Permit, status: PermitStatus, reason: str) -> None:
    """Status list (permit number and every licence line carrying it) and the outbox event."""
    now = services.clock.now()
    uow.status_list.put(StatusEntry(permit.number, "permit", status, reason, now))
    lineage = {permit.number}  # a renewed or changed permit speaks for its predecessors' licence lines
    previous = permit.previous_number
    while previous and previous not in lineage:
        lineage.add(previous)
        found = uow.permits.get(previous)
        previous = found.previous_number if found else None
    for licence in uow.permits.licences_for(permit.application_id):
        if lineage & set(licence.permit_numbers):
            uow.status_list.put(
                StatusEntry(f"{licence.number}:{permit.matter_code}", "licence_permit", status, reason, now)
            )
    emit(
        services,
        uow,
        "LicenceStatusChanged",
        {"number": permit.number, "kind": "permit", "status": status.value, "reason": reason},
    )


def apply_decision(
    services: Services,
    uow: UnitOfWork,
    actor: Actor,
    permit: Permit,
    action: LifecycleAction,
    reason: str,
    *,
    until: date | None = None,
    new_number: str | None = None,
    detail: Mapping[str, Any] | None = None,
    publish_licence_lines: bool = True,
) -> tuple[Permit, PermitEvent]:
    """Move ``permit`` by ``action`` inside the current unit of work (refused when illegal)."""
    now = services.clock.now()
    target = next_status(permit, action, services.clock.local_date(now))
    current = permit.effective_status(services.clock.local_date(now))
    uow.permits.set_permit_status(permit.number, target, reason)
    event = PermitEvent(
        permit.number,
        action,
        current,
        target,
        reason,
        actor.username,
        now,
        new_number,
        until,
        dict(detail or {}),
    )
    uow.permit_events.add(event)
    updated = replace(permit, status=target, status_reason=reason)
    if publish_licence_lines:
        publish(services, uow, updated, target, reason)
    else:  # renewal / change: the licence lines stay as they are, the old number is superseded
        uow.status_list.put(StatusEntry(permit.number, "permit", target, reason, now))
        emit(
            services,
            uow,
            "LicenceStatusChanged",
            {"number": permit.number, "kind": "permit", "status": target.value, "reason": reason},
        )
    return updated, event


def _decide(
    services: Services,
    actor: Actor,
    number: str,
    action: LifecycleAction,
    reason: str,
    *,
    until: date | None = None,
    credit_kind: CreditRecordKind | None = None,
    detail: Mapping[str, Any] | None = None,
) -> LifecycleResult:
    def body(uow: UnitOfWork, change: Change) -> LifecycleResult:
        why = _reason(reason)
        ctx = _context(uow, number)
        _check_department(actor, ctx)
        permit, event = apply_decision(
            services, uow, actor, ctx.permit, action, why, until=until, detail=detail
        )
        credit = None
        if credit_kind is not None:
            credit = add_record(
                services,
                uow,
                credit_kind,
                f"{action.label}许可证 {permit.number}：{why}",
                ctx.department,
                permit.uscc,
            )
        change.target = permit.number
        change.detail = {"action": action.value, "status": event.to_status.value, "reason": why}
        if until:
            change.detail["until"] = until.isoformat()
        return LifecycleResult(permit, event, None, credit)

    return run_command(services, actor, f"permit.{action.value}", Permission.REVIEW, body, target=number)


def suspend(services: Services, actor: Actor, number: str, reason: str, until: date) -> LifecycleResult:
    """暂扣 until a date (02); lift it with ``reinstate``."""
    if until <= services.clock.today():
        raise DomainError("暂扣期限须晚于今天")
    return _decide(services, actor, number, LifecycleAction.SUSPEND, reason, until=until)


def reinstate(services: Services, actor: Actor, number: str, reason: str) -> LifecycleResult:
    """解除暂扣 (back to 01): the period ended or the cause was removed."""
    return _decide(services, actor, number, LifecycleAction.REINSTATE, reason)


def annul(
    services: Services, actor: Actor, number: str, reason: str, false_commitment: bool = False
) -> LifecycleResult:
    """撤销 (03); ``false_commitment``: granted on a false commitment — a credit record follows."""
    kind = CreditRecordKind.FALSE_COMMITMENT if false_commitment else None
    return _decide(services, actor, number, LifecycleAction.ANNUL, reason, credit_kind=kind)


def revoke(services: Services, actor: Actor, number: str, reason: str) -> LifecycleResult:
    """吊销 (07): an administrative penalty, so a credit record (penalty) follows."""
    return _decide(
        services, actor, number, LifecycleAction.REVOKE, reason, credit_kind=CreditRecordKind.PENALTY
    )


def deregister(services: Services, actor: Actor, number: str, reason: str) -> LifecycleResult:
    """注销 (04): the holder gives it up, closes down, or it ran out."""
    return _decide(services, actor, number, LifecycleAction.DEREGISTER, reason)


def _valid_until(start: date) -> date:
    try:
        anniversary = start.replace(year=start.year + DEFAULT_VALIDITY_YEARS)
    except ValueError:  # 29 February
        anniversary = date(start.year + DEFAULT_VALIDITY_YEARS, 3, 1)
    return anniversary - timedelta(days=1)


def _successor(
    services: Services,
    uow: UnitOfWork,
    actor: Actor,
    ctx: PermitContext,
    action: LifecycleAction,
    reason: str,
    valid_until: date | None,
    detail: Mapping[str, Any],
) -> LifecycleResult:
    old = ctx.permit
    now = services.clock.now()
    today = services.clock.local_date(now)
    next_status(old, action, today)  # refuse before numbering anything
    number = uow.applications.next_number(f"{old.matter_code}-{today.year}{services.window_number}")
    new = Permit(
        number=number,
        matter_code=old.matter_code,
        uscc=old.uscc,
        application_id=old.application_id,
        issued_at=now,
        valid_from=today,
        valid_until=valid_until,
        previous_number=old.number,
    )
    uow.permits.add(new)
    label = "延续换发" if action is LifecycleAction.RENEW else "变更换发"
    permit, event = apply_decision(
        services,
        uow,
        actor,
        old,
        action,
        f"{label}：新证 {number}；{reason}",
        new_number=number,
        detail=detail,
        publish_licence_lines=False,
    )
    uow.status_list.put(StatusEntry(number, "permit", PermitStatus.VALID, "", now))
    emit(
        services,
        uow,
        "PermitReplaced",
        {
            "previous": old.number,
            "number": number,
            "kind": action.value,
            "matter": old.matter_code,
            "uscc": old.uscc,
            "valid_until": valid_until.isoformat() if valid_until else None,
            "competent_department": ctx.competent_department,
            **({"changes": detail["changes"]} if "changes" in detail else {}),
        },
    )
    return LifecycleResult(permit, event, new)


def renew(
    services: Services, actor: Actor, number: str, reason: str, valid_until: date | None = None
) -> LifecycleResult:
    """延续: a new permit (valid DEFAULT_VALIDITY_YEARS years from today unless given) linked to
    the previous one, which becomes 99 with the reason."""

    def body(uow: UnitOfWork, change: Change) -> LifecycleResult:
        why = _reason(reason)
        ctx = _context(uow, number)
        _check_department(actor, ctx)
        until = valid_until or _valid_until(services.clock.today())
        if until <= services.clock.today():
            raise DomainError("延续后的有效期须晚于今天")
        result = _successor(services, uow, actor, ctx, LifecycleAction.RENEW, why, until, {})
        assert result.new_permit is not None
        change.target = ctx.permit.number
        change.detail = {"action": "renew", "new": result.new_permit.number, "valid_until": until.isoformat()}
        return result

    return run_command(services, actor, "permit.renew", Permission.REVIEW, body, target=number)


def change(
    services: Services, actor: Actor, number: str, changes: Mapping[str, str], reason: str
) -> LifecycleResult:
    """变更 of the holder's name, address or legal representative: the change record (old → new)
    goes with the event, the enterprise record is updated, and a new version of the permit (same
    validity) replaces the previous one, which becomes 99."""

    def body(uow: UnitOfWork, change_: Change) -> LifecycleResult:
        why = _reason(reason)
        unknown = sorted(set(changes) - set(CHANGE_FIELDS))
        if unknown:
            raise DomainError(f"不能变更“{'、'.join(unknown)}”，可变更：{'、'.join(CHANGE_FIELDS.values())}")
        ctx = _context(uow, number)
        _check_department(actor, ctx)
        enterprise = uow.enterprises.get(ctx.permit.uscc)
        if enterprise is None:
            raise NotFound(f"市场主体 {ctx.permit.uscc} 不存在")
        record: dict[str, list[str]] = {}
        for key, value in changes.items():
            old_value, new_value = str(getattr(enterprise, key)), value.strip()
            if not new_value:
                raise DomainError(f"{CHANGE_FIELDS[key]}不能为空")
            if new_value != old_value:
                record[key] = [old_value, new_value]
        if not record:
            raise DomainError("没有任何事项发生变化，无需变更")
        result = _successor(
            services,
            uow,
            actor,
            ctx,
            LifecycleAction.CHANGE,
            why,
            ctx.permit.valid_until,
            {"changes": record},
        )
        new_values = {k: v[1] for k, v in record.items()}
        uow.enterprises.put(
            replace(
                enterprise,
                name=new_values.get("name", enterprise.name),
                address=new_values.get("address", enterprise.address),
                legal_representative=new_values.get("legal_representative", enterprise.legal_representative),
            )
        )
        assert result.new_permit is not None
        change_.target = ctx.permit.number
        change_.detail = {"action": "change", "new": result.new_permit.number, "changes": record}
        return result

    return run_command(services, actor, "permit.change", Permission.REVIEW, body, target=number)


def history(services: Services, actor: Actor, number: str) -> list[PermitEvent]:
    """The lifecycle decisions on a permit, oldest first."""
    if not actor.can(Permission.READ_CASES):
        raise PermissionDenied(f"用户 {actor.username}（{actor.role.label}）无权查看办件")
    with services.uow() as uow:
        return uow.permit_events.for_permit(number)
