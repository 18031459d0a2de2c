"""A full disk, a read-only database and a database locked by another program: a clear Chinese
message (a StorageProblem, never a crash), nothing half-saved, and the same action succeeds once
the cause is gone. Tests run as root, so the causes are made with what root cannot bypass:
``PRAGMA max_page_count`` (full), a ``mode=ro`` URI or a read-only PostgreSQL database, and a
second connection holding the write lock."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, func, select, text

import db.engine
from db.models import ApplicationRow, AuditRow, OutboxRow
from desktop.domain.errors import StorageProblem
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import audit, intake
from desktop.services.base import Services
from desktop.services.catalog import install_bundle
from tests.conftest import _fresh_pg_database, make_services
from tests.support.factories import AUDITOR, CLERK, enterprise

MATTERS = ["SCJG-01", "XF-01"]


def _counts(services: Services) -> tuple[int, int, int]:
    with services.uow.engine.connect() as conn:  # type: ignore[attr-defined]
        return (
            conn.execute(select(func.count()).select_from(ApplicationRow)).scalar_one(),
            conn.execute(select(func.count()).select_from(AuditRow)).scalar_one(),
            conn.execute(select(func.count()).select_from(OutboxRow)).scalar_one(),
        )


def _submit_and_accept(services: Services) -> str:
    app = intake.submit(services, CLERK, enterprise(), MATTERS)
    intake.accept(services, CLERK, app.id, committed={"XF-01"})
    return app.id


@pytest.fixture
def sqlite_services(sqlite_url: str, clock: Any, bundle: Any, tmp_path: Path) -> Iterator[Services]:
    svc = make_services(sqlite_url, clock, tmp_path / "keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    yield svc
    svc.uow.engine.dispose()  # type: ignore[attr-defined]


def test_a_full_disk_is_a_clear_message_and_the_action_succeeds_after_space_is_freed(
    sqlite_services: Services, sqlite_url: str
) -> None:
    services = sqlite_services
    _submit_and_accept(services)
    engine = services.uow.engine  # type: ignore[attr-defined]
    engine.dispose()
    raw = sqlite3.connect(db.engine.sqlite_path(sqlite_url), isolation_level=None)
    raw.execute("VACUUM")  # no free pages left to reuse: any growth needs a new page
    pages = raw.execute("PRAGMA page_count").fetchone()[0]
    raw.close()

    def cap(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(engine, "connect", cap)
    engine.dispose()
    refused: StorageProblem | None = None
    for _ in range(50):  # commands that still fit in the pages at hand succeed and stay
        before = _counts(services)
        try:
            _submit_and_accept(services)
        except StorageProblem as exc:
            refused = exc
            break
    assert refused is not None, "the capped database never filled up"
    assert "磁盘空间已满" in refused.message
    assert refused.code == "storage"
    # the refused command left nothing behind: no half case, no audit record, no event
    cases, records, events = _counts(services)
    assert cases in (before[0], before[0] + 1)  # submit may have fitted, accept did not
    if cases == before[0] + 1:
        assert records == before[1] + 1 and events == before[2]  # submit only: its audit record
    else:
        assert (records, events) == before[1:]
    assert audit.verify(services, AUDITOR).ok

    event.remove(engine, "connect", cap)  # space freed
    engine.dispose()
    full = _counts(services)
    _submit_and_accept(services)  # the same action, now with room
    assert _counts(services)[0] == full[0] + 1
    assert _counts(services)[2] > full[2]
    assert audit.verify(services, AUDITOR).ok


def test_a_read_only_database_file_is_a_clear_message_and_writable_again_works(
    sqlite_services: Services, sqlite_url: str, clock: Any, tmp_path: Path
) -> None:
    _submit_and_accept(sqlite_services)
    path = db.engine.sqlite_path(sqlite_url)
    assert path is not None
    read_only = make_services(f"sqlite:///file:{path}?mode=ro&uri=true", clock, tmp_path / "keys")
    try:
        before = _counts(read_only)  # reading works
        with pytest.raises(StorageProblem) as refused:
            _submit_and_accept(read_only)
        assert "只读" in refused.value.message
        assert _counts(sqlite_services) == before
    finally:
        read_only.uow.engine.dispose()  # type: ignore[attr-defined]
    _submit_and_accept(sqlite_services)
    assert _counts(sqlite_services)[0] == before[0] + 1


def test_a_database_locked_by_another_program_is_a_clear_message_and_works_once_released(
    sqlite_url: str, clock: Any, bundle: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db.engine, "SQLITE_BUSY_TIMEOUT_MS", 200)  # wait 0.2 s, not 10 s
    services = make_services(sqlite_url, clock, tmp_path / "keys")
    try:
        install_bundle(services, SYSTEM_ACTOR, bundle)
        path = db.engine.sqlite_path(sqlite_url)
        before = _counts(services)
        other = sqlite3.connect(path, isolation_level=None, timeout=0)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(StorageProblem) as refused:
            _submit_and_accept(services)
        assert "占用" in refused.value.message
        other.execute("ROLLBACK")
        other.close()
        assert _counts(services) == before
        _submit_and_accept(services)
        assert _counts(services)[0] == before[0] + 1
        assert audit.verify(services, AUDITOR).ok
    finally:
        services.uow.engine.dispose()  # type: ignore[attr-defined]


@pytest.mark.postgres
def test_a_read_only_postgresql_database_is_a_clear_message_and_works_when_writable_again(
    pg_server: str, clock: Any, bundle: Any, tmp_path: Path
) -> None:
    url = _fresh_pg_database(pg_server)
    name = url.rsplit("/", 1)[1]
    services = make_services(url, clock, tmp_path / "keys")
    admin = create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
    try:
        install_bundle(services, SYSTEM_ACTOR, bundle)
        _submit_and_accept(services)
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        services.uow.engine.dispose()  # type: ignore[attr-defined]
        before = _counts(services)
        with pytest.raises(StorageProblem) as refused:
            _submit_and_accept(services)
        assert "只读" in refused.value.message
        assert _counts(services) == before
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = off'))
        services.uow.engine.dispose()  # type: ignore[attr-defined]
        _submit_and_accept(services)
        assert _counts(services)[0] == before[0] + 1
    finally:
        services.uow.engine.dispose()  # type: ignore[attr-defined]
        admin.dispose()
