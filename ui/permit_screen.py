"""证照管理 (the approving department's reviewers): find a permit, see its status and lifecycle
history, and decide on it — 暂扣 (until a date), 解除暂扣, 撤销, 吊销, 注销, 延续, 变更.

A permit is found by its number (typed, or scanned: a scanner ends with Enter) or through the
cases of an enterprise (USCC or name). Only the actions its current status allows are enabled;
who may decide (the approving department) is the service's rule, and its refusal is shown in the
decision dialog, which stays open with everything typed so nothing has to be typed again. Every
decision needs its facts, reasons and basis (理由). The history covers the permit and the permits
it replaced (延续/变更), oldest first, in China Standard Time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from html import escape
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.after_approval import LifecycleAction
from desktop.domain.permits import PermitStatus
from desktop.domain.users import Actor
from desktop.services import lifecycle, supervision
from desktop.services.base import Services
from desktop.services.lifecycle import LifecycleResult
from desktop.services.supervision import PermitSummary, PermitView
from ui.errors import message_for, report_failure, show_error
from ui.formatting import local_time
from ui.tasks import run_in_background

_KEY = Qt.ItemDataRole.UserRole
RED = "#b00020"
AMBER = "#8a5a00"
GREEN = "#1b5e20"
STATUS_COLOURS = {  # colour only repeats the word
    PermitStatus.VALID: GREEN,
    PermitStatus.SUSPENDED: AMBER,
    PermitStatus.EXPIRED: AMBER,
}
ACTIONS = (
    LifecycleAction.SUSPEND,
    LifecycleAction.REINSTATE,
    LifecycleAction.ANNUL,
    LifecycleAction.REVOKE,
    LifecycleAction.DEREGISTER,
    LifecycleAction.RENEW,
    LifecycleAction.CHANGE,
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DecisionDialog(QDialog):
    """One lifecycle decision on one permit: its reason, and what the action needs besides (the
    end of a suspension, the new validity of a renewal, the changed holder details). The screen
    runs the command; a refusal lands in ``message`` and the dialog stays open."""

    submitted = Signal()

    def __init__(
        self, action: LifecycleAction, view: PermitView, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.action = action
        self.view = view
        self._busy = False
        self.setWindowTitle(
            self.tr("{action}许可证 {number}").format(
                action=self.action_label(action), number=view.permit.number
            )
        )
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "{matter}　{holder}（{uscc}）\n当前状态：{status}　作出许可决定的部门：{department}"
            ).format(
                matter=view.matter_name,
                holder=view.enterprise.name if view.enterprise else "",
                uscc=view.permit.uscc,
                status=view.status.label,
                department=view.department,
            ),
            self,
        )
        intro.setWordWrap(True)
        consequence = QLabel(self.consequence(action), self)
        consequence.setWordWrap(True)
        form = QFormLayout()
        self.until: QDateEdit | None = None
        self.valid_until: QDateEdit | None = None
        self.set_valid_until: QCheckBox | None = None
        self.false_commitment: QCheckBox | None = None
        self.fields: dict[str, QLineEdit] = {}
        if action is LifecycleAction.SUSPEND:
            self.until = QDateEdit(_qdate(today + timedelta(days=30)), self)
            self.until.setCalendarPopup(True)
            self.until.setDisplayFormat("yyyy-MM-dd")
            self.until.setMinimumDate(_qdate(today + timedelta(days=1)))
            form.addRow(self.tr("暂扣至："), self.until)
        elif action is LifecycleAction.RENEW:
            self.set_valid_until = QCheckBox(self.tr("指定延续后的有效期（不勾选则自今日起 5 年）"), self)
            self.valid_until = QDateEdit(_qdate(_five_years_on(today)), self)
            self.valid_until.setCalendarPopup(True)
            self.valid_until.setDisplayFormat("yyyy-MM-dd")
            self.valid_until.setMinimumDate(_qdate(today + timedelta(days=1)))
            self.valid_until.setEnabled(False)
            self.set_valid_until.toggled.connect(self.valid_until.setEnabled)
            form.addRow(self.set_valid_until)
            form.addRow(self.tr("有效期至："), self.valid_until)
        elif action is LifecycleAction.CHANGE:
            holder = view.enterprise
            current = {
                "name": holder.name if holder else "",
                "address": holder.address if holder else "",
                "legal_representative": holder.legal_representative if holder else "",
            }
            for key, label in (
                ("name", self.tr("名称：")),
                ("address", self.tr("经营场所/住所：")),
                ("legal_representative", self.tr("法定代表人：")),
            ):
                edit = QLineEdit(current[key], self)
                edit.setProperty("original", current[key])
                self.fields[key] = edit
                form.addRow(label, edit)
        elif action is LifecycleAction.ANNUL:
            self.false_commitment = QCheckBox(self.tr("以虚假承诺取得许可（记入信用记录）"), self)
            form.addRow(self.false_commitment)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("作出决定的事实、理由和依据（必填），回车提交"))
        form.addRow(self.tr("理由："), self.reason)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color:{RED};")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确定{action}").format(action=self.action_label(action)))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消 (Esc)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(consequence)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        first: QWidget = self.until or next(iter(self.fields.values()), None) or self.reason
        first.setFocus()

    def action_label(self, action: LifecycleAction) -> str:
        return {
            LifecycleAction.SUSPEND: self.tr("暂扣"),
            LifecycleAction.REINSTATE: self.tr("解除暂扣"),
            LifecycleAction.ANNUL: self.tr("撤销"),
            LifecycleAction.REVOKE: self.tr("吊销"),
            LifecycleAction.DEREGISTER: self.tr("注销"),
            LifecycleAction.RENEW: self.tr("延续"),
            LifecycleAction.CHANGE: self.tr("变更"),
        }[action]

    def consequence(self, action: LifecycleAction) -> str:
        return {
            LifecycleAction.SUSPEND: self.tr(
                "暂扣期间许可证状态为“暂扣”，扫码验证显示已暂扣；期满或原因消除后解除暂扣。"
            ),
            LifecycleAction.REINSTATE: self.tr("解除暂扣后许可证恢复有效。"),
            LifecycleAction.ANNUL: self.tr("撤销后许可证失去效力（状态“撤销”），不可恢复。"),
            LifecycleAction.REVOKE: self.tr(
                "吊销是行政处罚：许可证状态“吊销”，并记入市场主体信用记录，不可恢复。"
            ),
            LifecycleAction.DEREGISTER: self.tr("注销后许可证不再有效（状态“注销”），不可恢复。"),
            LifecycleAction.RENEW: self.tr("延续将换发新许可证编号，原证状态改为“其他（延续换发）”。"),
            LifecycleAction.CHANGE: self.tr(
                "变更将更新市场主体登记信息并换发新许可证编号，原证状态改为“其他（变更换发）”。"
            ),
        }[action]

    def changes(self) -> dict[str, str]:
        """The holder details that differ from what is on record (变更)."""
        return {
            key: edit.text().strip()
            for key, edit in self.fields.items()
            if edit.text().strip() != str(edit.property("original"))
        }

    def accept(self) -> None:
        """Enter or 确定: check what can be checked here, then hand over to the screen."""
        if not self.ok_button.isEnabled():
            return
        if not self.reason.text().strip():
            self.show_message(self.tr("请填写决定的事实、理由和依据"))
            self.reason.setFocus()
            return
        if self.action is LifecycleAction.CHANGE and not self.changes():
            self.show_message(self.tr("没有任何事项发生变化，无需变更"))
            return
        self.show_message("")
        self.set_busy(True)
        self.submitted.emit()

    def reject(self) -> None:
        """Cancel/Esc: not while the decision is being submitted (it cannot be called back, and
        its outcome must still reach the screen)."""
        if self._busy:
            self.show_message(self.tr("正在提交，请稍候…"))
            return
        super().reject()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        if busy:
            self.ok_button.setText(self.tr("正在提交…"))
        else:
            self.ok_button.setText(self.tr("确定{action}").format(action=self.action_label(self.action)))

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def refused(self, text: str) -> None:
        """The service said no: say why, keep everything typed."""
        self.set_busy(False)
        self.show_message(text)
        self.reason.setFocus()

    def done_ok(self) -> None:
        super().accept()


def _five_years_on(today: date) -> date:
    """The day before the fifth anniversary (29 February → 28 February five years on)."""
    try:
        anniversary = today.replace(year=today.year + 5)
    except ValueError:  # 29 February
        anniversary = date(today.year + 5, 3, 1)
    return anniversary - timedelta(days=1)


class PermitScreen(QWidget):
    found = Signal(int)  # permits found by a search
    loaded = Signal(str)  # permit number now shown
    decided = Signal(str, str)  # action value, permit number

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.view: PermitView | None = None
        self.results: list[PermitSummary] = []
        self.dialog: DecisionDialog | None = None
        self._generation = 0

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("扫描或输入许可证编号；也可输入统一社会信用代码或市场主体名称，回车查询")
        )
        self.search.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("查询"), self)
        self.result_table = QTableWidget(0, 6, self)
        self.result_table.setHorizontalHeaderLabels(
            [
                self.tr("许可证号"),
                self.tr("事项"),
                self.tr("市场主体"),
                self.tr("统一社会信用代码"),
                self.tr("状态"),
                self.tr("审批部门"),
            ]
        )
        self._setup_table(self.result_table, 1)
        self.result_table.setMaximumHeight(160)
        self.result_table.setVisible(False)

        self.status_label = QLabel(self)
        self.status_label.setStyleSheet("font-size:16pt;font-weight:bold;")
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.detail.linkActivated.connect(self.load)

        self.action_buttons: dict[LifecycleAction, QPushButton] = {}
        actions_row = QHBoxLayout()
        for action in ACTIONS:
            button = QPushButton(self.button_text(action), self)
            button.clicked.connect(lambda _checked=False, a=action: self.open_decision(a))
            button.setEnabled(False)
            self.action_buttons[action] = button
            actions_row.addWidget(button)
        actions_row.addStretch(1)

        self.history_title = QLabel(self.tr("状态变更记录"), self)
        self.history_title.setStyleSheet("font-weight:bold;")
        self.history = QTableWidget(0, 7, self)
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("时间"),
                self.tr("许可证号"),
                self.tr("决定"),
                self.tr("状态变化"),
                self.tr("理由"),
                self.tr("决定人"),
                self.tr("说明"),
            ]
        )
        self._setup_table(self.history, 4)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        search_row = QHBoxLayout()
        search_row.addWidget(QLabel(self.tr("许可证："), self))
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.result_table)
        layout.addWidget(self.status_label)
        layout.addWidget(self.detail)
        layout.addLayout(actions_row)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.message)

        self.search.returnPressed.connect(self.find_permit)
        self.search_button.clicked.connect(self.find_permit)
        self.result_table.itemSelectionChanged.connect(self._on_result_selected)
        self._show(None)
        self.search.setFocus()

    @staticmethod
    def _setup_table(table: QTableWidget, stretch: int) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def button_text(self, action: LifecycleAction) -> str:
        return {
            LifecycleAction.SUSPEND: self.tr("暂扣…"),
            LifecycleAction.REINSTATE: self.tr("解除暂扣…"),
            LifecycleAction.ANNUL: self.tr("撤销…"),
            LifecycleAction.REVOKE: self.tr("吊销…"),
            LifecycleAction.DEREGISTER: self.tr("注销…"),
            LifecycleAction.RENEW: self.tr("延续…"),
            LifecycleAction.CHANGE: self.tr("变更…"),
        }[action]

    def status_text(self, status: PermitStatus) -> str:
        return {
            PermitStatus.VALID: self.tr("有效"),
            PermitStatus.SUSPENDED: self.tr("暂扣"),
            PermitStatus.ANNULLED: self.tr("撤销"),
            PermitStatus.DEREGISTERED: self.tr("注销"),
            PermitStatus.EXPIRED: self.tr("失效"),
            PermitStatus.REVOKED: self.tr("吊销"),
            PermitStatus.OTHER: self.tr("其他"),
        }[status]

    # -- finding ------------------------------------------------------------------------------------
    def find_permit(self) -> None:
        text = self.search.text().strip()
        if not text:
            self._say(self.tr("请输入或扫描许可证编号"), error=True)
            return
        services, actor = self._services, self._actor
        self._generation += 1
        generation = self._generation
        self._say(self.tr("正在查询…"))

        def listed(found: list[PermitSummary]) -> None:
            if generation == self._generation:
                self._on_found(found)

        run_in_background(lambda: supervision.find_permits(services, actor, text), listed, self._on_failed)

    def _on_found(self, found: list[PermitSummary]) -> None:
        self.results = found
        self.result_table.blockSignals(True)
        self.result_table.setRowCount(len(found))
        for r, item in enumerate(found):
            values = [
                item.number,
                item.matter_name,
                item.enterprise_name,
                item.uscc,
                self.status_text(item.status),
                item.department,
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(_KEY, item.number)
                self.result_table.setItem(r, c, cell)
        self.result_table.clearSelection()
        self.result_table.blockSignals(False)
        self.result_table.setVisible(len(found) > 1)
        self.found.emit(len(found))
        if not found:
            self._show(None)
            self._say(self.tr("没有找到“{text}”的许可证").format(text=self.search.text().strip()), error=True)
        elif len(found) == 1:
            self.load(found[0].number)
        else:
            self._say(self.tr("找到 {count} 个许可证，请选择一个").format(count=len(found)))
            self.result_table.setFocus()

    def _on_result_selected(self) -> None:
        row = self.result_table.currentRow()
        if 0 <= row < len(self.results) and self.result_table.selectedItems():
            self.load(self.results[row].number)

    def load(self, number: str) -> None:
        """Show a permit (its number, as typed or linked)."""
        services, actor = self._services, self._actor
        self._generation += 1
        generation = self._generation

        def shown(view: PermitView) -> None:
            if generation == self._generation:
                self._show(view)
                self._say("")
                self.loaded.emit(view.permit.number)

        run_in_background(lambda: supervision.permit_view(services, actor, number), shown, self._on_failed)

    def reload(self, note: str = "") -> None:
        if self.view is None:
            return
        services, actor, number = self._services, self._actor, self.view.permit.number
        self._generation += 1
        generation = self._generation

        def shown(view: PermitView) -> None:
            if generation == self._generation:
                self._show(view)
                self._say(note)
                self.loaded.emit(view.permit.number)

        run_in_background(lambda: supervision.permit_view(services, actor, number), shown, self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        report_failure(self, exc, lambda known: self._say(known, error=True))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color:{RED};" if error else "")

    # -- showing ------------------------------------------------------------------------------------
    def _show(self, view: PermitView | None) -> None:
        self.view = view
        if view is None:
            self.status_label.clear()
            self.detail.setText(self.tr("扫描或输入许可证编号后按回车"))
            self.history.setRowCount(0)
            for button in self.action_buttons.values():
                button.setEnabled(False)
            return
        permit = view.permit
        colour = STATUS_COLOURS.get(view.status, RED)
        status = self.status_text(view.status)
        suspended = [e for e in view.history if e.permit_number == permit.number and e.until]
        if view.status is PermitStatus.SUSPENDED and suspended and suspended[-1].until:
            status = self.tr("{status}（至 {day}）").format(
                status=status, day=suspended[-1].until.isoformat()
            )
        self.status_label.setText(
            self.tr("许可证 {number}　状态：{status}").format(number=permit.number, status=status)
        )
        self.status_label.setStyleSheet(f"font-size:16pt;font-weight:bold;color:{colour};")
        holder = view.enterprise
        rows: list[tuple[str, str]] = [
            (self.tr("许可事项"), escape(f"{view.matter_name}（{permit.matter_code}）")),
            (
                self.tr("持证主体"),
                escape(f"{holder.name if holder else ''}（{permit.uscc}）"),
            ),
            (
                self.tr("有效期"),
                _html(
                    self.tr("{start} 至 {end}"),
                    start=permit.valid_from.isoformat(),
                    end=permit.valid_until.isoformat() if permit.valid_until else self.tr("长期"),
                ),
            ),
            (
                self.tr("发证时间"),
                _html(
                    self.tr("{issued}（办件 {application}）"),
                    issued=local_time(permit.issued_at),
                    application=view.application_number,
                ),
            ),
            (self.tr("作出许可决定的部门"), escape(view.department)),
            (self.tr("主管（监管）部门"), escape(view.competent_department)),
        ]
        if permit.status_reason:
            rows.append((self.tr("状态说明"), escape(permit.status_reason)))
        if view.licences:
            rows.append((self.tr("行业综合许可证"), escape("、".join(view.licences))))
        if permit.previous_number:
            rows.append((self.tr("原证"), _link(permit.previous_number)))
        if view.successor:
            rows.append((self.tr("已换发新证"), _link(view.successor)))
        html = "<table cellspacing='0' cellpadding='1'>" + "".join(
            f"<tr><td style='color:#555;padding-right:12px'>{escape(label)}</td><td>{value}</td></tr>"
            for label, value in rows
        )
        html += "</table>"
        if self._actor.department and self._actor.department != view.department:
            note = _html(
                self.tr("本证由{department}作出许可决定，状态变更须由该部门审批人员办理。"),
                department=view.department,
            )
            html += f"<p style='color:{AMBER}'>{note}</p>"
        self.detail.setText(html)
        for action, button in self.action_buttons.items():
            button.setEnabled(action in view.allowed)
        self.history.setRowCount(len(view.history))
        for r, event in enumerate(view.history):
            notes = []
            if event.until:
                notes.append(self.tr("暂扣至 {day}").format(day=event.until.isoformat()))
            if event.new_number:
                notes.append(self.tr("新证 {number}").format(number=event.new_number))
            changes = event.detail.get("changes") if event.detail else None
            if isinstance(changes, dict):
                for key, pair in changes.items():
                    if isinstance(pair, list) and len(pair) == 2:
                        notes.append(f"{lifecycle.CHANGE_FIELDS.get(key, key)}：{pair[0]} → {pair[1]}")
            values = [
                local_time(event.at),
                event.permit_number,
                event.action.label,
                f"{self.status_text(event.from_status)} → {self.status_text(event.to_status)}",
                event.reason,
                event.actor,
                "；".join(notes),
            ]
            for c, value in enumerate(values):
                self.history.setItem(r, c, QTableWidgetItem(value))
        if not view.history:
            self.history_title.setText(self.tr("状态变更记录：暂无（自发证以来状态未变）"))
        else:
            self.history_title.setText(self.tr("状态变更记录（{count} 条）").format(count=len(view.history)))

    # -- deciding -----------------------------------------------------------------------------------
    def open_decision(self, action: LifecycleAction) -> DecisionDialog | None:
        """Open the dialog for ``action`` on the permit shown (window-modal; returns it)."""
        view = self.view
        if view is None:
            self._say(self.tr("请先查询并选择一个许可证"), error=True)
            return None
        dialog = DecisionDialog(action, view, self._services.clock.today(), self)
        dialog.submitted.connect(lambda: self._submit(dialog))
        dialog.finished.connect(lambda _code: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: DecisionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _submit(self, dialog: DecisionDialog) -> None:
        op = self._command(dialog)

        def succeeded(result: LifecycleResult) -> None:
            dialog.done_ok()
            self._on_decided(dialog.action, result)

        def failed(exc: BaseException) -> None:
            known = message_for(exc)
            if known is None:
                dialog.refused(self.tr("程序出现内部错误，已填写的内容仍保留。"))
                show_error(self, exc)
                return
            dialog.refused(known)

        run_in_background(op, succeeded, failed)

    def _command(self, dialog: DecisionDialog) -> Callable[[], Any]:
        services, actor = self._services, self._actor
        number, reason, action = dialog.view.permit.number, dialog.reason.text(), dialog.action
        if action is LifecycleAction.SUSPEND:
            assert dialog.until is not None
            until = _pydate(dialog.until.date())
            return lambda: lifecycle.suspend(services, actor, number, reason, until)
        if action is LifecycleAction.REINSTATE:
            return lambda: lifecycle.reinstate(services, actor, number, reason)
        if action is LifecycleAction.ANNUL:
            false = bool(dialog.false_commitment and dialog.false_commitment.isChecked())
            return lambda: lifecycle.annul(services, actor, number, reason, false)
        if action is LifecycleAction.REVOKE:
            return lambda: lifecycle.revoke(services, actor, number, reason)
        if action is LifecycleAction.DEREGISTER:
            return lambda: lifecycle.deregister(services, actor, number, reason)
        if action is LifecycleAction.RENEW:
            chosen = dialog.set_valid_until is not None and dialog.set_valid_until.isChecked()
            valid_until = _pydate(dialog.valid_until.date()) if chosen and dialog.valid_until else None
            return lambda: lifecycle.renew(services, actor, number, reason, valid_until)
        changes = dialog.changes()
        return lambda: lifecycle.change(services, actor, number, changes, reason)

    def _on_decided(self, action: LifecycleAction, result: LifecycleResult) -> None:
        permit = result.permit
        if result.new_permit is not None:
            note = self.tr(
                "已{action}许可证 {number}，换发新证 {new}。已出具行业综合许可证的，"
                "请通知出件窗口“作废重出”，新证将载明新许可证"
            ).format(action=result.event.action.label, number=permit.number, new=result.new_permit.number)
        elif result.event.until is not None:
            note = self.tr("已暂扣许可证 {number}，至 {day}").format(
                number=permit.number, day=result.event.until.isoformat()
            )
        else:
            note = self.tr("已{action}许可证 {number}，当前状态：{status}").format(
                action=result.event.action.label, number=permit.number, status=self.status_text(permit.status)
            )
        if result.credit is not None:
            note += self.tr("；已记入信用记录")
        self.decided.emit(action.value, permit.number)
        self.reload(note)


def _link(number: str) -> str:
    return f'<a href="{escape(number)}">{escape(number)}</a>'


def _html(template: str, **values: str) -> str:
    """One line of the detail label as rich text: template and values escaped."""
    return escape(template).format(**{k: escape(v) for k, v in values.items()})
