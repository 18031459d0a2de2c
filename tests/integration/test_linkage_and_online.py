"""审管联动 feedback (due dates across weekends and holidays, late and overdue, acknowledgement)
and 一网办 online applications (taken by exactly one clerk, submitted as online cases)."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.adapters.clock import CHINA, FixedClock
from desktop.adapters.sync_store import ServicesSyncStore
from desktop.domain.applications import Channel
from desktop.domain.errors import DomainError, NotFound, PermissionDenied
from desktop.domain.online import OnlineStatus
from desktop.domain.users import SYSTEM_ACTOR, Actor, Role
from desktop.services import intake, linkage, online
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from sync.protocol import Feed, FeedItem
from tests.conftest import _fresh_pg_database, make_services
from tests.support.factories import (
    ADMIN,
    APPROVAL_BUREAU,
    AUDITOR,
    CLERK,
    FIRE_REVIEWER,
    HALL_ADMIN,
    REVIEWER,
    enterprise,
)

CLERK_2 = Actor("clerk2", Role.CLERK)


def _feedback(feedback_id: str, decided_at: str, department: str = APPROVAL_BUREAU) -> dict[str, Any]:
    return {
        "id": feedback_id,
        "licence": "HZ14070220260100001",
        "permit": "SCJG-01-20260100001",
        "uscc": enterprise().uscc,
        "matter": "SCJG-01",
        "approving_department": department,
        "supervising_department": "县市场监督管理局",
        "measure": "责令整改",
        "text": "双随机抽查发现问题",
        "decided_at": decided_at,
        "sent_at": decided_at,
    }


def _receive(services: Services, *items: dict[str, Any]) -> None:
    store = ServicesSyncStore(services)
    page = [FeedItem(key=i["id"], data=i) for i in items]
    store.apply_page(Feed.SUPERVISION_FEEDBACK, page, "c", services.clock.now())


def _at(year: int, month: int, day: int, hour: int = 10) -> datetime:
    """``hour`` o'clock in Beijing."""
    return datetime(year, month, day, hour, 0, tzinfo=CHINA).astimezone(UTC)


# ------------------------------------------------------------------ 审管联动
def test_feedback_is_due_three_working_days_after_the_decision_across_a_weekend(
    services: Services, clock: FixedClock
) -> None:
    # decided Thursday 26 November: Friday 27, Monday 30, Tuesday 1 December
    _receive(services, _feedback("on-time", "2026-11-26T09:00:00+08:00"))
    clock.at = _at(2026, 12, 1, 23)
    _receive(services, _feedback("last-day", "2026-11-26T17:00:00+08:00"))
    clock.at = _at(2026, 12, 2, 0)
    _receive(services, _feedback("late", "2026-11-26T17:00:00+08:00"))
    items = {r.feedback.id: r for r in linkage.feedback(services, REVIEWER)}
    assert {k: (r.due_on, r.late) for k, r in items.items()} == {
        "on-time": (date(2026, 12, 1), False),
        "last-day": (date(2026, 12, 1), False),
        "late": (date(2026, 12, 1), True),
    }
    # unacknowledged past its due date: overdue
    assert all(r.overdue for r in items.values())
    clock.at = _at(2026, 12, 1)
    assert not any(r.overdue for r in linkage.feedback(services, REVIEWER))


def test_feedback_due_dates_skip_the_national_day_holiday(services: Services, clock: FixedClock) -> None:
    # decided Wednesday 30 September 2026; 1–7 October off, Saturday 10 October a make-up working day
    clock.at = _at(2026, 10, 10, 18)
    _receive(services, _feedback("golden-week", "2026-09-30T16:00:00+08:00"))
    clock.at = _at(2026, 10, 11, 9)
    _receive(services, _feedback("golden-week-late", "2026-09-30T16:00:00+08:00"))
    items = {r.feedback.id: r.feedback for r in linkage.feedback(services, REVIEWER)}
    assert items["golden-week"].due_on == date(2026, 10, 10) and not items["golden-week"].late
    assert items["golden-week-late"].late


def test_the_feedback_limit_is_a_setting(services: Services) -> None:
    with services.uow() as uow:
        uow.settings.put("feedback_limit_days", "5")
        uow.commit()
    _receive(services, _feedback("five", "2026-11-26T09:00:00+08:00"))
    [row] = linkage.feedback(services, REVIEWER)
    assert row.due_on == date(2026, 12, 3)


def test_each_department_sees_and_acknowledges_its_own_feedback(
    services: Services, clock: FixedClock
) -> None:
    _receive(
        services,
        _feedback("ours", "2026-11-26T09:00:00+08:00"),
        _feedback("fire", "2026-11-26T09:00:00+08:00", department="消防救援大队"),
    )
    assert [r.feedback.id for r in linkage.feedback(services, REVIEWER)] == ["ours"]
    assert [r.feedback.id for r in linkage.feedback(services, FIRE_REVIEWER)] == ["fire"]
    for overseer in (HALL_ADMIN, ADMIN, SYSTEM_ACTOR):
        assert {r.feedback.id for r in linkage.feedback(services, overseer)} == {"ours", "fire"}
    for outsider in (CLERK, AUDITOR):
        with pytest.raises(PermissionDenied):
            linkage.feedback(services, outsider)

    with pytest.raises(PermissionDenied, match="消防救援大队"):
        linkage.acknowledge(services, REVIEWER, "fire", "不是我们的")
    with pytest.raises(PermissionDenied):
        linkage.acknowledge(services, HALL_ADMIN, "ours", "代签")
    with pytest.raises(NotFound):
        linkage.acknowledge(services, REVIEWER, "nothing", "")
    done = linkage.acknowledge(services, REVIEWER, "ours", "已约谈企业，限期整改")
    assert (done.acknowledged_by, done.acknowledged_at, done.note) == (
        "reviewer",
        clock.now(),
        "已约谈企业，限期整改",
    )
    with pytest.raises(DomainError, match="重复签收"):
        linkage.acknowledge(services, REVIEWER, "ours", "again")
    assert linkage.feedback(services, REVIEWER) == []
    [closed] = linkage.feedback(services, REVIEWER, open_only=False)
    assert closed.feedback.acknowledged and not closed.overdue


# ------------------------------------------------------------------ 一网办
def _online_item(online_id: str, matters: list[str] | None = None) -> FeedItem:
    return FeedItem(
        key=online_id,
        data={
            "id": online_id,
            "submitted_at": "2026-11-25T20:30:00+08:00",
            "enterprise": {"uscc": enterprise().uscc, "name": enterprise().name},
            "matters": matters or ["SCJG-01"],
            "industries": [],
            "scope": "预包装食品销售",
            "materials": [],
            "contact": "13800000000",
        },
    )


def _publish(services: Services, *ids: str) -> None:
    ServicesSyncStore(services).apply_page(
        Feed.ONLINE_APPLICATIONS, [_online_item(i) for i in ids], "c", services.clock.now()
    )


def test_one_clerk_takes_an_online_application_and_submits_it_as_an_online_case(
    services: Services, clock: FixedClock
) -> None:
    _publish(services, "W1")
    taken = online.take(services, CLERK, "W1")
    assert (taken.status, taken.taken_by, taken.taken_at) == (OnlineStatus.TAKEN, "clerk", clock.now())
    assert online.take(services, CLERK, "W1").taken_by == "clerk"  # again: harmless
    with pytest.raises(DomainError, match="已由 clerk 领取"):
        online.take(services, CLERK_2, "W1")
    with pytest.raises(PermissionDenied):
        online.take(services, REVIEWER, "W1")
    with pytest.raises(NotFound):
        online.take(services, CLERK, "W404")
    with pytest.raises(PermissionDenied, match="只有本人或大厅管理员"):
        online.release(services, CLERK_2, "W1")

    # only the clerk holding it submits it
    with pytest.raises(DomainError, match="已由 clerk 领取"):
        intake.submit(services, CLERK_2, enterprise(), ["SCJG-01"], online_ref="W1")
    # a refused submission leaves it taken, not done
    with pytest.raises(NotFound):
        intake.submit(services, CLERK, enterprise(), ["NO-SUCH"], online_ref="W1")
    assert online.get(services, "W1").status is OnlineStatus.TAKEN

    app = intake.submit(services, CLERK, enterprise(), ["SCJG-01"], online_ref="W1")
    assert app.channel is Channel.ONLINE
    done = online.get(services, "W1")
    assert (done.status, done.application_id) == (OnlineStatus.DONE, app.id)
    assert online.pending(services) == []
    with pytest.raises(DomainError, match="已受理"):
        intake.submit(services, CLERK, enterprise(), ["SCJG-01"], online_ref="W1")
    with pytest.raises(DomainError, match="已受理"):
        online.take(services, CLERK_2, "W1")
    with services.uow() as uow:
        assert uow.applications.get(app.id).channel is Channel.ONLINE


def test_a_hall_admin_releases_an_application_a_clerk_left_taken(services: Services) -> None:
    _publish(services, "W2")
    online.take(services, CLERK, "W2")
    with pytest.raises(PermissionDenied):
        online.release(services, REVIEWER, "W2")
    released = online.release(services, HALL_ADMIN, "W2")
    assert (released.status, released.taken_by) == (OnlineStatus.NEW, None)
    with pytest.raises(DomainError, match="无需释放"):
        online.release(services, CLERK, "W2")
    online.take(services, CLERK_2, "W2")
    assert online.release(services, CLERK_2, "W2").status is OnlineStatus.NEW
    assert [w.id for w in online.pending(services, CLERK)] == ["W2"]
    with pytest.raises(PermissionDenied):
        online.pending(services, REVIEWER)


def _race(online_id: str, *counters: tuple[Services, Actor]) -> dict[str, Any]:
    """Every counter takes the same application at the same moment; what each got."""
    barrier = threading.Barrier(len(counters))
    outcomes: dict[str, Any] = {}

    def attempt(services: Services, actor: Actor) -> None:
        barrier.wait()
        try:
            outcomes[actor.username] = online.take(services, actor, online_id)
        except DomainError as exc:
            outcomes[actor.username] = exc

    threads = [threading.Thread(target=attempt, args=counter) for counter in counters]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcomes


@pytest.mark.postgres
def test_two_counters_taking_the_same_application_exactly_one_wins(
    pg_server: str, clock: FixedClock, bundle: CatalogBundle, tmp_path: Path
) -> None:
    url = _fresh_pg_database(pg_server)
    first = make_services(url, clock, tmp_path / "k1")
    install_bundle(first, SYSTEM_ACTOR, bundle)
    second = make_services(url, clock, tmp_path / "k2")  # another PC: its own engine and pool
    ids = [f"W{n}" for n in range(8)]
    _publish(first, *ids)

    for online_id in ids:
        outcomes = _race(online_id, (first, CLERK), (second, CLERK_2))
        winners = [name for name, result in outcomes.items() if not isinstance(result, Exception)]
        assert len(winners) == 1, outcomes
        [loser] = [result for result in outcomes.values() if isinstance(result, DomainError)]
        assert f"已由 {winners[0]} 领取" in loser.message
        assert online.get(first, online_id).taken_by == winners[0]

    for services in (first, second):
        services.uow.engine.dispose()  # type: ignore[attr-defined]
