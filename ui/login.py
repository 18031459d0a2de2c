"""登录: username and password; an account created by an admin changes its password first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.users import User

if TYPE_CHECKING:
    from desktop.services.base import Services
from ui.errors import message_for, show_error
from ui.i18n import LANGUAGES, install, save_language, saved_language
from ui.tasks import run_in_background


class LoginDialog(QDialog):
    def __init__(self, services: Services | None, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.user: User | None = None
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(saved_language()))
        self.language.currentIndexChanged.connect(self._on_language)
        self.message = QLabel(self)
        self.message.setStyleSheet("color:#b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.login_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_login)
        buttons.rejected.connect(self.reject)
        self.username.returnPressed.connect(self.password.setFocus)
        self.form = QFormLayout()
        self.form.addRow("", self.username)
        self.form.addRow("", self.password)
        self.form.addRow("", self.language)
        layout = QVBoxLayout(self)
        self.banner = QLabel(self)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet("background:#b00020;color:white;font-weight:bold;padding:6px;")
        self.banner.setVisible(demo)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.retranslate()
        self.username.setFocus()
        if services is None:
            self.login_button.setEnabled(False)
            self.message.setText(self.tr("正在打开数据库…"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("一窗通 · 登录"))
        self.login_button.setText(self.tr("登录"))
        self.quit_button.setText(self.tr("退出"))
        self.banner.setText(self.tr("演示环境 — 演示账户密码均为 demo"))
        for row, text in enumerate((self.tr("用户名："), self.tr("密码："), self.tr("语言 Language："))):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = label.widget() if label is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)

    def _on_language(self, _index: int) -> None:
        code = str(self.language.currentData())
        if install(code):
            save_language(code)
        self.retranslate()

    def set_services(self, services: Services, demo: bool) -> None:
        """The database is open (checked after the login screen was shown): logging in may start."""
        self._services = services
        self.banner.setVisible(demo)
        self.login_button.setEnabled(True)
        self.message.setText("")

    def set_startup_error(self, message: str) -> None:
        self.login_button.setEnabled(False)
        self.message.setText(message)

    def _on_login(self) -> None:
        if self._services is None:
            return
        services = self._services
        name, password = self.username.text().strip(), self.password.text()
        if not name or not password:
            self.message.setText(self.tr("请输入用户名和密码"))
            return
        self.login_button.setEnabled(False)
        self.message.setText(self.tr("正在登录…"))
        from desktop.services import users

        run_in_background(lambda: users.login(services, name, password), self._on_ok, self._on_failed)

    def _on_ok(self, user: User) -> None:
        self.login_button.setEnabled(True)
        if user.must_change_password and not self._change_password(user):
            self.message.setText(self.tr("首次登录必须修改密码"))
            return
        self.user = user
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.password.clear()
        known = message_for(exc)
        if known is None:
            show_error(self, exc)
            return
        self.message.setText(known)

    def _change_password(self, user: User) -> bool:
        from desktop.services import users

        dialog = ChangePasswordDialog(self)
        services = self._services
        assert services is not None
        old = self.password.text()
        while dialog.exec() == QDialog.DialogCode.Accepted:
            new = dialog.new_password()
            outcome: list[BaseException | None] = []
            waiting = QEventLoop()

            def finish(
                result: BaseException | None,
                outcome: list[BaseException | None] = outcome,
                waiting: QEventLoop = waiting,
            ) -> None:
                outcome.append(result)
                waiting.quit()

            # The change is written on a pool thread; the dialog stays responsive meanwhile.
            run_in_background(
                lambda new=new: users.change_password(services, user.as_actor(), old, new),  # type: ignore[misc]
                lambda _r: finish(None),
                finish,
            )
            if not outcome:
                waiting.exec()
            if outcome[0] is not None:
                dialog.message.setText(message_for(outcome[0]) or str(outcome[0]))
                continue
            user.must_change_password = False
            return True
        return False


class ChangePasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("首次登录：请修改密码"))
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self.tr("密码至少 8 位，须同时包含字母和数字"), self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("新密码："), self.first)
        form.addRow(self.tr("再输一次："), self.second)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def new_password(self) -> str:
        return self.first.text()

    def _on_ok(self) -> None:
        if self.first.text() != self.second.text():
            self.message.setText(self.tr("两次输入的密码不一致"))
            return
        self.accept()
