"""审计日志 (安全审计员): read the audit log page by page, filter it, verify the chain and export
what the filter shows to CSV. The auditor changes nothing; an export is itself audited."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
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

from desktop.domain.audit import AuditPage, AuditQuery, AuditRecord, ChainVerdict
from desktop.domain.errors import DomainError
from desktop.domain.users import Actor
from desktop.services import audit
from desktop.services.base import Services
from ui.errors import report_failure
from ui.formatting import local_time
from ui.tasks import run_in_background

CHINA = timezone(timedelta(hours=8))
HEADERS = ("序号", "时间", "操作人", "操作", "对象", "结果", "详情")  # the CSV keeps Chinese headers


def _instant(day: date) -> datetime:
    """Midnight of a China local day, as a UTC instant."""
    return datetime.combine(day, time(0), CHINA).astimezone(UTC)


def _row(record: AuditRecord) -> list[str]:
    return [
        str(record.seq),
        local_time(record.at),
        record.actor,
        record.action,
        record.target,
        record.result,
        record.detail,
    ]


def write_csv(path: Path, records: list[AuditRecord]) -> None:
    """UTF-8 with a byte-order mark, so Excel on a Chinese Windows opens it right."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        writer.writerows(_row(r) for r in records)


class AuditScreen(QWidget):
    exported = Signal(str)  # the file written
    searched = Signal(int)  # how many records match

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._page = 0
        self._total = 0
        today = services.clock.now().astimezone(CHINA).date()
        self.start = QDateEdit(QDate(today.year, today.month, 1), self)
        self.end = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.who = QLineEdit(self)
        self.who.setPlaceholderText(self.tr("用户名，留空为全部"))
        self.action = QLineEdit(self)
        self.action.setPlaceholderText(self.tr("如 intake. 或 review.grant，留空为全部"))
        self.target = QLineEdit(self)
        self.target.setPlaceholderText(self.tr("办件号、证照号等，包含即可"))
        self.outcome = QComboBox(self)
        for label, value in (
            (self.tr("全部"), "all"),
            (self.tr("成功"), "ok"),
            (self.tr("被拒绝"), "refused"),
        ):
            self.outcome.addItem(label, value)
        self.search_button = QPushButton(self.tr("查询(&Q)"), self)
        self.search_button.clicked.connect(lambda: self.search(0))
        for line in (self.who, self.action, self.target):
            line.returnPressed.connect(lambda: self.search(0))
        self.verify_button = QPushButton(self.tr("核验审计链"), self)
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("导出 CSV…"), self)
        self.export_button.clicked.connect(self._choose_export)
        self.previous_button = QPushButton(self.tr("上一页"), self)
        self.previous_button.clicked.connect(lambda: self.search(self._page - 1))
        self.next_button = QPushButton(self.tr("下一页"), self)
        self.next_button.clicked.connect(lambda: self.search(self._page + 1))
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("序号"),
                self.tr("时间"),
                self.tr("操作人"),
                self.tr("操作"),
                self.tr("对象"),
                self.tr("结果"),
                self.tr("详情"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.chain = QLabel(self)
        self.chain.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        form = QFormLayout()
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(self.tr("至"), self))
        dates.addWidget(self.end)
        dates.addStretch(1)
        form.addRow(self.tr("日期"), dates)
        form.addRow(self.tr("操作人"), self.who)
        form.addRow(self.tr("操作"), self.action)
        form.addRow(self.tr("对象"), self.target)
        form.addRow(self.tr("结果"), self.outcome)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.chain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.search(0)

    def query(self) -> AuditQuery | None:
        """The filter as typed, or None (with the reason shown) when the dates are the wrong way."""
        start, end = self.start.date().toPython(), self.end.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        if start > end:
            self.message.setText(self.tr("起始日期不能晚于结束日期"))
            return None
        return AuditQuery(
            start=_instant(start),
            end=_instant(end + timedelta(days=1)),
            actor=self.who.text().strip(),
            action=self.action.text().strip(),
            target=self.target.text().strip(),
            outcome=str(self.outcome.currentData()),
        )

    def search(self, page: int) -> None:
        query = self.query()
        if query is None or page < 0:
            return
        services, actor = self._services, self._actor
        self._set_busy(True)
        run_in_background(
            lambda: audit.search(services, actor, query, page),
            lambda found: self._on_found(found, page),
            self._on_failed,
        )

    def _on_found(self, found: AuditPage, page: int) -> None:
        self._set_busy(False)
        self._page, self._total = page, found.total
        self.table.setRowCount(len(found.records))
        for row, record in enumerate(found.records):
            cells = _row(record)
            cells[-1] = _readable(cells[-1])
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        pages = max(1, -(-found.total // audit.PAGE_SIZE))
        self.message.setText(
            self.tr("共 {total} 条，第 {page}/{pages} 页（按时间倒序）").format(
                total=found.total, page=page + 1, pages=pages
            )
        )
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < pages)
        self.searched.emit(found.total)

    def verify(self) -> None:
        services, actor = self._services, self._actor
        self.verify_button.setEnabled(False)
        self.chain.setText(self.tr("正在核验审计链…"))
        run_in_background(lambda: audit.verify(services, actor), self._on_verified, self._on_failed)

    def _on_verified(self, verdict: ChainVerdict) -> None:
        self.verify_button.setEnabled(True)
        if verdict.ok:
            self.chain.setText(
                self.tr("审计链完整：共 {count} 条记录，未发现篡改").format(count=verdict.records)
            )
        else:
            self.chain.setText(
                self.tr("审计链异常：第 {seq} 条起 {reason}。请保全数据库文件并报告。").format(
                    seq=verdict.first_bad, reason=verdict.reason
                )
            )

    def _choose_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出审计日志"), "audit-log.csv", self.tr("CSV 文件 (*.csv)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        query = self.query()
        if query is None:
            return
        services, actor = self._services, self._actor

        def write(records: list[AuditRecord]) -> None:
            try:
                write_csv(path, records)
            except OSError as exc:  # no permission, a full disk, a folder gone: say so, not a crash
                raise DomainError(f"无法写入 {path}：{exc.strerror or exc}") from exc

        def work() -> tuple[Path, int]:
            found = audit.export(services, actor, query, write)  # recorded only once written
            return path, len(found)

        self._set_busy(True)
        run_in_background(work, self._on_exported, self._on_failed)

    def _on_exported(self, result: tuple[Path, int]) -> None:
        self._set_busy(False)
        path, count = result
        self.message.setText(self.tr("已导出 {count} 条记录到 {path}").format(count=count, path=path))
        self.exported.emit(str(path))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.search_button, self.export_button):
            button.setEnabled(not busy)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.verify_button.setEnabled(True)
        report_failure(self, exc, self.message.setText)


def _readable(detail: str) -> str:
    """The canonical JSON of a record's detail, shown as key: value pairs."""
    try:
        data = json.loads(detail)
    except ValueError:
        return detail
    if not isinstance(data, dict) or not data:
        return "" if data == {} else detail
    return "；".join(f"{k}: {v}" for k, v in data.items())
