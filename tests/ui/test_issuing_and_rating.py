"""统一出件 and the rating pad, driven like the counter does, on a real SQLite database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from db.models import RectificationRow
from desktop.adapters.clock import FixedClock
from desktop.domain.applications import ApplicationStatus
from desktop.domain.ratings import RatingLevel
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import cases, intake, keys, review
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import make_services
from tests.integration.test_issuing_and_verification import decided_case
from tests.support.factories import ADMIN, CLERK, ISSUER, enterprise, rows
from ui.issuing_screen import IssuingScreen
from ui.rating_pad import RatingPad
from ui.tasks import wait_for_background


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> Services:
    svc = make_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    keys.create_station_key(svc, ADMIN)
    return svc


def test_issue_deliver_and_a_bad_rating_opens_a_rectification(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_id = decided_case(services)
    screen = IssuingScreen(services, ISSUER)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.cases.count() == 1 and "准予许可" in screen.detail.text(), timeout=10_000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("李晓梅", True))
    pads: list[RatingPad] = []
    monkeypatch.setattr(RatingPad, "present", lambda self: pads.append(self))  # noqa: PLW0108 (binds self)
    with qtbot.waitSignal(screen.delivered, timeout=20_000):
        screen.issue_button.click()
    assert "行业综合许可证 HZ" in screen.status.text()
    [pad] = pads
    # the applicant presses 不满意 and must say why
    pad.buttons[RatingLevel.DISSATISFIED].click()
    pad.submit.click()
    assert "请填写不满意的原因" in pad.message.text()
    pad.comment.setText("排队时间太长")  # QTest can only type ASCII; an IME commits text like this
    with qtbot.waitSignal(screen.rated, timeout=10_000):
        pad.submit.click()
    app = cases.get(services, ISSUER, app_id)
    assert app.status is ApplicationStatus.DELIVERED
    [task] = rows(services, RectificationRow)
    assert task.comment == "排队时间太长" and task.status == "open"
    qtbot.waitUntil(lambda: screen.cases.count() == 0, timeout=10_000)
    wait_for_background()


def test_a_case_with_a_denied_item_says_so_plainly(qtbot: QtBot, services: Services) -> None:
    app = intake.accept(
        services, CLERK, intake.submit(services, CLERK, enterprise(), ["SCJG-01", "YJ-03"]).id
    )
    review.claim(services, SYSTEM_ACTOR, app.id, "SCJG-01")
    review.deny(services, SYSTEM_ACTOR, app.id, "SCJG-01", "经营场所与住宅未有效隔离")
    screen = IssuingScreen(services, ISSUER)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: "不予许可——食品经营许可" in screen.detail.text(), timeout=10_000)
    assert "经营场所与住宅未有效隔离" in screen.detail.text()
    wait_for_background()


def test_rating_pad_faces_the_applicant(qtbot: QtBot) -> None:
    pad = RatingPad("YC1")
    qtbot.addWidget(pad)
    pad.present()  # one screen here: a window at the counter (full screen on a second monitor)
    assert pad.isVisible() and not pad.isFullScreen()
    with qtbot.waitSignal(pad.rated, timeout=5_000) as rated:
        pad.buttons[RatingLevel.SATISFIED].click()
    assert rated.args == [4, ""]
