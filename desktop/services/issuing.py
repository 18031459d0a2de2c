"""一窗统一出件: when every item of a case is decided, the window issues all results together —
single permits and filing receipts, and the industry licence with its signed QR code.

Numbering (documented in README):
- industry licence  ``HZ{region}{yyyy}{window}{seq:05d}``  e.g. HZ140702202601 00001 → HZ14070220260100001
- single permit     ``{matter_code}-{yyyy}{window}{seq:05d}``  e.g. SCJG-01-20260100001
- filing receipt    ``BA-{matter_code}-{yyyy}{window}{seq:05d}``
Sequences live in the database (shared by a hall's counters), per prefix and year; the window
number keeps standalone counters of one region from colliding.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from desktop.domain.applications import Action, ActionKind, Application, ApplicationStatus, RequestState
from desktop.domain.errors import DomainError, EnvironmentProblem, IllegalTransition, NotFound
from desktop.domain.permits import IndustryLicence, Permit, PermitStatus, StatusEntry
from desktop.domain.qr_payload import QrPayload, QrPermit, build_qr_text
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services import settings
from desktop.services.base import Change, Services, emit, run_command
from desktop.services.keys import current_key_id

DEFAULT_VALIDITY_YEARS = 5  # the catalog carries no validity period yet; 优化审批服务 may lift it


@dataclass(frozen=True)
class IssueResult:
    application: Application
    licence: IndustryLicence | None
    permits: tuple[Permit, ...]


def _valid_until(issued: date) -> date:
    """Valid for DEFAULT_VALIDITY_YEARS years, through the day before the anniversary."""
    try:
        anniversary = issued.replace(year=issued.year + DEFAULT_VALIDITY_YEARS)
    except ValueError:  # 29 February
        anniversary = date(issued.year + DEFAULT_VALIDITY_YEARS, 3, 1)
    return anniversary - timedelta(days=1)


def _sign_licence(
    services: Services, uow: UnitOfWork, licence: IndustryLicence, permits: list[Permit]
) -> IndustryLicence:
    key_id = current_key_id(uow)
    if services.keys is None or not key_id or not services.keys.has(key_id):
        raise EnvironmentProblem(
            "本机尚未创建证照签名密钥，无法出具带二维码的证照。请管理员运行 onewindow keys create"
        )
    trusted = uow.trust_list.get(key_id)
    if trusted is not None and trusted.status == "revoked":
        raise EnvironmentProblem(
            f"本机签名密钥 {key_id} 已被吊销，不能再签发证照。请管理员运行 onewindow keys create 更换密钥"
        )
    keys = services.keys
    payload = QrPayload(
        key_id=key_id,
        licence_number=licence.number,
        uscc=licence.uscc,
        name=licence.enterprise_name,
        issued_on=licence.issued_on,
        permits=tuple(QrPermit(p.matter_code, p.status.value, p.valid_until) for p in permits),
    )
    text = build_qr_text(
        settings.get(uow, "verify_base_url"), payload, lambda message: keys.sign(key_id, message)
    )
    return replace(licence, qr_text=text, key_id=key_id)


def _publish_status(
    services: Services, uow: UnitOfWork, licence: IndustryLicence, permits: list[Permit]
) -> None:
    now = services.clock.now()
    uow.status_list.put(StatusEntry(licence.number, "licence", licence.status, licence.status_reason, now))
    for permit in permits:
        uow.status_list.put(
            StatusEntry(f"{licence.number}:{permit.matter_code}", "licence_permit", permit.status, "", now)
        )


def issue(services: Services, actor: Actor, application_id: str) -> IssueResult:
    """Issue everything of a decided case at once, with the industry licence."""

    def body(uow: UnitOfWork, change: Change) -> IssueResult:
        app = uow.applications.get(application_id)
        change.target = app.number
        if app.status is not ApplicationStatus.DECIDED:
            raise IllegalTransition(
                f"办件 {app.number} 当前状态为“{app.status.label}”，全部事项办结后才能出件"
            )
        catalog = uow.catalog.get(app.catalog_version_id)
        now = services.clock.now()
        today = services.clock.local_date(now)
        window = services.window_number
        permits: list[Permit] = []
        for request in app.requests.values():
            if request.state not in (RequestState.GRANTED, RequestState.FILED):
                continue
            filing = request.state is RequestState.FILED
            prefix = f"BA-{request.matter_code}-" if filing else f"{request.matter_code}-"
            number = uow.applications.next_number(f"{prefix}{today.year}{window}")
            permit = Permit(
                number=number,
                matter_code=request.matter_code,
                uscc=app.uscc,
                application_id=app.id,
                issued_at=now,
                valid_from=today,
                valid_until=None if filing else _valid_until(today),
            )
            uow.permits.add(permit)
            permits.append(permit)
        licence: IndustryLicence | None = None
        if permits:
            region = settings.get(uow, "region_code")
            number = uow.applications.next_number(f"HZ{region}{today.year}{window}")
            licence = IndustryLicence(
                number=number,
                uscc=app.uscc,
                enterprise_name=app.enterprise_name,
                industry_names=app.industries or ("按经营范围",),
                permit_numbers=tuple(p.number for p in permits),
                issued_on=today,
                issuing_authority=settings.get(uow, "authority"),
                application_id=app.id,
            )
            licence = _sign_licence(services, uow, licence, permits)
            uow.permits.add_licence(licence)
            _publish_status(services, uow, licence, permits)
        denied = [r.matter_name for r in app.requests.values() if r.state is RequestState.DENIED]
        app.apply(
            Action(
                ActionKind.ISSUE,
                actor.username,
                now,
                None,
                {
                    "licence": licence.number if licence else None,
                    "permits": [p.number for p in permits],
                    "denied": denied,
                },
            )
        )
        uow.applications.save(app)
        by_matter = {r.matter_code: r for r in app.requests.values()}
        holder = uow.enterprises.get(app.uscc)
        emit(
            services,
            uow,
            "LicenceIssued",
            {
                "application": app.number,
                "uscc": app.uscc,
                "licence": licence.number if licence else None,
                "name": app.enterprise_name,
                "address": holder.address if holder else "",
                "issued_on": today.isoformat(),
                "authority": licence.issuing_authority if licence else settings.get(uow, "authority"),
                "industries": list(licence.industry_names) if licence else [],
                "permits": [
                    {
                        "number": p.number,
                        "matter": p.matter_code,
                        "matter_name": by_matter[p.matter_code].matter_name,
                        "status": p.status.value,
                        "competent_department": by_matter[p.matter_code].competent_department,
                        "valid_until": p.valid_until.isoformat() if p.valid_until else None,
                    }
                    for p in permits
                ],
                "competent_departments": sorted(
                    {by_matter[p.matter_code].competent_department for p in permits}
                ),
                "denied": denied,
                "catalog_version": catalog.version.label,
            },
        )
        change.detail = {
            "licence": licence.number if licence else None,
            "permits": len(permits),
            "denied": denied,
        }
        return IssueResult(app, licence, tuple(permits))

    return run_command(services, actor, "issue.issue", Permission.ISSUE, body, target=application_id)


def deliver(services: Services, actor: Actor, application_id: str, received_by: str) -> Application:
    """签收: who received the results, and when (the action's time)."""
    if not received_by.strip():
        raise DomainError("请填写领取人姓名")

    def body(uow: UnitOfWork, change: Change) -> Application:
        app = uow.applications.get(application_id)
        app.apply(
            Action(
                ActionKind.DELIVER, actor.username, services.clock.now(), None, {"received_by": received_by}
            )
        )
        uow.applications.save(app)
        change.target = app.number
        change.detail = {"received_by": received_by}
        return app

    return run_command(services, actor, "issue.deliver", Permission.ISSUE, body, target=application_id)


def _current_permits(uow: UnitOfWork, licence: IndustryLicence) -> list[Permit]:
    """The licence's permits, each followed to its newest renewal or change (延续、变更换发)."""
    permits = [p for n in licence.permit_numbers if (p := uow.permits.get(n)) is not None]
    successor: dict[str, Permit] = {}
    for application_id in {p.application_id for p in permits}:
        for candidate in uow.permits.permits_for(application_id):
            if candidate.previous_number:
                successor[candidate.previous_number] = candidate
    current = []
    for permit in permits:
        latest, seen = permit, {permit.number}
        while latest.number in successor and successor[latest.number].number not in seen:
            latest = successor[latest.number]
            seen.add(latest.number)
        current.append(latest)
    return current


def void_and_reissue(services: Services, actor: Actor, licence_number: str, reason: str) -> IndustryLicence:
    """作废 a printed licence (damaged, misprinted, or its permits renewed or changed) and issue a
    new number carrying the permits as they are now: each renewed or changed permit is replaced by
    its successor, and the holder's current name is printed."""
    if len(reason.strip()) < 2:
        raise DomainError("作废证照必须填写理由")

    def body(uow: UnitOfWork, change: Change) -> IndustryLicence:
        old = uow.permits.get_licence(licence_number)
        if old is None:
            raise NotFound(f"行业综合许可证 {licence_number} 不存在")
        if old.status is not PermitStatus.VALID:
            raise IllegalTransition(f"证照 {licence_number} 当前状态为“{old.status.label}”，不能作废重出")
        permits = _current_permits(uow, old)
        holder = uow.enterprises.get(old.uscc)
        uow.permits.set_licence_status(old.number, PermitStatus.OTHER, f"作废：{reason}")
        voided = replace(old, status=PermitStatus.OTHER, status_reason=f"作废：{reason}")
        now = services.clock.now()
        uow.status_list.put(StatusEntry(old.number, "licence", voided.status, voided.status_reason, now))
        today = services.clock.local_date(now)
        number = uow.applications.next_number(
            f"HZ{settings.get(uow, 'region_code')}{today.year}{services.window_number}"
        )
        new = replace(
            old,
            number=number,
            issued_on=today,
            previous_number=old.number,
            permit_numbers=tuple(p.number for p in permits),  # renewed or changed: the current one
            enterprise_name=holder.name if holder is not None else old.enterprise_name,
            qr_text="",
            key_id="",
        )
        new = _sign_licence(services, uow, new, permits)
        uow.permits.add_licence(new)
        _publish_status(services, uow, new, permits)
        catalog = uow.catalog.current()
        matters = catalog.matters if catalog is not None else {}
        emit(
            services,
            uow,
            "LicenceReissued",
            {
                "previous": old.number,
                "licence": new.number,
                "reason": reason,
                "name": new.enterprise_name,
                "address": holder.address if holder is not None else "",
                "issued_on": today.isoformat(),
                "permits": [  # as printed on the new licence (renewed and changed ones included)
                    {
                        "number": p.number,
                        "matter": p.matter_code,
                        "matter_name": matters[p.matter_code].name if p.matter_code in matters else "",
                        "status": p.status.value,
                        "competent_department": (
                            matters[p.matter_code].competent_department if p.matter_code in matters else ""
                        ),
                        "valid_until": p.valid_until.isoformat() if p.valid_until else None,
                    }
                    for p in permits
                ],
            },
        )
        replaced = {a: b for a, b in zip(old.permit_numbers, new.permit_numbers, strict=False) if a != b}
        change.detail = {"reason": reason, "new": new.number, **({"replaced": replaced} if replaced else {})}
        return new

    return run_command(services, actor, "issue.void_reissue", Permission.ISSUE, body, target=licence_number)


def licence(services: Services, number: str) -> IndustryLicence:
    with services.uow() as uow:
        found = uow.permits.get_licence(number)
    if found is None:
        raise NotFound(f"行业综合许可证 {number} 不存在")
    return found
