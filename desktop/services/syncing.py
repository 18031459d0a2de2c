"""The counter's side of sync with the central platform, except the wire (sync/ does HTTP).

- Enrolment facts (server URL, device id, hall, certificate pin, enrolment time) live in settings;
  the device token never does (desktop.adapters.device_token keeps it in an owner-only file).
- The outbox as the sync engine drives it: take a batch (in_flight), mark sent, park a refused
  row (needs_attention), release after a failed call. Routine outbox moves are not audited (a
  pass every few minutes would drown the audit log); sends, parked rows and an admin's retry are.
- Intake freeze: an enrolled counter whose catalog feed has not had a successful pass for more
  than ``catalog_max_age_days`` days (default 7; counted in local dates from the enrolment or
  the last catalog success, whichever is later) pauses new intake (submit and accept) until the
  catalog syncs again, or a hall admin overrides it with a reason for the rest of that local day.
  A counter that never enrolled works standalone and is never frozen.

Permissions: enrolment and retrying a parked row need ``Permission.MANAGE_KEYS`` (admin, system) —
both are about this station's standing with the platform, like its signing keys; no new
permission, so the role table stays as it is. The freeze override needs
``Permission.OVERRIDE_WARNING`` (hall admin, system), like every other supervisor override.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from desktop.domain.errors import DomainError, NotFound
from desktop.domain.sync_state import (
    CATALOG_FEED,
    DEFAULT_CATALOG_MAX_AGE_DAYS,
    FEEDS,
    NEEDS_ATTENTION,
    PENDING,
    PUSH,
    Freeze,
    OutboxEntry,
    SyncStatus,
    freeze_state,
)
from desktop.domain.users import SYSTEM_ACTOR, Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, run_command

# Settings keys (the settings table; not in settings.SETTINGS because enrolment writes them).
CENTRAL_URL = "central_url"
DEVICE_ID = "device_id"
HALL = "hall"
CENTRAL_PIN = "central_pin"
ENROLLED_AT = "enrolled_at"
CATALOG_MAX_AGE_DAYS = "catalog_max_age_days"
FREEZE_OVERRIDE_ON = "freeze_override_on"  # the local date the override holds for
FREEZE_OVERRIDE_AT = "freeze_override_at"  # when it was given (a later catalog success ends it)
FREEZE_OVERRIDE_BY = "freeze_override_by"
FREEZE_OVERRIDE_KIND = "intake_freeze"  # warning_overrides.kind of the override's record
MIN_REASON_LENGTH = 4


class IntakeFrozen(DomainError):
    """New intake paused: the catalog has not been synced for too long."""

    code = "intake_frozen"


def _int_setting(uow: UnitOfWork, key: str, default: int) -> int:
    value = uow.settings.get(key)
    try:
        return int(value) if value is not None and value.strip() else default
    except ValueError:
        return default


def _datetime_setting(uow: UnitOfWork, key: str) -> datetime | None:
    value = uow.settings.get(key)
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _date_setting(uow: UnitOfWork, key: str) -> date | None:
    value = uow.settings.get(key)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# ------------------------------------------------------------------ status and freeze
def freeze_in(services: Services, uow: UnitOfWork) -> Freeze:
    """The intake freeze as it stands now, read inside the caller's unit of work."""
    enrolled_at = _datetime_setting(uow, ENROLLED_AT)
    last = uow.sync_state.get(CATALOG_FEED).last_success
    local = services.clock.local_date
    return freeze_state(
        today=services.clock.today(),
        enrolled_on=local(enrolled_at) if enrolled_at else None,
        last_catalog_success=last,
        last_catalog_success_on=local(last) if last else None,
        max_age_days=_int_setting(uow, CATALOG_MAX_AGE_DAYS, DEFAULT_CATALOG_MAX_AGE_DAYS),
        override_on=_date_setting(uow, FREEZE_OVERRIDE_ON),
        override_at=_datetime_setting(uow, FREEZE_OVERRIDE_AT),
    )


def freeze(services: Services) -> Freeze:
    with services.uow() as uow:
        return freeze_in(services, uow)


def check_intake_allowed(services: Services, uow: UnitOfWork) -> None:
    """Raise IntakeFrozen when new intake is paused (intake.submit and intake.accept call this)."""
    state = freeze_in(services, uow)
    if state.frozen:
        raise IntakeFrozen(state.reason)


def status(services: Services) -> SyncStatus:
    with services.uow() as uow:
        enrolled_at = _datetime_setting(uow, ENROLLED_AT)
        states = {s.name: s for s in uow.sync_state.all()}
        counts = uow.outbox.counts()
        state = freeze_in(services, uow)
        names = [*FEEDS, PUSH]
        return SyncStatus(
            enrolled=enrolled_at is not None,
            server_url=uow.settings.get(CENTRAL_URL) or "",
            device_id=uow.settings.get(DEVICE_ID) or "",
            hall=uow.settings.get(HALL) or "",
            pending=counts.get(PENDING, 0) + counts.get("in_flight", 0),
            needs_attention=counts.get(NEEDS_ATTENTION, 0),
            last_success={n: states[n].last_success if n in states else None for n in names},
            last_error={n: states[n].last_error if n in states else "" for n in names},
            catalog_age_days=state.age_days,
            frozen=state.frozen,
            freeze_reason=state.reason if state.stale else "",
            freeze_overridden=state.overridden and state.stale,
            rejected={n: s.rejected for n, s in states.items() if s.rejected},
            enrolled_at=enrolled_at,
            pin=uow.settings.get(CENTRAL_PIN) or "",
        )


def override_freeze(services: Services, actor: Actor, reason: str) -> Freeze:
    """A hall admin lets intake go on today although the catalog is too old (reason required).

    The override ends at the end of the local day, or at the next successful catalog pass.
    """

    def body(uow: UnitOfWork, change: Change) -> Freeze:
        if len(reason.strip()) < MIN_REASON_LENGTH:
            raise DomainError(f"请填写授权理由（至少 {MIN_REASON_LENGTH} 个字）")
        state = freeze_in(services, uow)
        if not state.stale:
            raise DomainError("事项清单同步正常，未暂停受理，无需授权")
        now = services.clock.now()
        today = services.clock.today()
        uow.settings.put(FREEZE_OVERRIDE_ON, today.isoformat())
        uow.settings.put(FREEZE_OVERRIDE_AT, now.isoformat())
        uow.settings.put(FREEZE_OVERRIDE_BY, actor.username)
        uow.overrides.add(FREEZE_OVERRIDE_KIND, today.isoformat(), reason.strip(), actor.username, now)
        change.detail = {"reason": reason.strip(), "catalog_age_days": state.age_days}
        return freeze_in(services, uow)

    return run_command(
        services,
        actor,
        "sync.override_freeze",
        Permission.OVERRIDE_WARNING,
        body,
        target=services.clock.today().isoformat(),
    )


# ------------------------------------------------------------------ enrolment
def record_enrolment(
    services: Services, actor: Actor, server_url: str, device_id: str, hall: str, pin: str = ""
) -> None:
    """Remember that this counter is enrolled (the token itself goes to its file, not here).

    Enrolling with another server forgets the feed cursors of the previous one (its sequence
    numbers mean nothing to the new server); the outbox is kept and goes to the new server.
    """
    url = server_url.strip().rstrip("/")
    if not url.startswith(("https://", "http://")):
        raise DomainError("中心平台地址应以 https:// 开头")
    if not device_id.strip():
        raise DomainError("中心平台未返回设备编号")
    pin = pin.strip().lower().replace(":", "")
    if pin and not (len(pin) == 64 and all(c in "0123456789abcdef" for c in pin)):
        raise DomainError("证书指纹应为 64 位十六进制的 SHA-256 值")

    def body(uow: UnitOfWork, change: Change) -> None:
        previous = uow.settings.get(CENTRAL_URL)
        if previous and previous != url:
            for name in FEEDS:
                uow.sync_state.set_cursor(name, "")
        uow.settings.put(CENTRAL_URL, url)
        uow.settings.put(DEVICE_ID, device_id.strip())
        uow.settings.put(HALL, hall.strip())
        uow.settings.put(CENTRAL_PIN, pin)
        uow.settings.put(ENROLLED_AT, services.clock.now().isoformat())
        change.detail = {
            "server": url,
            "device_id": device_id.strip(),
            "hall": hall.strip(),
            "pinned": bool(pin),
            "previous_server": previous or "",
        }

    run_command(services, actor, "sync.enrol", Permission.MANAGE_KEYS, body, target=url)


# ------------------------------------------------------------------ parked rows
def needs_attention(services: Services) -> list[OutboxEntry]:
    """Outbox rows the platform refused (409), with the refusal in ``last_error``."""
    with services.uow() as uow:
        return uow.outbox.entries(NEEDS_ATTENTION)


def retry_needs_attention(services: Services, actor: Actor, event_id: str) -> OutboxEntry:
    """An admin sends a parked row again (after the conflict was sorted out on the platform)."""

    def body(uow: UnitOfWork, change: Change) -> OutboxEntry:
        entry = uow.outbox.entry(event_id)
        if entry is None:
            raise NotFound(f"待推送事件 {event_id} 不存在")
        if not uow.outbox.retry(event_id):
            raise DomainError(f"事件 {event_id} 当前状态为 {entry.status}，不是待处理的冲突事件")
        change.detail = {"kind": entry.kind, "error": entry.last_error}
        retried = uow.outbox.entry(event_id)
        assert retried is not None
        return retried

    return run_command(services, actor, "sync.retry", Permission.MANAGE_KEYS, body, target=event_id)


# ------------------------------------------------------------------ the sync engine's outbox
def requeue_in_flight(services: Services) -> int:
    with services.uow() as uow:
        count = uow.outbox.requeue_in_flight()
        uow.commit()
    return count


def take_batch(services: Services, limit: int, now: datetime) -> list[OutboxEntry]:
    with services.uow() as uow:
        entries = uow.outbox.take_batch(limit, now)
        uow.commit()
    return entries


def mark_sent(services: Services, ids: Sequence[str]) -> int:
    if not ids:
        return 0

    def body(uow: UnitOfWork, change: Change) -> int:
        count = uow.outbox.mark_sent(ids)
        change.detail = {"sent": count}
        return count

    return run_command(services, SYSTEM_ACTOR, "sync.push", None, body, target=PUSH)


def mark_needs_attention(services: Services, event_id: str, detail: str) -> None:
    def body(uow: UnitOfWork, change: Change) -> None:
        entry = uow.outbox.entry(event_id)
        uow.outbox.mark_needs_attention(event_id, detail)
        change.detail = {"kind": entry.kind if entry else "", "detail": detail}

    run_command(services, SYSTEM_ACTOR, "sync.needs_attention", None, body, target=event_id)


def release(services: Services, ids: Sequence[str], error: str) -> int:
    if not ids:
        return 0
    with services.uow() as uow:
        count = uow.outbox.release(ids, error)
        uow.commit()
    return count


def outbox_counts(services: Services) -> tuple[int, int]:
    """(pending + in_flight, needs_attention)."""
    with services.uow() as uow:
        counts = uow.outbox.counts()
    return counts.get(PENDING, 0) + counts.get("in_flight", 0), counts.get(NEEDS_ATTENTION, 0)


# ------------------------------------------------------------------ feed state
def cursor(services: Services, name: str) -> str:
    with services.uow() as uow:
        return uow.sync_state.get(name).cursor


def record_success(services: Services, name: str, at: datetime) -> None:
    with services.uow() as uow:
        uow.sync_state.record_success(name, at)
        uow.commit()


def record_failure(services: Services, name: str, at: datetime, error: str) -> None:
    with services.uow() as uow:
        uow.sync_state.record_failure(name, at, error)
        uow.commit()
