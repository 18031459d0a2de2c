"""Tests for the working-day calendar and the official schedule import."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.adapters.holidays import ChineseCalendarSource, WeekendOnlySource
from desktop.domain.calendar import (
    Deadline,
    RowError,
    ScheduleEntry,
    WorkCalendar,
    parse_schedule,
)

BASE = ChineseCalendarSource()


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar(BASE)


class _FakeSource:
    """Knows only 2026, where it has one invented holiday on Tuesday 2026-03-03."""

    def knows_year(self, year: int) -> bool:
        return year == 2026

    def is_workday(self, day: date) -> bool:
        assert day.year == 2026, "called for a year the source does not know"
        return day.weekday() < 5 and day != date(2026, 3, 3)


# ---------------------------------------------------------------- base facts (2026)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ],
)
def test_make_up_weekend_days_are_workdays(cal: WorkCalendar, day: date) -> None:
    assert day.weekday() >= 5
    assert cal.is_workday(day)


@pytest.mark.parametrize(
    "day",
    [date(2026, 6, 19), date(2026, 9, 25), *(date(2026, 10, d) for d in range(1, 8))],
)
def test_statutory_holidays_are_not_workdays(cal: WorkCalendar, day: date) -> None:
    assert not cal.is_workday(day)


# ---------------------------------------------------------------- add_working_days


def test_twenty_working_days_across_national_day(cal: WorkCalendar) -> None:
    # 9-25..27 and 10-01..07 are off, Saturday 10-10 is a make-up workday.
    assert cal.add_working_days(date(2026, 9, 24), 20) == Deadline(date(2026, 10, 29), False)


def test_start_day_is_not_counted(cal: WorkCalendar) -> None:
    assert cal.add_working_days(date(2026, 11, 27), 1).due == date(2026, 11, 30)


@pytest.mark.parametrize(
    ("start", "due"),
    [(date(2026, 10, 9), date(2026, 10, 10)), (date(2026, 2, 13), date(2026, 2, 14))],
)
def test_make_up_saturday_is_counted(cal: WorkCalendar, start: date, due: date) -> None:
    assert cal.add_working_days(start, 1).due == due


def test_zero_days_returns_start(cal: WorkCalendar) -> None:
    assert cal.add_working_days(date(2026, 10, 1), 0) == Deadline(date(2026, 10, 1), False)
    assert cal.add_working_days(date(2027, 3, 1), 0) == Deadline(date(2027, 3, 1), True)


def test_negative_days_rejected(cal: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="负数"):
        cal.add_working_days(date(2026, 10, 1), -1)


def test_deadline_into_unknown_year_is_provisional_and_uses_weekends(cal: WorkCalendar) -> None:
    # 12-28..31 (4 days), then 2027-01-01 is a Friday counted by the weekend rule.
    assert cal.add_working_days(date(2026, 12, 25), 10) == Deadline(date(2027, 1, 8), True)
    assert cal.is_workday(date(2027, 1, 1))
    assert not cal.is_workday(date(2027, 1, 2))


def test_imported_year_makes_deadline_final_and_moves_it() -> None:
    cal = WorkCalendar(BASE, overrides={date(2027, 1, 1): False}, imported_years={2027})
    assert cal.knows_year(2027)
    assert cal.add_working_days(date(2026, 12, 25), 10) == Deadline(date(2027, 1, 11), False)


def test_imported_year_without_entries_follows_weekend_rule() -> None:
    cal = WorkCalendar(BASE, imported_years=[2027])
    assert cal.add_working_days(date(2026, 12, 25), 10) == Deadline(date(2027, 1, 8), False)


def test_override_makes_weekday_a_holiday(cal: WorkCalendar) -> None:
    local = WorkCalendar(BASE, overrides={date(2026, 11, 30): False})
    assert cal.is_workday(date(2026, 11, 30))
    assert not local.is_workday(date(2026, 11, 30))
    assert local.add_working_days(date(2026, 11, 27), 1).due == date(2026, 12, 1)


def test_override_makes_sunday_a_workday() -> None:
    local = WorkCalendar(BASE, overrides={date(2026, 11, 29): True})
    assert local.add_working_days(date(2026, 11, 27), 1).due == date(2026, 11, 29)


def test_override_beats_base_holiday() -> None:
    local = WorkCalendar(BASE, overrides={date(2026, 10, 2): True})
    assert local.is_workday(date(2026, 10, 2))


def test_imported_year_supersedes_base() -> None:
    assert not WorkCalendar(_FakeSource()).is_workday(date(2026, 3, 3))
    reimported = WorkCalendar(_FakeSource(), imported_years={2026})
    assert reimported.is_workday(date(2026, 3, 3))


def test_unknown_years_never_reach_the_base() -> None:
    cal = WorkCalendar(_FakeSource())
    assert cal.add_working_days(date(2026, 12, 30), 30).provisional
    assert cal.is_workday(date(1900, 1, 1))
    assert not cal.is_workday(date(2027, 1, 2))


def test_no_crash_outside_base_calendar(cal: WorkCalendar) -> None:
    assert cal.knows_year(2026)
    assert not cal.knows_year(2027)
    assert not cal.knows_year(1900)
    assert cal.is_workday(date(1900, 1, 1))  # a Monday, weekend rule
    assert cal.working_days_between(date(2026, 12, 1), date(2027, 2, 1)) > 0


def test_five_hundred_working_days(cal: WorkCalendar) -> None:
    deadline = cal.add_working_days(date(2025, 1, 1), 500)
    assert deadline == Deadline(date(2027, 1, 6), True)
    assert cal.working_days_between(date(2025, 1, 1), deadline.due) == 500


# ---------------------------------------------------------------- working_days_between


def test_working_days_between(cal: WorkCalendar) -> None:
    friday, monday = date(2026, 11, 27), date(2026, 11, 30)
    assert cal.working_days_between(friday, friday) == 0
    assert cal.working_days_between(friday, monday) == 1
    assert cal.working_days_between(monday, friday) == -1
    assert cal.working_days_between(date(2026, 9, 30), date(2026, 10, 8)) == 1
    assert cal.working_days_between(date(2026, 10, 8), date(2026, 9, 30)) == -1


@settings(database=None)
@given(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2029, 12, 31)),
    st.dates(min_value=date(2024, 1, 1), max_value=date(2029, 12, 31)),
)
def test_working_days_between_is_antisymmetric(a: date, b: date) -> None:
    cal = WorkCalendar(BASE)
    assert cal.working_days_between(a, b) == -cal.working_days_between(b, a)


@settings(database=None)
@given(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2029, 12, 31)),
    st.integers(min_value=0, max_value=60),
)
def test_add_and_count_round_trip(start: date, n: int) -> None:
    cal = WorkCalendar(BASE, overrides={date(2027, 1, 1): False}, imported_years={2027})
    deadline = cal.add_working_days(start, n)
    assert cal.working_days_between(start, deadline.due) == n
    if n > 0:
        assert cal.is_workday(deadline.due)
    assert deadline.provisional == cal.is_provisional(start, deadline.due)
    assert deadline.provisional == (deadline.due.year >= 2028)


# ---------------------------------------------------------------- is_provisional


def test_is_provisional(cal: WorkCalendar) -> None:
    assert not cal.is_provisional(date(2026, 1, 1), date(2026, 12, 31))
    assert cal.is_provisional(date(2026, 12, 31), date(2027, 1, 4))
    assert not cal.is_provisional(date(2025, 12, 31), date(2026, 1, 5))
    assert cal.is_provisional(date(2027, 3, 1), date(2027, 3, 1))
    # Only days after start count: start on the last day of an unknown year.
    assert not cal.is_provisional(date(2024, 12, 31), date(2025, 1, 2))


# ---------------------------------------------------------------- parse_schedule

SCHEDULE_2027 = """\
date,kind,note
# 2027 holiday notice (illustrative)
2027-01-01,holiday,元旦

2027/2/6,休息,春节
2027-02-20,上班,春节调休
"2027-10-09",workday,"国庆节, 调休"
"""


def test_parse_schedule_reads_entries() -> None:
    year, entries, errors = parse_schedule(SCHEDULE_2027)
    assert errors == []
    assert year == 2027
    assert entries == [
        ScheduleEntry(date(2027, 1, 1), False, "元旦"),
        ScheduleEntry(date(2027, 2, 6), False, "春节"),
        ScheduleEntry(date(2027, 2, 20), True, "春节调休"),
        ScheduleEntry(date(2027, 10, 9), True, "国庆节, 调休"),
    ]


def test_parse_schedule_chinese_header_bom_and_optional_note() -> None:
    text = "\ufeff日期,类型,说明\r\n2027-01-01,节假日\r\n2027-02-20,工作日,调休\r\n"
    year, entries, errors = parse_schedule(text)
    assert (year, errors) == (2027, [])
    assert entries == [
        ScheduleEntry(date(2027, 1, 1), False),
        ScheduleEntry(date(2027, 2, 20), True, "调休"),
    ]


def test_parsed_schedule_feeds_calendar() -> None:
    year, entries, errors = parse_schedule(SCHEDULE_2027)
    assert not errors
    cal = WorkCalendar(BASE, {e.day: e.workday for e in entries}, imported_years=[year])
    assert not cal.is_workday(date(2027, 1, 1))
    assert cal.is_workday(date(2027, 2, 20))  # a Saturday
    assert cal.is_workday(date(2027, 3, 1))  # not listed: weekend rule
    assert not cal.add_working_days(date(2026, 12, 25), 10).provisional


def test_parse_schedule_errors_carry_line_numbers() -> None:
    text = "\n".join(
        [
            "date,kind,note",  # 1
            "2027-01-01,holiday,元旦",  # 2
            "",  # 3
            "# comment",  # 4
            "2027-02-30,holiday,",  # 5 bad date
            "2027-02-06,放假,春节",  # 6 bad kind
            "2028-01-01,holiday,",  # 7 other year
            "2027-01-01,workday,",  # 8 duplicate of row 2
            "2027-03-01",  # 9 too few columns
            "2027-03-02,holiday,a,b",  # 10 too many columns
            "01/03/2027,holiday,",  # 11 bad date format
        ]
    )
    year, entries, errors = parse_schedule(text)
    assert year == 2027
    assert entries == [ScheduleEntry(date(2027, 1, 1), False, "元旦")]
    assert [e.row for e in errors] == [5, 6, 7, 8, 9, 10, 11]
    assert "2027-02-30" in errors[0].message
    assert "放假" in errors[1].message
    assert "2027年" in errors[2].message
    assert "第2行重复" in errors[3].message
    assert all(isinstance(e, RowError) and e.message for e in errors)


def test_parse_schedule_rejects_missing_header() -> None:
    _, entries, errors = parse_schedule("2027-01-01,holiday,元旦\n2027-02-06,holiday,春节\n")
    assert errors[0].row == 1
    assert "表头" in errors[0].message
    assert len(entries) == 1


@pytest.mark.parametrize(
    "text", ["", "\n\n# only a comment\n", "date,kind,note\n", "日期,类型,说明\n# none\n"]
)
def test_parse_schedule_rejects_empty_file(text: str) -> None:
    year, entries, errors = parse_schedule(text)
    assert (year, entries) == (0, [])
    assert len(errors) == 1
    assert errors[0].row == 0


def test_weekend_only_calendar() -> None:
    cal = WorkCalendar(WeekendOnlySource())
    assert not cal.knows_year(2026)
    assert cal.is_workday(date(2026, 10, 1))  # a Thursday: no holidays known
    assert cal.add_working_days(date(2026, 11, 27), 1) == Deadline(date(2026, 11, 30), True)
