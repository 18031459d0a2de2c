"""Step 2 经营范围/行业: one search box for industries (一业一证 / 多业一证) and single scope terms,
in Chinese or pinyin initials, or a whole pasted business scope; the matters it requires appear
at once with their reform modes (or 准入即营 when none)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalog import Catalog, Matter, ScopeTermKind
from desktop.domain.scope import normalize_scope_text
from desktop.domain.search import HitKind, SearchHit, looks_like_scope_string
from desktop.services import catalog_search
from desktop.services.base import Services
from ui.intake.model import Selection, mode_label, notes, time_limit
from ui.intake.widgets import heading, muted

_HIT_ROLE = Qt.ItemDataRole.UserRole
_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MATTER_COLUMN_COUNT = 4


class ScopePage(QWidget):
    changed = Signal()
    finished = Signal()  # Enter on an empty search box with something chosen: go on

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.catalog: Catalog | None = None
        self.selection = Selection()
        self._in_ftz = False
        self._pasted_unknown: tuple[str, ...] = ()

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("行业或经营范围：中文或拼音首字母（bld → 便利店，spjy → 食品经营），也可粘贴整段经营范围")
        )
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setMinimumHeight(150)
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.selected = QListWidget(self)
        self.selected.setMinimumHeight(110)
        self.remove_button = QPushButton(self.tr("移除所选 (Delete)"), self)
        self.kind_label = QLabel(self)
        self.kind_label.setStyleSheet("font-weight:bold;")
        self.unknown_label = QLabel(self)
        self.unknown_label.setWordWrap(True)
        self.unknown_label.setStyleSheet("color:#8a5a00;")
        self.operate_label = QLabel(self)
        self.operate_label.setWordWrap(True)
        self.operate_label.setStyleSheet(
            "color:#1b5e20;font-weight:bold;font-size:14pt;border:1px solid #1b5e20;padding:8px;"
        )
        self.matters_label = QLabel(self)
        self.matters_table = QTableWidget(0, MATTER_COLUMN_COUNT, self)
        self.matters_table.setHorizontalHeaderLabels(
            [self.tr("事项名称"), self.tr("改革方式"), self.tr("办理时限"), self.tr("说明")]
        )
        self.matters_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matters_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.matters_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matters_table.verticalHeader().setVisible(False)
        self.matters_table.setWordWrap(True)
        header = self.matters_table.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
            )
        ):
            header.setSectionResizeMode(column, mode)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("查找："), self))
        left.addWidget(self.search)
        left.addWidget(muted(self.tr("↓ 进入结果，回车选中；粘贴的整段经营范围回车后全部加入。"), self))
        left.addWidget(self.results, 2)
        chosen_head = QHBoxLayout()
        chosen_head.addWidget(QLabel(self.tr("已选择："), self))
        chosen_head.addStretch(1)
        chosen_head.addWidget(self.remove_button)
        left.addLayout(chosen_head)
        left.addWidget(self.selected, 1)
        left.addWidget(self.unknown_label)
        right = QVBoxLayout()
        right.addWidget(self.kind_label)
        right.addWidget(self.matters_label)
        right.addWidget(self.operate_label)
        right.addWidget(self.matters_table, 1)
        right.addStretch(0)  # keeps the labels at the top while the table is hidden
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addSpacing(12)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("经营范围 / 行业"), self))
        layout.addLayout(columns, 1)

        self.search.textChanged.connect(self._on_search_changed)
        self.results.activated.connect(lambda index: self.choose_item(self.results.item(index.row())))
        self.remove_button.clicked.connect(self.remove_current)
        for widget in (self.search, self.results, self.selected):
            widget.installEventFilter(self)
        self._show_results_placeholder()
        self._refresh()

    def inputs(self) -> list[QWidget]:
        return [self.remove_button]  # the lists and the search box handle Enter themselves

    # -- catalog and state --------------------------------------------------------------------------
    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._on_search_changed(self.search.text())
        self._refresh()

    def set_in_ftz(self, in_ftz: bool) -> None:
        if in_ftz != self._in_ftz:
            self._in_ftz = in_ftz
            self._refresh()

    def matters(self) -> tuple[Matter, ...]:
        return self.selection.matters(self.catalog) if self.catalog is not None else ()

    def industry_names(self) -> list[str]:
        if self.catalog is None:
            return []
        return [i.name for i in self.selection.chosen_industries(self.catalog)]

    def licence_kind(self) -> str:
        return self.selection.licence_kind(self.catalog) if self.catalog is not None else ""

    def state(self) -> dict[str, object]:
        return {**self.selection.as_dict(), "search": self.search.text()}

    def set_state(self, data: dict[str, object]) -> None:
        self.selection = Selection.from_dict(data)
        self.search.blockSignals(True)
        self.search.setText(str(data.get("search", "") or ""))
        self.search.blockSignals(False)
        self._pasted_unknown = ()
        self._on_search_changed(self.search.text())
        self._refresh()

    # -- searching ----------------------------------------------------------------------------------
    def _show_results_placeholder(self) -> None:
        self.results.clear()
        if self.catalog is None:
            text = self.tr("正在载入事项清单…")
        else:
            text = self.tr("输入后在此列出行业和经营范围规范表述")
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.results.addItem(item)

    def _on_search_changed(self, text: str) -> None:
        if self.catalog is None or not text.strip():
            self._show_results_placeholder()
            return
        self.results.clear()
        if looks_like_scope_string(text):
            parsed = catalog_search.parse_scope(self.catalog, text)
            for term in parsed.terms:
                hit = SearchHit(
                    HitKind.TERM, normalize_scope_text(term.term), term.term, term.matter_codes, term.kind
                )
                self._add_result(hit, prefix=self.tr("识别"))
            for unknown in parsed.unknown_terms:
                item = QListWidgetItem(
                    self.tr("未识别：{term}（不是规范表述，请查找后单独选择）").format(term=unknown)
                )
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.results.addItem(item)
        else:
            for hit in catalog_search.search(self._services, self.catalog, text):
                self._add_result(hit)
            if not self.results.count():
                item = QListWidgetItem(self.tr("没有找到；可换个说法，或用拼音首字母"))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _describe(self, hit: SearchHit) -> str:
        assert self.catalog is not None
        names = [self.catalog.matters[c].name for c in hit.matter_codes if c in self.catalog.matters]
        if hit.kind is HitKind.INDUSTRY:
            return self.tr("【行业】{name}（{count} 项许可，一业一证）").format(
                name=hit.label, count=len(names)
            )
        kind = self._term_kind(hit.term_kind is ScopeTermKind.LICENSED)
        needs = "→ " + "、".join(names) if names else self.tr("（无需许可）")
        return f"【{kind}】{hit.label} {needs}"

    def _term_kind(self, licensed: bool) -> str:
        return self.tr("许可") if licensed else self.tr("一般")

    def _add_result(self, hit: SearchHit, prefix: str = "") -> None:
        text = self._describe(hit)
        item = QListWidgetItem(
            self.tr("{prefix}：{text}").format(prefix=prefix, text=text) if prefix else text
        )
        item.setData(_HIT_ROLE, hit)
        self.results.addItem(item)

    def result_hits(self) -> list[SearchHit]:
        out = []
        for row in range(self.results.count()):
            hit = self.results.item(row).data(_HIT_ROLE)
            if isinstance(hit, SearchHit):
                out.append(hit)
        return out

    # -- choosing -----------------------------------------------------------------------------------
    def choose(self, hit: SearchHit) -> None:
        if hit.kind is HitKind.INDUSTRY:
            if hit.key not in self.selection.industries:
                self.selection.industries.append(hit.key)
        elif hit.key not in self.selection.terms:
            self.selection.terms.append(hit.key)
        self._refresh()
        self.changed.emit()

    def choose_item(self, item: QListWidgetItem | None) -> None:
        hit = item.data(_HIT_ROLE) if item is not None else None
        if not isinstance(hit, SearchHit):
            return
        self.choose(hit)
        self.search.clear()
        self.search.setFocus()

    def _on_search_return(self) -> None:
        text = self.search.text()
        if not text.strip():
            if self.selection:
                self.finished.emit()
            return
        if looks_like_scope_string(text) and self.catalog is not None:
            parsed = catalog_search.parse_scope(self.catalog, text)
            for hit in self.result_hits():
                if hit.key not in self.selection.terms:
                    self.selection.terms.append(hit.key)
            self._pasted_unknown = parsed.unknown_terms
            self.search.clear()
            self._refresh()
            self.changed.emit()
            return
        current = self.results.currentItem() or self.results.item(0)
        self.choose_item(current)

    def remove_current(self) -> None:
        item = self.selected.currentItem()
        if item is None:
            return
        kind, key = item.data(_KEY_ROLE)
        if kind == HitKind.INDUSTRY.value and key in self.selection.industries:
            self.selection.industries.remove(key)
        elif key in self.selection.terms:
            self.selection.terms.remove(key)
        row = self.selected.currentRow()
        self._refresh()
        self.changed.emit()
        if self.selected.count():
            self.selected.setCurrentRow(min(row, self.selected.count() - 1))

    def clear(self) -> None:
        self.selection = Selection()
        self._pasted_unknown = ()
        self.search.clear()
        self._refresh()

    # -- showing what is required -------------------------------------------------------------------
    def _refresh(self) -> None:
        self.selected.clear()
        catalog = self.catalog
        if catalog is None:
            self.kind_label.setText(self.tr("正在载入事项清单…"))
            self.matters_label.clear()
            self.operate_label.setVisible(False)
            self.matters_table.setRowCount(0)
            return
        for industry in self.selection.chosen_industries(catalog):
            item = QListWidgetItem(self.tr("【行业】{name}").format(name=industry.name))
            item.setData(_KEY_ROLE, (HitKind.INDUSTRY.value, industry.code))
            self.selected.addItem(item)
        for term in self.selection.chosen_terms(catalog):
            kind = self._term_kind(term.kind is ScopeTermKind.LICENSED)
            item = QListWidgetItem(f"【{kind}】{term.term}")
            item.setData(_KEY_ROLE, (HitKind.TERM.value, normalize_scope_text(term.term)))
            self.selected.addItem(item)
        self.unknown_label.setText(
            self.tr("以下表述不是经营范围规范表述，未计入：{terms}").format(
                terms="；".join(self._pasted_unknown)
            )
            if self._pasted_unknown
            else ""
        )
        self.unknown_label.setVisible(bool(self._pasted_unknown))
        matters = self.matters()
        kind = self.selection.licence_kind(catalog)
        names = "、".join(self.industry_names())
        if names:
            self.kind_label.setText(self.tr("{kind}：{industries}").format(kind=kind, industries=names))
        else:
            self.kind_label.setText(kind if kind else self.tr("请先选择行业或经营范围"))
        operate = bool(self.selection) and not matters
        self.operate_label.setText(
            self.tr("准入即营：所选经营范围无需办理许可，凭营业执照即可开展经营") if operate else ""
        )
        self.operate_label.setVisible(operate)
        self.matters_label.setText(
            self.tr("需办理的事项：{count} 项").format(count=len(matters)) if matters else ""
        )
        self.matters_table.setVisible(bool(matters))
        self.matters_table.setRowCount(len(matters))
        for row, matter in enumerate(matters):
            cells = (
                matter.name,
                mode_label(matter, self._in_ftz),
                time_limit(matter, self._in_ftz),
                "；".join(notes(matter, self._in_ftz)),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(
                    self.tr("{name}（{code}）\n审批部门：{department}").format(
                        name=matter.name, code=matter.code, department=matter.approving_department
                    )
                )
                self.matters_table.setItem(row, column, cell)
        self.matters_table.resizeRowsToContents()

    def matter_rows(self) -> list[list[str]]:
        """The matters table as text (what the clerk sees)."""
        rows = []
        for row in range(self.matters_table.rowCount()):
            cells = [self.matters_table.item(row, c) for c in range(self.matters_table.columnCount())]
            rows.append([c.text() if c is not None else "" for c in cells])
        return rows

    # -- keyboard -----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key, plain = (
            event.key(),
            event.modifiers()
            in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            ),
        )
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain
        if watched is self.search:
            if enter:
                self._on_search_return()
                return True
            if key == Qt.Key.Key_Down and self.result_hits():
                self.results.setFocus()
                if self.results.currentRow() < 0:
                    self.results.setCurrentRow(0)
                return True
        elif watched is self.results:
            if enter:
                self.choose_item(self.results.currentItem())
                return True
            if key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
                self.search.setFocus()
                return True
        elif watched is self.selected and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_current()
            return True
        return super().eventFilter(watched, event)
