"""Working-day calendar for statutory time limits (“N个工作日”).

The official base calendar sits behind ``HolidaySource``. Years it does not know can be
covered by importing the State Council holiday notice (``parse_schedule``); a year nobody
knows falls back to the weekend rule and deadlines reaching into it are provisional.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from desktop.domain.errors import RowError

__all__ = [
    "Deadline",
    "HolidaySource",
    "RowError",
    "ScheduleEntry",
    "WorkCalendar",
    "parse_schedule",
]

ONE_DAY = timedelta(days=1)

_KINDS = {
    "workday": True,
    "上班": True,
    "工作日": True,
    "holiday": False,
    "休息": False,
    "节假日": False,
}
_HEADER_NAMES = (("date", "日期"), ("kind", "类型"), ("note", "说明"))
_DATE_RE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")


class HolidaySource(Protocol):
    """The official base calendar."""

    def knows_year(self, year: int) -> bool: ...

    def is_workday(self, day: date) -> bool:
        """Only called for years the source knows."""
        ...


@dataclass(frozen=True)
class Deadline:
    due: date
    provisional: bool  # some counted day lies in a year nobody knows (weekend rule used)


@dataclass(frozen=True)
class ScheduleEntry:
    day: date
    workday: bool
    note: str = ""


def _weekend_rule(day: date) -> bool:
    return day.weekday() < 5


class WorkCalendar:
    """Base calendar plus local overrides and imported official schedules."""

    def __init__(
        self,
        base: HolidaySource,
        overrides: Mapping[date, bool] | None = None,
        imported_years: Iterable[int] = (),
    ) -> None:
        self._base = base
        self._overrides = dict(overrides or {})
        self._imported = frozenset(imported_years)
        self._known: dict[date, bool] = {}  # answers already worked out (a queue asks the same days)

    def knows_year(self, year: int) -> bool:
        """True when the base knows the year or its official schedule was imported."""
        return year in self._imported or self._base.knows_year(year)

    def is_workday(self, day: date) -> bool:
        """Override first; an imported year supersedes the base; unknown years use Mon–Fri."""
        known = self._known.get(day)
        if known is not None:
            return known
        override = self._overrides.get(day)
        if override is not None:
            answer = override
        elif day.year not in self._imported and self._base.knows_year(day.year):
            answer = self._base.is_workday(day)
        else:
            answer = _weekend_rule(day)
        self._known[day] = answer
        return answer

    def add_working_days(self, start: date, n: int) -> Deadline:
        """The n-th working day after ``start`` (``start`` itself is not counted)."""
        if n < 0:
            raise ValueError(f"工作日天数不能为负数（当前为{n}）")
        day = start
        remaining = n
        while remaining:
            day += ONE_DAY
            if self.is_workday(day):
                remaining -= 1
        return Deadline(day, self.is_provisional(start, day))

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when ``end`` is before ``start``."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += ONE_DAY
            if self.is_workday(day):
                count += 1
        return count

    def is_provisional(self, start: date, due: date) -> bool:
        """True when a year of the days (start, due] is unknown (``due``'s year if due <= start)."""
        first = start + ONE_DAY if due > start else due
        return any(not self.knows_year(y) for y in range(first.year, due.year + 1))


def _is_header(cells: list[str]) -> bool:
    names = [c.strip().lower() for c in cells]
    if len(names) not in (2, 3):
        return False
    return all(name in _HEADER_NAMES[i] for i, name in enumerate(names))


def _parse_date(text: str) -> date | None:
    match = _DATE_RE.fullmatch(text)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_schedule(text: str) -> tuple[int, list[ScheduleEntry], list[RowError]]:
    """Read one year's official schedule (CSV ``date,kind,note``); reject the file if errors."""
    entries: list[ScheduleEntry] = []
    errors: list[RowError] = []
    first_row: dict[date, int] = {}
    year = 0
    header_seen = False
    for row, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line]))
        if not header_seen:
            header_seen = True
            if not _is_header(cells):
                errors.append(RowError(row, "第一行应为表头“date,kind,note”或“日期,类型,说明”"))
            continue
        if len(cells) not in (2, 3):
            errors.append(
                RowError(row, f"应为“日期,类型,说明”3列，当前为{len(cells)}列；说明中含逗号时请加引号")
            )
            continue
        raw_day, raw_kind = cells[0].strip(), cells[1].strip()
        note = cells[2].strip() if len(cells) == 3 else ""
        day = _parse_date(raw_day)
        if day is None:
            errors.append(RowError(row, f"日期“{raw_day}”无效，应为YYYY-MM-DD，如2026-10-01"))
            continue
        workday = _KINDS.get(raw_kind.lower())
        if workday is None:
            errors.append(
                RowError(row, f"类型“{raw_kind}”无效，应为上班/休息（或workday/holiday、工作日/节假日）")
            )
            continue
        if not year:
            year = day.year
        elif day.year != year:
            errors.append(RowError(row, f"日期{day.isoformat()}不在{year}年；一个文件只能包含一年的安排"))
            continue
        if day in first_row:
            errors.append(RowError(row, f"日期{day.isoformat()}与第{first_row[day]}行重复"))
            continue
        first_row[day] = row
        entries.append(ScheduleEntry(day, workday, note))
    if not header_seen:
        errors.append(RowError(0, "文件为空，请选择国务院办公厅放假安排的CSV文件"))
    elif not entries and not errors:
        errors.append(RowError(0, "文件中没有任何日期安排，请检查内容"))
    return year, entries, errors
