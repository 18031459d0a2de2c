"""Hall mode: several counters share one PostgreSQL database.

Each "counter" here has its own engine (its own connection pool), as separate PCs would. Claims on
one review item, intake numbers and the hall's single sync agent are what must hold.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from db.agent_lock import AgentLockHeld, SyncAgentLock, lock_file_for
from db.engine import make_engine
from desktop.adapters.clock import FixedClock
from desktop.domain.errors import DomainError
from desktop.domain.users import SYSTEM_ACTOR, Actor, Role
from desktop.services import intake, review
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import _fresh_pg_database, make_services
from tests.support.factories import APPROVAL_BUREAU, CLERK, REVIEWER, enterprise

COUNTERS = 6


def _counters(url: str, clock: FixedClock, tmp_path: Path, n: int) -> list[Services]:
    return [make_services(url, clock, tmp_path / f"keys{i}") for i in range(n)]


def _dispose(counters: list[Services]) -> None:
    for c in counters:
        c.uow.engine.dispose()  # type: ignore[attr-defined]


def _run_together(n: int, work: object) -> list[object]:
    """Run work(i) on n threads released at the same instant; results or exceptions by index."""
    start = threading.Barrier(n)
    results: list[object] = [None] * n

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = work(i)  # type: ignore[operator]
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


@pytest.fixture
def hall(pg_server: str, clock: FixedClock, bundle: CatalogBundle, tmp_path: Path) -> Iterator[Services]:
    """The hall's shared database on PostgreSQL, with the bundled catalog."""
    svc = make_services(_fresh_pg_database(pg_server), clock, tmp_path / "hall-keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    yield svc
    svc.uow.engine.dispose()  # type: ignore[attr-defined]


def _url(services: Services) -> str:
    return services.uow.engine.url.render_as_string(hide_password=False)  # type: ignore[attr-defined]


@pytest.mark.postgres
def test_two_reviewers_claiming_one_item_exactly_one_wins(
    hall: Services, clock: FixedClock, tmp_path: Path
) -> None:
    services, db_url = hall, _url(hall)
    app = intake.submit(services, CLERK, enterprise(), ["SCJG-01"])
    app = intake.accept(services, CLERK, app.id)
    item = app.request_for("SCJG-01").id
    reviewers = [REVIEWER, Actor("reviewer2", Role.REVIEWER, APPROVAL_BUREAU)]
    counters = _counters(db_url, clock, tmp_path, 2)
    try:
        for _round in range(5):  # several rounds: a race lost by luck once is not proof
            results = _run_together(2, lambda i: review.claim(counters[i], reviewers[i], app.id, item))
            winners = [r for r in results if not isinstance(r, Exception)]
            losers = [r for r in results if isinstance(r, Exception)]
            assert len(winners) == 1, results
            assert len(losers) == 1 and isinstance(losers[0], DomainError)
            with services.uow() as uow:
                holder = uow.applications.get(app.id).requests[item].claimed_by
            assert holder in {"reviewer", "reviewer2"}
            # the loser is told who holds it
            assert holder in losers[0].message
            review.release(services, Actor(holder, Role.REVIEWER, APPROVAL_BUREAU), app.id, item)
    finally:
        _dispose(counters)


@pytest.mark.postgres
def test_concurrent_intake_at_many_counters_never_repeats_a_number(
    hall: Services, clock: FixedClock, tmp_path: Path
) -> None:
    db_url = _url(hall)
    counters = _counters(db_url, clock, tmp_path, COUNTERS)  # same window number: the worst case
    try:

        def intake_three(i: int) -> list[str]:
            return [intake.submit(counters[i], CLERK, enterprise(), ["SCJG-01"]).number for _ in range(3)]

        results = _run_together(COUNTERS, intake_three)
    finally:
        _dispose(counters)
    assert not [r for r in results if isinstance(r, Exception)], results
    numbers = [n for r in results for n in r]  # type: ignore[union-attr]
    assert len(numbers) == COUNTERS * 3
    assert len(set(numbers)) == len(numbers)
    assert sorted(int(n[-5:]) for n in numbers) == list(range(1, COUNTERS * 3 + 1))


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from db.agent_lock import SyncAgentLock
    from db.engine import make_engine
    url = sys.argv[1]
    lock = SyncAgentLock(make_engine(url), url)
    lock.acquire()
    print("held", flush=True)
    time.sleep(120)
    """
)


def _start_holder(url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, url], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def _acquire_soon(engine: Engine, url: str) -> SyncAgentLock:
    """The kernel / the server drop a dead process's lock promptly; allow a moment for it."""
    deadline = time.monotonic() + 15
    while True:
        lock = SyncAgentLock(engine, url)
        try:
            lock.acquire()
            return lock
        except AgentLockHeld:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_one_sync_agent_per_hall_and_the_lock_dies_with_its_process(db_url: str) -> None:
    make_engine(db_url).dispose()
    holder = _start_holder(db_url)
    engine = make_engine(db_url)
    try:
        second = SyncAgentLock(engine, db_url)
        with pytest.raises(AgentLockHeld, match="已有一个同步程序"):
            second.acquire()
        assert not second.held
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        if holder.stdout:
            holder.stdout.close()
    lock = _acquire_soon(engine, db_url)
    try:
        assert lock.held
        # and while this one holds it, yet another is refused
        with pytest.raises(AgentLockHeld):
            SyncAgentLock(engine, db_url).acquire()
    finally:
        lock.release()
    # released cleanly: free again
    again = _acquire_soon(engine, db_url)
    again.release()
    engine.dispose()
    if db_url.startswith("sqlite"):
        path = lock_file_for(db_url)
        assert path is not None and path.exists()  # a lock file, but no PID in it: nothing stale
        assert path.read_text() == ""
