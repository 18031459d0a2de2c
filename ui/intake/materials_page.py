"""Step 4 材料清单: the de-duplicated list of what the applicant hands in, ticked as received;
what a department already holds is listed as 无需提交. Nothing outside the catalog may be
required (清单之外无审批), so there is deliberately no way to add a material here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalog import Material
from desktop.domain.intake_form import MergedForm
from ui.intake.widgets import heading, muted

_CODE_ROLE = Qt.ItemDataRole.UserRole


class MaterialsPage(QWidget):
    changed = Signal()

    def __init__(self, default_staff: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default_staff = default_staff
        self._received: set[str] = set()
        self._materials: tuple[Material, ...] = ()
        self._filling = False

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight:bold;color:#0d47a1;")
        self.checklist = QListWidget(self)
        self.checklist.setMinimumHeight(200)
        self.all_button = QPushButton(self.tr("全部已收"), self)
        self.none_button = QPushButton(self.tr("全部清除"), self)
        self.government = QListWidget(self)
        self.government.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.government.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.government.setMaximumHeight(130)
        self.assisted = QCheckBox(self.tr("帮办代办（工作人员代为填报并全程跟进）"), self)
        self.assisted_by = QLineEdit(self)
        self.assisted_by.setPlaceholderText(self.tr("帮办人员姓名"))
        self.assisted_by.setEnabled(False)

        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("申请人提交的材料（空格键勾选“已收”）："), self))
        buttons.addStretch(1)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        assist = QHBoxLayout()
        assist.addWidget(self.assisted)
        assist.addWidget(self.assisted_by, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("材料清单"), self))
        layout.addWidget(self.summary)
        layout.addWidget(
            muted(self.tr("清单之外不得要求申请人提交其他材料；缺少的材料在“确认受理”一次性补正。"), self)
        )
        layout.addLayout(buttons)
        layout.addWidget(self.checklist, 2)
        layout.addWidget(QLabel(self.tr("政府部门已有、无需提交的材料（数据共享获取）："), self))
        layout.addWidget(self.government, 1)
        layout.addLayout(assist)

        self.checklist.itemChanged.connect(self._on_item_changed)
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        self.assisted.toggled.connect(self._on_assisted)
        self.assisted_by.textChanged.connect(lambda _t: self._emit())

    def inputs(self) -> list[QWidget]:
        return [self.all_button, self.none_button, self.assisted, self.assisted_by]

    # -- building -----------------------------------------------------------------------------------
    def set_form(self, form: MergedForm | None) -> None:
        materials = form.materials if form else ()
        held = form.government_held if form else ()
        if form is None or (not form.fields and not materials):
            self.summary.setText(self.tr("请先在“经营范围/行业”中选择。"))
        else:
            r = form.reduction
            self.summary.setText(
                self.tr(
                    "材料 {before} → {after}：需申请人提交 {submitted} 项，"
                    "另 {held} 项由政府部门共享，无需提交"
                ).format(
                    before=r.materials_before,
                    after=r.materials_after,
                    submitted=len(materials),
                    held=len(held),
                )
            )
        if tuple(m.code for m in materials) != tuple(m.code for m in self._materials):
            self._materials = tuple(materials)
            self._fill_checklist()
        self.government.clear()
        for m in held:
            item = QListWidgetItem(self.tr("{name} — 无需提交").format(name=m.name))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(Qt.GlobalColor.darkGray)
            self.government.addItem(item)

    def _fill_checklist(self) -> None:
        self._filling = True
        try:
            self.checklist.clear()
            for m in self._materials:
                copies = self.tr("（{copies} 份）").format(copies=m.copies) if m.copies > 1 else ""
                item = QListWidgetItem(f"{m.name}{copies}")
                item.setData(_CODE_ROLE, m.code)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                )
                checked = m.code in self._received
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.checklist.addItem(item)
            if self.checklist.count():
                self.checklist.setCurrentRow(0)
        finally:
            self._filling = False

    # -- reading ------------------------------------------------------------------------------------
    def items(self) -> list[str]:
        """The material codes on the checklist, in order."""
        return [str(self.checklist.item(r).data(_CODE_ROLE)) for r in range(self.checklist.count())]

    def received(self) -> list[str]:
        return [m.code for m in self._materials if m.code in self._received]

    def missing(self) -> list[Material]:
        return [m for m in self._materials if m.code not in self._received]

    def set_received(self, code: str, received: bool) -> None:
        for row in range(self.checklist.count()):
            item = self.checklist.item(row)
            if item.data(_CODE_ROLE) == code:
                item.setCheckState(Qt.CheckState.Checked if received else Qt.CheckState.Unchecked)

    def set_all(self, received: bool) -> None:
        for code in self.items():
            self.set_received(code, received)

    def assisted_staff(self) -> str | None:
        if not self.assisted.isChecked():
            return None
        return self.assisted_by.text().strip() or self._default_staff

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        code = str(item.data(_CODE_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            self._received.add(code)
        else:
            self._received.discard(code)
        self._emit()

    def _on_assisted(self, on: bool) -> None:
        self.assisted_by.setEnabled(on)
        if on and not self.assisted_by.text().strip():
            self.assisted_by.setText(self._default_staff)
        self._emit()

    def _emit(self) -> None:
        if not self._filling:
            self.changed.emit()

    # -- drafts -------------------------------------------------------------------------------------
    def state(self) -> dict[str, object]:
        return {
            "received": sorted(self._received),
            "assisted": self.assisted.isChecked(),
            "assisted_by": self.assisted_by.text(),
        }

    def set_state(self, data: dict[str, object]) -> None:
        self._filling = True
        try:
            received = data.get("received", [])
            self._received = {str(c) for c in received} if isinstance(received, list) else set()
            self.assisted.setChecked(bool(data.get("assisted", False)))
            self.assisted_by.setText(str(data.get("assisted_by", "") or ""))
            self.assisted_by.setEnabled(self.assisted.isChecked())
        finally:
            self._filling = False
        self._fill_checklist()

    def clear(self) -> None:
        self.set_state({})
