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


def test_upgrade_from_the_first_schema_keeps_rows(db_url: str) -> None:
    from alembic import command

    from db.migrate import _config, _with_scripts

    engine = make_engine(db_url)
    with _with_scripts() as location, engine.begin() as conn:
        config = _config(location)
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO catalog_versions (label, source, note, created_at, is_current) "
                "VALUES ('v1', 's', '', '2026-01-01T00:00:00.000000+00:00', true)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO catalog_matters (version_id, position, code, name, competent_department,"
                " legal_basis, approval_level, approving_department, mode, reform_measures,"
                " supervision_measures, remarks, approval_method, ftz_only, time_limit_days, check_window,"
                " trial_operation_allowed, quota_cap, fields, materials, source, verified) VALUES (1, 0,"
                " 'A-01', '某许可', '县商务局', '待核实', '县级', '商务局', 'OPTIMIZE', '', '', '', '',"
                " false, 10, '', false, NULL, '[]', '[]', 's', false)"
            )
        )
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    from sqlalchemy.orm import Session

    from db.catalog_repository import SqlCatalogRepository

    with Session(engine) as session:
        catalog = SqlCatalogRepository(session).current()
    assert catalog is not None and catalog.matter("A-01").conditions == ()
    engine.dispose()
