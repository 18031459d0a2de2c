"""证照管理: find a permit, decide on it through the dialogs, see the history; refusals keep what
was typed. Real services on a real SQLite database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from desktop.adapters.clock import FixedClock
from desktop.domain.after_approval import LifecycleAction
from desktop.domain.permits import Permit, PermitStatus
from desktop.domain.users import SYSTEM_ACTOR, Actor
from desktop.services import intake, issuing, keys, lifecycle
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from desktop.services.verification import VerifyResult, verify
from tests.conftest import make_services
from tests.support.factories import ADMIN, CLERK, FIRE_REVIEWER, ISSUER, REVIEWER, enterprise
from ui.permit_screen import DecisionDialog, PermitScreen
from ui.tasks import wait_for_background


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> Services:
    svc = make_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    keys.create_station_key(svc, ADMIN, "一号出件窗口")
    return svc


def _issued(services: Services, codes: tuple[str, ...] = ("XF-01",)) -> issuing.IssueResult:
    app = intake.submit(services, CLERK, enterprise(), list(codes))
    app = intake.accept(services, CLERK, app.id, committed=set(codes))
    return issuing.issue(services, ISSUER, app.id)


def _screen(qtbot: QtBot, services: Services, actor: Actor) -> PermitScreen:
    screen = PermitScreen(services, actor)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def _open(qtbot: QtBot, screen: PermitScreen, number: str) -> None:
    """Type (or scan) the number and press Enter, as a scanner does."""
    screen.search.clear()
    qtbot.keyClicks(screen.search, number)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.keyClick(screen.search, Qt.Key.Key_Return)


def _column(table: QTableWidget, column: int) -> list[str]:
    out = []
    for r in range(table.rowCount()):
        cell = table.item(r, column)
        assert cell is not None
        out.append(cell.text())
    return out


def _decide(qtbot: QtBot, screen: PermitScreen, action: LifecycleAction, reason: str) -> DecisionDialog:
    dialog = screen.open_decision(action)
    assert dialog is not None and dialog.isVisible()
    dialog.reason.setText(reason)  # QTest types only ASCII; an IME commits text like this
    return dialog


def test_suspend_and_reinstate_from_the_permit_screen(qtbot: QtBot, services: Services) -> None:
    result = _issued(services)
    assert result.licence is not None
    [permit] = result.permits
    screen = _screen(qtbot, services, FIRE_REVIEWER)
    _open(qtbot, screen, permit.number)
    assert screen.status_label.text() == f"许可证 {permit.number}　状态：有效"
    assert "消防救援大队" in screen.detail.text() and enterprise().name in screen.detail.text()
    assert result.licence.number in screen.detail.text()
    enabled = {a for a, b in screen.action_buttons.items() if b.isEnabled()}
    assert LifecycleAction.SUSPEND in enabled and LifecycleAction.REINSTATE not in enabled
    assert screen.history.rowCount() == 0 and "暂无" in screen.history_title.text()

    # 暂扣: no reason → told, dialog stays; Enter in the reason submits
    dialog = _decide(qtbot, screen, LifecycleAction.SUSPEND, "")
    assert dialog.until is not None
    assert dialog.until.minimumDate() == QDate(2026, 11, 27)  # later than today
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.message.text() == "请填写决定的事实、理由和依据"
    dialog.until.setDate(QDate(2026, 12, 31))
    dialog.reason.setText("消防设施损坏，停业整顿")
    with qtbot.waitSignal(screen.decided, timeout=10_000) as decided:
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert decided.args == ["suspend", permit.number]
    qtbot.waitUntil(lambda: screen.history.rowCount() == 1, timeout=10_000)
    assert screen.dialog is None  # closed (and freed)
    assert screen.status_label.text() == f"许可证 {permit.number}　状态：暂扣（至 2026-12-31）"
    assert screen.message.text() == f"已暂扣许可证 {permit.number}，至 2026-12-31"
    assert _column(screen.history, 0) == ["2026-11-26 10:00"]
    assert _column(screen.history, 2) == ["暂扣"]
    assert _column(screen.history, 3) == ["有效 → 暂扣"]
    assert _column(screen.history, 4) == ["消防设施损坏，停业整顿"]
    assert _column(screen.history, 5) == ["fire"]
    assert _column(screen.history, 6) == ["暂扣至 2026-12-31"]
    assert verify(services, CLERK, result.licence.qr_text).result is VerifyResult.SUSPENDED
    enabled = {a for a, b in screen.action_buttons.items() if b.isEnabled()}
    assert LifecycleAction.REINSTATE in enabled and LifecycleAction.SUSPEND not in enabled

    # 解除暂扣
    dialog = _decide(qtbot, screen, LifecycleAction.REINSTATE, "整改完毕，解除暂扣")
    with qtbot.waitSignal(screen.decided, timeout=10_000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: screen.history.rowCount() == 2, timeout=10_000)
    assert _column(screen.history, 2) == ["暂扣", "解除暂扣"]
    assert _column(screen.history, 3)[1] == "暂扣 → 有效"
    assert screen.status_label.text() == f"许可证 {permit.number}　状态：有效"
    assert [e.action for e in lifecycle.history(services, FIRE_REVIEWER, permit.number)] == [
        LifecycleAction.SUSPEND,
        LifecycleAction.REINSTATE,
    ]
    assert verify(services, CLERK, result.licence.qr_text).result is VerifyResult.VALID
    wait_for_background()


def _status(services: Services, number: str) -> Permit:
    with services.uow() as uow:
        found = uow.permits.get(number)
    assert found is not None
    return found


def test_another_department_is_refused_and_the_reason_is_kept(qtbot: QtBot, services: Services) -> None:
    [permit] = _issued(services).permits
    screen = _screen(qtbot, services, REVIEWER)  # 行政审批服务管理局; the fire brigade granted it
    _open(qtbot, screen, permit.number)
    assert "本证由消防救援大队作出许可决定" in screen.detail.text()
    dialog = _decide(qtbot, screen, LifecycleAction.REVOKE, "擅自停用消防设施，依法吊销")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10_000)
    assert dialog.message.text() == (
        f"许可证 {permit.number}（公众聚集场所投入使用、营业前消防安全检查）由消防救援大队作出许可决定，"
        "reviewer（行政审批服务管理局）不能变更其状态"
    )
    assert dialog.isVisible() and dialog.reason.text() == "擅自停用消防设施，依法吊销"
    assert dialog.ok_button.isEnabled() and dialog.ok_button.text() == "确定吊销"
    assert _status(services, permit.number).status is PermitStatus.VALID
    dialog.reject()
    wait_for_background()


def test_a_decision_on_a_permit_changed_meanwhile_is_refused(qtbot: QtBot, services: Services) -> None:
    [permit] = _issued(services).permits
    screen = _screen(qtbot, services, FIRE_REVIEWER)
    _open(qtbot, screen, permit.number)
    lifecycle.deregister(services, SYSTEM_ACTOR, permit.number, "市场主体申请注销")  # another counter
    dialog = _decide(qtbot, screen, LifecycleAction.SUSPEND, "停业整顿")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10_000)
    assert "当前状态为“注销”，不能暂扣" in dialog.message.text()
    assert dialog.reason.text() == "停业整顿"
    dialog.reject()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.reload()
    assert screen.status_label.text().endswith("状态：注销")
    assert not any(b.isEnabled() for b in screen.action_buttons.values())
    wait_for_background()


def test_find_by_holder_then_change_and_follow_the_new_permit(qtbot: QtBot, services: Services) -> None:
    result = _issued(services, ("XF-01", "WJ-01"))
    numbers = sorted(p.number for p in result.permits)
    screen = _screen(qtbot, services, REVIEWER)
    screen.search.setText("便民超市")
    with qtbot.waitSignal(screen.found, timeout=10_000) as found:
        screen.search_button.click()
    assert found.args == [2] and screen.result_table.isVisibleTo(screen)
    assert sorted(_column(screen.result_table, 0)) == numbers
    assert "找到 2 个许可证" in screen.message.text()
    [row] = [r for r, p in enumerate(screen.results) if p.matter_name == "公共场所卫生许可"]
    with qtbot.waitSignal(screen.loaded, timeout=10_000) as loaded:
        screen.result_table.selectRow(row)
    wj = loaded.args[0]
    assert wj.startswith("WJ-01")

    dialog = _decide(qtbot, screen, LifecycleAction.CHANGE, "经营场所变更")
    assert dialog.fields["address"].text() == enterprise().address
    dialog.ok_button.click()
    assert dialog.message.text() == "没有任何事项发生变化，无需变更"
    dialog.fields["address"].setText("山西省晋中市榆次区顺城街2号")
    with qtbot.waitSignal(screen.decided, timeout=10_000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: screen.history.rowCount() == 1, timeout=10_000)
    assert screen.status_label.text().endswith("状态：其他")
    assert "换发新证" in screen.message.text()
    assert screen.view is not None and screen.view.successor is not None
    moved = f"经营场所/住所：{enterprise().address} → 山西省晋中市榆次区顺城街2号"
    assert _column(screen.history, 6) == [f"新证 {screen.view.successor}；{moved}"]
    successor = screen.view.successor
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.detail.linkActivated.emit(successor)  # the link to the new permit
    assert screen.status_label.text() == f"许可证 {successor}　状态：有效"
    assert f'原证</td><td><a href="{wj}">{wj}</a>' in screen.detail.text()
    assert _column(screen.history, 1) == [wj]  # the lineage's history comes along
    assert _status(services, wj).status is PermitStatus.OTHER
    # nothing typed: told, nothing asked of the database
    screen.search.clear()
    screen.search_button.click()
    assert screen.message.text() == "请输入或扫描许可证编号"
    screen.search.setText("没有这家公司")
    with qtbot.waitSignal(screen.found, timeout=10_000):
        screen.search_button.click()
    assert "没有找到" in screen.message.text()
    wait_for_background()


def test_the_permit_screen_never_touches_the_database_on_the_gui_thread(
    qtbot: QtBot, services: Services
) -> None:
    import threading
    import traceback

    [permit] = _issued(services).permits
    on_gui: list[str] = []
    factory = services.uow

    def recording():  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            on_gui.append("".join(traceback.format_stack(limit=8)))
        return factory()

    services.uow = recording  # type: ignore[assignment]
    try:
        screen = _screen(qtbot, services, FIRE_REVIEWER)
        _open(qtbot, screen, permit.number)
        dialog = _decide(qtbot, screen, LifecycleAction.SUSPEND, "停业整顿")
        with qtbot.waitSignal(screen.decided, timeout=10_000):
            dialog.ok_button.click()
        qtbot.waitUntil(lambda: screen.history.rowCount() == 1, timeout=10_000)
        dialog = _decide(qtbot, screen, LifecycleAction.RENEW, "申请延续")
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10_000)  # 暂扣中不能延续
        dialog.reject()
        screen.search.setText("便民超市")
        with qtbot.waitSignal(screen.loaded, timeout=10_000):  # one permit: shown at once
            screen.search_button.click()
        wait_for_background()
        qtbot.wait(50)
    finally:
        services.uow = factory  # type: ignore[method-assign]
    assert not on_gui, "database work on the GUI thread:\n" + "\n".join(on_gui[:2])


def test_cancel_while_a_decision_is_being_submitted_waits_for_its_outcome(
    qtbot: QtBot, services: Services
) -> None:
    [permit] = _issued(services).permits
    screen = _screen(qtbot, services, FIRE_REVIEWER)
    _open(qtbot, screen, permit.number)
    dialog = _decide(qtbot, screen, LifecycleAction.SUSPEND, "消防设施损坏，停业整顿")
    with qtbot.waitSignal(screen.decided, timeout=10_000):
        dialog.ok_button.click()
        dialog.reject()  # Esc while "正在提交…": the decision cannot be called back
        assert dialog.isVisible() and "正在提交" in dialog.message.text()
    qtbot.waitUntil(lambda: screen.history.rowCount() == 1, timeout=10_000)
    assert "已暂扣" in screen.message.text()
    wait_for_background()


def test_renewal_dialog_on_29_february(qtbot: QtBot, services: Services) -> None:
    from datetime import date

    from desktop.domain.after_approval import LifecycleAction as Action

    [permit] = _issued(services).permits
    screen = _screen(qtbot, services, FIRE_REVIEWER)
    _open(qtbot, screen, permit.number)
    view = screen.view
    assert view is not None
    dialog = DecisionDialog(Action.RENEW, view, date(2028, 2, 29), screen)
    assert dialog.valid_until is not None and dialog.valid_until.date() == QDate(2033, 2, 28)
    dialog.close()
