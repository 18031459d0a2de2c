"""Create or upgrade the schema in place with Alembic; refuse a database newer than the program."""

from __future__ import annotations

from contextlib import AbstractContextManager
from importlib.resources import as_file, files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine


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


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to the newest revision; returns (before, after)."""
    check_not_newer(engine)
    before = current_revision(engine)
    with _with_scripts() as location, engine.begin() as conn:
        config = _config(Path(location))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return before, head_revision()
