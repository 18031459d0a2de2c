"""监管执法员的工作台 (事中事后监管): two tabs.

承诺核查 — the commitment checks still to do (待核查, 限期整改中), each with its enterprise, matter,
permit number and deadline; an overdue one says 已逾期 in words (colour only repeats it). Selecting
one shows what its commitment letter stated (the snapshot taken at acceptance, never the current
catalog) as a checklist. The checklist means "不符合承诺的条件": 登记合格 needs none ticked and
records every stated condition as checked; 登记不合格 needs at least one ticked and the findings,
and opens a rectification order (its deadline is shown). A check in rectification is closed with
整改完成 (→ 合格) or 未整改 (→ the permit is annulled and a credit record written; asked first).

双随机抽查 — the subjects this inspector was drawn for (only those), with matter, draw time, seed,
co-inspector and the result once recorded; a result is recorded once per subject, and 一公开
publishes a draw's recorded results (when some are still missing, the inspector is asked first:
the service publishes what is recorded, and later results can be published in turn).

Typed findings and ticks are kept per item while the inspector moves through the list and when a
command is refused; they are cleared only when the command succeeds. All database work runs on the
pool (ui.tasks.run_in_background).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.after_approval import CheckStatus, CommitmentCheck
from desktop.domain.inspections import InspectionOutcome, InspectionResult
from desktop.domain.users import Actor
from desktop.services import checks, inspections, supervision
from desktop.services.base import Services
from desktop.services.checks import RectificationOutcome
from desktop.services.inspections import Assignment
from desktop.services.supervision import CheckRow
from ui.errors import report_failure
from ui.formatting import local_time
from ui.tasks import run_in_background

_KEY = Qt.ItemDataRole.UserRole
RED = QColor("#b00020")
AMBER = QColor("#8a5a00")
GREEN = QColor("#1b5e20")
# Outcomes that report a problem: the findings must say what it was.
PROBLEM_OUTCOMES = (InspectionOutcome.CORRECTED, InspectionOutcome.PENDING, InspectionOutcome.OBSTRUCTED)


def _table(parent: QWidget, titles: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(titles), parent)
    table.setHorizontalHeaderLabels(titles)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table for the form below
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _say(label: QLabel, text: str, error: bool = False) -> None:
    label.setText(text)
    label.setStyleSheet(f"color:{RED.name()};" if error else "")


class CommitmentChecksPanel(QWidget):
    """承诺核查: the open checks, the letter's conditions, result and rectification."""

    loaded = Signal(int)  # rows shown
    recorded = Signal(str)  # check id
    closed = Signal(str)  # check id (rectification closed)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.rows: list[CheckRow] = []
        self._busy = False
        self._generation = 0
        self._shown: str | None = None  # the check whose drafts the form holds
        self._editable = False  # the checklist may be ticked (a scheduled check)
        self._findings: dict[str, str] = {}  # check id → typed findings (kept until recorded)
        self._ticked: dict[str, list[str]] = {}  # check id → ticked conditions
        self._notes: dict[str, str] = {}  # check id → typed rectification note

        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight:bold;")
        self.own_department = QCheckBox(
            self.tr("只看本部门（{department}）").format(department=actor.department), self
        )
        self.own_department.setChecked(bool(actor.department))
        self.own_department.setVisible(bool(actor.department))
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.table = _table(self, self.column_titles(), 0)
        self.counts = QLabel(self)

        # -- the selected check --
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conditions_title = QLabel(self)
        self.conditions_title.setWordWrap(True)
        self.conditions = QListWidget(self)
        self.conditions.setMinimumHeight(90)
        self.basis = QLabel(self)
        self.basis.setWordWrap(True)

        self.record_group = QGroupBox(self.tr("登记核查结果"), self)
        self.findings = QPlainTextEdit(self.record_group)
        self.findings.setTabChangesFocus(True)
        self.findings.setPlaceholderText(self.tr("核查发现：现场核查的具体情况（登记不合格时必填）"))
        self.findings.setFixedHeight(64)
        self.pass_button = QPushButton(self.tr("登记合格"), self.record_group)
        self.fail_button = QPushButton(self.tr("登记不合格，责令整改"), self.record_group)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.pass_button)
        buttons.addWidget(self.fail_button)
        record_layout = QVBoxLayout(self.record_group)
        record_layout.addWidget(self.findings)
        record_layout.addLayout(buttons)

        self.rectify_group = QGroupBox(self.tr("整改复查"), self)
        self.rectification = QLabel(self.rectify_group)
        self.rectification.setWordWrap(True)
        self.note = QLineEdit(self.rectify_group)
        self.note.setPlaceholderText(self.tr("复查情况（未整改时必填）"))
        self.fixed_button = QPushButton(self.tr("整改完成"), self.rectify_group)
        self.not_fixed_button = QPushButton(self.tr("未整改，撤销许可…"), self.rectify_group)
        rect_buttons = QHBoxLayout()
        rect_buttons.addWidget(self.note, 1)
        rect_buttons.addWidget(self.fixed_button)
        rect_buttons.addWidget(self.not_fixed_button)
        rect_layout = QVBoxLayout(self.rectify_group)
        rect_layout.addWidget(self.rectification)
        rect_layout.addLayout(rect_buttons)

        self.message = QLabel(self)
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.own_department)
        top.addWidget(self.refresh_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail)
        lower_layout.addWidget(self.conditions_title)
        lower_layout.addWidget(self.conditions, 1)
        lower_layout.addWidget(self.basis)
        lower_layout.addWidget(self.record_group)
        lower_layout.addWidget(self.rectify_group)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.counts)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        QWidget.setTabOrder(self.table, self.conditions)
        QWidget.setTabOrder(self.conditions, self.findings)
        QWidget.setTabOrder(self.findings, self.pass_button)
        QWidget.setTabOrder(self.pass_button, self.fail_button)
        QWidget.setTabOrder(self.fail_button, self.note)
        QWidget.setTabOrder(self.note, self.fixed_button)
        QWidget.setTabOrder(self.fixed_button, self.not_fixed_button)

        self.own_department.toggled.connect(lambda _on: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.pass_button.clicked.connect(lambda: self.record(True))
        self.fail_button.clicked.connect(lambda: self.record(False))
        self.fixed_button.clicked.connect(lambda: self.close_rectification(True))
        self.not_fixed_button.clicked.connect(lambda: self.close_rectification(False))
        self._update_heading()
        self._show(None)
        self.refresh()

    STATUS_COLUMN = 5

    def column_titles(self) -> list[str]:
        return [
            self.tr("市场主体"),
            self.tr("事项"),
            self.tr("许可证号"),
            self.tr("办件编号"),
            self.tr("核查（整改）期限"),
            self.tr("状态"),
        ]

    def status_text(self, row: CheckRow) -> str:
        """Where the check stands, in words."""
        if row.check.status is CheckStatus.RECTIFYING:
            return self.tr("整改已逾期") if row.overdue else self.tr("限期整改中")
        return self.tr("已逾期") if row.overdue else self.tr("待核查")

    def _update_heading(self) -> None:
        if self.own_department.isChecked():
            self.heading.setText(
                self.tr("{department}待核查的告知承诺事项").format(department=self._actor.department)
            )
        else:
            self.heading.setText(self.tr("待核查的告知承诺事项（各部门）"))

    # -- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        services, actor = self._services, self._actor
        department = actor.department if self.own_department.isChecked() else None
        self._update_heading()
        self._generation += 1
        generation = self._generation

        def listed(rows: list[CheckRow]) -> None:
            if generation == self._generation:  # an older read answering late is dropped
                self._on_listed(rows)

        run_in_background(
            lambda: supervision.open_checks(services, actor, department), listed, self._on_load_failed
        )

    def _on_listed(self, rows: list[CheckRow]) -> None:
        self._keep_drafts()
        selected = self.current_id()
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            check = row.check
            deadline = row.deadline.isoformat()
            if check.due_provisional and check.status is CheckStatus.SCHEDULED:
                deadline += self.tr("（暂定）")
            values = [
                self.tr("{name}\n{uscc}").format(name=row.enterprise_name or check.uscc, uscc=check.uscc),
                check.matter_name,
                row.permit_number or self.tr("尚未出证"),
                check.application_number,
                deadline,
                self.status_text(row),
            ]
            cells = [QTableWidgetItem(value) for value in values]
            status = cells[self.STATUS_COLUMN]
            if row.overdue:
                status.setForeground(RED)
            elif check.status is CheckStatus.RECTIFYING:
                status.setForeground(AMBER)
            font = status.font()
            font.setBold(row.overdue)
            status.setFont(font)
            for c, cell in enumerate(cells):
                cell.setData(_KEY, check.id)
                self.table.setItem(r, c, cell)
        self.table.blockSignals(False)
        overdue = sum(1 for r in rows if r.overdue)
        rectifying = sum(1 for r in rows if r.check.status is CheckStatus.RECTIFYING)
        if rows:
            self.counts.setText(
                self.tr("共 {count} 项：已逾期 {overdue} 项，限期整改中 {rectifying} 项").format(
                    count=len(rows), overdue=overdue, rectifying=rectifying
                )
            )
        else:
            self.counts.setText(self.tr("没有待核查的告知承诺事项"))
        self.select(selected)
        self.loaded.emit(len(rows))

    def _on_load_failed(self, exc: BaseException) -> None:
        report_failure(self, exc, lambda known: _say(self.message, known, error=True))

    # -- selection ----------------------------------------------------------------------------------
    def current(self) -> CheckRow | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows) or not self.table.selectedItems():
            return None
        return self.rows[row]

    def current_id(self) -> str | None:
        row = self.current()
        return row.check.id if row else None

    def select(self, check_id: str | None) -> None:
        found = [r for r, row in enumerate(self.rows) if row.check.id == check_id]
        if found or self.rows:
            self.table.selectRow(found[0] if found else 0)
        self._on_selected()  # also when the same row stays selected with a new status

    def ticked(self) -> list[str]:
        """The ticked conditions (不符合的承诺条件), in the letter's order."""
        out = []
        for i in range(self.conditions.count()):
            item = self.conditions.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(_KEY)))
        return out

    def set_ticked(self, conditions: list[str]) -> None:
        wanted = set(conditions)
        for i in range(self.conditions.count()):
            item = self.conditions.item(i)
            on = item.data(_KEY) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _keep_drafts(self) -> None:
        """What is typed for the check on show stays with that check."""
        if self._shown is None:
            return
        self._findings[self._shown] = self.findings.toPlainText()
        self._notes[self._shown] = self.note.text()
        if self._editable:
            self._ticked[self._shown] = self.ticked()

    def _on_selected(self) -> None:
        self._keep_drafts()
        self._show(self.current())

    def _show(self, row: CheckRow | None) -> None:
        self.conditions.clear()
        if row is None:
            self._shown = None
            self._editable = False
            self.detail.setText(self.tr("请在上面的列表中选择一项核查任务"))
            self.conditions_title.clear()
            self.basis.clear()
            self.findings.clear()
            self.note.clear()
            self.record_group.setVisible(False)
            self.rectify_group.setVisible(False)
            return
        check = row.check
        self._shown = check.id
        due = check.due_on.isoformat() + (self.tr("（暂定）") if check.due_provisional else "")
        lines = [
            self.tr("{name}（{uscc}）　{matter}").format(
                name=row.enterprise_name or check.uscc, uscc=check.uscc, matter=check.matter_name
            ),
            self.tr("办件 {application}　许可证 {permit}　监管部门 {department}").format(
                application=check.application_number,
                permit=row.permit_number or self.tr("尚未出证"),
                department=check.department,
            ),
            self.tr("应于 {due} 前核查").format(due=due)
            + (self.tr("　已逾期") if row.overdue and check.status is CheckStatus.SCHEDULED else ""),
        ]
        self.detail.setText("\n".join(lines))
        snap = row.snapshot
        rectifying = check.status is CheckStatus.RECTIFYING
        if snap is None:
            self.conditions_title.setText(self.tr("该办件没有告知承诺记录，无法核查"))
            self.basis.clear()
        else:
            if rectifying:
                title = self.tr(
                    "告知承诺书所列条件（核查期限 {window}）；已勾选的为核查不合格时认定不符合的条件："
                )
            else:
                title = self.tr(
                    "告知承诺书所列条件（核查期限 {window}）。勾选不符合承诺的条件（空格键勾选）；"
                    "登记合格时不勾选，视为以上条件均已核查且符合："
                )
            self.conditions_title.setText(title.format(window=snap.check_window))
            for condition in snap.conditions:
                item = QListWidgetItem(condition)
                item.setData(_KEY, condition)
                if rectifying:  # what was cited, readable but no longer to be changed
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                    if condition in check.items:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                else:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.conditions.addItem(item)
            self.basis.setText(
                self.tr("设定依据：{basis}").format(basis=snap.legal_basis or self.tr("待核实"))
            )
        self._editable = not rectifying
        self.set_ticked(list(check.items) if rectifying else self._ticked.get(check.id, []))
        if self.conditions.count():
            self.conditions.setCurrentRow(0)
        self.record_group.setVisible(not rectifying)
        self.rectify_group.setVisible(rectifying)
        self.findings.setPlainText(self._findings.get(check.id, ""))
        self.note.setText(self._notes.get(check.id, ""))
        if rectifying:
            self.rectification.setText(self.rectification_text(row))
        self._update_buttons()

    def rectification_text(self, row: CheckRow) -> str:
        check = row.check
        due = check.rectification_due.isoformat() if check.rectification_due else ""
        text = self.tr(
            "核查不合格（{who}，{time}）。不符合：{items}。发现：{findings}。整改期限：{due}"
        ).format(
            who=check.recorded_by,
            time=local_time(check.recorded_at) if check.recorded_at else "",
            items="；".join(check.items),
            findings=check.findings,
            due=due,
        )
        if row.overdue:
            text += self.tr("（已逾期）")
        return text

    def _update_buttons(self) -> None:
        row = self.current()
        scheduled = row is not None and row.check.status is CheckStatus.SCHEDULED and row.snapshot is not None
        rectifying = row is not None and row.check.status is CheckStatus.RECTIFYING
        for button in (self.pass_button, self.fail_button):
            button.setEnabled(scheduled and not self._busy)
        for button in (self.fixed_button, self.not_fixed_button):
            button.setEnabled(rectifying and not self._busy)

    # -- commands -----------------------------------------------------------------------------------
    def record(self, passed: bool) -> None:
        """登记合格 / 登记不合格 for the selected check."""
        row = self.current()
        if self._busy:
            return
        if row is None:
            _say(self.message, self.tr("请先在列表中选择一项核查任务"), error=True)
            return
        if row.check.status is not CheckStatus.SCHEDULED:
            _say(self.message, self.tr("该核查已登记结果，不能重复登记"), error=True)
            return
        if row.snapshot is None:
            _say(self.message, self.tr("该办件没有告知承诺记录，无法核查"), error=True)
            return
        ticked = self.ticked()
        findings = self.findings.toPlainText().strip()
        if passed and ticked:
            _say(
                self.message, self.tr("已勾选不符合的条件，不能登记合格；请取消勾选或登记不合格"), error=True
            )
            return
        if not passed and not ticked:
            _say(self.message, self.tr("登记不合格须勾选至少一项不符合的承诺条件"), error=True)
            return
        if not passed and not findings:
            _say(self.message, self.tr("登记不合格须填写核查发现的具体情况"), error=True)
            self.findings.setFocus()
            return
        items = list(row.snapshot.conditions) if passed else ticked
        services, actor, check_id = self._services, self._actor, row.check.id
        self._run(
            lambda: checks.record(services, actor, check_id, passed, findings, items),
            self._on_recorded,
        )

    def _on_recorded(self, done: CommitmentCheck) -> None:
        self._forget(done.id)
        if done.status is CheckStatus.PASSED:
            text = self.tr("已登记核查合格：{matter}（{permit}）").format(
                matter=done.matter_name, permit=done.permit_number or done.application_number
            )
        else:
            due = done.rectification_due.isoformat() if done.rectification_due else ""
            text = self.tr("已登记核查不合格，责令限期整改，整改期限 {due}").format(due=due)
        _say(self.message, text)
        self.recorded.emit(done.id)
        self.refresh()

    def close_rectification(self, fixed: bool) -> None:
        """整改完成 / 未整改 (the permit is annulled: asked first)."""
        row = self.current()
        if self._busy:
            return
        if row is None:
            _say(self.message, self.tr("请先在列表中选择一项核查任务"), error=True)
            return
        if row.check.status is not CheckStatus.RECTIFYING:
            _say(self.message, self.tr("该核查没有待复查的整改"), error=True)
            return
        note = self.note.text().strip()
        if not fixed:
            if not note:
                _say(self.message, self.tr("未整改须写明复查情况"), error=True)
                self.note.setFocus()
                return
            if not self.confirm_annulment(row):
                return
        services, actor, check_id = self._services, self._actor, row.check.id
        self._run(
            lambda: checks.close_rectification(services, actor, check_id, fixed, note),
            self._on_closed,
        )

    def confirm_annulment(self, row: CheckRow) -> bool:
        permit = row.permit_number or self.tr("（尚未出证）")
        answer = QMessageBox.question(
            self,
            self.tr("整改未通过"),
            self.tr(
                "确认 {name} 逾期未整改？\n"
                "许可证 {permit}（{matter}）将被撤销，并记入信用记录。此决定不可撤回。"
            ).format(name=row.enterprise_name or row.check.uscc, permit=permit, matter=row.check.matter_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_closed(self, outcome: RectificationOutcome) -> None:
        check = outcome.check
        self._forget(check.id)
        if check.status is CheckStatus.PASSED:
            text = self.tr("整改完成，核查合格：{matter}").format(matter=check.matter_name)
        elif outcome.annulled is not None:
            text = self.tr("整改未通过：许可证 {permit} 已撤销，已记入信用记录").format(
                permit=outcome.annulled.number
            )
        else:
            text = self.tr("整改未通过，已记入信用记录；许可证尚未出证或已不在有效状态，请审批部门处理办件")
        _say(self.message, text)
        self.closed.emit(check.id)
        self.refresh()

    def _forget(self, check_id: str) -> None:
        for drafts in (self._findings, self._notes, self._ticked):
            drafts.pop(check_id, None)
        if self._shown == check_id:
            self._shown = None  # the form's text belongs to nothing now

    def _run(self, op: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._busy = True
        self._update_buttons()
        _say(self.message, self.tr("正在提交…"))

        def succeeded(result: Any) -> None:
            self._busy = False
            done(result)

        run_in_background(op, succeeded, self._on_command_failed)

    def _on_command_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        _say(self.message, "")
        if report_failure(self, exc, lambda known: _say(self.message, known, error=True)):
            self.refresh()  # the check may have changed meanwhile (recorded by someone else)


class InspectionDrawsPanel(QWidget):
    """双随机抽查: the subjects this inspector was drawn for; record results; publish a draw."""

    loaded = Signal(int)  # rows shown
    recorded = Signal(str, str)  # draw id, uscc
    published = Signal(str)  # draw id

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.rows: list[Assignment] = []
        self._busy = False
        self._generation = 0
        self._shown: tuple[str, str] | None = None
        self._editable = False  # the form holds a draft (no result recorded yet)
        self._findings: dict[tuple[str, str], str] = {}
        self._outcomes: dict[tuple[str, str], int] = {}

        self.heading = QLabel(
            self.tr("抽中 {user} 检查的市场主体（双随机、一公开）").format(user=actor.username), self
        )
        self.heading.setStyleSheet("font-weight:bold;")
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.table = _table(self, self.column_titles(), 0)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.record_group = QGroupBox(self.tr("录入检查结果（每个对象只能录入一次）"), self)
        self.outcome = QComboBox(self.record_group)
        for outcome in InspectionOutcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.findings = QLineEdit(self.record_group)
        self.findings.setPlaceholderText(self.tr("检查情况（发现问题时必填）；回车录入"))
        self.record_button = QPushButton(self.tr("录入结果"), self.record_group)
        form = QFormLayout(self.record_group)
        form.addRow(self.tr("检查结果："), self.outcome)
        findings_row = QHBoxLayout()
        findings_row.addWidget(self.findings, 1)
        findings_row.addWidget(self.record_button)
        form.addRow(self.tr("检查情况："), findings_row)

        self.draw_info = QLabel(self)
        self.draw_info.setWordWrap(True)
        self.publish_button = QPushButton(self.tr("公示本次抽查结果（一公开）"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        publish_row = QHBoxLayout()
        publish_row.addWidget(self.draw_info, 1)
        publish_row.addWidget(self.publish_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.record_group)
        layout.addLayout(publish_row)
        layout.addWidget(self.message)
        QWidget.setTabOrder(self.table, self.outcome)
        QWidget.setTabOrder(self.outcome, self.findings)
        QWidget.setTabOrder(self.findings, self.record_button)
        QWidget.setTabOrder(self.record_button, self.publish_button)

        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.record_button.clicked.connect(self.record)
        self.findings.returnPressed.connect(self.record)
        self.publish_button.clicked.connect(self.publish)
        self._show(None)
        self.refresh()

    RESULT_COLUMN = 6

    def column_titles(self) -> list[str]:
        return [
            self.tr("市场主体"),
            self.tr("统一社会信用代码"),
            self.tr("抽查事项"),
            self.tr("抽取时间"),
            self.tr("随机种子"),
            self.tr("同组执法人员"),
            self.tr("检查结果"),
            self.tr("公示"),
        ]

    def result_text(self, row: Assignment) -> str:
        return row.result.outcome.label if row.result else self.tr("待录入")

    def published_text(self, row: Assignment) -> str:
        if row.result is None:
            return ""
        return self.tr("已公示") if row.result.published else self.tr("待公示")

    def co_inspectors_text(self, row: Assignment) -> str:
        return "、".join(
            self.tr("{name}（{user}）").format(name=p.name, user=p.username) if p.name else p.username
            for p in row.co_inspectors
        )

    # -- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        services, actor = self._services, self._actor
        self._generation += 1
        generation = self._generation

        def listed(rows: list[Assignment]) -> None:
            if generation == self._generation:
                self._on_listed(rows)

        run_in_background(lambda: inspections.assignments(services, actor), listed, self._on_load_failed)

    def _on_listed(self, rows: list[Assignment]) -> None:
        self._keep_drafts()
        selected = self.current_key()
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [
                row.name,
                row.uscc,
                row.matter_name,
                local_time(row.drawn_at),
                row.seed,
                self.co_inspectors_text(row),
                self.result_text(row),
                self.published_text(row),
            ]
            cells = [QTableWidgetItem(value) for value in values]
            if row.result is None:
                result = cells[self.RESULT_COLUMN]
                font = result.font()
                font.setBold(True)
                result.setFont(font)
            for c, cell in enumerate(cells):
                cell.setData(_KEY, f"{row.draw_id}:{row.uscc}")
                self.table.setItem(r, c, cell)
        self.table.blockSignals(False)
        self.select(selected)
        self.loaded.emit(len(rows))

    def _on_load_failed(self, exc: BaseException) -> None:
        report_failure(self, exc, lambda known: _say(self.message, known, error=True))

    # -- selection ----------------------------------------------------------------------------------
    def current(self) -> Assignment | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows) or not self.table.selectedItems():
            return None
        return self.rows[row]

    def current_key(self) -> tuple[str, str] | None:
        row = self.current()
        return (row.draw_id, row.uscc) if row else None

    def select(self, key: tuple[str, str] | None) -> None:
        found = [r for r, row in enumerate(self.rows) if (row.draw_id, row.uscc) == key]
        if found or self.rows:
            self.table.selectRow(found[0] if found else 0)
        self._on_selected()

    def _keep_drafts(self) -> None:
        if self._shown is None or not self._editable:
            return
        self._findings[self._shown] = self.findings.text()
        self._outcomes[self._shown] = self.outcome.currentIndex()

    def _on_selected(self) -> None:
        self._keep_drafts()
        self._show(self.current())

    def _show(self, row: Assignment | None) -> None:
        if row is None:
            self._shown = None
            self.detail.setText(
                self.tr("请在上面的列表中选择一个抽查对象") if self.rows else self.tr("本人暂无抽查任务")
            )
            self.draw_info.clear()
            self.findings.clear()
            self.record_group.setEnabled(False)
            self.publish_button.setEnabled(False)
            return
        key = (row.draw_id, row.uscc)
        self._shown = key
        lines = [
            self.tr("{name}（{uscc}，信用 {credit} 类）　抽查事项：{matter}（{department}）").format(
                name=row.name,
                uscc=row.uscc,
                credit=row.credit_class,
                matter=row.matter_name,
                department=row.department,
            ),
            self.tr("抽查编号 {draw}　随机种子“{seed}”　抽取时间 {time}　同组执法人员：{team}").format(
                draw=row.draw_id,
                seed=row.seed,
                time=local_time(row.drawn_at),
                team=self.co_inspectors_text(row),
            ),
        ]
        result = row.result
        if result is not None:
            lines.append(self.result_line(result))
        self.detail.setText("\n".join(lines))
        self.record_group.setEnabled(result is None and not self._busy)
        self._editable = result is None
        if result is None:
            self.findings.setText(self._findings.get(key, ""))
            self.outcome.setCurrentIndex(self._outcomes.get(key, 0))
        else:  # what was recorded, shown in the (disabled) form too
            self.findings.setText(result.findings)
            self.outcome.setCurrentIndex(self.outcome.findData(result.outcome.value))
        missing = row.draw_subjects - row.draw_recorded
        self.draw_info.setText(
            self.tr(
                "本次抽查共抽中 {subjects} 个市场主体：已录入结果 {recorded} 个，"
                "未录入 {missing} 个，待公示 {pending} 条"
            ).format(
                subjects=row.draw_subjects,
                recorded=row.draw_recorded,
                missing=missing,
                pending=row.draw_unpublished,
            )
        )
        self.publish_button.setEnabled(row.draw_unpublished > 0 and not self._busy)

    def result_line(self, result: InspectionResult) -> str:
        text = self.tr("检查结果：{label}（{who}，{time}）").format(
            label=result.outcome.label, who=result.recorded_by, time=local_time(result.recorded_at)
        )
        if result.findings:
            text += self.tr("：{findings}").format(findings=result.findings)
        if result.published and result.published_at:
            text += self.tr("；已于 {time} 公示").format(time=local_time(result.published_at))
        return text

    # -- commands -----------------------------------------------------------------------------------
    def record(self) -> None:
        row = self.current()
        if self._busy:
            return
        if row is None:
            _say(self.message, self.tr("请先在列表中选择一个抽查对象"), error=True)
            return
        if row.result is not None:
            _say(self.message, self.tr("该对象本次抽查的结果已录入，不能重复录入"), error=True)
            return
        outcome = InspectionOutcome(str(self.outcome.currentData()))
        findings = self.findings.text().strip()
        if outcome in PROBLEM_OUTCOMES and not findings:
            _say(
                self.message,
                self.tr("检查结果为“{label}”，请填写发现的具体问题").format(label=outcome.label),
                error=True,
            )
            self.findings.setFocus()
            return
        services, actor, draw_id, uscc = self._services, self._actor, row.draw_id, row.uscc
        self._run(
            lambda: inspections.record_result(services, actor, draw_id, uscc, outcome.value, findings),
            self._on_recorded,
        )

    def _on_recorded(self, result: InspectionResult) -> None:
        key = (result.draw_id, result.uscc)
        self._findings.pop(key, None)
        self._outcomes.pop(key, None)
        if self._shown == key:
            self._shown = None
        _say(
            self.message,
            self.tr("已录入 {uscc} 的检查结果：{label}").format(uscc=result.uscc, label=result.outcome.label),
        )
        self.recorded.emit(result.draw_id, result.uscc)
        self.refresh()

    def publish(self) -> None:
        row = self.current()
        if self._busy:
            return
        if row is None:
            _say(self.message, self.tr("请先在列表中选择一个抽查对象"), error=True)
            return
        if row.draw_unpublished == 0:
            _say(self.message, self.tr("本次抽查没有待公示的检查结果"), error=True)
            return
        missing = row.draw_subjects - row.draw_recorded
        if missing and not self.confirm_partial(row, missing):
            return
        services, actor, draw_id = self._services, self._actor, row.draw_id
        self._run(lambda: inspections.publish_results(services, actor, draw_id), self._on_published)

    def confirm_partial(self, row: Assignment, missing: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("公示检查结果"),
            self.tr(
                "本次抽查还有 {missing} 个市场主体未录入结果。现在只公示已录入的 {pending} 条，"
                "其余录入后可再次公示。是否继续？"
            ).format(missing=missing, pending=row.draw_unpublished),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_published(self, published: list[InspectionResult]) -> None:
        draw_id = published[0].draw_id if published else ""
        _say(self.message, self.tr("已公示 {count} 条检查结果").format(count=len(published)))
        self.published.emit(draw_id)
        self.refresh()

    def _run(self, op: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._busy = True
        self.record_group.setEnabled(False)
        self.publish_button.setEnabled(False)
        _say(self.message, self.tr("正在提交…"))

        def succeeded(result: Any) -> None:
            self._busy = False
            done(result)

        run_in_background(op, succeeded, self._on_command_failed)

    def _on_command_failed(self, exc: BaseException) -> None:
        self._busy = False
        _say(self.message, "")
        report_failure(self, exc, lambda known: _say(self.message, known, error=True))
        self._keep_drafts()
        self.refresh()  # a result recorded meanwhile by the co-inspector shows up


class InspectionWorkbench(QWidget):
    """监管执法员: 承诺核查 and 双随机抽查 in two tabs."""

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.checks = CommitmentChecksPanel(services, actor, self.tabs)
        self.draws = InspectionDrawsPanel(services, actor, self.tabs)
        self.tabs.addTab(self.checks, self.tr("承诺核查"))
        self.tabs.addTab(self.draws, self.tr("双随机抽查"))
        self.checks.loaded.connect(self._titles)
        self.draws.loaded.connect(self._titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _titles(self, _count: int = 0) -> None:
        open_checks = len(self.checks.rows)
        overdue = sum(1 for r in self.checks.rows if r.overdue)
        title = self.tr("承诺核查（{count}）").format(count=open_checks)
        if overdue:
            title = self.tr("承诺核查（{count}，已逾期 {overdue}）").format(
                count=open_checks, overdue=overdue
            )
        self.tabs.setTabText(0, title)
        waiting = sum(1 for r in self.draws.rows if r.result is None)
        self.tabs.setTabText(1, self.tr("双随机抽查（待录入 {count}）").format(count=waiting))
