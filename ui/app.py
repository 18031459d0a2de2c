"""The Qt application shell: login, then the screens the role needs. The status bar always says
who is logged in, which window and database, the catalog version and the sync state; a demo
database is marked on every screen."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.users import Permission, User
from desktop.services import catalog, setup
from desktop.services.base import Services
from ui.fonts import load_shipped_font
from ui.login import LoginDialog
from ui.print_station import PrintStation
from ui.verify_screen import VerifyScreen


class MainWindow(QMainWindow):
    def __init__(
        self, services: Services | None, db_label: str, startup_error: str = "", user: User | None = None
    ) -> None:
        super().__init__()
        self.setWindowTitle("一窗通 OneWindow")
        self.resize(1200, 800)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        demo = services is not None and setup.is_demo(services)
        if demo:
            self.demo_banner = QLabel("演示环境 — 数据仅供演示，不具法律效力", central)
            self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.demo_banner.setStyleSheet("background:#b00020;color:white;font-weight:bold;padding:6px;")
            self.demo_banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            layout.addWidget(self.demo_banner)
        self.tabs = QTabWidget(central)
        self.message = QLabel(central)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        version = "—"
        if services is not None:
            try:
                version = catalog.current(services).version.label
            except Exception as exc:  # shown, never raised: the window must still open
                self.message.setText(str(exc))
        else:
            self.message.setText(startup_error)
        if services is not None and user is not None:
            actor = user.as_actor()
            if actor.can(Permission.ISSUE) or actor.can(Permission.INTAKE):
                self.print_station = PrintStation(services, actor, self)
                self.tabs.addTab(self.print_station, "打印中心")
            if actor.can(Permission.VERIFY):
                self.verify_screen = VerifyScreen(services, actor, self)
                self.tabs.addTab(self.verify_screen, "证照验证")
            if self.tabs.count() == 0:
                self.message.setText("综合受理、分类审批等工作台将在此提供。")
        who = f"{user.display_name or user.username}（{user.role.label}）" if user else "未登录"
        window = services.window_number if services else "—"
        self.statusBar().showMessage(
            f"{who} · 窗口 {window} · 数据库：{db_label} · 事项清单：{version} · 同步：未启用"
        )


def run(services: Services | None, db_label: str, startup_error: str = "") -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    font = app.font()
    family = load_shipped_font()
    if family:
        font.setFamilies([family, *font.families()])
    font.setPointSize(max(12, font.pointSize()))  # readable at the counter: at least 12 pt
    app.setFont(font)
    user: User | None = None
    if services is not None:
        login = LoginDialog(services, setup.is_demo(services))
        if login.exec() != QDialog.DialogCode.Accepted:
            return 0
        user = login.user
    window = MainWindow(services, db_label, startup_error, user)
    window.show()
    return int(app.exec())
