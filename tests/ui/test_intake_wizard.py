"""The intake wizard (综合受理) against a real SQLite database holding the bundled catalog."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from db.models import AuditRow
from desktop.adapters.clock import FixedClock
from desktop.domain.applications import Application, ApplicationStatus, RequestState
from desktop.domain.catalog import Catalog, ScopeTerm, ScopeTermKind
from desktop.domain.intake_form import MergedForm, merge
from desktop.domain.users import SYSTEM_ACTOR, Role
from desktop.services import cases, catalog_search, drafts, intake, users
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import make_services
from tests.support.factories import BAD_CHECKSUM_USCC, CLERK, VALID_USCC, enterprise, rows
from ui.intake import IntakeWizard
from ui.intake.model import format_reduction
from ui.tasks import wait_for_background

SHOP_MATTERS = ["SCJG-01", "YC-01", "SW-01", "YJ-03", "XF-01"]
SAMPLE_VALUES = {"number": "120", "phone": "13800000000", "id": "11010519491231002X", "date": "2026-11-26"}


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> Services:
    svc = make_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    return svc


def _wizard(qtbot: QtBot, services: Services, owned_by_test: bool = True) -> IntakeWizard:
    wizard = IntakeWizard(services, CLERK)
    if owned_by_test:
        qtbot.addWidget(wizard)
    with qtbot.waitSignal(wizard.ready, timeout=20_000):
        wizard.show()
    return wizard


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as at the counter: keys for ASCII, an input method's commit for Chinese (拼音输入法)."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _shop_form(services: Services) -> MergedForm:
    catalog = catalog_search.load(services)
    return merge(catalog.lookup_industries(["便利店"]).matters)


def _fill_enterprise(wizard: IntakeWizard, uscc: str = VALID_USCC) -> None:
    page, e = wizard.enterprise_page, enterprise(uscc)
    page.uscc.setText(uscc)
    page.name.setText(e.name)
    page.legal_representative.setText(e.legal_representative)
    page.legal_representative_id.setText(e.legal_representative_id)
    page.address.setText(e.address)
    page.contact_phone.setText(e.contact_phone)


def _choose_shop(qtbot: QtBot, wizard: IntakeWizard) -> None:
    wizard.go_to(1)
    qtbot.keyClicks(wizard.scope_page.search, "bld")
    assert wizard.scope_page.result_hits()[0].label == "便利店"
    qtbot.keyClick(wizard.scope_page.search, Qt.Key.Key_Return)
    assert wizard.scope_page.selection.industries == ["IND-01"]


def _fill_form(qtbot: QtBot, wizard: IntakeWizard, by_keyboard: bool = False) -> None:
    for f in wizard.form_page.fields():
        editor = wizard.form_page.editor(f.code)
        if editor is None or not f.required:
            continue  # shown from the enterprise page, or optional
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData("是"))
        elif by_keyboard:
            _type(qtbot, editor, SAMPLE_VALUES.get(f.type, "张四"))
        else:
            editor.setText(SAMPLE_VALUES.get(f.type, "张四"))


def _ready_shop_case(qtbot: QtBot, wizard: IntakeWizard, uscc: str = VALID_USCC) -> None:
    _fill_enterprise(wizard, uscc)
    _choose_shop(qtbot, wizard)
    _fill_form(qtbot, wizard)
    wizard.materials_page.set_all(True)
    wizard.go_to(4)


def _case(services: Services, number: str) -> Application:
    found = cases.find(services, CLERK, number)
    assert len(found) == 1
    return cases.get(services, CLERK, found[0].id)


def test_convenience_store_from_an_empty_wizard_to_accepted(qtbot: QtBot, services: Services) -> None:
    wizard = _wizard(qtbot, services)
    page, e = wizard.enterprise_page, enterprise()
    assert wizard.current_step() == 0
    page.uscc.setFocus()
    qtbot.keyClicks(page.uscc, VALID_USCC)
    assert "校验通过" in page.uscc_message.text()
    qtbot.keyClick(page.uscc, Qt.Key.Key_Return)  # Enter moves on
    assert page.name.hasFocus()
    for edit, text in (
        (page.name, e.name),
        (page.legal_representative, e.legal_representative),
        (page.legal_representative_id, e.legal_representative_id),
        (page.address, e.address),
        (page.contact_phone, "1380000000"),
    ):
        _type(qtbot, edit, text)
    assert "已输入 10/11 位" in page.phone_message.text()
    qtbot.keyClicks(page.contact_phone, "0")
    assert "手机号码" in page.phone_message.text() and "校验通过" in page.id_message.text()

    qtbot.keyClick(page.contact_phone, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Alt+N
    assert wizard.current_step() == 1
    scope = wizard.scope_page
    qtbot.keyClicks(scope.search, "spjy")  # pinyin initials find the food terms
    assert scope.result_hits()[0].label == "食品经营"
    scope.search.clear()
    qtbot.keyClicks(scope.search, "bld")
    assert scope.result_hits()[0].label == "便利店"
    qtbot.keyClick(scope.search, Qt.Key.Key_Return)
    assert "一业一证：便利店" in scope.kind_label.text()
    table = {row[0]: row for row in scope.matter_rows()}
    assert len(table) == 5
    assert table["第二类医疗器械经营备案"][1] == "审批改为备案"
    assert table["公众聚集场所投入使用、营业前消防安全检查"][1] == "实行告知承诺"
    assert "总量控制：剩余 500" in table["烟草专卖零售许可"][3]

    qtbot.keyClick(scope.search, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert wizard.current_step() == 2
    _fill_form(qtbot, wizard, by_keyboard=True)
    qtbot.keyClick(wizard.form_page.editor("business_area"), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert wizard.current_step() == 3
    checklist = wizard.materials_page.checklist
    for row in range(checklist.count()):
        checklist.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(checklist, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert wizard.current_step() == 4

    confirm = wizard.confirm_page
    assert set(confirm.commitment_boxes) == {"XF-01"}
    assert "未签署告知承诺书" in confirm.outcomes()["XF-01"]
    with qtbot.waitSignal(wizard.draft_saved, timeout=10_000) as saved:  # typed work is kept as a draft
        confirm.commitment_boxes["XF-01"].setChecked(True)
    assert [d[0] for d in drafts.mine(services, CLERK)] == [saved.args[0]]
    outcomes = confirm.outcomes()
    assert "当场作出准予许可决定" in outcomes["XF-01"] and "20个工作日内核查" in outcomes["XF-01"]
    assert outcomes["YJ-03"] == "当场办结并出具备案凭证" and outcomes["SCJG-01"].startswith("分送审批")
    with qtbot.waitSignal(wizard.accepted, timeout=20_000) as blocker:
        qtbot.keyClick(
            confirm.commitment_boxes["XF-01"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    number = str(blocker.args[0])

    app = _case(services, number)
    states = {r.matter_code: r.state for r in app.requests.values()}
    assert sorted(states) == sorted(SHOP_MATTERS)
    assert states["XF-01"] is RequestState.GRANTED
    assert states["SCJG-01"] is RequestState.IN_REVIEW
    assert states["YJ-03"] is RequestState.FILED
    assert app.status is ApplicationStatus.IN_PROGRESS
    assert app.first_responder == CLERK.username
    assert app.industries == ("便利店",)
    assert set(app.materials_received) == {m.code for m in _shop_form(services).materials}
    assert app.form_values["business_area"] == "120" and app.form_values["uscc"] == VALID_USCC
    assert number in wizard.status.text()
    assert wizard.current_step() == 0 and page.uscc.text() == ""  # ready for the next applicant
    wait_for_background()
    assert drafts.mine(services, CLERK) == []  # the draft went with the submitted case


def test_reduction_label_shows_what_merge_computes(qtbot: QtBot, services: Services) -> None:
    wizard = _wizard(qtbot, services)
    _choose_shop(qtbot, wizard)
    r = _shop_form(services).reduction
    expected = (
        f"表单字段 {r.fields_before} → {r.fields_after}，材料 {r.materials_before} → {r.materials_after}，"
        f"法定时限 {r.days_before} → {r.days_after} 个工作日"
    )
    assert wizard.form_page.reduction_label.text() == expected == format_reduction(r)
    assert r.fields_before > r.fields_after and r.materials_before > r.materials_after
    # each field once: the enterprise's fields are shown, not asked again
    assert wizard.form_page.editor("uscc") is None and wizard.form_page.editor("business_area") is not None
    wait_for_background()


def test_a_pasted_scope_and_general_terms_that_need_no_permit(qtbot: QtBot, services: Services) -> None:
    wizard = _wizard(qtbot, services)
    scope = wizard.scope_page
    wizard.go_to(1)
    scope.search.setText(
        "许可项目：食品销售（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
        "一般项目：日用百货销售；量子占卜（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
    )
    qtbot.keyClick(scope.search, Qt.Key.Key_Return)
    assert [scope.selected.item(i).text() for i in range(scope.selected.count())] == [
        "【许可】食品销售",
        "【一般】日用百货销售",
    ]
    assert "量子占卜" in scope.unknown_label.text()
    assert [row[0] for row in scope.matter_rows()] == ["食品经营许可"]
    scope.selected.setCurrentRow(0)
    qtbot.keyClick(scope.selected, Qt.Key.Key_Delete)
    assert scope.matter_rows() == [] and "准入即营" in scope.operate_label.text()
    wait_for_background()


def test_a_free_trade_zone_matter_outside_a_zone_keeps_the_old_procedure(
    qtbot: QtBot, services: Services
) -> None:
    wizard = _wizard(qtbot, services)
    assert wizard.catalog is not None
    catalog = wizard.catalog
    term = ScopeTerm("增值电信业务（自贸区）", ScopeTermKind.LICENSED, ("TX-02",))
    wizard.set_catalog(
        Catalog(
            replace(catalog.version, label="测试"),
            catalog.matters.values(),
            catalog.industries.values(),
            [*catalog.scope_terms.values(), term],
        )
    )
    wizard.go_to(1)
    _type(qtbot, wizard.scope_page.search, "增值电信业务（自贸区）")
    qtbot.keyClick(wizard.scope_page.search, Qt.Key.Key_Return)
    row = wizard.scope_page.matter_rows()[0]
    assert row[1] == "按原规定办理" and "区外按原规定办理" in row[3]
    wizard.enterprise_page.in_ftz.setChecked(True)
    assert wizard.scope_page.matter_rows()[0][1] == "实行告知承诺"
    wait_for_background()


def test_wrong_check_character_needs_a_hall_admin_override(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk_user = users.add_user(services, SYSTEM_ACTOR, "wang", Role.CLERK, "Counter2026")
    boss = users.add_user(services, SYSTEM_ACTOR, "boss", Role.HALL_ADMIN, "Hall2026ok")
    with services.uow() as uow:  # the supervisor has set their own password already
        boss.must_change_password = False
        uow.users.save(boss)
        clerk_user.must_change_password = False
        uow.users.save(clerk_user)
        uow.commit()
    wizard = _wizard(qtbot, services)
    page = wizard.enterprise_page
    qtbot.keyClicks(page.uscc, BAD_CHECKSUM_USCC)
    assert "统一社会信用代码校验位不正确，请核对第18位" in page.uscc_message.text()
    assert page.override_button.isVisibleTo(wizard)
    _ready_shop_case(qtbot, wizard, BAD_CHECKSUM_USCC)
    wizard.confirm_page.accept_button.click()  # blocked: back to the field with the reason
    assert wizard.current_step() == 0
    assert "须主管覆盖" in wizard.status.text() and "须主管覆盖" in wizard.confirm_page.problems_label.text()
    wait_for_background()
    assert cases.find(services, CLERK, BAD_CHECKSUM_USCC) == []

    page.override_button.click()
    dialog = wizard.override_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.username.setText("wang")  # a clerk may not override
    dialog.password.setText("Counter2026")
    dialog.reason.setText("核对营业执照原件，代码为早期发放")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "只有大厅管理员" in dialog.message.text(), timeout=10_000)
    dialog.username.setText("boss")
    dialog.password.setText("Hall2026ok")
    dialog.reason.setText("")
    dialog.ok_button.click()
    assert "覆盖理由" in dialog.message.text()  # a reason is required
    dialog.password.setText("Hall2026ok")
    dialog.reason.setText("核对营业执照原件，代码为早期发放")
    with qtbot.waitSignal(dialog.overridden, timeout=10_000):
        dialog.ok_button.click()
    assert not dialog.isVisible()
    assert "已由主管 boss 覆盖" in page.uscc_message.text() and not page.override_button.isVisibleTo(wizard)
    audit = [(r.action, r.actor, r.result) for r in rows(services, AuditRow)]
    assert ("intake.override_uscc", "boss", "ok") in audit

    wizard.go_to(4)
    with qtbot.waitSignal(wizard.accepted, timeout=20_000) as blocker:
        wizard.confirm_page.accept_button.click()
    assert _case(services, str(blocker.args[0])).uscc == BAD_CHECKSUM_USCC
    wait_for_background()


def test_one_supplement_notice_lists_exactly_the_unticked_materials(qtbot: QtBot, services: Services) -> None:
    wizard = _wizard(qtbot, services)
    _ready_shop_case(qtbot, wizard)
    form = _shop_form(services)
    missing = [form.materials[1], form.materials[3]]
    for m in missing:
        wizard.materials_page.set_received(m.code, False)
    with qtbot.waitSignal(wizard.supplement_requested, timeout=20_000) as blocker:
        wizard.confirm_page.supplement_button.click()
    app = _case(services, str(blocker.args[0]))
    assert app.status is ApplicationStatus.SUPPLEMENT_PENDING
    assert app.missing_materials == tuple(m.name for m in missing)
    assert set(app.materials_received) == {m.code for m in form.materials} - {m.code for m in missing}
    wait_for_background()


def test_accepting_with_materials_missing_asks_first(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = _wizard(qtbot, services)
    _ready_shop_case(qtbot, wizard)
    wizard.materials_page.set_received(_shop_form(services).materials[0].code, False)
    asked: list[str] = []

    def question(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    wizard.confirm_page.accept_button.click()
    assert asked and "申请表（一表申请）" in asked[0]
    wait_for_background()
    assert cases.find(services, CLERK, VALID_USCC) == []


def test_a_refusal_needs_a_reason_and_a_confirmation(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = _wizard(qtbot, services)
    _ready_shop_case(qtbot, wizard)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  ", True))
    wizard.confirm_page.refuse_button.click()
    assert "不予受理必须填写理由" in wizard.confirm_page.result_label.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("经营场所位于规划拆迁区域", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    wizard.confirm_page.refuse_button.click()  # the clerk thinks again
    wait_for_background()
    assert cases.find(services, CLERK, VALID_USCC) == []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(wizard.refused, timeout=20_000) as blocker:
        wizard.confirm_page.refuse_button.click()
    app = _case(services, str(blocker.args[0]))
    assert app.status is ApplicationStatus.REFUSED and app.refusal_reason == "经营场所位于规划拆迁区域"
    wait_for_background()


def test_a_draft_survives_the_widget(qtbot: QtBot, services: Services) -> None:
    wizard = _wizard(qtbot, services, owned_by_test=False)  # this test destroys it itself
    page, e = wizard.enterprise_page, enterprise()
    with qtbot.waitSignal(wizard.draft_saved, timeout=10_000) as blocker:
        qtbot.keyClicks(page.uscc, VALID_USCC)
        _type(qtbot, page.name, e.name)
        _type(qtbot, page.legal_representative, e.legal_representative)
        _type(qtbot, page.address, e.address)
        _type(qtbot, page.contact_phone, e.contact_phone)
        page.in_ftz.setChecked(True)
    draft_id = str(blocker.args[0])
    assert [d[0] for d in drafts.mine(services, CLERK)] == [draft_id]
    wizard.close()
    wizard.deleteLater()
    wait_for_background()
    qtbot.waitUntil(lambda: not Shiboken.isValid(wizard), timeout=5_000)

    again = _wizard(qtbot, services)
    assert again.enterprise_page.uscc.text() == ""
    with qtbot.waitSignal(again.draft_restored, timeout=10_000):
        again.restore_draft(draft_id)
    restored = again.enterprise_page
    assert restored.uscc.text() == VALID_USCC and restored.name.text() == e.name
    assert restored.legal_representative.text() == e.legal_representative
    assert restored.address.text() == e.address and restored.contact_phone.text() == e.contact_phone
    assert restored.in_ftz.isChecked() and again.current_step() == 0
    assert again.draft_id == draft_id
    wait_for_background()


def test_a_draft_keeps_every_step(qtbot: QtBot, services: Services) -> None:
    wizard = _wizard(qtbot, services)
    _ready_shop_case(qtbot, wizard)
    wizard.materials_page.set_received("floor_plan", False)
    wizard.confirm_page.commitment_boxes["XF-01"].setChecked(True)
    with qtbot.waitSignal(wizard.draft_saved, timeout=10_000) as blocker:
        wizard.materials_page.assisted.setChecked(True)
    values = wizard.form_page.values()
    wizard.close()
    wait_for_background()

    again = _wizard(qtbot, services)
    qtbot.waitUntil(again.drafts_button.isVisible, timeout=10_000)  # offered at start
    with qtbot.waitSignal(again.draft_restored, timeout=10_000):
        again.restore_draft(str(blocker.args[0]))
    assert again.current_step() == 4
    assert again.scope_page.selection.industries == ["IND-01"]
    assert again.form_page.values() == values
    assert "floor_plan" not in again.materials_page.received()
    assert len(again.materials_page.received()) == len(again.materials_page.items()) - 1
    assert again.materials_page.assisted_staff() == CLERK.username
    assert again.confirm_page.committed() == {"XF-01"}
    wait_for_background()


def test_the_checklist_is_the_catalog_and_nothing_else(qtbot: QtBot, services: Services) -> None:
    wizard = _wizard(qtbot, services)
    _choose_shop(qtbot, wizard)
    form = _shop_form(services)
    page = wizard.materials_page
    assert page.items() == [m.code for m in form.materials]
    held = [page.government.item(i).text() for i in range(page.government.count())]
    assert held == [f"{m.name} — 无需提交" for m in form.government_held]
    for row in range(page.checklist.count()):
        assert not page.checklist.item(row).flags() & Qt.ItemFlag.ItemIsEditable
    # no control on the page adds a material of the clerk's own
    texts = [b.text() for b in page.findChildren(QPushButton)] + [
        b.text() for b in page.findChildren(QToolButton)
    ]
    assert not any(word in t for t in texts for word in ("添加", "新增", "增加", "其他材料"))
    assert page.findChildren(QLineEdit) == [page.assisted_by]
    wait_for_background()


def test_keyboard_only_through_the_scope_step(qtbot: QtBot, services: Services) -> None:
    wizard = _wizard(qtbot, services)
    scope = wizard.scope_page
    wizard.go_to(1)
    qtbot.keyClicks(scope.search, "spjy")
    qtbot.keyClick(scope.search, Qt.Key.Key_Down)  # into the results
    assert scope.results.hasFocus() and scope.results.currentRow() == 0
    qtbot.keyClick(scope.results, Qt.Key.Key_Return)  # choose 食品经营
    assert scope.selection.terms == ["食品经营"] and scope.search.hasFocus() and scope.search.text() == ""
    assert [row[0] for row in scope.matter_rows()] == ["食品经营许可"]
    qtbot.keyClick(scope.search, Qt.Key.Key_Return)  # nothing typed: on to the next step
    assert wizard.current_step() == 2
    qtbot.keyClick(
        wizard.form_page.editor("contact_person"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert wizard.current_step() == 4  # Ctrl+Enter before the last step brings up 确认受理, nothing more
    assert "请选择行业或经营范围" not in wizard.confirm_page.problems_label.text()
    assert "请填写" in wizard.confirm_page.problems_label.text()
    qtbot.keyClick(wizard.confirm_page.accept_button, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert wizard.current_step() == 3
    wait_for_background()
    assert cases.find(services, CLERK, "食品") == []


def test_a_known_enterprise_comes_back_from_its_uscc_or_name(qtbot: QtBot, services: Services) -> None:
    intake.submit(services, CLERK, enterprise(), ["SCJG-01"])  # the business was here before
    wizard = _wizard(qtbot, services)
    page = wizard.enterprise_page
    with qtbot.waitSignal(page.enterprise_loaded, timeout=10_000):
        qtbot.keyClicks(page.uscc, VALID_USCC)
    assert page.name.text() == enterprise().name and page.contact_phone.text() == "13800000000"
    page.set_state({})
    _type(qtbot, page.name, "便民")
    qtbot.waitUntil(lambda: page.known.count() == 1, timeout=10_000)
    qtbot.keyClick(page.name, Qt.Key.Key_Down)
    qtbot.keyClick(page.known, Qt.Key.Key_Return)
    assert page.uscc.text() == VALID_USCC and page.legal_representative.hasFocus()
    wait_for_background()


def test_a_locked_database_is_a_clear_message_and_the_same_accept_works_once_released(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, bundle: CatalogBundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import db.engine

    monkeypatch.setattr(db.engine, "SQLITE_BUSY_TIMEOUT_MS", 300)  # another program: give up after 0.3 s
    path = tmp_path / "db.sqlite3"
    services = make_services(f"sqlite:///{path}", clock, tmp_path / "keys")
    install_bundle(services, SYSTEM_ACTOR, bundle)
    wizard = _wizard(qtbot, services)
    _ready_shop_case(qtbot, wizard)
    wait_for_background()
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # e.g. a copy tool holding the file
    try:
        wizard.confirm_page.accept_button.click()
        qtbot.waitUntil(lambda: "占用" in wizard.confirm_page.result_label.text(), timeout=20_000)
        assert "内部错误" not in wizard.confirm_page.result_label.text()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert cases.find(services, CLERK, VALID_USCC) == []  # nothing half-saved
    assert wizard.enterprise_page.uscc.text() == VALID_USCC  # nothing typed is lost
    with qtbot.waitSignal(wizard.accepted, timeout=20_000) as blocker:
        wizard.confirm_page.accept_button.click()  # the same action, lock gone
    assert _case(services, str(blocker.args[0])).uscc == VALID_USCC
    wait_for_background()
