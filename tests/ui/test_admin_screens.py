"""智能审批规则 edited and tried through the admin screen, an automatic approval at the intake
wizard, and the rectification screen closing a task with its call-back record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.adapters.clock import FixedClock
from desktop.domain.applications import ActionKind, RequestState
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import cases, issuing, keys, ratings
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import make_services
from tests.integration.test_issuing_and_verification import decided_case
from tests.support.factories import ADMIN, CLERK, HALL_ADMIN, ISSUER
from tests.ui.test_intake_wizard import _ready_shop_case, _wizard
from ui.rectifications_screen import RectificationsScreen
from ui.rules_screen import RulesScreen
from ui.tasks import wait_for_background

WAIT = 20_000


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> Services:
    svc = make_services(f"sqlite:///{tmp_path / 'admin.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    return svc


def test_a_rule_saved_on_the_screen_approves_the_next_intake_automatically(
    qtbot: QtBot, services: Services
) -> None:
    screen = RulesScreen(services, ADMIN)
    qtbot.addWidget(screen)
    screen.show()
    screen.code.setText("R-SHOP")
    screen.name.setText("小型便利店食品经营自动准予")
    screen.matters.setText("SCJG-01")
    screen.conditions.setPlainText('[{"type": "field"')  # broken JSON
    screen.save_button.click()
    assert "不是有效的 JSON" in screen.message.text()
    conditions = [
        {"type": "field", "field": "business_area", "op": "<=", "value": 200},
        {"type": "no_credit_record"},
    ]
    screen.conditions.setPlainText(json.dumps(conditions))
    with qtbot.waitSignal(screen.saved, timeout=WAIT) as saved:
        screen.save_button.click()  # also Ctrl+S
    assert saved.args == ["R-SHOP", 1]
    qtbot.waitUntil(lambda: screen.rule_list.count() == 1, timeout=WAIT)

    wizard = _wizard(qtbot, services)
    _ready_shop_case(qtbot, wizard)  # business_area 120
    with qtbot.waitSignal(wizard.accepted, timeout=WAIT) as accepted:
        wizard.submit_and_accept()
    number = str(accepted.args[0])
    app = cases.get(services, CLERK, cases.find(services, CLERK, number)[0].id)
    food = app.request_for("SCJG-01")
    assert food.state is RequestState.GRANTED
    auto = next(a for a in app.actions if a.kind is ActionKind.AUTO_GRANT)
    assert (auto.data["rule"], auto.data["rule_version"]) == ("R-SHOP", 1)

    # 测试规则 on that case shows each item's verdict and reasons
    screen.case_input.setText(number)
    with qtbot.waitSignal(screen.tried, timeout=WAIT) as tried:
        screen.try_button.click()
    assert "SCJG-01：自动准予" in tried.args[0] and "YC-01：不自动准予" in tried.args[0]
    wait_for_background()


def test_an_invalid_rule_is_explained_not_saved(qtbot: QtBot, services: Services) -> None:
    screen = RulesScreen(services, ADMIN)
    qtbot.addWidget(screen)
    screen.code.setText("R-ALL")
    screen.name.setText("全部准予")
    screen.matters.setText("SCJG-01")
    screen.conditions.setPlainText("[]")
    screen.save_button.click()
    qtbot.waitUntil(lambda: "至少要有一个条件" in screen.message.text(), timeout=WAIT)
    wait_for_background()


def test_rectification_closed_with_its_call_back(qtbot: QtBot, services: Services) -> None:
    keys.create_station_key(services, ADMIN)
    app_id = decided_case(services)
    issuing.issue(services, ISSUER, app_id)
    ratings.rate(services, ISSUER, app_id, 1, "材料反复提交", via="pad")
    screen = RectificationsScreen(services, HALL_ADMIN)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.tasks.count() == 1, timeout=WAIT)
    assert "非常不满意：材料反复提交" in screen.tasks.item(0).text()
    screen.record.setText("已改为一次性告知，电话回访申请人表示认可")
    with qtbot.waitSignal(screen.closed, timeout=WAIT):
        screen.close_button.click()
    qtbot.waitUntil(lambda: screen.tasks.count() == 0, timeout=WAIT)
    assert ratings.open_rectifications(services) == []
    wait_for_background()
