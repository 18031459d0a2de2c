"""What the counter knows of its sync with the central platform: the outbox rows as sent, each
feed's cursor and last success, and the intake freeze of a counter whose catalog is too old.

The feed names repeat ``sync.protocol.Feed``'s values (the domain imports only the standard
library; a test keeps the two lists equal).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

PUSH = "push"  # the outbox push's row in sync_state, beside the feeds
FEEDS = (
    "catalog",
    "calendar",
    "trust_list",
    "status_list",
    "supervision_feedback",
    "users",
    "online_applications",
)
CATALOG_FEED = "catalog"
DATA_TYPE_LABELS = {
    PUSH: "上传办件事件",
    "catalog": "事项清单",
    "calendar": "工作日历",
    "trust_list": "信任列表",
    "status_list": "证照状态",
    "supervision_feedback": "监管反馈",
    "users": "用户与角色",
    "online_applications": "网上申请",
}

# Outbox row states (PROTOCOL.md, "Push").
PENDING = "pending"
IN_FLIGHT = "in_flight"
SENT = "sent"
NEEDS_ATTENTION = "needs_attention"

DEFAULT_CATALOG_MAX_AGE_DAYS = 7


@dataclass(frozen=True)
class OutboxEntry:
    """An outbox row as stored: the payload is the exact text written in the change's transaction."""

    id: str
    kind: str
    payload: str
    created_at: datetime
    status: str
    attempts: int = 0
    last_error: str = ""
    sent_at: datetime | None = None  # the first send (推送时间)


@dataclass(frozen=True)
class FeedState:
    """One row of sync_state: a feed (or the push) with its cursor and its last pass."""

    name: str
    cursor: str = ""
    last_success: datetime | None = None
    last_attempt: datetime | None = None
    last_error: str = ""  # the last failed pass; a successful pass clears it
    rejected: str = ""  # the last item skipped as unusable (also in the audit log); kept
    rejected_at: datetime | None = None


@dataclass(frozen=True)
class Freeze:
    """Whether new intake is paused because the catalog has not been synced for too long."""

    frozen: bool  # intake paused now (after any override)
    stale: bool  # the catalog is too old, whether or not an override lets intake go on
    age_days: int | None  # days since the catalog's last successful pass (or enrolment)
    overridden: bool  # a hall admin's override is in force today
    reason: str = ""  # the message intake shows when frozen


def catalog_age_days(
    today: date, enrolled_on: date | None, last_catalog_success_on: date | None
) -> int | None:
    """Whole days since the later of enrolment and the catalog feed's last success (local dates)."""
    if enrolled_on is None:
        return None
    since = max(d for d in (enrolled_on, last_catalog_success_on) if d is not None)
    return (today - since).days


def freeze_state(
    today: date,
    enrolled_on: date | None,
    last_catalog_success: datetime | None,
    last_catalog_success_on: date | None,
    max_age_days: int,
    override_on: date | None = None,
    override_at: datetime | None = None,
) -> Freeze:
    """An enrolled counter is frozen when its catalog is more than ``max_age_days`` days old.

    A never-enrolled counter is never frozen (it works standalone). A hall admin's override lasts
    until the end of the local day it was given, or until the next successful catalog pass.
    """
    age = catalog_age_days(today, enrolled_on, last_catalog_success_on)
    stale = age is not None and age > max_age_days
    overridden = (
        override_on == today
        and override_at is not None
        and (last_catalog_success is None or override_at > last_catalog_success)
    )
    frozen = stale and not overridden
    reason = ""
    if stale:
        reason = f"事项清单已 {age} 天未与中心平台同步，已暂停新受理；请联网同步，或由大厅管理员授权继续受理"
    return Freeze(frozen, stale, age, overridden, reason)


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and ``onewindow sync status`` show."""

    enrolled: bool
    server_url: str
    device_id: str
    hall: str
    pending: int  # outbox rows pending or in flight
    needs_attention: int  # outbox rows the platform refused (409), parked for an admin
    last_success: dict[str, datetime | None]  # by feed value and "push"
    last_error: dict[str, str]  # by feed value and "push" ("" when the last pass succeeded)
    catalog_age_days: int | None
    frozen: bool
    freeze_reason: str
    freeze_overridden: bool
    rejected: dict[str, str] = field(default_factory=dict)  # the last skipped item, by feed
    enrolled_at: datetime | None = None
    pin: str = ""  # SHA-256 fingerprint of the platform's certificate, when pinned at enrolment


@dataclass(frozen=True)
class SyncProgressNote:
    """How far a sync pass has got (for a progress bar): stage, items done, items expected."""

    stage: str
    done: int
    total: int | None  # None when not known in advance


@dataclass(frozen=True)
class SyncPassResult:
    """What one sync pass did."""

    pushed: int
    pulled: int
    pending: int
    needs_attention: int
    online: bool  # the platform answered
    errors: tuple[str, ...] = ()
