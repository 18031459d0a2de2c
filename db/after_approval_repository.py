"""Repositories of what follows approval: commitment snapshots, commitment checks, permit events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CaseCommitmentRow, CommitmentCheckRow, PermitEventRow
from desktop.domain.after_approval import (
    CheckStatus,
    CommitmentCheck,
    CommitmentSnapshot,
    LifecycleAction,
    PermitEvent,
)
from desktop.domain.errors import NotFound
from desktop.domain.permits import PermitStatus


class SqlCommitmentRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add_snapshot(self, snapshot: CommitmentSnapshot) -> None:
        self._s.add(
            CaseCommitmentRow(
                application_id=snapshot.application_id,
                matter_code=snapshot.matter_code,
                catalog_version_id=snapshot.catalog_version_id,
                snapshot=snapshot.as_json(),
                taken_at=snapshot.taken_at,
            )
        )
        self._s.flush()

    def snapshot(self, application_id: str, matter_code: str) -> CommitmentSnapshot | None:
        r = self._s.get(CaseCommitmentRow, (application_id, matter_code))
        if r is None:
            return None
        return CommitmentSnapshot.from_json(
            r.application_id, r.matter_code, r.catalog_version_id, r.taken_at, r.snapshot
        )

    @staticmethod
    def _fill(row: CommitmentCheckRow, c: CommitmentCheck) -> None:
        row.application_id = c.application_id
        row.application_number = c.application_number
        row.matter_code = c.matter_code
        row.matter_name = c.matter_name
        row.uscc = c.uscc
        row.department = c.department
        row.permit_number = c.permit_number
        row.due_on = c.due_on
        row.due_provisional = c.due_provisional
        row.status = c.status.value
        row.result = c.result
        row.findings = c.findings
        row.items = list(c.items)
        row.recorded_by = c.recorded_by
        row.recorded_at = c.recorded_at
        row.rectification_due = c.rectification_due
        row.rectification_note = c.rectification_note
        row.closed_by = c.closed_by
        row.closed_at = c.closed_at
        row.created_at = c.created_at

    @staticmethod
    def _check(r: CommitmentCheckRow) -> CommitmentCheck:
        return CommitmentCheck(
            id=r.id,
            application_id=r.application_id,
            application_number=r.application_number,
            matter_code=r.matter_code,
            matter_name=r.matter_name,
            uscc=r.uscc,
            department=r.department,
            due_on=r.due_on,
            created_at=r.created_at,
            status=CheckStatus(r.status),
            permit_number=r.permit_number,
            due_provisional=r.due_provisional,
            result=r.result,
            findings=r.findings,
            items=tuple(str(i) for i in r.items),
            recorded_by=r.recorded_by,
            recorded_at=r.recorded_at,
            rectification_due=r.rectification_due,
            rectification_note=r.rectification_note,
            closed_by=r.closed_by,
            closed_at=r.closed_at,
        )

    def add_check(self, check: CommitmentCheck) -> None:
        row = CommitmentCheckRow(id=check.id)
        self._fill(row, check)
        self._s.add(row)
        self._s.flush()

    def get_check(self, check_id: str, lock: bool = False) -> CommitmentCheck | None:
        stmt = select(CommitmentCheckRow).where(CommitmentCheckRow.id == check_id)
        if lock:
            stmt = stmt.with_for_update()  # two inspectors recording at once: the second waits
        row = self._s.scalars(stmt).first()
        return self._check(row) if row else None

    def save_check(self, check: CommitmentCheck) -> None:
        row = self._s.get(CommitmentCheckRow, check.id)
        if row is None:
            raise NotFound(f"核查任务 {check.id} 不存在")
        self._fill(row, check)
        self._s.flush()

    def checks(
        self, statuses: Sequence[CheckStatus] = (), application_id: str | None = None
    ) -> list[CommitmentCheck]:
        conditions: list[Any] = []
        if statuses:
            conditions.append(CommitmentCheckRow.status.in_([s.value for s in statuses]))
        if application_id is not None:
            conditions.append(CommitmentCheckRow.application_id == application_id)
        rows = self._s.scalars(
            select(CommitmentCheckRow)
            .where(*conditions)
            .order_by(CommitmentCheckRow.due_on, CommitmentCheckRow.application_number)
        )
        return [self._check(r) for r in rows]


class SqlPermitEventRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, event: PermitEvent) -> None:
        self._s.add(
            PermitEventRow(
                permit_number=event.permit_number,
                action=event.action.value,
                from_status=event.from_status.value,
                to_status=event.to_status.value,
                reason=event.reason,
                new_number=event.new_number,
                until=event.until,
                detail=dict(event.detail),
                actor=event.actor,
                at=event.at,
            )
        )
        self._s.flush()

    def for_permit(self, number: str) -> list[PermitEvent]:
        rows = self._s.scalars(
            select(PermitEventRow).where(PermitEventRow.permit_number == number).order_by(PermitEventRow.id)
        )
        return [
            PermitEvent(
                r.permit_number,
                LifecycleAction(r.action),
                PermitStatus(r.from_status),
                PermitStatus(r.to_status),
                r.reason,
                r.actor,
                r.at,
                r.new_number,
                r.until,
                dict(r.detail),
            )
            for r in rows
        ]
