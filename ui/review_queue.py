"""审批队列 (后台分类审批): the reviewer's queue with working-day countdowns, loaded lazily page by
page from the database, and the decisions on the selected item: 认领 · 释放 · 准予许可 · 不予许可 ·
补正. The services decide who may do what; this screen asks, shows and explains.

Every database call runs through ``ui.tasks.run_in_background``; the GUI thread only paints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.applications import Application, RequestState
from desktop.domain.queue import OPEN_STATES, QueueFilter, QueueItem, QueuePage
from desktop.domain.users import Actor
from desktop.services import queue, review
from desktop.services.base import Services
from desktop.services.queue import MAX_PAGE
from ui.errors import message_for, show_error
from ui.review_dialogs import MaterialChoice, SupplementChoices, SupplementDialog
from ui.tasks import run_in_background

PAGE_SIZE = 200
ITEM_ROLE = Qt.ItemDataRole.UserRole  # the row's QueueItem

(COL_NUMBER, COL_ENTERPRISE, COL_MATTER, COL_MODE, COL_STATE, COL_DUE, COL_REMAINING) = range(7)
# Columns whose header sorts the queue in the database (QueueFilter.sort).
SORT_COLUMNS = {COL_NUMBER: "number", COL_ENTERPRISE: "enterprise", COL_DUE: "due"}

# Colour always comes with words in the cell (已超期 / 即将到期): never colour alone.
OVERDUE_BACKGROUND = "#fde2e4"
OVERDUE_TEXT = "#b00020"
DUE_SOON_BACKGROUND = "#fff1c2"
DUE_SOON_TEXT = "#8a5a00"
_ERROR_STYLE = f"color:{OVERDUE_TEXT};"


def load_rows(services: Services, actor: Actor, f: QueueFilter, offset: int, count: int) -> QueuePage:
    """``count`` rows of the view from ``offset``, in pages the service accepts (runs off the GUI
    thread)."""
    items: list[QueueItem] = []
    total = 0
    while True:
        page = queue.page(services, actor, f, offset + len(items), min(MAX_PAGE, count - len(items)))
        items.extend(page.items)
        total = page.total
        if len(items) >= count or not page.items or offset + len(items) >= total:
            return QueuePage(tuple(items), total, offset)


def supplement_choices(
    services: Services, actor: Actor, application_id: str, request_id: str
) -> SupplementChoices:
    """The materials the applicant provides for the item, from the case's own catalog version."""
    found = review.supplement_choices(services, actor, application_id, request_id)
    materials = tuple(
        MaterialChoice(m.code, m.name, m.copies, m.code in found.received) for m in found.materials
    )
    return SupplementChoices(found.application_number, found.matter_name, found.catalog_version, materials)


# -- how a row reads ---------------------------------------------------------------------------
def state_text(item: QueueItem, me: str) -> str:
    row = item.row
    if row.state == RequestState.CLAIMED.value and row.claimed_by:
        if row.claimed_by == me:
            return QCoreApplication.translate("ReviewQueue", "已由 {who} 认领（本人）").format(who=me)
        return QCoreApplication.translate("ReviewQueue", "已由 {who} 认领").format(who=row.claimed_by)
    try:
        return RequestState(row.state).label
    except ValueError:
        return row.state


def due_text(item: QueueItem) -> str:
    if item.row.due is None:
        return "—"
    provisional = QCoreApplication.translate("ReviewQueue", "（暂定）") if item.row.due_provisional else ""
    return item.row.due.isoformat() + provisional


def remaining_text(item: QueueItem) -> str:
    days = item.remaining_days
    if days is None:
        return "—"
    if item.overdue:
        return QCoreApplication.translate("ReviewQueue", "已超期 {days} 天").format(days=-days)
    if item.due_soon:
        return QCoreApplication.translate("ReviewQueue", "{days}（即将到期）").format(days=days)
    return str(days)


class QueueModel(QAbstractTableModel):
    """The queue, fetched from the database a page at a time as the view scrolls."""

    loaded = Signal(int)  # rows now held
    reloaded = Signal()  # the model was refilled from the first row (selection to restore)
    failed = Signal(object)  # the exception of a failed load

    def __init__(self, services: Services, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._filter = QueueFilter(department=None)  # the service narrows a reviewer to their own
        self._items: list[QueueItem] = []
        self._total = 0
        self._generation = 0  # results of an older request are dropped
        self._busy = False
        self._headers = [
            self.tr("办件编号"),
            self.tr("市场主体"),
            self.tr("事项"),
            self.tr("改革方式"),
            self.tr("状态"),
            self.tr("办理时限"),
            self.tr("剩余工作日"),
        ]

    # -- what the screen asks ------------------------------------------------------------------
    @property
    def filter(self) -> QueueFilter:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    @property
    def busy(self) -> bool:
        return self._busy

    def item(self, row: int) -> QueueItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, request_id: str) -> int:
        for row, item in enumerate(self._items):
            if item.row.request_id == request_id:
                return row
        return -1

    def set_filter(self, f: QueueFilter) -> None:
        self._filter = f
        self.reload(keep_loaded=False)

    def reload(self, keep_loaded: bool = True) -> None:
        """Load the view again from its first row; after an action as many rows as were loaded
        (so the reviewer keeps their place), after a new filter or sort one page."""
        self._generation += 1
        generation = self._generation
        self._busy = True
        count = max(PAGE_SIZE, len(self._items)) if keep_loaded else PAGE_SIZE
        services, actor, f = self._services, self._actor, self._filter
        run_in_background(
            lambda: load_rows(services, actor, f, 0, count),
            lambda page: self._on_reloaded(generation, page),
            lambda exc: self._on_failed(generation, exc),
        )

    # -- lazy loading (Qt asks when the view reaches the last loaded row) ------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        if parent.isValid():
            return False
        return not self._busy and len(self._items) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        self._busy = True
        generation = self._generation
        offset = len(self._items)
        services, actor, f = self._services, self._actor, self._filter
        run_in_background(
            lambda: queue.page(services, actor, f, offset, PAGE_SIZE),
            lambda page: self._on_more(generation, page),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_reloaded(self, generation: int, page: QueuePage) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._items = list(page.items)
        self._total = page.total
        self.endResetModel()
        self._busy = False
        self.reloaded.emit()
        self.loaded.emit(len(self._items))

    def _on_more(self, generation: int, page: QueuePage) -> None:
        if generation != self._generation:
            return
        self._busy = False
        if page.offset != len(self._items):
            return
        known = {item.row.request_id for item in self._items}
        fresh = [item for item in page.items if item.row.request_id not in known]
        if fresh:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._items.extend(fresh)
            self.endInsertRows()
        # rows that moved away meanwhile (decided by others) must not make Qt ask for ever
        self._total = page.total if fresh else len(self._items)
        self.loaded.emit(len(self._items))

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self.failed.emit(exc)

    # -- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, col)
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.overdue:
                return QBrush(QColor(OVERDUE_BACKGROUND))
            if item.due_soon:
                return QBrush(QColor(DUE_SOON_BACKGROUND))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col in (COL_DUE, COL_REMAINING):
            if item.overdue:
                return QBrush(QColor(OVERDUE_TEXT))
            if item.due_soon:
                return QBrush(QColor(DUE_SOON_TEXT))
            return None
        if role == Qt.ItemDataRole.FontRole and col == COL_REMAINING and (item.overdue or item.due_soon):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_REMAINING:
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        return None

    def _text(self, item: QueueItem, col: int) -> str:
        row = item.row
        if col == COL_NUMBER:
            return row.application_number
        if col == COL_ENTERPRISE:
            return row.enterprise_name
        if col == COL_MATTER:
            return row.matter_name
        if col == COL_MODE:
            return row.mode.label
        if col == COL_STATE:
            return state_text(item, self._actor.username)
        if col == COL_DUE:
            return due_text(item)
        return remaining_text(item)

    def _tooltip(self, item: QueueItem) -> str:
        row = item.row
        lines = [f"{row.application_number}　{row.enterprise_name}（{row.uscc}）", row.matter_name]
        if row.due is not None:
            provisional = self.tr("（暂定：该年度节假日安排未公布，日历更新后重新计算）")
            lines.append(
                self.tr("办理时限：{due}").format(due=row.due.isoformat())
                + (provisional if row.due_provisional else "")
            )
        if item.overdue and item.remaining_days is not None:
            lines.append(self.tr("已超期 {days} 个工作日").format(days=-item.remaining_days))
        elif item.due_soon and item.remaining_days is not None:
            lines.append(self.tr("即将到期：剩余 {days} 个工作日").format(days=item.remaining_days))
        return "\n".join(lines)


class ReviewQueueScreen(QWidget):
    decided = Signal(str)  # application number, after 准予许可 / 不予许可 / 补正
    loaded = Signal(int)  # rows now loaded in the table
    acted = Signal(str, str)  # (command, application number) after any successful action
    failed = Signal(str)  # the message shown when an action or a load was refused

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._acting = False
        self._keep_request: str | None = None
        self._keep_row = 0

        self.model = QueueModel(services, actor, self)
        self.model.loaded.connect(self._on_loaded)
        self.model.reloaded.connect(self._restore_selection)
        self.model.failed.connect(self._on_load_failed)

        # -- filter row ------------------------------------------------------------------------
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("办件编号、市场主体名称、统一社会信用代码或事项，回车查询"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.apply_filter)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(350)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textEdited.connect(lambda _text: self._debounce.start())
        self.state_filter = QComboBox(self)
        for label, states in (
            (self.tr("全部"), OPEN_STATES),
            (RequestState.IN_REVIEW.label, (RequestState.IN_REVIEW,)),
            (RequestState.CLAIMED.label, (RequestState.CLAIMED,)),
            (RequestState.AWAITING_SUPPLEMENT.label, (RequestState.AWAITING_SUPPLEMENT,)),
        ):
            self.state_filter.addItem(label, states)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.sort_choice = QComboBox(self)
        for label, key in (
            (self.tr("按办理时限"), "due"),
            (self.tr("按办件编号"), "number"),
            (self.tr("按市场主体"), "enterprise"),
        ):
            self.sort_choice.addItem(label, key)
        self.sort_choice.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.descending = QCheckBox(self.tr("降序"), self)
        self.descending.toggled.connect(lambda _on: self.apply_filter())
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"), self)
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.clicked.connect(self.refresh)

        # -- the table -------------------------------------------------------------------------
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)  # the row colour means 已超期 / 即将到期
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring at 100,000
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        header.setStretchLastSection(False)
        width = self.fontMetrics().horizontalAdvance
        for col, sample in (
            (COL_NUMBER, "YC2026112601000000"),
            (COL_MATTER, "道路普通货物运输经营许可证"),
            (COL_MODE, "优化审批服务"),
            (COL_STATE, "已由 reviewer 认领（本人）"),
            (COL_DUE, "2026-12-31（暂定）"),
            (COL_REMAINING, "已超期 10 天"),
        ):
            self.table.setColumnWidth(col, width(sample) + 24)
        header.setSectionResizeMode(COL_ENTERPRISE, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumWidth(600)
        self.table.activated.connect(lambda _index: self._claim_if_waiting())  # Enter / double-click
        self.table.selectionModel().currentRowChanged.connect(lambda _cur, _prev: self._show_selected())

        # -- actions ---------------------------------------------------------------------------
        self.claim_button = self._button(self.tr("认领 (Ctrl+L)"), "Ctrl+L", self.claim)
        self.release_button = self._button(self.tr("释放 (Ctrl+Shift+L)"), "Ctrl+Shift+L", self.release)
        self.grant_button = self._button(self.tr("准予许可 (Ctrl+Enter)"), "Ctrl+Return", self.grant)
        self.deny_button = self._button(self.tr("不予许可… (Ctrl+D)"), "Ctrl+D", self.deny)
        self.supplement_button = self._button(self.tr("补正… (Ctrl+B)"), "Ctrl+B", self.request_supplement)
        self.grant_button.setStyleSheet("font-weight:bold;")
        # Ctrl+Enter from the keypad as well; Ctrl+F jumps to the search box.
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.grant)
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_search)
        QShortcut(QKeySequence("F1"), self, self.show_help)
        self._action_buttons = (
            self.claim_button,
            self.release_button,
            self.grant_button,
            self.deny_button,
            self.supplement_button,
        )

        self.selected_label = QLabel(self)
        self.selected_label.setWordWrap(True)
        self.counts = QLabel(self.tr("正在载入审批队列…"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        # -- layout ----------------------------------------------------------------------------
        filters = QHBoxLayout()
        search_label = QLabel(self.tr("查询(&F)："), self)
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        state_label = QLabel(self.tr("状态(&S)："), self)
        state_label.setBuddy(self.state_filter)
        filters.addWidget(state_label)
        filters.addWidget(self.state_filter)
        sort_label = QLabel(self.tr("排序(&O)："), self)
        sort_label.setBuddy(self.sort_choice)
        filters.addWidget(sort_label)
        filters.addWidget(self.sort_choice)
        filters.addWidget(self.descending)
        filters.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        for button in self._action_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.counts)
        who = actor.department or self.tr("全部部门")
        title = QLabel(
            self.tr("审批队列 — {who}　（红底“已超期”，黄底“即将到期”：剩余 3 个工作日以内）").format(
                who=who
            ),
            self,
        )
        title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.selected_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.setTabOrder(self.search, self.state_filter)
        self.setTabOrder(self.state_filter, self.sort_choice)
        self.setTabOrder(self.sort_choice, self.descending)
        self.setTabOrder(self.descending, self.table)
        previous: QWidget = self.table
        for button in self._action_buttons:
            self.setTabOrder(previous, button)
            previous = button

        self._update_buttons()
        self.table.setFocus()
        self.model.reload(keep_loaded=False)

    def _button(self, text: str, shortcut: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setShortcut(QKeySequence(shortcut))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def show_help(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("审批队列 — 帮助"), "", parent=self)
        box.setText(
            self.tr(
                "↑↓ 选择办件，回车或 Ctrl+L 认领，Ctrl+Shift+L 释放；\n"
                "Ctrl+Enter 准予许可，Ctrl+D 不予许可（须填写理由并确认，不可撤销），"
                "Ctrl+B 补正（只能勾选事项清单所列材料）；\n"
                "Ctrl+F 查询，F5 刷新。点击“办件编号”“市场主体”“办理时限”列标题排序。\n"
                "红底“已超期”：已超过办理时限；黄底“即将到期”：剩余 3 个工作日以内。"
            )
        )
        box.open()

    def _claim_if_waiting(self) -> None:
        item = self.selected_item()
        if item is not None and item.row.state == RequestState.IN_REVIEW.value:
            self.claim()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- the view ----------------------------------------------------------------------------
    def current_filter(self) -> QueueFilter:
        states = self.state_filter.currentData()
        return replace(
            self.model.filter,
            states=tuple(states) if states else OPEN_STATES,
            search=self.search.text().strip(),
            sort=str(self.sort_choice.currentData()),
            descending=self.descending.isChecked(),
        )

    def apply_filter(self) -> None:
        """Search, state and sort go to the database; the table starts again from the top."""
        self._debounce.stop()
        self._sync_sort_indicator()
        self._remember_selection()
        self.counts.setText(self.tr("正在查询…"))
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        """Reload the current view (same filter and sort, as many rows as are loaded)."""
        self._remember_selection()
        self.model.reload(keep_loaded=True)

    def selected_item(self) -> QueueItem | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _remember_selection(self) -> None:
        item = self.selected_item()
        self._keep_request = item.row.request_id if item else None
        self._keep_row = max(0, self.table.currentIndex().row())

    def _restore_selection(self) -> None:
        if self.model.rowCount() == 0:
            self._show_selected()
            return
        row = self.model.row_of(self._keep_request) if self._keep_request else -1
        if row < 0:  # decided and gone: the next item takes its place
            row = min(self._keep_row, self.model.rowCount() - 1)
        self.select_row(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _on_loaded(self, count: int) -> None:
        total = self.model.total
        if total == 0:
            text = self.tr("没有符合条件的办件")
        else:
            text = self.tr("共 {total} 件，已载入 {count} 件").format(total=total, count=count)
        self.counts.setText(text)
        self._update_buttons()
        self.loaded.emit(count)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._report(exc, self.tr("审批队列未能载入"))

    def _on_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        key = SORT_COLUMNS.get(section)
        if key is None:  # only 办件编号, 市场主体 and 办理时限 sort (in the database)
            self._sync_sort_indicator()
            return
        for widget in (self.sort_choice, self.descending):
            widget.blockSignals(True)
        self.sort_choice.setCurrentIndex(self.sort_choice.findData(key))
        self.descending.setChecked(order == Qt.SortOrder.DescendingOrder)
        for widget in (self.sort_choice, self.descending):
            widget.blockSignals(False)
        self.apply_filter()

    def _sync_sort_indicator(self) -> None:
        key = self.sort_choice.currentData()
        section = next(col for col, k in SORT_COLUMNS.items() if k == key)
        order = Qt.SortOrder.DescendingOrder if self.descending.isChecked() else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(section, order)
        header.blockSignals(False)
        header.viewport().update()

    def _show_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            self.selected_label.setText(self.tr("未选中办件"))
        else:
            row = item.row
            self.selected_label.setText(
                self.tr(
                    "当前：{number}　{name}（{uscc}）　{matter}　{state}　办理时限 {due}　剩余工作日 {left}"
                ).format(
                    number=row.application_number,
                    name=row.enterprise_name,
                    uscc=row.uscc,
                    matter=row.matter_name,
                    state=state_text(item, self._actor.username),
                    due=due_text(item),
                    left=remaining_text(item),
                )
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        # The service decides who may act; the buttons only need something selected.
        enabled = self.selected_item() is not None and not self._acting
        for button in self._action_buttons:
            button.setEnabled(enabled)

    # -- actions -----------------------------------------------------------------------------
    def claim(self) -> None:
        self._act("claim", review.claim, self.tr("已认领 {number}「{matter}」，可以办理"))

    def release(self) -> None:
        self._act("release", review.release, self.tr("已释放 {number}「{matter}」，其他审批人员可以认领"))

    def grant(self) -> None:
        self._act("grant", review.grant, self.tr("已准予许可：{number}「{matter}」"), decision=True)

    def deny(self) -> None:
        item = self._target()
        if item is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("不予许可"),
            self.tr("{number}「{matter}」不予许可，请填写理由（将写入不予许可决定书）：").format(
                number=item.row.application_number, matter=item.row.matter_name
            ),
        )
        if not ok:
            self._say(self.tr("已取消不予许可"))
            return
        reason = reason.strip()
        if not reason:
            self._say(self.tr("不予许可必须填写理由，未作任何处理"), error=True)
            self.failed.emit(self.status.text())
            return
        answer = QMessageBox.question(
            self,
            self.tr("确认不予许可"),
            self.tr("确定对 {number}「{matter}」作出不予许可决定？\n理由：{reason}\n此决定不可撤销。").format(
                number=item.row.application_number, matter=item.row.matter_name, reason=reason
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._say(self.tr("已取消不予许可"))
            return
        self._act(
            "deny",
            lambda s, a, app, req: review.deny(s, a, app, req, reason),
            self.tr("已不予许可：{number}「{matter}」"),
            decision=True,
            item=item,
        )

    def request_supplement(self) -> None:
        item = self._target()
        if item is None:
            return
        services, actor = self._services, self._actor
        app_id, req_id = item.row.application_id, item.row.request_id
        self._begin(self.tr("正在读取事项清单中的材料…"))
        run_in_background(
            lambda: supplement_choices(services, actor, app_id, req_id),
            lambda choices: self._ask_supplement(item, choices),
            self._on_action_failed,
        )

    def supplement_dialog(self, choices: SupplementChoices) -> SupplementDialog:
        return SupplementDialog(choices, self)

    def _ask_supplement(self, item: QueueItem, choices: SupplementChoices) -> None:
        self._acting = False
        self._update_buttons()
        dialog = self.supplement_dialog(choices)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            missing = dialog.checked()
        finally:
            dialog.deleteLater()
        if not accepted:
            self._say(self.tr("已取消补正"))
            return
        if not missing:
            self._say(self.tr("请至少勾选一项需补正的材料"), error=True)
            return
        self._act(
            "supplement",
            lambda s, a, app, req: review.request_supplement(s, a, app, req, missing),
            self.tr("已通知补正：{number}「{matter}」，缺少 {count} 项材料"),
            decision=True,
            item=item,
            count=len(missing),
        )

    def _target(self) -> QueueItem | None:
        if self._acting:
            return None
        item = self.selected_item()
        if item is None:
            self._say(self.tr("请先在队列中选中一个办件"), error=True)
        return item

    def _act(
        self,
        command: str,
        call: Callable[[Services, Actor, str, str], Application],
        done_text: str,
        *,
        decision: bool = False,
        item: QueueItem | None = None,
        count: int = 0,
    ) -> None:
        item = item or self._target()
        if item is None:
            return
        services, actor = self._services, self._actor
        app_id, req_id = item.row.application_id, item.row.request_id
        number, matter = item.row.application_number, item.row.matter_name
        self._begin(self.tr("正在办理 {number}…").format(number=number))

        def succeeded(_app: object) -> None:
            self._acting = False
            self._say(done_text.format(number=number, matter=matter, count=count))
            self.acted.emit(command, number)
            if decision:
                self.decided.emit(number)
            self.refresh()

        run_in_background(lambda: call(services, actor, app_id, req_id), succeeded, self._on_action_failed)

    def _begin(self, text: str) -> None:
        self._acting = True
        self._update_buttons()
        self._say(text)

    def _on_action_failed(self, exc: BaseException) -> None:
        self._acting = False
        self._report(exc, self.tr("操作未完成"))
        self.refresh()  # the item may have changed hands meanwhile: show it as it is now

    def _report(self, exc: BaseException, title: str) -> None:
        known = message_for(exc)
        text = known if known is not None else self.tr("程序出现内部错误，已录入的数据不会丢失")
        self._say(text, error=True)
        self._update_buttons()
        show_error(self, exc, title)
        self.failed.emit(text)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(_ERROR_STYLE if error else "")
        self.status.setText(text)
