"""`onewindow hall-migrate --to URL`: one counter's SQLite data moved into PostgreSQL for hall mode,
every row and the audit chain intact, new work continuing on the server."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from db.models import Base
from tests.conftest import _fresh_pg_database
from tests.e2e.conftest import run_json

pytestmark = [pytest.mark.postgres, pytest.mark.filterwarnings("ignore::ResourceWarning")]

run = run_json


def _sqlite_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            t.name: conn.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0]
            for t in Base.metadata.sorted_tables
        }
    finally:
        conn.close()


def _pg_counts(url: str) -> dict[str, int]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            return {
                t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def test_a_counter_moves_into_hall_mode_with_everything_intact(
    data_dir: Path, capsys: pytest.CaptureFixture[str], pg_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    assert run(capsys, "demo", "--cases", "3")[0] == 0
    code, chain = run(capsys, "audit", "verify")
    assert code == 0
    before = _sqlite_counts(data_dir / "onewindow.sqlite3")
    url = _fresh_pg_database(pg_server)

    code, out = run(capsys, "hall-migrate", "--to", url)
    assert code == 0, out
    assert out["rows"] == sum(before.values()) and out["tables"] == before
    assert _pg_counts(url) == before

    monkeypatch.setenv("ONEWINDOW_DB", url)  # every counter of the hall now points here
    code, verdict = run(capsys, "audit", "verify")
    assert code == 0 and verdict["ok"] is True and verdict["records"] == chain["records"]
    code, out = run(capsys, "demo", "--cases", "1")  # new rows get fresh ids after the copied ones
    assert code == 0, out
    after = _pg_counts(url)
    assert after["applications"] == before["applications"] + 1
    assert after["audit_log"] > before["audit_log"]
    assert run(capsys, "audit", "verify")[1]["ok"] is True

    monkeypatch.delenv("ONEWINDOW_DB")
    code, out = run(capsys, "audit", "verify")  # the counter's own copy is history now
    assert code == 1 and "已迁入大厅数据库" in out["error"]
    code, out = run(capsys, "hall-migrate", "--to", url)
    assert code == 1 and "已迁入大厅数据库" in out["error"]

    other = data_dir.parent / "other-counter"  # a second counter aimed at the hall's database
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(other))
    assert run(capsys, "init", "--demo")[0] == 0
    code, out = run(capsys, "hall-migrate", "--to", url)
    assert code == 1 and "不是空的" in out["error"]
    assert _pg_counts(url) == after
    code, out = run(capsys, "hall-migrate", "--to", f"sqlite:///{other / 'x.sqlite3'}")
    assert code == 1 and "PostgreSQL" in out["error"]
