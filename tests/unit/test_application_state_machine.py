"""Hypothesis state machine over a case: any sequence of actions, legal or not, keeps the log and
the state consistent — refused actions change nothing, replaying the log gives the same state,
and a decided item never changes again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from desktop.domain.applications import (
    Action,
    ActionKind,
    Application,
    Channel,
    PermitRequest,
    RequestState,
)
from desktop.domain.catalog import Matter, ReformMode
from desktop.domain.errors import DomainError

START = datetime(2026, 11, 26, 2, tzinfo=UTC)
MODES = [ReformMode.CANCEL, ReformMode.FILING, ReformMode.COMMITMENT, ReformMode.OPTIMIZE]
ACTORS = ["rev1", "rev2"]
# Every kind can be drawn; the ones that move a case forward are drawn more often.
KINDS = [
    *ActionKind,
    ActionKind.ACCEPT,
    ActionKind.ACCEPT,
    *[ActionKind.ROUTE] * 3,
    *[ActionKind.CLAIM] * 3,
    ActionKind.REQUEST_SUPPLEMENT,
    ActionKind.REQUEST_SUPPLEMENT,
    ActionKind.GRANT,
    ActionKind.RELEASE,
]


def _requests() -> list[PermitRequest]:
    return [
        PermitRequest.for_matter(
            f"r{i}",
            Matter(f"M{i}", f"事项{i}", "部门", "待核实", "县级", "审批局", mode, ftz_only=(i == 4)),
            False,
        )
        for i, mode in enumerate([*MODES, ReformMode.COMMITMENT])
    ]


class CaseMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.clock = START
        self.app = Application.submit(
            id="a",
            number="YC1",
            uscc="91310110666007217T",
            enterprise_name="某公司",
            catalog_version_id=1,
            channel=Channel.WINDOW,
            actor="clerk",
            at=self.clock,
            requests=_requests(),
        )
        self.finished: dict[str, RequestState] = {}

    @rule(
        kind=st.sampled_from(KINDS),
        item=st.sampled_from([None, None, "r3", "r3", "r3", "r2", "r4", "r0", "r1", "nope"]),
        actor=st.sampled_from(ACTORS),
        with_reason=st.sampled_from([True, True, True, False]),
    )
    def act(self, kind: ActionKind, item: str | None, actor: str, with_reason: bool) -> None:
        self.clock += timedelta(minutes=1)
        data: dict[str, object] = {}
        if with_reason:
            data = {
                "reason": "理由",
                "missing": ["材料"],
                "rule": "R",
                "rule_version": 1,
                "due": "2026-12-10",
            }
        before_log = list(self.app.actions)
        before_states = {k: r.state for k, r in self.app.requests.items()}
        before_status = self.app.status
        try:
            self.app.apply(Action(kind, actor, self.clock, item, data))
        except DomainError:
            assert self.app.actions == before_log
            assert {k: r.state for k, r in self.app.requests.items()} == before_states
            assert self.app.status == before_status
            return
        assert self.app.actions[:-1] == before_log and len(self.app.actions) == len(before_log) + 1

    @invariant()
    def replay_gives_the_same_state(self) -> None:
        twin = self.app.replayed(len(self.app.actions))
        assert twin.status == self.app.status
        assert {k: (r.state, r.claimed_by, r.due) for k, r in twin.requests.items()} == {
            k: (r.state, r.claimed_by, r.due) for k, r in self.app.requests.items()
        }

    @invariant()
    def decided_items_never_change(self) -> None:
        for key, request in self.app.requests.items():
            if key in self.finished:
                assert request.state == self.finished[key]
            elif request.state.finished:
                self.finished[key] = request.state

    @invariant()
    def a_claimed_item_has_a_holder_and_an_open_one_has_none(self) -> None:
        for request in self.app.requests.values():
            if request.state is RequestState.CLAIMED:
                assert request.claimed_by is not None
            if request.state in (RequestState.PENDING, RequestState.IN_REVIEW):
                assert request.claimed_by is None


CaseMachine.TestCase.settings = settings(max_examples=300, stateful_step_count=30, deadline=None)
TestCaseMachine = CaseMachine.TestCase
