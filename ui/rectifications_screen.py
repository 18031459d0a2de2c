"""整改与回访 (hall admin): rectification tasks opened by bad ratings, due in 15 working days;
the call-back record closes a task."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.ratings import Rectification
from desktop.domain.users import Actor
from desktop.services import ratings
from desktop.services.base import Services
from ui.errors import report_failure
from ui.tasks import run_in_background


class RectificationsScreen(QWidget):
    closed = Signal(str)  # rectification id

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.tasks = QListWidget(self)
        self.record = QLineEdit(self)
        self.record.setPlaceholderText(self.tr("回访记录：整改措施和申请人意见"))
        self.close_button = QPushButton(self.tr("整改完成并回访"), self)
        self.close_button.clicked.connect(self._on_close)
        self.message = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.record, 1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("待整改的差评（15 个工作日内整改并回访）："), self))
        layout.addWidget(self.tasks, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        services = self._services
        run_in_background(lambda: ratings.open_rectifications(services), self._on_listed, self._on_failed)

    def _on_listed(self, found: list[Rectification]) -> None:
        self.tasks.clear()
        for task in found:
            item = QListWidgetItem(
                self.tr("{level}：{comment}　限 {due} 前完成").format(
                    level=task.level.label, comment=task.comment, due=task.due.isoformat()
                )
            )
            item.setData(256, task.id)
            self.tasks.addItem(item)
        self.message.setText(self.tr("待整改 {count} 件").format(count=len(found)))
        if found:
            self.tasks.setCurrentRow(0)

    def _on_close(self) -> None:
        item = self.tasks.currentItem()
        if item is None:
            return
        task_id, record = str(item.data(256)), self.record.text()
        services, actor = self._services, self._actor
        run_in_background(
            lambda: ratings.record_callback(services, actor, task_id, record),
            self._on_closed,
            self._on_failed,
        )

    def _on_closed(self, done: Rectification) -> None:
        self.record.clear()
        self.closed.emit(done.id)
        self.refresh()

    def _on_failed(self, exc: BaseException) -> None:
        report_failure(self, exc, self.message.setText)
