"""Known errors get a plain Chinese message; bugs get a dialog with details to copy."""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.errors import DomainError


def message_for(exc: BaseException) -> str | None:
    if isinstance(exc, DomainError):
        return exc.message
    return None


def show_error(parent: QWidget | None, exc: BaseException, title: str = "操作未完成") -> None:
    known = message_for(exc)
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    if known is not None:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(known)
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText("程序出现内部错误，已录入的数据不会丢失。请把下面的详细信息复制给技术支持。")
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.open()


def report_failure(parent: QWidget, exc: BaseException, say: Callable[[str], object]) -> bool:
    """A failed background command: a known error is said where the screen says things (True);
    a bug opens the crash dialog (False)."""
    known = message_for(exc)
    if known is None:
        show_error(parent, exc)
        return False
    say(known)
    return True
