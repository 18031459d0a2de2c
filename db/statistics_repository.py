"""改革台账: read-only queries for the statistics of a period (desktop.domain.statistics).

One query streams one row per permit request of the cases accepted in a window, with everything
the ledger needs already joined: the acceptance time (the case's ``accept`` action), whether the
item was routed and which action concluded it and when (one grouped pass over the action log),
the matter's time limit in the case's catalog version and the case's industries. No query per case;
the same SQL on SQLite and PostgreSQL (timestamps are fixed-width UTC text, so bounds compare as
text on both).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from db.models import (
    ApplicationActionRow,
    ApplicationRow,
    MatterRow,
    PermitRequestRow,
    RatingRow,
    RectificationRow,
)
from desktop.domain.applications import ActionKind
from desktop.domain.catalog import STATUTORY_REVIEW_DAYS, ReformMode
from desktop.domain.ratings import RatingLevel
from desktop.domain.statistics import CONCLUSIONS, ItemFact, RatingFact, RectificationFact

BATCH = 1000  # rows fetched at a time


class SqlStatisticsRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def items(self, accepted_from: datetime, accepted_before: datetime) -> Iterator[ItemFact]:
        action = ApplicationActionRow
        accepted = (
            select(action.application_id.label("application_id"), func.min(action.at).label("accepted_at"))
            .where(
                action.kind == ActionKind.ACCEPT.value,
                action.at >= accepted_from,
                action.at < accepted_before,
            )
            .group_by(action.application_id)
            .subquery("accepted")
        )
        final = [kind.value for kind in CONCLUSIONS]
        per_request = (
            select(
                action.request_id.label("request_id"),
                func.max(case((action.kind == ActionKind.ROUTE.value, 1), else_=0)).label("routed"),
                func.min(case((action.kind.in_(final), action.at))).label("concluded_at"),
                func.max(case((action.kind.in_(final), action.kind))).label("concluded_by"),
            )
            .join(accepted, accepted.c.application_id == action.application_id)
            .where(action.request_id.is_not(None))
            .group_by(action.request_id)
            .subquery("per_request")
        )
        request = PermitRequestRow
        query = (
            select(
                request.id,
                request.application_id,
                request.matter_code,
                request.mode,
                request.department,
                request.due_date,
                accepted.c.accepted_at,
                per_request.c.routed,
                per_request.c.concluded_at,
                per_request.c.concluded_by,
                MatterRow.time_limit_days,
                ApplicationRow.industries,
            )
            .join(accepted, accepted.c.application_id == request.application_id)
            .join(ApplicationRow, ApplicationRow.id == request.application_id)
            .outerjoin(per_request, per_request.c.request_id == request.id)
            .outerjoin(
                MatterRow,
                (MatterRow.version_id == ApplicationRow.catalog_version_id)
                & (MatterRow.code == request.matter_code),
            )
            .order_by(accepted.c.accepted_at, request.application_id, request.position)
            .execution_options(yield_per=BATCH)
        )
        for row in self._s.execute(query):
            (
                request_id,
                application_id,
                matter_code,
                mode,
                department,
                due,
                accepted_at,
                routed,
                concluded_at,
                concluded_by,
                time_limit,
                industries,
            ) = row
            yield ItemFact(
                request_id=request_id,
                application_id=application_id,
                matter_code=matter_code,
                mode=ReformMode(mode),
                department=department,
                accepted_at=_instant(accepted_at),
                routed=bool(routed),
                concluded_by=ActionKind(concluded_by) if concluded_by else None,
                concluded_at=_instant(concluded_at) if concluded_at is not None else None,
                due=due,
                time_limit_days=time_limit or STATUTORY_REVIEW_DAYS,  # Matter.review_time_limit
                industries=tuple(str(name) for name in industries or ()),
            )

    def ratings(self, rated_from: datetime, rated_before: datetime) -> Iterator[RatingFact]:
        query = (
            select(RatingRow.application_id, RatingRow.level, RatingRow.at)
            .where(RatingRow.at >= rated_from, RatingRow.at < rated_before)
            .order_by(RatingRow.at)
            .execution_options(yield_per=BATCH)
        )
        for application_id, level, at in self._s.execute(query):
            yield RatingFact(application_id, RatingLevel(level), at)

    def rectifications(self, opened_from: datetime, opened_before: datetime) -> Iterator[RectificationFact]:
        query = (
            select(
                RectificationRow.id,
                RectificationRow.level,
                RectificationRow.due,
                RectificationRow.created_at,
                RectificationRow.status,
                RectificationRow.done_at,
            )
            .where(RectificationRow.created_at >= opened_from, RectificationRow.created_at < opened_before)
            .order_by(RectificationRow.created_at)
            .execution_options(yield_per=BATCH)
        )
        for task_id, level, due, created_at, status, done_at in self._s.execute(query):
            finished = done_at if status == "done" else None
            yield RectificationFact(task_id, RatingLevel(level), due, created_at, finished)


def _instant(value: object) -> datetime:
    """An aggregate over a UtcDateTime column comes back as that type; tolerate plain text too."""
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
