"""The flowing documents (notices and letters): platypus pages in the shipped font.

Every style names our font explicitly (platypus defaults to Helvetica); headings are drawn by
``BoldText``, which emulates 黑体 by stroking the outlines. Pages carry "第 n 页 共 m 页" at the
foot, the document number at the head of every page after the first, and the watermark (under
the content) when there is one.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
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

from desktop.domain.documents import Applicant, MaterialLine
from printing.drawing import CREATOR, PAGE_SIZE, DocInfo, draw_line, draw_watermark, line_width
from printing.fonts import ASCENT, DESCENT, font, text_width
from printing.text import wrap_text

MM = 72.0 / 25.4
MARGIN_TOP = 25 * MM
MARGIN_BOTTOM = 22 * MM
MARGIN_SIDE = 25 * MM
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_SIDE

TITLE_SIZE = 22.0  # 二号
HEADING_SIZE = 14.0  # 四号
BODY_SIZE = 12.0  # 小四
TABLE_SIZE = 10.5  # 五号
SMALL_SIZE = 9.0
GRID = 0.6
HEADER_FILL = colors.Color(0.93, 0.93, 0.93)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle  # indented prose
    plain: ParagraphStyle  # prose without indent (salutation, labels)
    number: ParagraphStyle  # the document number, right
    item: ParagraphStyle  # numbered list item, hanging indent
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    note: ParagraphStyle  # boxed notice
    right: ParagraphStyle  # signature block
    small: ParagraphStyle


@functools.cache
def styles() -> Styles:
    name = font()

    def style(key: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            f"ow-{key}",
            fontName=name,
            fontSize=size,
            leading=leading,
            wordWrap="CJK",
            textColor=colors.black,
            bulletFontName=name,
            **kw,
        )

    return Styles(
        body=style("body", BODY_SIZE, 21, firstLineIndent=2 * BODY_SIZE, alignment=TA_JUSTIFY, spaceAfter=3),
        plain=style("plain", BODY_SIZE, 21, alignment=TA_LEFT, spaceAfter=3),
        number=style("number", 11, 16, alignment=TA_RIGHT, spaceAfter=8),
        item=style(
            "item",
            BODY_SIZE,
            20,
            leftIndent=2.2 * BODY_SIZE,
            firstLineIndent=-1.6 * BODY_SIZE,
            alignment=TA_JUSTIFY,
            spaceAfter=2,
        ),
        cell=style("cell", TABLE_SIZE, 15, alignment=TA_LEFT),
        cell_center=style("cell-center", TABLE_SIZE, 15, alignment=TA_CENTER),
        note=style("note", BODY_SIZE + 0.5, 22, alignment=TA_JUSTIFY),
        right=style("right", BODY_SIZE, 22, alignment=TA_RIGHT),
        small=style("small", SMALL_SIZE, 13, alignment=TA_LEFT),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped: a "<" in a name is text, not markup)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


class BoldText(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A heading: wrapped lines of emulated bold text (platypus has no bold for a single face)."""

    def __init__(
        self,
        text: str,
        size: float,
        *,
        align: str = "left",
        char_space: float = 0.0,
        space_before: float = 0.0,
        space_after: float = 0.0,
        leading: float | None = None,
        keep_with_next: bool = False,
    ) -> None:
        super().__init__()
        self.keepWithNext = keep_with_next
        self.text = text
        self.size = size
        self.align = align
        self.char_space = char_space
        self.leading = leading or size * 1.45
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.lines: list[str] = [text]
        self.avail = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        self.lines = wrap_text(self.text, self.size, avail_width, self.char_space) or [self.text]
        return avail_width, len(self.lines) * self.leading

    def draw(self) -> None:
        inset = (self.leading - self.size * (ASCENT + DESCENT)) / 2 + self.size * ASCENT
        top = len(self.lines) * self.leading
        for i, line in enumerate(self.lines):
            drawn = line_width(line, self.size, self.char_space)
            if self.align == "center":
                x = (self.avail - drawn) / 2
            elif self.align == "right":
                x = self.avail - drawn
            else:
                x = 0.0
            draw_line(
                self.canv,
                x,
                top - i * self.leading - inset,
                line,
                self.size,
                bold=True,
                char_space=self.char_space,
            )


def title(text: str) -> BoldText:
    spacing = 6.0 if len(text) <= 6 else 2.0
    return BoldText(text, TITLE_SIZE, align="center", char_space=spacing, space_after=6)


def heading(text: str, size: float = HEADING_SIZE) -> BoldText:
    return BoldText(text, size, space_before=8, space_after=4, keep_with_next=True)


def subheading(text: str) -> BoldText:
    return BoldText(text, BODY_SIZE, space_before=4, space_after=2, keep_with_next=True)


def numbered(items: Sequence[str], marker: str = "{}．") -> list[Flowable]:
    s = styles()
    return [para(marker.format(i) + text, s.item) for i, text in enumerate(items, start=1)]


def grid_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    label_column: bool = False,
    center: Sequence[int] = (),
) -> Table:
    """A ruled table. Cells are strings (wrapped in paragraphs) or flowables; the header row is
    bold on light grey; ``label_column`` makes the first column bold labels instead."""
    s = styles()
    body: list[list[Any]] = []
    for r, row in enumerate(rows):
        out: list[Any] = []
        for c, cell in enumerate(row):
            if isinstance(cell, str):
                if (header and r == 0) or (label_column and c == 0):
                    out.append(BoldText(cell, TABLE_SIZE, align="center" if header and r == 0 else "left"))
                else:
                    out.append(para(cell, s.cell_center if c in center else s.cell))
            else:
                out.append(cell)
        body.append(out)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font(), TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), GRID, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    # room for punctuation that ReportLab hangs past the line end (行尾悬挂), off the grid line
    for c in range(len(widths)):
        if c not in center and not (label_column and c == 0):
            commands.append(("RIGHTPADDING", (c, 1 if header else 0), (c, -1), 5 + TABLE_SIZE))
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    if label_column:
        commands.append(("BACKGROUND", (0, 0), (0, -1), HEADER_FILL))
    table = Table(body, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def boxed(text: str) -> Table:
    """A sentence that must not be missed, in a ruled box."""
    table = Table([[para(text, styles().note)]], colWidths=[FRAME_WIDTH], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font(), BODY_SIZE),
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9 + BODY_SIZE + 0.5),
            ]
        )
    )
    return table


def applicant_table(applicant: Applicant, name_label: str = "申请人") -> Table:
    rows = [
        [name_label, applicant.name],
        ["统一社会信用代码", applicant.uscc],
        ["法定代表人（负责人）", applicant.legal_representative],
        ["住所（经营场所）", applicant.address],
    ]
    if applicant.contact_phone:
        rows.append(["联系电话", applicant.contact_phone])
    return grid_table(rows, [44 * MM, FRAME_WIDTH - 44 * MM], header=False, label_column=True)


def materials_table(materials: Sequence[MaterialLine]) -> Table:
    rows: list[list[str]] = [["序号", "材料名称", "来源", "份数"]]
    for i, m in enumerate(materials, start=1):
        held = "政府" in m.source or "无需" in m.source
        copies = "—" if held or m.copies <= 0 else f"{m.copies}份"
        rows.append([str(i), m.name, m.source, copies])
    widths = [12 * MM, FRAME_WIDTH - 12 * MM - 52 * MM - 16 * MM, 52 * MM, 16 * MM]
    return grid_table(rows, widths, center=(0, 3))


def signature(authority: str, day_text: str, *, seal: str = "（印章）") -> KeepTogether:
    """The issuing authority, its seal mark and the date, at the right, kept together."""
    s = styles()
    return KeepTogether(
        [
            Spacer(1, 10 * MM),
            para(f"{authority}{seal}", s.right),
            para(day_text, s.right),
        ]
    )


def addressee(applicant: Applicant) -> Paragraph:
    return para(f"{applicant.name}：", styles().plain)


def number_line(number: str) -> Paragraph:
    return para(f"编号：{number}", styles().number)


# ------------------------------------------------------------------ pages


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Holds every page until the end, then stamps "第 n 页 共 m 页" (the total is known then)."""

    header = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._stamp(total)
            super().showPage()
        super().save()

    def _stamp(self, total: int) -> None:
        width, _ = PAGE_SIZE
        page = self._pageNumber
        text = f"第 {page} 页  共 {total} 页"
        draw_line(self, (width - text_width(text, SMALL_SIZE)) / 2, 12 * MM, text, SMALL_SIZE)
        if page > 1 and self.header:
            head = f"{self.header}（续）"
            draw_line(
                self,
                width - MARGIN_SIDE - text_width(head, SMALL_SIZE),
                PAGE_SIZE[1] - 14 * MM,
                head,
                SMALL_SIZE,
            )


def build_letter(
    story: list[Flowable], info: DocInfo, *, header: str = "", watermark: str | None = None
) -> bytes:
    """Lay out ``story`` on as many A4 pages as it needs and return the PDF."""
    buffer = io.BytesIO()
    name = font()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_SIDE,
        rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=info.title,
        subject=info.subject,
        author=info.author,
        creator=CREATOR,
        invariant=1,
        initialFontName=name,
        initialFontSize=BODY_SIZE,
        initialLeading=BODY_SIZE * 1.5,
    )
    frame = Frame(
        MARGIN_SIDE,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def under(canvas: Any, _doc: Any) -> None:
        if watermark:
            draw_watermark(
                canvas, watermark, PAGE_SIZE[0], PAGE_SIZE[1], label_at=(MARGIN_SIDE, PAGE_SIZE[1] - 14 * MM)
            )

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=under)])
    canvas_class = type("LetterCanvas", (_NumberedCanvas,), {"header": header})
    doc.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()
