"""Dialogs of the review queue: 补正 asks only for materials of the case's catalog version.

Nothing outside the catalog may be demanded, so the dialog has checkboxes and no free text; at
least one material must be ticked before 确定 is enabled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

_NAME = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class MaterialChoice:
    """A material the applicant provides, as the case's catalog version lists it."""

    code: str
    name: str
    copies: int = 1
    received: bool = False  # checked off at the window when the case was received


@dataclass(frozen=True)
class SupplementChoices:
    application_number: str
    matter_name: str
    catalog_label: str
    materials: tuple[MaterialChoice, ...]


class SupplementDialog(QDialog):
    """补正: tick what is missing (一次性告知: everything at once)."""

    def __init__(self, choices: SupplementChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.setWindowTitle(self.tr("补正 — {number}").format(number=choices.application_number))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "事项“{matter}”（事项清单 {catalog}）。请勾选申请人需补正的全部材料，一次性告知；"
                "清单以外的材料不得要求提交。"
            ).format(matter=choices.matter_name, catalog=choices.catalog_label),
            self,
        )
        intro.setWordWrap(True)
        self.materials = QListWidget(self)
        for material in choices.materials:
            text = material.name
            if material.copies > 1:
                text += self.tr("（{copies} 份）").format(copies=material.copies)
            if material.received:
                text += self.tr("　［受理时已收］")
            item = QListWidgetItem(text)
            item.setData(_NAME, material.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.materials.addItem(item)
        self.materials.itemChanged.connect(lambda _item: self._update())
        # Space toggles the current material: the dialog works without the mouse.
        self.hint = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("出具补正通知"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消 (Esc)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.materials, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        if self.materials.count():
            self.materials.setCurrentRow(0)
        self.materials.setFocus()
        self._update()

    def set_checked(self, names: Sequence[str]) -> None:
        wanted = set(names)
        for row in range(self.materials.count()):
            item = self.materials.item(row)
            checked = item.data(_NAME) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked(self) -> list[str]:
        """The ticked material names, in catalog order."""
        out = []
        for row in range(self.materials.count()):
            item = self.materials.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(_NAME)))
        return out

    def _update(self) -> None:
        count = len(self.checked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(count > 0)
        self.hint.setText(
            self.tr("已勾选 {count} 项材料").format(count=count)
            if count
            else self.tr("请至少勾选一项需补正的材料（空格键勾选）")
        )

    def accept(self) -> None:
        if not self.checked():  # Enter with nothing ticked: stay open
            self._update()
            return
        super().accept()
