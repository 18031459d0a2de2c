"""The after-approval domain: calendar months, the commitment snapshot's items, lifecycle moves."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.domain.after_approval import (
    NOT_IN_SNAPSHOT,
    CommitmentSnapshot,
    LifecycleAction,
    add_months,
    next_status,
)
from desktop.domain.errors import DomainError, IllegalTransition
from desktop.domain.permits import Permit, PermitStatus

AT = datetime(2026, 11, 26, 2, tzinfo=UTC)


def test_calendar_months_clamp_to_the_last_day() -> None:
    assert add_months(date(2026, 11, 26), 2) == date(2027, 1, 26)
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 12, 15), 3) == date(2027, 3, 15)


def test_only_items_the_letter_stated_can_be_cited() -> None:
    snap = CommitmentSnapshot(
        "a", "XF-01", 1, "消防", "消防法", ("疏散通道畅通", "配置灭火器"), (), "20个工作日", (), AT
    )
    assert snap.check_cited([" 配置灭火器 ", "配置灭火器"]) == ("配置灭火器",)
    with pytest.raises(DomainError, match=NOT_IN_SNAPSHOT):
        snap.check_cited(["装修材料不燃"])
    again = CommitmentSnapshot.from_json("a", "XF-01", 1, AT, snap.as_json())
    assert again == snap


def test_lifecycle_transitions() -> None:
    permit = Permit("P1", "XF-01", "u", "a", AT, date(2026, 11, 26), date(2031, 11, 25))
    today = date(2026, 11, 27)
    assert next_status(permit, LifecycleAction.SUSPEND, today) is PermitStatus.SUSPENDED
    assert next_status(permit, LifecycleAction.RENEW, today) is PermitStatus.OTHER
    gone = Permit("P1", "XF-01", "u", "a", AT, date(2026, 11, 26), None, PermitStatus.DEREGISTERED)
    with pytest.raises(IllegalTransition, match="当前状态为“注销”，不能吊销"):
        next_status(gone, LifecycleAction.REVOKE, today)
    with pytest.raises(IllegalTransition, match="不能解除暂扣"):
        next_status(permit, LifecycleAction.REINSTATE, today)
    # an expired permit may be deregistered or renewed, not suspended
    assert next_status(permit, LifecycleAction.DEREGISTER, date(2032, 1, 1)) is PermitStatus.DEREGISTERED
    with pytest.raises(IllegalTransition, match="失效"):
        next_status(permit, LifecycleAction.SUSPEND, date(2032, 1, 1))
