"""The sync state in the main window's status bar, and the passes with the central platform.

Shows 在线 / 离线 / 单机模式 (never enrolled), the last successful sync (Beijing time), the outbox
rows waiting (待上传 N) and, in red words, the rows the platform refused (需处理 N). 立即同步 runs
one pass on the pool with a progress bar that names the stage and a 取消 button; the status is
read again every 30 s and after each pass, and an enrolled counter syncs on its own every few
minutes (setting ``sync_interval_minutes``, default 5). An unreachable platform only turns the
state to 离线 — the counter keeps working and no dialog interrupts the clerk. When another
computer of the hall holds the hall's sync lock, this one says so and leaves syncing to it.

A hall admin logged in sees 授权继续受理… here while new intake is paused (the catalog has not
been synced for too long); the clerk's intake wizard offers the same with the admin's password.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget
from shiboken6 import Shiboken

from desktop.domain.errors import DomainError
from desktop.domain.sync_state import SyncPassResult, SyncProgressNote, SyncStatus
from desktop.domain.users import Actor, Permission
from desktop.services import settings, syncing
from desktop.services.base import Services
from ui.errors import message_for, show_error
from ui.formatting import CHINA
from ui.tasks import run_in_background

if TYPE_CHECKING:  # loaded with the intake wizard, after login
    from ui.intake.override_dialog import FreezeOverrideDialog

REFRESH_MS = 30_000
DEFAULT_INTERVAL_MINUTES = 5
INTERVAL_SETTING = "sync_interval_minutes"
FIRST_PASS_DELAY_MS = 20_000  # the first automatic pass, a little after the window opens
AGENT_RUNNING = "sync_agent_running"  # db.agent_lock.AgentLockHeld.code (ui does not import db)
RED = "color:#b00020;font-weight:bold;"


def short_time(at: datetime | None) -> str:
    """“11-26 10:05” in Beijing time; None → 从未 (translated by the caller's context)."""
    if at is None:
        return ""
    return at.astimezone(CHINA).strftime("%m-%d %H:%M")


def read_status(services: Services) -> tuple[SyncStatus, int]:
    """Runs on a pool thread: the sync status and the automatic pass interval (minutes)."""
    status = syncing.status(services)
    try:
        value = settings.read(services, INTERVAL_SETTING)
    except KeyError:  # not a known setting (yet): the default
        value = ""
    try:
        minutes = int(value) if value.strip() else DEFAULT_INTERVAL_MINUTES
    except ValueError:
        minutes = DEFAULT_INTERVAL_MINUTES
    return status, max(1, minutes)


def data_type_label(name: str) -> str:
    """The sync_state names (feeds and the push) as the counter calls them."""
    labels = {
        "push": QCoreApplication.translate("SyncStatusBar", "上传办件事件"),
        "catalog": QCoreApplication.translate("SyncStatusBar", "事项清单"),
        "calendar": QCoreApplication.translate("SyncStatusBar", "工作日历"),
        "trust_list": QCoreApplication.translate("SyncStatusBar", "信任列表"),
        "status_list": QCoreApplication.translate("SyncStatusBar", "证照状态"),
        "supervision_feedback": QCoreApplication.translate("SyncStatusBar", "监管反馈"),
        "users": QCoreApplication.translate("SyncStatusBar", "用户与角色"),
        "online_applications": QCoreApplication.translate("SyncStatusBar", "网上申请"),
    }
    return labels.get(name, name)


def last_success(status: SyncStatus) -> datetime | None:
    """The latest moment this counter (or its hall's agent) completed any part of a pass."""
    times = [t for t in status.last_success.values() if t is not None]
    return max(times) if times else None


class _ProgressRelay(QObject):
    """Carries progress notes from the pool thread to the GUI thread (a queued signal)."""

    note = Signal(object)


class SyncStatusBar(QWidget):
    status_changed = Signal(object)  # SyncStatus, after every read
    synced = Signal(object)  # SyncPassResult, after every pass that ran
    pass_finished = Signal()  # after every pass, whatever its outcome

    def __init__(
        self,
        services: Services,
        actor: Actor | None = None,
        parent: QWidget | None = None,
        *,
        automatic: bool = True,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._automatic = automatic
        self.status: SyncStatus | None = None
        self.last_pass: SyncPassResult | None = None
        self.interval_minutes = DEFAULT_INTERVAL_MINUTES
        self._running = False
        self._stopped = False
        self._refreshing = False
        self._refresh_again = False
        self._lock_held = False
        self._problem = ""  # a known reason the last pass did not run (no token…)
        self._cancel = threading.Event()
        self._cancelled = False  # 取消 was pressed during the running pass
        self._last_cancelled = False  # the last pass ended because of 取消 (said until the next one)
        self._bug_shown = False
        self._relay = _ProgressRelay(self)
        self._relay.note.connect(self._on_progress)
        self.override_dialog: FreezeOverrideDialog | None = None

        self.state_label = QLabel(self)
        self.last_label = QLabel(self)
        self.pending_label = QLabel(self)
        self.attention_label = QLabel(self)
        self.attention_label.setStyleSheet(RED)
        self.attention_label.setVisible(False)
        self.attention_label.setToolTip(
            self.tr("中心平台拒收的办件事件，需管理员核对后重新推送（onewindow sync retry）")
        )
        self.frozen_label = QLabel(self)
        self.frozen_label.setStyleSheet(RED)
        self.frozen_label.setVisible(False)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.sync_button = QPushButton(self.tr("立即同步"), self)
        self.sync_button.setEnabled(False)
        self.sync_button.clicked.connect(self.sync_now)
        self.override_button = QPushButton(self.tr("授权继续受理…"), self)
        self.override_button.setVisible(False)
        self.override_button.clicked.connect(self.open_override_dialog)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (
            self.state_label,
            self.last_label,
            self.pending_label,
            self.attention_label,
            self.frozen_label,
            self.progress,
            self.cancel_button,
            self.sync_button,
            self.override_button,
        ):
            layout.addWidget(widget)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start()
        self.pass_timer = QTimer(self)
        self.pass_timer.timeout.connect(self._automatic_pass)
        self._first_pass_armed = False
        self.state_label.setText(self.tr("同步：正在读取…"))
        self.refresh()

    # -- plumbing -------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._running

    def can_sync(self) -> bool:
        return self._services.sync_agent is not None and self.status is not None and self.status.enrolled

    def stop(self) -> None:
        """The window closes: no more timers, and a running pass is asked to stop."""
        self._stopped = True
        self.refresh_timer.stop()
        self.pass_timer.stop()
        self._cancel.set()

    # -- status ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the sync status again (on the pool)."""
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        services = self._services
        run_in_background(lambda: read_status(services), self._on_status, self._on_status_failed)

    def _on_status(self, result: tuple[SyncStatus, int]) -> None:
        self._refreshing = False
        status, minutes = result
        self.status = status
        self._schedule_passes(minutes)
        self._show()
        self.status_changed.emit(status)
        self._push_soon(status)
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _push_soon(self, status: SyncStatus) -> None:
        """Decisions reach the competent department at once (审管联动): when events wait and the
        platform answered last time, a pass starts now instead of at the next interval."""
        last_ok = self.last_pass is None or (self.last_pass.online and not self.last_pass.errors)
        if self._automatic and status.pending > 0 and last_ok and not self._lock_held and not self._problem:
            self._automatic_pass()

    def _on_status_failed(self, exc: BaseException) -> None:
        self._refreshing = False
        self.state_label.setText(self.tr("同步：状态读取失败"))
        self.state_label.setToolTip(message_for(exc) or repr(exc))

    def _schedule_passes(self, minutes: int) -> None:
        if self._stopped or not (self._automatic and self.can_sync()):
            self.pass_timer.stop()
            return
        if minutes != self.interval_minutes or not self.pass_timer.isActive():
            self.interval_minutes = minutes
            self.pass_timer.start(minutes * 60_000)
        if not self._first_pass_armed:
            self._first_pass_armed = True
            QTimer.singleShot(FIRST_PASS_DELAY_MS, self, self._automatic_pass)

    def state_text(self) -> str:
        """在线 / 离线 / 单机模式 … as the status bar shows it (without the 同步： prefix)."""
        status = self.status
        if status is None:
            return self.tr("正在读取…")
        if not status.enrolled:
            return self.tr("单机模式")
        if self._lock_held:
            return self.tr("由本厅另一台电脑负责同步")
        if self._problem:
            return self.tr("未能同步")
        if self.last_pass is not None:
            if not self.last_pass.online:
                return self.tr("离线")
            return self.tr("在线") if not self.last_pass.errors else self.tr("在线（部分未完成）")
        errors = [e for e in status.last_error.values() if e]
        if errors:
            return self.tr("离线")
        if last_success(status) is None:
            return self.tr("尚未同步")
        return self.tr("在线")

    def _show(self) -> None:
        status = self.status
        if status is None:
            return
        if not self._running and self._last_cancelled:
            self.state_label.setText(self.tr("同步：已取消（{state}）").format(state=self.state_text()))
        elif not self._running:
            self.state_label.setText(self.tr("同步：{state}").format(state=self.state_text()))
        errors = list(self.last_pass.errors) if self.last_pass is not None else []
        errors += [e for e in status.last_error.values() if e and e not in errors]
        tips = [self._problem] if self._problem else []
        if status.enrolled and status.server_url:
            tips.append(self.tr("中心平台：{url}").format(url=status.server_url))
        tips += errors[:5]
        self.state_label.setToolTip("\n".join(tips))
        never = self.tr("从未")
        per_type = [
            f"{data_type_label(name)}：{short_time(at) if at else never}"
            for name, at in status.last_success.items()
        ]
        self.last_label.setToolTip(self.tr("各类数据上次成功同步：") + "\n" + "\n".join(per_type))
        last = last_success(status)
        self.last_label.setText(
            self.tr("上次成功同步：{time}").format(time=short_time(last) if last else self.tr("从未"))
        )
        self.pending_label.setText(self.tr("待上传 {count}").format(count=status.pending))
        self.attention_label.setText(self.tr("需处理 {count}").format(count=status.needs_attention))
        self.attention_label.setVisible(status.needs_attention > 0)
        if status.frozen:
            self.frozen_label.setText(self.tr("已暂停新受理"))
            self.frozen_label.setToolTip(status.freeze_reason)
        may_override = self._actor is not None and self._actor.can(Permission.OVERRIDE_WARNING)
        concerned = self._actor is None or may_override or self._actor.can(Permission.INTAKE)
        self.frozen_label.setVisible(status.frozen and concerned)  # a reviewer does not take cases
        self.override_button.setVisible(status.frozen and may_override)
        self._update_button()

    def _update_button(self) -> None:
        enrolled = self.status is not None and self.status.enrolled
        if not enrolled or self._services.sync_agent is None:
            self.sync_button.setEnabled(False)
            self.sync_button.setToolTip(self.tr("本机未注册到中心平台（单机模式）"))
            return
        self.sync_button.setEnabled(not self._running)
        self.sync_button.setToolTip(
            self.tr("立即与中心平台同步：上传办件事件，下载事项清单、用户、网上申请等")
        )

    # -- passes ---------------------------------------------------------------------------------------
    def _automatic_pass(self) -> None:
        if Shiboken.isValid(self) and not self._stopped and self.can_sync() and not self._running:
            self._start_pass(manual=False)

    def sync_now(self) -> None:
        """立即同步 (the button): one pass now, with progress and 取消."""
        if not self.can_sync() or self._running:
            return
        self._start_pass(manual=True)

    def _start_pass(self, manual: bool) -> None:
        agent = self._services.sync_agent
        if agent is None:
            return
        self._running = True
        self._cancelled = False
        self._cancel = threading.Event()
        cancel = self._cancel
        emit = self._relay.note.emit
        self.state_label.setText(self.tr("同步：正在连接中心平台…"))
        self.progress.setRange(0, 0)
        self.progress.setFormat("")
        self.progress.setVisible(True)
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(True)
        self._update_button()

        def op() -> SyncPassResult:
            return agent.run_once(emit, cancel.is_set)

        run_in_background(
            op,
            self._on_pass_done,
            lambda exc: self._on_pass_failed(exc, manual),
        )

    def cancel(self) -> None:
        """取消: the pass stops at its next step (what was done stays done)."""
        if not self._running:
            return
        self._cancelled = True
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("正在取消…"))

    @Slot(object)
    def _on_progress(self, note: object) -> None:
        if not isinstance(note, SyncProgressNote) or not self._running:
            return
        if note.total:
            self.progress.setRange(0, max(note.total, note.done))
            self.progress.setValue(note.done)
            self.progress.setFormat(f"{note.done}/{note.total}")
            text = self.tr("同步：{stage} {done}/{total}").format(
                stage=note.stage, done=note.done, total=note.total
            )
        else:
            self.progress.setRange(0, 0)  # how many is not known in advance
            text = self.tr("同步：{stage}（已收到 {done} 条）").format(stage=note.stage, done=note.done)
        self.state_label.setText(text)

    def _end_pass(self) -> None:
        self._running = False
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _on_pass_done(self, result: SyncPassResult) -> None:
        self._end_pass()
        self.last_pass = result
        self._lock_held = False
        self._problem = ""
        self._last_cancelled = self._cancelled
        self._show()
        self.synced.emit(result)
        self.pass_finished.emit()
        self.refresh()

    def _on_pass_failed(self, exc: BaseException, manual: bool) -> None:
        self._end_pass()
        self._last_cancelled = False
        known = message_for(exc)
        if isinstance(exc, DomainError) and exc.code == AGENT_RUNNING:
            self._lock_held, self._problem = True, ""
        elif known is not None:
            self._lock_held, self._problem = False, known
        else:
            self._problem = self.tr("程序内部错误")
            if manual or not self._bug_shown:
                self._bug_shown = True
                show_error(self.window(), exc, self.tr("同步未完成"))
        self._show()
        self.pass_finished.emit()
        self.refresh()

    # -- intake freeze (a hall admin logged in) -------------------------------------------------------
    def open_override_dialog(self) -> FreezeOverrideDialog:
        """授权继续受理 for a hall admin logged in here: a reason is enough (window-modal)."""
        from ui.intake.override_dialog import FreezeOverrideDialog

        reason = self.status.freeze_reason if self.status else ""
        dialog = FreezeOverrideDialog(self._services, self._actor, reason, self)
        dialog.overridden.connect(lambda _who, _reason: self.refresh())
        self.override_dialog = dialog
        dialog.open()
        return dialog
