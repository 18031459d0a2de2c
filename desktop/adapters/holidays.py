"""Holiday sources for ``WorkCalendar``; the only module that imports ``chinese_calendar``."""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, date

import chinese_calendar


class ChineseCalendarSource:
    """The official calendar as packaged in ``chinesecalendar``; knows the years it ships."""

    def __init__(self) -> None:
        self._known: dict[int, bool] = {}

    def knows_year(self, year: int) -> bool:
        """True iff ``chinese_calendar`` answers for the year (probed once, then cached)."""
        known = self._known.get(year)
        if known is None:
            known = self._probe(year)
            self._known[year] = known
        return known

    @staticmethod
    def _probe(year: int) -> bool:
        if not MINYEAR <= year <= MAXYEAR:
            return False
        try:
            chinese_calendar.is_workday(date(year, 1, 1))
            chinese_calendar.is_workday(date(year, 12, 31))
        except NotImplementedError:
            return False
        return True

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a working day; only for years ``knows_year`` accepts."""
        return bool(chinese_calendar.is_workday(day))


class WeekendOnlySource:
    """Knows no year, so ``WorkCalendar`` applies the weekend rule everywhere."""

    def knows_year(self, year: int) -> bool:
        return False

    def is_workday(self, day: date) -> bool:
        return day.weekday() < 5
