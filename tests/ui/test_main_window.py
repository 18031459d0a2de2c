"""The bare main window: title, demo banner, status bar naming the database, catalog and sync
state; the tabs by role; no database work on the GUI thread (the sync screens included)."""

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
    bar = window.sync_status
    assert bar is not None
    qtbot.waitUntil(lambda: bar.state_label.text() == "同步：单机模式", timeout=10_000)


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
        "clerk": ["综合受理", "网上申请", "打印中心", "办件查询", "证照验证"],
        "reviewer01": ["审批队列", "监管反馈", "证照管理", "办件查询", "证照验证"],
        "inspector01a": ["监管核查", "办件查询", "证照验证"],
        "issuer": ["统一出件", "打印中心", "办件查询", "证照验证"],
        "halladmin": ["审批队列", "监管反馈", "办件查询", "整改回访", "改革台账", "证照验证"],
        "admin": ["智能审批规则"],
        "auditor": ["审计日志", "办件查询", "改革台账"],
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
    for username in ("issuer", "clerk", "reviewer01", "halladmin", "admin", "auditor", "inspector01a"):
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


def test_the_sync_screens_never_touch_the_database_on_the_gui_thread(
    qtbot: QtBot, sqlite_url: str, clock: FixedClock, bundle: CatalogBundle, tmp_path: Path
) -> None:
    """The status bar (a pass with progress), the freeze banner and its override, 网上申请 (接办,
    放弃, the prefilled wizard's 补正) and 监管反馈 (list, 显示已处理, 处理/已阅)."""
    import threading
    from collections.abc import Callable
    from datetime import timedelta

    from desktop.adapters.sync_store import ServicesSyncStore
    from desktop.domain.sync_state import SyncPassResult, SyncProgressNote
    from desktop.domain.users import SYSTEM_ACTOR
    from desktop.services import syncing, users
    from printing.renderer import ReportLabRenderer
    from sync.protocol import Feed, FeedItem
    from tests.support.factories import enterprise
    from ui.app import gather_facts
    from ui.intake import IntakeWizard
    from ui.linkage_screen import SupervisionFeedbackScreen
    from ui.online_inbox import OnlineInboxScreen
    from ui.tasks import wait_for_background

    services = make_services(sqlite_url, clock, tmp_path / "keys")
    services.renderer = ReportLabRenderer()
    setup.initialise(services, bundle, demo=True)
    now = clock.at
    clock.at = now - timedelta(days=8)  # enrolled 8 days ago, never synced: intake is paused
    syncing.record_enrolment(services, SYSTEM_ACTOR, "http://127.0.0.1:9", "device-1", "演示大厅")
    clock.at = now
    reviewer = users.login(services, "reviewer01", setup.DEMO_PASSWORD)
    e = enterprise()
    store = ServicesSyncStore(services)
    store.apply_page(
        Feed.ONLINE_APPLICATIONS,
        [
            FeedItem(
                key=key,
                data={
                    "id": key,
                    "submitted_at": "2026-11-25T20:30:00+08:00",
                    "enterprise": {
                        "uscc": e.uscc,
                        "name": e.name,
                        "legal_representative": e.legal_representative,
                        "legal_representative_id": e.legal_representative_id,
                        "address": e.address,
                        "contact_phone": e.contact_phone,
                    },
                    "matters": ["SCJG-01"],
                    "industries": [],
                    "materials": ["申请表（一表申请）"],
                },
            )
            for key in ("W1", "W2")
        ],
        "c1",
        clock.now(),
    )
    store.apply_page(
        Feed.SUPERVISION_FEEDBACK,
        [
            FeedItem(
                key="F1",
                data={
                    "id": "F1",
                    "licence": "HZ1",
                    "permit": "",
                    "uscc": e.uscc,
                    "matter": "SCJG-01",
                    "approving_department": reviewer.department,
                    "supervising_department": "县市场监督管理局",
                    "measure": "责令整改",
                    "text": "抽查发现问题",
                    "decided_at": "2026-11-20T09:00:00+08:00",
                    "sent_at": "2026-11-20T09:00:00+08:00",
                },
            )
        ],
        "c1",
        clock.now(),
    )

    class Agent:  # a pass that reads the database (on the pool) and reports its stage
        def run_once(
            self,
            progress: Callable[[SyncProgressNote], None] | None = None,
            cancelled: Callable[[], bool] | None = None,
        ) -> SyncPassResult:
            pending, parked = syncing.outbox_counts(services)
            if progress is not None:
                progress(SyncProgressNote("上传办件事件", 0, pending))
            return SyncPassResult(0, 0, pending, parked, online=False, errors=("无法连接中心平台",))

    services.sync_agent = Agent()
    for username in ("clerk", "reviewer01", "halladmin"):
        user = users.login(services, username, setup.DEMO_PASSWORD)
        facts = gather_facts(services, user)
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
            bar = window.sync_status
            assert bar is not None
            qtbot.waitUntil(lambda bar=bar: bar.status is not None, timeout=10_000)
            with qtbot.waitSignal(bar.pass_finished, timeout=10_000):
                bar.sync_button.click()
            qtbot.waitUntil(lambda bar=bar: bar.state_label.text() == "同步：离线", timeout=10_000)
            wizard, inbox = window.screens.get("intake"), window.screens.get("online")
            if isinstance(wizard, IntakeWizard) and isinstance(inbox, OnlineInboxScreen):
                qtbot.waitUntil(lambda w=wizard: w.freeze_banner.isVisibleTo(w), timeout=10_000)
                dialog = wizard.open_freeze_dialog()
                dialog.username.setText("halladmin")
                dialog.password.setText(setup.DEMO_PASSWORD)
                dialog.reason.setText("中心平台维护，今日继续受理")
                with qtbot.waitSignal(dialog.overridden, timeout=20_000):
                    dialog.ok_button.click()
                qtbot.waitUntil(lambda i=inbox: len(i.applications) == 2, timeout=10_000)
                inbox.select("W2")
                with qtbot.waitSignal(inbox.taken, timeout=10_000):
                    inbox.take_button.click()
                qtbot.waitUntil(lambda i=inbox: i.applications[1].taken_by == "clerk", timeout=10_000)
                inbox.select("W2")
                with qtbot.waitSignal(inbox.released, timeout=10_000):
                    inbox.release_button.click()
                inbox.select("W1")
                with qtbot.waitSignal(wizard.online_opened, timeout=10_000):
                    inbox.take_button.click()
                wizard.go_to(4)
                with qtbot.waitSignal(wizard.supplement_requested, timeout=20_000):
                    wizard.confirm_page.supplement_button.click()
                assert wizard.online_id is None, wizard.status.text()
            feedback = window.screens.get("linkage")
            if isinstance(feedback, SupervisionFeedbackScreen):
                qtbot.waitUntil(lambda f=feedback: bool(f.message.text()), timeout=10_000)
                with qtbot.waitSignal(feedback.loaded, timeout=10_000):
                    feedback.show_done.setChecked(True)
                assert [r.feedback.id for r in feedback.rows] == ["F1"]
                if feedback.may_acknowledge:
                    feedback.select("F1")
                    with qtbot.waitSignal(feedback.acknowledged, timeout=10_000):
                        feedback.ack_button.click()
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                qtbot.wait(50)
            wait_for_background()
            qtbot.wait(100)
            window.close()
        finally:
            services.uow = factory  # type: ignore[method-assign]
        assert not on_gui, f"{username}: database work on the GUI thread:\n" + "\n".join(on_gui[:2])
    assert syncing.freeze(services).overridden


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


def test_the_daily_automatic_backup_runs_off_the_gui_thread_and_says_so(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, bundle: CatalogBundle
) -> None:
    import threading
    from datetime import datetime

    from desktop.backup import DataFiles, Schedule, run_if_due, scheduled_backups
    from desktop.services import users
    from ui.tasks import wait_for_background

    data = tmp_path / "data"
    services = make_services(f"sqlite:///{data / 'onewindow.sqlite3'}", clock, data / "keys" / "signing")
    setup.initialise(services, bundle, demo=True)
    (data / "keys").mkdir(parents=True, exist_ok=True)
    (data / "keys" / "audit.key").write_text("00" * 32)
    files = DataFiles(
        data,
        data / "onewindow.sqlite3",
        data / "keys" / "audit.key",
        data / "keys" / "signing",
        data / "keys" / "device.token",
    )
    schedule = Schedule(tmp_path / "auto", 3, "daily backup passphrase")
    threads: list[bool] = []

    def job() -> str | None:
        threads.append(threading.current_thread() is threading.main_thread())
        made = run_if_due(files, schedule, datetime.now().astimezone())
        return str(made.file) if made else None

    services.scheduled_backup = job
    window = MainWindow(services, "本机 SQLite", user=users.login(services, "clerk", setup.DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.show()
    assert window.backup_timer is not None and window.backup_timer.interval() == 60 * 60 * 1000
    window.backup_timer.timeout.emit()  # the hourly look
    qtbot.waitUntil(lambda: "已自动备份" in window.statusBar().currentMessage(), timeout=20_000)
    assert len(scheduled_backups(schedule.folder)) == 1 and threads == [False]
    window.backup_timer.timeout.emit()  # an hour later, same day: nothing more
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=20_000)
    wait_for_background()
    assert len(scheduled_backups(schedule.folder)) == 1
    window.close()
