"""The `onewindow` command line, wired for real (bootstrap, SQLite file, key file)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.bootstrap import main
from tests.e2e.conftest import run_json

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


run = run_json


def test_validate_and_deadline_work_without_a_database(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "validate", "uscc", "９１３１０１１０ ６６６００７２１７ｔ")
    assert code == 0 and out["normalized"] == "91310110666007217T" and out["valid"] and out["checksum_ok"]
    code, out = run(capsys, "validate", "uscc", "91350100M0001TGQXM")
    assert code == 1 and out["valid"] is False and out["checksum_ok"] is False and "第18位" in out["message"]
    code, out = run(capsys, "validate", "id", "11010519491231002x")
    assert code == 0 and out["normalized"] == "11010519491231002X"
    code, out = run(
        capsys,
        "validate",
        "elicence",
        "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F",
    )
    assert code == 0 and out["valid"]
    code, out = run(capsys, "deadline", "2026-09-24", "20")
    assert code == 0 and out == {
        "start": "2026-09-24",
        "working_days": 20,
        "due": "2026-10-29",
        "provisional": False,
    }
    code, out = run(capsys, "deadline", "2026-12-25", "10")
    assert out["provisional"] is True and out["due"] == "2027-01-08"
    assert not data_dir.exists()  # nothing was created


def test_init_demo_then_catalog_commands(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out = run(capsys, "init", "--demo")
    assert code == 0 and out["demo"] is True and "clerk" in out["users_created"]
    key = data_dir / "keys" / "audit.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    code, stats = run(capsys, "catalog", "stats")
    assert code == 0
    assert set(stats) == {"version", "matters", "departments", "industries", "scope_terms", "modes"}
    assert stats["matters"] >= 45 and stats["departments"] >= 15 and stats["industries"] >= 14
    assert stats["scope_terms"] >= 300 and all(
        stats["modes"][m] > 0 for m in ("CANCEL", "FILING", "COMMITMENT", "OPTIMIZE")
    )

    code, found = run(
        capsys,
        "catalog",
        "lookup",
        "许可项目：食品销售；出版物零售（依法须经批准的项目，经相关部门批准后方可开展经营活动，"
        "具体经营项目以相关部门批准文件或许可证件为准）一般项目：日用百货销售、食品销售(仅销售预包装食品)；"
        "软件开发（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。",
    )
    assert code == 0
    modes = {m["name"]: m["mode"] for m in found["matters"]}
    assert modes["出版物零售业务许可"] == "OPTIMIZE" and modes["仅销售预包装食品备案"] == "FILING"
    assert found["operate_on_registration"] is False and found["unknown_terms"] == []
    code, found = run(capsys, "catalog", "lookup", "一般项目：软件开发；日用百货销售。")
    assert code == 0 and found["matters"] == [] and found["operate_on_registration"] is True

    exported = tmp_path / "out.csv"
    code, out = run(capsys, "catalog", "export", str(exported))
    assert code == 0 and out["matters"] == stats["matters"]
    assert exported.read_text(encoding="utf-8-sig").startswith(
        "序号,主管部门,事项名称,设定依据,审批层级和部门,改革方式"
    )
    code, out = run(capsys, "catalog", "import", str(exported))
    assert code == 0 and out["matters"] == stats["matters"] and out["version"] != stats["version"]

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "序号,主管部门,事项名称,设定依据,审批层级和部门,改革方式,具体改革举措,加强事中事后监管措施,备注\n"
        "1,县商务局,某许可,待核实,县级商务局,全部取消,,,\n",
        encoding="utf-8",
    )
    code, out = run(capsys, "catalog", "import", str(bad))
    assert code == 1 and out["errors"][0]["row"] == 2 and "改革方式" in out["errors"][0]["message"]

    code, out = run(capsys, "audit", "verify")
    assert code == 0 and out["ok"] is True and out["first_bad"] is None and out["records"] > 10


def test_admin_install_user_add_calendar_and_tampering(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONEWINDOW_ADMIN_PASSWORD", "Install2026")
    code, out = run(capsys, "init", "--admin", "root")
    assert code == 0 and out["demo"] is False and out["users_created"] == ["root"]
    code, out = run(capsys, "user", "add", "wang", "--role", "reviewer", "--department", "行政审批服务管理局")
    assert code == 0 and out["must_change_password"] is True and len(out["temporary_password"]) >= 8
    code, out = run(capsys, "user", "add", "li", "--role", "reviewer")
    assert code == 1 and "部门" in out["error"]

    code, out = run(capsys, "calendar", "set", "2026-11-30", "holiday")
    assert code == 0 and out["workday"] is False
    code, out = run(capsys, "deadline", "2026-11-27", "1")
    assert out["due"] == "2026-12-01"
    schedule = tmp_path / "2027.csv"
    schedule.write_text(
        "date,kind,note\n2027-01-01,holiday,元旦\n2027-02-20,workday,调休\n", encoding="utf-8"
    )
    code, out = run(capsys, "calendar", "import", str(schedule))
    assert code == 0 and out["year"] == 2027 and out["entries"] == 2
    code, out = run(capsys, "deadline", "2026-12-31", "1")
    assert out == {"start": "2026-12-31", "working_days": 1, "due": "2027-01-04", "provisional": False}

    # someone edits the database file directly
    import sqlite3

    with sqlite3.connect(data_dir / "onewindow.sqlite3") as conn:
        conn.execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2")
    code, out = run(capsys, "audit", "verify")
    assert code == 1 and out["ok"] is False and out["first_bad"] == 2


def test_commands_needing_a_database_say_so(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "catalog", "stats")
    assert code == 1 and "onewindow init" in out["error"]


def test_misuse_exits_2(data_dir: Path) -> None:
    for args in (["validate", "passport", "x"], ["deadline", "not-a-date", "3"], ["catalog"], ["frobnicate"]):
        with pytest.raises(SystemExit) as caught:
            main(args)
        assert caught.value.code == 2


def test_installed_entry_point_runs(tmp_path: Path) -> None:
    env = {**os.environ, "ONEWINDOW_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "validate", "id", "110105194912310021", "--json"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    out = json.loads(done.stdout.decode("utf-8"))
    assert out["valid"] is False and "校验" in out["message"]
    assert "\\u" not in done.stdout.decode("utf-8")  # UTF-8, not escaped


def test_unreachable_database_server_gets_a_clear_message(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("ONEWINDOW_DB", f"postgresql://nobody@127.0.0.1:{port}/onewindow")
    code, out = run(capsys, "catalog", "stats")
    assert code == 1 and out["code"] == "environment" and "无法连接数据库服务器" in out["error"]
    # commands that need no database still work
    code, out = run(capsys, "deadline", "2026-11-27", "1")
    assert code == 0 and out["due"] == "2026-11-30"


def test_locked_database_gets_a_clear_message_and_the_action_succeeds_later(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import db.engine

    assert run(capsys, "init", "--demo")[0] == 0
    monkeypatch.setattr(db.engine, "SQLITE_BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(data_dir / "onewindow.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        code, out = run(capsys, "calendar", "set", "2026-12-01", "holiday")
        assert code == 1 and "占用" in out["error"]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    code, out = run(capsys, "calendar", "set", "2026-12-01", "holiday")
    assert code == 0 and out["workday"] is False


def test_gui_exits_when_the_login_screen_is_shown(tmp_path: Path) -> None:
    env = {**os.environ, "ONEWINDOW_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--exit-when-ready"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert not (tmp_path / "onewindow.sqlite3").exists()  # nothing but the login screen happened
