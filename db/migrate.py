"""Create or upgrade the schema in place with Alembic; refuse a database newer than the program."""

from __future__ import annotations

from collections import Counter
from contextlib import AbstractContextManager
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine


class SchemaTooNew(Exception):
    """The database was written by a newer OneWindow."""


def _config(script_location: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def _with_scripts() -> AbstractContextManager[Path]:
    return as_file(files("db") / "migrations")


def head_revision() -> str:
    with _with_scripts() as location:
        script = ScriptDirectory.from_config(_config(Path(location)))
        head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(engine: Engine) -> None:
    current = current_revision(engine)
    if current is None:
        return
    with _with_scripts() as location:
        script = ScriptDirectory.from_config(_config(Path(location)))
        known = {rev.revision for rev in script.walk_revisions()}
    if current not in known:
        raise SchemaTooNew(
            f"数据库结构版本 {current} 比本程序新（本程序最高支持 {head_revision()}），"
            "请升级一窗通后再打开此数据库。"
        )


class MigrationBroke(Exception):
    """An upgrade would have left rows pointing at nothing; it was rolled back."""


def _dangling(conn: Connection) -> Counter[tuple[str, str]]:
    """Rows whose foreign key points at nothing, counted per (table, parent table)."""
    return Counter((row[0], row[2]) for row in conn.exec_driver_sql("PRAGMA foreign_key_check"))


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to the newest revision in one transaction; returns (before, after).

    On SQLite, Alembic's batch mode rebuilds a table to alter it (copy, drop the old one, rename
    the copy). With foreign keys enforced, dropping a table other rows point at fails, so the
    migration runs with enforcement off (the pragma only takes effect outside a transaction, as
    SQLite's own ALTER TABLE procedure prescribes), refuses to commit if it left a row pointing at
    nothing that was not so before, and turns enforcement back on whatever happened.
    """
    check_not_newer(engine)
    before, head = current_revision(engine), head_revision()
    if before == head:
        return before, head
    with _with_scripts() as location, engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw: Any = conn.connection.driver_connection
        if sqlite:
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                dangling = _dangling(conn) if sqlite else Counter()
                config = _config(Path(location))
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                if sqlite and (broken := _dangling(conn) - dangling):
                    raise MigrationBroke(
                        f"升级数据库结构失败：{sum(broken.values())} 行数据的外键引用不存在"
                        f"（{'、'.join(sorted(t for t, _ in broken))}），已撤销，数据库未改动。"
                    )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")
    return before, head
