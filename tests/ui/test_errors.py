"""Known errors get a plain Chinese message; bugs get the crash dialog with details to copy."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.errors import StorageProblem
from ui.errors import show_error


def _box(parent: QWidget) -> QMessageBox:
    boxes = parent.findChildren(QMessageBox)
    assert len(boxes) == 1
    return boxes[0]


def test_a_full_disk_is_a_warning_without_a_stack_trace(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    show_error(parent, StorageProblem("磁盘空间已满，操作未保存。请清理磁盘空间后重试。"))
    box = _box(parent)
    assert box.icon() is QMessageBox.Icon.Warning
    assert "磁盘空间已满" in box.text() and box.detailedText() == ""
    box.close()


def test_a_bug_opens_the_crash_dialog_with_details_to_copy(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        {}["missing"]
    except KeyError as exc:
        show_error(parent, exc)
    box = _box(parent)
    assert box.icon() is QMessageBox.Icon.Critical
    assert "内部错误" in box.text() and "数据不会丢失" in box.text()
    assert "Traceback" in box.detailedText() and "KeyError: 'missing'" in box.detailedText()
    box.close()
