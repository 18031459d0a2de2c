"""The review queue (审批队列): countdowns, claim and decide by keyboard, claim conflicts, deny with a
reason, supplement from the catalog only, lazy loading and no database work on the GUI thread —
against a real SQLite database."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
)
from pytestqt.qtbot import QtBot

from desktop.adapters.clock import FixedClock
from desktop.domain.applications import ActionKind, Application, RequestState
from desktop.domain.users import SYSTEM_ACTOR, Actor, Role
from desktop.services import cases, intake
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import make_services
from tests.support.factories import CLERK, OTHER_VALID_USCC, enterprise
from ui.review_dialogs import SupplementDialog
from ui.review_queue import (
    COL_NUMBER,
    COL_REMAINING,
    COL_STATE,
    ITEM_ROLE,
    OVERDUE_BACKGROUND,
    ReviewQueueScreen,
)
from ui.tasks import wait_for_background

BUREAU = "行政审批服务管理局"
REV1 = Actor("rev1", Role.REVIEWER, BUREAU)
REV2 = Actor("rev2", Role.REVIEWER, BUREAU)
WAIT = 15_000


@pytest.fixture
def db(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> Iterator[Services]:
    services = make_services(f"sqlite:///{tmp_path / 'queue.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(services, SYSTEM_ACTOR, bundle)
    yield services
    wait_for_background()
    services.uow.engine.dispose()  # type: ignore[attr-defined]


def _case(
    services: Services, matters: tuple[str, ...] = ("SCJG-01",), uscc: str | None = None
) -> Application:
    app = intake.submit(services, CLERK, enterprise(uscc) if uscc else enterprise(), list(matters))
    return intake.accept(services, CLERK, app.id)


def _get(services: Services, app_id: str) -> Application:
    return cases.get(services, SYSTEM_ACTOR, app_id)


def _screen(qtbot: QtBot, services: Services, actor: Actor) -> ReviewQueueScreen:
    screen = ReviewQueueScreen(services, actor)
    qtbot.addWidget(screen)
    screen.resize(1280, 640)
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.show()
    return screen


def _texts(screen: ReviewQueueScreen, column: int) -> list[str]:
    model = screen.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _select(screen: ReviewQueueScreen, number: str) -> None:
    row = _texts(screen, COL_NUMBER).index(number)
    screen.select_row(row)
    assert screen.selected_item() is not None
    assert screen.selected_item().row.application_number == number  # type: ignore[union-attr]


def _record(signal: Any) -> list[Any]:
    seen: list[Any] = []
    signal.connect(seen.append)
    return seen


def _boxes(screen: ReviewQueueScreen) -> list[QMessageBox]:
    return [box for box in screen.findChildren(QMessageBox) if box.isVisible()]


def _close_boxes(screen: ReviewQueueScreen) -> None:
    for box in _boxes(screen):
        box.close()


def test_the_queue_shows_the_departments_items_with_working_days_and_overdue_ones(
    qtbot: QtBot, db: Services, clock: FixedClock
) -> None:
    mine = _case(db, ("SCJG-01", "XF-01"))  # 消防 is another department's item
    screen = _screen(qtbot, db, REV1)
    assert _texts(screen, COL_NUMBER) == [mine.number]  # only the approval bureau's item
    model = screen.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) for c in range(7)]
    assert headers == ["办件编号", "市场主体", "事项", "改革方式", "状态", "办理时限", "剩余工作日"]
    row = [model.data(model.index(0, c)) for c in range(7)]
    assert row == [
        mine.number,
        "晋中市榆次区便民超市有限公司",
        "食品经营许可",
        "优化审批服务",
        "待审批",
        "2026-12-10",
        "10",
    ]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    # Tuesday 8 December: 2 working days left -> amber and the words 即将到期
    clock.at = datetime(2026, 12, 8, 2, 0, tzinfo=UTC)
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.refresh_button.click()
    assert _texts(screen, COL_REMAINING) == ["2（即将到期）"]
    # Monday 14 December: two working days past the deadline -> red and the words 已超期
    clock.at = datetime(2026, 12, 14, 2, 0, tzinfo=UTC)
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.refresh_button.click()
    assert _texts(screen, COL_REMAINING) == ["已超期 2 天"]
    background = model.data(model.index(0, 3), Qt.ItemDataRole.BackgroundRole)
    assert background.color() == QColor(OVERDUE_BACKGROUND)
    assert "已超期" in screen.selected_label.text()
    wait_for_background()


def test_claim_then_grant_by_keyboard_and_the_item_leaves_the_queue(qtbot: QtBot, db: Services) -> None:
    first, second = _case(db), _case(db, uscc=OTHER_VALID_USCC)
    screen = _screen(qtbot, db, REV1)
    assert _texts(screen, COL_NUMBER) == [first.number, second.number]
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=WAIT)
    _select(screen, first.number)
    screen.table.setFocus()
    assert "Ctrl+L" in screen.claim_button.text() and "Ctrl+Enter" in screen.grant_button.text()
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        qtbot.keyClick(screen.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert _texts(screen, COL_STATE)[0] == "已由 rev1 认领（本人）"
    assert _get(db, first.id).request_for("SCJG-01").state is RequestState.CLAIMED
    assert screen.selected_item().row.application_number == first.number  # type: ignore[union-attr]
    decided = _record(screen.decided)
    with qtbot.waitSignals([screen.decided, screen.loaded], timeout=WAIT):
        qtbot.keyClick(screen.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert decided == [first.number]
    assert _get(db, first.id).request_for("SCJG-01").state is RequestState.GRANTED
    assert _texts(screen, COL_NUMBER) == [second.number]
    assert "已准予许可" in screen.status.text()
    # the next item is selected at once, ready for the next 认领
    assert screen.selected_item().row.application_number == second.number  # type: ignore[union-attr]
    # and the granted item is not in the 待审批 view either
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.state_filter.setCurrentIndex(screen.state_filter.findText("待审批"))
    assert _texts(screen, COL_NUMBER) == [second.number]
    # clicking works too: claim and grant the second with the mouse
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.claim_button.click()
    assert _texts(screen, COL_NUMBER) == []  # claimed: no longer 待审批
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.state_filter.setCurrentIndex(screen.state_filter.findText("全部"))
    screen.select_row(0)
    with qtbot.waitSignals([screen.decided, screen.loaded], timeout=WAIT):
        screen.grant_button.click()
    assert _get(db, second.id).request_for("SCJG-01").state is RequestState.GRANTED
    assert screen.model.rowCount() == 0 and "没有符合条件的办件" in screen.counts.text()
    wait_for_background()


def test_a_second_reviewer_is_refused_and_sees_who_holds_the_item(qtbot: QtBot, db: Services) -> None:
    app = _case(db)
    one, two = _screen(qtbot, db, REV1), _screen(qtbot, db, REV2)
    one.select_row(0)
    two.select_row(0)
    with qtbot.waitSignal(one.loaded, timeout=WAIT):
        one.claim_button.click()
    assert _texts(two, COL_STATE) == ["待审批"]  # rev2's view is not refreshed yet
    refusals = _record(two.failed)
    with qtbot.waitSignals([two.failed, two.loaded], timeout=WAIT):
        two.claim_button.click()
    message = refusals[-1]
    assert "rev1" in message and "认领" in message
    assert "rev1" in two.status.text()
    boxes = _boxes(two)
    assert boxes and "rev1" in boxes[-1].text() and not boxes[-1].detailedText()  # no stack trace
    # after the refresh rev2 sees who holds it
    assert _texts(two, COL_STATE) == ["已由 rev1 认领"]
    _close_boxes(two)
    two.select_row(0)
    with qtbot.waitSignals([two.failed, two.loaded], timeout=WAIT):
        two.grant_button.click()
    assert len(refusals) == 2 and "rev1" in refusals[-1]
    request = _get(db, app.id).request_for("SCJG-01")
    assert request.state is RequestState.CLAIMED and request.claimed_by == "rev1"
    # rev1 releases it; rev2 can then claim it
    _close_boxes(two)
    with qtbot.waitSignal(one.loaded, timeout=WAIT):
        one.release_button.click()
    with qtbot.waitSignal(two.loaded, timeout=WAIT):
        two.claim_button.click()
    assert _get(db, app.id).request_for("SCJG-01").claimed_by == "rev2"
    wait_for_background()


def test_deny_needs_a_reason_and_a_confirmation(
    qtbot: QtBot, db: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _case(db)
    screen = _screen(qtbot, db, REV1)
    screen.select_row(0)
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.claim_button.click()
    asked: list[str] = []

    def question(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("   ", True))
    with qtbot.waitSignal(screen.failed, timeout=WAIT):
        screen.deny_button.click()
    assert "不予许可必须填写理由" in screen.status.text()
    assert asked == []  # nothing asked, nothing done
    assert _get(db, app.id).request_for("SCJG-01").state is RequestState.CLAIMED
    # cancelled at the confirmation: still nothing done
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("经营场所不符合食品安全要求", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    screen.deny_button.click()
    assert "已取消" in screen.status.text()
    assert _get(db, app.id).request_for("SCJG-01").state is RequestState.CLAIMED
    monkeypatch.setattr(QMessageBox, "question", question)
    with qtbot.waitSignals([screen.decided, screen.loaded], timeout=WAIT):
        screen.deny_button.click()
    assert asked and "不可撤销" in asked[0]
    request = _get(db, app.id).request_for("SCJG-01")
    assert request.state is RequestState.DENIED
    assert request.decision_reason == "经营场所不符合食品安全要求"
    wait_for_background()


def test_supplement_lists_only_the_catalog_materials_and_sends_the_ticked_ones(
    qtbot: QtBot, db: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _case(db)
    screen = _screen(qtbot, db, REV1)
    screen.select_row(0)
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.claim_button.click()
    shown: dict[str, Any] = {}

    def exec_(dialog: SupplementDialog) -> int:
        names = [
            dialog.materials.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.materials.count())
        ]
        shown["names"] = names
        shown["ok_enabled_when_empty"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        shown["free_text"] = dialog.findChildren(QLineEdit) + dialog.findChildren(QTextEdit)
        shown["free_text"] += dialog.findChildren(QPlainTextEdit)
        dialog.set_checked(["经营场所平面布局图", "从业人员健康证明"])
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(SupplementDialog, "exec", exec_)
    with qtbot.waitSignals([screen.decided, screen.loaded], timeout=WAIT):
        screen.supplement_button.click()
    # the applicant's materials of the case's catalog version; nothing government departments hold
    assert shown["names"] == [
        "申请表（一表申请）",
        "经营场所使用证明（产权证明或租赁合同）",
        "经营场所平面布局图",
        "食品安全管理制度",
        "主要设备设施清单",
        "从业人员健康证明",
    ]
    assert shown["free_text"] == []  # nothing outside the catalog may be demanded
    assert shown["ok_enabled_when_empty"] is False  # at least one must be ticked
    stored = _get(db, app.id)
    assert stored.request_for("SCJG-01").state is RequestState.AWAITING_SUPPLEMENT
    last = stored.actions[-1]
    assert last.kind is ActionKind.REQUEST_SUPPLEMENT
    assert last.data["missing"] == ["经营场所平面布局图", "从业人员健康证明"]
    assert _texts(screen, COL_STATE) == ["待补正"]
    wait_for_background()


def test_the_supplement_dialog_needs_at_least_one_ticked_material(qtbot: QtBot, db: Services) -> None:
    from ui.review_dialogs import MaterialChoice, SupplementChoices

    dialog = SupplementDialog(
        SupplementChoices(
            "YC1", "食品经营许可", "v1", (MaterialChoice("a", "申请表"), MaterialChoice("b", "平面图"))
        )
    )
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.set_checked(["平面图"])
    assert ok.isEnabled() and dialog.checked() == ["平面图"]


def test_a_clerk_cannot_grant(qtbot: QtBot, db: Services) -> None:
    app = _case(db)
    screen = _screen(qtbot, db, CLERK)
    _select(screen, app.number)
    refusals = _record(screen.failed)
    with qtbot.waitSignals([screen.failed, screen.loaded], timeout=WAIT):
        screen.grant_button.click()
    message = refusals[-1]
    assert "无权" in message and "clerk" in message
    assert message in screen.status.text()
    assert _boxes(screen)[-1].text() == message
    assert _get(db, app.id).request_for("SCJG-01").state is RequestState.IN_REVIEW
    wait_for_background()


def test_the_model_loads_lazily_and_sorts_and_searches_in_the_database(qtbot: QtBot, db: Services) -> None:
    numbers = [_case(db, ("SCJG-01", "WL-01", "CB-01")).number for _ in range(150)]  # 450 items
    screen = _screen(qtbot, db, REV1)
    model = screen.model
    assert model.rowCount() == 200 and model.total == 450
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(screen.loaded, timeout=WAIT) as blocker:
        model.fetchMore(QModelIndex())
    assert blocker.args == [400] and model.rowCount() == 400
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450 and not model.canFetchMore(QModelIndex())
    assert "共 450 件，已载入 450 件" in screen.counts.text()
    # the database sorts: descending by number the newest case comes first with only a page loaded
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.sort_choice.setCurrentIndex(screen.sort_choice.findData("number"))
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.descending.setChecked(True)
    assert model.rowCount() == 200
    assert _texts(screen, COL_NUMBER)[:3] == [numbers[-1]] * 3
    header = screen.table.horizontalHeader()
    assert header.sortIndicatorSection() == COL_NUMBER
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # clicking the 办理时限 header sorts by deadline again
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        header.setSortIndicator(5, Qt.SortOrder.AscendingOrder)
    assert screen.sort_choice.currentData() == "due" and not screen.descending.isChecked()
    # search: by application number (Enter applies at once)
    screen.search.setText(numbers[7])
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert _texts(screen, COL_NUMBER) == [numbers[7]] * 3
    assert {model.data(model.index(r, 0), ITEM_ROLE).row.matter_code for r in range(3)} == {
        "SCJG-01",
        "WL-01",
        "CB-01",
    }
    screen.search.setText("娱乐场所")
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert model.total == 150
    wait_for_background()


class _ThreadRecorder:
    """Wraps the unit-of-work factory and notes whether each call came from the GUI thread."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.on_main_thread: list[bool] = []

    def __call__(self) -> Any:
        self.on_main_thread.append(threading.current_thread() is threading.main_thread())
        return self.inner()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def test_the_gui_thread_never_touches_the_database(
    qtbot: QtBot, db: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    apps = [_case(db) for _ in range(3)]  # created before the recorder is installed
    recorder = _ThreadRecorder(db.uow)
    db.uow = recorder
    try:
        screen = _screen(qtbot, db, REV1)
        _select(screen, apps[0].number)
        with qtbot.waitSignal(screen.loaded, timeout=WAIT):
            screen.claim_button.click()
        with qtbot.waitSignals([screen.decided, screen.loaded], timeout=WAIT):
            screen.grant_button.click()
        _select(screen, apps[1].number)
        with qtbot.waitSignal(screen.loaded, timeout=WAIT):
            screen.claim_button.click()
        monkeypatch.setattr(
            SupplementDialog,
            "exec",
            lambda dialog: dialog.set_checked(["食品安全管理制度"]) or int(QDialog.DialogCode.Accepted),
        )
        with qtbot.waitSignals([screen.decided, screen.loaded], timeout=WAIT):
            screen.supplement_button.click()
        with qtbot.waitSignals([screen.failed, screen.loaded], timeout=WAIT):
            screen.grant_button.click()  # not held by rev1: refused, still off the GUI thread
        with qtbot.waitSignal(screen.loaded, timeout=WAIT):
            screen.search.setText("便民超市")
            qtbot.keyClick(screen.search, Qt.Key.Key_Return)
        wait_for_background()
    finally:
        db.uow = recorder.inner
    assert recorder.on_main_thread, "the screen did no database work at all?"
    assert not any(recorder.on_main_thread)
