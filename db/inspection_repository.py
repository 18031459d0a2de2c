"""双随机、一公开 and 双公示: SQL repositories for inspections and the publicity batch."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from db.models import (
    ApplicationActionRow,
    ApplicationRow,
    CreditRecordRow,
    EnterpriseRow,
    InspectionDrawRow,
    InspectionItemRow,
    InspectionResultRow,
    InspectorConflictRow,
    InspectorRow,
    PermitRequestRow,
    PermitRow,
)
from desktop.domain.applications import ActionKind, RequestState
from desktop.domain.credit import CreditRecordKind
from desktop.domain.inspections import (
    Conflict,
    DrawRecord,
    InspectionItem,
    InspectionOutcome,
    InspectionResult,
    Inspector,
    PoolHolder,
)
from desktop.domain.permits import PermitStatus
from desktop.domain.publicity import PublicityRecord


class SqlInspectionRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def items(self, matter_code: str | None = None) -> list[InspectionItem]:
        query = select(InspectionItemRow).order_by(InspectionItemRow.matter_code, InspectionItemRow.id)
        if matter_code is not None:
            query = query.where(InspectionItemRow.matter_code == matter_code)
        return [
            InspectionItem(r.matter_code, r.department, r.item, r.basis, r.source)
            for r in self._s.scalars(query)
        ]

    def add_item(self, item: InspectionItem) -> None:
        self._s.add(
            InspectionItemRow(
                matter_code=item.matter_code,
                department=item.department,
                item=item.item,
                basis=item.basis,
                source=item.source,
            )
        )
        self._s.flush()

    def inspectors(self) -> list[Inspector]:
        rows = self._s.scalars(select(InspectorRow).order_by(InspectorRow.username))
        return [Inspector(r.username, r.name, r.department, r.active) for r in rows]

    def put_inspector(self, inspector: Inspector) -> None:
        row = self._s.get(InspectorRow, inspector.username)
        if row is None:
            row = InspectorRow(username=inspector.username)
            self._s.add(row)
        row.name = inspector.name
        row.department = inspector.department
        row.active = inspector.active
        self._s.flush()

    def conflicts(self) -> list[Conflict]:
        rows = self._s.scalars(
            select(InspectorConflictRow).order_by(InspectorConflictRow.inspector, InspectorConflictRow.uscc)
        )
        return [Conflict(r.inspector, r.uscc, r.reason) for r in rows]

    def add_conflict(self, conflict: Conflict) -> bool:
        existing = self._s.scalar(
            select(InspectorConflictRow.id).where(
                InspectorConflictRow.inspector == conflict.inspector,
                InspectorConflictRow.uscc == conflict.uscc,
            )
        )
        if existing is not None:
            return False
        self._s.add(
            InspectorConflictRow(inspector=conflict.inspector, uscc=conflict.uscc, reason=conflict.reason)
        )
        self._s.flush()
        return True

    def pool(self, matter_code: str, today: date) -> list[PoolHolder]:
        committed = set(
            self._s.scalars(
                select(ApplicationActionRow.request_id).where(
                    ApplicationActionRow.kind == ActionKind.GRANT_ON_COMMITMENT.value
                )
            )
        )
        holders: dict[str, PoolHolder] = {}
        permits = self._s.execute(
            select(PermitRow.uscc, ApplicationRow.enterprise_name, PermitRequestRow.id)
            .join(ApplicationRow, ApplicationRow.id == PermitRow.application_id)
            .outerjoin(
                PermitRequestRow,
                (PermitRequestRow.application_id == PermitRow.application_id)
                & (PermitRequestRow.matter_code == PermitRow.matter_code),
            )
            .where(
                PermitRow.matter_code == matter_code,
                PermitRow.status == PermitStatus.VALID.value,
                or_(PermitRow.valid_until.is_(None), PermitRow.valid_until >= today),
            )
        )
        for uscc, name, request_id in permits:
            old = holders.get(uscc)
            by_commitment = request_id in committed or (old is not None and old.by_commitment)
            holders[uscc] = PoolHolder(uscc, name, by_commitment)
        recorded = self._s.execute(
            select(ApplicationRow.uscc, ApplicationRow.enterprise_name)
            .join(PermitRequestRow, PermitRequestRow.application_id == ApplicationRow.id)
            .where(
                PermitRequestRow.matter_code == matter_code,
                PermitRequestRow.state.in_([RequestState.RECORDED.value, RequestState.FILED.value]),
            )
        )
        for uscc, name in recorded:
            holders.setdefault(uscc, PoolHolder(uscc, name, False))
        return [holders[k] for k in sorted(holders)]

    def add_draw(self, record: DrawRecord) -> bool:
        if self._s.get(InspectionDrawRow, record.id) is not None:
            return False
        self._s.add(
            InspectionDrawRow(
                id=record.id,
                seed=record.seed,
                matter_code=record.matter_code,
                ratio_override=None if record.ratio_override is None else repr(record.ratio_override),
                drawn_at=record.drawn_at,
                drawn_by=record.drawn_by,
                result=json.dumps(record.result, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
            )
        )
        self._s.flush()
        return True

    def get_draw(self, draw_id: str) -> DrawRecord | None:
        r = self._s.get(InspectionDrawRow, draw_id)
        return None if r is None else self._draw(r)

    @staticmethod
    def _draw(r: InspectionDrawRow) -> DrawRecord:
        ratio = None if r.ratio_override is None else float(r.ratio_override)
        return DrawRecord(r.id, r.seed, r.matter_code, ratio, r.drawn_at, r.drawn_by, json.loads(r.result))

    def draws_for_inspector(self, username: str) -> list[DrawRecord]:
        """Draws in which ``username`` was drawn for at least one subject, newest first."""
        # The result is canonical JSON text: the quoted name narrows the rows in SQL (SQLite and
        # PostgreSQL alike); the subjects' teams decide exactly.
        needle = json.dumps(username, ensure_ascii=False)
        rows = self._s.scalars(
            select(InspectionDrawRow)
            .where(InspectionDrawRow.result.contains(needle, autoescape=True))
            .order_by(InspectionDrawRow.drawn_at.desc(), InspectionDrawRow.id)
        )
        found = []
        for r in rows:
            record = self._draw(r)
            subjects: list[dict[str, Any]] = list(record.result.get("subjects", []))
            if any(username in s.get("inspectors", []) for s in subjects):
                found.append(record)
        return found

    def add_result(self, result: InspectionResult) -> bool:
        existing = self._s.scalar(
            select(InspectionResultRow.id).where(
                InspectionResultRow.draw_id == result.draw_id, InspectionResultRow.uscc == result.uscc
            )
        )
        if existing is not None:
            return False
        self._s.add(
            InspectionResultRow(
                draw_id=result.draw_id,
                uscc=result.uscc,
                result=result.outcome.value,
                findings=result.findings,
                recorded_at=result.recorded_at,
                recorded_by=result.recorded_by,
                published=result.published,
                published_at=result.published_at,
            )
        )
        self._s.flush()
        return True

    @staticmethod
    def _result(r: InspectionResultRow) -> InspectionResult:
        return InspectionResult(
            r.draw_id,
            r.uscc,
            InspectionOutcome(r.result),
            r.findings,
            r.recorded_at,
            r.recorded_by,
            r.published,
            r.published_at,
        )

    def results(self, draw_id: str) -> list[InspectionResult]:
        rows = self._s.scalars(
            select(InspectionResultRow)
            .where(InspectionResultRow.draw_id == draw_id)
            .order_by(InspectionResultRow.uscc)
        )
        return [self._result(r) for r in rows]

    def publish(self, draw_id: str, at: datetime) -> list[InspectionResult]:
        pending = [r for r in self.results(draw_id) if not r.published]
        if pending:
            self._s.execute(
                update(InspectionResultRow)
                .where(InspectionResultRow.draw_id == draw_id, InspectionResultRow.published.is_(False))
                .values(published=True, published_at=at)
            )
            self._s.flush()
        return [
            InspectionResult(r.draw_id, r.uscc, r.outcome, r.findings, r.recorded_at, r.recorded_by, True, at)
            for r in pending
        ]


class SqlPublicityRepository:
    """Rows for 双公示. Reads the enterprise's representative's name, never its ID number."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def _representatives(self) -> dict[str, str]:
        rows = self._s.execute(select(EnterpriseRow.uscc, EnterpriseRow.legal_representative))
        return {uscc: name for uscc, name in rows}

    def records(self, since: date | None) -> list[PublicityRecord]:
        """Everything decided from the day before ``since`` (UTC) on; the service applies the exact
        local-date cut-off."""
        reps = self._representatives()
        start = datetime.combine(since - timedelta(days=1), time(), UTC) if since else None
        out: list[PublicityRecord] = []
        permits = self._s.execute(
            select(PermitRow, ApplicationRow.enterprise_name, PermitRequestRow)
            .join(ApplicationRow, ApplicationRow.id == PermitRow.application_id)
            .outerjoin(
                PermitRequestRow,
                (PermitRequestRow.application_id == PermitRow.application_id)
                & (PermitRequestRow.matter_code == PermitRow.matter_code),
            )
            .where(PermitRow.issued_at >= start if start else PermitRow.issued_at.is_not(None))
            .order_by(PermitRow.issued_at, PermitRow.number)
        )
        for p, name, req in permits:
            status = PermitStatus(p.status)
            filing = req is not None and req.state == RequestState.FILED.value
            out.append(
                PublicityRecord(
                    record_type="filing" if filing else "permit",
                    record_id=p.number,
                    uscc=p.uscc,
                    subject_name=name,
                    legal_representative=reps.get(p.uscc, ""),
                    matter_code=p.matter_code,
                    matter_name=req.matter_name if req is not None else "",
                    decision_code=status.value,
                    decision_label=status.label + (f"（{p.status_reason}）" if p.status_reason else ""),
                    content="",
                    department=req.department if req is not None else "",
                    decided_at=p.issued_at,
                    valid_from=p.valid_from,
                    valid_until=p.valid_until,
                )
            )
        results = self._s.execute(
            select(InspectionResultRow, InspectionDrawRow)
            .join(InspectionDrawRow, InspectionDrawRow.id == InspectionResultRow.draw_id)
            .where(InspectionResultRow.published.is_(True))
            .where(InspectionResultRow.recorded_at >= start if start else InspectionResultRow.id.is_not(None))
            .order_by(InspectionResultRow.recorded_at, InspectionResultRow.uscc)
        )
        for r, d in results:
            result: dict[str, Any] = json.loads(d.result)
            subjects: list[dict[str, Any]] = result.get("subjects", [])
            subject = next((s for s in subjects if s.get("uscc") == r.uscc), {})
            outcome = InspectionOutcome(r.result)
            out.append(
                PublicityRecord(
                    record_type="inspection",
                    record_id=f"{d.id}:{r.uscc}",
                    uscc=r.uscc,
                    subject_name=str(subject.get("name", "")),
                    legal_representative=reps.get(r.uscc, ""),
                    matter_code=d.matter_code,
                    matter_name=str(result.get("matter_name", "")),
                    decision_code=outcome.value,
                    decision_label=outcome.label,
                    content=r.findings,
                    department=str(result.get("department", "")),
                    decided_at=r.recorded_at,
                )
            )
        penalties = self._s.execute(
            select(CreditRecordRow, EnterpriseRow.name)
            .outerjoin(EnterpriseRow, EnterpriseRow.uscc == CreditRecordRow.uscc)
            .where(CreditRecordRow.kind == CreditRecordKind.PENALTY.value, CreditRecordRow.uscc != "")
            .where(CreditRecordRow.recorded_at >= start if start else CreditRecordRow.id.is_not(None))
            .order_by(CreditRecordRow.recorded_at, CreditRecordRow.id)
        )
        for c, name in penalties:
            out.append(
                PublicityRecord(
                    record_type="penalty",
                    record_id=c.id,
                    uscc=c.uscc,
                    subject_name=name or "",
                    legal_representative=reps.get(c.uscc, ""),
                    matter_code="",
                    matter_name="",
                    decision_code="penalty",
                    decision_label=CreditRecordKind.PENALTY.label,
                    content=c.reason,
                    department=c.department,
                    decided_at=c.recorded_at,
                    valid_until=c.valid_until,
                )
            )
        return out
