"""Upgrades keep data: a data folder of every released schema, upgraded by today's `onewindow init`.

tests/fixtures/schemas/<revision>.tar.gz holds one data folder per released schema version (the
database and the key files the audit chain and the licences need), filled by that release's own
code (tests/fixtures/schemas/make_fixtures.py; see the README there). Each is unpacked, read with
plain sqlite3, upgraded by the current `onewindow init` in a process of its own, and then:

- the schema is at the head;
- every row of the case, permit, licence, enterprise, user, key, status-list, outbox and audit
  tables is still there with every column it had (new columns may have been added);
- `onewindow audit verify` is ok: the chain written by the old release verifies under the key in
  the folder;
- today's commands work on it: an old licence's QR code verifies offline, and a whole new demo case
  (intake → review → issue → delivery → rating) goes through, after which the chain still verifies.

A database stamped with a revision newer than the program is refused, by `onewindow init` and by
opening the services, with a Chinese message and exit code 1, and its file is left as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from db.engine import make_engine
from db.migrate import MigrationBroke, head_revision, upgrade
from desktop.bootstrap import main
from desktop.domain.errors import EnvironmentProblem

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "schemas"
MANIFEST = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))
REVISIONS = sorted(p.name.removesuffix(".tar.gz") for p in FIXTURES.glob("*.tar.gz"))
# Tables whose rows an upgrade must carry over unchanged (the catalog tables are the bundled data).
KEPT = [
    "applications",
    "permit_requests",
    "application_actions",
    "permits",
    "industry_licences",
    "enterprises",
    "users",
    "trusted_keys",
    "status_list",
    "outbox",
    "audit_log",
    "number_sequences",
]
FUTURE = "ffff_future"


def unpack(revision: str, into: Path) -> Path:
    folder = into / f"data-{revision}"
    with tarfile.open(FIXTURES / f"{revision}.tar.gz") as tar:
        if hasattr(tarfile, "data_filter"):  # Python ≥ 3.11.4 (Debian 12 has 3.11.2)
            tar.extractall(folder, filter="data")
        else:  # pragma: no cover - our own archives
            tar.extractall(folder)
    return folder


def env() -> dict[str, str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("ONEWINDOW_DB", "ONEWINDOW_DATA_DIR", "ONEWINDOW_AUDIT_KEY_FILE")
    }
    return {**clean, "ONEWINDOW_FAST_HASH": "1"}


def onewindow_process(folder: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """The installed command line in a process of its own: exit code and its JSON object."""
    done = subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--json", "--data-dir", str(folder)],
        capture_output=True,
        env=env(),
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    out = done.stdout.decode("utf-8").strip()
    assert out, done.stderr.decode()[-3000:]
    return done.returncode, json.loads(out.splitlines()[-1])


def onewindow(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """The same command line in this process (faster, for the commands after the upgrade)."""
    code = main([*args, "--json", "--data-dir", str(folder)])
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1, lines
    return code, json.loads(lines[0])


def read_tables(db: Path) -> dict[str, dict[tuple[Any, ...], dict[str, Any]]]:
    """Each kept table present: primary key → the row as a column → value mapping."""
    with closing(sqlite3.connect(db)) as conn:
        present = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        tables = {}
        for table in (t for t in KEPT if t in present):
            info = conn.execute(f"PRAGMA table_info({table})").fetchall()
            columns = [c[1] for c in info]
            key = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] or columns
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            tables[table] = {
                tuple(r[columns.index(k)] for k in key): dict(zip(columns, r, strict=True)) for r in rows
            }
        return tables


def revision_of(db: Path) -> str:
    with closing(sqlite3.connect(db)) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_there_is_a_fixture_for_every_release_in_the_manifest() -> None:
    assert REVISIONS and sorted(MANIFEST) == REVISIONS
    assert len(set(REVISIONS)) == len(REVISIONS)
    for revision in REVISIONS:
        assert (FIXTURES / f"{revision}.tar.gz").stat().st_size < 512 * 1024
        assert MANIFEST[revision]["rows"]["applications"] >= 15


@pytest.mark.parametrize("revision", REVISIONS)
def test_init_upgrades_a_released_schema_and_keeps_everything(
    revision: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("ONEWINDOW_DB", "ONEWINDOW_DATA_DIR", "ONEWINDOW_AUDIT_KEY_FILE"):
        monkeypatch.delenv(name, raising=False)
    folder = unpack(revision, tmp_path)
    db = folder / "onewindow.sqlite3"
    assert revision_of(db) == revision
    before = read_tables(db)
    assert before["applications"] and before["audit_log"]
    states = {row["state"] for row in before["permit_requests"].values()}
    assert {"in_review", "claimed", "denied", "granted"} <= states  # unfinished cases too

    code, out = onewindow_process(folder, "init")
    assert code == 0, out
    assert revision_of(db) == head_revision()

    after = read_tables(db)
    for table, rows in before.items():
        missing = rows.keys() - after[table].keys()
        assert not missing, f"{table}: {len(missing)} rows lost, e.g. {sorted(missing)[:3]}"
        changed = [k for k, row in rows.items() if {c: after[table][k][c] for c in row} != row]
        assert not changed, f"{table}: rows changed by the upgrade, e.g. {changed[:3]}"
    for table in ("applications", "permit_requests", "application_actions", "permits", "industry_licences"):
        assert after[table].keys() == before[table].keys(), f"{table}: rows appeared during the upgrade"

    code, out = onewindow(capsys, folder, "audit", "verify")
    assert code == 0 and out["ok"] is True, out
    assert out["records"] >= len(before["audit_log"])

    licences = [row for row in before["industry_licences"].values() if row.get("qr_text")]
    if licences:  # schema 0002 on: an old licence's code checks out offline against the old key
        code, out = onewindow(capsys, folder, "verify", licences[-1]["qr_text"])
        assert out["result"] in ("valid", "expired"), out  # expired once its five years are over
        assert out["licence"]["number"] == licences[-1]["number"]
    code, out = onewindow(capsys, folder, "demo")
    assert code == 0 and out["licence"], out
    code, out = onewindow(capsys, folder, "audit", "verify")
    assert code == 0 and out["ok"] is True, out
    assert len(read_tables(db)["applications"]) == len(before["applications"]) + 1


def test_a_database_newer_than_the_program_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.runtime import AppRuntime

    for name in ("ONEWINDOW_DB", "ONEWINDOW_DATA_DIR", "ONEWINDOW_AUDIT_KEY_FILE"):
        monkeypatch.delenv(name, raising=False)
    folder = unpack(REVISIONS[-1], tmp_path)
    db = folder / "onewindow.sqlite3"
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (FUTURE,))
    digest = hashlib.sha256(db.read_bytes()).hexdigest()

    def unchanged() -> None:
        assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
        wal = db.with_name(db.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0

    code, out = onewindow_process(folder, "init")
    assert code == 1, out
    assert FUTURE in out["error"] and "比本程序新" in out["error"] and "请升级一窗通" in out["error"], out
    assert head_revision() in out["error"] and out["code"] == "environment"
    unchanged()
    code, out = onewindow_process(folder, "init", "--demo")
    assert code == 1 and "比本程序新" in out["error"], out
    unchanged()
    code, out = onewindow(capsys, folder, "audit", "verify")  # any command that opens the services
    assert code == 1 and "比本程序新" in out["error"], out
    unchanged()
    # What the GUI does behind its login screen.
    runtime = AppRuntime(data_dir=str(folder))
    with pytest.raises(EnvironmentProblem, match="比本程序新"):
        runtime.open()
    with pytest.raises(EnvironmentProblem, match="比本程序新"):
        runtime.open(init=True)
    runtime.engine.dispose()
    unchanged()


# ---------------------------------------------------------------------------- db.migrate on SQLite
def test_an_upgrade_that_rebuilds_tables_with_rows_pointing_at_them_succeeds(tmp_path: Path) -> None:
    """0003 rebuilds `applications` (batch mode); the 0002 fixture has actions pointing at it. With
    foreign keys enforced during the migration this failed: "FOREIGN KEY constraint failed"."""
    folder = unpack("0002", tmp_path)
    engine = make_engine(f"sqlite:///{folder / 'onewindow.sqlite3'}")
    try:
        assert upgrade(engine) == ("0002", head_revision())
        with engine.connect() as conn:  # enforcement is back on for the pooled connection
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        engine.dispose()


def test_an_upgrade_that_would_leave_dangling_rows_is_rolled_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.migrate

    folder = unpack("0004", tmp_path)
    db_file = folder / "onewindow.sqlite3"
    real_upgrade = db.migrate.command.upgrade

    def careless_upgrade(config: Any, target: str) -> None:  # a migration that orphans a row
        real_upgrade(config, target)
        config.attributes["connection"].exec_driver_sql(
            "INSERT INTO application_actions (application_id, seq, kind, actor, at, data) "
            "VALUES ('nobody', 1, 'submit', 'x', '2026-01-01T00:00:00.000000+00:00', '{}')"
        )

    monkeypatch.setattr(db.migrate.command, "upgrade", careless_upgrade)
    engine = make_engine(f"sqlite:///{db_file}")
    try:
        with pytest.raises(MigrationBroke, match="application_actions"):
            upgrade(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
    assert revision_of(db_file) == "0004"
    with closing(sqlite3.connect(db_file)) as conn:
        assert (
            conn.execute(
                "SELECT COUNT(*) FROM application_actions WHERE application_id = 'nobody'"
            ).fetchone()[0]
            == 0
        )
