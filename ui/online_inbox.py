"""网上申请 (一网办): the online applications the central platform published for this hall.

The clerk's own tab, right after 综合受理: a list (submitted at, enterprise, matters, who holds it)
with a count. 接办 takes one (only one clerk of the hall can hold it; the loser is told who has
it) and opens it in the intake wizard prefilled — from there it goes through the same 受理 / 补正 /
不予受理 as a walk-in case (无差别办理), recorded as an online case. 放弃 puts it back on the list.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.online import OnlineApplication, OnlineStatus
from desktop.domain.users import Actor
from desktop.services import catalog as catalog_service
from desktop.services import online
from desktop.services.base import Services
from ui.errors import report_failure
from ui.formatting import local_time
from ui.tasks import run_in_background


def load(
    services: Services, actor: Actor, names: dict[str, str] | None
) -> tuple[list[OnlineApplication], dict[str, str]]:
    """On a pool thread: the open online applications, and the matter names (read once)."""
    found = online.pending(services, actor)
    if names is None:
        try:
            names = {code: m.name for code, m in catalog_service.current(services).matters.items()}
        except Exception:  # no catalog yet: the codes are shown instead
            names = {}
    return found, names


class OnlineInboxScreen(QWidget):
    taken = Signal(object)  # OnlineApplication, now held by this clerk: open it in the wizard
    released = Signal(str)  # online application id
    count_changed = Signal(int)  # applications waiting for a clerk (for the tab title)
    loaded = Signal(int)  # rows shown

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.applications: list[OnlineApplication] = []
        self._names: dict[str, str] | None = None
        self._busy = False
        self._loading = False
        self._load_again = False

        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("font-weight:bold;")
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
        header.setSectionResizeMode(self.MATTERS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.take_button = QPushButton(self.tr("接办 (Enter)"), self)
        self.release_button = QPushButton(self.tr("放弃（退回列表）"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.release_button)
        actions.addWidget(self.take_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.refresh_button.clicked.connect(self.refresh)
        self.take_button.clicked.connect(self.take_current)
        self.release_button.clicked.connect(self.release_current)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _index: self.take_current())
        self._update_buttons()
        self.count_label.setText(self.tr("网上申请：正在读取…"))
        self.refresh()

    MATTERS_COLUMN = 5

    def column_titles(self) -> list[str]:
        return [
            self.tr("提交时间"),
            self.tr("状态"),
            self.tr("市场主体"),
            self.tr("统一社会信用代码"),
            self.tr("申请编号"),
            self.tr("申请事项"),
        ]

    def status_text(self, application: OnlineApplication) -> str:
        if application.status is OnlineStatus.TAKEN:
            if application.taken_by == self._actor.username:
                return self.tr("本人已接办（未受理）")
            return self.tr("已由 {who} 接办").format(who=application.taken_by or "")
        return self.tr("待接办")

    # -- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        services, actor, names = self._services, self._actor, self._names
        run_in_background(lambda: load(services, actor, names), self._on_listed, self._on_failed)

    def _on_listed(self, result: tuple[list[OnlineApplication], dict[str, str]]) -> None:
        self._loading = False
        found, names = result
        self._names = names
        selected = self.current_id()
        self.applications = found
        self.table.setRowCount(len(found))
        for r, application in enumerate(found):
            matters = "、".join(names.get(code, code) for code in application.matters)
            values = [
                local_time(application.submitted_at),
                self.status_text(application),
                application.enterprise_name,
                application.uscc,
                application.id,
                matters or self.tr("（未列事项，见经营范围）"),
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c == self.MATTERS_COLUMN:
                    cell.setToolTip(value)
                self.table.setItem(r, c, cell)
        waiting = sum(1 for a in found if a.status is OnlineStatus.NEW)
        mine = sum(1 for a in found if a.taken_by == self._actor.username and a.status is OnlineStatus.TAKEN)
        if found:
            counts = self.tr("网上申请 {count} 件：待接办 {waiting} 件，本人已接办未受理 {mine} 件").format(
                count=len(found), waiting=waiting, mine=mine
            )
        else:
            counts = self.tr("暂无网上申请（与中心平台同步后，本大厅的网上申请列在这里）")
        self.count_label.setText(counts)
        self.select(selected)
        self.loaded.emit(len(found))
        self.count_changed.emit(waiting)
        if self._load_again:
            self._load_again = False
            self.refresh()

    def _on_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        report_failure(self, exc, self.message.setText)

    # -- selection ------------------------------------------------------------------------------------
    def current(self) -> OnlineApplication | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.applications) or not self.table.selectedItems():
            return None
        return self.applications[row]

    def current_id(self) -> str | None:
        found = self.current()
        return found.id if found else None

    def select(self, online_id: str | None) -> None:
        rows = [r for r, application in enumerate(self.applications) if application.id == online_id]
        if rows or self.applications:
            self.table.selectRow(rows[0] if rows else 0)
        self._update_buttons()  # also when the same row stays selected with a new status

    def _update_buttons(self) -> None:
        found = self.current()
        free = found is not None and found.status is OnlineStatus.NEW
        mine = found is not None and found.taken_by == self._actor.username
        self.take_button.setEnabled(not self._busy and (free or mine))
        self.take_button.setText(self.tr("继续办理 (Enter)") if mine else self.tr("接办 (Enter)"))
        self.release_button.setEnabled(not self._busy and mine)

    # -- 接办 / 放弃 -----------------------------------------------------------------------------------
    def take_current(self) -> None:
        """接办: hold the selected application (or one's own again) and open it in the wizard."""
        found = self.current()
        if found is None or self._busy:
            return
        self.take(found.id)

    def take(self, online_id: str) -> None:
        services, actor = self._services, self._actor
        self._busy = True
        self._update_buttons()
        self.message.setText(self.tr("正在接办 {id}…").format(id=online_id))
        run_in_background(
            lambda: online.take(services, actor, online_id),
            self._on_taken,
            self._on_take_failed,
        )

    def _on_taken(self, application: OnlineApplication) -> None:
        self._busy = False
        self.message.setText(
            self.tr("已接办网上申请 {id}（{name}），已在综合受理中打开").format(
                id=application.id, name=application.enterprise_name
            )
        )
        self.taken.emit(application)
        self.refresh()

    def _on_take_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self._show_error(exc)  # e.g. 网上申请 W1 已由 clerk2 领取，请选择其他申请
        self.refresh()

    def release_current(self) -> None:
        """放弃: put the application back on the list for any clerk."""
        found = self.current()
        if found is None or self._busy:
            return
        services, actor, online_id = self._services, self._actor, found.id
        self._busy = True
        self._update_buttons()
        run_in_background(
            lambda: online.release(services, actor, online_id),
            self._on_released,
            self._on_take_failed,
        )

    def _on_released(self, application: OnlineApplication) -> None:
        self._busy = False
        self.message.setText(self.tr("网上申请 {id} 已退回列表").format(id=application.id))
        self.released.emit(application.id)
        self.refresh()
