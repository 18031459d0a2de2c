"""The review queue (审批队列) of a department, with working-day countdowns."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.errors import DomainError
from desktop.domain.queue import SORTS, QueueFilter, QueueItem, QueuePage
from desktop.domain.users import Actor, Permission, Role
from desktop.services.base import Services, require, work_calendar

DUE_SOON_DAYS = 3
MAX_PAGE = 500


def page(services: Services, actor: Actor, f: QueueFilter, offset: int = 0, limit: int = 200) -> QueuePage:
    """One page of the queue. A reviewer always sees their own department only."""
    require(actor, Permission.READ_CASES)
    if f.sort not in SORTS:
        raise DomainError(f"未知的排序方式 {f.sort}")
    if actor.role is Role.REVIEWER:
        f = replace(f, department=actor.department)
    limit = max(1, min(limit, MAX_PAGE))
    with services.uow() as uow:
        rows, total = uow.queue.page(f, max(0, offset), limit)
        calendar = work_calendar(services, uow)
    today = services.clock.today()
    items = []
    for row in rows:
        remaining = calendar.working_days_between(today, row.due) if row.due else None
        items.append(
            QueueItem(
                row,
                remaining,
                overdue=remaining is not None and remaining < 0,
                due_soon=remaining is not None and 0 <= remaining <= DUE_SOON_DAYS,
            )
        )
    return QueuePage(tuple(items), total, offset)
