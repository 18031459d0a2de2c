"""Sync's plain-Python rules: the intake freeze, late feedback, online applications, feed names."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.domain.linkage import SupervisionFeedback, is_late
from desktop.domain.online import OnlineApplication, OnlineStatus
from desktop.domain.sync_state import FEEDS, PUSH, catalog_age_days, freeze_state
from sync.protocol import Feed
from sync.store import PUSH as STORE_PUSH

DAY = date(2026, 12, 4)
AT = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)


def test_the_domains_feed_names_are_the_protocols() -> None:
    assert tuple(f.value for f in Feed) == FEEDS
    assert PUSH == STORE_PUSH


@pytest.mark.parametrize(
    ("enrolled", "last", "age"),
    [
        (None, None, None),
        (date(2026, 11, 26), None, 8),
        (date(2026, 11, 26), date(2026, 12, 1), 3),
        (date(2026, 12, 2), date(2026, 11, 20), 2),  # a success before enrolment does not count
    ],
)
def test_catalog_age(enrolled: date | None, last: date | None, age: int | None) -> None:
    assert catalog_age_days(DAY, enrolled, last) == age


@pytest.mark.parametrize(("days_old", "frozen"), [(0, False), (6, False), (7, False), (8, True), (30, True)])
def test_frozen_after_more_than_the_maximum_age(days_old: int, frozen: bool) -> None:
    enrolled = date.fromordinal(DAY.toordinal() - days_old)
    state = freeze_state(DAY, enrolled, None, None, max_age_days=7)
    assert (state.frozen, state.stale, state.age_days) == (frozen, frozen, days_old)
    assert (f"已 {days_old} 天未与中心平台同步" in state.reason) is frozen


def test_never_enrolled_is_never_frozen() -> None:
    assert not freeze_state(DAY, None, None, None, max_age_days=0).frozen


def test_an_override_holds_for_its_day_until_the_next_catalog_success() -> None:
    enrolled = date(2026, 11, 1)
    today = freeze_state(DAY, enrolled, None, None, 7, override_on=DAY, override_at=AT)
    assert today.overridden and not today.frozen and today.stale
    yesterday = freeze_state(DAY, enrolled, None, None, 7, override_on=date(2026, 12, 3), override_at=AT)
    assert yesterday.frozen and not yesterday.overridden
    # a catalog success after the override ends it
    later = datetime(2026, 12, 4, 3, 0, tzinfo=UTC)
    ended = freeze_state(DAY, enrolled, later, date(2026, 11, 20), 7, override_on=DAY, override_at=AT)
    assert ended.frozen and not ended.overridden


def test_late_feedback_and_overdue() -> None:
    due = date(2026, 12, 1)
    assert not is_late(date(2026, 12, 1), due) and is_late(date(2026, 12, 2), due)
    fb = SupervisionFeedback(
        "f", "", "", "", "", "审批局", "市场监管局", "", "", AT, None, AT, due, late=False
    )
    assert not fb.overdue(due) and fb.overdue(date(2026, 12, 2))
    acknowledged = SupervisionFeedback(
        "f", "", "", "", "", "审批局", "市场监管局", "", "", AT, None, AT, due, False, "u", AT
    )
    assert acknowledged.acknowledged and not acknowledged.overdue(date(2027, 1, 1))


def test_online_application_reads_its_form_defensively() -> None:
    app = OnlineApplication(
        "W1", AT, AT, {"enterprise": {"uscc": "X", "name": "某公司"}, "matters": ["A", 1]}
    )
    assert (app.uscc, app.enterprise_name, app.matters, app.status) == (
        "X",
        "某公司",
        ["A", "1"],
        OnlineStatus.NEW,
    )
    odd = OnlineApplication("W2", AT, AT, {"enterprise": "nope", "matters": "A"})
    assert (odd.uscc, odd.enterprise_name, odd.matters) == ("", "", [])
    assert OnlineStatus.TAKEN.label == "已领取"
