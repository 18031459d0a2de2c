"""What the after-approval workbenches read, on SQLite and PostgreSQL: the draws an inspector was
drawn for (双随机 task list), the open commitment checks with their letters, and a permit with
its lifecycle lineage (证照管理)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from desktop.adapters.clock import FixedClock
from desktop.domain.after_approval import CheckStatus, LifecycleAction
from desktop.domain.errors import DomainError, NotFound, PermissionDenied
from desktop.domain.inspections import Inspector
from desktop.domain.permits import PermitStatus
from desktop.domain.users import SYSTEM_ACTOR, Actor, Role
from desktop.services import checks, demo, inspections, intake, issuing, keys, lifecycle, setup, supervision
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle
from tests.support.factories import ADMIN, CLERK, FIRE_REVIEWER, INSPECTOR, ISSUER, REVIEWER, enterprise

FIRE = "XF-01"
FIRE_DEPT = "县消防救援大队"
FOOD = "SCJG-01"


@pytest.fixture
def hall(services: Services, bundle: CatalogBundle) -> list[str]:
    """A demo database with three 便利店 cases and a third fire inspector; the holders' USCCs."""
    setup.initialise(services, bundle, demo=True)
    for n in range(3):
        demo.run_case(services, random.Random(n))
    inspections.add_inspector(services, SYSTEM_ACTOR, Inspector("fire_c", "王振华", FIRE_DEPT))
    with services.uow() as uow:
        return [h.uscc for h in uow.inspections.pool(FIRE, services.clock.today())]


def _fire_team(services: Services) -> list[str]:
    with services.uow() as uow:
        return sorted(p.username for p in uow.inspections.inspectors() if p.department == FIRE_DEPT)


def test_an_inspector_sees_exactly_the_subjects_drawn_for_them(
    services: Services, hall: list[str], clock: FixedClock
) -> None:
    first = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "第一次", 1.0)
    clock.advance(timedelta(hours=1))
    second = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "第二次", 1.0)
    food = inspections.draw_inspection(services, SYSTEM_ACTOR, FOOD, "食品", 1.0)
    team = _fire_team(services)
    assert len(team) == 3
    for username in team:
        me = Actor(username, Role.INSPECTOR, FIRE_DEPT)
        expected = [
            (d.draw_id, s["uscc"])
            for d in (second, first)  # newest draw first
            for s in d.result["subjects"]
            if username in s["inspectors"]
        ]
        mine = inspections.assignments(services, me)
        assert [(a.draw_id, a.uscc) for a in mine] == expected, username
        for a in mine:
            subject = (first if a.draw_id == first.draw_id else second).result["subjects"]
            [drawn] = [s for s in subject if s["uscc"] == a.uscc]
            assert [p.username for p in a.co_inspectors] == [u for u in drawn["inspectors"] if u != username]
            assert a.matter_name == "公众聚集场所投入使用、营业前消防安全检查" and a.department == FIRE_DEPT
            assert (a.draw_subjects, a.draw_recorded, a.draw_unpublished, a.result) == (3, 0, 0, None)
            assert a.name and a.credit_class == "A"
        assert food.draw_id not in {a.draw_id for a in mine}
    names = {
        p.username: p.name
        for a in inspections.assignments(services, Actor("fire_c", Role.INSPECTOR))
        for p in a.co_inspectors
    }
    assert all(name.startswith("演示执法员") for name in names.values())
    assert first.draw_id != second.draw_id
    with pytest.raises(PermissionDenied):
        inspections.assignments(services, CLERK)


def test_the_repository_matches_whole_usernames_only(services: Services, hall: list[str]) -> None:
    drawn = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "seed", 1.0)
    team = drawn.result["subjects"][0]["inspectors"]
    with services.uow() as uow:
        assert [d.id for d in uow.inspections.draws_for_inspector(team[0])] == [drawn.draw_id]
        assert uow.inspections.draws_for_inspector(team[0][:-1]) == []  # a prefix is someone else
        assert uow.inspections.draws_for_inspector("fire%") == []  # LIKE wildcards are literal
        assert uow.inspections.draws_for_inspector("fire_") == []
        assert uow.inspections.draws_for_inspector(drawn.result["subjects"][0]["name"]) == []


def test_results_and_publication_show_in_the_task_list(services: Services, hall: list[str]) -> None:
    drawn = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "seed", 1.0)
    subject = drawn.result["subjects"][0]
    me = Actor(subject["inspectors"][0], Role.INSPECTOR, FIRE_DEPT)
    inspections.record_result(
        services, me, drawn.draw_id, subject["uscc"], "corrected", "灭火器过期，已当场更换"
    )
    [mine] = [a for a in inspections.assignments(services, me) if a.uscc == subject["uscc"]]
    assert mine.result is not None and mine.result.outcome.label == "发现问题已责令改正"
    assert (mine.draw_recorded, mine.draw_unpublished, mine.result.published) == (1, 1, False)
    inspections.publish_results(services, me, drawn.draw_id)
    [mine] = [a for a in inspections.assignments(services, me) if a.uscc == subject["uscc"]]
    assert mine.result is not None and mine.result.published and mine.draw_unpublished == 0


def _committed(services: Services, codes: tuple[str, ...] = (FIRE,)) -> str:
    app = intake.submit(services, CLERK, enterprise(), list(codes))
    return intake.accept(services, CLERK, app.id, committed=set(codes)).id


def test_open_checks_carry_the_letter_the_holder_and_overdue(services: Services, clock: FixedClock) -> None:
    app_id = _committed(services, (FIRE, "WJ-01"))
    rows = supervision.open_checks(services, INSPECTOR)
    assert [r.check.matter_code for r in rows] == [FIRE, "WJ-01"]
    fire = rows[0]
    assert fire.enterprise_name == enterprise().name and not fire.overdue
    assert fire.snapshot == checks.snapshot(services, INSPECTOR, app_id, FIRE)
    assert fire.deadline == date(2026, 12, 24)
    assert [r.check.matter_code for r in supervision.open_checks(services, INSPECTOR, FIRE_DEPT)] == [FIRE]
    assert supervision.open_checks(services, INSPECTOR, "县卫生健康局")[0].check.matter_code == "WJ-01"
    clock.advance(timedelta(days=30))
    assert [r.overdue for r in supervision.open_checks(services, INSPECTOR)] == [True, False]
    # a failed check: the rectification deadline is what counts now
    assert fire.snapshot is not None
    checks.record(services, INSPECTOR, fire.check.id, False, "疏散通道堵塞", [fire.snapshot.conditions[0]])
    [now] = [r for r in supervision.open_checks(services, INSPECTOR) if r.check.matter_code == FIRE]
    assert now.check.status is CheckStatus.RECTIFYING and not now.overdue
    assert now.deadline == now.check.rectification_due == date(2027, 1, 15)
    with pytest.raises(PermissionDenied):
        supervision.open_checks(services, CLERK)


def test_permit_view_finds_by_number_or_holder_and_follows_the_lineage(services: Services) -> None:
    keys.create_station_key(services, ADMIN, "一号出件窗口")
    issued = issuing.issue(services, ISSUER, _committed(services))
    [permit] = issued.permits
    assert issued.licence is not None
    scanned = supervision.find_permits(services, REVIEWER, issued.licence.qr_text)  # a licence QR
    assert [p.number for p in scanned] == [permit.number]
    licence = supervision.permit_view(services, REVIEWER, permit.number).licences
    assert len(licence) == 1 and licence[0].startswith("HZ")
    assert [p.number for p in supervision.find_permits(services, REVIEWER, permit.number)] == [permit.number]
    [by_uscc] = supervision.find_permits(services, REVIEWER, enterprise().uscc)
    assert (by_uscc.number, by_uscc.department, by_uscc.status) == (
        permit.number,
        "消防救援大队",
        PermitStatus.VALID,
    )
    assert [p.number for p in supervision.find_permits(services, REVIEWER, "便民超市")] == [permit.number]
    assert supervision.find_permits(services, REVIEWER, "没有这家公司") == []
    with pytest.raises(DomainError, match="至少 2 个字符"):
        supervision.find_permits(services, REVIEWER, " x ")
    with pytest.raises(NotFound):
        supervision.permit_view(services, REVIEWER, "XF-01-2026019999")

    view = supervision.permit_view(services, FIRE_REVIEWER, permit.number)
    assert view.history == () and view.successor is None
    assert view.allowed == (
        LifecycleAction.SUSPEND,
        LifecycleAction.ANNUL,
        LifecycleAction.REVOKE,
        LifecycleAction.DEREGISTER,
        LifecycleAction.RENEW,
        LifecycleAction.CHANGE,
    )
    assert view.enterprise is not None and view.enterprise.legal_representative == "张三"
    lifecycle.suspend(services, FIRE_REVIEWER, permit.number, "停业整顿", date(2026, 12, 31))
    assert supervision.permit_view(services, FIRE_REVIEWER, permit.number).allowed == (
        LifecycleAction.REINSTATE,
        LifecycleAction.ANNUL,
        LifecycleAction.REVOKE,
        LifecycleAction.DEREGISTER,
    )
    lifecycle.reinstate(services, FIRE_REVIEWER, permit.number, "整改完毕")
    renewed = lifecycle.renew(services, FIRE_REVIEWER, permit.number, "申请延续")
    assert renewed.new_permit is not None
    old = supervision.permit_view(services, FIRE_REVIEWER, permit.number)
    assert old.successor == renewed.new_permit.number and old.status is PermitStatus.OTHER
    new = supervision.permit_view(services, FIRE_REVIEWER, renewed.new_permit.number)
    assert [(e.permit_number, e.action) for e in new.history] == [
        (permit.number, LifecycleAction.SUSPEND),
        (permit.number, LifecycleAction.REINSTATE),
        (permit.number, LifecycleAction.RENEW),
    ]
    assert new.licences == licence  # the licence carries the lineage
    with pytest.raises(PermissionDenied):
        supervision.permit_view(services, Actor("x", Role.ADMIN), permit.number)
