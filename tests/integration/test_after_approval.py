"""What follows approval: the commitment snapshot, commitment checks and rectification, the
permit lifecycle, credit records and the market-ban warning at intake."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.adapters.clock import FixedClock
from desktop.domain.after_approval import NOT_IN_SNAPSHOT, CheckStatus
from desktop.domain.applications import ApplicationStatus
from desktop.domain.credit import CreditRecordKind
from desktop.domain.errors import DomainError, IllegalTransition, NeedsOverride, PermissionDenied
from desktop.domain.permits import PermitStatus
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import calendar, checks, credit, intake, issuing, keys, lifecycle
from desktop.services.base import Services
from desktop.services.verification import VerifyResult, verify
from tests.support.factories import (
    ADMIN,
    CLERK,
    FIRE_REVIEWER,
    HALL_ADMIN,
    INSPECTOR,
    ISSUER,
    REVIEWER,
    VALID_USCC,
    enterprise,
)

PERSON_ID = "11010519491231002X"  # the factory enterprise's legal representative


def committed_case(services: Services, codes: tuple[str, ...] = ("XF-01",)) -> str:
    app = intake.submit(services, CLERK, enterprise(), list(codes))
    app = intake.accept(services, CLERK, app.id, committed=set(codes))
    assert app.status is ApplicationStatus.DECIDED
    return app.id


def issued(services: Services, app_id: str) -> issuing.IssueResult:
    keys.create_station_key(services, ADMIN, "一号出件窗口")
    return issuing.issue(services, ISSUER, app_id)


def outbox(services: Services, kind: str) -> list[dict[str, object]]:
    with services.uow() as uow:
        return [dict(e.payload) for e in uow.outbox.pending() if e.kind == kind]


def test_snapshot_at_acceptance_holds_against_later_catalog_versions(services: Services) -> None:
    app_id = committed_case(services)
    snap = checks.snapshot(services, INSPECTOR, app_id, "XF-01")
    assert len(snap.conditions) == 5 and snap.check_window == "20个工作日"
    assert snap.consequences and snap.catalog_version_id == 1
    # a new catalog version rewrites the conditions of XF-01
    with services.uow() as uow:
        current = uow.catalog.current()
        assert current is not None
        matters = [
            replace(m, conditions=("新增条件：配备专职消防员",)) if m.code == "XF-01" else m
            for m in current.matters.values()
        ]
        uow.catalog.add_version(
            "v2",
            "test",
            "",
            services.clock.now(),
            matters,
            list(current.industries.values()),
            list(current.scope_terms.values()),
        )
        uow.commit()
    assert checks.snapshot(services, INSPECTOR, app_id, "XF-01") == snap
    [check] = checks.due(services, INSPECTOR)
    with pytest.raises(DomainError, match=NOT_IN_SNAPSHOT):
        checks.record(services, INSPECTOR, check.id, False, "未配备专职消防员", ["新增条件：配备专职消防员"])
    assert checks.due(services, INSPECTOR)[0].status is CheckStatus.SCHEDULED
    # a case accepted under the new version holds the new text
    later = committed_case(services)
    assert checks.snapshot(services, INSPECTOR, later, "XF-01").conditions == ("新增条件：配备专职消防员",)


def test_check_due_in_working_days_across_a_holiday_and_in_months(services: Services) -> None:
    calendar.set_day(services, ADMIN, date(2026, 12, 1), False, "测试：临时休息日")
    committed_case(services, ("XF-01", "WJ-01"))
    due = {c.matter_code: c for c in checks.due(services, INSPECTOR)}
    # 20 working days after Thu 2026-11-26 is Thu 2026-12-24; the holiday pushes it one day on
    assert due["XF-01"].due_on == date(2026, 12, 25)
    assert due["WJ-01"].due_on == date(2027, 1, 26)  # 2个月: calendar months
    assert checks.due(services, INSPECTOR, until=date(2026, 12, 31)) == [due["XF-01"]]
    with pytest.raises(PermissionDenied):
        checks.due(services, CLERK)


def test_passed_check_is_recorded_once(services: Services) -> None:
    committed_case(services)
    [check] = checks.due(services, INSPECTOR)
    snap = checks.snapshot(services, INSPECTOR, check.application_id, "XF-01")
    with pytest.raises(PermissionDenied):
        checks.record(services, CLERK, check.id, True, "现场核查相符")
    done = checks.record(services, INSPECTOR, check.id, True, "现场核查相符", list(snap.items[:2]))
    assert done.status is CheckStatus.PASSED and done.recorded_by == INSPECTOR.username
    with pytest.raises(IllegalTransition, match="不能重复登记"):
        checks.record(services, INSPECTOR, check.id, False, "再次登记", [snap.items[0]])
    [again] = checks.checks_for(services, INSPECTOR, check.application_id)
    assert again == done
    assert checks.due(services, INSPECTOR) == []


def test_failed_check_unrectified_annuls_the_licence(services: Services, clock: FixedClock) -> None:
    app_id = committed_case(services)
    result = issued(services, app_id)
    assert result.licence is not None
    [permit] = result.permits
    assert verify(services, CLERK, result.licence.qr_text).result is VerifyResult.VALID
    [check] = checks.due(services, INSPECTOR)
    item = checks.snapshot(services, INSPECTOR, app_id, "XF-01").items[2]
    with pytest.raises(DomainError, match="不符合的承诺条件"):
        checks.record(services, INSPECTOR, check.id, False, "疏散通道堵塞")
    failed = checks.record(services, INSPECTOR, check.id, False, "疏散通道被货物堵塞", [item])
    assert failed.status is CheckStatus.RECTIFYING and failed.permit_number == permit.number
    assert failed.rectification_due == date(2026, 12, 17)  # 15 working days
    clock.advance(timedelta(days=22))
    outcome = checks.close_rectification(services, INSPECTOR, check.id, False, "复查仍未清理疏散通道")
    assert outcome.check.status is CheckStatus.ANNULLED
    assert outcome.annulled is not None and outcome.annulled.status is PermitStatus.ANNULLED
    assert outcome.credit is not None and outcome.credit.kind is CreditRecordKind.FAILED_CHECK
    with pytest.raises(IllegalTransition):
        checks.close_rectification(services, INSPECTOR, check.id, True)
    verdict = verify(services, CLERK, result.licence.qr_text)
    assert verdict.result is VerifyResult.ANNULLED
    assert "逾期未整改" in verdict.permits[0]["reason"]
    records = credit.records_for(services, INSPECTOR, uscc=VALID_USCC)
    assert [r.kind for r in records] == [CreditRecordKind.FAILED_CHECK]
    [changed] = outbox(services, "LicenceStatusChanged")
    assert changed["number"] == permit.number and changed["kind"] == "permit" and changed["status"] == "03"
    assert [e.action.value for e in lifecycle.history(services, INSPECTOR, permit.number)] == ["annul"]


def test_rectified_check_passes(services: Services) -> None:
    committed_case(services)
    [check] = checks.due(services, INSPECTOR)
    item = checks.snapshot(services, INSPECTOR, check.application_id, "XF-01").items[0]
    checks.record(services, INSPECTOR, check.id, False, "消防验收备案用途不一致", [item])
    outcome = checks.close_rectification(services, INSPECTOR, check.id, True, "已补办验收备案")
    assert outcome.check.status is CheckStatus.PASSED and outcome.annulled is None
    assert credit.records_for(services, INSPECTOR, uscc=VALID_USCC) == []


def test_permit_lifecycle_actions(services: Services, clock: FixedClock) -> None:
    result = issued(services, committed_case(services))
    assert result.licence is not None
    qr = result.licence.qr_text
    [permit] = result.permits
    number = permit.number
    with pytest.raises(PermissionDenied):  # the fire brigade granted it, not the approval bureau
        lifecycle.suspend(services, REVIEWER, number, "停业整顿", date(2026, 12, 31))
    with pytest.raises(PermissionDenied):
        lifecycle.suspend(services, INSPECTOR, number, "停业整顿", date(2026, 12, 31))
    done = lifecycle.suspend(services, FIRE_REVIEWER, number, "消防设施损坏，停业整顿", date(2026, 12, 31))
    assert done.permit.status is PermitStatus.SUSPENDED and done.event.until == date(2026, 12, 31)
    assert verify(services, CLERK, qr).result is VerifyResult.SUSPENDED
    lifecycle.reinstate(services, FIRE_REVIEWER, number, "整改完毕，解除暂扣")
    assert verify(services, CLERK, qr).result is VerifyResult.VALID
    # change: name and address, a new version linked to the previous one
    changed = lifecycle.change(
        services, FIRE_REVIEWER, number, {"address": "山西省晋中市榆次区顺城街2号"}, "经营场所变更"
    )
    assert changed.new_permit is not None and changed.new_permit.previous_number == number
    assert changed.permit.status is PermitStatus.OTHER
    assert changed.event.detail["changes"] == {
        "address": ["山西省晋中市榆次区顺城街1号", "山西省晋中市榆次区顺城街2号"]
    }
    with services.uow() as uow:
        holder = uow.enterprises.get(VALID_USCC)
    assert holder is not None and holder.address.endswith("2号")
    with pytest.raises(IllegalTransition, match="当前状态为“其他”"):
        lifecycle.revoke(services, FIRE_REVIEWER, number, "已变更的旧证")
    current = changed.new_permit.number
    renewed = lifecycle.renew(services, FIRE_REVIEWER, current, "有效期届满前申请延续")
    assert renewed.new_permit is not None and renewed.new_permit.previous_number == current
    assert renewed.new_permit.valid_until == date(2031, 11, 25)
    latest = renewed.new_permit.number
    assert verify(services, CLERK, qr).result is VerifyResult.VALID  # renewed, still licensed
    revoked = lifecycle.revoke(services, FIRE_REVIEWER, latest, "擅自停用消防设施，依法吊销")
    assert revoked.credit is not None and revoked.credit.kind is CreditRecordKind.PENALTY
    with pytest.raises(IllegalTransition, match="当前状态为“吊销”，不能注销"):
        lifecycle.deregister(services, FIRE_REVIEWER, latest, "申请注销")
    statuses = [(e["number"], e["status"]) for e in outbox(services, "LicenceStatusChanged")]
    assert statuses == [
        (number, "02"),
        (number, "01"),
        (number, "99"),
        (current, "99"),
        (latest, "07"),
    ]
    with services.uow() as uow:
        entry = uow.status_list.get(latest)
    assert entry is not None and entry.status is PermitStatus.REVOKED
    assert verify(services, CLERK, qr).result is VerifyResult.REVOKED  # the licence follows the lineage


def test_annul_for_false_commitment_and_deregister(services: Services) -> None:
    first = issued(services, committed_case(services)).permits[0]
    annulled = lifecycle.annul(
        services, SYSTEM_ACTOR, first.number, "承诺内容严重不实", false_commitment=True
    )
    assert annulled.credit is not None and annulled.credit.kind is CreditRecordKind.FALSE_COMMITMENT
    second = issuing.issue(services, ISSUER, committed_case(services)).permits[0]
    gone = lifecycle.deregister(services, FIRE_REVIEWER, second.number, "市场主体申请注销")
    assert gone.permit.status is PermitStatus.DEREGISTERED
    with pytest.raises(DomainError, match="请填写"):
        lifecycle.annul(services, FIRE_REVIEWER, second.number, "")


def test_market_ban_warns_at_intake_until_overridden(services: Services, clock: FixedClock) -> None:
    with pytest.raises(DomainError, match="禁入期限"):
        credit.record(services, INSPECTOR, "market_ban", "因严重违法被禁入市场", person_id=PERSON_ID)
    with pytest.raises(PermissionDenied):
        credit.record(services, CLERK, "violation", "无证经营被查处", uscc=VALID_USCC)
    ban = credit.record(
        services,
        INSPECTOR,
        CreditRecordKind.MARKET_BAN,
        "因食品安全严重违法被禁入市场",
        person_id=PERSON_ID,
        valid_until=clock.today(),
        department="县市场监督管理局",
    )
    with pytest.raises(NeedsOverride, match="市场禁入"):
        intake.submit(services, CLERK, enterprise(), ["XF-01"])
    with pytest.raises(PermissionDenied):
        credit.override_market_ban_warning(services, CLERK, VALID_USCC, "经核实禁入已解除", PERSON_ID)
    credit.override_market_ban_warning(services, HALL_ADMIN, VALID_USCC, "经核实禁入决定已撤销", PERSON_ID)
    assert intake.submit(services, CLERK, enterprise(), ["XF-01"]).uscc == VALID_USCC
    # a newer ban needs a new override; a ban that ended no longer warns
    credit.record(
        services, INSPECTOR, "market_ban", "再次被禁入市场", uscc=VALID_USCC, valid_until=clock.today()
    )
    with pytest.raises(NeedsOverride):
        intake.submit(services, CLERK, enterprise(), ["XF-01"])
    clock.advance(timedelta(days=1))
    assert intake.submit(services, CLERK, enterprise(), ["XF-01"]).uscc == VALID_USCC
    assert ban.kind is CreditRecordKind.MARKET_BAN
    assert [e["kind"] for e in outbox(services, "CreditRecordAdded")] == ["market_ban", "market_ban"]


def test_provisional_check_due_is_recomputed_when_the_year_is_imported(
    services: Services, clock: FixedClock
) -> None:
    clock.at = datetime(2026, 12, 24, 2, 0, tzinfo=UTC)  # 2027 is not known yet: weekends only
    committed_case(services)
    [check] = checks.due(services, INSPECTOR)
    assert (check.due_on, check.due_provisional) == (date(2027, 1, 21), True)
    schedule = (
        "date,kind,note\n2027-01-01,holiday,元旦\n2027-01-04,holiday,调休\n2027-01-09,workday,调休上班\n"
    )
    calendar.import_schedule(services, SYSTEM_ACTOR, schedule, "2027.csv")
    [check] = checks.due(services, INSPECTOR)
    assert (check.due_on, check.due_provisional) == (date(2027, 1, 22), False)


def test_a_reissued_licence_carries_the_renewed_permit_and_the_new_name(services: Services) -> None:
    result = issued(services, committed_case(services))
    assert result.licence is not None
    [permit] = result.permits
    changed = lifecycle.change(
        services, FIRE_REVIEWER, permit.number, {"name": "演示县新名称便利店有限公司"}, "更名"
    )
    assert changed.new_permit is not None
    renewed = lifecycle.renew(services, FIRE_REVIEWER, changed.new_permit.number, "延续")
    assert renewed.new_permit is not None
    new = issuing.void_and_reissue(services, ISSUER, result.licence.number, "许可证延续，换发新证")
    assert new.permit_numbers == (renewed.new_permit.number,)  # followed through change and renewal
    assert new.enterprise_name == "演示县新名称便利店有限公司"
    assert new.previous_number == result.licence.number
    checked = verify(services, CLERK, new.qr_text)
    assert checked.result is VerifyResult.VALID
    assert (
        verify(services, CLERK, result.licence.qr_text).result is not VerifyResult.VALID
    )  # the old one is void
    [event] = outbox(services, "LicenceReissued")
    assert event["previous"] == result.licence.number and event["licence"] == new.number
