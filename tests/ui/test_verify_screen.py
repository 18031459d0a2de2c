"""The verify screen driven like a counter: a USB scanner types the text and presses Enter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.adapters.clock import FixedClock
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import issuing, keys
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import make_services
from tests.integration.test_issuing_and_verification import decided_case
from tests.support.factories import ADMIN, CLERK, ISSUER
from ui.tasks import wait_for_background
from ui.verify_screen import VerifyScreen


def _issued(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle):  # type: ignore[no-untyped-def]
    services = make_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(services, SYSTEM_ACTOR, bundle)
    keys.create_station_key(services, ADMIN)
    licence = issuing.issue(services, ISSUER, decided_case(services)).licence
    assert licence is not None
    return services, licence


def test_scanner_input_verifies_and_shows_the_result(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, bundle: CatalogBundle
) -> None:
    services, licence = _issued(tmp_path, clock, bundle)
    screen = VerifyScreen(services, CLERK)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.verified, timeout=10_000) as blocker:
        qtbot.keyClicks(screen.scan_input, licence.qr_text)
        qtbot.keyClick(screen.scan_input, Qt.Key.Key_Return)
    assert blocker.args[0].result.value == "valid"
    assert screen.result_label.text() == "有效"
    assert licence.number in screen.detail_label.text()
    assert screen.permit_table.rowCount() == 5
    assert screen.scan_input.text() == ""  # ready for the next scan

    # one changed character: never valid
    tampered = licence.qr_text[:40] + ("X" if licence.qr_text[40] != "X" else "Y") + licence.qr_text[41:]
    with qtbot.waitSignal(screen.verified, timeout=10_000) as blocker:
        qtbot.keyClicks(screen.scan_input, tampered)
        qtbot.keyClick(screen.scan_input, Qt.Key.Key_Return)
    assert blocker.args[0].result.value in ("forged", "unreadable")
    assert screen.result_label.text() != "有效"
    wait_for_background()
    services.uow.engine.dispose()  # type: ignore[attr-defined]


def test_scanner_without_enter_still_verifies(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, bundle: CatalogBundle
) -> None:
    services, licence = _issued(tmp_path, clock, bundle)
    screen = VerifyScreen(services, CLERK)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.verified, timeout=10_000) as blocker:
        qtbot.keyClicks(screen.scan_input, licence.qr_text)
    assert blocker.args[0].result.value == "valid"
    wait_for_background()
    services.uow.engine.dispose()  # type: ignore[attr-defined]
