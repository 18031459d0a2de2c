"""The composition root: the one place that wires db, ui, printing and sync to the services.

Only desktop/__main__.py imports this module.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from db.engine import make_engine, sqlite_path
from db.errors import explain as explain_db_problem
from db.migrate import SchemaTooNew, check_not_newer, current_revision, head_revision, upgrade
from db.unit_of_work import SqlUnitOfWorkFactory
from desktop import cli
from desktop.adapters import config
from desktop.adapters.clock import SystemClock
from desktop.adapters.holidays import ChineseCalendarSource
from desktop.adapters.keys import KeyFileError, load_or_create_key
from desktop.adapters.passwords import Argon2Hasher
from desktop.adapters.resources import bundled_catalog
from desktop.adapters.tabular import decode_text, read_table, write_table
from desktop.domain.catalog_table import Table
from desktop.domain.errors import DomainError, EnvironmentProblem
from desktop.ports import UnitOfWork
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle


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

        return Services(
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


def smoke_test() -> int:
    """Migrate a temporary database, load the catalog, exit 0 — no window (for the frozen build)."""
    import PySide6.QtWidgets  # noqa: F401  (the bundle must carry Qt)

    from desktop.services import catalog

    with tempfile.TemporaryDirectory(prefix="onewindow-smoke-") as folder:
        runtime = AppRuntime(db=f"sqlite:///{Path(folder) / 'smoke.sqlite3'}", data_dir=folder)
        services = runtime.open(init=True)
        from desktop.services.setup import initialise

        initialise(services, runtime.bundle())
        stats = catalog.stats(catalog.current(services))
        # The bundle must carry the font and layouts: render a licence face.
        from datetime import date

        from desktop.domain.documents import Applicant, IndustryLicenceDoc, PermitLine
        from desktop.services.documents import render

        who = Applicant("冒烟测试有限公司", "91310110666007217T", "张三", "测试路1号")
        pdf = render(
            services,
            IndustryLicenceDoc(
                "HZ0",
                who,
                ("便利店",),
                (PermitLine("食品经营许可", "SCJG-01-1", None),),
                "测试机关",
                date(2026, 1, 1),
                "https://verify.onewindow.invalid/v/HZ0#OW1.smoke.test",
            ),
        )
        if not pdf.startswith(b"%PDF"):
            raise SystemExit("smoke test failed: the licence did not render")
        runtime.engine.dispose()
    print(
        f"smoke test ok: schema {head_revision()}, catalog {stats['version']}, {stats['matters']} matters, "
        f"licence PDF {len(pdf)} bytes"
    )
    return 0


def run_gui(db: str | None, data_dir: str | None) -> int:
    from ui.app import run

    runtime = AppRuntime(db, data_dir)
    try:
        services = runtime.open()
    except DomainError as exc:
        return run(None, runtime.db_url, startup_error=exc.message)
    from desktop.services.calendar import recompute_provisional_deadlines

    recompute_provisional_deadlines(services)
    return run(services, runtime.db_url)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--smoke-test" in args:
        return smoke_test()
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--db")
    pre.add_argument("--data-dir")
    known, rest = pre.parse_known_args(args)
    if not rest:
        return run_gui(known.db, known.data_dir)
    return cli.run(args, lambda ns: AppRuntime(ns.db, ns.data_dir), explain=explain_db_problem)
