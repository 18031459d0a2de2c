"""Move one counter's SQLite database into an empty PostgreSQL database (to start hall mode).

The target is brought to the same schema by the migrations, then every table is copied row by row
in foreign-key order inside one transaction: either everything arrives or nothing does. Values are
copied as stored (timestamps are fixed-width text), so the audit chain's MACs still verify under
the same audit key. PostgreSQL's identity sequences are moved past the copied ids afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, delete, func, insert, select, text

from db.migrate import check_not_newer, current_revision, head_revision, upgrade
from db.models import AuditHeadRow, Base
from desktop.domain.errors import DomainError

BATCH = 1000
MOVED_SETTING = "moved_to_hall"  # set in the SQLite database once its data is in PostgreSQL


class TransferRefused(DomainError):
    code = "transfer_refused"


@dataclass(frozen=True)
class TransferReport:
    tables: dict[str, int]  # table → rows copied

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


def moved_to(engine: Engine) -> str:
    """Where this SQLite database's data went (hall-migrate), or "" when it is still in use."""
    with engine.connect() as conn:
        value = conn.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": MOVED_SETTING}).scalar()
    return str(value or "")


def _holds_data(engine: Engine) -> bool:
    """Anything beyond what the migrations themselves put in (the empty audit chain head)?"""
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table is AuditHeadRow.__table__:
                if conn.scalar(select(func.count()).where(AuditHeadRow.last_seq != 0)):
                    return True
            elif conn.execute(select(func.count()).select_from(table)).scalar_one():
                return True
    return False


def transfer(source: Engine, target: Engine) -> TransferReport:
    """Copy everything from ``source`` (SQLite, at this program's schema) into an empty ``target``."""
    if target.dialect.name != "postgresql":
        raise TransferRefused("目标必须是 PostgreSQL 数据库（大厅模式）")
    check_not_newer(source)
    if current_revision(source) != head_revision():
        raise TransferRefused("请先在本机运行 onewindow init，把数据库升级到当前版本后再迁移")
    check_not_newer(target)
    if current_revision(target) is not None and _holds_data(target):  # before anything is changed
        raise TransferRefused(
            "目标数据库不是空的（已有数据），为免混合两份数据，迁移已取消；请换一个新建的空数据库"
        )
    upgrade(target)
    if _holds_data(target):
        raise TransferRefused(
            "目标数据库不是空的（已有数据），为免混合两份数据，迁移已取消；请换一个新建的空数据库"
        )
    copied: dict[str, int] = {}
    with source.connect() as src, target.begin() as dst:
        dst.execute(delete(AuditHeadRow))  # the migrations' empty head; the source's comes across
        for table in Base.metadata.sorted_tables:
            count = 0
            result = src.execute(select(table)).mappings()
            while batch := result.fetchmany(BATCH):
                dst.execute(insert(table), [dict(row) for row in batch])
                count += len(batch)
            copied[table.name] = count
        for table in Base.metadata.sorted_tables:
            for column in table.primary_key.columns:
                if column.autoincrement is True and copied[table.name]:
                    dst.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                            f"(SELECT max({column.name}) FROM {table.name}))"
                        )
                    )
    with source.begin() as conn:  # this counter's copy is now history: never work on it again
        conn.execute(
            text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
            {"k": MOVED_SETTING, "v": target.url.render_as_string(hide_password=True)},
        )
    return TransferReport(copied)
