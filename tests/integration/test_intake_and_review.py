"""Intake and review through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from db.models import AuditRow, OutboxRow
from desktop.domain.applications import ApplicationStatus, RequestState
from desktop.domain.errors import DomainError, IllegalTransition, NeedsOverride, PermissionDenied
from desktop.services import intake, review
from desktop.services.base import Services
from tests.support.factories import (
    AUDITOR,
    BAD_CHECKSUM_USCC,
    CLERK,
    FIRE_REVIEWER,
    HALL_ADMIN,
    REVIEWER,
    enterprise,
    rows,
)

# 便利店-like mix: OPTIMIZE (食品经营, 烟草), FILING (预包装食品), COMMITMENT (消防), CANCEL (养老机构设立)
MIX = ["SCJG-01", "SCJG-02", "XF-01", "MZ-01"]


def _audit(services: Services) -> list[AuditRow]:
    return rows(services, AuditRow, AuditRow.seq)


def _outbox(services: Services) -> list[OutboxRow]:
    return rows(services, OutboxRow, OutboxRow.created_at)


def test_each_reform_mode_takes_its_own_way_at_acceptance(services: Services) -> None:
    app = intake.submit(services, CLERK, enterprise(), MIX)
    assert app.status is ApplicationStatus.RECEIVED
    assert app.first_responder == "clerk"
    app = intake.accept(services, CLERK, app.id, committed={"XF-01"})
    states = {r.matter_code: r.state for r in app.requests.values()}
    assert states == {
        "SCJG-01": RequestState.IN_REVIEW,
        "SCJG-02": RequestState.FILED,
        "XF-01": RequestState.GRANTED,
        "MZ-01": RequestState.RECORDED,
    }
    food = app.request_for("SCJG-01")
    # accepted Thursday 2026-11-26; 10 working days later (day of acceptance not counted)
    assert food.due is not None and food.due.isoformat() == "2026-12-10"
    assert food.due_provisional is False
    # the stored case reads back identically from its action log
    with services.uow() as uow:
        stored = uow.applications.get(app.id)
    assert {r.matter_code: r.state for r in stored.requests.values()} == states
    assert stored.request_for("SCJG-01").due == food.due


def test_commitment_declined_by_applicant_goes_to_ordinary_review(services: Services) -> None:
    app = intake.submit(services, CLERK, enterprise(), ["XF-01"])
    app = intake.accept(services, CLERK, app.id, committed=())
    assert app.request_for("XF-01").state is RequestState.IN_REVIEW


def test_every_decision_is_queued_for_the_central_platform_with_its_audit_record(services: Services) -> None:
    app = intake.submit(services, CLERK, enterprise(), MIX)
    intake.accept(services, CLERK, app.id, committed={"XF-01"})
    kinds = [row.kind for row in _outbox(services)]
    assert sorted(kinds) == sorted(
        [
            "PermitRequestRouted",
            "FilingCompleted",
            "PermitGrantedOnCommitment",
            "CancelledMatterRecorded",
            "ApplicationAccepted",
        ]
    )
    cancelled = next(r for r in _outbox(services) if r.kind == "CancelledMatterRecorded")
    assert json.loads(cancelled.payload)["competent_department"] == "县民政局"
    actions = [(r.actor, r.action, r.result) for r in _audit(services)]
    assert ("clerk", "intake.accept", "ok") in actions


def test_wrong_check_character_needs_a_supervisor_override_with_reason(services: Services) -> None:
    with pytest.raises(NeedsOverride, match="校验位"):
        intake.submit(services, CLERK, enterprise(BAD_CHECKSUM_USCC), ["SCJG-01"])
    # a clerk may not override
    with pytest.raises(PermissionDenied):
        intake.override_uscc_warning(services, CLERK, BAD_CHECKSUM_USCC, "营业执照原件核对无误")
    # a reason is required
    with pytest.raises(DomainError, match="理由"):
        intake.override_uscc_warning(services, HALL_ADMIN, BAD_CHECKSUM_USCC, " ")
    intake.override_uscc_warning(
        services, HALL_ADMIN, " 91350100m0001tgqxm ", "营业执照原件核对无误，早期赋码"
    )
    app = intake.submit(services, CLERK, enterprise(BAD_CHECKSUM_USCC), ["SCJG-01"])
    assert app.uscc == BAD_CHECKSUM_USCC
    records = [(r.actor, r.action, r.target, r.result) for r in _audit(services)]
    assert ("halladmin", "intake.override_uscc", BAD_CHECKSUM_USCC, "ok") in records
    override = next(r for r in _audit(services) if r.action == "intake.override_uscc" and r.result == "ok")
    assert "早期赋码" in override.detail
    refused = [r for r in records if r[1] == "intake.override_uscc" and r[3].startswith("refused")]
    assert len(refused) == 2  # the clerk's attempt and the one without a reason


def test_malformed_uscc_is_a_hard_error_not_overridable(services: Services) -> None:
    with pytest.raises(DomainError, match="18位"):
        intake.submit(services, CLERK, enterprise("91310110666007217"), ["SCJG-01"])
    with pytest.raises(DomainError, match="格式错误"):
        intake.override_uscc_warning(services, HALL_ADMIN, "9131011066600721IT", "理由写得足够长")


def test_reviewer_decides_only_own_department_and_only_after_claiming(services: Services) -> None:
    app = intake.accept(
        services, CLERK, intake.submit(services, CLERK, enterprise(), ["SCJG-01", "XF-01"]).id
    )
    # the fire brigade reviewer cannot touch the approval bureau's item
    with pytest.raises(PermissionDenied, match="行政审批服务管理局"):
        review.claim(services, FIRE_REVIEWER, app.id, "SCJG-01")
    # deciding without claiming is an illegal transition
    with pytest.raises(IllegalTransition, match="不能执行“准予许可”"):
        review.grant(services, REVIEWER, app.id, "SCJG-01")
    review.claim(services, REVIEWER, app.id, "SCJG-01")
    # another reviewer of the same department sees who holds it
    other = type(REVIEWER)("reviewer2", REVIEWER.role, REVIEWER.department)
    with pytest.raises(IllegalTransition, match="已由 reviewer 认领"):
        review.grant(services, other, app.id, "SCJG-01")
    with pytest.raises(DomainError, match="理由"):
        review.deny(services, REVIEWER, app.id, "SCJG-01", "  ")
    app = review.grant(services, REVIEWER, app.id, "SCJG-01")
    assert app.request_for("SCJG-01").state is RequestState.GRANTED
    assert app.status is ApplicationStatus.IN_PROGRESS  # the fire item is still open
    review.claim(services, FIRE_REVIEWER, app.id, "XF-01")
    app = review.deny(services, FIRE_REVIEWER, app.id, "XF-01", "疏散通道宽度不足")
    assert app.status is ApplicationStatus.DECIDED
    assert any(r.kind == "PermitDenied" for r in _outbox(services))


def test_clerk_cannot_grant_and_auditor_changes_nothing(services: Services) -> None:
    app = intake.accept(services, CLERK, intake.submit(services, CLERK, enterprise(), ["SCJG-01"]).id)
    before = len(_outbox(services))
    with pytest.raises(PermissionDenied):
        review.claim(services, CLERK, app.id, "SCJG-01")
    with pytest.raises(PermissionDenied):
        review.grant(services, CLERK, app.id, "SCJG-01")
    for attempt in (
        lambda: intake.submit(services, AUDITOR, enterprise(), ["SCJG-01"]),
        lambda: intake.refuse(services, AUDITOR, app.id, "不符合条件"),
        lambda: review.claim(services, AUDITOR, app.id, "SCJG-01"),
        lambda: intake.override_uscc_warning(services, AUDITOR, BAD_CHECKSUM_USCC, "理由写得足够长"),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    with services.uow() as uow:
        assert uow.applications.get(app.id).request_for("SCJG-01").state is RequestState.IN_REVIEW
    assert len(_outbox(services)) == before
    assert sum(1 for r in _audit(services) if r.actor == "auditor" and r.result.startswith("refused")) == 4


def test_free_trade_zone_only_matter_follows_the_old_procedure_outside_a_zone(services: Services) -> None:
    outside = intake.accept(
        services, CLERK, intake.submit(services, CLERK, enterprise(), ["GA-02"]).id, committed={"GA-02"}
    )
    request = outside.request_for("GA-02")
    assert request.old_procedure is True
    assert request.state is RequestState.IN_REVIEW  # routed, not decided on the spot
    inside = intake.accept(
        services,
        CLERK,
        intake.submit(services, CLERK, enterprise(in_ftz=True), ["GA-02"]).id,
        committed={"GA-02"},
    )
    assert inside.request_for("GA-02").state is RequestState.GRANTED


def test_supplement_lists_everything_once_and_refusal_needs_a_reason(services: Services) -> None:
    app = intake.submit(services, CLERK, enterprise(), ["SCJG-01"])
    with pytest.raises(DomainError, match="一次性列明"):
        intake.request_supplement(services, CLERK, app.id, [])
    app = intake.request_supplement(services, CLERK, app.id, ["经营场所使用证明", "食品安全管理制度"])
    assert app.status is ApplicationStatus.SUPPLEMENT_PENDING
    with pytest.raises(IllegalTransition, match="补正"):
        intake.accept(services, CLERK, app.id)
    with pytest.raises(DomainError, match="理由"):
        intake.refuse(services, CLERK, app.id, "")
    app = intake.refuse(services, CLERK, app.id, "申请事项不属于本机关职权范围")
    assert app.status is ApplicationStatus.REFUSED
    with services.uow() as uow:
        assert uow.applications.get(app.number).refusal_reason == "申请事项不属于本机关职权范围"


def test_a_failed_command_leaves_no_outbox_row_and_no_partial_case(services: Services) -> None:
    before_outbox = len(_outbox(services))
    with pytest.raises(DomainError):
        intake.submit(services, CLERK, enterprise(), ["SCJG-01", "NO-SUCH"])
    assert len(_outbox(services)) == before_outbox
    with services.uow() as uow:
        assert uow.enterprises.get(enterprise().uscc) is None  # rolled back with the rest


def test_a_declined_commitment_gets_the_statutory_review_limit(services: Services) -> None:
    app = intake.accept(
        services, CLERK, intake.submit(services, CLERK, enterprise(), ["XF-01"]).id, committed=()
    )
    fire = app.request_for("XF-01")
    # decided on the spot when committed (limit 0); reviewed in 20 working days when declined
    assert fire.state is RequestState.IN_REVIEW and fire.due is not None
    assert fire.due.isoformat() == "2026-12-24"


def test_supplement_round_trips_at_intake_and_in_review(services: Services) -> None:
    app = intake.submit(services, CLERK, enterprise(), ["SCJG-01"])
    intake.request_supplement(services, CLERK, app.id, ["经营场所使用证明"])
    app = intake.receive_supplement(services, CLERK, app.id)
    assert app.status is ApplicationStatus.RECEIVED and app.missing_materials == ()
    app = intake.accept(services, CLERK, app.id)
    review.claim(services, REVIEWER, app.id, "SCJG-01")
    app = review.request_supplement(services, REVIEWER, app.id, "SCJG-01", ["食品安全管理制度"])
    assert app.request_for("SCJG-01").state is RequestState.AWAITING_SUPPLEMENT
    with pytest.raises(PermissionDenied):
        review.receive_supplement(services, REVIEWER, app.id, "SCJG-01")  # the window receives it
    app = review.receive_supplement(services, CLERK, app.id, "SCJG-01")
    food = app.request_for("SCJG-01")
    assert food.state is RequestState.IN_REVIEW and food.claimed_by is None
    review.claim(services, REVIEWER, app.id, "SCJG-01")
    assert review.grant(services, REVIEWER, app.id, "SCJG-01").status is ApplicationStatus.DECIDED
    assert any(r.kind == "SupplementReceived" for r in _outbox(services))
