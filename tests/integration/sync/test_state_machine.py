"""Sync as a state machine: hypothesis interleaves counter work (real intake commands, outbox
events), sync passes, network faults, the platform going down and coming back, injected
conflicts and the platform's publications — and checks after every step that no ``sent`` row is
missing on the server and no cursor went back, and at the end (after a fault-free pass) that
nothing was lost or duplicated and the feeds caught up."""

from __future__ import annotations

import random
from contextlib import ExitStack
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from desktop.services.catalog import CatalogBundle
from sync.client import CentralClient
from tests.integration.sync import harness as h
from tests.support.central import CentralHandle, running_central
from tests.support.fault_proxy import NO_FAULTS, Fault, FaultProxy

PROFILES: dict[str, dict[Fault, float]] = {
    "none": dict(NO_FAULTS),
    "flaky": {Fault.PASS: 6, Fault.RESET: 1, Fault.TRUNCATE: 1, Fault.CLOSE_AFTER_REQUEST: 1},
    "duplicating": {Fault.PASS: 2, Fault.DUPLICATE: 2, Fault.DELAY: 1},
    "hostile": {f: 1.0 for f in Fault},
    "down": {Fault.DROP: 1},
}


class SyncMachine(RuleBasedStateMachine):
    def __init__(self, folder: Path, bundle: CatalogBundle) -> None:
        super().__init__()
        self.folder = folder
        self.stack = ExitStack()  # the counter, the proxy
        self.server_stack = ExitStack()  # the platform while it runs
        (folder / "central").mkdir()
        self.central: CentralHandle | None = self.server_stack.enter_context(
            running_central(folder / "central")
        )
        self.db_url = self.central.db_url
        self.counter = h.make_counter(folder / "counter", bundle)
        self.stack.callback(self.counter.dispose)
        self.token = h.enrol(self.central)
        self.other_token = h.enrol(self.central, name="二号窗口")
        self.proxy = FaultProxy(self._upstream(), seed=0, delay=(0.0, 0.4))
        self.stack.callback(self.proxy.stop)
        self.ledger = h.Ledger()
        self.proxy_profile = "none"

    def _upstream(self) -> tuple[str, int]:
        assert self.central is not None
        return ("127.0.0.1", int(self.central.base_url.rsplit(":", 1)[1]))

    # ------------------------------------------------------------------ counter work
    @rule(n=st.integers(1, 8), seed=st.integers(0, 2**16))
    def write_events(self, n: int, seed: int) -> None:
        h.emit_events(self.counter, n, random.Random(seed))

    @rule()
    def accept_a_case(self) -> None:
        h.accept_a_case(self.counter)

    # ------------------------------------------------------------------ sync
    @rule(
        batch=st.sampled_from([1, 4, 200]),
        page=st.sampled_from([1, 200]),
        retries=st.integers(1, 3),
    )
    def sync_pass(self, batch: int, page: int, retries: int) -> None:
        with CentralClient(self.proxy.url, self.token, timeout=0.25, retries=retries, sleep=h.no_sleep) as c:
            report = h.engine_for(self.counter, c, batch_size=batch, page_size=page).run_once()
        if self.central is not None and self.proxy_profile == "none":
            assert report.ok and report.pending == 0, report

    @rule(profile=st.sampled_from(sorted(PROFILES)), seed=st.integers(0, 2**16))
    def network(self, profile: str, seed: int) -> None:
        self.proxy.reseed(seed)
        self.proxy.set_faults(PROFILES[profile])
        self.proxy_profile = profile

    # ------------------------------------------------------------------ the platform
    @precondition(lambda self: self.central is not None)
    @rule()
    def stop_platform(self) -> None:
        self.server_stack.close()
        self.central = None

    @precondition(lambda self: self.central is None)
    @rule()
    def start_platform(self) -> None:
        self._start()

    def _start(self) -> None:
        self.central = self.server_stack.enter_context(running_central(self.folder / "central", self.db_url))
        self.proxy.upstream = self._upstream()

    @precondition(lambda self: self.central is not None)
    @rule(seed=st.integers(0, 2**16))
    def publish_user(self, seed: int) -> None:
        assert self.central is not None
        h.publish_user(self.central, random.Random(seed))

    @precondition(lambda self: self.central is not None)
    @rule()
    def conflict(self) -> None:
        """Another device's different event reaches the platform first under one of our ids."""
        assert self.central is not None
        pending = [
            i
            for i, (_, _, s) in h.outbox(self.counter).items()
            if s == "pending" and i not in self.ledger.conflicts
        ]
        if not pending:
            return
        forged = h.conflicting_copy(self.counter, pending[-1])
        with CentralClient(self.central.base_url, self.other_token) as other:
            status = other.push([forged]).results[0].status
        # 409: our own version got there first (sent, but the reply was lost): no conflict made.
        assert status in (201, 409)
        if status == 201:
            self.ledger.conflicts.add(forged.id)

    # ------------------------------------------------------------------ invariants
    @invariant()
    def sent_rows_are_on_the_server(self) -> None:
        h.check_sent_rows_are_on_the_server(self.counter, self._handle())

    @invariant()
    def cursors_never_go_back(self) -> None:
        h.check_cursors_move_forward(self.counter, self.ledger)

    def _handle(self) -> CentralHandle:
        """The platform's database, readable whether or not it is serving."""
        return self.central or CentralHandle("", self.db_url, "")

    def teardown(self) -> None:
        try:
            if self.central is None:
                self._start()
            assert self.central is not None
            self.proxy.set_faults(NO_FAULTS)
            with CentralClient(self.proxy.url, self.token, sleep=h.no_sleep) as client:
                report = h.engine_for(self.counter, client).run_once()
            assert report.ok and report.pending == 0, report
            h.check_converged(self.counter, self.central, self.ledger)
            h.check_users_match(self.counter, self.central)
        finally:
            self.server_stack.close()
            self.stack.close()


def test_sync_state_machine(tmp_path_factory: pytest.TempPathFactory, bundle: CatalogBundle) -> None:
    run_state_machine_as_test(
        lambda: SyncMachine(tmp_path_factory.mktemp("machine"), bundle),  # type: ignore[arg-type]
        settings=settings(
            max_examples=25,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
