"""Give Qt the CJK font we ship, so the counter reads right on a PC with no Chinese font."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase

SHIPPED_FONT = "wqy-microhei.ttc"


def load_shipped_font() -> str | None:
    """Register the shipped font; returns its family name (None if Qt could not load it)."""
    data = (files("resources") / "fonts" / SHIPPED_FONT).read_bytes()
    font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None
