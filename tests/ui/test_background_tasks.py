"""ui.tasks.run_in_background: results come back on the GUI thread, and a result whose screen was
deleted while the work ran is dropped instead of reaching a dead widget."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from ui.tasks import run_in_background, wait_for_background


class _Screen(QListWidget):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[object] = []

    def on_result(self, result: object) -> None:
        self.clear()  # would raise "Internal C++ object already deleted" on a dead widget
        self.got.append((result, threading.current_thread() is threading.main_thread()))

    def on_error(self, exc: BaseException) -> None:
        self.clear()
        self.got.append(exc)


def test_a_live_screen_gets_its_result_on_the_gui_thread(qtbot: QtBot) -> None:
    screen = _Screen()
    qtbot.addWidget(screen)
    run_in_background(lambda: 42, screen.on_result, screen.on_error)
    qtbot.waitUntil(lambda: bool(screen.got), timeout=5000)
    assert screen.got == [(42, True)]
    run_in_background(lambda: 1 / 0, lambda r: screen.on_result(r), lambda e: screen.on_error(e))  # noqa: PLW0108
    qtbot.waitUntil(lambda: len(screen.got) == 2, timeout=5000)
    assert isinstance(screen.got[1], ZeroDivisionError)


def test_a_result_for_a_deleted_screen_is_dropped(qtbot: QtBot) -> None:
    release = threading.Event()
    delivered: list[object] = []
    for make_callbacks in (
        lambda s: (s.on_result, s.on_error),  # bound methods
        lambda s: (lambda r: s.on_result(r), lambda e: s.on_error(e)),  # noqa: PLW0108 (captured screen)
    ):
        screen = _Screen()
        ok, err = make_callbacks(screen)
        release.clear()
        run_in_background(lambda: release.wait(5) and "late", ok, err)
        run_in_background(lambda: release.wait(5) and 1 / 0, ok, err)
        Shiboken.delete(screen)  # the window closed while the work ran
        assert not Shiboken.isValid(screen)
        release.set()
        assert wait_for_background()
        for _ in range(5):
            QApplication.processEvents()
        delivered += screen.got
    assert delivered == []


def test_what_the_work_holds_is_let_go_on_the_gui_thread(qtbot: QtBot) -> None:
    """A screen captured by the work's closure must not be released (and so perhaps destroyed,
    timers and all) on the pool thread once the work is done: Qt objects die on their own thread."""
    released: list[bool] = []

    class Held:
        def __del__(self) -> None:
            released.append(threading.current_thread() is threading.main_thread())

    got: list[object] = []
    for fails in (False, True):
        held = Held()
        release = threading.Event()

        def work(held: Held = held, release: threading.Event = release, fails: bool = fails) -> str:
            release.wait(5)
            if fails:
                raise ValueError("refused")
            return type(held).__name__

        run_in_background(work, got.append, lambda exc: got.append(type(exc).__name__))
        del work, held  # only the work's closure holds it now
        release.set()
        assert wait_for_background()
        delivered = len(got) + 1
        qtbot.waitUntil(lambda n=delivered: len(got) == n, timeout=5000)
        qtbot.waitUntil(lambda n=delivered: len(released) == n, timeout=5000)
    assert released == [True, True]
    assert got == ["Held", "ValueError"]


def test_cycles_are_collected_on_the_gui_thread_even_when_a_pool_thread_allocates(qtbot: QtBot) -> None:
    import gc

    from ui.gc_guard import collect_on_gui_thread

    collector = collect_on_gui_thread()
    assert not gc.isenabled()
    released: list[bool] = []

    class Node:
        def __del__(self) -> None:
            released.append(threading.current_thread() is threading.main_thread())

    kept: list[list[object]] = []

    def make_garbage() -> int:
        node = Node()
        node.me = node  # type: ignore[attr-defined]  # a cycle: only the collector frees it
        del node
        kept.extend([] for _ in range(5 * collector.threshold[0]))  # would have triggered a collection here
        return len(kept)

    run_in_background(make_garbage, lambda _n: None, lambda _e: None)
    assert wait_for_background()
    qtbot.waitUntil(lambda: bool(released), timeout=10_000)
    assert released == [True]
    kept.clear()
