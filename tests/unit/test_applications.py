"""The case as an append-only action log; illegal transitions refused with a clear message."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.domain.applications import (
    Action,
    ActionKind,
    Application,
    ApplicationStatus,
    Channel,
    PermitRequest,
    RequestState,
)
from desktop.domain.catalog import Matter, ReformMode
from desktop.domain.errors import DomainError, IllegalTransition

AT = datetime(2026, 11, 26, 2, tzinfo=UTC)


def matter(code: str, mode: ReformMode, ftz_only: bool = False) -> Matter:
    return Matter(
        code,
        f"事项{code}",
        "县市场监督管理局",
        "待核实",
        "县级",
        "行政审批服务管理局",
        mode,
        ftz_only=ftz_only,
    )


def new_case(*modes: ReformMode, in_ftz: bool = False, ftz_only: bool = False) -> Application:
    requests = [
        PermitRequest.for_matter(f"r{i}", matter(f"M{i}", m, ftz_only), in_ftz) for i, m in enumerate(modes)
    ]
    return Application.submit(
        id="a1",
        number="YC1",
        uscc="91310110666007217T",
        enterprise_name="某公司",
        catalog_version_id=1,
        channel=Channel.WINDOW,
        actor="clerk",
        at=AT,
        requests=requests,
        in_ftz=in_ftz,
    )


def act(
    app: Application, kind: ActionKind, request: str | None = None, actor: str = "clerk", **data: object
) -> None:
    app.apply(Action(kind, actor, AT, request, data))


def test_case_with_no_matter_is_operate_on_registration_not_a_case() -> None:
    with pytest.raises(DomainError, match="准入即营"):
        new_case()


def test_mode_specific_intake_actions() -> None:
    app = new_case(ReformMode.CANCEL, ReformMode.FILING, ReformMode.COMMITMENT, ReformMode.OPTIMIZE)
    with pytest.raises(IllegalTransition, match="待受理"):
        act(app, ActionKind.FILE, "r1")  # not accepted yet
    act(app, ActionKind.ACCEPT)
    with pytest.raises(IllegalTransition, match="改革方式为“审批改为备案”"):
        act(app, ActionKind.GRANT_ON_COMMITMENT, "r1")
    with pytest.raises(IllegalTransition, match="改革方式为“直接取消审批”"):
        act(app, ActionKind.ROUTE, "r0")
    act(app, ActionKind.RECORD_CANCELLED, "r0")
    act(app, ActionKind.FILE, "r1")
    act(app, ActionKind.GRANT_ON_COMMITMENT, "r2")
    act(app, ActionKind.ROUTE, "r3", due="2026-12-10", due_provisional=False)
    assert app.status is ApplicationStatus.IN_PROGRESS
    assert [r.state for r in app.requests.values()] == [
        RequestState.RECORDED,
        RequestState.FILED,
        RequestState.GRANTED,
        RequestState.IN_REVIEW,
    ]
    with pytest.raises(IllegalTransition, match="当前状态为“已备案”"):
        act(app, ActionKind.FILE, "r1")


def test_review_claim_lock_and_decisions() -> None:
    app = new_case(ReformMode.OPTIMIZE)
    act(app, ActionKind.ACCEPT)
    act(app, ActionKind.ROUTE, "r0")
    act(app, ActionKind.CLAIM, "r0", actor="rev1")
    with pytest.raises(IllegalTransition, match="已由 rev1 认领"):
        act(app, ActionKind.GRANT, "r0", actor="rev2")
    with pytest.raises(IllegalTransition):
        act(app, ActionKind.CLAIM, "r0", actor="rev2")
    act(app, ActionKind.REQUEST_SUPPLEMENT, "r0", actor="rev1", missing=["平面图"])
    assert app.requests["r0"].state is RequestState.AWAITING_SUPPLEMENT
    act(app, ActionKind.RECEIVE_SUPPLEMENT, "r0")
    assert app.requests["r0"].claimed_by is None
    act(app, ActionKind.CLAIM, "r0", actor="rev2")
    with pytest.raises(DomainError, match="理由"):
        act(app, ActionKind.DENY, "r0", actor="rev2")
    act(app, ActionKind.DENY, "r0", actor="rev2", reason="场所不符合要求")
    assert app.status is ApplicationStatus.DECIDED
    act(app, ActionKind.ISSUE, actor="issuer")
    act(app, ActionKind.DELIVER, actor="issuer")
    assert app.status is ApplicationStatus.DELIVERED
    with pytest.raises(IllegalTransition):
        act(app, ActionKind.REFUSE, reason="x")


def test_state_is_derived_by_replaying_the_log() -> None:
    app = new_case(ReformMode.OPTIMIZE, ReformMode.FILING)
    act(app, ActionKind.ACCEPT)
    act(app, ActionKind.ROUTE, "r0", due="2026-12-10")
    act(app, ActionKind.FILE, "r1")
    act(app, ActionKind.CLAIM, "r0", actor="rev")
    twin = Application(
        id=app.id,
        number=app.number,
        uscc=app.uscc,
        enterprise_name=app.enterprise_name,
        catalog_version_id=1,
        channel=Channel.WINDOW,
        first_responder="clerk",
        requests={
            k: PermitRequest(r.id, r.matter_code, r.matter_name, r.mode, r.department, r.competent_department)
            for k, r in app.requests.items()
        },
    )
    twin.replay(app.actions)
    assert twin.status == app.status
    assert twin.requests == app.requests
    assert twin.actions == app.actions


def test_intake_supplement_and_refusal() -> None:
    app = new_case(ReformMode.OPTIMIZE)
    act(app, ActionKind.REQUEST_SUPPLEMENT_AT_INTAKE, missing=["身份证明", "场所证明"])
    assert app.missing_materials == ("身份证明", "场所证明")
    with pytest.raises(IllegalTransition, match="等待补正"):
        act(app, ActionKind.ACCEPT)
    act(app, ActionKind.RECEIVE_SUPPLEMENT_AT_INTAKE)
    act(app, ActionKind.REFUSE, reason="不属于受理范围")
    assert app.status is ApplicationStatus.REFUSED
    with pytest.raises(IllegalTransition, match="不予受理"):
        act(app, ActionKind.ACCEPT)


def test_ftz_only_matter_outside_a_zone_must_be_routed() -> None:
    app = new_case(ReformMode.COMMITMENT, ftz_only=True)
    act(app, ActionKind.ACCEPT)
    assert app.requests["r0"].old_procedure
    with pytest.raises(IllegalTransition, match="按原规定办理"):
        act(app, ActionKind.GRANT_ON_COMMITMENT, "r0")
    act(app, ActionKind.ROUTE, "r0")
    inside = new_case(ReformMode.COMMITMENT, ftz_only=True, in_ftz=True)
    assert not inside.requests["r0"].old_procedure


def test_unknown_item_is_refused() -> None:
    app = new_case(ReformMode.OPTIMIZE)
    act(app, ActionKind.ACCEPT)
    with pytest.raises(IllegalTransition, match="没有事项"):
        act(app, ActionKind.ROUTE, "nope")


def test_the_case_as_accepted_is_replayed_from_the_log() -> None:
    app = new_case(ReformMode.OPTIMIZE, ReformMode.FILING)
    assert app.as_accepted() is None
    act(app, ActionKind.ACCEPT)
    act(app, ActionKind.ROUTE, "r0", due="2026-12-10")
    act(app, ActionKind.FILE, "r1")
    act(app, ActionKind.CLAIM, "r0", actor="rev")
    act(app, ActionKind.GRANT, "r0", actor="rev")
    assert app.requests["r0"].state is RequestState.GRANTED
    then = app.as_accepted()
    assert then is not None
    assert (
        then.requests["r0"].state is RequestState.IN_REVIEW
        and then.requests["r1"].state is RequestState.FILED
    )
    assert app.requests["r0"].state is RequestState.GRANTED  # the case itself is untouched
