"""监管反馈 (审管联动): what the supervising departments sent back about permits this hall approved.

A reviewer sees their own department's feedback and signs it off (处理/已阅, with a note); a hall
admin sees every department's, to chase what is overdue. Each row says in words where it stands:
逾期反馈 (it reached the counter after its due date), 待处理, 已超期未处理 (still open after its due
date), 已处理 — colour only repeats the words. 显示已处理 brings back what was signed off.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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

from desktop.domain.linkage import SupervisionFeedback
from desktop.domain.users import Actor, Permission
from desktop.services import linkage
from desktop.services.base import Services
from desktop.services.linkage import FeedbackRow
from ui.errors import report_failure
from ui.formatting import local_time
from ui.tasks import run_in_background

_ID_ROLE = Qt.ItemDataRole.UserRole
RED = QColor("#b00020")
AMBER = QColor("#8a5a00")
GREEN = QColor("#1b5e20")


class SupervisionFeedbackScreen(QWidget):
    acknowledged = Signal(str)  # feedback id
    loaded = Signal(int)  # rows shown
    open_count = Signal(int)  # feedback still to deal with (for the tab title)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.rows: list[FeedbackRow] = []
        self._busy = False
        self._done_note = ""  # said once after a sign-off, above the counts
        self._generation = 0  # the latest list asked for
        self.may_acknowledge = actor.can(Permission.REVIEW)

        if actor.can(Permission.REVIEW) and actor.department:
            scope = self.tr("本部门（{department}）收到的监管反馈").format(department=actor.department)
        else:
            scope = self.tr("本大厅各审批部门收到的监管反馈")
        self.heading = QLabel(scope, self)
        self.heading.setStyleSheet("font-weight:bold;")
        self.show_done = QCheckBox(self.tr("显示已处理"), self)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.table = QTableWidget(0, len(self.column_titles()), self)
        self.table.setHorizontalHeaderLabels(self.column_titles())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # rows follow their wrapped text as the columns settle
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("处理说明（可选）：如已约谈整改、已撤销许可"))
        self.ack_button = QPushButton(self.tr("处理/已阅"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.show_done)
        top.addWidget(self.refresh_button)
        action = QHBoxLayout()
        action.addWidget(self.note, 1)
        action.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(action)
        layout.addWidget(self.message)
        if not self.may_acknowledge:  # a hall admin oversees; the department signs off
            self.note.setVisible(False)
            self.ack_button.setVisible(False)

        self.show_done.toggled.connect(lambda _on: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.ack_button.clicked.connect(self.acknowledge_current)
        self.note.returnPressed.connect(self.acknowledge_current)
        self.ack_button.setEnabled(False)
        self.refresh()

    TEXT_COLUMN = 5
    STATUS_COLUMN = 9

    def column_titles(self) -> list[str]:
        return [
            self.tr("证照/许可证号"),
            self.tr("事项"),
            self.tr("审批部门"),
            self.tr("监管部门"),
            self.tr("监管措施"),
            self.tr("反馈内容"),
            self.tr("作出时间"),
            self.tr("反馈时限"),
            self.tr("收到时间"),
            self.tr("状态"),
        ]

    def status_text(self, row: FeedbackRow) -> str:
        """Where the feedback stands, in words."""
        item = row.feedback
        if item.acknowledged:
            return self.tr("已处理（逾期反馈）") if row.late else self.tr("已处理")
        if row.late:
            return self.tr("逾期反馈")
        if row.overdue:
            return self.tr("已超期未处理")
        return self.tr("待处理")

    # -- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        services, actor, open_only = self._services, self._actor, not self.show_done.isChecked()
        self._generation += 1
        generation = self._generation

        def listed(rows: list[FeedbackRow]) -> None:
            if generation == self._generation:  # an older read answering late is dropped
                self._on_listed(rows)

        run_in_background(
            lambda: linkage.feedback(services, actor, open_only),
            listed,
            self._on_failed,
        )

    def _on_listed(self, rows: list[FeedbackRow]) -> None:
        selected = self.current_id()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            item = row.feedback
            number = item.licence or item.permit
            if item.licence and item.permit:
                number = f"{item.licence}\n{item.permit}"
            values = [
                number,
                item.matter,
                item.approving_department,
                item.supervising_department,
                item.measure,
                item.text,
                local_time(item.decided_at),
                _day(item.due_on),
                local_time(item.received_at),
                self.status_text(row),
            ]
            cells = [QTableWidgetItem(value) for value in values]
            for c, cell in enumerate(cells):
                cell.setData(_ID_ROLE, item.id)
                if c == self.TEXT_COLUMN:
                    cell.setToolTip(values[c])
                self.table.setItem(r, c, cell)
            status = cells[self.STATUS_COLUMN]
            colour = GREEN if item.acknowledged else RED if row.overdue and not row.late else None
            if row.late and not item.acknowledged:
                colour = AMBER
            if colour is not None:
                status.setForeground(colour)
            font = status.font()
            font.setBold(not item.acknowledged)
            status.setFont(font)
        open_rows = [r for r in rows if not r.feedback.acknowledged]
        overdue = sum(1 for r in open_rows if r.overdue and not r.late)
        late = sum(1 for r in rows if r.late)
        if rows:
            counts = self.tr(
                "共 {count} 条；待处理 {open} 条，其中已超期未处理 {overdue} 条；逾期反馈 {late} 条"
            ).format(count=len(rows), open=len(open_rows), overdue=overdue, late=late)
        else:
            counts = self.tr("没有待处理的监管反馈")
        self.message.setText("；".join(t for t in (self._done_note, counts) if t))
        self._done_note = ""
        self.select(selected)
        self.loaded.emit(len(rows))
        self.open_count.emit(len(open_rows))

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        report_failure(self, exc, self.message.setText)

    # -- selection and acknowledgement ---------------------------------------------------------------
    def current_id(self) -> str | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows) or not self.table.selectedItems():
            return None
        return self.rows[row].feedback.id

    def current(self) -> SupervisionFeedback | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows) or not self.table.selectedItems():
            return None
        return self.rows[row].feedback

    def select(self, feedback_id: str | None) -> None:
        found = [r for r, row in enumerate(self.rows) if row.feedback.id == feedback_id]
        if found or self.rows:
            self.table.selectRow(found[0] if found else 0)
        self._on_selected()  # also when the same row stays selected with a new status

    def _on_selected(self) -> None:
        item = self.current()
        if item is None:
            self.detail.clear()
            self.ack_button.setEnabled(False)
            return
        lines = [
            self.tr("{department}（{measure}）：{text}").format(
                department=item.supervising_department, measure=item.measure, text=item.text
            )
        ]
        if item.acknowledged:
            lines.append(
                self.tr("已由 {who} 于 {time} 处理{note}").format(
                    who=item.acknowledged_by or "",
                    time=local_time(item.acknowledged_at) if item.acknowledged_at else "",
                    note=self.tr("：{note}").format(note=item.note) if item.note else "",
                )
            )
        self.detail.setText("\n".join(lines))
        self.ack_button.setEnabled(self.may_acknowledge and not item.acknowledged and not self._busy)

    def acknowledge_current(self) -> None:
        """处理/已阅: sign off the selected feedback with the note (audited)."""
        item = self.current()
        if item is None or self._busy or not self.may_acknowledge or item.acknowledged:
            return
        services, actor, note, feedback_id = self._services, self._actor, self.note.text(), item.id
        self._busy = True
        self.ack_button.setEnabled(False)
        run_in_background(
            lambda: linkage.acknowledge(services, actor, feedback_id, note),
            self._on_acknowledged,
            self._on_failed_ack,
        )

    def _on_acknowledged(self, done: SupervisionFeedback) -> None:
        self._busy = False
        self.note.clear()
        self._done_note = self.tr("监管反馈 {id} 已处理").format(id=done.id)
        self.acknowledged.emit(done.id)
        self.refresh()

    def _on_failed_ack(self, exc: BaseException) -> None:
        self._busy = False
        self._on_selected()
        self._on_failed(exc)


def _day(day: date) -> str:
    return day.isoformat()
