"""Idle lock: after N minutes without keyboard or mouse input the screen locks; the user's own
password unlocks it. Nothing on screen is closed, so an intake in progress stays as it was (and
its draft is saved anyway)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.users import Role, User
from desktop.services import settings, users
from desktop.services.base import Services
from ui.errors import message_for
from ui.tasks import run_in_background

DEFAULT_MINUTES = {Role.CLERK: 15, Role.REVIEWER: 5}
OTHER_MINUTES = 15
_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def idle_minutes(services: Services, role: Role) -> int:
    """Configured per role with `onewindow setting set idle_lock_clerk 20` (and _reviewer, _other)."""
    key = {Role.CLERK: "idle_lock_clerk", Role.REVIEWER: "idle_lock_reviewer"}.get(role, "idle_lock_other")
    try:
        return max(1, int(settings.read(services, key)))
    except ValueError:
        return DEFAULT_MINUTES.get(role, OTHER_MINUTES)


class LockDialog(QDialog):
    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("已锁定"))
        self._services = services
        self._user = user
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._on_unlock)
        self.message = QLabel(
            self.tr("长时间未操作，屏幕已锁定。请 {user} 输入密码解锁。").format(
                user=user.display_name or user.username
            ),
            self,
        )
        self.message.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("解锁"), self)
        self.unlock_button.clicked.connect(self._on_unlock)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.password)
        layout.addWidget(self.unlock_button)

    def reject(self) -> None:  # Esc does not unlock
        return

    def _on_unlock(self) -> None:
        services, name, password = self._services, self._user.username, self.password.text()
        self.unlock_button.setEnabled(False)
        run_in_background(
            lambda: users.login(services, name, password), lambda _u: self.accept(), self._on_failed
        )

    def _on_failed(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.message.setText(message_for(exc) or self.tr("解锁失败"))


class IdleLock(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QWidget, services: Services, user: User, minutes: float) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._user = user
        self.dialog: LockDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT_EVENTS and self.dialog is None:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.dialog is not None:
            return
        self.dialog = LockDialog(self._services, self._user, self._window)
        self.dialog.accepted.connect(self._on_unlocked)
        self.dialog.open()
        self.locked.emit()

    def _on_unlocked(self) -> None:
        self.dialog = None
        self.timer.start()
        self.unlocked.emit()
