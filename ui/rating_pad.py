"""好差评 rating pad: five large buttons facing the applicant (a second monitor, full screen);
a bad rating asks what went wrong. The applicant rates, never staff on their behalf."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.ratings import RatingLevel

_COLOURS = {5: "#1b5e20", 4: "#2e7d32", 3: "#5d6d00", 2: "#8a5a00", 1: "#b00020"}


class RatingPad(QDialog):
    rated = Signal(int, str)  # level, comment

    def __init__(self, application_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("请对本次服务进行评价"))
        self.level: RatingLevel | None = None
        title = QLabel(
            self.tr("办件 {number}\n请您对本次服务进行评价").format(number=application_number), self
        )
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size:24pt;font-weight:bold;")
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(self.tr("请告诉我们哪里做得不好（不满意时必填）"))
        self.comment.setStyleSheet("font-size:16pt;")
        self.comment.setVisible(False)
        self.submit = QPushButton(self.tr("提交评价"), self)
        self.submit.setVisible(False)
        self.submit.clicked.connect(self._on_submit)
        self.message = QLabel(self)
        self.message.setStyleSheet("color:#b00020;font-size:14pt;")
        self.labels = {
            RatingLevel.VERY_SATISFIED: self.tr("非常满意"),
            RatingLevel.SATISFIED: self.tr("满意"),
            RatingLevel.BASICALLY_SATISFIED: self.tr("基本满意"),
            RatingLevel.DISSATISFIED: self.tr("不满意"),
            RatingLevel.VERY_DISSATISFIED: self.tr("非常不满意"),
        }
        grid = QGridLayout()
        self.buttons: dict[RatingLevel, QPushButton] = {}
        for column, level in enumerate(sorted(RatingLevel, reverse=True)):
            button = QPushButton(self.labels[level], self)
            button.setMinimumSize(160, 120)
            button.setStyleSheet(
                f"font-size:20pt;font-weight:bold;color:white;background:{_COLOURS[int(level)]};"
            )
            button.clicked.connect(lambda _checked=False, lv=level: self._on_level(lv))
            grid.addWidget(button, 0, column)
            self.buttons[level] = button
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.comment)
        layout.addWidget(self.submit)
        layout.addWidget(self.message)

    def present(self) -> None:
        """Face the applicant: full screen on a second monitor when there is one (the 评价器
        screen), otherwise a window at the counter."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
            return
        self.open()

    def _on_level(self, level: RatingLevel) -> None:
        self.level = level
        if level.needs_rectification:
            self.comment.setVisible(True)
            self.submit.setVisible(True)
            self.comment.setFocus()
            self.message.setText(
                self.tr("您选择了“{level}”，请填写原因后提交").format(level=self.labels[level])
            )
            return
        self.rated.emit(int(level), "")
        self.accept()

    def _on_submit(self) -> None:
        if self.level is None:
            return
        if not self.comment.text().strip():
            self.message.setText(self.tr("请填写不满意的原因，我们会在 15 个工作日内整改并回访"))
            return
        self.rated.emit(int(self.level), self.comment.text().strip())
        self.accept()
