"""The sync state in the status bar (立即同步 against a real central platform, offline, cancelled,
another agent of the hall) and the intake freeze banner with its hall-admin override."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from db.agent_lock import HELD_MESSAGE, AgentLockHeld, SyncAgentLock
from desktop.adapters.clock import FixedClock
from desktop.domain.errors import EnvironmentProblem
from desktop.domain.sync_state import SyncPassResult, SyncProgressNote
from desktop.domain.users import SYSTEM_ACTOR, Role
from desktop.ports import SyncAgent
from desktop.services import cases, intake, syncing, users
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import make_services
from tests.support.central import running_central
from tests.support.factories import CLERK, HALL_ADMIN, VALID_USCC, enterprise
from ui.intake import IntakeWizard
from ui.sync_status import SyncStatusBar
from ui.tasks import wait_for_background

SHOP = ["SCJG-01", "YC-01", "SW-01", "YJ-03", "XF-01"]


@pytest.fixture
def sqlite_services(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> Services:
    svc = make_services(f"sqlite:///{tmp_path / 'counter.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    return svc


def _bar(qtbot: QtBot, services: Services, actor: object = CLERK) -> SyncStatusBar:
    bar = SyncStatusBar(services, actor, automatic=False)  # type: ignore[arg-type]
    qtbot.addWidget(bar)
    with qtbot.waitSignal(bar.status_changed, timeout=10_000):
        bar.show()
    return bar


def _texts(bar: SyncStatusBar) -> str:
    labels = (bar.state_label, bar.last_label, bar.pending_label, bar.attention_label, bar.frozen_label)
    return " · ".join(label.text() for label in labels if label.isVisibleTo(bar))


def _enrol_locally(services: Services, url: str = "http://127.0.0.1:9") -> None:
    syncing.record_enrolment(services, SYSTEM_ACTOR, url, "device-1", "榆次大厅")


def _counter_agent(services: Services, token_file: Path) -> SyncAgent:
    """The agent the runtime wires (desktop.sync_wiring), on this test's database."""
    from desktop.sync_wiring import CounterSyncAgent

    engine = services.uow.engine  # type: ignore[attr-defined]
    url = engine.url.render_as_string(hide_password=False)
    return CounterSyncAgent(services, lambda: SyncAgentLock(engine, url), token_file)


def _an_accepted_case(services: Services) -> None:
    app = intake.submit(services, CLERK, enterprise(), ["SCJG-01"], {"business_area": "120"})
    intake.accept(services, CLERK, app.id)


def _no_dialog_open() -> bool:
    return not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


# ------------------------------------------------------------------ status texts
def test_a_counter_never_enrolled_works_standalone(qtbot: QtBot, services: Services) -> None:
    bar = _bar(qtbot, services)
    assert bar.state_label.text() == "同步：单机模式"
    assert bar.last_label.text() == "上次成功同步：从未"
    assert bar.pending_label.text().startswith("待上传 ")
    assert not bar.attention_label.isVisibleTo(bar) and not bar.frozen_label.isVisibleTo(bar)
    assert not bar.sync_button.isEnabled()
    assert bar.sync_button.toolTip() == "本机未注册到中心平台（单机模式）"
    wait_for_background()


def test_enrolled_but_never_synced(qtbot: QtBot, services: Services) -> None:
    _an_accepted_case(services)
    _enrol_locally(services)
    pending, _parked = syncing.outbox_counts(services)
    assert pending > 0
    bar = _bar(qtbot, services)
    assert _texts(bar) == f"同步：尚未同步 · 上次成功同步：从未 · 待上传 {pending}"
    assert not bar.sync_button.isEnabled()  # no agent wired (the services have none)
    assert bar.sync_button.toolTip() == "本机未注册到中心平台（单机模式）"
    assert "http://127.0.0.1:9" in bar.state_label.toolTip()
    wait_for_background()


def test_rows_the_platform_refused_are_counted_in_red_words(qtbot: QtBot, services: Services) -> None:
    _an_accepted_case(services)
    _enrol_locally(services)
    [first, *_] = syncing.take_batch(services, 10, services.clock.now())
    syncing.mark_needs_attention(services, first.id, "中心平台已有同一编号的不同事件")
    bar = _bar(qtbot, services)
    assert bar.attention_label.isVisibleTo(bar) and bar.attention_label.text() == "需处理 1"
    assert "#b00020" in bar.attention_label.styleSheet()
    wait_for_background()


# ------------------------------------------------------------------ 立即同步 against a real platform
def test_sync_now_pushes_the_outbox_to_a_real_central_platform(
    qtbot: QtBot, sqlite_services: Services, tmp_path: Path
) -> None:
    from desktop.sync_wiring import enrol

    services = sqlite_services
    _an_accepted_case(services)
    pending, _ = syncing.outbox_counts(services)
    assert pending >= 2
    notes: list[tuple[bool, SyncProgressNote]] = []

    class Recording(SyncStatusBar):
        def _on_progress(self, note: object) -> None:
            assert isinstance(note, SyncProgressNote)
            notes.append((threading.current_thread() is threading.main_thread(), note))
            super()._on_progress(note)

    with running_central(tmp_path) as central:
        token_file = tmp_path / "device.token"
        enrol(services, token_file, central.base_url, central.enrol_code(), hall="榆次大厅")
        services.sync_agent = _counter_agent(services, token_file)
        bar = Recording(services, CLERK, automatic=False)
        qtbot.addWidget(bar)
        with qtbot.waitSignal(bar.status_changed, timeout=10_000):
            bar.show()
        assert bar.sync_button.isEnabled()
        assert bar.state_label.text() == "同步：尚未同步"
        with qtbot.waitSignal(bar.synced, timeout=60_000) as blocker:
            bar.sync_button.click()
            assert bar.progress.isVisibleTo(bar) and bar.cancel_button.isVisibleTo(bar)
            assert not bar.sync_button.isEnabled()
        result = blocker.args[0]
        assert isinstance(result, SyncPassResult) and result.online and result.pushed == pending
        qtbot.waitUntil(lambda: bar.pending_label.text() == "待上传 0", timeout=10_000)
        assert central.stats()["events"] == pending
    assert bar.state_label.text() == "同步：在线"
    assert bar.last_label.text() == "上次成功同步：11-26 10:00"  # the fixed clock, Beijing time
    assert not bar.progress.isVisibleTo(bar) and bar.sync_button.isEnabled()
    assert notes and all(on_gui for on_gui, _ in notes)  # marshalled to the GUI thread
    assert notes[0][1].stage == "上传办件事件"
    assert syncing.outbox_counts(services) == (0, 0)
    wait_for_background()


def test_a_decision_is_pushed_at_once_not_at_the_next_interval(
    qtbot: QtBot, sqlite_services: Services, tmp_path: Path
) -> None:
    """审管联动: with events waiting and the platform reachable, the status read starts a pass."""
    from desktop.sync_wiring import enrol

    services = sqlite_services
    with running_central(tmp_path) as central:
        token_file = tmp_path / "device.token"
        enrol(services, token_file, central.base_url, central.enrol_code(), hall="榆次大厅")
        services.sync_agent = _counter_agent(services, token_file)
        bar = SyncStatusBar(services, CLERK)  # automatic passes on (the interval is 5 minutes)
        qtbot.addWidget(bar)
        with qtbot.waitSignal(bar.status_changed, timeout=10_000):
            bar.show()
        assert not bar.running  # nothing waits: no pass
        _an_accepted_case(services)  # the decisions of intake wait in the outbox
        with qtbot.waitSignal(bar.synced, timeout=60_000) as blocker:
            bar.refresh()  # what the 30-second timer does
        result = blocker.args[0]
        assert isinstance(result, SyncPassResult) and result.pushed >= 2 and result.pending == 0
        assert central.stats()["events"] == result.pushed
        qtbot.waitUntil(lambda: bar.pending_label.text() == "待上传 0", timeout=10_000)
        tip = bar.last_label.toolTip()
        assert "上传办件事件：" in tip and "事项清单：" in tip and "网上申请：" in tip
        bar.stop()
        wait_for_background()


def test_a_stopped_platform_means_offline_and_no_dialog(
    qtbot: QtBot, sqlite_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.sync_wiring import enrol

    services = sqlite_services
    shown: list[BaseException] = []
    monkeypatch.setattr("ui.sync_status.show_error", lambda _parent, exc, _title="": shown.append(exc))
    token_file = tmp_path / "device.token"
    with running_central(tmp_path) as central:
        enrol(services, token_file, central.base_url, central.enrol_code())
    _an_accepted_case(services)  # made while the platform is down
    services.sync_agent = _counter_agent(services, token_file)
    bar = _bar(qtbot, services)
    with qtbot.waitSignal(bar.pass_finished, timeout=120_000):
        bar.sync_now()
    qtbot.waitUntil(lambda: not bar._refreshing, timeout=10_000)
    assert bar.state_label.text() == "同步：离线"
    assert bar.last_label.text() == "上次成功同步：从未"
    assert bar.pending_label.text() != "待上传 0"
    assert not shown and _no_dialog_open()
    assert bar.sync_button.isEnabled()  # try again later
    wait_for_background()


class _SlowAgent:
    """Reports progress and runs until it is cancelled (or 20 s pass)."""

    def __init__(self) -> None:
        self.started = threading.Event()

    def run_once(
        self,
        progress: Callable[[SyncProgressNote], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncPassResult:
        assert progress is not None and cancelled is not None
        progress(SyncProgressNote("上传办件事件", 1, 4))
        self.started.set()
        for _ in range(2000):
            if cancelled():
                break
            threading.Event().wait(0.01)
        return SyncPassResult(pushed=1, pulled=0, pending=3, needs_attention=0, online=True)


def test_a_pass_shows_its_stage_and_can_be_cancelled(qtbot: QtBot, services: Services) -> None:
    _enrol_locally(services)
    agent = _SlowAgent()
    services.sync_agent = agent
    bar = _bar(qtbot, services)
    bar.sync_button.click()
    qtbot.waitUntil(lambda: "上传办件事件 1/4" in bar.state_label.text(), timeout=10_000)
    assert bar.progress.maximum() == 4 and bar.progress.value() == 1
    with qtbot.waitSignal(bar.synced, timeout=10_000):
        bar.cancel_button.click()
        assert bar.cancel_button.text() == "正在取消…"
    assert bar.state_label.text() == "同步：已取消（在线）"
    assert not bar.progress.isVisibleTo(bar) and not bar.cancel_button.isVisibleTo(bar)
    with qtbot.waitSignal(bar.status_changed, timeout=10_000):
        bar.refresh()
    assert bar.state_label.text() == "同步：已取消（在线）"  # said until the next pass
    wait_for_background()


class _LockedAgent:
    def run_once(
        self,
        progress: Callable[[SyncProgressNote], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncPassResult:
        raise AgentLockHeld(HELD_MESSAGE)


def test_another_computer_of_the_hall_syncs(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert issubclass(AgentLockHeld, EnvironmentProblem)
    shown: list[BaseException] = []
    monkeypatch.setattr("ui.sync_status.show_error", lambda _parent, exc, _title="": shown.append(exc))
    _enrol_locally(services)
    services.sync_agent = _LockedAgent()
    bar = _bar(qtbot, services)
    with qtbot.waitSignal(bar.pass_finished, timeout=10_000):
        bar.sync_button.click()
    assert bar.state_label.text() == "同步：由本厅另一台电脑负责同步"
    assert not shown and _no_dialog_open()
    wait_for_background()


# ------------------------------------------------------------------ intake freeze
def _enrolled_days_ago(services: Services, clock: FixedClock, days: int) -> None:
    now = clock.at
    clock.at = now - timedelta(days=days)
    _enrol_locally(services)
    clock.at = now


def _wizard(qtbot: QtBot, services: Services) -> IntakeWizard:
    wizard = IntakeWizard(services, CLERK)
    qtbot.addWidget(wizard)
    with qtbot.waitSignal(wizard.freeze_shown, timeout=20_000):
        wizard.show()
    qtbot.waitUntil(lambda: wizard.catalog is not None, timeout=20_000)
    return wizard


def _ready_shop_case(wizard: IntakeWizard) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit

    page, e = wizard.enterprise_page, enterprise()
    page.uscc.setText(VALID_USCC)
    page.name.setText(e.name)
    page.legal_representative.setText(e.legal_representative)
    page.legal_representative_id.setText(e.legal_representative_id)
    page.address.setText(e.address)
    page.contact_phone.setText(e.contact_phone)
    wizard.scope_page.set_state({"industries": ["IND-01"]})
    wizard.scope_page.changed.emit()
    values = {"number": "120", "phone": "13800000000", "id": "11010519491231002X", "date": "2026-11-26"}
    for f in wizard.form_page.fields():
        editor = wizard.form_page.editor(f.code)
        if editor is None or not f.required:
            continue
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData("是"))
        elif isinstance(editor, QLineEdit):
            editor.setText(values.get(f.type, "张四"))
    wizard.materials_page.set_all(True)
    wizard.go_to(4)


def test_a_stale_catalog_pauses_intake_until_a_hall_admin_allows_it(
    qtbot: QtBot, services: Services, clock: FixedClock
) -> None:
    _enrolled_days_ago(services, clock, 8)
    boss = users.add_user(services, SYSTEM_ACTOR, "boss", Role.HALL_ADMIN, "Hall2026ok")
    with services.uow() as uow:
        boss.must_change_password = False
        uow.users.save(boss)
        uow.commit()
    wizard = _wizard(qtbot, services)
    banner = wizard.freeze_label.text()
    assert wizard.freeze_banner.isVisibleTo(wizard)
    assert "暂停受理" in banner and "已 8 天未与中心平台同步" in banner
    assert wizard.freeze_button.isVisibleTo(wizard)

    # 受理 is refused by the service, with its message
    _ready_shop_case(wizard)
    wizard.confirm_page.accept_button.click()
    qtbot.waitUntil(lambda: "暂停新受理" in wizard.status.text(), timeout=20_000)
    assert "暂停新受理" in wizard.confirm_page.result_label.text()
    assert cases.find(services, CLERK, VALID_USCC) == []

    # the clerk calls the hall admin to the counter
    dialog = wizard.open_freeze_dialog()
    assert dialog.username.isVisibleTo(dialog) and dialog.password.isVisibleTo(dialog)
    dialog.username.setText("boss")
    dialog.password.setText("Hall2026ok")
    dialog.reason.setText("中心平台网络故障，已电话确认清单无变化")
    with qtbot.waitSignal(wizard.freeze_overridden, timeout=20_000):
        dialog.ok_button.click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: "已由大厅管理员授权今日继续受理" in wizard.freeze_label.text(), timeout=10_000)
    assert wizard.freeze is not None and not wizard.freeze.frozen
    assert not wizard.freeze_button.isVisibleTo(wizard)
    assert syncing.freeze(services).overridden

    with qtbot.waitSignal(wizard.accepted, timeout=20_000):
        wizard.confirm_page.accept_button.click()
    assert len(cases.find(services, CLERK, VALID_USCC)) == 1
    wait_for_background()


def test_a_hall_admin_at_their_own_window_allows_intake_from_the_status_bar(
    qtbot: QtBot, services: Services, clock: FixedClock
) -> None:
    _enrolled_days_ago(services, clock, 8)
    clerk_bar = _bar(qtbot, services, CLERK)
    assert clerk_bar.frozen_label.isVisibleTo(clerk_bar) and clerk_bar.frozen_label.text() == "已暂停新受理"
    assert not clerk_bar.override_button.isVisibleTo(clerk_bar)  # a clerk cannot allow it
    bar = _bar(qtbot, services, HALL_ADMIN)
    assert bar.override_button.isVisibleTo(bar)
    dialog = bar.open_override_dialog()
    assert not dialog.username.isVisibleTo(dialog)  # logged in already: a reason is enough
    dialog.reason.setText("短")
    dialog.ok_button.click()
    assert "至少 4 个字" in dialog.message.text()
    dialog.reason.setText("中心平台维护，今日继续受理")
    with qtbot.waitSignal(bar.status_changed, timeout=20_000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: not bar.frozen_label.isVisibleTo(bar), timeout=10_000)
    assert not bar.override_button.isVisibleTo(bar)
    assert syncing.freeze(services).overridden
    wait_for_background()


def test_a_fresh_enrolment_does_not_pause_intake(qtbot: QtBot, services: Services, clock: FixedClock) -> None:
    _enrolled_days_ago(services, clock, 7)  # seven days is still within the limit
    wizard = _wizard(qtbot, services)
    assert not wizard.freeze_banner.isVisibleTo(wizard)
    wait_for_background()


def test_no_dialog_helper_sees_message_boxes(qtbot: QtBot) -> None:
    box = QMessageBox()
    qtbot.addWidget(box)
    box.open()
    assert not _no_dialog_open()
    box.close()
    assert _no_dialog_open()


def test_the_status_bar_in_english(qtbot: QtBot, services: Services) -> None:
    from ui.i18n import install

    try:
        assert install("en")
        bar = _bar(qtbot, services)
        assert bar.state_label.text() == "Sync: standalone"
        assert bar.last_label.text() == "Last synced: never"
        assert bar.sync_button.text() == "Sync now"
    finally:
        assert install("zh_CN")
        wait_for_background()


def test_a_closed_window_starts_no_pass(qtbot: QtBot, services: Services) -> None:
    _enrol_locally(services)
    agent = _SlowAgent()
    services.sync_agent = agent
    bar = SyncStatusBar(services, CLERK)  # automatic passes on
    qtbot.addWidget(bar)
    with qtbot.waitSignal(bar.status_changed, timeout=10_000):
        bar.show()
    assert bar.pass_timer.isActive() and bar.pass_timer.interval() == 5 * 60_000
    bar.stop()
    assert not bar.pass_timer.isActive() and not bar.refresh_timer.isActive()
    bar._automatic_pass()
    assert not bar.running and not agent.started.is_set()
    wait_for_background()
