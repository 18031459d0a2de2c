"""网上申请 (一网办): the clerk takes an online application, the intake wizard opens prefilled, and
the case goes through the ordinary 受理 as an online case; a lost race names the holder; 放弃."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.adapters.clock import FixedClock
from desktop.adapters.sync_store import ServicesSyncStore
from desktop.domain.applications import Channel
from desktop.domain.online import OnlineStatus
from desktop.domain.users import SYSTEM_ACTOR, Actor, Role, User
from desktop.services import cases, online, users
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from sync.protocol import Feed, FeedItem
from tests.conftest import make_services
from tests.support.factories import VALID_USCC, enterprise
from ui.app import MainWindow
from ui.intake import IntakeWizard
from ui.online_inbox import OnlineInboxScreen
from ui.tasks import wait_for_background

SAMPLE_VALUES = {"number": "120", "phone": "13800000000", "id": "11010519491231002X", "date": "2026-11-26"}


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> Services:
    from printing.renderer import ReportLabRenderer

    svc = make_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock, tmp_path / "keys")
    svc.renderer = ReportLabRenderer()  # the print station shows the notice after 受理
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    return svc


def _application(online_id: str, **extra: Any) -> dict[str, Any]:
    e = enterprise()
    return {
        "id": online_id,
        "submitted_at": "2026-11-25T20:30:00+08:00",
        "enterprise": {
            "uscc": e.uscc,
            "name": e.name,
            "legal_representative": e.legal_representative,
            "legal_representative_id": e.legal_representative_id,
            "address": e.address,
            "contact_phone": e.contact_phone,
        },
        "matters": ["SCJG-01", "YC-01", "SW-01", "YJ-03", "XF-01"],
        "industries": ["IND-01"],
        "scope": "",
        "materials": ["申请表（一表申请）", "经营场所使用证明（产权证明或租赁合同）"],
        "contact": "13800000000",
        **extra,
    }


def _publish(services: Services, *items: dict[str, Any]) -> None:
    """Through the inbox, as a sync pass applies the online_applications feed."""
    page = [FeedItem(key=i["id"], data=i) for i in items]
    ServicesSyncStore(services).apply_page(Feed.ONLINE_APPLICATIONS, page, "c1", services.clock.now())


def _clerk(services: Services, username: str = "wang") -> User:
    user = users.add_user(services, SYSTEM_ACTOR, username, Role.CLERK, "Counter2026")
    with services.uow() as uow:
        user.must_change_password = False
        uow.users.save(user)
        uow.commit()
    return user


def _window(
    qtbot: QtBot, services: Services, user: User
) -> tuple[MainWindow, OnlineInboxScreen, IntakeWizard]:
    window = MainWindow(services, "本机 SQLite", user=user)
    qtbot.addWidget(window)
    inbox, wizard = window.screens["online"], window.screens["intake"]
    assert isinstance(inbox, OnlineInboxScreen) and isinstance(wizard, IntakeWizard)
    with qtbot.waitSignal(wizard.ready, timeout=20_000):
        window.show()
    qtbot.waitUntil(lambda: len(inbox.applications) > 0, timeout=10_000)
    return window, inbox, wizard


def _row(inbox: OnlineInboxScreen, online_id: str, column: str) -> str:
    index = [a.id for a in inbox.applications].index(online_id)
    cell = inbox.table.item(index, inbox.column_titles().index(column))
    assert cell is not None
    return cell.text()


def test_take_an_online_application_and_accept_it_as_an_online_case(qtbot: QtBot, services: Services) -> None:
    _publish(services, _application("W1"), _application("W2", matters=["SCJG-01"], industries=[]))
    user = _clerk(services)
    window, inbox, wizard = _window(qtbot, services, user)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:2] == ["综合受理", "网上申请（2）"]
    assert inbox.count_label.text() == "网上申请 2 件：待接办 2 件，本人已接办未受理 0 件"
    assert _row(inbox, "W1", "提交时间") == "2026-11-25 20:30"
    assert _row(inbox, "W1", "市场主体") == enterprise().name
    assert _row(inbox, "W2", "申请事项") == "食品经营许可"
    assert _row(inbox, "W1", "状态") == "待接办"

    inbox.select("W1")
    window.tabs.setCurrentWidget(inbox)
    with qtbot.waitSignal(wizard.online_opened, timeout=10_000):
        inbox.take_button.click()
    assert window.tabs.currentWidget() is wizard
    assert wizard.online_id == "W1"
    assert wizard.online_label.isVisibleTo(wizard) and "网上申请 W1" in wizard.online_label.text()
    assert "2026-11-25 20:30" in wizard.online_label.text()
    page = wizard.enterprise_page
    assert (page.uscc.text(), page.name.text(), page.legal_representative.text()) == (
        VALID_USCC,
        enterprise().name,
        "张三",
    )
    assert wizard.scope_page.selection.industries == ["IND-01"]
    assert [m.code for m in wizard.matters()] == ["SCJG-01", "YC-01", "SW-01", "YJ-03", "XF-01"]
    assert {"application_form", "premises_proof"} <= set(wizard.materials_page.received())
    assert online.get(services, "W1").taken_by == "wang"
    qtbot.waitUntil(lambda: _row(inbox, "W1", "状态") == "本人已接办（未受理）", timeout=10_000)

    # the ordinary 受理 (无差别办理): the clerk completes the form and the checklist
    for f in wizard.form_page.fields():
        editor = wizard.form_page.editor(f.code)
        if editor is None or not f.required:
            continue
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData("是"))
        elif isinstance(editor, QLineEdit):
            editor.setText(SAMPLE_VALUES.get(f.type, "张四"))
    wizard.materials_page.set_all(True)
    wizard.go_to(4)
    with qtbot.waitSignal(wizard.accepted, timeout=20_000) as accepted:
        wizard.confirm_page.accept_button.click()
    [found] = cases.find(services, Actor("wang", Role.CLERK), str(accepted.args[0]))
    app = cases.get(services, Actor("wang", Role.CLERK), found.id)
    assert app.channel is Channel.ONLINE
    assert online.get(services, "W1").status is OnlineStatus.DONE
    assert wizard.online_id is None and not wizard.online_label.isVisibleTo(wizard)
    qtbot.waitUntil(lambda: [a.id for a in inbox.applications] == ["W2"], timeout=10_000)
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "网上申请（1）", timeout=10_000)
    wait_for_background()
    window.close()


def test_a_lost_race_names_the_holder_and_release_puts_it_back(qtbot: QtBot, services: Services) -> None:
    _publish(services, _application("W3"), _application("W4"))
    user = _clerk(services)
    _, inbox, wizard = _window(qtbot, services, user)
    online.take(services, Actor("li", Role.CLERK), "W3")  # another clerk, a moment earlier

    inbox.select("W3")
    inbox.take_current()
    qtbot.waitUntil(lambda: "已由 li 领取" in inbox.message.text(), timeout=10_000)
    assert wizard.online_id is None
    qtbot.waitUntil(lambda: _row(inbox, "W3", "状态") == "已由 li 接办", timeout=10_000)
    inbox.select("W3")
    assert not inbox.take_button.isEnabled() and not inbox.release_button.isEnabled()

    inbox.select("W4")
    with qtbot.waitSignal(inbox.taken, timeout=10_000):
        inbox.take_button.click()
    qtbot.waitUntil(lambda: _row(inbox, "W4", "状态") == "本人已接办（未受理）", timeout=10_000)
    inbox.select("W4")
    assert inbox.release_button.isEnabled() and inbox.take_button.text() == "继续办理 (Enter)"
    with qtbot.waitSignal(inbox.released, timeout=10_000):
        inbox.release_button.click()
    assert online.get(services, "W4").status is OnlineStatus.NEW
    qtbot.waitUntil(lambda: _row(inbox, "W4", "状态") == "待接办", timeout=10_000)
    assert "W4 已退回列表" in inbox.message.text()
    wait_for_background()


def test_matters_without_an_industry_are_chosen_through_their_scope_terms(
    qtbot: QtBot, services: Services
) -> None:
    from desktop.domain.online import OnlineApplication
    from desktop.services import catalog_search
    from ui.intake.model import online_state

    catalog = catalog_search.load(services)
    data = _application("W5", industries=["IND-404"], matters=["SCJG-01", "YC-01", "NO-SUCH"], materials=[])
    data["enterprise"]["kind"] = "individual"
    state, notes = online_state(
        catalog, OnlineApplication("W5", services.clock.now(), services.clock.now(), data)
    )
    assert state["scope"]["industries"] == []
    chosen = {c for key in state["scope"]["terms"] for c in catalog.scope_terms[key].matter_codes}
    assert {"SCJG-01", "YC-01"} <= chosen
    assert state["enterprise"]["kind"] == "individual"
    assert state["online"]["id"] == "W5"
    assert any("IND-404" in n for n in notes) and any("NO-SUCH" in n for n in notes)
