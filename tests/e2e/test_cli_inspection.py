"""`onewindow inspection draw` and `onewindow publicity export`, wired for real (bootstrap, SQLite)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.e2e.conftest import run_json

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

run = run_json


def test_inspection_draw_is_reproducible_and_bad_input_changes_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    code, out = run(capsys, "demo", "--cases", "2")
    assert code == 0

    args = ("inspection", "draw", "--matter", "XF-01", "--ratio", "1", "--seed", "2026-11-26 公开抽取")
    code, first = run(capsys, *args)
    assert code == 0
    assert first["seed"] == "2026-11-26 公开抽取" and len(first["subjects"]) == 2
    for subject in first["subjects"]:
        assert set(subject) == {"uscc", "name", "credit_class", "inspectors"}
        assert len(subject["inspectors"]) == 2
    assert first["inspectors"] == sorted({i for s in first["subjects"] for i in s["inspectors"]})
    code, second = run(capsys, *args)
    assert code == 0 and second == first | {"repeated": True}

    for bad, message in (
        (("--ratio", "1.5"), "0 到 1"),
        (("--ratio", "-0.2"), "0 到 1"),
        (("--matter", "NO-SUCH"), "没有事项"),
    ):
        argv = list(args)
        flag = bad[0]
        argv[argv.index(flag) + 1] = bad[1]
        code, out = run(capsys, *argv)
        assert code == 1 and message in out["error"]

    draw_id = first["draw_id"]
    uscc = first["subjects"][0]["uscc"]
    code, out = run(
        capsys, "inspection", "record", "--draw", draw_id, "--uscc", uscc, "--result", "no_problem"
    )
    assert code == 0 and out["result_label"] == "未发现问题"
    code, out = run(
        capsys, "inspection", "record", "--draw", draw_id, "--uscc", uscc, "--result", "corrected"
    )
    assert code == 1 and "不能重复录入" in out["error"]
    code, out = run(capsys, "inspection", "publish", "--draw", draw_id)
    assert code == 0 and out["published"] == [uscc]

    folder = tmp_path / "publicity"
    code, out = run(capsys, "publicity", "export", "--out", str(folder))
    assert code == 0 and out["counts"]["inspection"] == 1 and out["counts"]["filing"] == 2
    document = json.loads(Path(out["json"]).read_text(encoding="utf-8"))
    with Path(out["csv"]).open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert table == document["records"] and len(table) == sum(out["counts"].values())
    code, out = run(capsys, "publicity", "export", "--out", str(folder), "--since", "2030-01-01")
    assert code == 0 and sum(out["counts"].values()) == 0
