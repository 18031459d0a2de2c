"""The Qt application shell: login, then the screens the role needs. The status bar always says
who is logged in, which window and database, the catalog version and the sync state (ui.sync_status:
在线/离线/单机模式, last success, items waiting, 立即同步); a demo database is marked on every screen."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.online import OnlineApplication
from desktop.domain.users import Actor, Permission, Role, User

if TYPE_CHECKING:
    from desktop.services.base import Services
from ui.errors import message_for, show_error
from ui.fonts import load_shipped_font
from ui.gc_guard import collect_on_gui_thread
from ui.i18n import install, saved_language
from ui.login import LoginDialog
from ui.sync_status import SyncStatusBar
from ui.tasks import run_in_background, wait_for_background


@dataclass(frozen=True)
class WindowFacts:
    """What the main window shows from the database, read off the GUI thread before it is built."""

    demo: bool = False
    catalog_version: str = "—"
    idle_minutes: int = 15
    problem: str = ""


def gather_facts(services: Services, user: User | None) -> WindowFacts:
    """Runs on a pool thread (ui.tasks): never call it from the GUI thread in the app."""
    from desktop.services import catalog, setup
    from ui.idle_lock import idle_minutes

    minutes = idle_minutes(services, user.role) if user else 15
    try:
        version = catalog.current(services).version.label
    except Exception as exc:  # shown in the window, never raised: the window must still open
        return WindowFacts(setup.is_demo(services), "—", minutes, str(exc))
    return WindowFacts(setup.is_demo(services), version, minutes)


class MainWindow(QMainWindow):
    idle_lock: QObject | None = None
    sync_status: SyncStatusBar | None = None
    backup_timer: QTimer | None = None

    def __init__(
        self,
        services: Services | None,
        db_label: str,
        startup_error: str = "",
        user: User | None = None,
        facts: WindowFacts | None = None,
    ) -> None:
        super().__init__()
        if facts is None:  # built directly (tests, screenshots): read what the app reads beforehand
            facts = gather_facts(services, user) if services is not None else WindowFacts()
        self.setWindowTitle(self.tr("一窗通 OneWindow"))
        self.resize(1200, 800)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        if facts.demo:
            self.demo_banner = QLabel(self.tr("演示环境 — 数据仅供演示，不具法律效力"), central)
            self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.demo_banner.setStyleSheet("background:#b00020;color:white;font-weight:bold;padding:6px;")
            self.demo_banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            layout.addWidget(self.demo_banner)
        self.tabs = QTabWidget(central)
        self.screens: dict[str, QWidget] = {}
        self.message = QLabel(central)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        version = facts.catalog_version
        self.message.setText(facts.problem if services is not None else startup_error)
        if services is not None:
            self.sync_status = SyncStatusBar(services, user.as_actor() if user else None, self)
            self.statusBar().addPermanentWidget(self.sync_status)
        if services is not None and user is not None:
            _build_workbench_impl(self, services, user, facts.idle_minutes)
        who = f"{user.display_name or user.username}（{user.role.label}）" if user else self.tr("未登录")
        window = services.window_number if services else "—"
        # The database label can be a long path: it comes last, so a narrow window cuts it, not the
        # catalog version; the whole line is in the tooltip.
        text = self.tr("{who} · 窗口 {window} · 事项清单：{version} · 数据库：{db}").format(
            who=who, window=window, db=db_label, version=version
        )
        self.statusBar().showMessage(text)
        self.statusBar().setToolTip(text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.sync_status is not None:
            self.sync_status.stop()  # no more timers; a running pass is asked to stop
        super().closeEvent(event)


def _build_workbench_impl(window: MainWindow, services: Services, user: User, idle_minutes: int) -> None:
    # Screens load after login (QtPdf and friends are not needed for the login screen).
    from ui.audit_screen import AuditScreen
    from ui.case_search import CaseSearchScreen
    from ui.idle_lock import IdleLock
    from ui.inspection_workbench import InspectionWorkbench
    from ui.intake import IntakeWizard
    from ui.issuing_screen import IssuingScreen
    from ui.linkage_screen import SupervisionFeedbackScreen
    from ui.online_inbox import OnlineInboxScreen
    from ui.permit_screen import PermitScreen
    from ui.print_station import PrintStation
    from ui.rectifications_screen import RectificationsScreen
    from ui.review_queue import ReviewQueueScreen
    from ui.rules_screen import RulesScreen
    from ui.statistics_screen import StatisticsScreen
    from ui.verify_screen import VerifyScreen

    actor = user.as_actor()
    builders: dict[str, tuple[str, Callable[[], QWidget]]] = {
        "intake": (
            QCoreApplication.translate("MainWindow", "综合受理"),
            lambda: IntakeWizard(services, actor, window),
        ),
        "online": (
            QCoreApplication.translate("MainWindow", "网上申请"),
            lambda: OnlineInboxScreen(services, actor, window),
        ),
        "review": (
            QCoreApplication.translate("MainWindow", "审批队列"),
            lambda: ReviewQueueScreen(services, actor, window),
        ),
        "linkage": (
            QCoreApplication.translate("MainWindow", "监管反馈"),
            lambda: SupervisionFeedbackScreen(services, actor, window),
        ),
        "inspection": (
            QCoreApplication.translate("MainWindow", "监管核查"),
            lambda: InspectionWorkbench(services, actor, window),
        ),
        "permits": (
            QCoreApplication.translate("MainWindow", "证照管理"),
            lambda: PermitScreen(services, actor, window),
        ),
        "issuing": (
            QCoreApplication.translate("MainWindow", "统一出件"),
            lambda: IssuingScreen(services, actor, window),
        ),
        "print": (
            QCoreApplication.translate("MainWindow", "打印中心"),
            lambda: PrintStation(services, actor, window),
        ),
        "audit": (
            QCoreApplication.translate("MainWindow", "审计日志"),
            lambda: AuditScreen(services, actor, window),
        ),
        "search": (
            QCoreApplication.translate("MainWindow", "办件查询"),
            lambda: CaseSearchScreen(services, actor, window),
        ),
        "ledger": (
            QCoreApplication.translate("MainWindow", "改革台账"),
            lambda: StatisticsScreen(services, actor, window),
        ),
        "rules": (
            QCoreApplication.translate("MainWindow", "智能审批规则"),
            lambda: RulesScreen(services, actor, window),
        ),
        "rectifications": (
            QCoreApplication.translate("MainWindow", "整改回访"),
            lambda: RectificationsScreen(services, actor, window),
        ),
        "verify": (
            QCoreApplication.translate("MainWindow", "证照验证"),
            lambda: VerifyScreen(services, actor, window),
        ),
    }
    for key in _tabs_for(actor):
        title, build = builders[key]
        widget = build()
        window.screens[key] = widget
        window.tabs.addTab(widget, title)
    intake_screen, print_screen = window.screens.get("intake"), window.screens.get("print")
    if isinstance(intake_screen, IntakeWizard) and isinstance(print_screen, PrintStation):
        # After 受理, 补正 or 不予受理 the notice goes straight to the print station.
        def to_print(number: str) -> None:
            window.tabs.setCurrentWidget(print_screen)
            print_screen.load_case(number)

        for signal in (intake_screen.accepted, intake_screen.supplement_requested, intake_screen.refused):
            signal.connect(to_print)
    _wire_sync(window)
    _wire_scheduled_backup(window, services)
    if window.tabs.count() == 0:
        window.message.setText(
            QCoreApplication.translate("MainWindow", "该角色没有可用的工作台，请联系系统管理员。")
        )
    window.idle_lock = IdleLock(window, services, user, idle_minutes)


def _wire_sync(window: MainWindow) -> None:
    """The sync status feeds the intake freeze banner; a pass refreshes the pulled lists; an online
    application taken in 网上申请 opens in 综合受理; tab titles carry what is waiting."""
    from ui.intake import IntakeWizard
    from ui.linkage_screen import SupervisionFeedbackScreen
    from ui.online_inbox import OnlineInboxScreen

    status = window.sync_status
    intake_screen = window.screens.get("intake")
    inbox = window.screens.get("online")
    feedback = window.screens.get("linkage")

    def titled(screen: QWidget, title: str) -> Callable[[int], None]:
        def set_count(count: int) -> None:
            index = window.tabs.indexOf(screen)
            if index >= 0:
                window.tabs.setTabText(index, f"{title}（{count}）" if count else title)

        return set_count

    if isinstance(intake_screen, IntakeWizard) and status is not None:
        status.status_changed.connect(intake_screen.show_sync_status)
        intake_screen.freeze_overridden.connect(lambda _who: status.refresh())
    if isinstance(inbox, OnlineInboxScreen):
        inbox.count_changed.connect(titled(inbox, QCoreApplication.translate("MainWindow", "网上申请")))
        if status is not None:
            status.synced.connect(lambda _result: inbox.refresh())
        if isinstance(intake_screen, IntakeWizard):
            wizard = intake_screen

            def open_in_wizard(online: object) -> None:
                if isinstance(online, OnlineApplication):
                    window.tabs.setCurrentWidget(wizard)
                    wizard.open_online(online)

            inbox.taken.connect(open_in_wizard)
            for signal in (wizard.accepted, wizard.supplement_requested, wizard.refused):
                signal.connect(lambda _number: inbox.refresh())
    if isinstance(feedback, SupervisionFeedbackScreen):
        feedback.open_count.connect(titled(feedback, QCoreApplication.translate("MainWindow", "监管反馈")))
        if status is not None:
            status.synced.connect(lambda _result: feedback.refresh())


BACKUP_CHECK_MS = 60 * 60 * 1000  # the daily automatic backup is looked at every hour
BACKUP_FIRST_CHECK_MS = 60 * 1000  # and a minute after the window opens (not during start-up)


def _wire_scheduled_backup(window: MainWindow, services: Services) -> None:
    """While the app runs, make the day's automatic backup (onewindow backup --schedule) off the
    GUI thread; the status bar says when one was made or why it failed, without interrupting."""
    job = services.scheduled_backup
    if job is None:
        return
    timer = QTimer(window)
    timer.setInterval(BACKUP_CHECK_MS)

    def done(made: str | None) -> None:
        if made:
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "已自动备份：{file}").format(file=made), 15_000
            )

    def failed(exc: BaseException) -> None:
        known = message_for(exc) or str(exc)
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "自动备份未完成：{error}").format(error=known), 60_000
        )

    def check() -> None:
        run_in_background(job, done, failed)

    timer.timeout.connect(check)
    timer.start()
    QTimer.singleShot(BACKUP_FIRST_CHECK_MS, timer, check)
    window.backup_timer = timer


def _tabs_for(actor: Actor) -> list[str]:
    """What each role needs today, in the order it works (one screen, one job).

    网上申请 (一网办) is the clerk's own tab right after 综合受理: one list, one job; a taken
    application opens in 综合受理. 监管反馈 (审管联动) follows the review queue for the reviewers
    (their department's) and the hall admins (every department's).
    """
    tabs: list[str] = []
    if actor.can(Permission.INTAKE):
        tabs.append("intake")
        tabs.append("online")
    if actor.can(Permission.REVIEW) or actor.role is Role.HALL_ADMIN:
        tabs.append("review")
        tabs.append("linkage")
    if actor.can(Permission.REVIEW):
        tabs.append("permits")
    if actor.can(Permission.INSPECT):
        tabs.append("inspection")
    if actor.can(Permission.ISSUE):
        tabs.append("issuing")
    if actor.can(Permission.ISSUE) or actor.can(Permission.INTAKE):
        tabs.append("print")
    if actor.can(Permission.READ_AUDIT):
        tabs.append("audit")
    if actor.can(Permission.READ_CASES):
        tabs.append("search")
    if actor.can(Permission.MANAGE_CATALOG):
        tabs.append("rules")
    if actor.role is Role.HALL_ADMIN or actor.role is Role.SYSTEM:
        tabs.append("rectifications")
    if actor.can(Permission.READ_CASES) and actor.role in (Role.HALL_ADMIN, Role.AUDITOR, Role.SYSTEM):
        tabs.append("ledger")
    if actor.can(Permission.VERIFY):
        tabs.append("verify")
    return tabs


def run(
    open_services: Callable[[], Services],
    db_label: str,
    *,
    exit_when_ready: bool = False,
    after_open: Callable[[Services], object] | None = None,
) -> int:
    """Show the login screen at once; open and check the database behind it."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    collect_on_gui_thread()  # cycles holding Qt objects are never collected on a pool thread
    font = app.font()
    family = load_shipped_font()
    if family:
        font.setFamilies([family, *font.families()])
    font.setPointSize(max(12, font.pointSize()))  # readable at the counter: at least 12 pt
    app.setFont(font)
    install(saved_language())
    login = LoginDialog(None, demo=False)
    login.show()
    if exit_when_ready:
        QTimer.singleShot(0, lambda: app.exit(0))
        return int(app.exec())
    state: dict[str, Services] = {}

    def open_and_check() -> tuple[Services, bool]:  # on a pool thread
        from desktop.services import setup

        services = open_services()
        return services, setup.is_demo(services)

    def opened(result: tuple[Services, bool]) -> None:
        services, demo = result
        state["services"] = services
        login.set_services(services, demo)
        if after_open is not None:
            run_in_background(
                lambda: after_open(services), lambda _r: None, lambda exc: show_error(login, exc)
            )

    def failed(exc: BaseException) -> None:
        known = message_for(exc)
        if known is None:
            show_error(login, exc)
            known = "程序内部错误，无法打开数据库"
        login.set_startup_error(known)

    run_in_background(open_and_check, opened, failed)
    windows: list[MainWindow] = []

    def logged_in(_result: int) -> None:
        user = login.user
        if user is None or "services" not in state:
            app.quit()
            return
        services = state["services"]

        def show(facts: WindowFacts) -> None:
            window = MainWindow(services, db_label, user=user, facts=facts)
            windows.append(window)
            window.show()

        run_in_background(lambda: gather_facts(services, user), show, lambda exc: show_error(None, exc))

    login.finished.connect(logged_in)
    code = int(app.exec())
    wait_for_background()
    return code
