"""Step 1 主体信息: who applies. Identifiers are checked as the clerk types; a known enterprise
is offered (and loaded) from its USCC or name."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enterprises import Enterprise, EnterpriseKind
from desktop.domain.identifiers import normalize_identifier
from desktop.services import catalog_search
from desktop.services.base import Services
from ui.intake import checks
from ui.intake.checks import FieldCheck, Level
from ui.intake.widgets import FieldMessage, field_label, heading, muted
from ui.tasks import run_in_background


def kind_labels() -> dict[EnterpriseKind, str]:
    """The enterprise kinds as shown (the kind's value is what is stored)."""
    return {
        EnterpriseKind.COMPANY: QCoreApplication.translate("IntakeWizard", "企业"),
        EnterpriseKind.INDIVIDUAL: QCoreApplication.translate("IntakeWizard", "个体工商户"),
        EnterpriseKind.COOPERATIVE: QCoreApplication.translate("IntakeWizard", "农民专业合作社"),
    }


_ENTERPRISE_ROLE = Qt.ItemDataRole.UserRole
_LOOKUP_DELAY_MS = 350
_MIN_USCC_LOOKUP = 6


class EnterprisePage(QWidget):
    changed = Signal()
    override_requested = Signal()
    enterprise_loaded = Signal(str)  # the USCC of a known enterprise filled in

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._override_note = ""  # set when the current USCC's warning is overridden
        self._overridden: set[str] = set()
        self._lookup_seq = 0
        self._filling = False

        self.uscc = QLineEdit(self)
        self.uscc.setPlaceholderText(self.tr("18位，可用扫码枪扫描营业执照"))
        self.uscc.setMaxLength(30)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("与营业执照一致；输入名称可查找已登记主体"))
        self.legal_representative = QLineEdit(self)
        self.legal_representative_id = QLineEdit(self)
        self.legal_representative_id.setPlaceholderText(self.tr("18位公民身份号码"))
        self.address = QLineEdit(self)
        self.address.setPlaceholderText(self.tr("住所（主要经营场所）"))
        self.contact_phone = QLineEdit(self)
        self.contact_phone.setPlaceholderText(self.tr("手机或带区号的固定电话"))
        self.kind = QComboBox(self)
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind.value)
        self.in_ftz = QCheckBox(self.tr("位于自由贸易试验区内（自贸区内）"), self)

        self.uscc_message = FieldMessage(self)
        self.name_message = FieldMessage(self)
        self.legal_representative_message = FieldMessage(self)
        self.id_message = FieldMessage(self)
        self.address_message = FieldMessage(self)
        self.phone_message = FieldMessage(self)
        self.override_button = QPushButton(self.tr("主管覆盖…"), self)
        self.override_button.setToolTip(
            self.tr("校验位不正确但代码确系登记机关所发：请主管输入账号密码并说明理由")
        )
        self.override_button.setVisible(False)
        self.override_button.clicked.connect(self.override_requested)

        self.known_label = muted(self.tr("已登记的市场主体（↓ 进入列表，回车载入）："), self)
        self.known = QListWidget(self)
        self.known.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.known.setMaximumHeight(110)
        self.known.activated.connect(lambda index: self._load_known(self.known.item(index.row())))
        self.known_label.setVisible(False)
        self.known.setVisible(False)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnMinimumWidth(1, 360)
        grid.setColumnStretch(2, 1)
        uscc_side = QHBoxLayout()
        uscc_side.addWidget(self.uscc_message, 1)
        uscc_side.addWidget(self.override_button)
        rows: list[tuple[str, bool, QWidget, QWidget | QHBoxLayout | None]] = [
            (self.tr("统一社会信用代码"), True, self.uscc, uscc_side),
            (self.tr("市场主体名称"), True, self.name, self.name_message),
            (
                self.tr("法定代表人（负责人）"),
                True,
                self.legal_representative,
                self.legal_representative_message,
            ),
            (self.tr("法定代表人身份证号"), False, self.legal_representative_id, self.id_message),
            (self.tr("住所（主要经营场所）"), True, self.address, self.address_message),
            (self.tr("联系电话"), True, self.contact_phone, self.phone_message),
            (self.tr("主体类型"), True, self.kind, None),
            ("", False, self.in_ftz, None),
        ]
        for row, (text, required, editor, side) in enumerate(rows):
            if text:
                grid.addWidget(field_label(text, required, self), row, 0)
            grid.addWidget(editor, row, 1)
            if isinstance(side, QHBoxLayout):
                grid.addLayout(side, row, 2)
            elif side is not None:
                grid.addWidget(side, row, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("主体信息"), self))
        layout.addWidget(muted(self.tr("带 * 的为必填项；回车到下一项，Alt+N 下一步。"), self))
        layout.addLayout(grid)
        layout.addWidget(self.known_label)
        layout.addWidget(self.known)
        layout.addStretch(1)

        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(_LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self._lookup)
        self._last_lookup_field: QLineEdit = self.uscc

        for edit in self.line_edits():
            edit.textChanged.connect(self._on_text_changed)
        self.uscc.textChanged.connect(lambda: self._schedule_lookup(self.uscc))
        self.name.textChanged.connect(lambda: self._schedule_lookup(self.name))
        self.uscc.editingFinished.connect(lambda: self._show_final(self.uscc))
        self.legal_representative_id.editingFinished.connect(
            lambda: self._show_final(self.legal_representative_id)
        )
        self.contact_phone.editingFinished.connect(lambda: self._show_final(self.contact_phone))
        self.kind.currentIndexChanged.connect(lambda _i: self._emit_changed())
        self.in_ftz.toggled.connect(lambda _on: self._emit_changed())
        for edit in (self.uscc, self.name):
            edit.installEventFilter(self)
        self.known.installEventFilter(self)

    # -- reading and filling ----------------------------------------------------------------------
    def line_edits(self) -> list[QLineEdit]:
        return [
            self.uscc,
            self.name,
            self.legal_representative,
            self.legal_representative_id,
            self.address,
            self.contact_phone,
        ]

    def inputs(self) -> list[QWidget]:
        return [*self.line_edits(), self.kind, self.in_ftz, self.override_button]

    def normalized_uscc(self) -> str:
        return normalize_identifier(self.uscc.text())

    def enterprise(self) -> Enterprise:
        kind = EnterpriseKind(str(self.kind.currentData()))
        return Enterprise(
            uscc=self.normalized_uscc(),
            name=self.name.text().strip(),
            legal_representative=self.legal_representative.text().strip(),
            address=self.address.text().strip(),
            contact_phone=self.contact_phone.text().strip(),
            legal_representative_id=normalize_identifier(self.legal_representative_id.text()),
            kind=kind,
            in_ftz=self.in_ftz.isChecked(),
        )

    def values(self) -> dict[str, str]:
        """Keys as in ui.intake.model.ENTERPRISE_FIELDS' values."""
        e = self.enterprise()
        return {
            "uscc": e.uscc,
            "name": e.name,
            "legal_representative": e.legal_representative,
            "legal_representative_id": e.legal_representative_id,
            "address": e.address,
            "contact_phone": e.contact_phone,
        }

    def state(self) -> dict[str, Any]:
        return {
            "uscc": self.uscc.text(),
            "name": self.name.text(),
            "legal_representative": self.legal_representative.text(),
            "legal_representative_id": self.legal_representative_id.text(),
            "address": self.address.text(),
            "contact_phone": self.contact_phone.text(),
            "kind": str(self.kind.currentData()),
            "in_ftz": self.in_ftz.isChecked(),
        }

    def set_state(self, data: dict[str, Any]) -> None:
        self._filling = True
        try:
            for key, edit in (
                ("uscc", self.uscc),
                ("name", self.name),
                ("legal_representative", self.legal_representative),
                ("legal_representative_id", self.legal_representative_id),
                ("address", self.address),
                ("contact_phone", self.contact_phone),
            ):
                edit.setText(str(data.get(key, "") or ""))
            index = self.kind.findData(str(data.get("kind", EnterpriseKind.COMPANY.value)))
            self.kind.setCurrentIndex(max(index, 0))
            self.in_ftz.setChecked(bool(data.get("in_ftz", False)))
        finally:
            self._filling = False
        self._lookup_timer.stop()
        self._clear_known()
        self.refresh_checks(final=False)

    def fill_from(self, enterprise: Enterprise) -> None:
        self.set_state(
            {
                "uscc": enterprise.uscc,
                "name": enterprise.name,
                "legal_representative": enterprise.legal_representative,
                "legal_representative_id": enterprise.legal_representative_id,
                "address": enterprise.address,
                "contact_phone": enterprise.contact_phone,
                "kind": enterprise.kind.value,
                "in_ftz": enterprise.in_ftz,
            }
        )
        self._emit_changed()
        self.enterprise_loaded.emit(enterprise.uscc)

    def is_empty(self) -> bool:
        return not any(e.text().strip() for e in self.line_edits())

    # -- checks -----------------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        if self._filling:
            return
        self.refresh_checks(final=False)
        self._emit_changed()

    def _emit_changed(self) -> None:
        if not self._filling:
            self.changed.emit()

    def _checks(self, final: bool) -> list[tuple[QLineEdit, FieldMessage, FieldCheck]]:
        """Every field's check (the USCC's with its override taken into account)."""
        phone = checks.phone(self.contact_phone.text(), final)
        if final and not self.contact_phone.text().strip():
            phone = FieldCheck(Level.ERROR, checks.fill_in(self.tr("联系电话")))

        def filled(edit: QLineEdit, what: str) -> FieldCheck:
            empty = final and not edit.text().strip()
            return FieldCheck(Level.ERROR, checks.fill_in(what)) if empty else checks.NOTHING

        return [  # in the order of the form
            (self.uscc, self.uscc_message, self.uscc_check(final)),
            (self.name, self.name_message, filled(self.name, self.tr("市场主体名称"))),
            (
                self.legal_representative,
                self.legal_representative_message,
                filled(self.legal_representative, self.tr("法定代表人（负责人）")),
            ),
            (self.legal_representative_id, self.id_message, self._id_check(final)),
            (self.address, self.address_message, filled(self.address, self.tr("住所"))),
            (self.contact_phone, self.phone_message, phone),
        ]

    def refresh_checks(self, final: bool) -> None:
        for _edit, message, check in self._checks(final):
            message.show_check(check)
        self.override_button.setVisible(self.uscc_check(final).level is Level.WARNING)

    def _show_final(self, edit: QLineEdit) -> None:
        """Leaving an identifier field: an incomplete one now gets its full message."""
        if not edit.text().strip():
            return
        for field, message, check in self._checks(final=True):
            if field is edit:
                message.show_check(check)

    def uscc_check(self, final: bool = False) -> FieldCheck:
        check = checks.uscc(self.uscc.text(), final)
        if check.level is Level.WARNING and self.normalized_uscc() in self._overridden:
            return FieldCheck(Level.OK, self._override_note or self.tr("校验位警告已由主管覆盖"))
        return check

    def _check_uscc(self, final: bool) -> None:
        check = self.uscc_check(final)
        self.uscc_message.show_check(check)
        self.override_button.setVisible(check.level is Level.WARNING)

    def _id_check(self, final: bool) -> FieldCheck:
        return checks.resident_id(self.legal_representative_id.text(), self._today(), final)

    def _today(self) -> date:
        return self._services.clock.today()

    def needs_override(self) -> bool:
        return self.uscc_check(final=True).level is Level.WARNING

    def mark_overridden(self, uscc: str, note: str) -> None:
        self._overridden.add(uscc)
        self._override_note = note
        self._check_uscc(final=False)

    def problems(self, show: bool = True) -> list[tuple[QWidget, str]]:
        """Everything that blocks submitting, with the field to go to (shown beside it if ``show``)."""
        if show:
            self.refresh_checks(final=True)
        found: list[tuple[QWidget, str]] = []
        for edit, _message, check in self._checks(final=True):
            if check.level is Level.ERROR:
                found.append((edit, check.message))
            elif check.level is Level.WARNING:
                found.append((edit, self.tr("统一社会信用代码校验位不正确，须主管覆盖后才能受理")))
        return found

    # -- known enterprises ------------------------------------------------------------------------
    def _schedule_lookup(self, source: QLineEdit) -> None:
        if self._filling:
            return
        self._last_lookup_field = source
        self._lookup_timer.start()

    def _lookup(self) -> None:
        source = self._last_lookup_field
        text = source.text().strip()
        if source is self.uscc:
            text = self.normalized_uscc()
            if len(text) < _MIN_USCC_LOOKUP:
                self._clear_known()
                return
        elif len(text) < catalog_search.MIN_ENTERPRISE_QUERY:
            self._clear_known()
            return
        self._lookup_seq += 1
        seq, services = self._lookup_seq, self._services
        run_in_background(
            lambda: catalog_search.enterprises(services, text),
            lambda found: self._on_known(seq, found),
            lambda _exc: self._clear_known(),  # a failed look-up only means no suggestions
        )

    def _on_known(self, seq: int, found: list[Enterprise]) -> None:
        if seq != self._lookup_seq:
            return  # the clerk typed on; a newer look-up will answer
        self.known.clear()
        typed = self.normalized_uscc()
        exact = next((e for e in found if e.uscc == typed), None)
        if exact is not None and not self.name.text().strip():
            self.fill_from(exact)  # a returning business: everything known comes back
            return
        for e in found:
            item = QListWidgetItem(f"{e.name}　{e.uscc}　{e.legal_representative}")
            item.setData(_ENTERPRISE_ROLE, e)
            self.known.addItem(item)
        self.known_label.setVisible(bool(found))
        self.known.setVisible(bool(found))

    def _clear_known(self) -> None:
        self._lookup_seq += 1
        self.known.clear()
        self.known_label.setVisible(False)
        self.known.setVisible(False)

    def _load_known(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        found = item.data(_ENTERPRISE_ROLE)
        if isinstance(found, Enterprise):
            self.fill_from(found)
            self.legal_representative.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched in (self.uscc, self.name) and event.key() == Qt.Key.Key_Down and self.known.count():
                self.known.setFocus()
                self.known.setCurrentRow(0)
                return True
            if watched is self.known and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._load_known(self.known.currentItem())
                return True
            if watched is self.known and event.key() == Qt.Key.Key_Escape:
                self._clear_known()
                self._last_lookup_field.setFocus()
                return True
        return super().eventFilter(watched, event)

    def known_enterprises(self) -> list[Enterprise]:
        out = []
        for row in range(self.known.count()):
            found = self.known.item(row).data(_ENTERPRISE_ROLE)
            if isinstance(found, Enterprise):
                out.append(found)
        return out

    def focus_first(self) -> None:
        first = next((e for e in self.line_edits() if not e.text().strip()), self.uscc)
        first.setFocus()
