"""Garbage collection on the GUI thread only.

Python's cycle collector runs on whichever thread happens to allocate when a threshold is crossed:
often a pool thread (ui.tasks). A cycle holding a Qt object (a dialog and a lambda connected to it,
a screen captured by its own callbacks) would then be destroyed on that pool thread — its timers
stopped from the wrong thread, its destructor racing the GUI's event loop: the intermittent
segfaults we saw. So automatic collection is switched off and a timer on the GUI thread collects
instead, with the same generational thresholds (Anki does the same for the same reason).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the generations whose allocation counts crossed their thresholds."""
        counts = gc.get_count()
        if counts[0] > self.threshold[0]:
            generation = 0
            if counts[1] > self.threshold[1]:
                generation = 2 if counts[2] > self.threshold[2] else 1
            gc.collect(generation)


_installed: list[GuiThreadCollector] = []


def collect_on_gui_thread() -> GuiThreadCollector:
    """Install once per process (the application must exist)."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    if not _installed:
        _installed.append(GuiThreadCollector(app))
    return _installed[0]
