"""The wire format shared by the counter's sync engine and the central platform (protocol v1).

Everything is JSON over HTTP(S). The counter authenticates with ``Authorization: Bearer <device
token>``; admin endpoints with an admin token. See sync/PROTOCOL.md for the rules (idempotency,
cursors, retries) and the server's ``/openapi.json`` for the exact shapes.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"
MAX_BATCH = 500  # events per push
MAX_PAGE = 500  # items per pull
MAX_PAYLOAD = 64_000  # characters of one event's payload


class Feed(str, Enum):
    """Typed reference data a counter pulls, each with its own cursor and last-success time."""

    CATALOG = "catalog"  # catalog versions (official layout rows)
    CALENDAR = "calendar"  # holiday calendars, one item per year
    TRUST_LIST = "trust_list"  # print-station public keys and their status
    STATUS_LIST = "status_list"  # licence/permit status changes (suspend, annul, revoke, deregister)
    SUPERVISION_FEEDBACK = "supervision_feedback"  # 审管联动 feedback for the approving department
    USERS = "users"  # this hall's users and roles
    ONLINE_APPLICATIONS = "online_applications"  # 一网办 applications for this hall

    @property
    def label(self) -> str:
        return FEED_LABELS[self]


FEED_LABELS = {
    Feed.CATALOG: "事项清单",
    Feed.CALENDAR: "工作日历",
    Feed.TRUST_LIST: "信任列表",
    Feed.STATUS_LIST: "证照状态",
    Feed.SUPERVISION_FEEDBACK: "监管反馈",
    Feed.USERS: "用户与角色",
    Feed.ONLINE_APPLICATIONS: "网上申请",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ------------------------------------------------------------------ enrolment
class EnrolRequest(_Model):
    code: str = Field(min_length=6, max_length=64, description="one-time code issued by an admin")
    device_name: str = Field(min_length=1, max_length=100)
    hall: str = Field(default="", max_length=100, description="the hall this counter belongs to")


class EnrolResponse(_Model):
    device_id: str
    token: str = Field(description="shown once; the server keeps only its hash")
    hall: str
    protocol: int = PROTOCOL_VERSION


# ------------------------------------------------------------------ push
class EventIn(_Model):
    id: str = Field(min_length=1, max_length=64, description="made by the client with the outbox row")
    kind: str = Field(min_length=1, max_length=64)
    payload: str = Field(
        max_length=MAX_PAYLOAD, description="canonical JSON text, fixed when the outbox row was written"
    )
    created_at: str = Field(max_length=40, description="ISO 8601, when the change happened")
    sent_at: str = Field(
        max_length=40,
        description="ISO 8601, when the counter recorded the send (推送时间); not part of the payload "
        "and not compared for idempotency",
    )


class PushRequest(_Model):
    events: list[EventIn] = Field(max_length=MAX_BATCH)


class EventResult(_Model):
    id: str
    status: int = Field(description="201 stored, 200 already stored with the same payload, 409 conflict")
    detail: str = ""


class PushResponse(_Model):
    results: list[EventResult]


# ------------------------------------------------------------------ pull
class FeedItem(_Model):
    key: str = Field(description="what the item is about (version label, year, key id, number, …)")
    data: dict[str, Any]


class FeedPage(_Model):
    feed: Feed
    items: list[FeedItem]
    cursor: str = Field(description="pass as ?after= to get the next page; store it with the items")
    more: bool


# ------------------------------------------------------------------ status
class ServerInfo(_Model):
    protocol: int = PROTOCOL_VERSION
    name: str = "OneWindow central platform"
    time: str
