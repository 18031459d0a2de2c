"""The wired command line's tests share a data folder of their own and one way to run a command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.bootstrap import main


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder; no database URL, admin password or central database from outside."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(folder))
    for name in ("ONEWINDOW_DB", "ONEWINDOW_ADMIN_PASSWORD", "ONEWINDOW_CENTRAL_DB"):
        monkeypatch.delenv(name, raising=False)
    return folder


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    """Run `onewindow ARGS --json`: the exit code and the one JSON object it printed."""
    code = main([*args, "--json"])
    out = capsys.readouterr().out
    lines = out.strip().splitlines()
    assert len(lines) == 1, f"expected one JSON object, got: {out!r}"
    return code, json.loads(lines[0])
