"""The real adapters behind the services: database, keys, clock, hasher, renderer, readers.

Imported only by desktop.bootstrap, and only once the login screen is up (or for the command line):
SQLAlchemy, Alembic and the rest are not needed to show the login screen.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from db.engine import make_engine, sqlite_path
from db.errors import explain as explain_db_problem
from db.migrate import MigrationBroke, SchemaTooNew, check_not_newer, current_revision, head_revision, upgrade
from db.unit_of_work import SqlUnitOfWorkFactory
from desktop.adapters import config
from desktop.adapters.clock import CHINA, SystemClock
from desktop.adapters.holidays import ChineseCalendarSource
from desktop.adapters.keys import KeyFileError, load_or_create_key
from desktop.adapters.passwords import Argon2Hasher
from desktop.adapters.resources import bundled_catalog
from desktop.adapters.tabular import decode_text, read_table, write_table
from desktop.cli import CentralAdmin
from desktop.domain.catalog_table import Table
from desktop.domain.errors import DomainError, EnvironmentProblem
from desktop.ports import SyncAgent, UnitOfWork
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle

if TYPE_CHECKING:
    from desktop.backup import DataFiles

T = TypeVar("T")


class _NoDatabase:
    """A unit-of-work factory for commands that must work without a database."""

    def __call__(self) -> UnitOfWork:
        raise EnvironmentProblem("此命令需要数据库，请先运行 onewindow init")

    def __exit__(self, *_: object) -> None:  # pragma: no cover - never entered
        return None


class AppRuntime:
    """Implements desktop.cli.Runtime over the real adapters."""

    def __init__(self, db: str | None = None, data_dir: str | None = None) -> None:
        paths = config.resolve(db, data_dir)
        self.paths = paths
        self.db_url = paths.db_url
        self.data_dir = paths.data_dir

    @cached_property
    def engine(self):  # type: ignore[no-untyped-def]
        return make_engine(self.db_url)

    def close(self) -> None:
        """End of a command: close the pool and let go of the in-use mark."""
        from desktop.adapters.instance_lock import release

        if "engine" in self.__dict__:
            self.engine.dispose()
        path = sqlite_path(self.db_url)
        if path is not None:
            release(path)

    def has_database(self) -> bool:
        path = sqlite_path(self.db_url)
        if path is not None and not path.exists():
            return False
        try:
            return current_revision(self.engine) is not None
        except Exception as exc:  # an unreachable server counts as no database for offline commands
            if explain_db_problem(exc) is None:
                raise
            return False

    def _services(self, key: bytes) -> Services:
        from desktop.adapters.barcodes import ZxingReader
        from desktop.adapters.pinyin import initials
        from desktop.adapters.signing import EcdsaChecker, FileKeyStore
        from printing.renderer import ReportLabRenderer

        services = Services(
            uow=SqlUnitOfWorkFactory(self.engine, key),
            clock=SystemClock(),
            hasher=Argon2Hasher(fast=os.environ.get("ONEWINDOW_FAST_HASH") == "1"),
            holidays=ChineseCalendarSource(),
            window_number=os.environ.get("ONEWINDOW_WINDOW", "01"),
            keys=FileKeyStore(self.paths.signing_keys),
            signatures=EcdsaChecker(),
            renderer=ReportLabRenderer(),
            barcodes=ZxingReader(),
            initials=initials,
        )
        services.sync_agent = self.sync_agent(services)
        if sqlite_path(self.db_url) is not None:
            services.scheduled_backup = lambda: self.run_scheduled_backup()["made"]
        return services

    def open(self, *, init: bool = False) -> Services:
        self._check_local_disk()
        try:
            if init:
                upgrade(self.engine)
            else:
                self._check_schema()
            key = load_or_create_key(self.paths.audit_key, create=init)
        except (SchemaTooNew, MigrationBroke) as exc:
            raise EnvironmentProblem(str(exc)) from exc
        except KeyFileError as exc:
            raise EnvironmentProblem(str(exc)) from exc
        return self._services(key)

    def _check_local_disk(self) -> None:
        """Refuse a live SQLite database on a network share; mark this process as one of its users."""
        from desktop.adapters.filesystems import network_filesystem
        from desktop.adapters.instance_lock import hold_shared

        path = sqlite_path(self.db_url)
        if path is None:
            return
        kind = network_filesystem(path.parent)
        if kind is not None:
            raise EnvironmentProblem(
                f"数据库 {path} 位于网络共享（{kind}）上。SQLite 数据库在网络共享上无法可靠加锁，"
                "多台电脑同时使用会损坏数据。请把数据文件夹放在本机磁盘上；多个窗口共用数据请使用"
                "大厅模式（PostgreSQL，见 README 运维一节）。"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            hold_shared(path)
        except BlockingIOError as exc:
            raise EnvironmentProblem("正在从备份恢复数据，请在恢复完成后再打开一窗通") from exc

    def _check_schema(self) -> None:
        path = sqlite_path(self.db_url)
        if path is not None and not path.exists():
            raise EnvironmentProblem(
                f"数据库 {path} 不存在，请先运行 onewindow init（或 onewindow init --demo）"
            )
        check_not_newer(self.engine)
        current = current_revision(self.engine)
        if current is None:
            raise EnvironmentProblem("数据库尚未初始化，请先运行 onewindow init")
        if current != head_revision():
            raise EnvironmentProblem("数据库结构需要升级，请先运行 onewindow init（会就地升级，数据保留）")
        if path is not None:
            from db.transfer import moved_to

            target = moved_to(self.engine)
            if target:
                raise EnvironmentProblem(
                    f"本机数据已迁入大厅数据库 {target}，这份本机数据库只作留档，不能再使用。"
                    "请设置 ONEWINDOW_DB 指向大厅数据库（见 README 运维一节）"
                )

    def offline(self) -> Services:
        return Services(
            uow=_NoDatabase(),
            clock=SystemClock(),
            hasher=Argon2Hasher(),
            holidays=ChineseCalendarSource(),
        )

    def bundle(self) -> CatalogBundle:
        return bundled_catalog()

    def read_table(self, path: Path) -> Table:
        return read_table(path)

    def write_table(self, path: Path, rows: Sequence[Sequence[str]]) -> None:
        write_table(path, rows)

    def read_text(self, path: Path) -> str:
        if not path.exists():
            raise DomainError(f"文件不存在：{path}")
        return decode_text(path.read_bytes(), path.name)

    # ------------------------------------------------------------------ backup and restore
    def _data_files(self) -> DataFiles:
        from desktop.backup import DataFiles

        return DataFiles(
            self.data_dir,
            sqlite_path(self.db_url),
            self.paths.audit_key,
            self.paths.signing_keys,
            self.paths.device_token,
        )

    def backup(self, dest: Path, passphrase: str) -> dict[str, Any]:
        from desktop.backup import create_backup

        self._check_local_disk()
        with _backup_errors():
            summary = create_backup(
                self._data_files(), dest, passphrase, SystemClock().now().astimezone(CHINA)
            )
        return {
            "file": str(summary.file),
            "created_at": summary.created_at,
            "schema_revision": summary.schema_revision,
            "database_included": summary.database_included,
            "files": sorted(summary.files),
        }

    def restore(self, source: Path, passphrase: str) -> dict[str, Any]:
        from desktop.adapters.instance_lock import exclusive
        from desktop.backup import restore_backup

        files, now = self._data_files(), SystemClock().now().astimezone(CHINA)
        with _backup_errors():
            if files.db_path is None:
                summary = restore_backup(files, source, passphrase, now, _no_check)
            else:
                files.db_path.parent.mkdir(parents=True, exist_ok=True)
                with exclusive(files.db_path, "恢复"):
                    self.__dict__.pop("engine", None)
                    summary = restore_backup(files, source, passphrase, now, _check_restored_chain)
        return {
            "file": str(summary.file),
            "created_at": summary.created_at,
            "moved_aside": str(summary.moved_aside),
            "restored": summary.restored,
        }

    def backup_schedule(self, folder: Path, keep: int, passphrase: str) -> dict[str, Any]:
        from desktop.backup import Schedule, save_schedule

        with _backup_errors():
            folder.mkdir(parents=True, exist_ok=True)  # a missing folder now, not at the first backup
            path = save_schedule(self.paths.key_dir, Schedule(folder.resolve(), keep, passphrase))
        return {"folder": str(folder.resolve()), "keep": keep, "schedule_file": str(path)}

    def run_scheduled_backup(self) -> dict[str, Any]:
        from desktop.backup import load_schedule, run_if_due

        schedule = load_schedule(self.paths.key_dir)
        if schedule is None:
            return {"configured": False, "made": None}
        self._check_local_disk()
        with _backup_errors():
            made = run_if_due(self._data_files(), schedule, SystemClock().now().astimezone(CHINA))
        return {"configured": True, "made": str(made.file) if made else None}

    def transfer_to(self, url: str) -> dict[str, Any]:
        """Copy this counter's SQLite database into an empty PostgreSQL database (hall mode)."""
        from db.engine import is_sqlite
        from db.transfer import transfer
        from desktop.adapters.instance_lock import exclusive

        if not is_sqlite(self.db_url):
            raise DomainError("本机已在使用服务器数据库，无需迁移")
        self._check_local_disk()
        self._check_schema()
        path = sqlite_path(self.db_url)
        assert path is not None
        target = make_engine(url)
        try:
            with exclusive(path, "迁移"):
                report = transfer(self.engine, target)
        finally:
            target.dispose()
        from desktop.cli import _safe_url

        return {"target": _safe_url(url), "rows": report.rows, "tables": report.tables}

    # ------------------------------------------------------------------ sync
    def sync_agent(self, services: Services) -> SyncAgent:
        from db.agent_lock import SyncAgentLock
        from desktop.sync_wiring import CounterSyncAgent

        return CounterSyncAgent(
            services, lambda: SyncAgentLock(self.engine, self.db_url), self.paths.device_token
        )

    def enrol_device(
        self, services: Services, server: str, code: str, device_name: str, hall: str, pin: str | None
    ) -> dict[str, str]:
        from desktop.sync_wiring import enrol

        return enrol(
            services, self.paths.device_token, server, code, device_name=device_name, hall=hall, pin=pin
        )

    def central(self, db: str | None) -> CentralAdmin:
        from sync.central.admin import central_db_url

        return _Central(central_db_url(db))


@contextmanager
def _backup_errors() -> Iterator[None]:
    from desktop.adapters.backup_archive import BackupFileError

    try:
        yield
    except BackupFileError as exc:
        raise DomainError(str(exc)) from exc
    except sqlite3.Error as exc:  # a database file that cannot be read or copied
        raise EnvironmentProblem(f"读取数据库失败：{exc}") from exc
    except OSError as exc:
        raise EnvironmentProblem(f"读写文件失败：{exc.strerror or exc}（{exc.filename or ''}）") from exc


def _no_check(_db: Path, _key: Path) -> None:
    return None


def _check_restored_chain(db: Path, key_file: Path) -> None:
    """Upgrade the restored copy to this program's schema and verify its audit chain."""
    from desktop.adapters.backup_archive import BackupFileError
    from desktop.domain.users import SYSTEM_ACTOR
    from desktop.services import audit

    engine = make_engine(f"sqlite:///{db}")
    try:
        try:
            check_not_newer(engine)
        except SchemaTooNew as exc:
            raise BackupFileError(f"备份来自更新版本的一窗通：{exc}") from exc
        try:
            upgrade(engine)
        except MigrationBroke as exc:
            raise BackupFileError(f"备份中的数据库无法升级到本程序的版本：{exc}") from exc
        try:
            key = load_or_create_key(key_file, create=False)
        except KeyFileError as exc:
            raise BackupFileError(str(exc)) from exc
        services = Services(
            uow=SqlUnitOfWorkFactory(engine, key),
            clock=SystemClock(),
            hasher=Argon2Hasher(),
            holidays=ChineseCalendarSource(),
        )
        try:
            verdict = audit.verify(services, SYSTEM_ACTOR)
        except DomainError as exc:
            raise BackupFileError(f"备份中的审计链核验未通过：{exc.message}，未恢复") from exc
        if not verdict.ok:
            raise BackupFileError(
                f"备份中的审计链核验未通过（第 {verdict.first_bad} 条：{verdict.reason}），未恢复"
            )
    finally:
        engine.dispose()


class _Central:
    """The reference central platform's commands (sync/central/admin.py), errors made DomainErrors."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url

    def _call(self, fn: Callable[..., T], *args: object) -> T:
        from sync.central.admin import CentralError

        try:
            return fn(self.db_url, *args)
        except CentralError as exc:
            raise DomainError(exc.message) from exc

    def enrol_code(self) -> str:
        from sync.central import admin

        return self._call(admin.create_enrol_code)

    def admin_token(self) -> str:
        from sync.central import admin

        return self._call(admin.create_admin_token)

    def linkage_officer(self, department: str, name: str) -> str:
        from sync.central import admin

        return self._call(admin.create_linkage_officer, department, name)

    def stats(self) -> dict[str, int]:
        from sync.central import admin

        return self._call(admin.stats)

    def publish_catalog(self, table: Table, label: str, source: str, note: str) -> dict[str, Any]:
        from sync.central import admin

        rows = [list(table.header), *(list(r) for r in table.rows)]
        return self._call(admin.publish_catalog, label, source, note, rows)

    def publish_calendar(self, year: int, text: str) -> dict[str, Any]:
        from sync.central import admin

        return self._call(admin.publish_calendar, year, text)

    def revoke_device(self, device_id: str) -> None:
        from sync.central import admin

        self._call(admin.revoke_device, device_id)

    def serve(self, host: str, port: int, certfile: str | None, keyfile: str | None) -> None:
        from sync.central import admin

        self._call(admin.serve, host, port, certfile, keyfile)
