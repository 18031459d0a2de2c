"""The composition root: the one place that wires db, ui, printing and sync to the services.

Only desktop/__main__.py imports this module. The real adapters live in desktop.runtime, which
is imported lazily so the login screen appears before the database stack is loaded.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.services.base import Services


def smoke_test() -> int:
    """Migrate a temporary database, load the catalog, exit 0 — no window (for the frozen build)."""
    import PySide6.QtWidgets  # noqa: F401  (the bundle must carry Qt)

    from db.migrate import head_revision
    from desktop.runtime import AppRuntime
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
        # The bundle must carry the sync engine and the central platform: build both.
        from desktop.services import syncing
        from sync.central.admin import create_enrol_code
        from sync.central.app import create_app

        agent = runtime.sync_agent(services)
        standalone = not syncing.status(services).enrolled
        central_url = f"sqlite:///{Path(folder) / 'central.sqlite3'}"
        code = create_enrol_code(central_url) if create_app(central_url).openapi() else ""
        if agent is None or not standalone or not code:
            raise SystemExit("smoke test failed: sync is not wired")
        runtime.engine.dispose()
    print(
        f"smoke test ok: schema {head_revision()}, catalog {stats['version']}, {stats['matters']} matters, "
        f"licence PDF {len(pdf)} bytes, sync wired (standalone)"
    )
    return 0


def run_gui(db: str | None, data_dir: str | None, exit_when_ready: bool = False) -> int:
    """The login screen first; the database is opened and checked behind it."""
    from desktop.adapters import config
    from ui.app import run

    def open_services() -> Services:  # runs on a pool thread, behind the login screen
        from desktop.runtime import AppRuntime

        return AppRuntime(db, data_dir).open()

    def after_open(services: Services) -> int:  # a newer calendar may know a provisional year now
        from desktop.services.calendar import recompute_provisional_deadlines

        return recompute_provisional_deadlines(services)

    return run(
        open_services,
        config.resolve(db, data_dir).db_url,
        exit_when_ready=exit_when_ready,
        after_open=after_open,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--smoke-test" in args:
        return smoke_test()
    if args[:1] == ["--screenshots"] and len(args) == 2:
        from desktop.screenshots import take

        for path in take(Path(args[1])):
            print(path)
        return 0
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--db")
    pre.add_argument("--data-dir")
    pre.add_argument("--exit-when-ready", action="store_true")
    known, rest = pre.parse_known_args(args)
    if not rest:
        return run_gui(known.db, known.data_dir, known.exit_when_ready)
    from db.errors import explain as explain_db_problem
    from desktop import cli
    from desktop.runtime import AppRuntime

    opened: list[AppRuntime] = []

    def runtime(ns: argparse.Namespace) -> AppRuntime:
        opened.append(AppRuntime(ns.db, ns.data_dir))
        return opened[-1]

    try:
        return cli.run(args, runtime, explain=explain_db_problem)
    finally:
        for rt in opened:
            rt.close()  # connections closed, the database no longer marked in use
