"""English is selectable through Qt translations; Chinese is the default."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.i18n import install
from ui.login import LoginDialog
from ui.rating_pad import RatingPad


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
