"""The bare main window: title, demo banner, status bar naming the database and catalog."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.adapters.clock import FixedClock
from desktop.services import setup
from desktop.services.catalog import CatalogBundle
from tests.conftest import make_services
from ui.app import MainWindow


def test_demo_database_is_unmistakable(
    qtbot: QtBot, sqlite_url: str, clock: FixedClock, bundle: CatalogBundle
) -> None:
    services = make_services(sqlite_url, clock)
    setup.initialise(services, bundle, demo=True)
    window = MainWindow(services, "本机 SQLite")
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "一窗通 OneWindow"
    assert "演示环境" in window.demo_banner.text()
    status = window.statusBar().currentMessage()
    assert "本机 SQLite" in status and bundle.label in status


def test_window_opens_with_a_message_when_the_database_is_missing(qtbot: QtBot) -> None:
    window = MainWindow(None, "sqlite:///x", startup_error="数据库尚未初始化，请先运行 onewindow init")
    qtbot.addWidget(window)
    window.show()
    assert "onewindow init" in window.message.text()
    assert not hasattr(window, "demo_banner")


def test_shipped_cjk_font_is_available_to_qt(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.fonts import load_shipped_font

    family = load_shipped_font()
    assert family == "WenQuanYi Micro Hei"
    metrics = QFontMetrics(QFont(family, 12))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "一窗通证照分离")


def test_workbench_tabs_follow_the_role(
    qtbot: QtBot, sqlite_url: str, clock: FixedClock, bundle: CatalogBundle
) -> None:
    from desktop.services import users
    from ui.tasks import wait_for_background

    services = make_services(sqlite_url, clock)
    setup.initialise(services, bundle, demo=True)
    expected = {
        "clerk": ["综合受理", "打印中心", "办件查询", "证照验证"],
        "reviewer01": ["审批队列", "办件查询", "证照验证"],
        "issuer": ["统一出件", "打印中心", "办件查询", "证照验证"],
        "halladmin": ["审批队列", "办件查询", "整改回访", "证照验证"],
        "admin": ["智能审批规则"],
        "auditor": ["办件查询"],
    }
    for username, tabs in expected.items():
        user = users.login(services, username, setup.DEMO_PASSWORD)
        window = MainWindow(services, "本机 SQLite", user=user)
        qtbot.addWidget(window)
        assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == tabs, username
        assert user.role.label in window.statusBar().currentMessage()
        assert window.idle_lock is not None
        wait_for_background()
        window.close()


def test_the_workbench_never_touches_the_database_on_the_gui_thread(
    qtbot: QtBot,
    sqlite_url: str,
    clock: FixedClock,
    bundle: CatalogBundle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from desktop.services import users
    from desktop.services.demo import run_case
    from printing.renderer import ReportLabRenderer
    from ui.app import gather_facts
    from ui.tasks import wait_for_background

    services = make_services(sqlite_url, clock, tmp_path / "keys")
    services.renderer = ReportLabRenderer()
    setup.initialise(services, bundle, demo=True)
    case = run_case(services)
    for username in ("issuer", "clerk", "reviewer01", "halladmin", "admin"):
        user = users.login(services, username, setup.DEMO_PASSWORD)
        facts = gather_facts(services, user)  # the app does this on a pool thread
        on_gui: list[str] = []
        factory = services.uow

        def recording(factory=factory, on_gui=on_gui):  # type: ignore[no-untyped-def]
            if threading.current_thread() is threading.main_thread():
                on_gui.append("".join(__import__("traceback").format_stack(limit=6)))
            return factory()

        services.uow = recording  # type: ignore[assignment]
        try:
            window = MainWindow(services, "本机 SQLite", user=user, facts=facts)
            qtbot.addWidget(window)
            window.show()
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                qtbot.wait(50)
            station = window.screens.get("print")
            if station is not None:
                with qtbot.waitSignal(station.previewed, timeout=20_000):
                    station.load_case(case.application)  # type: ignore[attr-defined]

                def exec_(dialog: QPrintDialog, username: str = username) -> int:
                    dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
                    dialog.printer().setOutputFileName(str(tmp_path / f"{username}.pdf"))
                    return int(QDialog.DialogCode.Accepted)

                monkeypatch.setattr(QPrintDialog, "exec", exec_)
                monkeypatch.setattr(
                    "PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("补打测试", True)
                )
                with qtbot.waitSignal(station.printed, timeout=60_000):
                    station.print_button.click()  # type: ignore[attr-defined]
            wait_for_background()
            qtbot.wait(100)
            window.close()
        finally:
            services.uow = factory  # type: ignore[method-assign]
        assert not on_gui, f"{username}: database work on the GUI thread:\n" + "\n".join(on_gui[:2])


def test_first_login_changes_the_password_off_the_gui_thread(
    qtbot: QtBot, sqlite_url: str, clock: FixedClock, bundle: CatalogBundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from desktop.domain.users import SYSTEM_ACTOR, Role
    from desktop.services import users
    from ui.login import ChangePasswordDialog, LoginDialog
    from ui.tasks import wait_for_background

    services = make_services(sqlite_url, clock)
    users.add_user(services, SYSTEM_ACTOR, "newclerk", Role.CLERK, "Initial2026")
    answers = iter(["short", "Counter2027"])  # first a weak password, then a good one

    def exec_(dialog: ChangePasswordDialog) -> int:
        password = next(answers)
        dialog.first.setText(password)
        dialog.second.setText(password)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ChangePasswordDialog, "exec", exec_)
    login = LoginDialog(services, demo=False)
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.username, "newclerk")
    qtbot.keyClicks(login.password, "Initial2026")
    with qtbot.waitSignal(login.accepted, timeout=20_000):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert login.user is not None and not login.user.must_change_password
    assert users.login(services, "newclerk", "Counter2027").username == "newclerk"
    wait_for_background()
