"""Case search with history, and the idle lock that keeps what was typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.adapters.clock import FixedClock
from desktop.domain.users import SYSTEM_ACTOR, Role
from desktop.services import intake, users
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import make_services
from tests.support.factories import CLERK, enterprise
from ui.case_search import CaseSearchScreen
from ui.idle_lock import IdleLock, idle_minutes
from ui.tasks import wait_for_background


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> Services:
    svc = make_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    return svc


def test_find_a_case_by_uscc_and_read_its_history(qtbot: QtBot, services: Services) -> None:
    app = intake.submit(services, CLERK, enterprise(), ["SCJG-01", "YJ-03"], assisted_by="王帮办")
    intake.accept(services, CLERK, app.id)
    screen = CaseSearchScreen(services, CLERK)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.search, "91310110666007217T")
    with qtbot.waitSignal(screen.shown, timeout=10_000) as blocker:
        qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert blocker.args == [app.number]
    assert "首问责任人：clerk" in screen.summary.text() and "王帮办" in screen.summary.text()
    actions = [screen.history.item(r, 2).text() for r in range(screen.history.rowCount())]
    assert actions[:3] == ["提交", "受理", "分送审批"] and "备案" in actions
    wait_for_background()


def test_too_short_a_search_says_what_to_type(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("ui.case_search.show_error", lambda parent, exc: shown.append(str(exc)))
    screen = CaseSearchScreen(services, CLERK)
    qtbot.addWidget(screen)
    qtbot.keyClicks(screen.search, "9")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    assert "至少 2 个字符" in shown[0]
    wait_for_background()


def test_idle_lock_keeps_the_screen_and_unlocks_with_the_password(qtbot: QtBot, services: Services) -> None:
    user = users.add_user(services, SYSTEM_ACTOR, "wang", Role.CLERK, "Counter2026")
    assert idle_minutes(services, Role.CLERK) == 15 and idle_minutes(services, Role.REVIEWER) == 5
    window = QWidget()
    typed = QLineEdit(window)
    qtbot.addWidget(window)
    window.show()
    typed.setText("91310110666007217T")  # an intake in progress
    lock = IdleLock(window, services, user, minutes=0.002)  # ~120 ms for the test
    with qtbot.waitSignal(lock.locked, timeout=5_000):
        pass
    assert lock.dialog is not None and lock.dialog.isVisible()
    lock.dialog.reject()  # Esc does not unlock
    assert lock.dialog.isVisible()
    qtbot.keyClicks(lock.dialog.password, "wrong-password")
    qtbot.keyClick(lock.dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "再错" in lock.dialog.message.text(), timeout=5_000)  # type: ignore[union-attr]
    qtbot.keyClicks(lock.dialog.password, "Counter2026")
    with qtbot.waitSignal(lock.unlocked, timeout=5_000):
        qtbot.keyClick(lock.dialog.password, Qt.Key.Key_Return)
    assert typed.text() == "91310110666007217T"
    lock.timer.stop()
    wait_for_background()


def test_supplement_received_at_the_window_sends_the_item_back_to_review(
    qtbot: QtBot, services: Services
) -> None:
    from desktop.domain.applications import RequestState
    from desktop.services import review
    from tests.support.factories import REVIEWER

    app = intake.accept(services, CLERK, intake.submit(services, CLERK, enterprise(), ["SCJG-01"]).id)
    review.claim(services, REVIEWER, app.id, "SCJG-01")
    review.request_supplement(services, REVIEWER, app.id, "SCJG-01", ["食品安全管理制度"])
    screen = CaseSearchScreen(services, CLERK)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.search, app.number)
    with qtbot.waitSignal(screen.shown, timeout=10_000):
        qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert screen.receive_button.isEnabled()
    with qtbot.waitSignal(screen.shown, timeout=10_000):
        screen.receive_button.click()
    assert not screen.receive_button.isEnabled()
    from desktop.services import cases

    assert cases.get(services, CLERK, app.id).request_for("SCJG-01").state is RequestState.IN_REVIEW
    wait_for_background()
