"""One sync pass: push the outbox, then pull each feed (sync/PROTOCOL.md).

The engine never raises for network trouble: the counter keeps working offline, and the
:class:`SyncReport` says what happened (the status bar and ``onewindow sync`` show it). It is
driven from a worker thread (or the CLI); ``progress`` and ``cancelled`` are called from that thread.

A pass:

1. rows left ``in_flight`` by a crash go back to ``pending``;
2. push: batches of the oldest pending rows until none is left — ``200``/``201`` → ``sent``,
   ``409`` → ``needs_attention`` (parked, never blocks the rest); on a failed call the batch goes
   back to ``pending`` and pushing stops for this pass;
3. pull: each feed page by page until ``more`` is false, each page applied together with its
   cursor; a feed that fails is recorded and the other feeds still run.

``Offline`` (the platform unreachable after retries), ``Unauthorized`` and ``PinMismatch`` end
the pass: every later call would fail the same way, only slower.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from sync.errors import Offline, PinMismatch, ProtocolError, ServerError, SyncError, Unauthorized
from sync.protocol import MAX_BATCH, MAX_PAGE, EventIn, Feed, FeedPage, PushResponse
from sync.store import PUSH, LocalStore, OutboxItem

log = logging.getLogger("onewindow.sync.engine")

PUSH_STAGE = "上传办件事件"
CANCELLED = "已取消"
OK = "ok"
CONFLICT = "中心平台已有同一编号的不同事件"


class Central(Protocol):
    """What the engine uses of ``sync.client.CentralClient`` (a fake in the unit tests)."""

    def push(self, events: Sequence[EventIn]) -> PushResponse: ...

    def pull(self, feed: Feed, after: str, limit: int) -> FeedPage: ...


@dataclass(frozen=True)
class SyncProgress:
    stage: str  # Chinese label: PUSH_STAGE or a feed's label
    done: int  # events pushed (or items pulled for this feed) so far in this pass
    total: int | None  # events pending at the start of the pass; None when unknown (feeds)


@dataclass
class SyncReport:
    pushed: int = 0  # outbox rows marked sent in this pass
    pulled: int = 0  # feed items received in this pass
    pending: int = 0  # outbox rows still pending or in flight after the pass
    needs_attention: int = 0  # rows the platform refused (409), parked for an admin
    online: bool = True  # False when the platform could not be reached or kept failing
    errors: list[str] = field(default_factory=list)  # Chinese messages, one per failure
    feeds: dict[str, str] = field(default_factory=dict)  # feed value → "ok" or the error message
    parked: int = 0  # rows parked as needs_attention in this pass
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled


_Notify = Callable[[SyncProgress], None]
_Stop = Callable[[], bool]


class _StopPass(Exception):
    """Raised inside a pass when nothing more should be tried (offline, unauthorized, bad pin)."""


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _event(item: OutboxItem) -> EventIn:
    return EventIn(
        id=item.id,
        kind=item.kind,
        payload=item.payload,
        created_at=_aware(item.created_at).isoformat(),
        sent_at=_aware(item.sent_at).isoformat(),
    )


class SyncEngine:
    def __init__(
        self,
        store: LocalStore,
        client: Central,
        now: Callable[[], datetime],
        *,
        feeds: Sequence[Feed] = tuple(Feed),
        batch_size: int = 200,
        page_size: int = 200,
    ) -> None:
        if not 1 <= batch_size <= MAX_BATCH:
            raise ValueError(f"batch_size must be 1..{MAX_BATCH}")
        if not 1 <= page_size <= MAX_PAGE:
            raise ValueError(f"page_size must be 1..{MAX_PAGE}")
        self.store = store
        self.client = client
        self.now = now
        self.feeds = tuple(feeds)
        self.batch_size = batch_size
        self.page_size = page_size

    def run_once(
        self,
        progress: Callable[[SyncProgress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncReport:
        report = SyncReport()
        notify = progress or (lambda _p: None)
        stop = cancelled or (lambda: False)
        requeued = self.store.requeue_in_flight()
        if requeued:
            log.info("requeued %d in-flight outbox rows", requeued)
        try:
            self._push(report, notify, stop)
            self._pull(report, notify, stop)
        except _StopPass:
            pass
        counts = self.store.counts()
        report.pending = counts.pending
        report.needs_attention = counts.needs_attention
        return report

    # ------------------------------------------------------------------ push
    def _push(self, report: SyncReport, notify: _Notify, stop: _Stop) -> None:
        total = self.store.counts().pending
        done = 0
        seen: set[str] = set()
        notify(SyncProgress(PUSH_STAGE, 0, total))
        while True:
            if stop():
                report.cancelled = True
                return
            batch = self.store.take_batch(self.batch_size, self.now())
            if not batch:
                break
            ids = [item.id for item in batch]
            if seen.issuperset(ids):
                # The store handed back rows already answered in this pass: do not loop forever.
                self.store.release(ids, "本轮已上传过")
                break
            seen.update(ids)
            try:
                reply = self.client.push([_event(item) for item in batch])
            except SyncError as exc:
                self.store.release(ids, exc.message)
                self._failed(report, PUSH, exc)
                return
            except BaseException:
                self.store.release(ids, "同步中断")
                raise
            sent = [r.id for r in reply.results if r.status in (200, 201)]
            self.store.mark_sent(sent)
            for result in reply.results:
                if result.status == 409:
                    detail = result.detail or CONFLICT
                    self.store.mark_needs_attention(result.id, detail)
                    report.parked += 1
            report.pushed += len(sent)
            done += len(batch)
            notify(SyncProgress(PUSH_STAGE, done, max(total, done)))
        self.store.record_success(PUSH, self.now())

    # ------------------------------------------------------------------ pull
    def _pull(self, report: SyncReport, notify: _Notify, stop: _Stop) -> None:
        for feed in self.feeds:
            if report.cancelled or stop():
                report.cancelled = True
                report.feeds.setdefault(feed.value, CANCELLED)
                continue
            try:
                self._pull_feed(feed, report, notify, stop)
            except SyncError as exc:
                self._failed(report, feed, exc)

    def _pull_feed(
        self,
        feed: Feed,
        report: SyncReport,
        notify: _Notify,
        stop: _Stop,
    ) -> None:
        cursor = self.store.cursor(feed)
        done = 0
        notify(SyncProgress(feed.label, 0, None))
        while True:
            page = self.client.pull(feed, cursor, self.page_size)
            self.store.apply_page(feed, page.items, page.cursor, self.now())
            done += len(page.items)
            report.pulled += len(page.items)
            notify(SyncProgress(feed.label, done, None))
            if not page.more:
                break
            if page.cursor == cursor:
                raise ProtocolError("分页游标没有前进", 200)
            cursor = page.cursor
            if stop():
                report.cancelled = True
                report.feeds[feed.value] = CANCELLED
                return
        self.store.record_success(feed, self.now())
        report.feeds[feed.value] = OK

    # ------------------------------------------------------------------ failures
    def _failed(self, report: SyncReport, what: Feed | str, exc: SyncError) -> None:
        name = what.value if isinstance(what, Feed) else what
        log.warning("sync %s failed: %s", name, type(exc).__name__)
        self.store.record_failure(what, self.now(), exc.message)
        if isinstance(what, Feed):
            report.feeds[name] = exc.message
        if exc.message not in report.errors:
            report.errors.append(exc.message)
        if isinstance(exc, Offline | ServerError | PinMismatch):
            report.online = False
        if isinstance(exc, Offline | Unauthorized | PinMismatch):
            # Everything left in the pass would fail the same way: record it and stop.
            for feed in self.feeds:
                if feed.value not in report.feeds:
                    self.store.record_failure(feed, self.now(), exc.message)
                    report.feeds[feed.value] = exc.message
            raise _StopPass
