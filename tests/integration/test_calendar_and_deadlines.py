"""Deadlines with the override table; provisional deadlines recomputed when the year arrives."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.adapters.clock import FixedClock
from desktop.domain.errors import PermissionDenied, RejectedInput
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import calendar, intake
from desktop.services.base import Services
from tests.support.factories import ADMIN, CLERK, HALL_ADMIN, enterprise

SCHEDULE_2027 = """date,kind,note
2027-01-01,holiday,元旦
2027-01-04,holiday,元旦调休（测试用）
2027-01-09,workday,调休上班（测试用）
"""


def test_override_table_changes_deadlines(services: Services) -> None:
    assert calendar.deadline(services, date(2026, 11, 27), 1).due == date(2026, 11, 30)
    calendar.set_day(services, HALL_ADMIN, date(2026, 11, 30), workday=False, note="停电闭厅")
    assert calendar.deadline(services, date(2026, 11, 27), 1).due == date(2026, 12, 1)
    calendar.set_day(services, ADMIN, date(2026, 11, 29), workday=True)
    assert calendar.deadline(services, date(2026, 11, 27), 1).due == date(2026, 11, 29)
    with pytest.raises(PermissionDenied):
        calendar.set_day(services, CLERK, date(2026, 12, 1), workday=False)


def test_provisional_deadline_is_recomputed_when_the_years_schedule_is_imported(
    services: Services, clock: FixedClock
) -> None:
    clock.at = datetime(2026, 12, 24, 2, 0, tzinfo=UTC)  # Thursday 24 December, Beijing
    app = intake.accept(services, CLERK, intake.submit(services, CLERK, enterprise(), ["SCJG-01"]).id)
    food = app.request_for("SCJG-01")
    # 10 working days, weekends only in 2027: 25, 28–31 Dec, 1, 4–7 Jan
    assert (food.due, food.due_provisional) == (date(2027, 1, 7), True)

    year, entries, recomputed = calendar.import_schedule(services, SYSTEM_ACTOR, SCHEDULE_2027, "2027.csv")
    assert (year, entries, recomputed) == (2027, 3, 1)
    with services.uow() as uow:
        food = uow.applications.get(app.id).request_for("SCJG-01")
    # 1 and 4 January are holidays, Saturday 9 January a make-up working day:
    # 25, 28–31 Dec, 5–8 Jan, 9 Jan
    assert (food.due, food.due_provisional) == (date(2027, 1, 9), False)
    # nothing left to recompute
    assert calendar.recompute_provisional_deadlines(services) == 0


def test_bad_schedule_file_is_rejected_whole(services: Services) -> None:
    with pytest.raises(RejectedInput) as caught:
        calendar.import_schedule(
            services, SYSTEM_ACTOR, "date,kind\n2027-01-01,holiday\n2028-01-01,holiday\n", "x.csv"
        )
    assert caught.value.errors[0].row == 3
    with services.uow() as uow:
        assert uow.calendar.imported_years() == set()
        assert uow.calendar.overrides() == {}
