"""English is selectable through Qt translations; Chinese is the default."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.adapters.clock import FixedClock
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import make_services
from tests.support.factories import CLERK
from ui.i18n import install
from ui.intake import IntakeWizard
from ui.login import LoginDialog
from ui.rating_pad import RatingPad
from ui.tasks import wait_for_background


def test_the_ts_source_compiles_with_every_entry_translated(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            ".venv/bin/pyside6-lrelease",
            "resources/translations/onewindow_en.ts",
            "-qm",
            str(tmp_path / "en.qm"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0 unfinished" in done.stdout and (tmp_path / "en.qm").stat().st_size > 0


def test_switching_to_english_and_back(qtbot: QtBot) -> None:
    dialog = LoginDialog(None, demo=True)
    qtbot.addWidget(dialog)
    assert dialog.login_button.text() == "登录"
    try:
        assert install("en")
        english = LoginDialog(None, demo=True)
        qtbot.addWidget(english)
        assert english.login_button.text() == "Log in"
        assert english.windowTitle() == "OneWindow · Log in"
        pad = RatingPad("YC1")
        qtbot.addWidget(pad)
        assert pad.labels[next(iter(pad.labels))] == "Very satisfied"
        # the chooser on the login screen retranslates it in place
        dialog.language.setCurrentIndex(0)
        dialog.language.setCurrentIndex(1)
        assert dialog.login_button.text() == "Log in"
    finally:
        assert install("zh_CN")
    again = LoginDialog(None, demo=False)
    qtbot.addWidget(again)
    assert again.login_button.text() == "登录"


def test_the_intake_wizard_in_english(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, bundle: CatalogBundle
) -> None:
    services = make_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(services, SYSTEM_ACTOR, bundle)
    try:
        assert install("en")
        wizard = IntakeWizard(services, CLERK)
        qtbot.addWidget(wizard)
        with qtbot.waitSignal(wizard.ready, timeout=20_000):
            wizard.show()
        assert wizard.steps.tabText(0) == "① Applicant"
        assert wizard.steps.tabText(4) == "⑤ Confirm and accept"
        assert wizard.confirm_page.accept_button.text() == "Accept (Ctrl+Enter)"
        assert wizard.confirm_page.refuse_button.text() == "Refuse…"
        assert wizard.next_button.text() == "Next (Alt+N)"
        assert wizard.materials_page.all_button.text() == "All received"
        assert wizard.status.text().startswith("Catalog ")
        wizard.enterprise_page.contact_phone.setText("1380")
        assert "11 digits" in wizard.enterprise_page.phone_message.message()
        wizard.close()
    finally:
        assert install("zh_CN")
        wait_for_background()
