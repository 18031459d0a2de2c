"""Small pieces the wizard's pages share: the message next to a field, required-field labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ui.intake.checks import FieldCheck, Level

# Colour always comes with words: the message itself says what is wrong.
_STYLES = {
    Level.NONE: "",
    Level.HINT: "color:#555555;",
    Level.OK: "color:#1b5e20;",
    Level.WARNING: "color:#8a5a00;font-weight:bold;",
    Level.ERROR: "color:#b00020;font-weight:bold;",
}
_PREFIX = {Level.NONE: "", Level.HINT: "", Level.OK: "✓ ", Level.WARNING: "⚠ ", Level.ERROR: "✗ "}

RED = "#b00020"
MUTED = "color:#555555;"


class FieldMessage(QLabel):
    """The plain-Chinese message beside a field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(220)
        self.level = Level.NONE

    def show_check(self, check: FieldCheck) -> None:
        self.level = check.level
        self.setStyleSheet(_STYLES[check.level])
        self.setText(_PREFIX[check.level] + check.message if check.message else "")

    def message(self) -> str:
        return self.text()


def field_label(text: str, required: bool, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    star = f' <span style="color:{RED}">*</span>' if required else ""
    label.setText(f"{text}{star}")
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-weight:bold;font-size:14pt;")
    return label


def muted(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet(MUTED)
    label.setWordWrap(True)
    return label


def scrolling_grid(parent: QWidget, spacing: int) -> tuple[QScrollArea, QGridLayout, QWidget]:
    """A grid whose rows stay at the top, inside a frameless scroll area (rows of any number)."""
    body = QWidget()
    grid = QGridLayout()
    body_layout = QVBoxLayout(body)
    body_layout.setContentsMargins(0, 0, 0, 0)
    body_layout.addLayout(grid)
    body_layout.addStretch(1)
    grid.setHorizontalSpacing(spacing)
    grid.setVerticalSpacing(8)
    grid.setColumnStretch(2, 1)
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(body)
    return scroll, grid, body
