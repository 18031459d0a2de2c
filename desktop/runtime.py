"""The real adapters behind the services: database, keys, clock, hasher, renderer, readers.

Imported only by desktop.bootstrap, and only once the login screen is up (or for the command line):
SQLAlchemy, Alembic and the rest are not needed to show the login screen.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from db.engine import make_engine, sqlite_path
from db.errors import explain as explain_db_problem
from db.migrate import SchemaTooNew, check_not_newer, current_revision, head_revision, upgrade
from db.unit_of_work import SqlUnitOfWorkFactory
from desktop.adapters import config
from desktop.adapters.clock import SystemClock
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
        return services

    def open(self, *, init: bool = False) -> Services:
        try:
            if init:
                upgrade(self.engine)
            else:
                self._check_schema()
            key = load_or_create_key(self.paths.audit_key, create=init)
        except SchemaTooNew as exc:
            raise EnvironmentProblem(str(exc)) from exc
        except KeyFileError as exc:
            raise EnvironmentProblem(str(exc)) from exc
        return self._services(key)

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
