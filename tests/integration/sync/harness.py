"""What the sync reliability tests share: a counter (real services on SQLite), an enrolled device
on a real central platform, and the invariants, read straight from both databases."""

from __future__ import annotations

import json
import random
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from db.models import OutboxRow
from desktop.adapters.clock import FixedClock
from desktop.adapters.sync_store import ServicesSyncStore
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import intake
from desktop.services.base import Services, emit
from desktop.services.catalog import CatalogBundle, install_bundle
from sync.client import CentralClient
from sync.engine import SyncEngine
from sync.protocol import EventIn, Feed
from tests.conftest import NOW, make_services
from tests.support.central import CentralHandle
from tests.support.factories import CLERK, enterprise, rows

HALL = "榆次大厅"
MIX = ["SCJG-01", "SCJG-02", "XF-01", "MZ-01"]  # submit+accept: five events, three for 审管联动


def no_sleep(_seconds: float) -> None:
    """Backoff waits are skipped in tests (the proxy's faults are immediate)."""


@dataclass
class Counter:
    services: Services
    store: ServicesSyncStore
    url: str
    clock: FixedClock

    def dispose(self) -> None:
        self.services.uow.engine.dispose()  # type: ignore[attr-defined]


def make_counter(folder: Path, bundle: CatalogBundle) -> Counter:
    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder / 'counter.sqlite3'}"
    clock = FixedClock(NOW)
    services = make_services(url, clock, folder / "keys")
    install_bundle(services, SYSTEM_ACTOR, bundle)
    return Counter(services, ServicesSyncStore(services), url, clock)


def enrol(central: CentralHandle, hall: str = HALL, name: str = "一号窗口") -> str:
    with CentralClient(central.base_url) as client:
        return client.enrol(central.enrol_code(), name, hall).token


def engine_for(counter: Counter, client: CentralClient, **kw: Any) -> SyncEngine:
    return SyncEngine(counter.store, client, counter.services.clock.now, **kw)


# ---------------------------------------------------------------------------- local changes
def emit_events(counter: Counter, n: int, rng: random.Random) -> list[str]:
    """``n`` outbox rows written through the services' outbox (one transaction each)."""
    ids = []
    for _ in range(n):
        with counter.services.uow() as uow:
            payload = {"n": rng.randrange(10**9), "text": "测试事件" * rng.randint(1, 40)}
            ids.append(emit(counter.services, uow, "TestEventRecorded", payload).id)
            uow.commit()
    return ids


def accept_a_case(counter: Counter, uscc: str | None = None) -> None:
    """A real intake: submit and accept a four-matter case (five outbox events)."""
    company = enterprise(uscc) if uscc else enterprise()
    app = intake.submit(counter.services, CLERK, company, MIX)
    intake.accept(counter.services, CLERK, app.id, committed={"XF-01"})


# ---------------------------------------------------------------------------- reading both sides
def outbox(counter: Counter) -> dict[str, tuple[str, str, str]]:
    """Every outbox row: id → (kind, payload, status)."""
    return {r.id: (r.kind, r.payload, r.status) for r in rows(counter.services, OutboxRow)}


@contextmanager
def central_db(central: CentralHandle) -> Iterator[Any]:
    engine = create_engine(central.db_url)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def server_events(central: CentralHandle) -> dict[str, tuple[str, str]]:
    with central_db(central) as conn:
        return {r.id: (r.kind, r.payload) for r in conn.execute(text("SELECT id, kind, payload FROM events"))}


def server_linkage_duplicates(central: CentralHandle) -> list[Any]:
    with central_db(central) as conn:
        return list(
            conn.execute(
                text(
                    "SELECT event_id, department, COUNT(*) FROM linkage_items "
                    "GROUP BY event_id, department HAVING COUNT(*) > 1"
                )
            )
        )


def server_cursors(central: CentralHandle, hall: str = HALL) -> dict[str, str]:
    """What a fully caught-up counter of ``hall`` has as each feed's cursor."""
    with central_db(central) as conn:
        found = dict(
            conn.execute(
                text("SELECT feed, MAX(seq) FROM feed_items WHERE hall IN ('', :hall) GROUP BY feed"),
                {"hall": hall},
            ).all()
        )
    return {f.value: str(found[f.value]) if f.value in found else "" for f in Feed}


def server_latest(central: CentralHandle, feed: Feed, hall: str = HALL) -> dict[str, dict[str, Any]]:
    with central_db(central) as conn:
        result = conn.execute(
            text("SELECT key, data FROM feed_items WHERE feed = :feed AND hall IN ('', :hall) ORDER BY seq"),
            {"feed": feed.value, "hall": hall},
        )
        return {key: json.loads(data) for key, data in result}


def counter_cursors(counter: Counter) -> dict[str, str]:
    return {f.value: counter.store.cursor(f) for f in Feed}


# ---------------------------------------------------------------------------- invariants
@dataclass
class Ledger:
    """What a run of the tests expects: the rows deliberately made to conflict, and the cursors
    seen so far (they may only move forward)."""

    conflicts: set[str] = field(default_factory=set)
    cursors: dict[str, int] = field(default_factory=dict)


def check_sent_rows_are_on_the_server(counter: Counter, central: CentralHandle) -> None:
    """At any moment: no outbox row is ``sent`` unless the server holds it, with that payload."""
    stored = server_events(central)
    for event_id, (kind, payload, status) in outbox(counter).items():
        if status == "sent":
            assert stored.get(event_id) == (kind, payload), f"sent but not on the server: {event_id}"


def check_cursors_move_forward(counter: Counter, ledger: Ledger) -> None:
    for name, cursor in counter_cursors(counter).items():
        value = int(cursor or 0)
        assert value >= ledger.cursors.get(name, 0), f"cursor of {name} went back"
        ledger.cursors[name] = value


def check_converged(counter: Counter, central: CentralHandle, ledger: Ledger) -> None:
    """After a fault-free pass: every row sent (or parked for a deliberate conflict), the server
    holds exactly the counter's events with identical payloads, nothing learned twice, and the
    counter's feeds are where the server's are."""
    local = outbox(counter)
    stored = server_events(central)
    parked = {i for i, (_, _, status) in local.items() if status == "needs_attention"}
    assert parked == ledger.conflicts & set(local)
    assert all(status == "sent" for i, (_, _, status) in local.items() if i not in parked)
    for event_id, (kind, payload, _) in local.items():
        if event_id in parked:
            assert stored[event_id] != (kind, payload)  # the other version stays; ours is parked
        else:
            assert stored.get(event_id) == (kind, payload), f"lost or altered: {event_id}"
    assert set(stored) == set(local)  # nothing on the server the counter did not write
    assert server_linkage_duplicates(central) == []
    assert counter_cursors(counter) == server_cursors(central)


def conflicting_copy(counter: Counter, event_id: str) -> EventIn:
    """Another device's event under one of this counter's ids (it reaches the server first)."""
    kind, _, _ = outbox(counter)[event_id]
    return EventIn(
        id=event_id,
        kind=kind,
        payload=json.dumps({"forged": True}),
        created_at=NOW.isoformat(),
        sent_at=NOW.isoformat(),
    )


def check_users_match(counter: Counter, central: CentralHandle) -> None:
    """The users feed as applied: each account the platform sends is on the counter as sent."""
    with counter.services.uow() as uow:
        for username, data in server_latest(central, Feed.USERS).items():
            user = uow.users.get(username)
            assert user is not None, username
            got = (user.role.value, user.department, user.active, user.password_hash)
            assert got == (data["role"], data["department"], data["active"], data["password_hash"])


ROLES = ("clerk", "reviewer", "auditor", "hall_admin")


def publish_user(central: CentralHandle, rng: random.Random, hall: str = HALL) -> None:
    """An admin publishes (or changes) one of a few accounts of the hall."""
    role = rng.choice(ROLES)
    body = {
        "hall": rng.choice([hall, ""]),
        "username": f"user{rng.randrange(6)}",
        "role": role,
        "department": "市场监督管理局" if role == "reviewer" else "",
        "display_name": f"测试{rng.randrange(100)}",
        "active": rng.random() < 0.8,
        "password": f"pw-{rng.randrange(10**6):06d}",
    }
    reply = central.admin_post("/api/v1/admin/users", body)
    assert reply.status_code == 200, reply.text


def publish_calendar(central: CentralHandle, rng: random.Random) -> None:
    day = rng.randrange(1, 28)
    text_ = f"日期,类型,说明\n2027-03-{day:02d},休息,测试调休\n"
    reply = central.admin_post("/api/v1/admin/calendars", {"year": 2027, "text": text_})
    assert reply.status_code == 200, reply.text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
