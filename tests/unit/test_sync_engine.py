"""The sync engine against an in-memory store and a scripted platform: what a pass pushes, parks,
releases and pulls, and that network trouble ends up in the report instead of an exception."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sync.engine import CANCELLED, OK, PUSH_STAGE, SyncEngine, SyncProgress
from sync.errors import Offline, PinMismatch, ProtocolError, ServerError, SyncError, Unauthorized
from sync.protocol import EventIn, EventResult, Feed, FeedItem, FeedPage, PushResponse
from sync.store import PUSH, OutboxItem, QueueCounts

T0 = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)


# ---------------------------------------------------------------------------------------- fakes
@dataclass
class Row:
    id: str
    kind: str
    payload: str
    created_at: datetime
    status: str = "pending"
    attempts: int = 0
    sent_at: datetime | None = None
    error: str = ""


@dataclass
class FakeLocalStore:
    """LocalStore in memory, with the same state rules as the real outbox."""

    rows: dict[str, Row] = field(default_factory=dict)
    cursors: dict[Feed, str] = field(default_factory=dict)
    data: dict[Feed, dict[str, dict[str, Any]]] = field(default_factory=dict)
    successes: list[tuple[str, datetime]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def add(self, n: int, kind: str = "CaseAccepted") -> list[str]:
        ids = []
        for _ in range(n):
            i = f"ev-{len(self.rows):05d}"
            self.rows[i] = Row(i, kind, f'{{"n":{len(self.rows)}}}', T0 + timedelta(seconds=len(self.rows)))
            ids.append(i)
        return ids

    def status(self, status: str) -> list[str]:
        return [r.id for r in self.rows.values() if r.status == status]

    # LocalStore
    def requeue_in_flight(self) -> int:
        self.calls.append("requeue")
        n = 0
        for r in self.rows.values():
            if r.status == "in_flight":
                r.status, n = "pending", n + 1
        return n

    def take_batch(self, limit: int, now: datetime) -> list[OutboxItem]:
        self.calls.append("take")
        batch = [r for r in self.rows.values() if r.status == "pending"][:limit]
        for r in batch:
            r.status, r.attempts = "in_flight", r.attempts + 1
            r.sent_at = r.sent_at or now
        return [OutboxItem(r.id, r.kind, r.payload, r.created_at, r.sent_at or now) for r in batch]

    def mark_sent(self, ids: Sequence[str]) -> None:
        for i in ids:
            assert self.rows[i].status == "in_flight"
            self.rows[i].status = "sent"

    def mark_needs_attention(self, event_id: str, detail: str) -> None:
        assert self.rows[event_id].status == "in_flight"
        self.rows[event_id].status, self.rows[event_id].error = "needs_attention", detail

    def release(self, ids: Sequence[str], error: str) -> None:
        for i in ids:
            if self.rows[i].status == "in_flight":
                self.rows[i].status, self.rows[i].error = "pending", error

    def cursor(self, feed: Feed) -> str:
        return self.cursors.get(feed, "")

    def apply_page(self, feed: Feed, items: Sequence[FeedItem], cursor: str, now: datetime) -> int:
        target = self.data.setdefault(feed, {})
        for item in items:
            target[item.key] = item.data
        self.cursors[feed] = cursor
        return len(items)

    def record_success(self, what: Feed | str, at: datetime) -> None:
        self.successes.append((what.value if isinstance(what, Feed) else what, at))

    def record_failure(self, what: Feed | str, at: datetime, error: str) -> None:
        self.failures.append((what.value if isinstance(what, Feed) else what, error))

    def counts(self) -> QueueCounts:
        pending = sum(r.status in ("pending", "in_flight") for r in self.rows.values())
        return QueueCounts(pending, sum(r.status == "needs_attention" for r in self.rows.values()))


@dataclass
class FakeCentral:
    """A platform in memory: idempotent push by id, feeds as sequences; scripted failures."""

    events: dict[str, tuple[str, str]] = field(default_factory=dict)
    feeds: dict[Feed, list[tuple[int, FeedItem]]] = field(default_factory=dict)
    push_faults: list[SyncError | None] = field(default_factory=list)  # one per push call, then none
    pull_faults: dict[Feed, list[SyncError | None]] = field(default_factory=dict)
    pushes: list[list[str]] = field(default_factory=list)
    pulls: list[tuple[Feed, str, int]] = field(default_factory=list)
    seq: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def publish(self, feed: Feed, key: str, data: dict[str, Any]) -> None:
        self.feeds.setdefault(feed, []).append((next(self.seq), FeedItem(key=key, data=data)))

    def push(self, events: Sequence[EventIn]) -> PushResponse:
        self.pushes.append([e.id for e in events])
        if self.push_faults and (fault := self.push_faults.pop(0)) is not None:
            raise fault
        results = []
        for e in events:
            known = self.events.get(e.id)
            if known is None:
                self.events[e.id] = (e.kind, e.payload)
                results.append(EventResult(id=e.id, status=201))
            elif known == (e.kind, e.payload):
                results.append(EventResult(id=e.id, status=200))
            else:
                results.append(EventResult(id=e.id, status=409, detail="编号冲突"))
        return PushResponse(results=results)

    def pull(self, feed: Feed, after: str, limit: int) -> FeedPage:
        self.pulls.append((feed, after, limit))
        faults = self.pull_faults.get(feed, [])
        if faults and (fault := faults.pop(0)) is not None:
            raise fault
        start = int(after or 0)
        newer = [(s, i) for s, i in self.feeds.get(feed, []) if s > start]
        page = newer[:limit]
        cursor = str(page[-1][0]) if page else (after or "0")
        return FeedPage(feed=feed, items=[i for _, i in page], cursor=cursor, more=len(newer) > limit)


def engine(
    store: FakeLocalStore, central: FakeCentral, feeds: Sequence[Feed] = tuple(Feed), **kw: int
) -> SyncEngine:
    return SyncEngine(store, central, lambda: T0, feeds=feeds, **kw)


# ---------------------------------------------------------------------------------------- push
def test_a_pass_pushes_everything_in_batches_and_pulls_every_feed() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    ids = store.add(450)
    central.publish(Feed.CALENDAR, "2027", {"year": 2027, "text": "..."})
    report = engine(store, central, batch_size=200).run_once()
    assert [len(b) for b in central.pushes] == [200, 200, 50]
    assert set(central.events) == set(ids) and store.status("sent") == ids
    assert (report.pushed, report.pulled, report.pending, report.needs_attention) == (450, 1, 0, 0)
    assert report.online and report.ok and report.errors == []
    assert report.feeds == {f.value: OK for f in Feed}
    assert {name for name, _ in store.successes} == {PUSH, *(f.value for f in Feed)}
    assert store.data[Feed.CALENDAR] == {"2027": {"year": 2027, "text": "..."}}
    assert store.rows[ids[0]].sent_at == T0  # 推送时间 recorded on the first send


def test_nothing_to_push_still_pulls_and_counts_the_push_as_done() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    report = engine(store, central).run_once()
    assert central.pushes == [] and report.pushed == 0 and report.ok
    assert (PUSH, T0) in store.successes


def test_an_already_stored_event_counts_as_sent() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    ids = store.add(3)
    central.events[ids[1]] = ("CaseAccepted", store.rows[ids[1]].payload)  # sent before a crash
    report = engine(store, central).run_once()
    assert report.pushed == 3 and store.status("sent") == ids


def test_a_conflict_is_parked_and_never_blocks_the_rest() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    ids = store.add(5)
    central.events[ids[0]] = ("CaseAccepted", '{"other": true}')  # same id, different payload
    report = engine(store, central, batch_size=2).run_once()
    assert store.status("needs_attention") == [ids[0]]
    assert store.rows[ids[0]].error == "编号冲突"
    assert store.status("sent") == ids[1:]
    assert (report.pushed, report.parked, report.needs_attention, report.pending) == (4, 1, 1, 0)
    assert report.ok  # a parked row is not a failed pass; the status bar shows needs_attention
    # A later pass never sends the parked row again.
    store.add(1)
    central.pushes.clear()
    engine(store, central).run_once()
    assert central.pushes == [["ev-00005"]]


@pytest.mark.parametrize("fault", [Offline(5, "ConnectError"), ServerError(503, 5)])
def test_a_failed_push_releases_the_batch_and_stops_pushing(fault: SyncError) -> None:
    store, central = FakeLocalStore(), FakeCentral(push_faults=[None, fault])
    ids = store.add(5)
    central.publish(Feed.USERS, "u1", {"username": "u1"})
    report = engine(store, central, batch_size=2).run_once()
    assert len(central.pushes) == 2  # the second batch failed; no third try in this pass
    assert store.status("sent") == ids[:2]
    assert store.status("pending") == ids[2:]  # released, and the untouched one stays pending
    assert store.status("in_flight") == []
    assert store.rows[ids[2]].error == fault.message
    assert (PUSH, fault.message) in store.failures
    assert PUSH not in {name for name, _ in store.successes}
    assert not report.online and report.errors[0] == fault.message
    assert (report.pushed, report.pending) == (2, 3)
    if isinstance(fault, Offline):
        # Unreachable: the feeds are not tried (each would wait through its retries) but recorded.
        assert central.pulls == []
        assert report.feeds == {f.value: fault.message for f in Feed}
        assert {(f.value, fault.message) for f in Feed} <= set(store.failures)
    else:
        # The events endpoint failing does not keep the counter from its reference data.
        assert report.feeds == {f.value: OK for f in Feed}
        assert store.data[Feed.USERS] == {"u1": {"username": "u1"}}
    # The next pass sends the released rows: nothing lost, nothing sent twice into the outbox.
    report = engine(store, central, batch_size=2).run_once()
    assert report.ok and store.status("sent") == ids and set(central.events) == set(ids)


def test_in_flight_rows_left_by_a_crash_are_requeued_first() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    ids = store.add(3)
    store.take_batch(2, T0 - timedelta(hours=1))  # a pass that died mid-push
    assert store.status("in_flight") == ids[:2]
    store.calls.clear()
    report = engine(store, central).run_once()
    assert store.calls[0] == "requeue"
    assert report.pushed == 3 and store.status("sent") == ids
    # The send time stays the first one (推送时间), and the attempts count the second send.
    assert store.rows[ids[0]].sent_at == T0 - timedelta(hours=1)
    assert store.rows[ids[0]].attempts == 2


def test_an_unexpected_exception_releases_the_batch_and_propagates() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    ids = store.add(2)

    def broken(events: Sequence[EventIn]) -> PushResponse:
        raise RuntimeError("bug")

    central.push = broken  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        engine(store, central).run_once()
    assert store.status("pending") == ids


def test_a_store_that_hands_back_the_same_rows_does_not_loop_forever() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    store.add(2)

    def release_on_take(ids: Sequence[str]) -> None:  # a broken store: "sent" rows come back
        for i in ids:
            store.rows[i].status = "pending"

    store.mark_sent = release_on_take  # type: ignore[method-assign]
    report = engine(store, central, feeds=()).run_once()
    assert len(central.pushes) == 1 and report.pending == 2


# ---------------------------------------------------------------------------------------- pull
def test_pages_follow_the_cursor_and_the_next_pass_resumes_from_it() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    for n in range(5):
        central.publish(Feed.STATUS_LIST, f"L{n}", {"number": f"L{n}", "status": "02"})
    report = engine(store, central, feeds=[Feed.STATUS_LIST], page_size=2).run_once()
    assert [after for _, after, _ in central.pulls] == ["", "2", "4"]
    assert report.pulled == 5 and store.cursors[Feed.STATUS_LIST] == "5"
    assert set(store.data[Feed.STATUS_LIST]) == {f"L{n}" for n in range(5)}
    central.pulls.clear()
    central.publish(Feed.STATUS_LIST, "L0", {"number": "L0", "status": "07"})  # a later change
    report = engine(store, central, feeds=[Feed.STATUS_LIST], page_size=2).run_once()
    assert central.pulls == [(Feed.STATUS_LIST, "5", 2)]
    assert report.pulled == 1 and store.data[Feed.STATUS_LIST]["L0"]["status"] == "07"


def test_an_empty_feed_keeps_its_cursor() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    store.cursors[Feed.CATALOG] = "17"
    engine(store, central, feeds=[Feed.CATALOG]).run_once()
    assert central.pulls == [(Feed.CATALOG, "17", 200)] and store.cursors[Feed.CATALOG] == "17"


def test_a_failing_feed_is_recorded_and_the_others_still_run() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    for feed in Feed:
        central.publish(feed, "k", {"feed": feed.value})
        central.publish(feed, "k2", {"feed": feed.value})
    broken = ProtocolError("回复格式不符：items", 200)
    # The calendar fails on its second page: its first page and cursor stay, its success does not.
    central.pull_faults = {Feed.CATALOG: [ServerError(500, 5)], Feed.CALENDAR: [None, broken]}
    report = engine(store, central, page_size=1).run_once()
    assert report.feeds[Feed.CATALOG.value] == ServerError(500, 5).message
    assert report.feeds[Feed.CALENDAR.value] == broken.message
    assert all(report.feeds[f.value] == OK for f in Feed if f not in (Feed.CATALOG, Feed.CALENDAR))
    assert Feed.CATALOG not in store.cursors and store.cursors[Feed.CALENDAR] == "3"
    succeeded = {name for name, _ in store.successes}
    assert Feed.CATALOG.value not in succeeded and Feed.CALENDAR.value not in succeeded
    assert Feed.USERS.value in succeeded
    assert not report.online  # a 5xx that outlived the retries
    assert report.errors == [ServerError(500, 5).message, broken.message]
    # Next pass: the calendar goes on from its stored cursor.
    central.pulls.clear()
    engine(store, central, feeds=[Feed.CALENDAR], page_size=1).run_once()
    assert central.pulls[0] == (Feed.CALENDAR, "3", 1)


def test_a_cursor_that_does_not_advance_is_a_protocol_error_not_a_hang() -> None:
    store, central = FakeLocalStore(), FakeCentral()

    def stuck(feed: Feed, after: str, limit: int) -> FeedPage:
        return FeedPage(feed=feed, items=[], cursor=after, more=True)

    central.pull = stuck  # type: ignore[method-assign]
    report = engine(store, central, feeds=[Feed.USERS]).run_once()
    assert "游标" in report.feeds[Feed.USERS.value]


@pytest.mark.parametrize("fault", [Unauthorized(401), PinMismatch("a" * 64, "b" * 64)])
def test_unauthorized_or_a_wrong_certificate_stops_the_pass(fault: SyncError) -> None:
    store, central = FakeLocalStore(), FakeCentral()
    central.pull_faults = {Feed.CALENDAR: [fault]}
    store.add(1)
    report = engine(store, central).run_once()
    assert report.pushed == 1
    assert [f for f, _, _ in central.pulls] == [Feed.CATALOG, Feed.CALENDAR]  # nothing after it
    assert report.errors == [fault.message]
    assert report.feeds[Feed.USERS.value] == fault.message
    assert report.online is isinstance(fault, Unauthorized)


def test_unauthorized_on_push_releases_and_pulls_nothing() -> None:
    store, central = FakeLocalStore(), FakeCentral(push_faults=[Unauthorized(401)])
    ids = store.add(2)
    report = engine(store, central).run_once()
    assert store.status("pending") == ids and central.pulls == []
    assert report.errors == ["本机未注册或已被停用，请重新注册设备"]


# ---------------------------------------------------------------------------------------- cancel
def test_cancel_between_push_batches() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    ids = store.add(5)
    asked = itertools.count()
    report = engine(store, central, batch_size=2).run_once(cancelled=lambda: next(asked) >= 2)
    assert len(central.pushes) == 2 and store.status("sent") == ids[:4]
    assert store.status("pending") == ids[4:] and store.status("in_flight") == []
    assert report.cancelled and not report.ok and central.pulls == []
    assert report.feeds == {f.value: CANCELLED for f in Feed}
    assert store.failures == []  # cancelling is not a failure


def test_cancel_between_pages_keeps_what_was_applied() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    for n in range(6):
        central.publish(Feed.USERS, f"u{n}", {"n": n})
    pages = 0

    def count(p: SyncProgress) -> None:
        nonlocal pages
        pages += p.stage == Feed.USERS.label and p.done > 0

    report = engine(store, central, feeds=[Feed.USERS, Feed.CALENDAR], page_size=2).run_once(
        progress=count, cancelled=lambda: pages >= 2
    )
    assert store.cursors[Feed.USERS] == "4" and len(store.data[Feed.USERS]) == 4
    assert report.feeds == {Feed.USERS.value: CANCELLED, Feed.CALENDAR.value: CANCELLED}
    assert Feed.USERS.value not in {n for n, _ in store.successes}


# ---------------------------------------------------------------------------------------- progress
def test_progress_reports_each_stage() -> None:
    store, central = FakeLocalStore(), FakeCentral()
    store.add(3)
    central.publish(Feed.CATALOG, "2026版", {"label": "2026版"})
    seen: list[SyncProgress] = []
    engine(store, central, feeds=[Feed.CATALOG], batch_size=2).run_once(progress=seen.append)
    assert seen == [
        SyncProgress(PUSH_STAGE, 0, 3),
        SyncProgress(PUSH_STAGE, 2, 3),
        SyncProgress(PUSH_STAGE, 3, 3),
        SyncProgress("事项清单", 0, None),
        SyncProgress("事项清单", 1, None),
    ]


def test_sizes_are_checked() -> None:
    with pytest.raises(ValueError):
        engine(FakeLocalStore(), FakeCentral(), batch_size=501)
    with pytest.raises(ValueError):
        engine(FakeLocalStore(), FakeCentral(), page_size=0)
