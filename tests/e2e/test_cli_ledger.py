"""`onewindow ledger` (改革台账), wired for real (bootstrap, SQLite, the system clock).

Needs desktop/cli.py to add the parser and dispatch (cli_statistics) and the application's
renderer to provide ``render_ledger`` (printing.renderer) for --pdf.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.adapters.clock import CHINA
from desktop.bootstrap import main
from tests.e2e.conftest import run_json

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

run = run_json


def test_ledger_of_two_demo_cases_with_both_exports(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    assert run(capsys, "demo", "--cases", "2")[0] == 0
    today = datetime.now(CHINA).date()  # the demo ran on the real clock
    start, end = (today - timedelta(days=3)).isoformat(), (today + timedelta(days=3)).isoformat()
    workbook, report = tmp_path / "out" / "台账.xlsx", tmp_path / "out" / "台账.pdf"

    code, out = run(
        capsys, "ledger", "--from", start, "--to", end, "--xlsx", str(workbook), "--pdf", str(report)
    )
    assert code == 0
    assert (out["start"], out["end"], out["period"]) == (start, end, "month")
    # each 便利店 case: SCJG-01, YC-01, SW-01 routed and granted the same day, YJ-03 filed, XF-01
    # granted on the signed commitment; then issued, delivered and rated 非常满意
    summary = out["summary"]
    assert (summary["applications"], summary["items"], summary["immediate"]) == (2, 10, 4)
    assert summary["immediate_share"] == pytest.approx(0.4)
    assert (summary["reviewed"], summary["average_days"], summary["overdue"]) == (6, 0.0, 0)
    assert (summary["ratings"], summary["good_rate"]) == (2, 1.0)
    assert {m["mode"]: m["items"] for m in out["by_mode"]} == {
        "CANCEL": 0,
        "FILING": 2,
        "COMMITMENT": 2,
        "OPTIMIZE": 6,
    }
    assert [(i["industry"], i["applications"], i["items"]) for i in out["by_industry"]] == [("便利店", 2, 10)]
    shop = next(r for r in out["reduction"] if r["industry"] == "便利店")
    assert shop["applications"] == 2 and shop["fields_saved_total"] == 2 * shop["fields_saved"] > 0
    assert out["xlsx"] == str(workbook) and out["pdf"] == str(report)

    book = load_workbook(workbook)
    assert book["按模式"]["A1"].value == "「证照分离」改革工作台账"
    industries = book["按行业"]
    assert [c.value for c in industries[5]] == ["便利店", 2, 10, 4, 10, 0]
    assert str(industries["A7"].value).startswith("说明：多业一证")
    assert report.read_bytes().startswith(b"%PDF-")

    # text output, and week periods
    assert main(["ledger", "--from", start, "--to", end, "--period", "week"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("「证照分离」改革工作台账") and "受理办件 2 件，涉及事项 10 项" in text
    assert "准入即营 4 项（40.0%）" in text and "周" in text


def test_ledger_refuses_a_bad_period(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    code, out = run(capsys, "ledger", "--from", "2026-12-01", "--to", "2026-11-01")
    assert code == 1 and "不能晚于截止日期" in out["error"]
    for args in (
        ["ledger", "--from", "2026-13-01", "--to", "2026-12-31"],
        ["ledger", "--from", "2026-11-01"],
        ["ledger", "--from", "2026-11-01", "--to", "2026-11-30", "--period", "year"],
    ):
        with pytest.raises(SystemExit) as caught:
            main(args)
        assert caught.value.code == 2


def test_an_export_path_that_cannot_be_written_is_a_clear_message(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for option in ("--pdf", "--xlsx"):
        code, out = run(
            capsys, "ledger", "--from", "2026-11-01", "--to", "2026-11-30", option, str(blocker / "x")
        )
        assert code == 1 and "无法写入文件" in out["error"], out
