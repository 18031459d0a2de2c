"""统一出件: cases whose items are all decided; issue everything at once, record who received it,
then let the applicant rate the service. A case with denied items says so plainly."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.applications import Application, CaseSummary, RequestState
from desktop.domain.users import Actor
from desktop.services import cases, issuing, ratings
from desktop.services.base import Services
from desktop.services.issuing import IssueResult
from ui.errors import show_error
from ui.rating_pad import RatingPad
from ui.tasks import run_in_background


class IssuingScreen(QWidget):
    issued = Signal(str)  # licence number ("" when nothing was granted)
    delivered = Signal(str)  # application number
    rated = Signal(str)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.cases = QListWidget(self)
        self.cases.currentItemChanged.connect(lambda current, _prev: self._show(current))
        self.detail = QLabel(self.tr("请选择待出件的办件"), self)
        self.detail.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"), self)
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        self.issue_button = QPushButton(self.tr("出件 (Ctrl+Enter)"), self)
        self.issue_button.setShortcut("Ctrl+Return")
        self.issue_button.clicked.connect(self._on_issue)
        self.status = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.issue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("待出件（全部事项已办结）："), self))
        layout.addWidget(self.cases, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._current: Application | None = None
        self.refresh()

    def refresh(self) -> None:
        services, actor = self._services, self._actor
        run_in_background(lambda: cases.awaiting_issue(services, actor), self._on_listed, self._on_failed)

    def _on_listed(self, found: list[CaseSummary]) -> None:
        self.cases.clear()
        for case in found:
            item = QListWidgetItem(f"{case.number}　{case.enterprise_name}")
            item.setData(256, case.id)
            self.cases.addItem(item)
        self.status.setText(self.tr("待出件 {count} 件").format(count=len(found)))
        if found:
            self.cases.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        app_id = str(item.data(256))
        services, actor = self._services, self._actor
        run_in_background(lambda: cases.get(services, actor, app_id), self._on_case, self._on_failed)

    def _on_case(self, app: Application) -> None:
        self._current = app
        lines = []
        for r in app.requests.values():
            lines.append(
                f"{r.matter_name}：{r.state.label}"
                + (f"（{r.decision_reason}）" if r.decision_reason else "")
            )
        denied = [r.matter_name for r in app.requests.values() if r.state is RequestState.DENIED]
        if denied:
            lines.append(
                self.tr("请向申请人说明：以下事项不予许可——{matters}；其余事项照常出件。").format(
                    matters="、".join(denied)
                )
            )
        self.detail.setText("\n".join(lines))

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("操作未完成"))
        show_error(self, exc)

    def _on_issue(self) -> None:
        app = self._current
        if app is None:
            return
        services, actor = self._services, self._actor
        run_in_background(lambda: issuing.issue(services, actor, app.id), self._on_issued, self._on_failed)

    def _on_issued(self, result: IssueResult) -> None:
        number = result.licence.number if result.licence else ""
        self.status.setText(
            self.tr("已出件：{count} 份证照").format(count=len(result.permits))
            + (self.tr("，行业综合许可证 {number}").format(number=number) if number else "")
        )
        self.issued.emit(number)
        receiver, ok = QInputDialog.getText(self, self.tr("签收"), self.tr("领取人姓名："))
        app_id, app_number = result.application.id, result.application.number
        if ok and receiver.strip():
            services, actor = self._services, self._actor
            run_in_background(
                lambda: issuing.deliver(services, actor, app_id, receiver.strip()),
                lambda _app: self._after_delivery(app_id, app_number),
                self._on_failed,
            )
        else:
            self.refresh()

    def _after_delivery(self, app_id: str, app_number: str) -> None:
        self.delivered.emit(app_number)
        pad = RatingPad(app_number, self)
        pad.rated.connect(lambda level, comment: self._record_rating(app_id, app_number, level, comment))
        pad.present()
        self.refresh()

    def _record_rating(self, app_id: str, app_number: str, level: int, comment: str) -> None:
        services, actor = self._services, self._actor
        run_in_background(
            lambda: ratings.rate(services, actor, app_id, level, comment, via="pad"),
            lambda _r: self.rated.emit(app_number),
            self._on_failed,
        )
