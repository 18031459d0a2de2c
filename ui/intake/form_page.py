"""Step 3 一表填报: the one merged form of all chosen matters — each field once, required ones
marked, fields already given on the enterprise page shown rather than asked again — and the
reduction that merging brings."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalog import FormField
from desktop.domain.intake_form import MergedForm
from ui.intake import checks
from ui.intake.checks import FieldCheck, Level
from ui.intake.model import ENTERPRISE_FIELDS, format_reduction
from ui.intake.widgets import FieldMessage, field_label, heading, muted, scrolling_grid

BOOL_CHOICES = ("", "是", "否")  # the values stored; shown through FormPage._choice_labels


class FormPage(QWidget):
    changed = Signal()
    go_to_enterprise = Signal(str)  # the enterprise page key of a shown field the clerk wants to edit

    def __init__(
        self,
        today: Callable[[], date],
        install: Callable[[QWidget], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._install = install  # the wizard's keyboard handling for each new editor
        self._values: dict[str, str] = {}  # everything typed, also for fields no longer shown
        self._form: MergedForm | None = None
        self._enterprise: dict[str, str] = {}
        self._editors: dict[str, QLineEdit | QComboBox] = {}
        self._messages: dict[str, FieldMessage] = {}
        self._shown: dict[str, QLabel] = {}
        self._final = False

        self.reduction_label = QLabel(self)
        self.reduction_label.setStyleSheet("font-weight:bold;color:#0d47a1;font-size:13pt;")
        self.reduction_label.setWordWrap(True)
        self.empty_label = muted(self.tr("请先在“经营范围/行业”中选择，再填写申请表。"), self)
        self.scroll_area, self._grid, self._body = scrolling_grid(self, spacing=12)
        self._grid.setColumnMinimumWidth(1, 340)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("一表填报"), self))
        layout.addWidget(self.reduction_label)
        layout.addWidget(
            muted(self.tr("各事项相同的内容只填一次；带 * 的为必填项；灰色内容取自“主体信息”。"), self)
        )
        layout.addWidget(self.empty_label)
        layout.addWidget(self.scroll_area, 1)

    # -- building -----------------------------------------------------------------------------------
    def set_form(self, form: MergedForm | None) -> None:
        old = tuple(f.code for f in self._form.fields) if self._form else ()
        new = tuple(f.code for f in form.fields) if form else ()
        self._form = form
        self.reduction_label.setText(format_reduction(form.reduction) if form and form.fields else "")
        self.empty_label.setVisible(not new)
        if old != new:
            self._rebuild()

    def _clear_grid(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self._editors.clear()
        self._messages.clear()
        self._shown.clear()

    def _rebuild(self) -> None:
        self._clear_grid()
        if self._form is None:
            return
        for row, f in enumerate(self._form.fields):
            self._grid.addWidget(field_label(f.label, f.required, self._body), row, 0)
            message = FieldMessage(self._body)
            self._messages[f.code] = message
            if f.code in ENTERPRISE_FIELDS:
                shown = QLabel(self._body)
                shown.setStyleSheet("color:#555555;")
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self._shown[f.code] = shown
                self._grid.addWidget(shown, row, 1)
            else:
                editor = self._make_editor(f)
                self._editors[f.code] = editor
                self._grid.addWidget(editor, row, 1)
                self._install(editor)
            self._grid.addWidget(message, row, 2)
        self._show_enterprise_values()
        self.refresh_checks()

    def _choice_labels(self) -> dict[str, str]:
        return {"": self.tr("（请选择）"), "是": self.tr("是"), "否": self.tr("否")}

    def _placeholders(self) -> dict[str, str]:
        return {
            "number": self.tr("数字"),
            "date": self.tr("年-月-日，如 2026-11-26"),
            "phone": self.tr("手机或带区号的固定电话"),
            "id": self.tr("18位公民身份号码"),
            "uscc": self.tr("18位统一社会信用代码"),
        }

    def _make_editor(self, f: FormField) -> QLineEdit | QComboBox:
        value = self._values.get(f.code, "")
        if f.type == "bool":
            combo = QComboBox(self._body)
            labels = self._choice_labels()
            for choice in BOOL_CHOICES:
                combo.addItem(labels[choice], choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(
                lambda _i, code=f.code, c=combo: self._on_edit(code, str(c.currentData()))
            )
            return combo
        edit = QLineEdit(self._body)
        options = checks.options_in_label(f.label)
        placeholders = self._placeholders()
        if options:
            edit.setPlaceholderText(self.tr("如：{options}").format(options=" / ".join(options)))
        elif f.type in placeholders:
            edit.setPlaceholderText(placeholders[f.type])
        edit.setText(value)
        edit.textChanged.connect(lambda text, code=f.code: self._on_edit(code, text))
        edit.editingFinished.connect(lambda code=f.code: self._check(code, final=True))
        return edit

    # -- values -------------------------------------------------------------------------------------
    def _on_edit(self, code: str, text: str) -> None:
        self._values[code] = text
        self._check(code, final=self._final)
        self.changed.emit()

    def set_enterprise_values(self, values: Mapping[str, str]) -> None:
        self._enterprise = dict(values)
        self._show_enterprise_values()

    def _show_enterprise_values(self) -> None:
        for code, label in self._shown.items():
            value = self._enterprise.get(ENTERPRISE_FIELDS[code], "")
            label.setText(value if value else self.tr("（未填写，请在“主体信息”中填写）"))
            self._check(code, final=self._final)

    def fields(self) -> tuple[FormField, ...]:
        return self._form.fields if self._form else ()

    def editor(self, code: str) -> QLineEdit | QComboBox | None:
        return self._editors.get(code)

    def value(self, code: str) -> str:
        if code in ENTERPRISE_FIELDS:
            return self._enterprise.get(ENTERPRISE_FIELDS[code], "")
        return self._values.get(code, "").strip()

    def values(self) -> dict[str, str]:
        """The form as submitted: every shown field that has a value."""
        out = {}
        for f in self.fields():
            value = self.value(f.code)
            if value:
                out[f.code] = value
        return out

    def state(self) -> dict[str, str]:
        return {k: v for k, v in self._values.items() if v}

    def set_state(self, data: Mapping[str, object]) -> None:
        self._values = {str(k): str(v) for k, v in data.items()}
        for code, editor in self._editors.items():
            value = self._values.get(code, "")
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            else:
                editor.setText(value)
            editor.blockSignals(False)
        self._final = False
        self.refresh_checks()

    def clear(self) -> None:
        self.set_state({})

    # -- checks -------------------------------------------------------------------------------------
    def _field(self, code: str) -> FormField | None:
        return next((f for f in self.fields() if f.code == code), None)

    def _check(self, code: str, final: bool, show: bool = True) -> FieldCheck:
        f = self._field(code)
        message = self._messages.get(code)
        if f is None or message is None:
            return checks.NOTHING
        if code in ENTERPRISE_FIELDS:
            missing = f.required and not self.value(code)
            check = (
                FieldCheck(
                    Level.ERROR,
                    self.tr("请在“主体信息”中填写{name}").format(name=checks.plain_label(f.label)),
                )
                if (missing and final)
                else checks.NOTHING
            )
        else:
            check = checks.form_field(f, self._values.get(code, ""), self._today(), final)
        if show:
            message.show_check(check)
        return check

    def refresh_checks(self) -> None:
        for f in self.fields():
            self._check(f.code, self._final)

    def problems(self, show: bool = True) -> list[tuple[QWidget | None, str]]:
        """Required fields left empty and values that cannot be right (shown beside them if ``show``)."""
        if show:
            self._final = True
        found: list[tuple[QWidget | None, str]] = []
        for f in self.fields():
            check = self._check(f.code, final=True, show=show)
            if check.blocking:
                found.append((self._editors.get(f.code), check.message))
        return found

    def missing_required(self) -> list[str]:
        return [checks.plain_label(f.label) for f in self.fields() if f.required and not self.value(f.code)]
