"""综合受理 (前台综合受理): the intake wizard of the clerk's workbench.

主体信息 → 经营范围/行业 → 一表填报 → 材料清单 → 确认受理. Keyboard first: Enter moves to the next
field, Alt+N / Alt+P to the next / previous step, Ctrl+Enter 受理 on the last step (on another
step it brings up 确认受理). Everything typed is saved as a draft about a second after the last
change (in the background) and comes back with ``restore_draft``; a submitted case discards it.
All database work runs through ``ui.tasks.run_in_background``.

While new intake is paused (the catalog has not been synced with the central platform for too
long, desktop.services.syncing) a red banner at the top says why; the services refuse 受理 anyway,
and a hall admin can 授权继续受理 for the day. An online application (一网办) taken in the 网上申请
list opens here prefilled (``open_online``) and is submitted with its ``online_ref`` — the same
受理 / 补正 / 不予受理 as a walk-in case (无差别办理), recorded as channel = online.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.applications import Application
from desktop.domain.catalog import Catalog, Matter
from desktop.domain.errors import DomainError, NeedsOverride
from desktop.domain.intake_form import MergedForm, merge
from desktop.domain.online import OnlineApplication
from desktop.domain.sync_state import Freeze, SyncStatus
from desktop.domain.users import Actor
from desktop.services import cases, catalog_search, drafts, intake, syncing
from desktop.services.base import Services
from ui.errors import message_for, show_error
from ui.formatting import local_time
from ui.intake import checks
from ui.intake.confirm_page import ConfirmPage
from ui.intake.enterprise_page import EnterprisePage, kind_labels
from ui.intake.form_page import FormPage
from ui.intake.materials_page import MaterialsPage
from ui.intake.model import online_state
from ui.intake.override_dialog import FreezeOverrideDialog, OverrideDialog
from ui.intake.scope_page import ScopePage
from ui.tasks import run_in_background

STEPS = ("主体信息", "经营范围/行业", "一表填报", "材料清单", "确认受理")  # shown through step_titles()
ENTERPRISE, SCOPE, FORM, MATERIALS, CONFIRM = range(len(STEPS))
SAVE_DELAY_MS = 1000
DRAFT_FORMAT = 1
_NUMBERS = "①②③④⑤"
INTAKE_FROZEN = "intake_frozen"  # desktop.services.syncing.IntakeFrozen.code
# The banner's own colours (the selectors keep them off its button).
FROZEN_STYLE = "QFrame#freezeBanner{background:#b00020;} QLabel{color:white;font-weight:bold;padding:4px;}"
ALLOWED_STYLE = (
    "QFrame#freezeBanner{background:#fff4e0;border:1px solid #8a5a00;}"
    " QLabel{color:#8a5a00;font-weight:bold;padding:4px;}"
)
ONLINE_STYLE = "background:#e8f0fe;color:#0b3d91;font-weight:bold;padding:6px;border:1px solid #0b3d91;"

Problem = tuple[int, QWidget | None, str]  # step, field to go to, message


class _Keys(QObject):
    """Enter moves on, Ctrl+Enter 受理, Alt+N / Alt+P change step — for the widget it watches."""

    def __init__(self, wizard: IntakeWizard, enter_moves_on: bool) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._enter_moves_on = enter_moves_on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._wizard.handle_key(event, watched if self._enter_moves_on else None)
        ):
            return True
        return super().eventFilter(watched, event)


class IntakeWizard(QWidget):
    accepted = Signal(str)  # application number
    draft_saved = Signal(str)  # draft id
    draft_restored = Signal(str)
    supplement_requested = Signal(str)  # application number (一次补正通知 issued)
    refused = Signal(str)  # application number (不予受理)
    ready = Signal()  # the catalog is loaded: searching and choosing may start
    freeze_shown = Signal(bool)  # the freeze banner was updated (True: intake paused now)
    freeze_overridden = Signal(str)  # a hall admin allowed intake today (their username)
    online_opened = Signal(str)  # an online application is in the wizard (its id)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.catalog: Catalog | None = None
        self.merged: MergedForm | None = None
        self._draft_id: str | None = None
        self._saving = False
        self._save_again = False
        self._restoring = False
        self._busy = False
        self._pending_state: dict[str, Any] | None = None  # a draft that arrived before the catalog
        self._pending_draft: str | None = None
        self._submitted: tuple[str, str] | None = None  # (id, number) submitted but not yet finished
        self._override_asked: set[str] = set()
        self.override_dialog: OverrideDialog | None = None
        self.freeze_dialog: FreezeOverrideDialog | None = None
        self.freeze: Freeze | None = None
        self._freeze_reads = 0
        self._online: dict[str, str] | None = None  # {"id", "submitted_at"} of an online application
        self._pending_online: OnlineApplication | None = None  # taken before the catalog arrived
        self._keys = _Keys(self, enter_moves_on=True)
        self._shortcut_keys = _Keys(self, enter_moves_on=False)

        self.steps = QTabBar(self)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setExpanding(False)
        self.steps.setDrawBase(True)
        for number, title in zip(_NUMBERS, self.step_titles(), strict=True):
            self.steps.addTab(f"{number} {title}")
        self.drafts_button = QToolButton(self)
        self.drafts_button.setText(self.tr("未完成的草稿"))
        self.drafts_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.drafts_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.drafts_menu = QMenu(self.drafts_button)
        self.drafts_button.setMenu(self.drafts_menu)
        self.drafts_button.setVisible(False)
        self.new_button = QToolButton(self)
        self.new_button.setText(self.tr("新办件"))
        self.new_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # The freeze banner: red, and words (not colour alone), while new intake is paused.
        self.freeze_banner = QFrame(self)
        self.freeze_banner.setObjectName("freezeBanner")
        self.freeze_label = QLabel(self.freeze_banner)
        self.freeze_label.setWordWrap(True)
        self.freeze_button = QPushButton(self.tr("授权继续受理…"), self.freeze_banner)
        self.freeze_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.freeze_button.clicked.connect(self.open_freeze_dialog)
        banner_row = QHBoxLayout(self.freeze_banner)
        banner_row.setContentsMargins(6, 4, 6, 4)
        banner_row.addWidget(self.freeze_label, 1)
        banner_row.addWidget(self.freeze_button)
        self.freeze_banner.setVisible(False)
        # The online application (一网办) being handled, when there is one.
        self.online_label = QLabel(self)
        self.online_label.setWordWrap(True)
        self.online_label.setStyleSheet(ONLINE_STYLE)
        self.online_label.setVisible(False)

        self.enterprise_page = EnterprisePage(services, self)
        self.scope_page = ScopePage(services, self)
        self.form_page = FormPage(services.clock.today, self._install_keys, self)
        self.materials_page = MaterialsPage(actor.username, self)
        self.confirm_page = ConfirmPage(self)
        self.stack = QStackedWidget(self)
        for page in self.pages():
            self.stack.addWidget(page)

        self.prev_button = QPushButton(self.tr("上一步 (Alt+P)"), self)
        self.next_button = QPushButton(self.tr("下一步 (Alt+N)"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.draft_label = QLabel(self)
        self.draft_label.setStyleSheet("color:#555555;")

        top = QHBoxLayout()
        top.addWidget(self.steps, 1)
        top.addWidget(self.drafts_button)
        top.addWidget(self.new_button)
        nav = QHBoxLayout()
        nav.addWidget(self.status, 1)
        nav.addWidget(self.draft_label)
        nav.addSpacing(12)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.freeze_banner)
        layout.addLayout(top)
        layout.addWidget(self.online_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(nav)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_now)

        self.steps.currentChanged.connect(self._on_step_changed)
        self.prev_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.new_button.clicked.connect(self._on_new_clicked)
        for page in (
            self.enterprise_page,
            self.scope_page,
            self.form_page,
            self.materials_page,
            self.confirm_page,
        ):
            page.changed.connect(self._on_changed)
        self.enterprise_page.override_requested.connect(self.open_override_dialog)
        self.scope_page.finished.connect(self.next_step)
        self.confirm_page.accept_requested.connect(self.submit_and_accept)
        self.confirm_page.supplement_requested.connect(self.request_supplement)
        self.confirm_page.refuse_requested.connect(self.refuse)

        for widget in [
            *self.enterprise_page.inputs(),
            *self.scope_page.inputs(),
            self.materials_page.checklist,
            *self.materials_page.inputs(),
            *self.confirm_page.inputs(),
            self.prev_button,
            self.next_button,
        ]:
            self._install_keys(widget)
        for widget in (
            self.scope_page.search,
            self.scope_page.results,
            self.scope_page.selected,
            self.enterprise_page.known,
        ):
            widget.installEventFilter(self._shortcut_keys)

        self._update_derived()
        self._on_step_changed(ENTERPRISE)
        self.status.setText(self.tr("正在载入事项清单…"))
        run_in_background(
            lambda: catalog_search.load(services),
            self.set_catalog,
            self._on_catalog_failed,
        )
        self.refresh_drafts()
        self.refresh_freeze()

    # -- plumbing -----------------------------------------------------------------------------------
    def step_titles(self) -> tuple[str, ...]:
        """The titles of the steps (STEPS) in the interface language."""
        return (
            self.tr("主体信息"),
            self.tr("经营范围/行业"),
            self.tr("一表填报"),
            self.tr("材料清单"),
            self.tr("确认受理"),
        )

    def pages(self) -> list[QWidget]:
        return [self.enterprise_page, self.scope_page, self.form_page, self.materials_page, self.confirm_page]

    def _install_keys(self, widget: QWidget) -> None:
        widget.installEventFilter(self._keys)

    @property
    def draft_id(self) -> str | None:
        return self._draft_id

    def set_catalog(self, catalog: Catalog) -> None:
        """Use this catalog version (loaded in the background at start)."""
        self.catalog = catalog
        self.scope_page.set_catalog(catalog)
        self.status.setText(self.tr("事项清单 {version} 已载入").format(version=catalog.version.label))
        if self._pending_state is not None:
            state, self._pending_state = self._pending_state, None
            self.set_state(state)
        else:
            self._update_derived()
        self.ready.emit()
        if self._pending_online is not None:
            online, self._pending_online = self._pending_online, None
            self.open_online(online)
        if self._pending_draft is not None:
            draft_id, self._pending_draft = self._pending_draft, None
            self.status.setText(self.tr("已恢复草稿"))
            self.draft_restored.emit(draft_id)

    def _on_catalog_failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc) or self.tr("事项清单载入失败"))
        if message_for(exc) is None:
            show_error(self, exc)

    # -- steps and keyboard ---------------------------------------------------------------------------
    def current_step(self) -> int:
        return self.stack.currentIndex()

    def go_to(self, step: int) -> None:
        step = max(0, min(step, len(STEPS) - 1))
        if step == self.steps.currentIndex():
            self._on_step_changed(step)
        else:
            self.steps.setCurrentIndex(step)

    def next_step(self) -> None:
        self.go_to(self.current_step() + 1)

    def previous_step(self) -> None:
        self.go_to(self.current_step() - 1)

    def _on_step_changed(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.prev_button.setEnabled(step > 0)
        self.next_button.setEnabled(step < len(STEPS) - 1)
        if step == CONFIRM:
            self._update_derived()
            self.confirm_page.show_problems(self._problem_lines(self._problems(show=False)))
        if not self._restoring:
            self._focus_step(step)
            self._schedule_save()

    def _focus_step(self, step: int) -> None:
        if step == ENTERPRISE:
            self.enterprise_page.focus_first()
        elif step == SCOPE:
            self.scope_page.search.setFocus()
        elif step == FORM:
            editors = [e for f in self.form_page.fields() if (e := self.form_page.editor(f.code)) is not None]
            (editors[0] if editors else self.next_button).setFocus()
        elif step == MATERIALS:
            self.materials_page.checklist.setFocus()
        else:
            boxes = list(self.confirm_page.commitment_boxes.values())
            (boxes[0] if boxes else self.confirm_page.accept_button).setFocus()

    def handle_key(self, event: QKeyEvent, field: QObject | None) -> bool:
        """The wizard's keys; ``field`` is the widget Enter should move on from (None: leave Enter)."""
        key, mods = event.key(), event.modifiers()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        without_keypad = mods & ~Qt.KeyboardModifier.KeypadModifier
        if enter and without_keypad == Qt.KeyboardModifier.ControlModifier:
            self.ctrl_enter()
            return True
        if without_keypad == Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_N, Qt.Key.Key_P):
            self.next_step() if key == Qt.Key.Key_N else self.previous_step()
            return True
        if enter and without_keypad == Qt.KeyboardModifier.NoModifier and field is not None:
            if isinstance(field, QAbstractButton) and not isinstance(field, QCheckBox):
                field.click()
            else:
                self.focusNextPrevChild(True)
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if self.handle_key(event, None):
            event.accept()
            return
        super().keyPressEvent(event)

    def ctrl_enter(self) -> None:
        if self.current_step() == CONFIRM:
            self.submit_and_accept()
        else:
            self.go_to(CONFIRM)
            self.status.setText(self.tr("请核对后再按 Ctrl+Enter 受理"))

    # -- derived views --------------------------------------------------------------------------------
    def _on_changed(self) -> None:
        if self._restoring:
            return
        self._update_derived()
        self._check_known_override()
        self._schedule_save()

    def matters(self) -> tuple[Matter, ...]:
        return self.scope_page.matters()

    def _update_derived(self) -> None:
        in_ftz = self.enterprise_page.in_ftz.isChecked()
        self.scope_page.set_in_ftz(in_ftz)
        matters = self.scope_page.matters()
        self.merged = merge(matters) if matters else None
        self.form_page.set_enterprise_values(self.enterprise_page.values())
        self.form_page.set_form(self.merged)
        self.materials_page.set_form(self.merged)
        if self.confirm_page.set_case(self._summary(), matters, in_ftz):
            for widget in self.confirm_page.inputs():
                self._install_keys(widget)

    def _summary(self) -> str:
        e = self.enterprise_page.enterprise()
        who = self.tr("{name}（{uscc}）").format(
            name=e.name or self.tr("（未填写名称）"), uscc=e.uscc or self.tr("未填写统一社会信用代码")
        )
        if e.legal_representative:
            rep = self.tr("法定代表人 {name}").format(name=e.legal_representative)
        else:
            rep = self.tr("法定代表人未填写")
        kind = self.scope_page.licence_kind()
        industries = "、".join(self.scope_page.industry_names())
        if industries:
            scope = self.tr("{kind}：{industries}").format(kind=kind, industries=industries)
        else:
            scope = kind or self.tr("尚未选择行业或经营范围")
        got = len(self.materials_page.received())
        total = len(self.materials_page.items())
        ftz = self.tr(" · 自贸区内") if e.in_ftz else ""
        lines = [
            f"{who} · {rep} · {kind_labels()[e.kind]}{ftz}",
            self.tr("{scope} · 需办理事项 {count} 项 · 材料已收 {got}/{total}").format(
                scope=scope, count=len(self.scope_page.matters()), got=got, total=total
            ),
        ]
        staff = self.materials_page.assisted_staff()
        if staff:
            lines.append(self.tr("帮办代办：{staff}").format(staff=staff))
        return "\n".join(lines)

    # -- USCC override --------------------------------------------------------------------------------
    def _check_known_override(self) -> None:
        """A USCC overridden for an earlier case needs no new override (the services agree)."""
        uscc = self.enterprise_page.normalized_uscc()
        if not self.enterprise_page.needs_override() or uscc in self._override_asked:
            return
        self._override_asked.add(uscc)
        services = self._services

        def known(exists: object) -> None:
            if exists:
                self.enterprise_page.mark_overridden(uscc, self.tr("该代码的校验位警告此前已由主管覆盖"))
                self._update_derived()

        run_in_background(
            lambda: catalog_search.uscc_override_exists(services, uscc), known, lambda _exc: None
        )

    def open_override_dialog(self) -> OverrideDialog:
        """The supervisor's dialog (window-modal, Esc cancels); kept in ``override_dialog``."""
        uscc = self.enterprise_page.normalized_uscc()
        warning = self.enterprise_page.uscc_check(final=True).message
        dialog = OverrideDialog(self._services, uscc, warning, self)
        dialog.overridden.connect(lambda who, reason: self._on_overridden(uscc, who, reason))
        self.override_dialog = dialog
        dialog.open()
        return dialog

    def _on_overridden(self, uscc: str, who: str, reason: str) -> None:
        self.enterprise_page.mark_overridden(
            uscc, self.tr("校验位警告已由主管 {who} 覆盖（理由：{reason}）").format(who=who, reason=reason)
        )
        self.status.setText(self.tr("主管 {who} 已覆盖统一社会信用代码校验位警告").format(who=who))
        self._update_derived()
        self.enterprise_page.name.setFocus()

    # -- intake freeze --------------------------------------------------------------------------------
    def refresh_freeze(self) -> None:
        """Read whether new intake is paused (in the background) and show the banner accordingly."""
        services = self._services
        self._freeze_reads += 1
        generation = self._freeze_reads

        def read(freeze: Freeze) -> None:
            if generation == self._freeze_reads:  # an older read answering late is dropped
                self.show_freeze(freeze)

        run_in_background(lambda: syncing.freeze(services), read, lambda _exc: None)

    def show_sync_status(self, status: SyncStatus) -> None:
        """The status bar read the sync status: the same facts, without another query."""
        age = status.catalog_age_days
        stale = bool(status.freeze_reason)
        self.show_freeze(Freeze(status.frozen, stale, age, status.freeze_overridden, status.freeze_reason))

    def show_freeze(self, freeze: Freeze) -> None:
        self.freeze = freeze
        if freeze.frozen:
            self.freeze_label.setText(self.tr("⚠ 暂停受理：{reason}").format(reason=freeze.reason))
            self.freeze_banner.setStyleSheet(FROZEN_STYLE)
            self.freeze_button.setVisible(True)
        elif freeze.stale and freeze.overridden:
            self.freeze_label.setText(
                self.tr(
                    "已由大厅管理员授权今日继续受理（事项清单已 {days} 天未同步，请尽快联网同步）"
                ).format(days=freeze.age_days if freeze.age_days is not None else "—")
            )
            self.freeze_banner.setStyleSheet(ALLOWED_STYLE)
            self.freeze_button.setVisible(False)
        self.freeze_banner.setVisible(freeze.stale)
        self.freeze_shown.emit(freeze.frozen)

    def open_freeze_dialog(self) -> FreezeOverrideDialog:
        """授权继续受理: the hall admin's password and a reason (window-modal, Esc cancels)."""
        reason = self.freeze.reason if self.freeze else ""
        dialog = FreezeOverrideDialog(self._services, self._actor, reason, self)
        dialog.overridden.connect(self._on_freeze_overridden)
        self.freeze_dialog = dialog
        dialog.open()
        return dialog

    def _on_freeze_overridden(self, who: str, reason: str) -> None:
        self.status.setText(
            self.tr("大厅管理员 {who} 已授权今日继续受理（理由：{reason}）").format(who=who, reason=reason)
        )
        self.refresh_freeze()
        self.freeze_overridden.emit(who)

    # -- 一网办 ----------------------------------------------------------------------------------------
    @property
    def online_id(self) -> str | None:
        """The online application this case comes from (None for a walk-in case)."""
        return self._online["id"] if self._online else None

    def open_online(self, online: OnlineApplication) -> None:
        """Fill the wizard from an online application the clerk has taken (the current typing is
        kept as a draft); the case is then submitted with its ``online_ref``."""
        if self.catalog is None:
            self._pending_online = online  # opened when the catalog arrives
            return
        self._flush_save()
        state, notes = online_state(self.catalog, online)
        self.reset()
        self.set_state(state)
        self.go_to(ENTERPRISE)
        message = self.tr("已载入网上申请 {id}（{name}），请逐项核对后受理、补正或不予受理").format(
            id=online.id, name=online.enterprise_name
        )
        self.status.setText("；".join([message, *notes]))
        self._schedule_save()
        self.online_opened.emit(online.id)

    def _set_online(self, online: dict[str, str] | None) -> None:
        self._online = online
        if online is None:
            self.online_label.clear()
            self.online_label.setVisible(False)
            return
        submitted = online.get("submitted_at", "")
        try:
            when = local_time(datetime.fromisoformat(submitted)) if submitted else "—"
        except ValueError:
            when = submitted
        self.online_label.setText(
            self.tr(
                "网上申请 {id}（一网办，{time} 提交）：受理后办件记为网上申请，与窗口办件同样办理"
            ).format(id=online.get("id", ""), time=when)
        )
        self.online_label.setVisible(True)

    # -- problems -------------------------------------------------------------------------------------
    def _problems(self, show: bool = True, through: int = CONFIRM) -> list[Problem]:
        """What blocks submitting, by step; ``show`` also marks each field on its page."""
        found: list[Problem] = [(ENTERPRISE, w, m) for w, m in self.enterprise_page.problems(show)]
        if self.catalog is None:
            found.append((SCOPE, None, self.tr("事项清单尚未载入，请稍候")))
        elif not self.scope_page.selection:
            found.append((SCOPE, self.scope_page.search, self.tr("请选择行业或经营范围")))
        elif not self.scope_page.matters():
            found.append(
                (SCOPE, self.scope_page.search, self.tr("所选经营范围无需许可（准入即营），无需受理"))
            )
        if through >= FORM:
            found += [(FORM, w, m) for w, m in self.form_page.problems(show)]
        return found

    def _problem_lines(self, problems: list[Problem]) -> list[str]:
        """For the list on 确认受理: the form's empty required fields on one line."""
        lines: list[str] = []
        titles = self.step_titles()
        empty = [
            name for s, _w, m in problems if s == FORM and (name := checks.filled_in_name(m)) is not None
        ]
        for step, _widget, message in problems:
            if step == FORM and checks.filled_in_name(message) is not None:
                if empty:
                    lines.append(self.tr("一表填报尚有必填项未填：{fields}").format(fields="、".join(empty)))
                    empty = []
                continue
            if step == SCOPE:
                lines.append(message)
            else:
                lines.append(self.tr("{step}：{message}").format(step=titles[step], message=message))
        return lines

    def _block(self, problems: list[Problem]) -> None:
        self.confirm_page.show_problems(self._problem_lines(problems))
        step, widget, message = problems[0]
        self.status.setText(message)
        if step != CONFIRM:
            self.go_to(step)
        if widget is not None:
            widget.setFocus()

    # -- 受理 / 一次性补正 / 不予受理 ---------------------------------------------------------------------
    def _submission(self) -> Callable[[], Application]:
        """Submit the case (once: a retry after a failed second step reuses it)."""
        services, actor = self._services, self._actor
        enterprise = self.enterprise_page.enterprise()
        codes = [m.code for m in self.scope_page.matters()]
        values = self.form_page.values()
        industries = self.scope_page.industry_names()
        received = self.materials_page.received()
        staff = self.materials_page.assisted_staff()
        submitted = self._submitted
        online_ref = self._online["id"] if self._online else None

        def submit() -> Application:
            if submitted is not None:
                return cases.get(services, actor, submitted[0])
            return intake.submit(
                services,
                actor,
                enterprise,
                codes,
                values,
                assisted_by=staff,
                industries=industries,
                materials_received=received,
                online_ref=online_ref,
            )

        return submit

    def _run_case(
        self, second: Callable[[Application], Application], done: Callable[[Application], None]
    ) -> None:
        if self._busy:
            return
        self._busy = True
        self.confirm_page.set_busy(True)
        self.confirm_page.show_result(self.tr("正在提交…"), ok=True)
        submit = self._submission()
        holder: dict[str, tuple[str, str]] = {}

        def op() -> Application:
            app = submit()
            holder["app"] = (app.id, app.number)
            return second(app)

        def ok(app: Application) -> None:
            self._busy = False
            self.confirm_page.set_busy(False)
            done(app)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.confirm_page.set_busy(False)
            if "app" in holder:
                self._submitted = holder["app"]
            self._on_case_failed(exc)

        run_in_background(op, ok, failed)

    def _on_case_failed(self, exc: BaseException) -> None:
        known = message_for(exc)
        if known is None:
            self.confirm_page.show_result(self.tr("操作未完成（程序内部错误）"), ok=False)
            show_error(self, exc)
            return
        if self._submitted:
            result = self.tr("办件 {number} 已提交，但操作未完成：{error}").format(
                number=self._submitted[1], error=known
            )
        else:
            result = self.tr("操作未完成：{error}").format(error=known)
        self.confirm_page.show_result(result, ok=False)
        self.status.setText(known)
        if isinstance(exc, DomainError) and exc.code == INTAKE_FROZEN:
            self.refresh_freeze()
        if isinstance(exc, NeedsOverride):
            self.enterprise_page.refresh_checks(final=True)
            self.go_to(ENTERPRISE)
            self.enterprise_page.uscc.setFocus()

    def submit_and_accept(self) -> None:
        """受理: submit the case and accept it with the materials ticked and the signed commitments."""
        if self._busy:
            return
        problems = self._problems()
        if problems:
            self._block(problems)
            return
        missing = self.materials_page.missing()
        if missing:
            answer = QMessageBox.question(
                self,
                self.tr("材料未收齐"),
                self.tr(
                    "以下材料尚未勾选“已收”：\n{materials}\n\n仍要受理吗？（材料不全时宜用“一次性补正”）"
                ).format(materials="\n".join(f"· {m.name}" for m in missing)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        services, actor = self._services, self._actor
        committed = self.confirm_page.committed()
        self._run_case(
            lambda app: intake.accept(services, actor, app.id, committed),
            lambda app: self._finished(app, self.tr("已受理"), self.accepted, with_states=True),
        )

    def request_supplement(self) -> None:
        """一次性补正: every unticked applicant material, listed at once."""
        if self._busy:
            return
        problems = self._problems(through=SCOPE)
        if problems:
            self._block(problems)
            return
        missing = [m.name for m in self.materials_page.missing()]
        if not missing:
            self.confirm_page.show_result(self.tr("材料已全部勾选“已收”，无需补正"), ok=False)
            return
        services, actor = self._services, self._actor
        self._run_case(
            lambda app: intake.request_supplement(services, actor, app.id, missing),
            lambda app: self._finished(
                app,
                self.tr("已出具一次补正通知，缺少：{materials}").format(materials="、".join(missing)),
                self.supplement_requested,
            ),
        )

    def refuse(self) -> None:
        """不予受理: a reason is required, and the clerk confirms once."""
        if self._busy:
            return
        problems = self._problems(through=SCOPE)
        if problems:
            self._block(problems)
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("不予受理"), self.tr("请填写不予受理的理由（写入不予受理通知书）：")
        )
        if not ok:
            return
        reason = reason.strip()
        if not reason:
            self.confirm_page.show_result(self.tr("不予受理必须填写理由"), ok=False)
            self.status.setText(self.tr("不予受理必须填写理由"))
            return
        name = self.enterprise_page.enterprise().name
        answer = QMessageBox.question(
            self,
            self.tr("确认不予受理"),
            self.tr("确定对“{name}”的申请不予受理？\n理由：{reason}").format(name=name, reason=reason),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        services, actor = self._services, self._actor
        self._run_case(
            lambda app: intake.refuse(services, actor, app.id, reason),
            lambda app: self._finished(
                app, self.tr("不予受理（理由：{reason}）").format(reason=reason), self.refused
            ),
        )

    def _finished(self, app: Application, what: str, signal: Any, with_states: bool = False) -> None:
        text = self.tr("办件 {number} {outcome}").format(number=app.number, outcome=what)
        if with_states:
            states = "；".join(f"{r.matter_name}：{r.state.label}" for r in app.requests.values())
            text = self.tr("{text}。{states}").format(text=text, states=states)
        self._discard_draft()
        self.reset()
        self.status.setText(self.tr("{text}。文书可在打印中心打印。").format(text=text))
        signal.emit(app.number)

    # -- reset and drafts -----------------------------------------------------------------------------
    def reset(self) -> None:
        """An empty wizard for the next applicant (the current draft is left as it is)."""
        self._save_timer.stop()
        self._restoring = True
        try:
            self.enterprise_page.set_state({})
            self.scope_page.clear()
            self.form_page.clear()
            self.materials_page.clear()
            self.confirm_page.set_state([])
            self.confirm_page.show_problems([])
            self.confirm_page.show_result("", ok=True)
            self._update_derived()
            self._draft_id = None
            self._submitted = None
            self._set_online(None)
            self.draft_label.clear()
            self.go_to(ENTERPRISE)
        finally:
            self._restoring = False
        self.enterprise_page.uscc.setFocus()
        self.refresh_drafts()

    def _on_new_clicked(self) -> None:
        self._flush_save()
        self.reset()
        self.status.setText(self.tr("新办件"))

    def is_blank(self) -> bool:
        return (
            self.enterprise_page.is_empty() and not self.scope_page.selection and not self.form_page.state()
        )

    def state(self) -> dict[str, Any]:
        return {
            "format": DRAFT_FORMAT,
            "step": self.current_step(),
            "enterprise": self.enterprise_page.state(),
            "scope": self.scope_page.state(),
            "form": self.form_page.state(),
            "materials": self.materials_page.state(),
            "committed": self.confirm_page.state(),
            **({"online": dict(self._online)} if self._online else {}),
        }

    def set_state(self, data: dict[str, Any]) -> None:
        """Refill every field and go to the step the draft was on."""
        if self.catalog is None:
            self._pending_state = data  # applied when the catalog arrives
            return
        self._restoring = True
        try:
            self.enterprise_page.set_state(dict(data.get("enterprise") or {}))
            self.scope_page.set_state(dict(data.get("scope") or {}))
            self.form_page.set_state(dict(data.get("form") or {}))
            self.materials_page.set_state(dict(data.get("materials") or {}))
            self._update_derived()
            self.confirm_page.set_state(list(data.get("committed") or []))
            online = data.get("online")
            self._set_online(
                {"id": str(online.get("id", "")), "submitted_at": str(online.get("submitted_at", ""))}
                if isinstance(online, dict) and online.get("id")
                else None
            )
            self._update_derived()
            self.go_to(int(data.get("step", ENTERPRISE) or 0))
        finally:
            self._restoring = False
        self._focus_step(self.current_step())
        self._check_known_override()

    def _title(self) -> str:
        e = self.enterprise_page.enterprise()
        who = e.name or e.uscc or self.tr("未命名主体")
        what = "、".join(self.scope_page.industry_names()) or self.scope_page.licence_kind()
        title = f"{who}（{what}）" if what else who
        return self.tr("【网上申请】{title}").format(title=title) if self._online else title

    def _schedule_save(self) -> None:
        if not self._restoring:
            self._save_timer.start()

    def _flush_save(self) -> None:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_now()

    def _save_now(self) -> None:
        if self.is_blank():
            return
        if self._saving:  # one save at a time, so an older state never overwrites a newer one
            self._save_again = True
            return
        if self._draft_id is None:
            self._draft_id = self._services.make_id()
        services, actor, draft_id = self._services, self._actor, self._draft_id
        title, data = self._title(), self.state()
        self._saving = True
        run_in_background(
            lambda: drafts.save(services, actor, draft_id, title, data),
            self._on_saved,
            self._on_save_failed,
        )

    def _on_saved(self, draft_id: str) -> None:
        self._saving = False
        if draft_id != self._draft_id:  # the case was submitted meanwhile: this draft is stale
            self._discard(draft_id)
            return
        self.draft_label.setText(
            self.tr("草稿已保存 {time}").format(time=local_time(self._services.clock.now()))
        )
        self.draft_saved.emit(draft_id)
        if self._save_again:
            self._save_again = False
            self._save_now()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.draft_label.setText(
            self.tr("草稿未能保存：{error}").format(error=message_for(exc) or self.tr("程序内部错误"))
        )

    def _discard_draft(self) -> None:
        self._save_timer.stop()
        self._save_again = False
        if self._draft_id is not None:
            self._discard(self._draft_id)
        self._draft_id = None

    def _discard(self, draft_id: str) -> None:
        services, actor = self._services, self._actor
        run_in_background(lambda: drafts.discard(services, actor, draft_id), lambda _r: None, lambda _e: None)

    def restore_draft(self, draft_id: str) -> None:
        """Load a saved draft (in the background) and refill the wizard with it."""
        self._flush_save()
        services, actor = self._services, self._actor
        run_in_background(
            lambda: drafts.load(services, actor, draft_id),
            lambda data: self._on_draft_loaded(draft_id, data),
            self._on_draft_failed,
        )

    def _on_draft_loaded(self, draft_id: str, data: dict[str, Any] | None) -> None:
        if data is None:
            self.status.setText(self.tr("草稿不存在（可能已提交或被删除）"))
            return
        self._save_timer.stop()
        self._draft_id = draft_id
        self._submitted = None
        self.set_state(data)
        if self.catalog is None:  # filled in (and announced) when the catalog arrives
            self._pending_draft = draft_id
            return
        self.status.setText(self.tr("已恢复草稿"))
        self.draft_restored.emit(draft_id)

    def _on_draft_failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc) or self.tr("草稿未能载入"))
        if message_for(exc) is None:
            show_error(self, exc)

    def refresh_drafts(self) -> None:
        services, actor = self._services, self._actor
        run_in_background(lambda: drafts.mine(services, actor), self._on_drafts, lambda _exc: None)

    def _on_drafts(self, found: list[tuple[str, str, Any]]) -> None:
        self.drafts_menu.clear()
        others = [d for d in found if d[0] != self._draft_id]
        for draft_id, title, at in others:
            action = QAction(f"{title}　{local_time(at)}", self.drafts_menu)
            action.triggered.connect(lambda _checked=False, d=draft_id: self.restore_draft(d))
            self.drafts_menu.addAction(action)
        self.drafts_button.setText(self.tr("未完成的草稿（{count}）").format(count=len(others)))
        self.drafts_button.setVisible(bool(others))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        self._flush_save()  # an idle lock or a closed tab keeps what was typed
        super().hideEvent(event)
