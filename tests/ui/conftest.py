"""UI tests collect garbage on the GUI thread only, as the app does (ui.gc_guard)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui.gc_guard import collect_on_gui_thread


@pytest.fixture(autouse=True)
def _gui_thread_gc(qapp: QApplication) -> Iterator[None]:
    collect_on_gui_thread()
    yield
