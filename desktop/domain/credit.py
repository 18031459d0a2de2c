"""Credit records (信用记录): false commitments, failed checks, violations, penalties, market bans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum


class CreditRecordKind(str, Enum):
    FALSE_COMMITMENT = "false_commitment"  # 虚假承诺
    FAILED_CHECK = "failed_check"  # 核查不合格
    VIOLATION = "violation"  # 违法违规经营
    PENALTY = "penalty"  # 行政处罚
    MARKET_BAN = "market_ban"  # 市场禁入

    @property
    def label(self) -> str:
        return {
            "false_commitment": "虚假承诺",
            "failed_check": "核查不合格",
            "violation": "违法违规经营",
            "penalty": "行政处罚",
            "market_ban": "市场禁入",
        }[self.value]


@dataclass(frozen=True)
class CreditRecord:
    id: str
    kind: CreditRecordKind
    reason: str
    department: str
    recorded_at: datetime
    uscc: str = ""
    person_id: str = ""  # resident ID of a legal representative, for market bans on persons
    valid_until: date | None = None

    def in_force(self, today: date) -> bool:
        return self.valid_until is None or today <= self.valid_until
