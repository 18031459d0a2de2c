"""The counter's side of sync: the outbox as the sync engine drives it, feed state, enrolment,
the intake freeze, the device token file, events for the platform, and migration 0004."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from db.engine import make_engine
from db.migrate import current_revision, head_revision, upgrade
from db.models import AuditRow, OutboxRow, SettingRow
from desktop.adapters.clock import FixedClock
from desktop.adapters.device_token import DeviceTokenFile
from desktop.adapters.sync_store import ServicesSyncStore
from desktop.domain.applications import RequestState
from desktop.domain.errors import DomainError, EnvironmentProblem, NotFound, PermissionDenied
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import intake, issuing, keys, review, syncing
from desktop.services.base import Services
from desktop.services.syncing import IntakeFrozen
from sync.protocol import Feed
from sync.store import PUSH
from tests.conftest import NOW, make_services
from tests.support.factories import ADMIN, CLERK, HALL_ADMIN, ISSUER, enterprise, rows

SERVER = "https://central.example:8960"
PIN = "ab" * 32


def _events(services: Services) -> list[OutboxRow]:
    """In the order the engine sends them (events of one change share their time)."""
    return sorted(rows(services, OutboxRow), key=lambda r: (r.created_at, r.id))


def _audit(services: Services, action: str) -> list[AuditRow]:
    return [r for r in rows(services, AuditRow, AuditRow.seq) if r.action == action]


def _make_events(services: Services, clock: FixedClock, cases: int = 2) -> None:
    for _ in range(cases):
        app = intake.submit(services, CLERK, enterprise(), ["SCJG-01", "YJ-03"])
        intake.accept(services, CLERK, app.id)
        clock.advance(timedelta(minutes=1))


def _enrol(services: Services) -> None:
    syncing.record_enrolment(services, ADMIN, SERVER, "dev-1", "榆次区政务服务大厅", PIN)


# ------------------------------------------------------------------ outbox
def test_outbox_take_release_send_and_requeue(services: Services, clock: FixedClock) -> None:
    _make_events(services, clock)
    store = ServicesSyncStore(services)
    stored = _events(services)
    assert len(stored) == 6 and store.counts().pending == 6

    first = store.take_batch(2, clock.now())
    assert [i.id for i in first] == [r.id for r in stored[:2]]  # oldest first
    assert [i.payload for i in first] == [r.payload for r in stored[:2]]  # byte for byte
    assert all(i.sent_at == clock.now() for i in first)
    by_id = {r.id: r for r in _events(services)}
    assert {by_id[i.id].status for i in first} == {"in_flight"}
    assert {by_id[i.id].attempts for i in first} == {1}
    assert store.counts().pending == 6  # in flight still counts as waiting

    # a failed call: back to pending; the next send keeps the first send time (推送时间)
    store.release([i.id for i in first], "连接超时")
    assert {r.status for r in _events(services)} == {"pending"}
    sent_first = clock.now()
    clock.advance(timedelta(minutes=5))
    again = store.take_batch(2, clock.now())
    assert [i.id for i in again] == [i.id for i in first]
    assert all(i.sent_at == sent_first for i in again)
    assert {by.attempts for by in _events(services) if by.id in {i.id for i in again}} == {2}

    store.mark_sent([i.id for i in again])
    rest = store.take_batch(100, clock.now())
    assert len(rest) == 4
    # a crash mid-pass: the next pass puts in-flight rows back
    assert store.requeue_in_flight() == 4
    assert store.requeue_in_flight() == 0
    statuses = [r.status for r in _events(services)]
    assert statuses.count("sent") == 2 and statuses.count("pending") == 4
    assert len(_audit(services, "sync.push")) == 1
    store.mark_sent([])  # nothing to say: no audit record
    assert len(_audit(services, "sync.push")) == 1


def test_a_refused_event_is_parked_until_an_admin_retries_it(services: Services, clock: FixedClock) -> None:
    _make_events(services, clock, cases=1)
    store = ServicesSyncStore(services)
    batch = store.take_batch(10, clock.now())
    store.mark_needs_attention(batch[0].id, "409: 同一编号的事件内容不同")
    store.mark_sent([i.id for i in batch])  # a parked row is not marked sent by the rest
    assert store.counts().needs_attention == 1 and store.counts().pending == 0
    parked = syncing.needs_attention(services)
    assert [p.id for p in parked] == [batch[0].id]
    assert parked[0].last_error.startswith("409")
    assert store.take_batch(10, clock.now()) == []  # never retried automatically

    with pytest.raises(PermissionDenied):
        syncing.retry_needs_attention(services, CLERK, batch[0].id)
    retried = syncing.retry_needs_attention(services, ADMIN, batch[0].id)
    assert retried.status == "pending"
    with pytest.raises(DomainError, match="不是待处理"):
        syncing.retry_needs_attention(services, ADMIN, batch[0].id)
    with pytest.raises(NotFound):
        syncing.retry_needs_attention(services, ADMIN, "no-such-event")
    assert [i.id for i in store.take_batch(10, clock.now())] == [batch[0].id]
    assert len(_audit(services, "sync.needs_attention")) == 1
    assert [r.result.split(":")[0] for r in _audit(services, "sync.retry")] == [
        "refused",
        "ok",
        "refused",
        "refused",
    ]


def test_feed_cursor_and_last_pass_times(services: Services, clock: FixedClock) -> None:
    store = ServicesSyncStore(services)
    assert store.cursor(Feed.CATALOG) == ""
    store.record_failure(Feed.CATALOG, clock.now(), "HTTP 503")
    store.record_success(PUSH, clock.now())
    st = syncing.status(services)
    assert st.last_error["catalog"] == "HTTP 503"
    assert st.last_success["push"] == clock.now() and st.last_success["catalog"] is None
    assert set(st.last_success) == {f.value for f in Feed} | {PUSH}
    clock.advance(timedelta(minutes=5))
    store.record_success(Feed.CATALOG, clock.now())
    st = syncing.status(services)
    assert st.last_error["catalog"] == "" and st.last_success["catalog"] == clock.now()


# ------------------------------------------------------------------ enrolment and status
def test_enrolment_is_an_admins_act_and_shows_in_the_status(services: Services) -> None:
    st = syncing.status(services)
    assert not st.enrolled and not st.frozen and st.catalog_age_days is None
    with pytest.raises(PermissionDenied):
        syncing.record_enrolment(services, CLERK, SERVER, "dev-1", "大厅")
    with pytest.raises(DomainError, match="https"):
        syncing.record_enrolment(services, ADMIN, "ftp://x", "dev-1", "大厅")
    with pytest.raises(DomainError, match="SHA-256"):
        syncing.record_enrolment(services, ADMIN, SERVER, "dev-1", "大厅", "not-a-pin")
    _enrol(services)
    st = syncing.status(services)
    assert (st.enrolled, st.server_url, st.device_id, st.hall, st.pin) == (
        True,
        SERVER,
        "dev-1",
        "榆次区政务服务大厅",
        PIN,
    )
    assert st.enrolled_at == NOW and st.catalog_age_days == 0 and not st.frozen
    assert _audit(services, "sync.enrol")[-1].result == "ok"
    # nothing secret in the database: the token never goes there
    assert all("token" not in r.key for r in rows(services, SettingRow))


def test_enrolling_with_another_server_forgets_the_old_cursors(services: Services, clock: FixedClock) -> None:
    _enrol(services)
    store = ServicesSyncStore(services)
    store.apply_page(Feed.ONLINE_APPLICATIONS, [], "42", clock.now())
    syncing.record_enrolment(services, ADMIN, SERVER, "dev-2", "大厅")  # same server: kept
    assert store.cursor(Feed.ONLINE_APPLICATIONS) == "42"
    syncing.record_enrolment(services, ADMIN, "https://other.example", "dev-9", "大厅")
    assert store.cursor(Feed.ONLINE_APPLICATIONS) == ""


# ------------------------------------------------------------------ freeze
def test_an_enrolled_counter_freezes_intake_after_the_catalog_is_too_old(
    services: Services, clock: FixedClock
) -> None:
    _enrol(services)  # Thursday 26 November, 10:00 in Beijing
    waiting = intake.submit(services, CLERK, enterprise(), ["SCJG-01"])
    # the 7th day (Thursday 3 December, 23:59 Beijing) is still fine
    clock.at = datetime(2026, 12, 3, 15, 59, tzinfo=UTC)
    st = syncing.status(services)
    assert st.catalog_age_days == 7 and not st.frozen
    intake.submit(services, CLERK, enterprise(), ["SCJG-01"])
    # from local midnight on, it is the 8th day: frozen
    clock.at = datetime(2026, 12, 3, 16, 0, tzinfo=UTC)
    st = syncing.status(services)
    assert st.catalog_age_days == 8 and st.frozen and "8 天" in st.freeze_reason
    with pytest.raises(IntakeFrozen, match="事项清单已 8 天未与中心平台同步，已暂停新受理"):
        intake.submit(services, CLERK, enterprise(), ["SCJG-01"])
    with pytest.raises(IntakeFrozen):
        intake.accept(services, CLERK, waiting.id)
    assert _audit(services, "intake.submit")[-1].result.startswith("refused: intake_frozen")

    # a hall admin lets intake go on for the rest of the day, with a reason
    with pytest.raises(PermissionDenied):
        syncing.override_freeze(services, CLERK, "网络中断，群众等候")
    with pytest.raises(DomainError, match="理由"):
        syncing.override_freeze(services, HALL_ADMIN, "急")
    state = syncing.override_freeze(services, HALL_ADMIN, "网络中断，群众等候")
    assert state.overridden and not state.frozen
    st = syncing.status(services)
    assert st.freeze_overridden and not st.frozen
    intake.accept(services, CLERK, waiting.id)
    intake.submit(services, CLERK, enterprise(), ["SCJG-01"])
    # the next local day it is frozen again
    clock.at = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)
    assert syncing.status(services).frozen

    # a successful catalog pass ends the freeze
    ServicesSyncStore(services).record_success(Feed.CATALOG, clock.now())
    st = syncing.status(services)
    assert st.catalog_age_days == 0 and not st.frozen and st.freeze_reason == ""
    intake.submit(services, CLERK, enterprise(), ["SCJG-01"])
    with pytest.raises(DomainError, match="无需授权"):
        syncing.override_freeze(services, HALL_ADMIN, "提前授权试试")


def test_the_catalog_age_counts_from_the_last_catalog_success(services: Services, clock: FixedClock) -> None:
    _enrol(services)
    store = ServicesSyncStore(services)
    clock.advance(timedelta(days=5))
    store.record_success(Feed.CATALOG, clock.now())
    store.record_success(Feed.USERS, clock.now() + timedelta(days=6))  # other feeds do not count
    clock.advance(timedelta(days=8))
    assert syncing.status(services).catalog_age_days == 8 and syncing.freeze(services).frozen
    with services.uow() as uow:  # the limit is a setting
        uow.settings.put(syncing.CATALOG_MAX_AGE_DAYS, "10")
        uow.commit()
    assert not syncing.freeze(services).frozen


def test_a_counter_that_never_enrolled_is_never_frozen(services: Services, clock: FixedClock) -> None:
    clock.advance(timedelta(days=400))
    assert not syncing.status(services).frozen
    intake.submit(services, CLERK, enterprise(), ["SCJG-01"])


# ------------------------------------------------------------------ device token
def test_device_token_file_is_owner_only_and_replaced_atomically(tmp_path: Path) -> None:
    path = tmp_path / "data" / "keys" / "device.token"
    tokens = DeviceTokenFile(path)
    assert tokens.read() is None
    tokens.write("tok-1")
    assert tokens.read() == "tok-1"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    tokens.write("tok-2")
    assert tokens.read() == "tok-2"
    assert [p.name for p in path.parent.iterdir()] == ["device.token"]  # no temporary left
    with pytest.raises(ValueError):
        tokens.write("two\nlines")
    assert tokens.read() == "tok-2"
    tokens.delete()
    tokens.delete()
    assert tokens.read() is None


# ------------------------------------------------------------------ events for the platform
def _decided_case(services: Services) -> str:
    app = intake.submit(services, CLERK, enterprise(), ["SCJG-01", "YJ-03"], industries=["便利店"])
    app = intake.accept(services, CLERK, app.id)
    for request in list(app.requests.values()):
        if request.state is RequestState.IN_REVIEW:
            review.claim(services, SYSTEM_ACTOR, app.id, request.id)
            app = review.grant(services, SYSTEM_ACTOR, app.id, request.id)
    return app.id


def test_station_keys_and_licences_are_told_to_the_platform(services: Services) -> None:
    key = keys.create_station_key(services, ADMIN, "一号出件窗口")
    registered = [json.loads(r.payload) for r in _events(services) if r.kind == "StationKeyRegistered"]
    assert registered == [
        {
            "key_id": key.key_id,
            "public_key_pem": key.public_key_pem,
            "authority": key.authority,
            "station": "一号出件窗口",
        }
    ]
    result = issuing.issue(services, ISSUER, _decided_case(services))
    assert result.licence is not None
    issued = next(json.loads(r.payload) for r in _events(services) if r.kind == "LicenceIssued")
    assert issued["licence"] == result.licence.number
    assert issued["name"] == enterprise().name and issued["address"] == enterprise().address
    assert issued["issued_on"] == "2026-11-26" and issued["authority"] == result.licence.issuing_authority
    food = next(p for p in issued["permits"] if p["matter"] == "SCJG-01")
    assert food["matter_name"] == "食品经营许可" and food["status"] == "01"
    assert food["competent_department"] and food["number"].startswith("SCJG-01-")
    assert issued["competent_departments"] == sorted({p["competent_department"] for p in issued["permits"]})

    keys.revoke_key(services, ADMIN, key.key_id, "出件电脑被盗")
    revoked = [json.loads(r.payload) for r in _events(services) if r.kind == "StationKeyRevoked"]
    assert revoked == [{"key_id": key.key_id, "reason": "出件电脑被盗"}]
    # a revoked key signs nothing more
    with pytest.raises(EnvironmentProblem, match="已被吊销"):
        issuing.issue(services, ISSUER, _decided_case(services))


# ------------------------------------------------------------------ migration
def test_upgrade_from_0003_keeps_rows(db_url: str, clock: FixedClock) -> None:
    from alembic import command

    from db.migrate import _config, _with_scripts

    engine = make_engine(db_url)
    with _with_scripts() as location, engine.begin() as conn:
        config = _config(location)
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO outbox (id, kind, payload, created_at, status, attempts, last_error) VALUES"
                " ('e1', 'ApplicationAccepted', '{\"application\": \"YC1\"}',"
                " '2026-11-01T00:00:00.000000+00:00', 'pending', 0, '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO users (username, role, password_hash, department, display_name, failed_logins,"
                " locked, must_change_password, active, demo) VALUES"
                " ('wang', 'clerk', 'x', '', '王', 0, false, false, true, false)"
            )
        )
    upgrade(engine)
    assert current_revision(engine) == head_revision() >= "0004"  # later revisions build on 0004
    with engine.connect() as conn:
        assert conn.execute(text("SELECT status, sent_at FROM outbox")).one() == ("pending", None)
        assert conn.execute(text("SELECT source FROM users")).scalar_one() == "local"
    engine.dispose()

    services = make_services(db_url, clock)
    store = ServicesSyncStore(services)
    [item] = store.take_batch(10, clock.now())
    assert (item.id, item.payload, item.sent_at) == ("e1", '{"application": "YC1"}', clock.now())
    with services.uow() as uow:
        assert uow.users.source("wang") == "local"
    services.uow.engine.dispose()  # type: ignore[attr-defined]


def test_the_models_match_the_migrations(db_url: str) -> None:
    """db/models.py and the Alembic revisions describe the same schema (0004 included)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from db.models import Base

    engine = make_engine(db_url)
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []
