"""改革台账: the statistics of the 证照分离 reform over a period of local dates (China Standard Time).

The repository hands over plain facts (one ``ItemFact`` per permit request of a case accepted in the
period, the ratings, the rectifications); ``compute`` turns them into a ``Ledger`` in one pass, and
``Ledger.tables()`` lays the ledger out as titled tables with Chinese headers that the spreadsheet,
the PDF report, the screen and the command line all show the same way.

What each figure counts (the definitions of this ledger):

- **Period**: an item (事项, one permit request) belongs to the period when its case was accepted
  (受理) on a local date in [start, end]. Cases never accepted (待受理, 待补正, 不予受理) are not
  counted. A rating belongs to the period it was given in; a rectification to the period its bad
  rating (and so the task) was opened in. 按期 splits the period into calendar months or ISO
  weeks (Monday to Sunday), the first and last clipped to the period.
- **按模式 / 按部门**: the reform mode recorded on the item (a free-trade-zone-only matter handled
  on the old procedure keeps its mode, and is routed); the item's approving department (审批部门).
- **按行业**: the industries chosen at intake (一业一证), by name. A case that chose several
  (多业一证) counts under each, so that table's column can add up to more than the total; a case
  that chose none counts under “未选行业”. The table counts cases and their items.
- **准入即营**: items concluded at acceptance by the reform itself — a cancelled matter recorded
  and pushed (直接取消审批), a filing 当场办结 (审批改为备案), a permit granted on the applicant's
  commitment (实行告知承诺). Share = those items / all items of the period. 智能审批 (a rule's
  ``auto_grant``) is not 准入即营: it is a review decided by a rule and counts among the reviewed
  items, with 0 working days.
- **审批用时**: for items routed to review (分送审批) and decided (准予, 不予, 智能审批): working days
  on the work calendar from the local date of acceptance to the local date of the decision, i.e.
  the working days in (accepted, decided] — the count of “N个工作日” deadlines (the acceptance day
  is not counted; decided the same day = 0). The limit it is measured against is the matter's
  办理时限 in the case's catalog version (the promised limit; a matter without one gets the
  statutory 20 working days, 行政许可法第四十二条 — ``Matter.review_time_limit``), the limit the
  item's due date was computed from. Supplement periods are not deducted: the counter does not
  stop the clock and the due date is not extended.
- **逾期**: among items with a due date (every routed item): decided on a local date after the due
  date, or not decided yet while the as-of date (today) is after it. Rate = overdue / items with a
  due date.
- **减材料减表单** (per industry of the current catalog): fields and materials when each of the
  industry's matters is applied for separately (the sum over its matters: a field or material two
  matters ask for counts twice) against the industry's one form (every shared field asked once)
  and one checklist (each material once, without what government departments already hold) —
  ``desktop.domain.intake_form.merge``, the form the intake wizard shows. 累计减少 = the saving
  of one case × the period's cases that chose the industry.
- **评价**: the five 好差评 levels; 好评 = 基本满意 and better, 差评 = 不满意 and 非常不满意 (each
  差评 opens a rectification task). **整改**: the period's tasks done (on time when done by their
  due date), open and not yet due, and open past their due date on the as-of date.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from desktop.domain.applications import ActionKind
from desktop.domain.calendar import WorkCalendar
from desktop.domain.catalog import REFORM_MODE_LABELS, Catalog, ReformMode
from desktop.domain.errors import DomainError
from desktop.domain.intake_form import merge
from desktop.domain.ratings import RATING_LABELS, RatingLevel

LEDGER_TITLE = "「证照分离」改革工作台账"
PERIODS = {"month": "按月", "week": "按周"}
NO_INDUSTRY = "未选行业"
MAX_DAYS = 3660  # ten years: beyond that a ledger is a mistake in the dates

# 准入即营: concluded at acceptance by the reform itself
IMMEDIATE = frozenset({ActionKind.RECORD_CANCELLED, ActionKind.FILE, ActionKind.GRANT_ON_COMMITMENT})
# decided after review (智能审批 included)
REVIEW_DECISIONS = frozenset({ActionKind.GRANT, ActionKind.DENY, ActionKind.AUTO_GRANT})
CONCLUSIONS = IMMEDIATE | REVIEW_DECISIONS

LocalDate = Callable[[datetime], date]


# ------------------------------------------------------------------ facts (from the repository)


@dataclass(frozen=True)
class ItemFact:
    """One item (permit request) of a case accepted in the period, as the statistics need it."""

    request_id: str
    application_id: str
    matter_code: str
    mode: ReformMode
    department: str  # the approving department
    accepted_at: datetime
    routed: bool  # sent to review (分送审批), old procedure included
    concluded_by: ActionKind | None  # the action that finished it; None while it is open
    concluded_at: datetime | None
    due: date | None
    time_limit_days: int  # Matter.review_time_limit in the case's catalog version
    industries: tuple[str, ...] = ()  # the case's industries (names), 一业一证


@dataclass(frozen=True)
class RatingFact:
    application_id: str
    level: RatingLevel
    at: datetime


@dataclass(frozen=True)
class RectificationFact:
    id: str
    level: RatingLevel
    due: date
    created_at: datetime
    done_at: datetime | None  # None while open


# ------------------------------------------------------------------ the ledger


@dataclass(frozen=True)
class Figures:
    """The counts of one group of items (the whole period, a mode, a department, a month…)."""

    applications: int = 0
    items: int = 0
    immediate: int = 0  # 准入即营
    routed: int = 0  # sent to review
    concluded: int = 0  # finished (immediately or after review)
    reviewed: int = 0  # routed and decided
    days_total: int = 0  # working days taken by the reviewed items
    limit_total: int = 0  # their limits
    with_due: int = 0
    on_time: int = 0  # decided by the due date
    late_decided: int = 0  # decided after the due date
    late_open: int = 0  # not decided, due date passed on the as-of date
    per_mode: tuple[int, ...] = (0, 0, 0, 0)  # items by ReformMode, in the enum's order
    ratings: int = 0
    good: int = 0
    bad: int = 0

    @property
    def open(self) -> int:
        return self.items - self.concluded

    @property
    def overdue(self) -> int:
        return self.late_decided + self.late_open

    @property
    def immediate_share(self) -> float | None:
        return ratio(self.immediate, self.items)

    @property
    def average_days(self) -> float | None:
        return ratio(self.days_total, self.reviewed)

    @property
    def average_limit(self) -> float | None:
        return ratio(self.limit_total, self.reviewed)

    @property
    def days_to_limit(self) -> float | None:
        """Working days taken as a share of the limit (below 1: faster than promised)."""
        return ratio(self.days_total, self.limit_total)

    @property
    def overdue_rate(self) -> float | None:
        return ratio(self.overdue, self.with_due)

    @property
    def good_rate(self) -> float | None:
        return ratio(self.good, self.ratings)

    def mode_count(self, mode: ReformMode) -> int:
        return self.per_mode[list(ReformMode).index(mode)]

    def as_dict(self) -> dict[str, Any]:
        return {
            "applications": self.applications,
            "items": self.items,
            "immediate": self.immediate,
            "immediate_share": self.immediate_share,
            "routed": self.routed,
            "concluded": self.concluded,
            "open": self.open,
            "reviewed": self.reviewed,
            "average_days": self.average_days,
            "average_limit": self.average_limit,
            "with_due": self.with_due,
            "on_time": self.on_time,
            "late_decided": self.late_decided,
            "late_open": self.late_open,
            "overdue": self.overdue,
            "overdue_rate": self.overdue_rate,
            "modes": {mode.value: self.mode_count(mode) for mode in ReformMode},
            "ratings": self.ratings,
            "good": self.good,
            "bad": self.bad,
            "good_rate": self.good_rate,
        }


@dataclass(frozen=True)
class Group:
    """Figures under a key: a mode code, a department, an industry, a month or week."""

    key: str
    label: str
    figures: Figures
    start: date | None = None  # periods only
    end: date | None = None


@dataclass(frozen=True)
class Reduction:
    """减材料减表单 of one industry (一业一证) and what it saved in the period."""

    industry: str
    matters: int
    fields_before: int  # each matter's form on its own, summed
    fields_after: int  # the one form
    materials_before: int  # each matter's materials, summed (government-held ones included)
    materials_after: int  # the one checklist the applicant hands in
    applications: int  # cases of the period that chose the industry

    @property
    def fields_saved(self) -> int:
        return self.fields_before - self.fields_after

    @property
    def materials_saved(self) -> int:
        return self.materials_before - self.materials_after

    def as_dict(self) -> dict[str, Any]:
        return {
            "industry": self.industry,
            "matters": self.matters,
            "fields_before": self.fields_before,
            "fields_after": self.fields_after,
            "fields_saved": self.fields_saved,
            "materials_before": self.materials_before,
            "materials_after": self.materials_after,
            "materials_saved": self.materials_saved,
            "applications": self.applications,
            "fields_saved_total": self.fields_saved * self.applications,
            "materials_saved_total": self.materials_saved * self.applications,
        }


@dataclass(frozen=True)
class RectificationFigures:
    total: int = 0
    done: int = 0
    done_on_time: int = 0
    open: int = 0  # not yet due
    overdue: int = 0  # open past the due date

    @property
    def completion_rate(self) -> float | None:
        return ratio(self.done, self.total)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "done": self.done,
            "done_on_time": self.done_on_time,
            "open": self.open,
            "overdue": self.overdue,
            "completion_rate": self.completion_rate,
        }


@dataclass(frozen=True)
class Ledger:
    start: date
    end: date
    period: str  # "month" | "week"
    as_of: date  # today: what "still open past the due date" is measured on
    summary: Figures
    by_mode: tuple[Group, ...]
    by_department: tuple[Group, ...]
    by_industry: tuple[Group, ...]
    reduction: tuple[Reduction, ...]
    rating_levels: tuple[tuple[RatingLevel, int], ...]  # 非常满意 first
    rectification: RectificationFigures
    periods: tuple[Group, ...]
    catalog_version: str = ""

    @property
    def title(self) -> str:
        return LEDGER_TITLE

    @property
    def period_text(self) -> str:
        return f"{chinese_date(self.start)}至{chinese_date(self.end)}"

    def tables(self) -> tuple[LedgerTable, ...]:
        return ledger_tables(self)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (dates as ISO text, modes as codes, shares as fractions, None when 0/0)."""
        return {
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "period": self.period,
            "as_of": self.as_of.isoformat(),
            "catalog_version": self.catalog_version,
            "summary": self.summary.as_dict(),
            "by_mode": [
                {"mode": g.key, "label": g.label, "share": ratio(g.figures.items, self.summary.items)}
                | g.figures.as_dict()
                for g in self.by_mode
            ],
            "by_department": [{"department": g.key} | g.figures.as_dict() for g in self.by_department],
            "by_industry": [{"industry": g.key} | g.figures.as_dict() for g in self.by_industry],
            "reduction": [r.as_dict() for r in self.reduction],
            "ratings": {
                "levels": [
                    {"level": int(level), "label": level.label, "count": count}
                    for level, count in self.rating_levels
                ],
                "total": self.summary.ratings,
                "good": self.summary.good,
                "bad": self.summary.bad,
                "good_rate": self.summary.good_rate,
            },
            "rectification": self.rectification.as_dict(),
            "periods": [
                {
                    "label": g.label,
                    "start": g.start.isoformat() if g.start else None,
                    "end": g.end.isoformat() if g.end else None,
                }
                | g.figures.as_dict()
                for g in self.periods
            ],
        }


# ------------------------------------------------------------------ helpers


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def validate_period(start: date, end: date, period: str) -> None:
    """Refuse a period that cannot make a ledger, in words for the counter."""
    if period not in PERIODS:
        raise DomainError(f"统计周期应为 {'、'.join(PERIODS)}（按月或按周），不能为“{period}”")
    if start > end:
        raise DomainError(
            f"统计起始日期（{start.isoformat()}）不能晚于截止日期（{end.isoformat()}），请重新选择"
        )
    if (end - start).days > MAX_DAYS:
        raise DomainError("统计期间最长 10 年，请缩短日期范围")


def split_period(start: date, end: date, period: str) -> list[tuple[str, date, date]]:
    """The months (or ISO weeks) of [start, end], the first and last clipped: (label, from, to)."""
    out: list[tuple[str, date, date]] = []
    day = start
    while day <= end:
        if period == "week":
            last = min(end, day + timedelta(days=6 - day.weekday()))
            iso = day.isocalendar()
            label = f"{iso.year}年第{iso.week}周"
        else:
            last = min(end, date(day.year, day.month, _calendar.monthrange(day.year, day.month)[1]))
            label = f"{day.year}年{day.month}月"
        out.append((label, day, last))
        day = last + timedelta(days=1)
    return out


@dataclass
class _Tally:
    applications: set[str] = field(default_factory=set)
    items: int = 0
    immediate: int = 0
    routed: int = 0
    concluded: int = 0
    reviewed: int = 0
    days_total: int = 0
    limit_total: int = 0
    with_due: int = 0
    on_time: int = 0
    late_decided: int = 0
    late_open: int = 0
    per_mode: list[int] = field(default_factory=lambda: [0] * len(ReformMode))
    ratings: int = 0
    good: int = 0
    bad: int = 0

    def frozen(self) -> Figures:
        return Figures(
            applications=len(self.applications),
            items=self.items,
            immediate=self.immediate,
            routed=self.routed,
            concluded=self.concluded,
            reviewed=self.reviewed,
            days_total=self.days_total,
            limit_total=self.limit_total,
            with_due=self.with_due,
            on_time=self.on_time,
            late_decided=self.late_decided,
            late_open=self.late_open,
            per_mode=tuple(self.per_mode),
            ratings=self.ratings,
            good=self.good,
            bad=self.bad,
        )


@dataclass(frozen=True)
class _Outcome:
    """What one item contributes, worked out once and added to every group it belongs to."""

    mode_index: int
    immediate: bool
    routed: bool
    concluded: bool
    reviewed: bool
    days: int
    limit: int
    has_due: bool
    on_time: bool
    late_decided: bool
    late_open: bool

    def add_to(self, tally: _Tally, application_id: str) -> None:
        tally.applications.add(application_id)
        tally.items += 1
        tally.per_mode[self.mode_index] += 1
        tally.immediate += self.immediate
        tally.routed += self.routed
        tally.concluded += self.concluded
        tally.reviewed += self.reviewed
        tally.days_total += self.days
        tally.limit_total += self.limit
        tally.with_due += self.has_due
        tally.on_time += self.on_time
        tally.late_decided += self.late_decided
        tally.late_open += self.late_open


def _outcome(
    item: ItemFact, local_date: LocalDate, calendar: WorkCalendar, as_of: date, cache: dict[Any, int]
) -> _Outcome:
    concluded = item.concluded_by is not None and item.concluded_at is not None
    decided_on = local_date(item.concluded_at) if concluded and item.concluded_at else None
    reviewed = concluded and item.concluded_by in REVIEW_DECISIONS
    days = limit = 0
    if reviewed and decided_on is not None:
        accepted_on = local_date(item.accepted_at)
        key = (accepted_on, decided_on)
        if key not in cache:
            cache[key] = max(0, calendar.working_days_between(accepted_on, decided_on))
        days = cache[key]
        limit = item.time_limit_days
    has_due = item.due is not None and (item.routed or reviewed)
    on_time = late_decided = late_open = False
    if has_due and item.due is not None:
        if decided_on is not None:
            late_decided = decided_on > item.due
            on_time = not late_decided
        else:
            late_open = as_of > item.due
    return _Outcome(
        mode_index=list(ReformMode).index(item.mode),
        immediate=concluded and item.concluded_by in IMMEDIATE,
        routed=item.routed or reviewed,
        concluded=concluded,
        reviewed=reviewed,
        days=days,
        limit=limit,
        has_due=has_due,
        on_time=on_time,
        late_decided=late_decided,
        late_open=late_open,
    )


def compute(
    *,
    start: date,
    end: date,
    period: str,
    as_of: date,
    items: Iterable[ItemFact],
    ratings: Iterable[RatingFact],
    rectifications: Iterable[RectificationFact],
    calendar: WorkCalendar,
    local_date: LocalDate,
    catalog: Catalog | None = None,
) -> Ledger:
    """The ledger of [start, end] from the facts (read in one pass; facts outside are skipped, so
    the repository may hand over a day more on either side)."""
    validate_period(start, end, period)
    buckets = split_period(start, end, period)
    bucket_tallies = [_Tally() for _ in buckets]
    starts = [b[1] for b in buckets]

    def bucket_of(day: date) -> _Tally:
        low, high = 0, len(starts) - 1  # the last bucket starting on or before day
        while low < high:
            middle = (low + high + 1) // 2
            if starts[middle] <= day:
                low = middle
            else:
                high = middle - 1
        return bucket_tallies[low]

    total = _Tally()
    modes = {mode: _Tally() for mode in ReformMode}
    departments: dict[str, _Tally] = {}
    industries: dict[str, _Tally] = {}
    cache: dict[Any, int] = {}
    for item in items:
        accepted_on = local_date(item.accepted_at)
        if not start <= accepted_on <= end:
            continue
        outcome = _outcome(item, local_date, calendar, as_of, cache)
        groups = [total, modes[item.mode], bucket_of(accepted_on)]
        groups.append(departments.setdefault(item.department, _Tally()))
        for name in dict.fromkeys(item.industries or (NO_INDUSTRY,)):
            groups.append(industries.setdefault(name, _Tally()))
        for tally in groups:
            outcome.add_to(tally, item.application_id)

    levels = dict.fromkeys(sorted(RatingLevel, reverse=True), 0)
    for rating in ratings:
        rated_on = local_date(rating.at)
        if not start <= rated_on <= end:
            continue
        levels[rating.level] += 1
        for tally in (total, bucket_of(rated_on)):
            tally.ratings += 1
            tally.good += not rating.level.needs_rectification
            tally.bad += rating.level.needs_rectification

    done = done_on_time = still_open = overdue = count = 0
    for task in rectifications:
        if not start <= local_date(task.created_at) <= end:
            continue
        count += 1
        if task.done_at is not None:
            done += 1
            done_on_time += local_date(task.done_at) <= task.due
        elif as_of > task.due:
            overdue += 1
        else:
            still_open += 1

    industry_groups = sorted(
        (Group(name, name, t.frozen()) for name, t in industries.items()),
        key=lambda g: (g.key == NO_INDUSTRY, -g.figures.applications, g.key),
    )
    reduction: list[Reduction] = []
    if catalog is not None:
        for industry in sorted(catalog.industries.values(), key=lambda i: i.code):
            merged = merge([catalog.matter(code) for code in industry.matter_codes]).reduction
            chosen = industries.get(industry.name)
            reduction.append(
                Reduction(
                    industry.name,
                    len(industry.matter_codes),
                    merged.fields_before,
                    merged.fields_after,
                    merged.materials_before,
                    merged.materials_after,
                    len(chosen.applications) if chosen else 0,
                )
            )
    return Ledger(
        start=start,
        end=end,
        period=period,
        as_of=as_of,
        summary=total.frozen(),
        by_mode=tuple(Group(m.value, REFORM_MODE_LABELS[m], modes[m].frozen()) for m in ReformMode),
        by_department=tuple(
            sorted(
                (Group(name, name, t.frozen()) for name, t in departments.items()),
                key=lambda g: (-g.figures.items, g.key),
            )
        ),
        by_industry=tuple(industry_groups),
        reduction=tuple(reduction),
        rating_levels=tuple(levels.items()),
        rectification=RectificationFigures(count, done, done_on_time, still_open, overdue),
        periods=tuple(
            Group(label, label, tally.frozen(), first, last)
            for (label, first, last), tally in zip(buckets, bucket_tallies, strict=True)
        ),
        catalog_version=catalog.version.label if catalog is not None else "",
    )


# ------------------------------------------------------------------ the ledger as tables

Value = str | int | float | date | None


@dataclass(frozen=True)
class Cell:
    """One value and how to show it: text, count, percent (a fraction), days (one decimal), date."""

    value: Value
    kind: str = "text"

    @property
    def text(self) -> str:
        return format_value(self.value, self.kind)


def format_value(value: Value, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "percent" and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if kind == "days" and isinstance(value, int | float):
        return f"{value:.1f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class LedgerTable:
    """One table of the ledger: a sheet of the workbook, a section of the report, a tab on screen."""

    sheet: str  # short name (the workbook's sheet)
    title: str  # the section heading
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""


def _text(value: str) -> Cell:
    return Cell(value)


def _count(value: int) -> Cell:
    return Cell(value, "count")


def _percent(value: float | None) -> Cell:
    return Cell(value, "percent")


def _days(value: float | None) -> Cell:
    return Cell(value, "days")


def ledger_tables(ledger: Ledger) -> tuple[LedgerTable, ...]:
    s = ledger.summary
    r = ledger.rectification
    overview = LedgerTable(
        "概况",
        "一、总体情况",
        ("指标", "数值", "说明"),
        (
            (_text("受理办件"), _count(s.applications), _text("期间内受理的办件（件）")),
            (_text("涉及许可事项"), _count(s.items), _text("办件中的事项（项）")),
            (_text("准入即营事项"), _count(s.immediate), _text("取消审批、备案当场办结、告知承诺当场准予")),
            (_text("准入即营占比"), _percent(s.immediate_share), _text("准入即营事项 ÷ 全部事项")),
            (_text("转审批事项"), _count(s.routed), _text("分送部门审批（含按原规定办理）")),
            (_text("审批办结事项"), _count(s.reviewed), _text("准予、不予及智能审批")),
            (_text("平均审批用时（工作日）"), _days(s.average_days), _text("受理次日起至作出决定")),
            (_text("平均办理时限（工作日）"), _days(s.average_limit), _text("事项清单承诺时限")),
            (_text("逾期事项"), _count(s.overdue), _text("超过到期日办结或至今未办结")),
            (_text("逾期率"), _percent(s.overdue_rate), _text("逾期事项 ÷ 有办理时限的事项")),
            (_text("服务评价"), _count(s.ratings), _text("好差评（件）")),
            (_text("好评率"), _percent(s.good_rate), _text("基本满意及以上 ÷ 全部评价")),
            (_text("差评整改完成率"), _percent(r.completion_rate), _text("已整改 ÷ 差评整改任务")),
        ),
    )
    mode_rows = [
        (
            _text(g.label),
            _count(g.figures.items),
            _percent(ratio(g.figures.items, s.items)),
            _count(g.figures.immediate),
            _count(g.figures.routed),
            _count(g.figures.concluded),
            _count(g.figures.open),
        )
        for g in ledger.by_mode
    ]
    mode_total = (
        _text("合计"),
        _count(s.items),
        _percent(1.0 if s.items else None),
        _count(s.immediate),
        _count(s.routed),
        _count(s.concluded),
        _count(s.open),
    )
    by_mode = LedgerTable(
        "按模式",
        "二、按改革方式统计",
        ("改革方式", "事项数", "占比", "准入即营", "转审批", "已办结", "办理中"),
        (*mode_rows, mode_total),
    )
    by_department = LedgerTable(
        "按部门",
        "三、按审批部门统计",
        ("审批部门", "事项数", *(REFORM_MODE_LABELS[m] for m in ReformMode), "准入即营", "已办结", "办理中"),
        tuple(
            (
                _text(g.label),
                _count(g.figures.items),
                *(_count(g.figures.mode_count(m)) for m in ReformMode),
                _count(g.figures.immediate),
                _count(g.figures.concluded),
                _count(g.figures.open),
            )
            for g in ledger.by_department
        ),
    )
    by_industry = LedgerTable(
        "按行业",
        "四、按行业统计（一业一证）",
        ("行业", "办件数", "事项数", "准入即营", "已办结", "办理中"),
        tuple(
            (
                _text(g.label),
                _count(g.figures.applications),
                _count(g.figures.items),
                _count(g.figures.immediate),
                _count(g.figures.concluded),
                _count(g.figures.open),
            )
            for g in ledger.by_industry
        ),
        note="多业一证的办件在所选每个行业下各计一次；未选择行业的办件计入“未选行业”。",
    )
    timed = [g for g in ledger.by_department if g.figures.routed]
    timeliness = LedgerTable(
        "时限",
        "五、审批时限与逾期（工作日）",
        (
            "审批部门",
            "转审批",
            "审批办结",
            "平均用时",
            "平均时限",
            "用时/时限",
            "按时办结",
            "逾期办结",
            "逾期未办结",
            "逾期率",
        ),
        tuple(
            (
                _text(label),
                _count(f.routed),
                _count(f.reviewed),
                _days(f.average_days),
                _days(f.average_limit),
                _percent(f.days_to_limit),
                _count(f.on_time),
                _count(f.late_decided),
                _count(f.late_open),
                _percent(f.overdue_rate),
            )
            for label, f in [(g.label, g.figures) for g in timed] + [("合计", s)]
        ),
        note=(
            f"用时按工作日历计算（受理次日起至作出决定之日）；逾期未办结截至{chinese_date(ledger.as_of)}。"
        ),
    )
    reduction = LedgerTable(
        "减材料减表单",
        "六、一业一证减材料、减表单",
        (
            "行业",
            "涉及事项",
            "分别填报字段",
            "一表申请字段",
            "减少字段",
            "分别提交材料",
            "一次提交材料",
            "减少材料",
            "本期办件",
            "累计减少字段",
            "累计减少材料",
        ),
        tuple(
            (
                _text(x.industry),
                _count(x.matters),
                _count(x.fields_before),
                _count(x.fields_after),
                _count(x.fields_saved),
                _count(x.materials_before),
                _count(x.materials_after),
                _count(x.materials_saved),
                _count(x.applications),
                _count(x.fields_saved * x.applications),
                _count(x.materials_saved * x.applications),
            )
            for x in ledger.reduction
        ),
        note="分别办理：各事项表单字段、材料之和；一业一证：共用字段只填一次，材料去重且不再要求政府部门已有的材料。",
    )
    level_rows = [
        (_text(RATING_LABELS[level]), _count(count), _percent(ratio(count, s.ratings)))
        for level, count in ledger.rating_levels
    ]
    ratings = LedgerTable(
        "评价",
        "七、好差评",
        ("评价等级", "件数", "占比"),
        (
            *level_rows,
            (_text("其中：好评"), _count(s.good), _percent(s.good_rate)),
            (_text("其中：差评"), _count(s.bad), _percent(ratio(s.bad, s.ratings))),
            (_text("合计"), _count(s.ratings), _percent(1.0 if s.ratings else None)),
        ),
        note="好评：非常满意、满意、基本满意；差评：不满意、非常不满意（每件差评生成整改任务）。",
    )
    rectification = LedgerTable(
        "整改",
        "八、差评整改",
        ("整改任务", "已整改", "其中按期", "整改中", "逾期未整改", "整改完成率"),
        (
            (
                _count(r.total),
                _count(r.done),
                _count(r.done_on_time),
                _count(r.open),
                _count(r.overdue),
                _percent(r.completion_rate),
            ),
        ),
        note=f"整改期限为差评后 15 个工作日；逾期未整改截至{chinese_date(ledger.as_of)}。",
    )
    periods = LedgerTable(
        "按期",
        f"九、分期统计（{PERIODS[ledger.period]}）",
        (
            "期间",
            "起",
            "止",
            "办件",
            "事项",
            "准入即营",
            "准入即营占比",
            "审批办结",
            "平均用时",
            "逾期",
            "逾期率",
            "评价",
            "好评率",
        ),
        tuple(
            (
                _text(g.label),
                Cell(g.start, "date"),
                Cell(g.end, "date"),
                _count(g.figures.applications),
                _count(g.figures.items),
                _count(g.figures.immediate),
                _percent(g.figures.immediate_share),
                _count(g.figures.reviewed),
                _days(g.figures.average_days),
                _count(g.figures.overdue),
                _percent(g.figures.overdue_rate),
                _count(g.figures.ratings),
                _percent(g.figures.good_rate),
            )
            for g in ledger.periods
        ),
        note="事项按受理日期归入各期，评价按评价日期归入各期。",
    )
    return (
        overview,
        by_mode,
        by_department,
        by_industry,
        timeliness,
        reduction,
        ratings,
        rectification,
        periods,
    )
