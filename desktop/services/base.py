"""What every service command shares: the wiring it needs, the permission check, the unit of
work, and the audit record (written in the same transaction, or on refusal in one of its own)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from desktop.domain.calendar import HolidaySource, WorkCalendar
from desktop.domain.errors import DomainError, PermissionDenied, StorageProblem
from desktop.domain.outbox import OutboxEvent
from desktop.domain.users import PERMISSION_LABELS, Actor, Permission
from desktop.ports import (
    BarcodeReader,
    Clock,
    DocumentRenderer,
    KeyStore,
    PasswordHasher,
    SignatureChecker,
    SyncAgent,
    UnitOfWork,
    UnitOfWorkFactory,
)

T = TypeVar("T")


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Services:
    """The ports wired by desktop.bootstrap (or by tests, with fakes)."""

    uow: UnitOfWorkFactory
    clock: Clock
    hasher: PasswordHasher
    holidays: HolidaySource
    make_id: Callable[[], str] = field(default=new_id)
    window_number: str = "01"
    keys: KeyStore | None = None  # this print station's signing keys
    signatures: SignatureChecker | None = None
    renderer: DocumentRenderer | None = None
    barcodes: BarcodeReader | None = None
    initials: Callable[[str], str] | None = None  # pinyin initials of Chinese text (食品经营 → spjy)
    sync_agent: SyncAgent | None = None  # one pass with the central platform (None: not wired)
    # the day's automatic backup when due and configured: the file made, or None (not wired: None)
    scheduled_backup: Callable[[], str | None] | None = None


@dataclass
class Change:
    """Filled in by a command while it runs: what the audit record will say."""

    target: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(
            f"用户 {actor.username}（{actor.role.label}）无权执行“{PERMISSION_LABELS[permission]}”"
        )


def run_command(
    services: Services,
    actor: Actor,
    action: str,
    permission: Permission | None,
    body: Callable[[UnitOfWork, Change], T],
    target: str = "",
) -> T:
    """Check the permission, run ``body`` in one unit of work, audit it, commit.

    A refused or failed command leaves nothing behind but its own audit record.
    """
    change = Change(target=target)
    try:
        if permission is not None:
            require(actor, permission)
        with services.uow() as uow:
            result = body(uow, change)
            uow.audit.append(services.clock.now(), actor.username, action, change.target, change.detail, "ok")
            uow.commit()
        return result
    except StorageProblem:
        raise  # the database could not take the change; it cannot take a refusal record either
    except DomainError as exc:
        _audit_refusal(services, actor, action, change, exc)
        raise


def _audit_refusal(services: Services, actor: Actor, action: str, change: Change, exc: DomainError) -> None:
    with services.uow() as uow:
        uow.audit.append(
            services.clock.now(),
            actor.username,
            action,
            change.target,
            change.detail,
            f"refused: {exc.code}: {exc.message}",
        )
        uow.commit()


def emit(services: Services, uow: UnitOfWork, kind: str, payload: Mapping[str, Any]) -> OutboxEvent:
    """Queue an event for the central platform inside the current transaction."""
    event = OutboxEvent(services.make_id(), kind, dict(payload), services.clock.now())
    uow.outbox.add(event)
    return event


def work_calendar(services: Services, uow: UnitOfWork | None) -> WorkCalendar:
    """The base calendar plus this installation's overrides and imported years."""
    if uow is None:
        return WorkCalendar(services.holidays)
    return WorkCalendar(services.holidays, uow.calendar.overrides(), uow.calendar.imported_years())
