"""主管覆盖: a hall admin lets a USCC with a wrong check character through intake — or lets new
intake go on today while it is paused because the catalog has not been synced for too long
(授权继续受理, ``FreezeOverrideDialog``).

The supervisor types their own username and password at the clerk's counter (checked like a
login) and a reason; only a 大厅管理员 may override, and the override is audited under the
supervisor's name. Esc cancels.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError, PermissionDenied
from desktop.domain.users import Actor, Permission, Role, User
from desktop.services import intake, syncing, users
from desktop.services.base import Services
from ui.errors import message_for, show_error
from ui.tasks import run_in_background


def _hall_admin(services: Services, username: str, password: str, not_admin: str, unchanged: str) -> User:
    """The hall admin at the clerk's window, by their own password (messages say for what)."""
    user = users.login(services, username, password)
    if user.role is not Role.HALL_ADMIN:
        raise PermissionDenied(not_admin.format(user=user.username, role=user.role.label))
    if user.must_change_password:
        raise DomainError(unchanged)
    return user


def override_as_supervisor(services: Services, username: str, password: str, uscc: str, reason: str) -> str:
    """Check the supervisor's own password, then record the override as that supervisor."""
    user = _hall_admin(
        services,
        username,
        password,
        QCoreApplication.translate("IntakeWizard", "只有大厅管理员可以覆盖校验警告；{user} 是{role}"),
        QCoreApplication.translate(
            "IntakeWizard", "该主管账户尚未修改初始密码，请先登录系统修改密码后再覆盖"
        ),
    )
    intake.override_uscc_warning(services, user.as_actor(), uscc, reason)
    return user.username


class OverrideDialog(QDialog):
    overridden = Signal(str, str)  # supervisor username, reason

    def __init__(self, services: Services, uscc: str, warning: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("主管覆盖校验警告"))
        self.setMinimumWidth(520)
        self._services = services
        self.uscc = uscc
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("如：核对营业执照原件，代码为登记机关早期发放"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#b00020;")
        intro = QLabel(
            self.tr(
                "统一社会信用代码 {uscc}\n{warning}\n\n如已核对营业执照原件、确认代码无误，\n"
                "请大厅管理员输入本人账号和密码，并说明理由。覆盖记入审计日志。"
            ).format(uscc=uscc, warning=warning),
            self,
        )
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("覆盖"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.ok_button, cancel):  # Enter moves through the fields; on the reason it submits
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.reason.setFocus)
        self.reason.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("主管用户名："), self.username)
        form.addRow(self.tr("密码："), self.password)
        form.addRow(self.tr("覆盖理由："), self.reason)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped text is never cut
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.username.setFocus()

    def submit(self) -> None:
        username, password, reason = (
            self.username.text().strip(),
            self.password.text(),
            self.reason.text().strip(),
        )
        if not username or not password:
            self.message.setText(self.tr("请主管输入本人用户名和密码"))
            return
        if len(reason) < intake.MIN_REASON_LENGTH:
            self.message.setText(
                self.tr("请填写覆盖理由（至少 {count} 个字）").format(count=intake.MIN_REASON_LENGTH)
            )
            self.reason.setFocus()
            return
        self.ok_button.setEnabled(False)
        self.message.setText(self.tr("正在核对…"))
        services, uscc = self._services, self.uscc
        run_in_background(
            lambda: override_as_supervisor(services, username, password, uscc, reason),
            lambda who: self._done(str(who), reason),
            self._failed,
        )

    def _done(self, who: str, reason: str) -> None:
        self.message.clear()
        self.password.clear()  # the supervisor's password does not stay in the clerk's window
        self.overridden.emit(who, reason)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.password.clear()
        known = message_for(exc)
        if known is None:
            show_error(self, exc)
            return
        self.message.setText(known)
        self.password.setFocus()


# -- intake freeze ------------------------------------------------------------------------------------
def override_freeze_as_supervisor(services: Services, username: str, password: str, reason: str) -> str:
    """Check the hall admin's own password, then let intake go on today under their name."""
    user = _hall_admin(
        services,
        username,
        password,
        QCoreApplication.translate("IntakeWizard", "只有大厅管理员可以授权继续受理；{user} 是{role}"),
        QCoreApplication.translate(
            "IntakeWizard", "该主管账户尚未修改初始密码，请先登录系统修改密码后再授权"
        ),
    )
    syncing.override_freeze(services, user.as_actor(), reason)
    return user.username


class FreezeOverrideDialog(QDialog):
    """授权继续受理: a hall admin lets new intake go on today although the catalog is too old.

    A hall admin logged in at this window only gives the reason; at a clerk's window the hall admin
    comes to the counter and types their own username and password, as for a USCC warning.
    """

    overridden = Signal(str, str)  # hall admin's username, reason

    def __init__(
        self, services: Services, actor: Actor | None, freeze_reason: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("授权继续受理"))
        self.setMinimumWidth(520)
        self._services = services
        self._actor = actor if actor is not None and actor.can(Permission.OVERRIDE_WARNING) else None
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("如：中心平台网络故障，已电话确认事项清单无变化"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#b00020;")
        if self._actor is None:
            ask = self.tr("请大厅管理员输入本人账号和密码，并说明理由。")
        else:
            ask = self.tr("请说明理由。")
        intro = QLabel(
            self.tr(
                "{reason}\n\n授权后今日可继续受理（事项清单同步成功后自动恢复正常）。\n{ask}授权记入审计日志。"
            ).format(
                reason=freeze_reason or self.tr("事项清单长时间未与中心平台同步，已暂停新受理。"), ask=ask
            ),
            self,
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("授权继续受理"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.ok_button, cancel):  # Enter moves through the fields; on the reason it submits
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.reason.setFocus)
        self.reason.returnPressed.connect(self.submit)
        form = QFormLayout()
        if self._actor is None:
            form.addRow(self.tr("大厅管理员用户名："), self.username)
            form.addRow(self.tr("密码："), self.password)
        else:
            self.username.setVisible(False)
            self.password.setVisible(False)
        form.addRow(self.tr("授权理由："), self.reason)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.username if self._actor is None else self.reason).setFocus()

    def submit(self) -> None:
        username, password, reason = (
            self.username.text().strip(),
            self.password.text(),
            self.reason.text().strip(),
        )
        if self._actor is None and (not username or not password):
            self.message.setText(self.tr("请大厅管理员输入本人用户名和密码"))
            return
        if len(reason) < syncing.MIN_REASON_LENGTH:
            self.message.setText(
                self.tr("请填写授权理由（至少 {count} 个字）").format(count=syncing.MIN_REASON_LENGTH)
            )
            self.reason.setFocus()
            return
        self.ok_button.setEnabled(False)
        self.message.setText(self.tr("正在核对…"))
        services, actor = self._services, self._actor

        def op() -> str:
            if actor is None:
                return override_freeze_as_supervisor(services, username, password, reason)
            syncing.override_freeze(services, actor, reason)
            return actor.username

        run_in_background(op, lambda who: self._done(str(who), reason), self._failed)

    def _done(self, who: str, reason: str) -> None:
        self.message.clear()
        self.password.clear()
        self.overridden.emit(who, reason)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.password.clear()
        known = message_for(exc)
        if known is None:
            show_error(self, exc)
            return
        self.message.setText(known)
        (self.password if self._actor is None else self.reason).setFocus()
