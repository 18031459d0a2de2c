"""Back-office review (后台分类审批): a reviewer decides only items of their own department."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.applications import Action, ActionKind, Application, PermitRequest
from desktop.domain.catalog import Material, MaterialSource
from desktop.domain.errors import DomainError, PermissionDenied
from desktop.domain.users import Actor, Permission, Role
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, emit, require, run_command

_DECISION_EVENTS = {
    ActionKind.GRANT: "PermitGranted",
    ActionKind.DENY: "PermitDenied",
    ActionKind.REQUEST_SUPPLEMENT: "SupplementRequested",
}


def _request(app: Application, request_or_matter: str) -> PermitRequest:
    if request_or_matter in app.requests:
        return app.requests[request_or_matter]
    return app.request_for(request_or_matter)


def _check_department(actor: Actor, request: PermitRequest) -> None:
    if actor.role is Role.SYSTEM:
        return
    if actor.department != request.department:
        raise PermissionDenied(
            f"事项“{request.matter_name}”由{request.department}审批，"
            f"{actor.username}（{actor.department or '未指定部门'}）不能办理"
        )


def _review(
    services: Services,
    actor: Actor,
    application_id: str,
    item: str,
    kind: ActionKind,
    data: dict[str, Any],
) -> Application:
    def body(uow: UnitOfWork, change: Change) -> Application:
        app = uow.applications.get(application_id)
        request = _request(app, item)
        change.target = f"{app.number}/{request.matter_code}"
        _check_department(actor, request)
        app.apply(Action(kind, actor.username, services.clock.now(), request.id, data))
        uow.applications.save(app)
        if kind in _DECISION_EVENTS:
            emit(
                services,
                uow,
                _DECISION_EVENTS[kind],
                {
                    "application": app.number,
                    "uscc": app.uscc,
                    "matter": request.matter_code,
                    "competent_department": request.competent_department,
                    **data,
                },
            )
        change.detail = {"state": request.state.value, **data}
        return app

    return run_command(
        services, actor, f"review.{kind.value}", Permission.REVIEW, body, target=application_id
    )


def claim(services: Services, actor: Actor, application_id: str, item: str) -> Application:
    return _review(services, actor, application_id, item, ActionKind.CLAIM, {})


def release(services: Services, actor: Actor, application_id: str, item: str) -> Application:
    return _review(services, actor, application_id, item, ActionKind.RELEASE, {})


def grant(services: Services, actor: Actor, application_id: str, item: str, note: str = "") -> Application:
    return _review(services, actor, application_id, item, ActionKind.GRANT, {"reason": note} if note else {})


def deny(services: Services, actor: Actor, application_id: str, item: str, reason: str) -> Application:
    return _review(services, actor, application_id, item, ActionKind.DENY, {"reason": reason})


def receive_supplement(services: Services, actor: Actor, application_id: str, item: str) -> Application:
    """补正材料已收 at the window: the item goes back to its department's queue, unclaimed.

    The window (a clerk) receives the materials; the department's reviewers take it up again.
    """

    def body(uow: UnitOfWork, change: Change) -> Application:
        app = uow.applications.get(application_id)
        request = _request(app, item)
        change.target = f"{app.number}/{request.matter_code}"
        app.apply(Action(ActionKind.RECEIVE_SUPPLEMENT, actor.username, services.clock.now(), request.id, {}))
        uow.applications.save(app)
        emit(services, uow, "SupplementReceived", {"application": app.number, "matter": request.matter_code})
        change.detail = {"state": request.state.value}
        return app

    return run_command(
        services, actor, "review.receive_supplement", Permission.INTAKE, body, target=application_id
    )


def request_supplement(
    services: Services, actor: Actor, application_id: str, item: str, missing: Sequence[str]
) -> Application:
    return _review(
        services,
        actor,
        application_id,
        item,
        ActionKind.REQUEST_SUPPLEMENT,
        {"missing": list(missing)},
    )


@dataclass(frozen=True)
class SupplementChoices:
    """What a reviewer may ask for: only the applicant's materials of the item's matter, from the
    catalog version the case was accepted under (nothing outside the catalog may be demanded)."""

    application_number: str
    matter_name: str
    catalog_version: str
    materials: tuple[Material, ...]
    received: frozenset[str]


def supplement_choices(services: Services, actor: Actor, application_id: str, item: str) -> SupplementChoices:
    require(actor, Permission.READ_CASES)
    with services.uow() as uow:
        app = uow.applications.get(application_id)
        catalog = uow.catalog.get(app.catalog_version_id)
    request = _request(app, item)
    matter = catalog.matter(request.matter_code)
    materials = tuple(m for m in matter.materials if m.source is MaterialSource.APPLICANT)
    if not materials:
        raise DomainError(f"事项“{request.matter_name}”在事项清单中没有需申请人提交的材料，无法要求补正")
    return SupplementChoices(
        app.number, request.matter_name, catalog.version.label, materials, frozenset(app.materials_received)
    )
