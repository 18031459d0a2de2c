"""The database is created and upgraded in place by Alembic; SQLite runs WAL + synchronous=FULL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from db.engine import make_engine
from db.migrate import SchemaTooNew, check_not_newer, current_revision, head_revision, upgrade


def test_upgrade_creates_the_schema_and_is_idempotent(db_url: str) -> None:
    engine = make_engine(db_url)
    assert current_revision(engine) is None
    before, after = upgrade(engine)
    assert before is None and after == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"applications", "application_actions", "audit_log", "outbox", "catalog_matters"} <= tables
    assert upgrade(engine) == (head_revision(), head_revision())
    engine.dispose()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "x.sqlite3"))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    engine.dispose()


def test_a_database_newer_than_the_program_is_refused(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "x.sqlite3"))
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaTooNew, match="比本程序新"):
        check_not_newer(engine)
    with pytest.raises(SchemaTooNew):
        upgrade(engine)
    engine.dispose()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    from sqlalchemy.exc import IntegrityError

    engine = make_engine(str(tmp_path / "x.sqlite3"))
    upgrade(engine)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO application_actions (application_id, seq, kind, actor, at, data) "
                "VALUES ('missing', 1, 'submit', 'x', '2026-01-01T00:00:00.000000+00:00', '{}')"
            )
        )
    engine.dispose()
