"""The review queue as the workbench shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.applications import RequestState
from desktop.domain.catalog import ReformMode

OPEN_STATES = (RequestState.IN_REVIEW, RequestState.CLAIMED, RequestState.AWAITING_SUPPLEMENT)
SORTS = ("due", "number", "enterprise")


@dataclass(frozen=True)
class QueueFilter:
    department: str | None  # None: every department (hall admin, system)
    states: tuple[RequestState, ...] = OPEN_STATES
    search: str = ""
    claimed_by: str | None = None
    sort: str = "due"
    descending: bool = False


@dataclass(frozen=True)
class QueueRow:
    application_id: str
    application_number: str
    request_id: str
    enterprise_name: str
    uscc: str
    matter_code: str
    matter_name: str
    mode: ReformMode
    department: str
    state: str
    claimed_by: str | None
    due: date | None
    due_provisional: bool
    channel: str


@dataclass(frozen=True)
class QueueItem:
    row: QueueRow
    remaining_days: int | None  # working days left; negative when overdue
    overdue: bool
    due_soon: bool  # 即将到期: 3 working days or fewer


@dataclass(frozen=True)
class QueuePage:
    items: tuple[QueueItem, ...]
    total: int
    offset: int
