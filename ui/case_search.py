"""办件查询: find a case by USCC, name, application number or permit/licence number, and read its
full history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.applications import Application, ApplicationStatus, CaseSummary, RequestState
from desktop.domain.users import Actor
from desktop.services import cases, intake, review
from desktop.services.base import Services
from ui.errors import show_error
from ui.formatting import local_time
from ui.tasks import run_in_background

_ID = 256


class CaseSearchScreen(QWidget):
    shown = Signal(str)  # application number whose history is displayed

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("统一社会信用代码、名称、办件编号或证照编号，回车查询"))
        self.search.returnPressed.connect(self._on_search)
        self.results = QListWidget(self)
        self.results.currentItemChanged.connect(lambda current, _prev: self._open(current))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.history = QTableWidget(0, 5, self)
        self.history.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("事项"), self.tr("说明")]
        )
        self.history.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.receive_button = QPushButton(self.tr("补正材料已收"), self)
        self.receive_button.setEnabled(False)
        self.receive_button.clicked.connect(self._on_receive)
        self._current: Application | None = None
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.receive_button)
        right_layout.addWidget(self.history, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.results)
        splitter.addWidget(right)
        splitter.setSizes([360, 900])
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("查询："), self))
        row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)

    def _on_search(self) -> None:
        services, actor, text = self._services, self._actor, self.search.text()
        run_in_background(lambda: cases.find(services, actor, text), self._on_found, self._on_failed)

    def _on_found(self, found: list[CaseSummary]) -> None:
        self.results.clear()
        for case in found:
            item = QListWidgetItem(f"{case.number}　{case.enterprise_name}　{case.status.label}")
            item.setData(_ID, case.id)
            self.results.addItem(item)
        self.summary.setText(
            self.tr("找到 {count} 个办件").format(count=len(found))
            if found
            else self.tr("没有找到符合条件的办件")
        )
        if found:
            self.results.setCurrentRow(0)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        services, actor, app_id = self._services, self._actor, str(item.data(_ID))
        run_in_background(lambda: cases.get(services, actor, app_id), self._on_case, self._on_failed)

    def _awaiting(self, app: Application) -> list[str]:
        return [r.id for r in app.requests.values() if r.state is RequestState.AWAITING_SUPPLEMENT]

    def _on_receive(self) -> None:
        """补正材料已收: back to intake, or each waiting item back to its department's queue."""
        app = self._current
        if app is None:
            return
        services, actor = self._services, self._actor
        waiting = self._awaiting(app)
        pending = app.status is ApplicationStatus.SUPPLEMENT_PENDING

        def receive() -> Application:
            if pending:
                return intake.receive_supplement(services, actor, app.id)
            result = app
            for request_id in waiting:
                result = review.receive_supplement(services, actor, app.id, request_id)
            return result

        run_in_background(receive, self._on_case, self._on_failed)

    def _on_case(self, app: Application) -> None:
        self._current = app
        self.receive_button.setEnabled(
            app.status is ApplicationStatus.SUPPLEMENT_PENDING or bool(self._awaiting(app))
        )
        items = "；".join(f"{r.matter_name}：{r.state.label}" for r in app.requests.values())
        extra = self.tr("　帮办代办：{staff}").format(staff=app.assisted_by) if app.assisted_by else ""
        self.summary.setText(
            self.tr("{number}　{name}（{uscc}）　状态：{status}　首问责任人：{responder}").format(
                number=app.number,
                name=app.enterprise_name,
                uscc=app.uscc,
                status=app.status.label,
                responder=app.first_responder,
            )
            + f"{extra}\n{items}"
        )
        lines = cases.history(app)
        self.history.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for col, value in enumerate(
                (local_time(line.at), line.actor, line.action, line.matter, line.detail)
            ):
                self.history.setItem(row, col, QTableWidgetItem(value))
        self.shown.emit(app.number)

    def _on_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
