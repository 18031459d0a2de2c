"""好差评: one 5-level rating per case, by the applicant; a bad one opens a rectification task."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum


class RatingLevel(IntEnum):
    VERY_SATISFIED = 5  # 非常满意
    SATISFIED = 4  # 满意
    BASICALLY_SATISFIED = 3  # 基本满意
    DISSATISFIED = 2  # 不满意
    VERY_DISSATISFIED = 1  # 非常不满意

    @property
    def label(self) -> str:
        return RATING_LABELS[self]

    @property
    def needs_rectification(self) -> bool:
        return self <= RatingLevel.DISSATISFIED


RATING_LABELS = {
    RatingLevel.VERY_SATISFIED: "非常满意",
    RatingLevel.SATISFIED: "满意",
    RatingLevel.BASICALLY_SATISFIED: "基本满意",
    RatingLevel.DISSATISFIED: "不满意",
    RatingLevel.VERY_DISSATISFIED: "非常不满意",
}
RECTIFICATION_WORKING_DAYS = 15  # 差评 rectified within 15 working days, with a call-back


@dataclass(frozen=True)
class ServiceRating:
    application_id: str
    level: RatingLevel
    comment: str
    via: str  # "counter" (评价器 at the window) | "pad" (full-screen rating window)
    at: datetime


@dataclass(frozen=True)
class Rectification:
    id: str
    application_id: str
    level: RatingLevel
    comment: str
    due: date
    created_at: datetime
    status: str = "open"  # open | done
    callback_record: str = ""  # 回访记录
    done_by: str = ""
    done_at: datetime | None = None
