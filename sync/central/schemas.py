"""Request and response shapes of the central platform's own endpoints (admin, portal, linkage).

The counter-facing shapes (enrol, push, pull) live in sync/protocol.py.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol import FeedItem

_SHORT = 200
_TEXT = 4000


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ------------------------------------------------------------------ admin
class EnrolCodeOut(_Model):
    code: str = Field(description="one-time enrolment code, valid 7 days; shown once")
    expires_in_days: int


class DeviceOut(_Model):
    id: str
    name: str
    hall: str
    enrolled_at: str
    revoked_at: str | None


class DeviceList(_Model):
    devices: list[DeviceOut]


class CatalogVersionIn(_Model):
    label: str = Field(min_length=1, max_length=100)
    source: str = Field(default="", max_length=_SHORT)
    note: str = Field(default="", max_length=_TEXT)
    table: list[list[str]] = Field(
        max_length=20_000, description="official import layout: header row, then one row per matter"
    )


class CalendarIn(_Model):
    year: int = Field(ge=2000, le=2100)
    text: str = Field(max_length=100_000, description="the calendar import format, header first")


class TrustListIn(_Model):
    key_id: str = Field(min_length=1, max_length=_SHORT)
    public_key_pem: str = Field(default="", max_length=10_000)
    authority: str = Field(default="", max_length=_SHORT)
    station: str = Field(default="", max_length=_SHORT)
    status: str = Field(default="active", pattern="^(active|revoked)$")
    reason: str = Field(default="", max_length=_TEXT)


class StatusIn(_Model):
    number: str = Field(min_length=1, max_length=100)
    kind: str = Field(pattern="^(licence|permit)$")
    status: str = Field(pattern="^(01|02|03|04|05|07|99)$")
    reason: str = Field(default="", max_length=_TEXT)


class UserIn(_Model):
    hall: str = Field(default="", max_length=100, description="'' = every hall")
    username: str = Field(min_length=1, max_length=64)
    role: str = Field(min_length=1, max_length=32)
    department: str = Field(default="", max_length=_SHORT)
    display_name: str = Field(default="", max_length=100)
    active: bool = True
    password: str = Field(min_length=8, max_length=256)


class LinkageOfficerIn(_Model):
    department: str = Field(min_length=1, max_length=_SHORT)
    name: str = Field(min_length=1, max_length=100)


class TokenOut(_Model):
    token: str = Field(description="shown once; the server keeps only its hash")


class Published(_Model):
    feed: str
    key: str
    cursor: str = Field(description="the feed's sequence number of the published item")


class PublishedItem(_Model):
    feed: str
    item: FeedItem


# ------------------------------------------------------------------ portal (一网办)
class EnterpriseIn(_Model):
    uscc: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=_SHORT)
    legal_representative: str = Field(default="", max_length=100)
    address: str = Field(default="", max_length=_SHORT)
    contact_phone: str = Field(default="", max_length=40)
    legal_representative_id: str = Field(default="", max_length=40)
    kind: str = Field(default="", max_length=100)
    in_ftz: bool = False


class OnlineApplicationIn(_Model):
    hall: str = Field(min_length=1, max_length=100)
    enterprise: EnterpriseIn
    matters: list[str] = Field(default_factory=list, max_length=200)
    industries: list[str] = Field(default_factory=list, max_length=50)
    scope: str = Field(default="", max_length=_TEXT)
    form_values: dict[str, Any] = Field(default_factory=dict, max_length=1000)
    materials: list[str] = Field(default_factory=list, max_length=500)
    contact: str = Field(default="", max_length=_SHORT)


class IdOut(_Model):
    id: str
    warnings: list[str] = Field(default_factory=list)


# ------------------------------------------------------------------ 审管联动
class LinkageItemOut(_Model):
    event_id: str
    kind: str
    pushed_at: str = Field(description="推送时间: when the counter recorded the send (the event's sent_at)")
    received_at: str
    summary: dict[str, Any]


class LinkageFeedOut(_Model):
    department: str
    items: list[LinkageItemOut]


class FeedbackIn(_Model):
    licence: str = Field(default="", max_length=100)
    permit: str = Field(default="", max_length=100)
    uscc: str = Field(default="", max_length=40)
    matter: str = Field(default="", max_length=100)
    approving_department: str = Field(min_length=1, max_length=_SHORT)
    measure: str = Field(min_length=1, max_length=100)
    text: str = Field(default="", max_length=_TEXT)
    decided_at: str = Field(min_length=1, max_length=40, description="ISO 8601 date or time of the decision")


class RowErrorOut(_Model):
    row: int = Field(description="file line, header = 1; 0 = the whole file")
    message: str


class ErrorOut(_Model):
    detail: str | list[dict[str, Any]] = Field(
        description="a Chinese message (for a request not fitting the schema: FastAPI's problem list)"
    )
    errors: list[RowErrorOut] = Field(default_factory=list, description="a rejected table's bad rows")
