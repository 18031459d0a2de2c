"""The sync engine's view of this counter's database (sync.store.LocalStore), over the services.

Every method is one unit of work through desktop.services.syncing / desktop.services.inbox; this
class only translates between the wire's types (sync.protocol, sync.store) and the services'.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from desktop.services import inbox, syncing
from desktop.services.base import Services
from sync.protocol import Feed, FeedItem
from sync.store import LocalStore, OutboxItem, QueueCounts


def _name(what: Feed | str) -> str:
    return what.value if isinstance(what, Feed) else what


class ServicesSyncStore:
    def __init__(self, services: Services) -> None:
        self._services = services

    # ---------------------------------------------------------------- push
    def requeue_in_flight(self) -> int:
        return syncing.requeue_in_flight(self._services)

    def take_batch(self, limit: int, now: datetime) -> list[OutboxItem]:
        return [
            OutboxItem(e.id, e.kind, e.payload, e.created_at, e.sent_at or now)
            for e in syncing.take_batch(self._services, limit, now)
        ]

    def mark_sent(self, ids: Sequence[str]) -> None:
        syncing.mark_sent(self._services, list(ids))

    def mark_needs_attention(self, event_id: str, detail: str) -> None:
        syncing.mark_needs_attention(self._services, event_id, detail)

    def release(self, ids: Sequence[str], error: str) -> None:
        syncing.release(self._services, list(ids), error)

    def counts(self) -> QueueCounts:
        pending, parked = syncing.outbox_counts(self._services)
        return QueueCounts(pending, parked)

    # ---------------------------------------------------------------- pull
    def cursor(self, feed: Feed) -> str:
        return syncing.cursor(self._services, feed.value)

    def apply_page(self, feed: Feed, items: Sequence[FeedItem], cursor: str, now: datetime) -> int:
        return inbox.apply_page(self._services, feed.value, [(i.key, i.data) for i in items], cursor, now)

    def record_success(self, what: Feed | str, at: datetime) -> None:
        syncing.record_success(self._services, _name(what), at)

    def record_failure(self, what: Feed | str, at: datetime, error: str) -> None:
        syncing.record_failure(self._services, _name(what), at, error)


def _conforms(store: ServicesSyncStore) -> LocalStore:
    """Let mypy prove the store satisfies the sync engine's Protocol."""
    return store
