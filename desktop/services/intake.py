"""Front-desk intake (前台综合受理): submit a case, accept it, ask once for what is missing, refuse.

A well-formed USCC whose check character is wrong is a warning, not a block: a supervisor
overrides it with a reason (audited), and intake then goes on.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from desktop.domain.applications import Action, ActionKind, Application, Channel, PermitRequest
from desktop.domain.catalog import Catalog, ReformMode
from desktop.domain.enterprises import Enterprise
from desktop.domain.errors import DomainError, NeedsOverride, NotFound
from desktop.domain.identifiers import check_resident_id, check_uscc
from desktop.domain.online import OnlineStatus
from desktop.domain.rules import AutoApprovalRule, first_match
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services import checks, credit
from desktop.services.base import Change, Services, emit, run_command, work_calendar
from desktop.services.rules import context_for
from desktop.services.syncing import check_intake_allowed

USCC_CHECKSUM = "uscc_checksum"
MIN_REASON_LENGTH = 4


def override_uscc_warning(services: Services, actor: Actor, uscc: str, reason: str) -> str:
    """A supervisor lets a USCC with a wrong check character through intake, with a reason."""
    check = check_uscc(uscc)

    def body(uow: UnitOfWork, change: Change) -> str:
        if len(reason.strip()) < MIN_REASON_LENGTH:
            raise DomainError(f"请填写覆盖理由（至少 {MIN_REASON_LENGTH} 个字）")
        if check.valid:
            raise DomainError("该统一社会信用代码校验通过，无需覆盖")
        if not check.well_formed:
            raise DomainError(f"该代码格式错误，不能覆盖：{check.message}")
        uow.overrides.add(
            USCC_CHECKSUM, check.normalized, reason.strip(), actor.username, services.clock.now()
        )
        change.detail = {"reason": reason.strip(), "message": check.message}
        return check.normalized

    return run_command(
        services,
        actor,
        "intake.override_uscc",
        Permission.OVERRIDE_WARNING,
        body,
        target=check.normalized,
    )


def _checked_enterprise(uow: UnitOfWork, services: Services, enterprise: Enterprise) -> Enterprise:
    check = check_uscc(enterprise.uscc)
    if not check.well_formed:
        raise DomainError(check.message)
    if not check.checksum_ok and not uow.overrides.exists(USCC_CHECKSUM, check.normalized):
        raise NeedsOverride(f"{check.message}。如确认代码无误，请主管说明理由后覆盖此警告。")
    if enterprise.legal_representative_id:
        person = check_resident_id(enterprise.legal_representative_id, services.clock.today())
        if not person.valid:
            raise DomainError(f"法定代表人身份证号：{person.message}")
    if not enterprise.name.strip():
        raise DomainError("请填写市场主体名称")
    return Enterprise(
        check.normalized,
        enterprise.name.strip(),
        enterprise.legal_representative.strip(),
        enterprise.address.strip(),
        enterprise.contact_phone.strip(),
        enterprise.legal_representative_id,
        enterprise.kind,
        enterprise.in_ftz,
    )


def submit(
    services: Services,
    actor: Actor,
    enterprise: Enterprise,
    matter_codes: Sequence[str],
    form_values: Mapping[str, str] | None = None,
    channel: Channel = Channel.WINDOW,
    assisted_by: str | None = None,
    industries: Sequence[str] = (),
    materials_received: Sequence[str] = (),
    online_ref: str | None = None,
) -> Application:
    """Record the case with one request per matter, under the current catalog version.

    ``online_ref``: the case comes from an online application (一网办) the acting clerk has
    taken; it is recorded with ``channel = online`` and the online application is marked done
    with this case, in the same transaction. Refused while intake is frozen (desktop.services.
    syncing: the catalog has not been synced for too long).
    """
    if online_ref is not None:
        channel = Channel.ONLINE

    def body(uow: UnitOfWork, change: Change) -> Application:
        check_intake_allowed(services, uow)
        catalog = uow.catalog.current()
        if catalog is None:
            raise NotFound("数据库中还没有事项清单")
        if online_ref is not None:
            _check_online(uow, actor, online_ref)
        checked = _checked_enterprise(uow, services, enterprise)
        credit.check_market_ban(services, uow, checked)  # 市场禁入: a warning a supervisor may override
        uow.enterprises.put(checked)
        requests = [
            PermitRequest.for_matter(services.make_id(), catalog.matter(code), checked.in_ftz)
            for code in dict.fromkeys(matter_codes)
        ]
        today = services.clock.today()
        number = uow.applications.next_number(f"YC{today:%Y%m%d}{services.window_number}")
        app = Application.submit(
            id=services.make_id(),
            number=number,
            uscc=checked.uscc,
            enterprise_name=checked.name,
            catalog_version_id=catalog.version.id,
            channel=channel,
            actor=actor.username,
            at=services.clock.now(),
            requests=requests,
            in_ftz=checked.in_ftz,
            assisted_by=assisted_by,
            form_values=form_values,
            industries=industries,
            materials_received=materials_received,
        )
        uow.applications.add(app)
        change.target = number
        change.detail = {"uscc": checked.uscc, "matters": list(dict.fromkeys(matter_codes))}
        if online_ref is not None:
            if not uow.online.complete(online_ref, actor.username, app.id):
                raise DomainError(f"网上申请 {online_ref} 已不由您领取，不能据此受理")
            change.detail["online"] = online_ref
            emit(
                services,
                uow,
                "OnlineApplicationSubmitted",
                {"online_id": online_ref, "application": number, "uscc": checked.uscc},
            )
        return app

    return run_command(services, actor, "intake.submit", Permission.INTAKE, body)


def accept(
    services: Services,
    actor: Actor,
    application_id: str,
    committed: Collection[str] = (),
) -> Application:
    """受理: each item goes its reform mode's way at once.

    CANCEL → recorded and pushed; FILING → 当场办结; COMMITMENT with the applicant's signed
    letter (its matter code in ``committed``) → granted on the spot, otherwise routed for
    ordinary review (dual track); OPTIMIZE and the old procedure → routed, with a deadline.
    """

    def body(uow: UnitOfWork, change: Change) -> Application:
        check_intake_allowed(services, uow)
        app = uow.applications.get(application_id)
        catalog = uow.catalog.get(app.catalog_version_id)
        now = services.clock.now()
        app.apply(Action(ActionKind.ACCEPT, actor.username, now))
        calendar = work_calendar(services, uow)
        start = services.clock.local_date(now)
        for request in app.requests.values():
            kind, data = _intake_action(catalog, request, committed)
            if kind is ActionKind.ROUTE:
                due = calendar.add_working_days(start, catalog.matter(request.matter_code).review_time_limit)
                data = {**data, "due": due.due.isoformat(), "due_provisional": due.provisional}
            app.apply(Action(kind, actor.username, now, request.id, data))
            if kind is ActionKind.ROUTE and (rule := _matching_rule(services, uow, app, catalog, request)):
                app.apply(
                    Action(
                        ActionKind.AUTO_GRANT,
                        actor.username,
                        now,
                        request.id,
                        {
                            "automatic": True,
                            "rule": rule.code,
                            "rule_version": rule.version,
                            "reason": rule.name,
                        },
                    )
                )
                kind = ActionKind.AUTO_GRANT
            emit(
                services,
                uow,
                _event_name(kind),
                {
                    "application": app.number,
                    "uscc": app.uscc,
                    "matter": request.matter_code,
                    "mode": request.mode.value,
                    "competent_department": request.competent_department,
                    "state": request.state.value,
                    "due": data.get("due"),
                },
            )
        uow.applications.save(app)
        checks.after_acceptance(services, uow, app, catalog, now)  # 告知承诺: snapshot + 核查
        emit(services, uow, "ApplicationAccepted", {"application": app.number, "uscc": app.uscc})
        change.target = app.number
        change.detail = {r.matter_code: r.state.value for r in app.requests.values()}
        return app

    return run_command(services, actor, "intake.accept", Permission.INTAKE, body, target=application_id)


def _check_online(uow: UnitOfWork, actor: Actor, online_id: str) -> None:
    online = uow.online.get(online_id)
    if online is None:
        raise NotFound(f"网上申请 {online_id} 不存在")
    if online.status is OnlineStatus.DONE:
        raise DomainError(f"网上申请 {online_id} 已受理（办件 {online.application_id}），不能重复受理")
    if online.status is not OnlineStatus.TAKEN or online.taken_by != actor.username:
        holder = f"已由 {online.taken_by} 领取" if online.taken_by else "尚未领取"
        raise DomainError(f"网上申请 {online_id} {holder}；请先领取后再受理")


def _intake_action(
    catalog: Catalog, request: PermitRequest, committed: Collection[str]
) -> tuple[ActionKind, dict[str, object]]:
    if request.old_procedure:
        return ActionKind.ROUTE, {"old_procedure": True}
    if request.mode is ReformMode.CANCEL:
        return ActionKind.RECORD_CANCELLED, {}
    if request.mode is ReformMode.FILING:
        return ActionKind.FILE, {}
    if request.mode is ReformMode.COMMITMENT and request.matter_code in committed:
        window = catalog.matter(request.matter_code).check_window
        return ActionKind.GRANT_ON_COMMITMENT, {"check_window": str(window) if window else ""}
    return ActionKind.ROUTE, {}


def _matching_rule(
    services: Services, uow: UnitOfWork, app: Application, catalog: Catalog, request: PermitRequest
) -> AutoApprovalRule | None:
    if request.old_procedure:
        return None
    rules = [r for r in uow.rules.current() if r.covers(request.matter_code)]
    if not rules:
        return None
    return first_match(rules, context_for(uow, services, app, catalog, request.matter_code))


def _event_name(kind: ActionKind) -> str:
    return {
        ActionKind.AUTO_GRANT: "PermitGrantedAutomatically",
        ActionKind.RECORD_CANCELLED: "CancelledMatterRecorded",
        ActionKind.FILE: "FilingCompleted",
        ActionKind.GRANT_ON_COMMITMENT: "PermitGrantedOnCommitment",
        ActionKind.ROUTE: "PermitRequestRouted",
    }[kind]


def request_supplement(
    services: Services, actor: Actor, application_id: str, missing: Sequence[str]
) -> Application:
    """一次性补正: list everything missing at once."""

    def body(uow: UnitOfWork, change: Change) -> Application:
        app = uow.applications.get(application_id)
        app.apply(
            Action(
                ActionKind.REQUEST_SUPPLEMENT_AT_INTAKE,
                actor.username,
                services.clock.now(),
                None,
                {"missing": list(missing)},
            )
        )
        uow.applications.save(app)
        change.target = app.number
        change.detail = {"missing": list(missing)}
        return app

    return run_command(
        services, actor, "intake.request_supplement", Permission.INTAKE, body, target=application_id
    )


def receive_supplement(
    services: Services, actor: Actor, application_id: str, materials: Sequence[str] = ()
) -> Application:
    """补正材料已收: the case is back at intake, ready to be accepted (or refused)."""

    def body(uow: UnitOfWork, change: Change) -> Application:
        app = uow.applications.get(application_id)
        missing = list(app.missing_materials)
        app.apply(
            Action(
                ActionKind.RECEIVE_SUPPLEMENT_AT_INTAKE,
                actor.username,
                services.clock.now(),
                None,
                {"materials": list(materials) or missing},
            )
        )
        uow.applications.save(app)
        change.target = app.number
        change.detail = {"received": list(materials) or missing}
        return app

    return run_command(
        services, actor, "intake.receive_supplement", Permission.INTAKE, body, target=application_id
    )


def refuse(services: Services, actor: Actor, application_id: str, reason: str) -> Application:
    """不予受理, with the reason."""

    def body(uow: UnitOfWork, change: Change) -> Application:
        app = uow.applications.get(application_id)
        app.apply(Action(ActionKind.REFUSE, actor.username, services.clock.now(), None, {"reason": reason}))
        uow.applications.save(app)
        emit(
            services,
            uow,
            "ApplicationRefused",
            {"application": app.number, "uscc": app.uscc, "reason": reason},
        )
        change.target = app.number
        change.detail = {"reason": reason}
        return app

    return run_command(services, actor, "intake.refuse", Permission.INTAKE, body, target=application_id)
