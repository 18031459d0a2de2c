"""改革台账 through the real services on SQLite and PostgreSQL: cases accepted, reviewed, issued and
rated with the test clock (see tests/support/ledger_cases.py for the timeline)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.adapters.clock import FixedClock
from desktop.domain.catalog import ReformMode
from desktop.domain.errors import DomainError, EnvironmentProblem, PermissionDenied
from desktop.domain.intake_form import merge
from desktop.domain.statistics import NO_INDUSTRY, Ledger
from desktop.services import catalog, statistics
from desktop.services.base import Services
from printing.ledger_report import render_ledger
from printing.renderer import ReportLabRenderer
from tests.support.factories import ADMIN, AUDITOR, CLERK, HALL_ADMIN
from tests.support.ledger_cases import Hall, build_hall

BUREAU = "行政审批服务管理局"


class LedgerCapableRenderer(ReportLabRenderer):
    """The application's renderer with the ledger report (what printing.renderer provides once wired)."""

    def render_ledger(self, ledger: Ledger) -> bytes:
        return render_ledger(ledger)


@pytest.fixture
def hall(services: Services, clock: FixedClock) -> Hall:
    return build_hall(services, clock)


def _records(services: Services) -> tuple[int, int]:
    with services.uow() as uow:
        return len(uow.audit.records()), len(uow.outbox.pending())


def test_november_counts_shares_days_and_overdue(services: Services, hall: Hall) -> None:
    before = _records(services)
    ledger = statistics.ledger(services, HALL_ADMIN, date(2026, 11, 1), date(2026, 11, 30))
    assert _records(services) == before  # a read: no audit record, no event
    assert ledger.as_of == date(2026, 12, 15)
    s = ledger.summary
    # A (2 items), B (4), F (1); D was never accepted, C was accepted in December
    assert (s.applications, s.items) == (3, 7)
    # 准入即营: B's filing, commitment and cancelled matter, F's filing
    assert s.immediate == 4 and s.immediate_share == pytest.approx(4 / 7)
    assert (s.routed, s.reviewed, s.concluded, s.open) == (3, 2, 6, 1)
    # CB-01: 2 working days; SCJG-01: 11 (the holiday on 2 December is not counted); limits 10 and 10
    assert (s.days_total, s.limit_total) == (13, 20)
    assert s.average_days == pytest.approx(6.5) and s.average_limit == pytest.approx(10.0)
    # SCJG-01 decided on 14 Dec after its due date (10 Dec); YC-01 still open past it
    assert (s.with_due, s.on_time, s.late_decided, s.late_open) == (3, 1, 1, 1)
    assert s.overdue_rate == pytest.approx(2 / 3)
    assert (s.ratings, s.good, s.bad) == (1, 1, 0)

    modes = {g.key: g.figures.items for g in ledger.by_mode}
    assert modes == {"CANCEL": 1, "FILING": 2, "COMMITMENT": 1, "OPTIMIZE": 3}
    departments = {g.key: g.figures for g in ledger.by_department}
    assert {k: f.items for k, f in departments.items()} == {
        BUREAU: 2,
        "市场监督管理局": 2,
        "消防救援大队": 1,
        "卫生健康局": 1,
        "烟草专卖局": 1,
    }
    assert departments[BUREAU].average_days == pytest.approx(6.5)
    assert departments[BUREAU].overdue_rate == pytest.approx(0.5)
    assert departments["烟草专卖局"].overdue_rate == pytest.approx(1.0)
    assert departments["消防救援大队"].mode_count(ReformMode.COMMITMENT) == 1

    industries = {g.key: (g.figures.applications, g.figures.items) for g in ledger.by_industry}
    assert industries == {"书店": (1, 2), NO_INDUSTRY: (2, 5)}
    assert [g.label for g in ledger.periods] == ["2026年11月"]
    assert ledger.rectification.total == 0 and ledger.rectification.completion_rate is None


def test_november_and_december_by_month(services: Services, hall: Hall) -> None:
    ledger = statistics.ledger(services, CLERK, date(2026, 11, 1), date(2026, 12, 31), "month")
    s = ledger.summary
    assert (s.applications, s.items, s.immediate) == (4, 10, 5)
    assert s.immediate_share == pytest.approx(0.5)
    # C's SCJG-01: 8 working days (1 Dec → 14 Dec, the holiday not counted), on time (due 16 Dec)
    assert (s.reviewed, s.days_total, s.average_days) == (3, 21, pytest.approx(7.0))
    # overdue: A's SCJG-01 (decided late), B's YC-01 and C's SW-01 (due 9 Dec) still open
    assert (s.with_due, s.on_time, s.overdue) == (5, 2, 3)
    assert s.overdue_rate == pytest.approx(0.6)
    assert (s.ratings, s.good, s.bad, s.good_rate) == (2, 1, 1, pytest.approx(0.5))
    assert dict((level.label, count) for level, count in ledger.rating_levels) == {
        "非常满意": 1,
        "满意": 0,
        "基本满意": 0,
        "不满意": 1,
        "非常不满意": 0,
    }
    r = ledger.rectification
    assert (r.total, r.done, r.done_on_time, r.open, r.overdue) == (1, 1, 1, 0, 0)
    assert r.completion_rate == pytest.approx(1.0)

    november, december = ledger.periods
    assert (november.label, november.start, november.end) == (
        "2026年11月",
        date(2026, 11, 1),
        date(2026, 11, 30),
    )
    assert (november.figures.applications, november.figures.items, november.figures.immediate) == (3, 7, 4)
    assert (december.figures.applications, december.figures.items, december.figures.immediate) == (1, 3, 1)
    assert (november.figures.ratings, november.figures.good) == (1, 1)
    assert (december.figures.ratings, december.figures.bad) == (1, 1)
    assert december.figures.overdue == 1 and december.figures.average_days == pytest.approx(8.0)

    industries = {g.key: (g.figures.applications, g.figures.items) for g in ledger.by_industry}
    assert industries == {"书店": (1, 2), "小餐饮": (1, 3), NO_INDUSTRY: (2, 5)}

    current = catalog.current(services)
    for name, chosen in (("书店", 1), ("小餐饮", 1), ("便利店", 0)):
        industry = current.industry(name)
        expected = merge([current.matter(code) for code in industry.matter_codes]).reduction
        [row] = [x for x in ledger.reduction if x.industry == name]
        assert (row.fields_before, row.fields_after) == (expected.fields_before, expected.fields_after)
        assert (row.materials_before, row.materials_after) == (
            expected.materials_before,
            expected.materials_after,
        )
        assert row.applications == chosen
    [bookshop] = [x for x in ledger.reduction if x.industry == "书店"]
    assert bookshop.fields_saved > 0 and bookshop.materials_saved > 0
    assert len(ledger.reduction) == len(current.industries)


def test_by_week(services: Services, hall: Hall) -> None:
    ledger = statistics.ledger(services, HALL_ADMIN, date(2026, 11, 23), date(2026, 12, 6), "week")
    assert [(g.label, g.start, g.end, g.figures.items) for g in ledger.periods] == [
        ("2026年第48周", date(2026, 11, 23), date(2026, 11, 29), 7),
        ("2026年第49周", date(2026, 11, 30), date(2026, 12, 6), 3),
    ]


def test_an_empty_period_and_refusals(services: Services, hall: Hall) -> None:
    empty = statistics.ledger(services, AUDITOR, date(2026, 10, 1), date(2026, 10, 31))
    assert (empty.summary.items, empty.summary.ratings, empty.summary.immediate_share) == (0, 0, None)
    assert [r.applications for r in empty.reduction] == [0] * len(empty.reduction)
    with pytest.raises(PermissionDenied, match="查看办件"):
        statistics.ledger(services, ADMIN, date(2026, 11, 1), date(2026, 11, 30))
    with pytest.raises(DomainError, match="起始日期（2026-12-01）不能晚于截止日期（2026-11-01）"):
        statistics.ledger(services, HALL_ADMIN, date(2026, 12, 1), date(2026, 11, 1))
    with pytest.raises(DomainError, match="统计周期"):
        statistics.ledger(services, HALL_ADMIN, date(2026, 11, 1), date(2026, 11, 30), "quarter")


def test_the_report_goes_through_the_services_renderer(
    services: Services, hall: Hall, tmp_path: Path
) -> None:
    ledger = statistics.ledger(services, HALL_ADMIN, date(2026, 11, 1), date(2026, 12, 31))
    with pytest.raises(EnvironmentProblem, match="台账报告"):
        statistics.report_pdf(services, ledger)  # the test services have no renderer
    services.renderer = ReportLabRenderer()
    if not hasattr(ReportLabRenderer, "render_ledger"):  # not wired into printing.renderer yet
        with pytest.raises(EnvironmentProblem):
            statistics.report_pdf(services, ledger)
    services.renderer = LedgerCapableRenderer()
    pdf = statistics.report_pdf(services, ledger)
    assert pdf.startswith(b"%PDF-") and pdf == render_ledger(ledger)
