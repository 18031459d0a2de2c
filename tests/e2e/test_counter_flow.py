"""The whole window flow with the real widgets on one SQLite database: a 便利店 from the intake
wizard, through each department's review queue, to unified issuing, delivery and the rating —
then the licence's QR verifies."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from desktop.adapters.clock import FixedClock
from desktop.domain.applications import ApplicationStatus, RequestState
from desktop.domain.ratings import RatingLevel
from desktop.domain.users import SYSTEM_ACTOR, Actor, Role
from desktop.services import cases, keys, verification
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import make_services
from tests.support.factories import ADMIN, CLERK, ISSUER
from tests.ui.test_intake_wizard import _ready_shop_case, _wizard
from tests.ui.test_review_queue import COL_NUMBER, _screen, _texts
from ui.issuing_screen import IssuingScreen
from ui.rating_pad import RatingPad
from ui.tasks import wait_for_background

WAIT = 20_000


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> Services:
    svc = make_services(f"sqlite:///{tmp_path / 'counter.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    keys.create_station_key(svc, ADMIN)
    return svc


def test_convenience_store_from_intake_to_issuing(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1. 综合受理 at the window
    wizard = _wizard(qtbot, services)
    _ready_shop_case(qtbot, wizard)
    wizard.confirm_page.commitment_boxes["XF-01"].setChecked(True)
    with qtbot.waitSignal(wizard.accepted, timeout=WAIT) as accepted:
        qtbot.keyClick(
            wizard.confirm_page.commitment_boxes["XF-01"],
            Qt.Key.Key_Return,
            Qt.KeyboardModifier.ControlModifier,
        )
    number = str(accepted.args[0])
    found = cases.find(services, CLERK, number)
    app = cases.get(services, CLERK, found[0].id)
    routed = {r.matter_code: r.department for r in app.requests.values() if r.state is RequestState.IN_REVIEW}
    assert set(routed) == {"SCJG-01", "YC-01", "SW-01"}

    # 2. 后台分类审批: each department's reviewer claims and grants their own item
    for index, department in enumerate(sorted(set(routed.values()))):
        reviewer = Actor(f"rev{index}", Role.REVIEWER, department)
        screen = _screen(qtbot, services, reviewer)
        screen.select_row(_texts(screen, COL_NUMBER).index(number))
        with qtbot.waitSignal(screen.loaded, timeout=WAIT):  # the view reloads after 认领
            screen.claim_button.click()
        assert screen.selected_item().row.application_number == number  # type: ignore[union-attr]
        with qtbot.waitSignals([screen.decided, screen.loaded], timeout=WAIT):
            screen.grant_button.click()
        wait_for_background()
    app = cases.get(services, CLERK, app.id)
    assert app.status is ApplicationStatus.DECIDED

    # 3. 一窗统一出件, 签收 and 好差评
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("张三", True))
    pads: list[RatingPad] = []
    monkeypatch.setattr(RatingPad, "present", lambda self: pads.append(self))  # noqa: PLW0108 (binds self)
    issuing_screen = IssuingScreen(services, ISSUER)
    qtbot.addWidget(issuing_screen)
    issuing_screen.show()
    qtbot.waitUntil(
        lambda: issuing_screen.cases.count() == 1 and "准予许可" in issuing_screen.detail.text(), timeout=WAIT
    )
    with qtbot.waitSignal(issuing_screen.issued, timeout=WAIT) as issued:
        issuing_screen.issue_button.click()
    licence_number = str(issued.args[0])
    qtbot.waitUntil(lambda: bool(pads), timeout=WAIT)
    with qtbot.waitSignal(issuing_screen.rated, timeout=WAIT):
        pads[0].buttons[RatingLevel.VERY_SATISFIED].click()
    app = cases.get(services, CLERK, app.id)
    assert app.status is ApplicationStatus.DELIVERED
    assert licence_number.startswith("HZ")

    # 4. the printed licence's QR verifies offline
    from desktop.services import issuing

    licence = issuing.licence(services, licence_number)
    outcome = verification.verify(services, CLERK, licence.qr_text)
    assert outcome.result.value == "valid" and len(outcome.permits) == 5
    wait_for_background()
