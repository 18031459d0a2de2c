"""Working-day deadlines and the calendar override table."""

from __future__ import annotations

from datetime import date

from desktop.domain.applications import Action, ActionKind, RequestState
from desktop.domain.calendar import Deadline, WorkCalendar, parse_schedule
from desktop.domain.errors import DomainError, RejectedInput
from desktop.domain.users import SYSTEM_ACTOR, Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services import checks
from desktop.services.base import Change, Services, run_command, work_calendar

OPEN_STATES = (RequestState.IN_REVIEW, RequestState.CLAIMED, RequestState.AWAITING_SUPPLEMENT)


def deadline(services: Services, start: date, working_days: int, with_overrides: bool = True) -> Deadline:
    """``working_days`` working days after ``start`` (start itself not counted)."""
    if working_days < 0:
        raise DomainError("工作日数不能为负数")
    if not with_overrides:
        return WorkCalendar(services.holidays).add_working_days(start, working_days)
    with services.uow() as uow:
        return work_calendar(services, uow).add_working_days(start, working_days)


def set_day(services: Services, actor: Actor, day: date, workday: bool, note: str = "") -> int:
    """Mark one date as a working day or a holiday; returns how many deadlines were recomputed."""

    def body(uow: UnitOfWork, change: Change) -> int:
        uow.calendar.set_day(day, workday, note, f"manual:{actor.username}")
        change.detail = {"day": day.isoformat(), "workday": workday, "note": note}
        return recompute_in(services, uow, actor)

    return run_command(
        services, actor, "calendar.set", Permission.MANAGE_CALENDAR, body, target=day.isoformat()
    )


def import_schedule(services: Services, actor: Actor, text: str, source: str) -> tuple[int, int, int]:
    """Import one year's official schedule; the whole file or nothing.

    Returns (year, entries, recomputed deadlines).
    """
    year, entries, errors = parse_schedule(text)
    if errors:
        raise RejectedInput(f"日历文件有 {len(errors)} 处错误，未导入任何内容", errors)

    def body(uow: UnitOfWork, change: Change) -> tuple[int, int, int]:
        uow.calendar.import_year(year, entries, source)
        change.detail = {"year": year, "entries": len(entries), "source": source}
        return year, len(entries), recompute_in(services, uow, actor)

    return run_command(services, actor, "calendar.import", Permission.MANAGE_CALENDAR, body, target=str(year))


def recompute_provisional_deadlines(services: Services, actor: Actor = SYSTEM_ACTOR) -> int:
    """Recompute every stored provisional deadline whose years are now known (run at start-up too,
    as the system operator). Rescheduling changes cases, so it is a calendar keeper's command."""

    def body(uow: UnitOfWork, change: Change) -> int:
        count = recompute_in(services, uow, actor)
        change.detail = {"recomputed": count}
        return count

    return run_command(services, actor, "calendar.recompute", Permission.MANAGE_CALENDAR, body)


def recompute_in(services: Services, uow: UnitOfWork, actor: Actor) -> int:
    calendar = work_calendar(services, uow)
    count = 0
    for app in uow.applications.with_provisional_deadlines():
        accepted = app.accepted_at
        if accepted is None:
            continue
        catalog = uow.catalog.get(app.catalog_version_id)
        start = services.clock.local_date(accepted)
        for request in app.requests.values():
            if not request.due_provisional or request.state not in OPEN_STATES:
                continue
            limit = catalog.matter(request.matter_code).review_time_limit
            new = calendar.add_working_days(start, limit)
            if new.provisional and new.due == request.due:
                continue
            app.apply(
                Action(
                    ActionKind.RESCHEDULE,
                    actor.username,
                    services.clock.now(),
                    request.id,
                    {
                        "due": new.due.isoformat(),
                        "due_provisional": new.provisional,
                        "previous_due": str(request.due),
                    },
                )
            )
            count += 1
        uow.applications.save(app)
    return count + checks.recompute_provisional(services, uow)  # commitment checks (核查) too
