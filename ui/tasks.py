"""Run database and rendering work off the GUI thread (Anki's `run_in_background` habit).

    run_in_background(lambda: services_call(...), on_success, on_failure)

``op`` runs on a pool thread; ``on_success(result)`` / ``on_failure(exc)`` run back on the GUI
thread. Known errors (DomainError) carry a Chinese message for the user; anything else is a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from shiboken6 import Shiboken

_pending: set[_Relay] = set()  # keep relays alive until their signal is delivered


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None, op: Callable[[], Any]) -> None:
        super().__init__(parent)
        # The op (and whatever its closure holds, a screen perhaps) is kept here and let go on
        # the GUI thread once the result is delivered: never released on the pool thread, where
        # dropping the last reference to a Qt object would destroy it on the wrong thread.
        self.op: Callable[[], Any] | None = op


class _Job(QRunnable):
    def __init__(self, relay: _Relay) -> None:
        super().__init__()
        self._relay = relay

    def run(self) -> None:
        op = self._relay.op
        assert op is not None
        try:
            result = op()
        except BaseException as exc:  # handed to the GUI thread, never swallowed
            del op
            self._relay.failed.emit(exc)
        else:
            del op
            self._relay.succeeded.emit(result)


def _owners(callback: Callable[..., Any]) -> list[QObject]:
    """The Qt objects a callback belongs to: a bound method's object, or what a lambda captured
    (``lambda r: self._on_x(r)`` captures ``self``)."""
    found: list[QObject] = []
    bound = getattr(callback, "__self__", None)
    if isinstance(bound, QObject):
        found.append(bound)
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if isinstance(value, QObject):
            found.append(value)
    return found


def run_in_background(
    op: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """Run ``op`` on the pool; deliver its result to ``on_success`` / ``on_failure`` on the GUI
    thread — unless the screen they belong to was deleted meanwhile (a window closed while a
    read was in flight): then the result is dropped, never delivered to a dead widget."""
    # The relay is parented to the application, so dropping it from _pending never deletes it
    # while it is delivering its own signal; deleteLater() frees it once delivery is over.
    relay = _Relay(QCoreApplication.instance(), op)
    _pending.add(relay)
    owners = _owners(on_success) + _owners(on_failure)

    def living() -> bool:
        return all(Shiboken.isValid(owner) for owner in owners)

    def done_ok(result: object) -> None:
        relay.op = None
        _pending.discard(relay)
        relay.deleteLater()
        if living():
            on_success(result)

    def done_err(exc: object) -> None:
        relay.op = None
        _pending.discard(relay)
        relay.deleteLater()
        assert isinstance(exc, BaseException)
        if living():
            on_failure(exc)

    relay.succeeded.connect(done_ok)
    relay.failed.connect(done_err)
    QThreadPool.globalInstance().start(_Job(relay))


def wait_for_background(timeout_ms: int = 10_000) -> bool:
    """Block until every background job has finished (tests and shutdown)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
