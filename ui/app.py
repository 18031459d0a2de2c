"""The Qt application shell. Until the counter workbench lands this is a bare main window that
shows which database and catalog version it runs on, and marks a demo database unmistakably."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSizePolicy, QVBoxLayout, QWidget

from desktop.services import catalog, setup
from desktop.services.base import Services


class MainWindow(QMainWindow):
    def __init__(self, services: Services | None, db_label: str, startup_error: str = "") -> None:
        super().__init__()
        self.setWindowTitle("一窗通 OneWindow")
        self.resize(1024, 700)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        demo = services is not None and setup.is_demo(services)
        if demo:
            self.demo_banner = QLabel("演示环境 — 数据仅供演示，不具法律效力", central)
            self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.demo_banner.setStyleSheet("background:#b00020;color:white;font-weight:bold;padding:6px;")
            self.demo_banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            layout.addWidget(self.demo_banner)
        layout.addStretch(1)
        title = QLabel("一窗通 · 证照分离改革窗口", central)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size:20pt;font-weight:bold;")
        layout.addWidget(title)
        self.message = QLabel(central)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(2)
        self.setCentralWidget(central)

        version = "—"
        if services is not None:
            try:
                version = catalog.current(services).version.label
                self.message.setText("综合受理、分类审批与统一出件界面即将在此提供。")
            except Exception as exc:  # shown, never raised: the window must still open
                self.message.setText(str(exc))
        else:
            self.message.setText(startup_error)
        self.statusBar().showMessage(f"未登录 · 数据库：{db_label} · 事项清单：{version} · 同步：未启用")


def run(services: Services | None, db_label: str, startup_error: str = "") -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    font = app.font()
    font.setPointSize(max(12, font.pointSize()))  # readable at the counter: at least 12 pt
    app.setFont(font)
    window = MainWindow(services, db_label, startup_error)
    window.show()
    return int(app.exec())
