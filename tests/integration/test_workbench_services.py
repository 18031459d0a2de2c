"""Services behind the counter workbench: automatic approval rules, ratings and rectifications,
the review queue and intake drafts — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.adapters.clock import FixedClock
from desktop.domain.applications import ActionKind, RequestState
from desktop.domain.credit import CreditRecord, CreditRecordKind
from desktop.domain.errors import DomainError, IllegalTransition, PermissionDenied
from desktop.domain.queue import QueueFilter
from desktop.domain.users import Actor, Role
from desktop.services import drafts, intake, issuing, keys, queue, ratings, rules
from desktop.services.base import Services
from tests.integration.test_issuing_and_verification import decided_case
from tests.support.factories import ADMIN, AUDITOR, CLERK, HALL_ADMIN, ISSUER, REVIEWER, enterprise

SMALL_SHOP = [
    {"type": "field", "field": "business_area", "op": "<=", "value": 200},
    {"type": "mode", "modes": ["OPTIMIZE"]},
    {"type": "no_credit_record"},
]


def _case(services: Services, area: str, materials: tuple[str, ...] = ()) -> str:
    app = intake.submit(
        services, CLERK, enterprise(), ["SCJG-01"], {"business_area": area}, materials_received=materials
    )
    return intake.accept(services, CLERK, app.id).id


def _food(services: Services, app_id: str):  # type: ignore[no-untyped-def]
    with services.uow() as uow:
        return uow.applications.get(app_id)


def test_matching_items_are_decided_at_once_and_recorded_with_the_rule(services: Services) -> None:
    rule = rules.save_rule(services, ADMIN, "R-small", "小型场所食品经营自动准予", ["SCJG-01"], SMALL_SHOP)
    assert rule.version == 1
    app = _food(services, _case(services, "120"))
    food = app.request_for("SCJG-01")
    assert food.state is RequestState.GRANTED
    auto = next(a for a in app.actions if a.kind is ActionKind.AUTO_GRANT)
    assert auto.data["rule"] == "R-SMALL" and auto.data["rule_version"] == 1
    assert _food(services, _case(services, "500")).request_for("SCJG-01").state is RequestState.IN_REVIEW


def test_editing_a_rule_changes_the_next_case_not_decided_ones(services: Services) -> None:
    rules.save_rule(services, ADMIN, "R-small", "小型场所", ["SCJG-01"], SMALL_SHOP)
    first = _case(services, "150")
    tighter = [{**SMALL_SHOP[0], "value": 100}, *SMALL_SHOP[1:]]
    assert rules.save_rule(services, ADMIN, "R-small", "小型场所（收紧）", ["SCJG-01"], tighter).version == 2
    second = _case(services, "150")
    assert _food(services, second).request_for("SCJG-01").state is RequestState.IN_REVIEW
    decided = _food(services, first)
    assert decided.request_for("SCJG-01").state is RequestState.GRANTED
    auto = next(a for a in decided.actions if a.kind is ActionKind.AUTO_GRANT)
    assert auto.data["rule_version"] == 1
    with services.uow() as uow:
        assert uow.rules.get("R-SMALL", 1).conditions[0]["value"] == 200  # the old version is kept


def test_credit_records_and_missing_materials_block_automatic_approval(
    services: Services, clock: FixedClock
) -> None:
    rules.save_rule(
        services,
        ADMIN,
        "R-docs",
        "材料齐全且无不良记录",
        ["SCJG-01"],
        [{"type": "materials_complete"}, {"type": "no_credit_record", "kinds": ["false_commitment"]}],
    )
    with services.uow() as uow:
        needed = [
            m.code for m in uow.catalog.current().matter("SCJG-01").materials if m.source.value == "applicant"
        ]  # type: ignore[union-attr]
    assert (
        _food(services, _case(services, "50", tuple(needed[:-1]))).request_for("SCJG-01").state
        is RequestState.IN_REVIEW
    )
    assert (
        _food(services, _case(services, "50", tuple(needed))).request_for("SCJG-01").state
        is RequestState.GRANTED
    )
    with services.uow() as uow:
        uow.credit.add(
            CreditRecord(
                "c1",
                CreditRecordKind.FALSE_COMMITMENT,
                "虚假承诺",
                "县市场监督管理局",
                clock.now(),
                enterprise().uscc,
            )
        )
        uow.commit()
    assert (
        _food(services, _case(services, "50", tuple(needed))).request_for("SCJG-01").state
        is RequestState.IN_REVIEW
    )
    outcome = rules.try_rule(services, ADMIN, "R-docs", _case(services, "50", tuple(needed)))
    assert not outcome["SCJG-01"].matched and any("不良信用记录" in r for r in outcome["SCJG-01"].reasons)


def test_bad_rules_are_refused(services: Services) -> None:
    with pytest.raises(DomainError, match="至少要有一个条件"):
        rules.save_rule(services, ADMIN, "R-all", "全部准予", ["SCJG-01"], [])
    with pytest.raises(DomainError, match="不存在的事项"):
        rules.save_rule(services, ADMIN, "R-x", "x", ["NOPE-01"], SMALL_SHOP)
    with pytest.raises(DomainError, match="未知的条件类型"):
        rules.save_rule(services, ADMIN, "R-x", "x", ["SCJG-01"], [{"type": "moon_phase"}])
    with pytest.raises(PermissionDenied):
        rules.save_rule(services, CLERK, "R-x", "x", ["SCJG-01"], SMALL_SHOP)


def test_rating_once_and_a_bad_one_opens_a_rectification(services: Services) -> None:
    keys.create_station_key(services, ADMIN)
    app_id = decided_case(services)
    with pytest.raises(IllegalTransition, match="出件后"):
        ratings.rate(services, ISSUER, app_id, 5)
    issuing.issue(services, ISSUER, app_id)
    with pytest.raises(PermissionDenied):
        ratings.rate(services, AUDITOR, app_id, 5)
    with pytest.raises(DomainError, match="原因"):
        ratings.rate(services, ISSUER, app_id, 1)
    rating, task = ratings.rate(services, ISSUER, app_id, 2, "等候时间太长", via="pad")
    assert rating.level.label == "不满意" and task is not None
    assert task.due == date(2026, 12, 17)  # 15 working days after Thursday 26 November
    with pytest.raises(IllegalTransition, match="只能评价一次"):
        ratings.rate(services, ISSUER, app_id, 5)
    assert [t.id for t in ratings.open_rectifications(services)] == [task.id]
    with pytest.raises(PermissionDenied):
        ratings.record_callback(services, CLERK, task.id, "已电话回访申请人")
    done = ratings.record_callback(services, HALL_ADMIN, task.id, "增设取号机，已电话回访，申请人表示满意")
    assert done.status == "done" and ratings.open_rectifications(services) == []


def test_queue_per_department_with_countdown(services: Services, clock: FixedClock) -> None:
    for _ in range(3):
        intake.accept(services, CLERK, intake.submit(services, CLERK, enterprise(), ["SCJG-01", "XF-01"]).id)
    page = queue.page(services, REVIEWER, QueueFilter(department=None))
    assert page.total == 3  # the reviewer sees only the approval bureau's items
    assert {i.row.matter_code for i in page.items} == {"SCJG-01"}
    assert all(i.remaining_days == 10 and not i.overdue for i in page.items)
    everything = queue.page(services, HALL_ADMIN, QueueFilter(department=None))
    assert everything.total == 6
    clock.at = datetime(2026, 12, 14, 2, tzinfo=UTC)  # two working days past the 10 December deadline
    late = queue.page(services, REVIEWER, QueueFilter(department=None))
    assert all(i.overdue and i.remaining_days == -2 for i in late.items)
    found = queue.page(services, HALL_ADMIN, QueueFilter(department=None, search="消防"))
    assert found.total == 3
    second = queue.page(services, HALL_ADMIN, QueueFilter(department=None, sort="number"), offset=4, limit=4)
    assert len(second.items) == 2 and second.total == 6


def test_drafts_belong_to_their_clerk(services: Services) -> None:
    draft = drafts.save(services, CLERK, None, "便民超市", {"uscc": "9131", "step": 2})
    other = Actor("clerk2", Role.CLERK)
    assert drafts.load(services, other, draft) is None
    assert drafts.load(services, CLERK, draft) == {"uscc": "9131", "step": 2}
    drafts.save(services, CLERK, draft, "便民超市", {"uscc": "91310110666007217T", "step": 3})
    assert [d[0] for d in drafts.mine(services, CLERK)] == [draft]
    assert drafts.mine(services, other) == []
    drafts.discard(services, CLERK, draft)
    assert drafts.mine(services, CLERK) == []
    with pytest.raises(PermissionDenied):
        drafts.save(services, REVIEWER, None, "x", {})
