"""Sync under a misbehaving network and sudden death: nothing lost, nothing duplicated.

Everything is real: the counter's services on SQLite, the sync engine and client, a TCP proxy
that drops, delays, resets, truncates, duplicates and swallows replies (tests/support/
fault_proxy.py), and the central platform on uvicorn with its own database. Each randomized run
writes some outbox events (real intake commands for a share of them), sometimes makes one of them
conflict on the server (another device's event under the same id) and publishes users or a
calendar, runs sync passes through a seeded fault profile, then one pass without faults, and checks:

- after every faulty pass: no outbox row is ``sent`` unless the server holds it with that exact
  payload; feed cursors never go back;
- after the fault-free pass: every row ``sent`` (or ``needs_attention`` exactly where a conflict was
  injected), the server holds exactly the counter's event ids with byte-identical payloads, it
  learned nothing twice (审管联动 items), and every feed's cursor and the users it carries are
  the server's.

The power-cut trials kill a sync worker process (tests/support/sync_child.py) with SIGKILL at
random moments — before a batch is sent, while the server stores it, while the counter records
the reply — and then check the same invariants, including after a clean pass in this process.

``make soak`` runs the long variants (ONEWINDOW_SOAK_RUNS runs, default 3000).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.services.catalog import CatalogBundle
from sync.client import CentralClient
from sync.errors import SyncError
from sync.protocol import Feed
from tests.conftest import AUDIT_KEY
from tests.integration.sync import harness as h
from tests.support.central import CentralHandle, running_central
from tests.support.fault_proxy import NO_FAULTS, Fault, FaultProxy

RUNS_PER_BLOCK = 50
BLOCKS = 10  # 500 runs in the normal suite
KILL_TRIALS_PER_BLOCK = 10
KILL_BLOCKS = 2  # 20 power-cut trials in the normal suite
CHILD = Path(__file__).resolve().parents[2] / "support" / "sync_child.py"
FAULTS = [f for f in Fault if f is not Fault.PASS]
HEALED_TIMEOUT = 10.0
CLIENT_TIMEOUT = 0.2  # the proxy's DELAY (0–0.3 s) outlasts it now and then
# Users and calendars are what the runs publish; one of the other (empty) feeds rides along. (A
# request costs the reference server ~6 ms: pulling all seven feeds every pass would double the time.)
PUBLISHED_FEEDS = (Feed.USERS, Feed.CALENDAR)
QUIET_FEEDS = [f for f in Feed if f not in PUBLISHED_FEEDS]


@dataclass
class World:
    central: CentralHandle
    counter: h.Counter
    proxy: FaultProxy
    token: str
    other_device: CentralClient  # a second counter, for injected conflicts
    ledger: h.Ledger


@contextmanager
def make_world(folder: Path, bundle: CatalogBundle) -> Iterator[World]:
    """A platform, an enrolled counter with its own database, and a fault proxy between them."""
    (folder / "central").mkdir(parents=True)
    with running_central(folder / "central") as central:
        counter = h.make_counter(folder / "counter", bundle)
        token = h.enrol(central)
        other = CentralClient(central.base_url, h.enrol(central, name="二号窗口"), sleep=h.no_sleep)
        port = int(central.base_url.rsplit(":", 1)[1])
        try:
            with FaultProxy(("127.0.0.1", port), delay=(0.0, 0.3)) as proxy:
                yield World(central, counter, proxy, token, other, h.Ledger())
        finally:
            other.close()
            counter.dispose()


@pytest.fixture
def world(tmp_path: Path, bundle: CatalogBundle) -> Iterator[World]:
    with make_world(tmp_path, bundle) as w:
        yield w


def fault_profile(rng: random.Random) -> dict[Fault, float]:
    rate = rng.choice([0.0, 0.1, 0.3, 0.6])
    shares = [rng.random() for _ in FAULTS]
    total = sum(shares)
    return {Fault.PASS: 1.0 - rate, **{f: rate * s / total for f, s in zip(FAULTS, shares, strict=True)}}


def one_run(world: World, rng: random.Random) -> None:
    counter, central, proxy = world.counter, world.central, world.proxy
    # Local work: outbox rows through the services, a real intake now and then.
    new = h.emit_events(counter, rng.randint(0, 10), rng)
    if rng.random() < 0.15:
        h.accept_a_case(counter)
    if new and rng.random() < 0.08:
        forged = h.conflicting_copy(counter, rng.choice(new))
        assert world.other_device.push([forged]).results[0].status == 201
        world.ledger.conflicts.add(forged.id)
    # The platform publishes meanwhile.
    if rng.random() < 0.25:
        h.publish_user(central, rng)
    if rng.random() < 0.03:
        h.publish_calendar(central, rng)
    # Passes through the faults: whatever happens, the engine reports and never raises.
    proxy.set_faults(fault_profile(rng))
    batch, page = rng.choice([1, 3, 10, 200]), rng.choice([1, 2, 200])
    client = CentralClient(
        proxy.url,
        world.token,
        timeout=CLIENT_TIMEOUT,
        retries=rng.choice([1, 2, 3]),
        sleep=h.no_sleep,
        rng=random.Random(rng.random()),
    )
    with client:
        feeds = [*PUBLISHED_FEEDS, rng.choice(QUIET_FEEDS)]
        engine = h.engine_for(counter, client, batch_size=batch, page_size=page, feeds=feeds)
        for _ in range(rng.randint(1, 2)):
            engine.run_once()
            h.check_sent_rows_are_on_the_server(counter, central)
            h.check_cursors_move_forward(counter, world.ledger)
        # The network heals: one pass sends everything and catches up on every feed. (A client of
        # its own: the faulty passes' 0.2 s timeout with a single try would turn a slow moment of
        # a loaded machine into a "fault" after the network healed.)
        proxy.set_faults(NO_FAULTS)
    with CentralClient(proxy.url, world.token, timeout=HEALED_TIMEOUT, retries=3, sleep=h.no_sleep) as healed:
        engine = h.engine_for(counter, healed, batch_size=batch, page_size=page, feeds=feeds)
        report = engine.run_once()
    assert report.ok, report
    assert report.pending == 0 and report.online
    h.check_converged(counter, central, world.ledger)


def run_block(world: World, seed: int, runs: int) -> None:
    for n in range(runs):
        run_seed = seed * 100_000 + n
        try:
            one_run(world, random.Random(run_seed))
        except (AssertionError, SyncError) as exc:
            raise AssertionError(f"run seed {run_seed} failed: {exc!r}") from exc
    h.check_users_match(world.counter, world.central)
    assert sum(world.proxy.counts[f] for f in FAULTS) > 0  # the faults did happen


@pytest.mark.parametrize("block", range(BLOCKS))
def test_randomized_faults_lose_and_duplicate_nothing(world: World, block: int) -> None:
    run_block(world, block, RUNS_PER_BLOCK)


# ---------------------------------------------------------------------------- power cuts
def read_lines(proc: subprocess.Popen[bytes], deadline: float) -> Iterator[str]:
    """The child's stdout, line by line, until it ends or the deadline passes."""
    assert proc.stdout is not None
    fd, buffer = proc.stdout.fileno(), b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            return
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            yield line.decode()
    raise AssertionError("the sync child did not finish in time")


def kill_trial(world: World, rng: random.Random) -> str:
    """Start a sync worker, SIGKILL it at a random moment; what it was doing when it died."""
    counter, central = world.counter, world.central
    h.emit_events(counter, rng.randint(10, 60), rng)
    if rng.random() < 0.3:
        h.accept_a_case(counter)
    if rng.random() < 0.3:
        h.publish_user(central, rng)
    env = {
        **os.environ,
        "ONEWINDOW_SYNC_TOKEN": world.token,
        "ONEWINDOW_AUDIT_KEY": AUDIT_KEY.hex(),
    }
    trigger = rng.choice(["push", "pushed", "pull", "pulled"])
    occurrence = rng.randint(1, 4)
    pause = rng.choice([0.0, rng.uniform(0, 0.005), rng.uniform(0, 0.03)])
    args = [sys.executable, str(CHILD), counter.url, central.base_url, str(rng.randint(2, 12)), "3"]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen, moment = 0, "finished"
    try:
        for line in read_lines(proc, time.monotonic() + 60):
            if line.split(" ", 1)[0] == trigger:
                seen += 1
                if seen == occurrence:
                    time.sleep(pause)
                    proc.send_signal(signal.SIGKILL)
                    moment = f"after {trigger} #{occurrence} + {pause * 1000:.1f} ms"
                    break
    finally:
        if proc.poll() is None and moment == "finished":
            proc.kill()
        _, err = proc.communicate(timeout=30)
    if moment == "finished":
        assert proc.returncode == 0, err.decode()[-2000:]
    else:
        assert proc.returncode == -signal.SIGKILL
    return moment


@dataclass
class AfterKill:
    in_flight: int  # rows the dead worker had taken and not settled
    unacknowledged: int  # rows the server stored that the counter does not know are sent


def check_after_kill(world: World) -> AfterKill:
    counter, central = world.counter, world.central
    with counter.services.uow.engine.connect() as conn:  # type: ignore[attr-defined]
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    h.check_sent_rows_are_on_the_server(counter, central)
    local, stored = h.outbox(counter), h.server_events(central)
    state = AfterKill(
        in_flight=sum(status == "in_flight" for _, _, status in local.values()),
        unacknowledged=sum(status != "sent" and i in stored for i, (_, _, status) in local.items()),
    )
    h.check_cursors_move_forward(counter, world.ledger)
    # A clean pass in this process (it finds rows left in flight and requeues them) drains all.
    with CentralClient(central.base_url, world.token, sleep=h.no_sleep) as client:
        report = h.engine_for(counter, client, batch_size=50).run_once()
    assert report.ok and report.pending == 0, report
    h.check_converged(counter, central, world.ledger)
    return state


def run_kill_block(world: World, seed: int, trials: int) -> list[tuple[str, AfterKill]]:
    outcomes = []
    for n in range(trials):
        trial_seed = 7_000_000 + seed * 1000 + n
        moment = kill_trial(world, random.Random(trial_seed))
        try:
            outcomes.append((moment, check_after_kill(world)))
        except AssertionError as exc:
            raise AssertionError(f"trial seed {trial_seed} ({moment}) failed: {exc}") from exc
    h.check_users_match(world.counter, world.central)
    return outcomes


@pytest.mark.parametrize("block", range(KILL_BLOCKS))
def test_sigkill_mid_sync_loses_and_duplicates_nothing(world: World, block: int) -> None:
    outcomes = run_kill_block(world, block, KILL_TRIALS_PER_BLOCK)
    for moment, state in outcomes:
        print(f"killed {moment}: {state.in_flight} in flight, {state.unacknowledged} stored unacknowledged")
    assert sum(m != "finished" for m, _ in outcomes) >= KILL_TRIALS_PER_BLOCK // 2  # mostly real kills
    # The interesting deaths happened: mid-batch (rows left in flight for the next pass to requeue).
    assert any(state.in_flight for _, state in outcomes)


# ---------------------------------------------------------------------------- soak (make soak)
SOAK_RUNS = int(os.environ.get("ONEWINDOW_SOAK_RUNS", "3000"))


@pytest.mark.soak
@pytest.mark.timeout(0)
def test_soak_randomized_faults(tmp_path: Path, bundle: CatalogBundle) -> None:
    block_size = 250  # a fresh server and counter every 250 runs keeps each database small
    for block in range((SOAK_RUNS + block_size - 1) // block_size):
        runs = min(block_size, SOAK_RUNS - block * block_size)
        with make_world(tmp_path / f"block{block}", bundle) as world:
            run_block(world, 1000 + block, runs)
        print(f"soak: {min(SOAK_RUNS, (block + 1) * block_size)} / {SOAK_RUNS} runs", flush=True)


@pytest.mark.soak
@pytest.mark.timeout(0)
def test_soak_sigkill(tmp_path: Path, bundle: CatalogBundle) -> None:
    trials = max(20, SOAK_RUNS // 15)
    block_size = 50
    for block in range((trials + block_size - 1) // block_size):
        n = min(block_size, trials - block * block_size)
        with make_world(tmp_path / f"block{block}", bundle) as world:
            run_kill_block(world, 100 + block, n)
        print(f"soak: {min(trials, (block + 1) * block_size)} / {trials} power cuts", flush=True)
