"""证照验证: takes what a USB QR scanner types (it ends with Enter) or an image file."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.users import Actor
from desktop.services import verification
from desktop.services.base import Services
from desktop.services.verification import Verification, VerifyResult
from ui.errors import show_error
from ui.tasks import run_in_background

_COLOURS = {  # colour always with text: the label says the result in words
    VerifyResult.VALID: "#1b5e20",
    VerifyResult.EXPIRED: "#8a5a00",
    VerifyResult.SUSPENDED: "#8a5a00",
}
_BAD = "#b00020"


class VerifyScreen(QWidget):
    verified = Signal(object)  # Verification

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.scan_input = QLineEdit(self)
        self.scan_input.setPlaceholderText(self.tr("请用扫码枪扫描证照二维码（或粘贴二维码内容后按回车）"))
        self.scan_input.setClearButtonEnabled(True)
        self.scan_input.returnPressed.connect(self._on_return_pressed)
        self.image_button = QPushButton(self.tr("从图片验证…"), self)
        self.image_button.clicked.connect(self._on_image_clicked)
        self.result_label = QLabel(self.tr("等待扫码"), self)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_label.setStyleSheet("font-size:22pt;font-weight:bold;padding:12px;")
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.permit_table = QTableWidget(0, 4, self)
        self.permit_table.setHorizontalHeaderLabels(
            [self.tr("许可事项"), self.tr("事项编码"), self.tr("状态"), self.tr("有效期至")]
        )
        self.permit_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.permit_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Some scanners send no Enter: verify when the typed text has been still for a moment.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(400)
        self._settle.timeout.connect(self._on_settled)
        self.scan_input.textEdited.connect(lambda _text: self._settle.start())

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("二维码内容："), self))
        row.addWidget(self.scan_input, 1)
        row.addWidget(self.image_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.permit_table, 1)
        self.scan_input.setFocus()

    def _on_settled(self) -> None:
        if "#OW1." in self.scan_input.text():
            self._on_return_pressed()

    def _on_return_pressed(self) -> None:
        self._settle.stop()
        text = self.scan_input.text()
        if not text.strip():
            return
        self._start(lambda: verification.verify(self._services, self._actor, text))

    def _on_image_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择含二维码的图片"), "", self.tr("图片 (*.png *.jpg *.jpeg *.bmp)")
        )
        if path:
            self.verify_image(path)

    def verify_image(self, path: str) -> None:
        self._start(lambda: verification.verify_image(self._services, self._actor, path))

    def _start(self, op: object) -> None:
        self.result_label.setText(self.tr("正在验证…"))
        self.scan_input.setEnabled(False)
        run_in_background(op, self._on_verified, self._on_failed)  # type: ignore[arg-type]

    def _on_failed(self, exc: BaseException) -> None:
        self.scan_input.setEnabled(True)
        self.result_label.setText(self.tr("验证未完成"))
        show_error(self, exc)

    def _on_verified(self, outcome: Verification) -> None:
        self.scan_input.setEnabled(True)
        self.scan_input.clear()
        self.scan_input.setFocus()
        colour = _COLOURS.get(outcome.result, _BAD)
        self.result_label.setText(outcome.result.label)
        self.result_label.setStyleSheet(
            f"font-size:22pt;font-weight:bold;padding:12px;color:white;background:{colour};"
        )
        lines = [outcome.message]
        if outcome.licence:
            lic = outcome.licence
            lines.append(
                self.tr("证照编号：{number}　发证日期：{issued}　发证机关：{authority}").format(
                    number=lic["number"], issued=lic["issued_on"], authority=lic["authority"]
                )
            )
            lines.append(
                self.tr("市场主体：{name}　统一社会信用代码：{uscc}").format(
                    name=lic["name"], uscc=lic["uscc"]
                )
            )
        self.detail_label.setText("\n".join(lines))
        self.permit_table.setRowCount(len(outcome.permits))
        for row, permit in enumerate(outcome.permits):
            values = (
                permit["name"],
                permit["matter"],
                permit["label"],
                permit["valid_until"] or self.tr("长期"),
            )
            for col, value in enumerate(values):
                self.permit_table.setItem(row, col, QTableWidgetItem(value))
        self.verified.emit(outcome)
