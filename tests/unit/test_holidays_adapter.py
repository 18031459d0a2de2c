"""Tests for the chinesecalendar adapter and the weekend-only source."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.adapters.holidays import ChineseCalendarSource, WeekendOnlySource
from desktop.domain.calendar import HolidaySource


def test_sources_satisfy_protocol() -> None:
    sources: list[HolidaySource] = [ChineseCalendarSource(), WeekendOnlySource()]
    assert len(sources) == 2


@pytest.mark.parametrize("year", [2025, 2026])
def test_knows_shipped_years(year: int) -> None:
    assert ChineseCalendarSource().knows_year(year)


@pytest.mark.parametrize("year", [2027, 1900, 0, -5, 10000])
def test_unknown_years_never_raise(year: int) -> None:
    source = ChineseCalendarSource()
    assert not source.knows_year(year)
    assert not source.knows_year(year)  # cached answer is the same


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        (date(2026, 2, 14), True),  # Saturday, make-up workday
        (date(2026, 10, 1), False),  # 国庆节
        (date(2026, 6, 19), False),  # 端午节, a Friday
        (date(2026, 11, 30), True),  # ordinary Monday
        (date(2026, 11, 29), False),  # ordinary Sunday
        (date(2025, 10, 8), False),
    ],
)
def test_is_workday(day: date, workday: bool) -> None:
    result = ChineseCalendarSource().is_workday(day)
    assert type(result) is bool
    assert result is workday


def test_weekend_only_source_knows_no_year() -> None:
    source = WeekendOnlySource()
    assert not source.knows_year(2026)
    assert source.is_workday(date(2026, 10, 1))  # Thursday
    assert not source.is_workday(date(2026, 2, 14))  # Saturday
