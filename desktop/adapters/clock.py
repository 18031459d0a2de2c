"""The real clock: UTC stored, China Standard Time for local dates (no daylight saving)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now(CHINA).date()

    def local_date(self, at: datetime) -> date:
        return at.astimezone(CHINA).date()


class FixedClock:
    """A clock that stands still until moved (tests, demos)."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def today(self) -> date:
        return self.at.astimezone(CHINA).date()

    def local_date(self, at: datetime) -> date:
        return at.astimezone(CHINA).date()

    def advance(self, delta: timedelta) -> None:
        self.at += delta
