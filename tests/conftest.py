"""Shared fixtures: databases (SQLite and a throwaway PostgreSQL), wired services, a fixed clock."""

from __future__ import annotations

import itertools
import os
import tempfile
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ONEWINDOW_FAST_HASH", "1")
# Qt settings (the chosen language…) go to a throwaway folder, never the user's own.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="onewindow-test-config-")

from sqlalchemy import create_engine, text

from db.engine import make_engine
from db.migrate import upgrade
from db.unit_of_work import SqlUnitOfWorkFactory
from desktop.adapters.clock import FixedClock
from desktop.adapters.holidays import ChineseCalendarSource
from desktop.adapters.passwords import Argon2Hasher
from desktop.adapters.resources import bundled_catalog
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle
from tests.support.postgres import ClusterUnavailable, throwaway_cluster

AUDIT_KEY = b"k" * 32
# 2026-11-26 10:00 in Beijing: a Thursday, an ordinary working day.
NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def bundle() -> CatalogBundle:
    return bundled_catalog()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    try:
        with throwaway_cluster() as url:
            yield url
    except ClusterUnavailable as exc:
        if os.environ.get("ONEWINDOW_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required here but unavailable: {exc}")
        pytest.skip(str(exc))


_db_numbers = itertools.count(1)


def _fresh_pg_database(server: str) -> str:
    name = f"t{os.getpid()}_{next(_db_numbers)}"
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{server}/{name}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new empty database: a SQLite file, or a new database on the throwaway cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'onewindow.sqlite3'}"
    server = request.getfixturevalue("pg_server")
    return _fresh_pg_database(server)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'onewindow.sqlite3'}"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


def make_services(url: str, clock: FixedClock, key_dir: Path | None = None) -> Services:
    """Services wired as bootstrap wires them, on a migrated database (signing keys in key_dir)."""
    from desktop.adapters.barcodes import ZxingReader
    from desktop.adapters.pinyin import initials
    from desktop.adapters.signing import EcdsaChecker, FileKeyStore

    engine = make_engine(url)
    upgrade(engine)
    return Services(
        uow=SqlUnitOfWorkFactory(engine, AUDIT_KEY),
        clock=clock,
        hasher=Argon2Hasher(fast=True),
        holidays=ChineseCalendarSource(),
        keys=FileKeyStore(key_dir or Path(tempfile.mkdtemp(prefix="onewindow-keys-"))),
        signatures=EcdsaChecker(),
        barcodes=ZxingReader(),
        initials=initials,
    )


@pytest.fixture
def services(db_url: str, clock: FixedClock, bundle: CatalogBundle, tmp_path: Path) -> Iterator[Services]:
    """Services on a migrated database holding the bundled catalog (SQLite and PostgreSQL)."""
    from desktop.domain.users import SYSTEM_ACTOR
    from desktop.services.catalog import install_bundle

    svc = make_services(db_url, clock, tmp_path / "signing-keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    yield svc
    svc.uow.engine.dispose()  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _no_leaked_threads() -> Iterator[None]:
    """napari's habit: a test that leaves a thread running fails."""
    before = set(threading.enumerate())
    yield
    leaked = [t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon]
    assert not leaked, f"test left threads running: {leaked}"
