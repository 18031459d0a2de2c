"""改革台账 screen: the period pickers, the tables and charts it fills off the GUI thread, the two
exports, and a bad period refused in words (see tests/support/ledger_cases.py for the cases)."""

from __future__ import annotations

import subprocess
import threading
import traceback
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from desktop.adapters.clock import FixedClock
from desktop.domain.statistics import Ledger
from desktop.ports import UnitOfWork
from desktop.services.base import Services
from printing.ledger_report import render_ledger
from printing.renderer import ReportLabRenderer
from tests.support.factories import HALL_ADMIN
from tests.support.ledger_cases import build_hall
from ui.statistics_screen import VALUE_ROLE, StatisticsScreen
from ui.tasks import wait_for_background


class LedgerCapableRenderer(ReportLabRenderer):
    def render_ledger(self, ledger: Ledger) -> bytes:
        return render_ledger(ledger)


def _screen(qtbot: QtBot, services: Services) -> StatisticsScreen:
    screen = StatisticsScreen(services, HALL_ADMIN)
    qtbot.addWidget(screen)
    screen.resize(1100, 760)
    with qtbot.waitSignal(screen.computed, timeout=20_000):
        screen.show()
    return screen


def _run(qtbot: QtBot, screen: StatisticsScreen, start: date, end: date, period: str = "month") -> Ledger:
    screen.set_period(start, end, period)
    with qtbot.waitSignal(screen.computed, timeout=20_000) as shown:
        screen.run_button.click()
    ledger = shown.args[0]
    assert isinstance(ledger, Ledger)
    return ledger


@pytest.fixture
def hall_services(services: Services, clock: FixedClock) -> Iterator[Services]:
    """The hall's cases; from then on any unit of work opened on the GUI thread fails the test."""
    build_hall(services, clock)  # leaves the clock on Tuesday 15 December 2026
    factory = services.uow
    on_gui: list[str] = []

    def guarded() -> UnitOfWork:
        if threading.current_thread() is threading.main_thread():
            on_gui.append("".join(traceback.format_stack(limit=6)))
        return factory()

    services.uow = guarded
    yield services
    services.uow = factory
    assert not on_gui, "database work on the GUI thread:\n" + on_gui[0]


def test_the_period_figures_tables_and_charts(qtbot: QtBot, hall_services: Services, tmp_path: Path) -> None:
    screen = _screen(qtbot, hall_services)
    # default: this month so far — 1 to 15 December: case C only
    assert screen.period() == (date(2026, 12, 1), date(2026, 12, 15), "month")
    assert screen.ledger is not None and (
        screen.ledger.summary.applications,
        screen.ledger.summary.items,
    ) == (1, 3)
    assert screen.cell_text("概况", "受理办件", "数值") == "1"

    ledger = _run(qtbot, screen, date(2026, 11, 1), date(2026, 12, 31))
    assert screen.ledger is ledger and ledger.summary.items == 10
    assert "受理办件 4 件，涉及事项 10 项；准入即营 5 项（50.0%）" in screen.summary.text()
    assert "2026年11月1日至2026年12月31日（按月）" in screen.heading.text()
    assert screen.cell_text("概况", "准入即营占比", "数值") == "50.0%"
    assert screen.cell_text("按模式", "审批改为备案", "事项数") == "2"
    assert screen.cell_text("按模式", "优化审批服务", "转审批") == "5"
    assert screen.cell_text("按部门", "行政审批服务管理局", "事项数") == "3"
    assert screen.cell_text("按行业", "书店", "办件数") == "1"
    assert screen.cell_text("时限", "合计", "平均用时") == "7.0"
    assert screen.cell_text("时限", "合计", "逾期率") == "60.0%"
    assert screen.cell_text("评价", "不满意", "件数") == "1"
    assert screen.cell_text("整改", "1", "整改完成率") == "100.0%"
    assert screen.cell_text("按期", "2026年11月", "事项") == "7"
    assert screen.cell_text("按期", "2026年12月", "准入即营") == "1"
    # the raw numbers stay with the cells
    overview = screen.tables["概况"]
    assert overview.item(3, 1).data(VALUE_ROLE) == pytest.approx(0.5)
    assert [screen.tabs.tabText(i) for i in range(screen.tabs.count())] == [
        "概况",
        "按模式",
        "按部门",
        "按行业",
        "时限",
        "减材料减表单",
        "评价",
        "整改",
        "按期",
    ]
    # the charts got the figures
    assert screen.mode_chart.categories == ["直接取消审批", "审批改为备案", "实行告知承诺", "优化审批服务"]
    assert screen.mode_chart.series == [("事项数", [1, 2, 2, 5])]
    assert screen.period_chart.categories == ["11月", "12月"]
    assert screen.period_chart.series == [("事项数", [7, 3]), ("准入即营", [4, 1])]
    assert screen.period_chart.title == "分期事项数与准入即营（按月）"

    weekly = _run(qtbot, screen, date(2026, 11, 23), date(2026, 12, 6), "week")
    assert [g.figures.items for g in weekly.periods] == [7, 3]
    assert screen.period_chart.categories == ["第48周", "第49周"]
    assert screen.cell_text("按期", "2026年第49周", "办件") == "1"
    assert screen.titles["按期"].text() == "九、分期统计（按周）"

    wait_for_background()


def test_both_exports_write_the_ledger_shown(qtbot: QtBot, hall_services: Services, tmp_path: Path) -> None:
    screen = _screen(qtbot, hall_services)
    ledger = _run(qtbot, screen, date(2026, 11, 1), date(2026, 12, 31))

    workbook = tmp_path / "台账.xlsx"
    with qtbot.waitSignal(screen.exported, timeout=20_000) as done:
        screen.export_xlsx(str(workbook))
    assert done.args == [str(workbook)] and f"已导出：{workbook}" in screen.message.text()
    book = load_workbook(workbook)
    rows = {row[0].value: row for row in book["按模式"].iter_rows(min_row=5)}
    assert rows["优化审批服务"][1].value == 5 and rows["合计"][1].value == 10
    assert book["概况"]["B8"].value == pytest.approx(0.5)  # 准入即营占比, a number

    # the services of this test have no renderer: the PDF is refused in words, nothing written
    report = tmp_path / "reports" / "台账.pdf"
    with qtbot.waitSignal(screen.refused, timeout=20_000) as refused:
        screen.export_pdf(str(report))
    assert "台账报告" in refused.args[0] and not report.exists()
    assert screen.pdf_button.isEnabled()

    hall_services.renderer = LedgerCapableRenderer()
    with qtbot.waitSignal(screen.exported, timeout=20_000):
        screen.export_pdf(str(report))
    assert report.read_bytes() == render_ledger(ledger)
    text = subprocess.run(["pdftotext", str(report), "-"], capture_output=True, text=True, check=True).stdout
    assert "「证照分离」改革工作台账" in text.replace(" ", "")
    wait_for_background()


def test_a_bad_period_is_refused_and_changes_nothing(qtbot: QtBot, hall_services: Services) -> None:
    screen = _screen(qtbot, hall_services)
    shown = screen.ledger
    before = screen.cell_text("概况", "受理办件", "数值")
    screen.set_period(date(2026, 12, 20), date(2026, 12, 1))
    with qtbot.waitSignal(screen.refused, timeout=5_000) as refused:
        screen.run_button.click()
    assert refused.args[0] == "统计起始日期（2026-12-20）不能晚于截止日期（2026-12-01），请重新选择"
    assert screen.message.text() == refused.args[0] and "color" in screen.message.styleSheet()
    assert screen.ledger is shown and screen.cell_text("概况", "受理办件", "数值") == before
    assert screen.run_button.isEnabled() and screen.xlsx_button.isEnabled()
    # a later good period works again and clears the warning colour
    _run(qtbot, screen, date(2026, 11, 1), date(2026, 11, 30))
    assert screen.cell_text("概况", "受理办件", "数值") == "3" and screen.message.styleSheet() == ""
    wait_for_background()
