"""What the sync engine needs from the counter's own database (implemented over the services by
desktop.adapters.sync_store; by an in-memory fake in the engine's unit tests)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sync.protocol import Feed, FeedItem

PUSH = "push"  # the last-success key of the outbox push, beside the feeds' values


@dataclass(frozen=True)
class OutboxItem:
    id: str
    kind: str
    payload: str  # canonical JSON text, exactly as written in the change's transaction
    created_at: datetime
    sent_at: datetime  # when this counter first recorded the send (推送时间)


@dataclass(frozen=True)
class QueueCounts:
    pending: int  # pending + in_flight
    needs_attention: int


class LocalStore(Protocol):
    def requeue_in_flight(self) -> int:
        """Put rows left ``in_flight`` by a crash back to ``pending``; how many."""
        ...

    def take_batch(self, limit: int, now: datetime) -> list[OutboxItem]:
        """The oldest pending rows, marked ``in_flight`` (attempts + 1, sent_at set on first send)."""
        ...

    def mark_sent(self, ids: Sequence[str]) -> None: ...

    def mark_needs_attention(self, event_id: str, detail: str) -> None: ...

    def release(self, ids: Sequence[str], error: str) -> None:
        """Back to ``pending`` after a failed call (network error, 5xx): nothing is known."""
        ...

    def cursor(self, feed: Feed) -> str: ...

    def apply_page(self, feed: Feed, items: Sequence[FeedItem], cursor: str, now: datetime) -> int:
        """Apply the items and store the cursor in one transaction; how many items changed something."""
        ...

    def record_success(self, what: Feed | str, at: datetime) -> None:
        """A feed (or PUSH) completed a pass: its last-success time for the status bar."""
        ...

    def record_failure(self, what: Feed | str, at: datetime, error: str) -> None: ...

    def counts(self) -> QueueCounts: ...
