"""审计日志 for the security auditor: filter, page, verify the chain, export to CSV (audited)."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from db.models import AuditRow
from desktop.adapters.clock import FixedClock
from desktop.domain.errors import PermissionDenied
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import audit, intake, review
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import make_services
from tests.support.factories import AUDITOR, CLERK, enterprise, rows
from ui.audit_screen import AuditScreen
from ui.tasks import wait_for_background


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> Services:
    svc = make_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    for _ in range(3):
        app = intake.submit(svc, CLERK, enterprise(), ["SCJG-01"])
        intake.accept(svc, CLERK, app.id)
    with pytest.raises(PermissionDenied):  # a clerk trying to review: refused, and audited
        review.claim(svc, CLERK, app.id, "SCJG-01")
    return svc


def _screen(qtbot: QtBot, services: Services) -> AuditScreen:
    screen = AuditScreen(services, AUDITOR)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.table.rowCount() > 0, timeout=10_000)
    return screen


def _column(screen: AuditScreen, column: int) -> list[str]:
    return [screen.table.item(r, column).text() for r in range(screen.table.rowCount())]  # type: ignore[union-attr]


def test_the_log_reads_newest_first_and_filters(qtbot: QtBot, services: Services) -> None:
    screen = _screen(qtbot, services)
    everything = rows(services, AuditRow)
    assert screen.table.rowCount() == len(everything)
    assert _column(screen, 0) == [str(r.seq) for r in reversed(everything)]
    assert f"共 {len(everything)} 条" in screen.message.text()

    screen.outcome.setCurrentIndex(screen.outcome.findData("refused"))
    with qtbot.waitSignal(screen.searched, timeout=10_000) as found:
        screen.search_button.click()
    assert found.args == [1]
    assert _column(screen, 2) == ["clerk"] and _column(screen, 5)[0].startswith("refused")

    screen.outcome.setCurrentIndex(0)
    screen.action.setText("intake.accept")
    with qtbot.waitSignal(screen.searched, timeout=10_000) as found:
        screen.search_button.click()
    assert found.args == [3] and set(_column(screen, 3)) == {"intake.accept"}

    screen.action.clear()
    screen.end.setDate(QDate(2026, 11, 30))
    screen.start.setDate(QDate(2026, 11, 27))  # the day after everything happened
    with qtbot.waitSignal(screen.searched, timeout=10_000) as found:
        screen.search_button.click()
    assert found.args == [0] and screen.table.rowCount() == 0


def test_dates_the_wrong_way_round_are_a_message_and_the_table_stays(
    qtbot: QtBot, services: Services
) -> None:
    screen = _screen(qtbot, services)
    shown = screen.table.rowCount()
    screen.start.setDate(QDate(2026, 12, 5))
    screen.end.setDate(QDate(2026, 12, 1))
    screen.search_button.click()
    assert "起始日期不能晚于结束日期" in screen.message.text()
    wait_for_background()
    assert screen.table.rowCount() == shown


def test_verifying_the_chain_finds_tampering(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    screen = _screen(qtbot, services)
    screen.verify_button.click()
    qtbot.waitUntil(lambda: "审计链完整" in screen.chain.text(), timeout=10_000)
    conn = sqlite3.connect(tmp_path / "db.sqlite3")
    conn.execute("UPDATE audit_log SET target = 'edited' WHERE seq = 3")
    conn.commit()
    conn.close()
    screen.verify_button.click()
    qtbot.waitUntil(lambda: "审计链异常：第 3 条" in screen.chain.text(), timeout=10_000)


def test_export_writes_what_the_filter_shows_and_is_itself_audited(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    screen = _screen(qtbot, services)
    screen.who.setText("clerk")
    before = len(rows(services, AuditRow))
    target = tmp_path / "审计日志.csv"
    with qtbot.waitSignal(screen.exported, timeout=10_000):
        screen.export_to(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["序号", "时间", "操作人", "操作", "对象", "结果", "详情"]
    clerk_rows = [r for r in rows(services, AuditRow) if r.actor == "clerk"]
    assert sorted(int(r[0]) for r in table[1:]) == sorted(r.seq for r in clerk_rows)
    assert all(r[2] == "clerk" for r in table[1:])
    assert table[1][1].startswith("2026-11-26")  # Beijing time
    after = rows(services, AuditRow)
    assert len(after) == before + 1
    assert (after[-1].actor, after[-1].action, after[-1].result) == ("auditor", "audit.export", "ok")
    assert '"actor":"clerk"' in after[-1].detail
    assert f"已导出 {len(clerk_rows)} 条记录" in screen.message.text()
    assert audit.verify(services, AUDITOR).ok


def test_only_the_auditor_reads_the_log(services: Services) -> None:
    from desktop.domain.audit import AuditQuery

    with pytest.raises(PermissionDenied):
        audit.search(services, CLERK, AuditQuery())
    with pytest.raises(PermissionDenied):
        audit.export(services, CLERK, AuditQuery())


def test_an_export_to_a_place_that_cannot_be_written_is_a_clear_message(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    screen = _screen(qtbot, services)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    screen.export_to(blocker / "audit.csv")
    qtbot.waitUntil(lambda: "无法写入" in screen.message.text(), timeout=10_000)
    assert screen.export_button.isEnabled()
    last = rows(services, AuditRow)[-1]  # not recorded as an export that happened
    assert (last.action, last.result.startswith("refused")) == ("audit.export", True)
