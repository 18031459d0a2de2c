"""改革台账: the reform's statistics over a period of local dates, and the PDF report of them.

Read-only, like case search: the permission is checked, one unit of work reads the facts, nothing
is written (no audit record for reads). What each figure means is written down in
``desktop.domain.statistics``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from desktop.domain import statistics
from desktop.domain.errors import EnvironmentProblem
from desktop.domain.statistics import Ledger
from desktop.domain.users import Actor, Permission
from desktop.ports import LedgerRenderer
from desktop.services.base import Services, require, work_calendar


def _bound(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


def ledger(services: Services, actor: Actor, start: date, end: date, period: str = "month") -> Ledger:
    """The ledger of [start, end] (local dates, both included), split by month or ISO week."""
    require(actor, Permission.READ_CASES)
    statistics.validate_period(start, end, period)
    # a day of slack on either side of the UTC window; the domain cuts on the local dates
    low, high = _bound(start - timedelta(days=1)), _bound(end + timedelta(days=2))
    with services.uow() as uow:
        return statistics.compute(
            start=start,
            end=end,
            period=period,
            as_of=services.clock.today(),
            items=uow.statistics.items(low, high),
            ratings=uow.statistics.ratings(low, high),
            rectifications=uow.statistics.rectifications(low, high),
            calendar=work_calendar(services, uow),
            local_date=services.clock.local_date,
            catalog=uow.catalog.current(),
        )


def report_pdf(services: Services, ledger: Ledger) -> bytes:
    """The ledger as a PDF report (laid out by the renderer wired into the services)."""
    renderer = services.renderer
    if not isinstance(renderer, LedgerRenderer):
        raise EnvironmentProblem("本机未配置台账报告打印组件，无法生成PDF报告")
    return renderer.render_ledger(ledger)
