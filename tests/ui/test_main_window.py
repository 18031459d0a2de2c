"""The bare main window: title, demo banner, status bar naming the database and catalog."""

from __future__ import annotations

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
