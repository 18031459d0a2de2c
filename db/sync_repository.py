"""Repositories of sync with the central platform: the outbox as the sync engine drives it, feed
cursors (sync_state), supervision feedback, online applications, and the source of user accounts.

The outbox and user repositories extend those of db/repositories.py with what sync needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from db.models import OnlineApplicationRow, OutboxRow, SupervisionFeedbackRow, SyncStateRow, UserRow
from db.repositories import SqlOutboxRepository, SqlUserRepository
from desktop.domain.errors import NotFound
from desktop.domain.linkage import SupervisionFeedback
from desktop.domain.online import OnlineApplication, OnlineStatus
from desktop.domain.sync_state import IN_FLIGHT, NEEDS_ATTENTION, PENDING, SENT, FeedState, OutboxEntry


def _rowcount(result: Any) -> int:
    return int(cast(CursorResult[Any], result).rowcount)


class SqlSyncOutboxRepository(SqlOutboxRepository):
    """The outbox as the sync engine sees it (pending → in_flight → sent | needs_attention)."""

    @staticmethod
    def _entry(r: OutboxRow) -> OutboxEntry:
        return OutboxEntry(
            r.id, r.kind, r.payload, r.created_at, r.status, r.attempts, r.last_error, r.sent_at
        )

    def requeue_in_flight(self) -> int:
        result = self._s.execute(
            update(OutboxRow).where(OutboxRow.status == IN_FLIGHT).values(status=PENDING)
        )
        return _rowcount(result)

    def take_batch(self, limit: int, now: datetime) -> list[OutboxEntry]:
        # SKIP LOCKED on PostgreSQL: a second sender never takes the same rows (SQLite serialises).
        rows = list(
            self._s.scalars(
                select(OutboxRow)
                .where(OutboxRow.status == PENDING)
                .order_by(OutboxRow.created_at, OutboxRow.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        )
        for r in rows:
            r.status = IN_FLIGHT
            r.attempts = (r.attempts or 0) + 1
            if r.sent_at is None:
                r.sent_at = now
        self._s.flush()
        return [self._entry(r) for r in rows]

    def mark_sent(self, ids: Sequence[str]) -> int:
        if not ids:
            return 0
        result = self._s.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(list(ids)), OutboxRow.status != NEEDS_ATTENTION)
            .values(status=SENT, last_error="")
        )
        return _rowcount(result)

    def mark_needs_attention(self, event_id: str, detail: str) -> None:
        row = self._s.get(OutboxRow, event_id)
        if row is None:
            raise NotFound(f"待推送事件 {event_id} 不存在")
        row.status, row.last_error = NEEDS_ATTENTION, detail
        self._s.flush()

    def release(self, ids: Sequence[str], error: str) -> int:
        if not ids:
            return 0
        result = self._s.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(list(ids)), OutboxRow.status == IN_FLIGHT)
            .values(status=PENDING, last_error=error)
        )
        return _rowcount(result)

    def counts(self) -> dict[str, int]:
        rows = self._s.execute(select(OutboxRow.status, func.count()).group_by(OutboxRow.status)).all()
        counts = {PENDING: 0, IN_FLIGHT: 0, SENT: 0, NEEDS_ATTENTION: 0}
        counts.update({status: int(n) for status, n in rows})
        return counts

    def entries(self, status: str, limit: int = 500) -> list[OutboxEntry]:
        rows = self._s.scalars(
            select(OutboxRow)
            .where(OutboxRow.status == status)
            .order_by(OutboxRow.created_at, OutboxRow.id)
            .limit(limit)
        )
        return [self._entry(r) for r in rows]

    def entry(self, event_id: str) -> OutboxEntry | None:
        row = self._s.get(OutboxRow, event_id, populate_existing=True)
        return self._entry(row) if row else None

    def retry(self, event_id: str) -> bool:
        result = self._s.execute(
            update(OutboxRow)
            .where(OutboxRow.id == event_id, OutboxRow.status == NEEDS_ATTENTION)
            .values(status=PENDING)
        )
        return _rowcount(result) == 1


class SqlSyncUserRepository(SqlUserRepository):
    """Users, plus where each account comes from (local, or the central users feed)."""

    def source(self, username: str) -> str | None:
        row = self._s.get(UserRow, username)
        return row.source if row else None

    def set_source(self, username: str, source: str) -> None:
        row = self._s.get(UserRow, username)
        if row is None:
            raise NotFound(f"用户 {username} 不存在")
        row.source = source
        self._s.flush()


class SqlSyncStateRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    @staticmethod
    def _state(r: SyncStateRow) -> FeedState:
        return FeedState(
            r.name, r.cursor, r.last_success, r.last_attempt, r.last_error, r.rejected, r.rejected_at
        )

    def _row(self, name: str) -> SyncStateRow:
        row = self._s.get(SyncStateRow, name, populate_existing=True)
        if row is None:
            row = SyncStateRow(name=name, cursor="", last_error="", rejected="")
            self._s.add(row)
        return row

    def get(self, name: str) -> FeedState:
        row = self._s.get(SyncStateRow, name, populate_existing=True)
        return self._state(row) if row else FeedState(name)

    def all(self) -> list[FeedState]:
        return [self._state(r) for r in self._s.scalars(select(SyncStateRow).order_by(SyncStateRow.name))]

    def set_cursor(self, name: str, cursor: str) -> None:
        self._row(name).cursor = cursor
        self._s.flush()

    def record_success(self, name: str, at: datetime) -> None:
        row = self._row(name)
        row.last_success = row.last_attempt = at
        row.last_error = ""
        self._s.flush()

    def record_failure(self, name: str, at: datetime, error: str) -> None:
        row = self._row(name)
        row.last_attempt, row.last_error = at, error
        self._s.flush()

    def record_rejected(self, name: str, at: datetime, text: str) -> None:
        row = self._row(name)
        row.rejected, row.rejected_at = text, at
        self._s.flush()


class SqlSupervisionFeedbackRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    @staticmethod
    def _feedback(r: SupervisionFeedbackRow) -> SupervisionFeedback:
        return SupervisionFeedback(
            id=r.id,
            licence=r.licence,
            permit=r.permit,
            uscc=r.uscc,
            matter=r.matter,
            approving_department=r.approving_department,
            supervising_department=r.supervising_department,
            measure=r.measure,
            text=r.text,
            decided_at=r.decided_at,
            sent_at=r.sent_at,
            received_at=r.received_at,
            due_on=r.due_on,
            late=r.late,
            acknowledged_by=r.acknowledged_by,
            acknowledged_at=r.acknowledged_at,
            note=r.note,
        )

    def add(self, f: SupervisionFeedback) -> bool:
        if self._s.get(SupervisionFeedbackRow, f.id) is not None:
            return False
        self._s.add(
            SupervisionFeedbackRow(
                id=f.id,
                licence=f.licence,
                permit=f.permit,
                uscc=f.uscc,
                matter=f.matter,
                approving_department=f.approving_department,
                supervising_department=f.supervising_department,
                measure=f.measure,
                text=f.text,
                decided_at=f.decided_at,
                sent_at=f.sent_at,
                received_at=f.received_at,
                due_on=f.due_on,
                late=f.late,
                acknowledged_by=f.acknowledged_by,
                acknowledged_at=f.acknowledged_at,
                note=f.note,
            )
        )
        self._s.flush()
        return True

    def get(self, feedback_id: str) -> SupervisionFeedback | None:
        row = self._s.get(SupervisionFeedbackRow, feedback_id, populate_existing=True)
        return self._feedback(row) if row else None

    def list(self, department: str | None = None, open_only: bool = True) -> list[SupervisionFeedback]:
        stmt = select(SupervisionFeedbackRow)
        if department is not None:
            stmt = stmt.where(SupervisionFeedbackRow.approving_department == department)
        if open_only:
            stmt = stmt.where(SupervisionFeedbackRow.acknowledged_at.is_(None))
        stmt = stmt.order_by(SupervisionFeedbackRow.due_on, SupervisionFeedbackRow.received_at)
        return [self._feedback(r) for r in self._s.scalars(stmt)]

    def acknowledge(self, feedback_id: str, by: str, at: datetime, note: str) -> bool:
        result = self._s.execute(
            update(SupervisionFeedbackRow)
            .where(SupervisionFeedbackRow.id == feedback_id, SupervisionFeedbackRow.acknowledged_at.is_(None))
            .values(acknowledged_by=by, acknowledged_at=at, note=note)
        )
        return _rowcount(result) == 1


class SqlOnlineApplicationRepository:
    """Taking one is a conditional UPDATE … WHERE status = 'new': of two clerks, exactly one wins."""

    def __init__(self, session: Session) -> None:
        self._s = session

    @staticmethod
    def _online(r: OnlineApplicationRow) -> OnlineApplication:
        return OnlineApplication(
            id=r.id,
            submitted_at=r.submitted_at,
            received_at=r.received_at,
            data=dict(r.data),
            status=OnlineStatus(r.status),
            taken_by=r.taken_by,
            taken_at=r.taken_at,
            application_id=r.application_id,
        )

    def add(self, a: OnlineApplication) -> bool:
        if self._s.get(OnlineApplicationRow, a.id) is not None:
            return False
        self._s.add(
            OnlineApplicationRow(
                id=a.id,
                submitted_at=a.submitted_at,
                received_at=a.received_at,
                data=dict(a.data),
                status=a.status.value,
                taken_by=a.taken_by,
                taken_at=a.taken_at,
                application_id=a.application_id,
            )
        )
        self._s.flush()
        return True

    def get(self, online_id: str) -> OnlineApplication | None:
        row = self._s.get(OnlineApplicationRow, online_id, populate_existing=True)
        return self._online(row) if row else None

    def open(self) -> list[OnlineApplication]:
        rows = self._s.scalars(
            select(OnlineApplicationRow)
            .where(OnlineApplicationRow.status.in_([OnlineStatus.NEW.value, OnlineStatus.TAKEN.value]))
            .order_by(OnlineApplicationRow.submitted_at, OnlineApplicationRow.id)
        )
        return [self._online(r) for r in rows]

    def take(self, online_id: str, by: str, at: datetime) -> bool:
        result = self._s.execute(
            update(OnlineApplicationRow)
            .where(
                OnlineApplicationRow.id == online_id, OnlineApplicationRow.status == OnlineStatus.NEW.value
            )
            .values(status=OnlineStatus.TAKEN.value, taken_by=by, taken_at=at)
        )
        return _rowcount(result) == 1

    def release(self, online_id: str, by: str | None) -> bool:
        stmt = update(OnlineApplicationRow).where(
            OnlineApplicationRow.id == online_id, OnlineApplicationRow.status == OnlineStatus.TAKEN.value
        )
        if by is not None:
            stmt = stmt.where(OnlineApplicationRow.taken_by == by)
        result = self._s.execute(stmt.values(status=OnlineStatus.NEW.value, taken_by=None, taken_at=None))
        return _rowcount(result) == 1

    def complete(self, online_id: str, by: str, application_id: str) -> bool:
        result = self._s.execute(
            update(OnlineApplicationRow)
            .where(
                OnlineApplicationRow.id == online_id,
                OnlineApplicationRow.status == OnlineStatus.TAKEN.value,
                OnlineApplicationRow.taken_by == by,
            )
            .values(status=OnlineStatus.DONE.value, application_id=application_id)
        )
        return _rowcount(result) == 1
