"""Step 5 确认受理: per matter what 受理 will do by its reform mode; a tick per commitment matter
for the signed 告知承诺书 (unticked = ordinary review, dual track); 受理, 一次性补正, 不予受理."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalog import Matter, ReformMode
from ui.intake.model import mode_label, outcome
from ui.intake.widgets import heading, muted, scrolling_grid


class ConfirmPage(QWidget):
    changed = Signal()
    accept_requested = Signal()
    supplement_requested = Signal()
    refuse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matters: tuple[Matter, ...] = ()
        self._in_ftz = False
        self._committed: set[str] = set()
        self.commitment_boxes: dict[str, QCheckBox] = {}
        self._outcomes: dict[str, QLabel] = {}

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll, self._grid, self._body = scrolling_grid(self, spacing=14)
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color:#b00020;")
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_button = QPushButton(self.tr("受理 (Ctrl+Enter)"), self)
        self.accept_button.setStyleSheet("font-weight:bold;padding:6px 18px;")
        self.supplement_button = QPushButton(self.tr("一次性补正…"), self)
        self.refuse_button = QPushButton(self.tr("不予受理…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.supplement_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refuse_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("确认受理"), self))
        layout.addWidget(self.summary)
        layout.addWidget(
            muted(
                self.tr(
                    "告知承诺事项：申请人签署告知承诺书的当场作出决定；未签署的按一般程序审查（双轨制）。"
                ),
                self,
            )
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems_label)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)

        self.accept_button.clicked.connect(self.accept_requested)
        self.supplement_button.clicked.connect(self.supplement_requested)
        self._rebuild()
        self.refuse_button.clicked.connect(self.refuse_requested)

    def inputs(self) -> list[QWidget]:
        return [
            *self.commitment_boxes.values(),
            self.accept_button,
            self.supplement_button,
            self.refuse_button,
        ]

    # -- building -----------------------------------------------------------------------------------
    def set_case(self, summary: str, matters: Sequence[Matter], in_ftz: bool) -> bool:
        """Show the case; returns True when the per-matter rows were rebuilt (new check boxes)."""
        self.summary.setText(summary)
        matters = tuple(matters)
        rebuild = (
            tuple(m.code for m in matters) != tuple(m.code for m in self._matters) or in_ftz != self._in_ftz
        )
        self._matters, self._in_ftz = matters, in_ftz
        if rebuild:
            self._rebuild()
        return rebuild

    def _rebuild(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.commitment_boxes.clear()
        self._outcomes.clear()
        if not self._matters:
            self._grid.addWidget(
                muted(self.tr("没有需办理的许可事项（准入即营），无需受理。"), self._body), 0, 0, 1, 4
            )
            return
        for column, text in enumerate(
            (self.tr("许可事项"), self.tr("改革方式"), self.tr("受理后"), self.tr("告知承诺书"))
        ):
            title = QLabel(text, self._body)
            title.setStyleSheet("font-weight:bold;")
            self._grid.addWidget(title, 0, column)
        for row, matter in enumerate(self._matters, start=1):
            name = QLabel(matter.name, self._body)
            name.setWordWrap(True)
            name.setMinimumWidth(260)
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(QLabel(mode_label(matter, self._in_ftz), self._body), row, 1)
            result = QLabel(self._body)
            result.setWordWrap(True)
            self._outcomes[matter.code] = result
            self._grid.addWidget(result, row, 2)
            if matter.mode_outside_ftz(self._in_ftz) is ReformMode.COMMITMENT:
                box = QCheckBox(self.tr("申请人已签署告知承诺书"), self._body)
                box.setChecked(matter.code in self._committed)
                box.toggled.connect(lambda on, code=matter.code: self._on_committed(code, on))
                self.commitment_boxes[matter.code] = box
                self._grid.addWidget(box, row, 3)
        self._show_outcomes()

    def _show_outcomes(self) -> None:
        for matter in self._matters:
            label = self._outcomes.get(matter.code)
            if label is not None:
                label.setText(outcome(matter, self._in_ftz, matter.code in self._committed))

    def _on_committed(self, code: str, on: bool) -> None:
        if on:
            self._committed.add(code)
        else:
            self._committed.discard(code)
        self._show_outcomes()
        self.changed.emit()

    # -- reading ------------------------------------------------------------------------------------
    def committed(self) -> set[str]:
        """Commitment matters whose letter the applicant signed (only those shown now)."""
        return {code for code in self.commitment_boxes if code in self._committed}

    def outcomes(self) -> dict[str, str]:
        return {code: label.text() for code, label in self._outcomes.items()}

    def state(self) -> list[str]:
        return sorted(self._committed)

    def set_state(self, committed: Sequence[str]) -> None:
        self._committed = {str(c) for c in committed}
        for code, box in self.commitment_boxes.items():
            box.blockSignals(True)
            box.setChecked(code in self._committed)
            box.blockSignals(False)
        self._show_outcomes()

    def show_problems(self, problems: Sequence[str]) -> None:
        if problems:
            self.problems_label.setText(
                self.tr("受理前请处理：") + "\n" + "\n".join(f"· {p}" for p in problems)
            )
        else:
            self.problems_label.setText("")

    def show_result(self, text: str, ok: bool) -> None:
        colour = "#1b5e20" if ok else "#b00020"
        self.result_label.setStyleSheet(f"color:{colour};font-weight:bold;")
        self.result_label.setText(text)

    def set_busy(self, busy: bool) -> None:
        for button in (self.accept_button, self.supplement_button, self.refuse_button):
            button.setEnabled(not busy)
