"""一网办: an application made on the online portal and pulled into this hall's intake list.

A clerk takes it (only one clerk can hold it), and it goes through the same intake as a walk-in
case (无差别办理) with ``channel = online``; once submitted it is done and points at its case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any


class OnlineStatus(str, Enum):
    NEW = "new"  # waiting for a clerk
    TAKEN = "taken"  # a clerk holds it
    DONE = "done"  # submitted as a case

    @property
    def label(self) -> str:
        return {"new": "待领取", "taken": "已领取", "done": "已受理"}[self.value]


@dataclass(frozen=True)
class OnlineApplication:
    id: str
    submitted_at: datetime
    received_at: datetime
    data: dict[str, Any] = field(default_factory=dict)  # the portal's form, as published
    status: OnlineStatus = OnlineStatus.NEW
    taken_by: str | None = None
    taken_at: datetime | None = None
    application_id: str | None = None

    @property
    def enterprise(self) -> dict[str, Any]:
        value = self.data.get("enterprise")
        return value if isinstance(value, dict) else {}

    @property
    def enterprise_name(self) -> str:
        return str(self.enterprise.get("name", ""))

    @property
    def uscc(self) -> str:
        return str(self.enterprise.get("uscc", ""))

    @property
    def matters(self) -> list[str]:
        value = self.data.get("matters")
        return [str(code) for code in value] if isinstance(value, list) else []
