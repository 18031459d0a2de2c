"""Canvas helpers shared by every document: a canvas that starts in our font, lines of text
(bold emulated by stroking the outlines), fitted text in a box, the watermark."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import ASCENT, DESCENT, font, text_width
from printing.text import FittedText

PAGE_SIZE: tuple[float, float] = A4  # (595.27, 841.89) points
BOLD_STROKE = 0.035  # outline stroke as a fraction of the font size: reads as 黑体-like bold
WATERMARK_GREY = 0.87  # light grey: black text over it stays readable
LABEL_GREY = 0.35
CREATOR = "OneWindow 一窗通"


@dataclass(frozen=True)
class DocInfo:
    """What the PDF says about itself (document properties)."""

    title: str
    subject: str = ""
    author: str = ""


def new_canvas(target: BinaryIO, info: DocInfo, pagesize: tuple[float, float] = PAGE_SIZE) -> Canvas:
    """A canvas whose initial font is ours (so not even an empty text object names Helvetica)."""
    name = font()
    canvas = Canvas(
        target,
        pagesize=pagesize,
        initialFontName=name,
        initialFontSize=10,
        initialLeading=12.5,
        invariant=1,  # same input, same bytes (a reprint can be compared with the original)
        pageCompression=1,
    )
    apply_info(canvas, info)
    return canvas


def apply_info(canvas: Any, info: DocInfo) -> None:
    canvas.setTitle(info.title)
    canvas.setSubject(info.subject)
    canvas.setAuthor(info.author)
    canvas.setCreator(CREATOR)


def draw_line(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    char_space: float = 0.0,
    grey: float = 0.0,
) -> None:
    """One line of text with its baseline at (x, y), in black unless ``grey`` says otherwise."""
    plain = not bold and not grey
    if not plain:
        canvas.saveState()
        canvas.setFillGray(grey)
    obj = canvas.beginText(x, y)
    obj.setFont(font(), size)
    if char_space:
        obj.setCharSpace(char_space)
    if bold:
        canvas.setStrokeGray(grey)
        canvas.setLineWidth(size * BOLD_STROKE)
        canvas.setLineJoin(1)
        obj.setTextRenderMode(2)  # fill, then stroke the outline
    obj.textOut(text)
    canvas.drawText(obj)
    if not plain:
        canvas.restoreState()


def line_width(text: str, size: float, char_space: float = 0.0) -> float:
    """Visible width of a drawn line (no spacing after the last character)."""
    return text_width(text, size) + char_space * max(len(text) - 1, 0)


def draw_fitted(
    canvas: Any,
    fitted: FittedText,
    box: tuple[float, float, float, float],
    *,
    align: str = "left",
    valign: str = "middle",
    bold: bool = False,
    char_space: float = 0.0,
) -> None:
    """Draw fitted lines inside ``box`` (x, y, width, height in points, y from the bottom).

    Each line occupies one leading; the glyphs (ascent + descent) sit centred in it, so nothing
    drawn leaves the box when lines × leading ≤ box height."""
    x, y, width, height = box
    block = len(fitted.lines) * fitted.leading
    if valign == "top":
        top = y + height
    elif valign == "bottom":
        top = y + block
    else:
        top = y + (height + block) / 2
    size = fitted.size
    inset = (fitted.leading - size * (ASCENT + DESCENT)) / 2 + size * ASCENT
    for i, line in enumerate(fitted.lines):
        baseline = top - i * fitted.leading - inset
        spacing = char_space
        if align == "distribute" and len(line) > 1:
            spacing = max(char_space, (width - text_width(line, size)) / (len(line) - 1))
            left = x
        else:
            drawn = line_width(line, size, spacing)
            if align == "center":
                left = x + (width - drawn) / 2
            elif align == "right":
                left = x + width - drawn
            else:
                left = x
        draw_line(canvas, left, baseline, line, size, bold=bold, char_space=spacing)


def draw_watermark(
    canvas: Any, text: str, page_width: float, page_height: float, label_at: tuple[float, float]
) -> None:
    """``text`` large and light grey along a 45° line through the page centre, plus a small
    horizontal label "【text】" at ``label_at`` (a baseline point in the margin) that text
    extraction and a glance at the page header both find. Drawn first: content stays on top."""
    if not text:
        return
    angle = 45.0
    # as large as fits the page along a 45° line through the centre, at most 180 pt
    span = min(page_width, page_height) / math.cos(math.radians(angle))
    width_at_one = max(text_width(text, 1.0), 0.5)
    size = min(0.8 * span / width_at_one, 180.0)
    canvas.saveState()
    canvas.translate(page_width / 2, page_height / 2)
    canvas.rotate(angle)
    drawn = text_width(text, size)
    draw_line(canvas, -drawn / 2, -size * (ASCENT - DESCENT) / 2, text, size, grey=WATERMARK_GREY)
    canvas.restoreState()
    draw_line(canvas, label_at[0], label_at[1], f"【{text}】", 10.0, grey=LABEL_GREY)
