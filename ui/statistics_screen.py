"""改革台账 (统计): the reform's figures over a period — by reform mode, department and industry,
准入即营, working days against the limits, overdue, fewer fields and materials, 好差评 and their
rectification — as tables and bar charts, exported as an Excel workbook or a PDF report.

The period defaults to this month so far. Reading the figures, writing the workbook and rendering
the report run off the GUI thread (ui.tasks); a period whose start is after its end is refused on
the spot with a message, and what is shown stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.domain.statistics import NO_INDUSTRY, PERIODS, Cell, Ledger, LedgerTable, validate_period
from desktop.domain.users import Actor
from desktop.services import statistics
from desktop.services.base import Services
from ui.charts import BarChart
from ui.errors import report_failure
from ui.tasks import run_in_background

VALUE_ROLE = Qt.ItemDataRole.UserRole  # the cell's raw value (int, float, date or None)
NUMERIC = ("count", "percent", "days")
RED = QColor("#b00020")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class StatisticsScreen(QWidget):
    computed = Signal(object)  # the Ledger now shown
    exported = Signal(str)  # the file just written
    refused = Signal(str)  # a message shown instead of figures or a file

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.ledger: Ledger | None = None
        self._generation = 0  # the latest computation asked for
        self._exporting = False
        today = services.clock.today()

        self.start_edit = QDateEdit(_qdate(today.replace(day=1)), self)
        self.end_edit = QDateEdit(_qdate(today), self)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.period_box = QComboBox(self)
        self.period_box.addItem(self.tr("按月"), "month")
        self.period_box.addItem(self.tr("按周"), "week")
        self.run_button = QPushButton(self.tr("统计"), self)
        self.xlsx_button = QPushButton(self.tr("导出Excel"), self)
        self.pdf_button = QPushButton(self.tr("导出PDF报告"), self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight:bold;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mode_chart = BarChart(self.tr("按改革方式的事项数"), self)
        self.period_chart = BarChart(self.tr("分期事项数与准入即营"), self)
        self.tabs = QTabWidget(self)
        self.tables: dict[str, QTableWidget] = {}
        self.notes: dict[str, QLabel] = {}
        self.titles: dict[str, QLabel] = {}
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("起始日期"), self))
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel(self.tr("截止日期"), self))
        bar.addWidget(self.end_edit)
        bar.addWidget(QLabel(self.tr("分期"), self))
        bar.addWidget(self.period_box)
        bar.addWidget(self.run_button)
        bar.addStretch(1)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)
        charts = QWidget(self)
        chart_row = QHBoxLayout(charts)
        chart_row.setContentsMargins(0, 0, 0, 0)
        chart_row.addWidget(self.mode_chart)
        chart_row.addWidget(self.period_chart)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(charts)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 480])  # charts above, the tables get the rest (the user may drag)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

        self.run_button.clicked.connect(self.run)
        self.xlsx_button.clicked.connect(self._choose_xlsx)
        self.pdf_button.clicked.connect(self._choose_pdf)
        self._set_export_enabled()
        self.run()

    # -- the period ---------------------------------------------------------------------------------
    def period(self) -> tuple[date, date, str]:
        return (
            _pydate(self.start_edit.date()),
            _pydate(self.end_edit.date()),
            str(self.period_box.currentData()),
        )

    def set_period(self, start: date, end: date, period: str = "month") -> None:
        self.start_edit.setDate(_qdate(start))
        self.end_edit.setDate(_qdate(end))
        self.period_box.setCurrentIndex(max(0, self.period_box.findData(period)))

    def run(self) -> None:
        """统计: compute the ledger of the chosen period off the GUI thread."""
        start, end, period = self.period()
        try:
            validate_period(start, end, period)
        except DomainError as exc:
            self._refuse(exc.message)
            return
        services, actor = self._services, self._actor
        self._generation += 1
        generation = self._generation
        self.run_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("正在统计……"))

        def done(ledger: Ledger) -> None:
            if generation == self._generation:  # an older computation answering late is dropped
                self._show(ledger)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.run_button.setEnabled(True)
                self._on_failed(exc)

        run_in_background(lambda: statistics.ledger(services, actor, start, end, period), done, failed)

    # -- showing ------------------------------------------------------------------------------------
    def _show(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.run_button.setEnabled(True)
        self._set_export_enabled()
        s = ledger.summary
        self.heading.setText(
            self.tr("{title}　{period}（{split}）　截至 {as_of}").format(
                title=ledger.title,
                period=ledger.period_text,
                split=PERIODS[ledger.period],
                as_of=ledger.as_of.isoformat(),
            )
        )
        self.summary.setText(
            self.tr(
                "受理办件 {applications} 件，涉及事项 {items} 项；准入即营 {immediate} 项（{share}）；"
                "审批办结 {reviewed} 项，平均用时 {days} 个工作日（平均时限 {limit}）；"
                "逾期 {overdue} 项（逾期率 {overdue_rate}）；评价 {ratings} 件，好评率 {good_rate}；"
                "差评整改完成率 {rectified}"
            ).format(
                applications=s.applications,
                items=s.items,
                immediate=s.immediate,
                share=Cell(s.immediate_share, "percent").text,
                reviewed=s.reviewed,
                days=Cell(s.average_days, "days").text,
                limit=Cell(s.average_limit, "days").text,
                overdue=s.overdue,
                overdue_rate=Cell(s.overdue_rate, "percent").text,
                ratings=s.ratings,
                good_rate=Cell(s.good_rate, "percent").text,
                rectified=Cell(ledger.rectification.completion_rate, "percent").text,
            )
        )
        self.mode_chart.set_data(
            [g.label for g in ledger.by_mode],
            [(self.tr("事项数"), [g.figures.items for g in ledger.by_mode])],
        )
        self.period_chart.title = self.tr("分期事项数与准入即营（{split}）").format(
            split=PERIODS[ledger.period]
        )
        self.period_chart.set_data(
            [self._short_label(ledger, i) for i in range(len(ledger.periods))],
            [
                (self.tr("事项数"), [g.figures.items for g in ledger.periods]),
                (self.tr("准入即营"), [g.figures.immediate for g in ledger.periods]),
            ],
        )
        current = self.tabs.currentIndex()
        for table in ledger.tables():
            self._fill(table)
        self.tabs.setCurrentIndex(max(current, 0))
        if s.items == 0 and s.ratings == 0:
            self.message.setText(self.tr("统计期间内没有受理的办件，也没有服务评价"))
        else:
            self.message.setText(self.tr("统计完成"))
        self.computed.emit(ledger)

    @staticmethod
    def _short_label(ledger: Ledger, index: int) -> str:
        group = ledger.periods[index]
        if group.start is None:
            return group.label
        if ledger.period == "week":
            return f"第{group.start.isocalendar().week}周"
        if ledger.start.year != ledger.end.year:
            return f"{group.start.year % 100:02d}年{group.start.month}月"
        return f"{group.start.month}月"

    def _fill(self, table: LedgerTable) -> None:
        widget = self.tables.get(table.sheet)
        if widget is None:
            page = QWidget(self.tabs)
            column = QVBoxLayout(page)
            title = QLabel(page)
            title.setStyleSheet("font-weight:bold;")
            widget = QTableWidget(0, len(table.headers), page)
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            widget.verticalHeader().setVisible(False)
            widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            # only a column of words (概况's 说明) takes the spare width; figures stay compact
            widget.horizontalHeader().setStretchLastSection(
                table.rows[0][-1].kind == "text" if table.rows else False
            )
            note = QLabel(page)
            note.setWordWrap(True)
            column.addWidget(title)
            column.addWidget(widget, 1)
            column.addWidget(note)
            self.tabs.addTab(page, table.sheet)
            self.tables[table.sheet] = widget
            self.notes[table.sheet] = note
            self.titles[table.sheet] = title
        self.titles[table.sheet].setText(table.title)  # 分期统计（按月/按周） follows the period
        widget.setHorizontalHeaderLabels(list(table.headers))
        widget.setRowCount(len(table.rows))
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                item = QTableWidgetItem(cell.text)
                item.setData(VALUE_ROLE, cell.value)
                if cell.kind in NUMERIC:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 0 and cell.value in ("合计", NO_INDUSTRY):
                    font = item.font()
                    font.setBold(cell.value == "合计")
                    item.setFont(font)
                widget.setItem(r, c, item)
        self.notes[table.sheet].setText(self.tr("说明：{note}").format(note=table.note) if table.note else "")

    def cell_text(self, sheet: str, row_label: str, header: str) -> str:
        """The text shown in a table's row (by its first cell) and column (by its header)."""
        widget = self.tables[sheet]
        headers = [
            item.text() if (item := widget.horizontalHeaderItem(c)) is not None else ""
            for c in range(widget.columnCount())
        ]
        column = headers.index(header)
        for r in range(widget.rowCount()):
            first = widget.item(r, 0)
            if first is not None and first.text() == row_label:
                item = widget.item(r, column)
                return item.text() if item is not None else ""
        raise KeyError(row_label)

    # -- exports ------------------------------------------------------------------------------------
    def _set_export_enabled(self) -> None:
        ready = self.ledger is not None and not self._exporting
        self.xlsx_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)

    def _target(self, path: str | None, suffix: str, caption: str, file_filter: str) -> Path | None:
        if path:
            return Path(path)
        assert self.ledger is not None
        name = f"改革台账-{self.ledger.start.isoformat()}-{self.ledger.end.isoformat()}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self, caption, str(Path.home() / name), file_filter)
        if not chosen:
            return None
        target = Path(chosen)
        return target if target.suffix.lower() == suffix else target.with_name(target.name + suffix)

    def _choose_xlsx(self) -> None:
        self.export_xlsx()  # the file dialog asks where

    def _choose_pdf(self) -> None:
        self.export_pdf()

    def export_xlsx(self, path: str | None = None) -> None:
        """导出Excel: the ledger shown, one sheet per table (``path`` skips the file dialog)."""
        ledger = self.ledger
        if ledger is None or self._exporting:
            return
        target = self._target(path, ".xlsx", self.tr("导出Excel台账"), self.tr("Excel 工作簿 (*.xlsx)"))
        if target is None:
            return

        def write() -> str:
            from desktop.adapters.ledger_xlsx import write_ledger_xlsx  # openpyxl only when exporting

            return str(write_ledger_xlsx(ledger, target))

        self._export(write)

    def export_pdf(self, path: str | None = None) -> None:
        """导出PDF报告: the ledger shown, with its charts (``path`` skips the file dialog)."""
        ledger = self.ledger
        if ledger is None or self._exporting:
            return
        target = self._target(path, ".pdf", self.tr("导出PDF报告"), self.tr("PDF 文件 (*.pdf)"))
        if target is None:
            return
        services = self._services

        def write() -> str:
            pdf = statistics.report_pdf(services, ledger)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(pdf)
            return str(target)

        self._export(write)

    def _export(self, write: Callable[[], str]) -> None:
        self._exporting = True
        self._set_export_enabled()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("正在导出……"))
        run_in_background(write, self._on_exported, self._on_export_failed)

    def _on_exported(self, path: str) -> None:
        self._exporting = False
        self._set_export_enabled()
        self.message.setText(self.tr("已导出：{path}").format(path=path))
        self.exported.emit(path)

    def _on_export_failed(self, exc: BaseException) -> None:
        self._exporting = False
        self._set_export_enabled()
        if isinstance(exc, OSError):
            self._refuse(self.tr("无法写入文件：{error}").format(error=exc.strerror or str(exc)))
            return
        self._on_failed(exc)

    # -- problems -----------------------------------------------------------------------------------
    def _refuse(self, text: str) -> None:
        self.message.setStyleSheet(f"color:{RED.name()};")
        self.message.setText(text)
        self.refused.emit(text)

    def _on_failed(self, exc: BaseException) -> None:
        report_failure(self, exc, self._refuse)
