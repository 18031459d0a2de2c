"""The 改革工作台账 as a PDF report: A4 landscape, the shipped CJK font throughout.

Page one carries the title 「证照分离」改革工作台账, the period, the headline figures and two bar
charts (items by reform mode; items and 准入即营 per month or week) drawn with ReportLab graphics;
then every table of ``Ledger.tables()`` follows with its heading and note, flowing over as many
pages as it needs (a table's header row repeats on each page). Every page has "第 n 页 共 m 页" at
the foot, and the pages after the first the title at the head.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.domain.statistics import PERIODS, Cell, Ledger, LedgerTable, chinese_date
from printing.drawing import CREATOR, draw_line
from printing.fonts import font, text_width
from printing.letters import BoldText, para

MM = 72.0 / 25.4
PAGE: tuple[float, float] = landscape(A4)  # (841.89, 595.27) points
MARGIN_SIDE = 15 * MM
MARGIN_TOP = 18 * MM
MARGIN_BOTTOM = 16 * MM
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_SIDE
FRAME_HEIGHT = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM

TITLE_SIZE = 20.0
HEADING_SIZE = 12.5
CELL_SIZE = 9.0
SMALL_SIZE = 8.5
PADDING = 4.0
GRID = 0.5
HEADER_FILL = colors.Color(0.92, 0.92, 0.92)
TOTAL_FILL = colors.Color(0.97, 0.97, 0.97)
BAR_COLOURS = (colors.HexColor("#1f5fa8"), colors.HexColor("#e08a1e"))
NUMERIC = ("count", "percent", "days")
OVERVIEW_SHEET = "概况"
NARROW_COLUMNS = 4  # tables of up to this many columns do not stretch over the page


def _style(key: str, size: float, alignment: int = TA_LEFT, leading: float | None = None) -> ParagraphStyle:
    return ParagraphStyle(
        f"ledger-{key}",
        fontName=font(),
        fontSize=size,
        leading=leading or size * 1.35,
        alignment=alignment,
        wordWrap="CJK",
        textColor=colors.black,
    )


# ------------------------------------------------------------------ tables


def _natural_width(table: LedgerTable, column: int) -> float:
    cells = [row[column].text for row in table.rows]
    content = max((text_width(t, CELL_SIZE) for t in cells), default=0.0)
    header = text_width(table.headers[column], CELL_SIZE)
    # a header may wrap onto two lines when its column's values are short
    return max(content, header / 2 + CELL_SIZE, 3 * CELL_SIZE) + 2 * PADDING + 2


def column_widths(table: LedgerTable, width: float = FRAME_WIDTH) -> list[float]:
    """Widths in proportion to the columns' natural widths, filling ``width`` (a table of a few
    columns only part of it); the first column keeps at least its natural width when it can
    (names of departments and industries)."""
    natural = [_natural_width(table, c) for c in range(len(table.headers))]
    total = sum(natural)
    if len(natural) <= NARROW_COLUMNS:
        width = min(width, max(total * 1.6, width * 0.45))
    if total <= width:
        spare = width - total
        return [w + spare * w / total for w in natural]
    rest = sum(natural[1:])
    first = min(natural[0], width * 0.3)
    return [first] + [w * (width - first) / rest for w in natural[1:]]


def ledger_table(table: LedgerTable, width: float = FRAME_WIDTH) -> Table:
    left, right = _style("cell", CELL_SIZE), _style("number", CELL_SIZE, TA_RIGHT)
    body: list[list[Any]] = [
        [BoldText(h, CELL_SIZE, align="center", leading=CELL_SIZE * 1.3) for h in table.headers]
    ]
    for row in table.rows:
        body.append([para(cell.text, right if cell.kind in NUMERIC else left) for cell in row])
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font(), CELL_SIZE),
        ("GRID", (0, 0), (-1, -1), GRID, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    for r, row in enumerate(table.rows, start=1):
        if row and isinstance(row[0].value, str) and row[0].value.startswith(("合计", "其中")):
            commands.append(("BACKGROUND", (0, r), (-1, r), TOTAL_FILL))
    out = Table(body, colWidths=column_widths(table, width), repeatRows=1, hAlign="LEFT")
    out.setStyle(TableStyle(commands))
    return out


def paired(table: LedgerTable) -> LedgerTable:
    """A key–value table (指标, 数值, 说明) as two pairs of columns side by side, without the
    explanations: the overview fits under the charts on the first page."""
    half = (len(table.rows) + 1) // 2
    blank = (Cell(""), Cell(""))
    rows = []
    for i in range(half):
        left = table.rows[i][:2]
        right = table.rows[half + i][:2] if half + i < len(table.rows) else blank
        rows.append((*left, *right))
    headers = (*table.headers[:2], *table.headers[:2])
    return LedgerTable(table.sheet, table.title, headers, tuple(rows), table.note)


def _section(table: LedgerTable) -> list[Flowable]:
    heading = BoldText(table.title, HEADING_SIZE, space_before=10, space_after=5, keep_with_next=True)
    if table.sheet == OVERVIEW_SHEET:
        table = paired(table)
    story: list[Flowable] = [heading, ledger_table(table)]
    if table.note:
        story += [Spacer(1, 3), para(f"说明：{table.note}", _style("note", SMALL_SIZE))]
    if len(table.rows) <= 12:  # a short table never starts at the foot of a page
        return [KeepTogether(story)]
    return story


# ------------------------------------------------------------------ figures and charts


def _with_unit(cell: Cell, unit: str) -> str:
    return cell.text if cell.value is None else cell.text + unit


def _headline(ledger: Ledger) -> Table:
    s = ledger.summary
    figures = [
        ("受理办件", _with_unit(Cell(s.applications, "count"), " 件")),
        ("涉及事项", _with_unit(Cell(s.items, "count"), " 项")),
        ("准入即营占比", Cell(s.immediate_share, "percent").text),
        ("平均审批用时", _with_unit(Cell(s.average_days, "days"), " 个工作日")),
        ("逾期率", Cell(s.overdue_rate, "percent").text),
        ("好评率", Cell(s.good_rate, "percent").text),
    ]
    label, value = _style("figure-label", SMALL_SIZE + 0.5), _style("figure-value", 15, leading=19)
    cells = [[para(name, label) for name, _ in figures], [para(text, value) for _, text in figures]]
    table = Table(cells, colWidths=[FRAME_WIDTH / len(figures)] * len(figures), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font(), SMALL_SIZE),
                ("BOX", (0, 0), (-1, -1), GRID, colors.black),
                ("LINEAFTER", (0, 0), (-2, -1), GRID, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _step(top: int) -> int:
    """A round axis step giving about five gridlines up to ``top``."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    width: float,
    height: float = 62 * MM,
) -> Drawing:
    """A vertical bar chart of counts, one bar group per category, values printed on the bars."""
    name = font()
    drawing = Drawing(width, height)
    drawing.initialFontName = name  # the renderer's starting state: never Helvetica, even unused
    drawing.initialFontSize = 8
    drawing.add(String(8, height - 13, title, fontName=name, fontSize=10.5))
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 32 if max((len(c) for c in categories), default=0) <= 6 else 42
    chart.width = width - chart.x - 8
    chart.height = height - chart.y - 36
    chart.data = [list(values) for _, values in series] or [[0]]
    top = max((v for _, values in series for v in values), default=0)
    step = _step(max(top, 1))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = (top // step + 1) * step  # room above the tallest bar for its label
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = name
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.categoryAxis.categoryNames = list(categories) or [""]
    chart.categoryAxis.labels.fontName = name
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    if len(categories) > 8:
        chart.categoryAxis.labels.angle = 35
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.barLabels.fontName = name
    chart.barLabels.fontSize = 7.5
    chart.barLabels.nudge = 6
    chart.barLabelFormat = "%d"
    chart.barSpacing = 1
    chart.groupSpacing = 8 if len(series) > 1 else 14
    for index in range(len(series)):
        chart.bars[index].fillColor = BAR_COLOURS[index % len(BAR_COLOURS)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.fontName = name
        legend.fontSize = 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.dxTextSpace = 4
        legend.deltax = 70
        legend.x = width - 70 * len(series)
        legend.y = height - 4
        legend.colorNamePairs = [
            (BAR_COLOURS[i % len(BAR_COLOURS)], label) for i, (label, _) in enumerate(series)
        ]
        drawing.add(legend)
    return drawing


def _short_label(ledger: Ledger, index: int) -> str:
    group = ledger.periods[index]
    if group.start is None:
        return group.label
    if ledger.period == "week":
        return f"第{group.start.isocalendar().week}周"
    if ledger.start.year != ledger.end.year:
        return f"{group.start.year % 100:02d}年{group.start.month}月"
    return f"{group.start.month}月"


def charts(ledger: Ledger) -> Table:
    """The two charts side by side: items by reform mode, items per period."""
    half = FRAME_WIDTH / 2 - 6
    by_mode = bar_chart(
        "按改革方式的事项数",
        [g.label for g in ledger.by_mode],
        [("事项数", [g.figures.items for g in ledger.by_mode])],
        half,
    )
    per_period = bar_chart(
        f"分期事项数与准入即营（{PERIODS[ledger.period]}）",
        [_short_label(ledger, i) for i in range(len(ledger.periods))],
        [
            ("事项数", [g.figures.items for g in ledger.periods]),
            ("准入即营", [g.figures.immediate for g in ledger.periods]),
        ],
        half,
    )
    table = Table([[by_mode, per_period]], colWidths=[FRAME_WIDTH / 2] * 2, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font(), SMALL_SIZE),  # a table's cells default to Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOX", (0, 0), (0, 0), GRID, colors.Color(0.7, 0.7, 0.7)),
                ("BOX", (1, 0), (1, 0), GRID, colors.Color(0.7, 0.7, 0.7)),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


# ------------------------------------------------------------------ pages


class _LedgerCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Holds the pages until the end, then stamps "第 n 页 共 m 页" and the running head."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initialFontName", font())
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            page = self._pageNumber
            foot = f"第 {page} 页  共 {total} 页"
            draw_line(self, (PAGE[0] - text_width(foot, SMALL_SIZE)) / 2, 9 * MM, foot, SMALL_SIZE)
            if page > 1:
                head = f"{self.running_head}（续）"
                draw_line(
                    self,
                    PAGE[0] - MARGIN_SIDE - text_width(head, SMALL_SIZE),
                    PAGE[1] - 11 * MM,
                    head,
                    SMALL_SIZE,
                )
            super().showPage()
        super().save()

    running_head = ""


def story(ledger: Ledger) -> list[Flowable]:
    info = _style("info", 10, leading=14)
    period = (
        f"统计期间：{ledger.period_text}（{PERIODS[ledger.period]}）　"
        f"统计截至：{chinese_date(ledger.as_of)}"
        + (f"　事项清单版本：{ledger.catalog_version}" if ledger.catalog_version else "")
    )
    flow: list[Flowable] = [
        BoldText(ledger.title, TITLE_SIZE, align="center", char_space=1.5, space_after=4),
        Paragraph(period.replace("&", "&amp;"), _style("period", 10, leading=14)),
        Spacer(1, 6),
        _headline(ledger),
        Spacer(1, 8),
        charts(ledger),
        Spacer(1, 4),
        para(
            "口径：事项按受理日期计入统计期间；准入即营指受理时当场办结的事项（取消审批推送、备案当场办结、"
            "告知承诺当场准予）；审批用时按工作日历计算，自受理次日起至作出决定之日。",
            info,
        ),
    ]
    for table in ledger.tables():
        flow += _section(table)
    return flow


def render_ledger(ledger: Ledger) -> bytes:
    """The PDF report of ``ledger`` (same ledger, same bytes)."""
    buffer = io.BytesIO()
    name = font()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN_SIDE,
        rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=ledger.title,
        subject=f"{ledger.period_text}（{PERIODS[ledger.period]}）",
        author="",
        creator=CREATOR,
        invariant=1,
        initialFontName=name,
        initialFontSize=10,
        initialLeading=14,
    )
    frame = Frame(
        MARGIN_SIDE,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=PAGE)])
    canvas_class = type("LedgerCanvas", (_LedgerCanvas,), {"running_head": ledger.title})
    doc.build(story(ledger), canvasmaker=canvas_class)
    return buffer.getvalue()
