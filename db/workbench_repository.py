"""Repositories of the counter workbench: the review queue, rules, ratings, rectifications, drafts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, nulls_last, or_, select
from sqlalchemy.orm import Session

from db.models import (
    ApplicationRow,
    ApprovalRuleRow,
    DraftRow,
    PermitRequestRow,
    RatingRow,
    RectificationRow,
)
from desktop.domain.catalog import ReformMode
from desktop.domain.errors import NotFound
from desktop.domain.queue import QueueFilter, QueueRow
from desktop.domain.ratings import RatingLevel, Rectification, ServiceRating
from desktop.domain.rules import AutoApprovalRule


class SqlQueueRepository:
    """Review items straight from the derived columns, paged (the queue stays fast at 100,000 cases)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def _where(self, f: QueueFilter) -> list[Any]:
        conditions: list[Any] = [PermitRequestRow.state.in_([s.value for s in f.states])]
        if f.department is not None:
            conditions.append(PermitRequestRow.department == f.department)
        if f.claimed_by is not None:
            conditions.append(PermitRequestRow.claimed_by == f.claimed_by)
        if f.search:
            pattern = f"%{f.search}%"
            conditions.append(
                or_(
                    ApplicationRow.number.like(pattern),
                    ApplicationRow.enterprise_name.like(pattern),
                    ApplicationRow.uscc.like(pattern),
                    PermitRequestRow.matter_name.like(pattern),
                )
            )
        return conditions

    def page(self, f: QueueFilter, offset: int, limit: int) -> tuple[list[QueueRow], int]:
        base = select(PermitRequestRow, ApplicationRow).join(
            ApplicationRow, ApplicationRow.id == PermitRequestRow.application_id
        )
        conditions = self._where(f)
        order: list[Any]
        if f.sort == "due":
            # (department, due_date) is indexed: the first page comes off the index; ties by case number.
            due = PermitRequestRow.due_date.desc() if f.descending else PermitRequestRow.due_date.asc()
            order = [nulls_last(due), ApplicationRow.number]
        else:
            column = ApplicationRow.number if f.sort == "number" else ApplicationRow.enterprise_name
            order = [column.desc() if f.descending else column.asc(), ApplicationRow.number]
        rows = self._s.execute(base.where(*conditions).order_by(*order).offset(offset).limit(limit))
        counted = select(func.count()).select_from(PermitRequestRow)
        if f.search:  # only a search looks at the application's columns
            counted = counted.join(ApplicationRow, ApplicationRow.id == PermitRequestRow.application_id)
        total = self._s.scalar(counted.where(*conditions))
        items = [
            QueueRow(
                application_id=a.id,
                application_number=a.number,
                request_id=r.id,
                enterprise_name=a.enterprise_name,
                uscc=a.uscc,
                matter_code=r.matter_code,
                matter_name=r.matter_name,
                mode=ReformMode(r.mode),
                department=r.department,
                state=r.state,
                claimed_by=r.claimed_by,
                due=r.due_date,
                due_provisional=r.due_provisional,
                channel=a.channel,
            )
            for r, a in rows
        ]
        return items, total or 0


class SqlRuleRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    @staticmethod
    def _rule(r: ApprovalRuleRow) -> AutoApprovalRule:
        return AutoApprovalRule(
            r.code,
            r.version,
            r.name,
            tuple(r.matter_codes),
            tuple(r.conditions),
            r.active,
            r.created_by,
            r.created_at,
        )

    def add_version(self, rule: AutoApprovalRule) -> None:
        assert rule.created_at is not None
        self._s.add(
            ApprovalRuleRow(
                code=rule.code,
                version=rule.version,
                name=rule.name,
                matter_codes=list(rule.matter_codes),
                conditions=[dict(c) for c in rule.conditions],
                active=rule.active,
                created_by=rule.created_by,
                created_at=rule.created_at,
            )
        )
        self._s.flush()

    def latest_version(self, code: str) -> int:
        return (
            self._s.scalar(select(func.max(ApprovalRuleRow.version)).where(ApprovalRuleRow.code == code)) or 0
        )

    def current(self) -> list[AutoApprovalRule]:
        """The newest version of every rule, in code order."""
        newest = (
            select(ApprovalRuleRow.code, func.max(ApprovalRuleRow.version).label("v"))
            .group_by(ApprovalRuleRow.code)
            .subquery()
        )
        rows = self._s.scalars(
            select(ApprovalRuleRow)
            .join(newest, (ApprovalRuleRow.code == newest.c.code) & (ApprovalRuleRow.version == newest.c.v))
            .order_by(ApprovalRuleRow.code)
        )
        return [self._rule(r) for r in rows]

    def get(self, code: str, version: int) -> AutoApprovalRule:
        row = self._s.get(ApprovalRuleRow, (code, version))
        if row is None:
            raise NotFound(f"没有规则 {code} 第 {version} 版")
        return self._rule(row)


class SqlRatingRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, application_id: str) -> ServiceRating | None:
        r = self._s.get(RatingRow, application_id)
        return ServiceRating(r.application_id, RatingLevel(r.level), r.comment, r.via, r.at) if r else None

    def add(self, rating: ServiceRating) -> None:
        self._s.add(
            RatingRow(
                application_id=rating.application_id,
                level=int(rating.level),
                comment=rating.comment,
                via=rating.via,
                at=rating.at,
            )
        )
        self._s.flush()

    @staticmethod
    def _rect(r: RectificationRow) -> Rectification:
        return Rectification(
            r.id,
            r.application_id,
            RatingLevel(r.level),
            r.comment,
            r.due,
            r.created_at,
            r.status,
            r.callback_record,
            r.done_by,
            r.done_at,
        )

    def add_rectification(self, item: Rectification) -> None:
        self._s.add(
            RectificationRow(
                id=item.id,
                application_id=item.application_id,
                level=int(item.level),
                comment=item.comment,
                due=item.due,
                created_at=item.created_at,
                status=item.status,
            )
        )
        self._s.flush()

    def rectifications(self, status: str | None = None) -> list[Rectification]:
        stmt = select(RectificationRow).order_by(RectificationRow.due)
        if status:
            stmt = stmt.where(RectificationRow.status == status)
        return [self._rect(r) for r in self._s.scalars(stmt)]

    def complete(self, rectification_id: str, record: str, by: str, at: datetime) -> Rectification:
        row = self._s.get(RectificationRow, rectification_id)
        if row is None:
            raise NotFound(f"整改任务 {rectification_id} 不存在")
        row.status, row.callback_record, row.done_by, row.done_at = "done", record, by, at
        self._s.flush()
        return self._rect(row)


class SqlDraftRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def put(self, draft_id: str, owner: str, title: str, data: dict[str, Any], at: datetime) -> None:
        row = self._s.get(DraftRow, draft_id)
        if row is None:
            self._s.add(DraftRow(id=draft_id, owner=owner, title=title, data=data, updated_at=at))
        else:
            row.title, row.data, row.updated_at = title, data, at
        self._s.flush()

    def get(self, draft_id: str, owner: str) -> dict[str, Any] | None:
        row = self._s.get(DraftRow, draft_id)
        return dict(row.data) if row and row.owner == owner else None

    def list(self, owner: str) -> list[tuple[str, str, datetime]]:
        rows = self._s.scalars(
            select(DraftRow).where(DraftRow.owner == owner).order_by(DraftRow.updated_at.desc())
        )
        return [(r.id, r.title, r.updated_at) for r in rows]

    def delete(self, draft_id: str, owner: str) -> None:
        row = self._s.get(DraftRow, draft_id)
        if row is not None and row.owner == owner:
            self._s.delete(row)
            self._s.flush()
