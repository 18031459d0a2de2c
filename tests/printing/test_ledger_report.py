"""The 改革工作台账 PDF report (read back with poppler) and the Excel workbook (read back with openpyxl)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.adapters.holidays import ChineseCalendarSource
from desktop.adapters.ledger_xlsx import write_ledger_xlsx
from desktop.adapters.resources import bundled_catalog
from desktop.domain.applications import ActionKind
from desktop.domain.calendar import WorkCalendar
from desktop.domain.catalog import Catalog, CatalogVersion, ReformMode
from desktop.domain.ratings import RatingLevel
from desktop.domain.statistics import ItemFact, Ledger, RatingFact, RectificationFact, compute
from printing.ledger_report import render_ledger
from tests.printing.poppler import BASE14, page_count, pdffonts, pdftoppm, pdftotext, require_poppler, squeeze

CST = timezone(timedelta(hours=8))
BUREAU, FIRE, MARKET = "行政审批服务管理局", "消防救援大队", "市场监督管理局"


def _at(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=CST).astimezone(UTC)


def _catalog() -> Catalog:
    bundle = bundled_catalog()
    return Catalog(
        CatalogVersion(1, "2026.11-内置", date(2026, 11, 1), "test"), bundle.matters, bundle.industries
    )


def sample_ledger(period: str = "month") -> Ledger:
    """October and November 2026 at a county hall: 14 cases, 39 items, ratings and rectifications
    (as of 15 December, when every decision of the sample has been made)."""
    items: list[ItemFact] = []
    n = 0

    def add(
        month: int, day: int, mode: ReformMode, department: str, kind: ActionKind | None, **kw: object
    ) -> None:
        nonlocal n
        n += 1
        routed = kind not in (ActionKind.FILE, ActionKind.RECORD_CANCELLED, ActionKind.GRANT_ON_COMMITMENT)
        items.append(
            ItemFact(
                request_id=f"r{n}",
                application_id=str(kw.get("app", f"a{month}{day}")),
                matter_code="M",
                mode=mode,
                department=department,
                accepted_at=_at(month, day),
                routed=routed,
                concluded_by=kind,
                concluded_at=kw.get("done"),  # type: ignore[arg-type]
                due=kw.get("due"),  # type: ignore[arg-type]
                time_limit_days=int(kw.get("limit", 10)),  # type: ignore[call-overload]
                industries=tuple(kw.get("industries", ())),  # type: ignore[arg-type]
            )
        )

    for month, days in ((10, (9, 12, 15, 20, 27)), (11, (3, 5, 10, 12, 17, 19, 24))):
        for day in days:
            shop = ("便利店",) if day % 2 else ("小餐饮",) if day % 3 == 0 else ()
            add(month, day, ReformMode.FILING, MARKET, ActionKind.FILE, done=_at(month, day), industries=shop)
            add(month, day, ReformMode.COMMITMENT, FIRE, ActionKind.GRANT_ON_COMMITMENT, done=_at(month, day),
                industries=shop)  # fmt: skip
            decided = _at(month, day) + timedelta(days=4 + day % 13)
            due = (_at(month, day) + timedelta(days=14)).date()
            add(
                month,
                day,
                ReformMode.OPTIMIZE,
                BUREAU,
                ActionKind.GRANT,
                done=decided,
                due=due,
                industries=shop,
            )
    add(11, 24, ReformMode.OPTIMIZE, BUREAU, None, due=date(2026, 11, 30), app="a-open")
    add(11, 24, ReformMode.CANCEL, MARKET, ActionKind.RECORD_CANCELLED, done=_at(11, 24), app="a-open")
    add(10, 9, ReformMode.COMMITMENT, FIRE, None, due=date(2026, 10, 23), app="a-late")
    ratings = [
        RatingFact(f"a{i}", level, _at(10 + i % 2, 10 + i))
        for i, level in enumerate(
            [RatingLevel.VERY_SATISFIED] * 6
            + [RatingLevel.SATISFIED] * 3
            + [RatingLevel.BASICALLY_SATISFIED, RatingLevel.DISSATISFIED]
        )
    ]
    tasks = [
        RectificationFact("t1", RatingLevel.DISSATISFIED, date(2026, 11, 12), _at(10, 20), _at(11, 2)),
        RectificationFact("t2", RatingLevel.VERY_DISSATISFIED, date(2026, 11, 20), _at(11, 1), None),
    ]
    return compute(
        start=date(2026, 10, 1),
        end=date(2026, 11, 30),
        period=period,
        as_of=date(2026, 12, 15),
        items=items,
        ratings=ratings,
        rectifications=tasks,
        calendar=WorkCalendar(ChineseCalendarSource()),
        local_date=lambda at: at.astimezone(CST).date(),
        catalog=_catalog(),
    )


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return sample_ledger()


@pytest.fixture(scope="module")
def pdf(ledger: Ledger, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_poppler()
    path = tmp_path_factory.mktemp("ledger") / "ledger.pdf"
    path.write_bytes(render_ledger(ledger))
    return path


def test_the_report_has_the_title_period_figures_and_every_table(ledger: Ledger, pdf: Path) -> None:
    text = squeeze(pdftotext(pdf))
    assert "「证照分离」改革工作台账" in text
    assert "统计期间：2026年10月1日至2026年11月30日（按月）" in text
    s = ledger.summary
    assert (s.applications, s.items, s.immediate) == (14, 39, 25)
    assert f"{s.applications}件" in text and f"{s.items}项" in text
    assert f"准入即营占比{s.immediate_share * 100:.1f}%" in text  # type: ignore[operator]
    for heading in (
        "一、总体情况",
        "二、按改革方式统计",
        "三、按审批部门统计",
        "四、按行业统计（一业一证）",
        "五、审批时限与逾期（工作日）",
        "六、一业一证减材料、减表单",
        "七、好差评",
        "八、差评整改",
        "九、分期统计（按月）",
    ):
        assert heading in text
    # a row of the mode table, as printed: 审批改为备案 12 items, 30.8%, all 准入即营
    assert "审批改为备案1230.8%120120" in text
    # the chart titles and the chart's axis labels are text in the PDF too
    assert "按改革方式的事项数" in text and "分期事项数与准入即营（按月）" in text
    assert "10月" in text and "11月" in text
    assert page_count(pdf) >= 2
    assert "「证照分离」改革工作台账（续）" in squeeze(pdftotext(pdf).split("\f")[1])


def test_only_the_shipped_font_is_used_and_it_is_embedded(pdf: Path) -> None:
    fonts = pdffonts(pdf)
    assert fonts, "no font in the PDF"
    for row in fonts:
        assert (row.emb, row.sub, row.uni) == ("yes", "yes", "yes"), row
        assert "+" in row.name and row.name.split("+", 1)[1].startswith("WenQuanYiMicroHei"), row
        assert not any(base in row.name for base in BASE14), row


def test_the_first_page_draws_the_bar_charts(pdf: Path) -> None:
    from PIL import Image

    first = pdftoppm(pdf, dpi=60)[0]
    with Image.open(first) as image:
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20) or []
    # the bars: the blue of 事项数 and the orange of 准入即营 cover real areas of the page
    blue = sum(count for count, (r, g, b) in colours if b > 140 and r < 80 and 70 < g < 120)
    orange = sum(count for count, (r, g, b) in colours if r > 200 and 110 < g < 160 and b < 70)
    assert blue > 300 and orange > 100


def test_same_ledger_same_bytes(ledger: Ledger) -> None:
    assert render_ledger(ledger) == render_ledger(ledger)


def test_weekly_report_and_an_empty_ledger_render(tmp_path: Path) -> None:
    weekly = tmp_path / "weekly.pdf"
    weekly.write_bytes(render_ledger(sample_ledger("week")))
    assert "九、分期统计（按周）" in squeeze(pdftotext(weekly))
    assert "第40周" in squeeze(pdftotext(weekly))
    empty = compute(
        start=date(2026, 1, 1),
        end=date(2026, 1, 31),
        period="month",
        as_of=date(2026, 2, 1),
        items=[],
        ratings=[],
        rectifications=[],
        calendar=WorkCalendar(ChineseCalendarSource()),
        local_date=lambda at: at.astimezone(CST).date(),
    )
    path = tmp_path / "empty.pdf"
    path.write_bytes(render_ledger(empty))
    text = squeeze(pdftotext(path))
    # the headline figures: labels, then values (no unit after a figure that cannot be worked out)
    assert "受理办件涉及事项准入即营占比平均审批用时逾期率好评率0件0项————" in text
    assert "二、按改革方式统计" in text


def test_the_workbook_has_a_sheet_per_table_with_numbers_as_numbers(ledger: Ledger, tmp_path: Path) -> None:
    path = write_ledger_xlsx(ledger, tmp_path / "out" / "台账.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == [
        "概况",
        "按模式",
        "按部门",
        "按行业",
        "时限",
        "减材料减表单",
        "评价",
        "整改",
        "按期",
    ]
    mode = book["按模式"]
    assert mode["A1"].value == "「证照分离」改革工作台账"
    assert mode["A2"].value.startswith("统计期间：2026年10月1日至2026年11月30日（按月）")
    assert [c.value for c in mode[4]] == [
        "改革方式",
        "事项数",
        "占比",
        "准入即营",
        "转审批",
        "已办结",
        "办理中",
    ]
    rows = {row[0].value: row for row in mode.iter_rows(min_row=5, max_row=9)}
    filing = rows["审批改为备案"]
    assert [c.value for c in filing[1:]] == [12, pytest.approx(12 / 39), 12, 0, 12, 0]
    assert isinstance(filing[1].value, int) and filing[2].number_format == "0.0%"
    assert [c.value for c in rows["合计"][1:]] == [39, 1.0, 25, 14, 37, 2]

    timing = book["时限"]
    headers = [c.value for c in timing[4]]
    assert headers[:5] == ["审批部门", "转审批", "审批办结", "平均用时", "平均时限"]
    bureau = next(row for row in timing.iter_rows(min_row=5) if row[0].value == BUREAU)
    figures = next(g.figures for g in ledger.by_department if g.key == BUREAU)
    assert bureau[3].value == pytest.approx(figures.average_days) and bureau[3].number_format == "0.0"
    assert bureau[4].value == 10

    periods = book["按期"]
    first = [c.value for c in periods[5]]
    assert first[0] == "2026年10月" and first[1] == datetime(2026, 10, 1) and first[4] == 16
    assert periods["B5"].number_format == "yyyy-mm-dd"

    reduction = book["减材料减表单"]
    shop = next(row for row in reduction.iter_rows(min_row=5) if row[0].value == "便利店")
    expected = next(r for r in ledger.reduction if r.industry == "便利店")
    assert [c.value for c in shop[1:9]] == [
        expected.matters,
        expected.fields_before,
        expected.fields_after,
        expected.fields_saved,
        expected.materials_before,
        expected.materials_after,
        expected.materials_saved,
        expected.applications,
    ]
    assert expected.fields_saved > 0 and expected.materials_saved > 0 and expected.applications == 7
    ratings = {row[0].value: row[1].value for row in book["评价"].iter_rows(min_row=5) if row[0].value}
    assert ratings["非常满意"] == 6 and ratings["不满意"] == 1 and ratings["合计"] == 11
    assert book["概况"]["B8"].value is not None
