"""Fixed one-page documents (licence, permit certificate, filing receipt) drawn from a layout.

pretix's habit: the layout is data (resources/layouts), each document kind supplies a registry of
fill-in variables (printing.certificates), and this module draws each element of the layout with
those variables. It reports what it drew (fitted texts, QR placements) so tests can check boxes
and sizes on the real drawing.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from printing.drawing import DocInfo, draw_fitted, draw_watermark, new_canvas
from printing.layout import MM, Box, Field, Frame, Layout, Line, Qr, Table, Text, TextStyle, fill
from printing.qr import QrPlacement, draw_qr
from printing.text import FittedText, fit_text

Variables = Mapping[str, str]
Rows = Mapping[str, Sequence[Variables]]


@dataclass(frozen=True)
class PlacedText:
    """One fitted text and the box (points, y from the bottom) it had to fit."""

    text: str
    box: tuple[float, float, float, float]
    fitted: FittedText


@dataclass(frozen=True)
class RenderedFace:
    pdf: bytes
    texts: tuple[PlacedText, ...]
    qr_codes: tuple[QrPlacement, ...]


class _Drawer:
    def __init__(self, canvas: Any, layout: Layout) -> None:
        self.canvas = canvas
        self.layout = layout
        self.texts: list[PlacedText] = []
        self.qr_codes: list[QrPlacement] = []

    def points(self, box: Box) -> tuple[float, float, float, float]:
        return box.to_points(self.layout.height)

    @staticmethod
    def inner(box: tuple[float, float, float, float], style: TextStyle) -> tuple[float, float, float, float]:
        x, y, width, height = box
        px, py = style.padding * MM, style.padding_y * MM
        return (x + px, y + py, width - 2 * px, height - 2 * py)

    def fit(self, text: str, box: tuple[float, float, float, float], style: TextStyle) -> FittedText:
        inner = self.inner(box, style)
        return fit_text(
            text,
            inner[2],
            inner[3],
            style.max_size,
            style.min_size,
            char_space=style.char_space,
            prefer_wrap=style.prefer_wrap,
        )

    def text(self, text: str, box: tuple[float, float, float, float], style: TextStyle) -> None:
        inner = self.inner(box, style)
        fitted = self.fit(text, box, style)
        draw_fitted(
            self.canvas,
            fitted,
            inner,
            align=style.align,
            valign=style.valign,
            bold=style.bold,
            char_space=style.char_space,
        )
        self.texts.append(PlacedText(text, inner, fitted))

    def rect(self, box: tuple[float, float, float, float], width: float) -> None:
        c = self.canvas
        c.setLineWidth(width)
        c.rect(*box, stroke=1, fill=0)


def _draw_frame(d: _Drawer, element: Frame) -> None:
    x, y, w, h = d.points(element.box)
    d.rect((x, y, w, h), element.line_width)
    if element.inner_offset:
        o = element.inner_offset * MM
        d.rect((x + o, y + o, w - 2 * o, h - 2 * o), element.inner_line_width)


def _draw_field(d: _Drawer, element: Field, variables: Variables) -> None:
    x, y, w, h = d.points(element.box)
    label_w = element.label_width * MM
    d.rect((x, y, label_w, h), element.line_width)
    d.rect((x + label_w, y, w - label_w, h), element.line_width)
    d.text(element.label, (x, y, label_w, h), element.label_style)
    d.text(fill(element.text, variables), (x + label_w, y, w - label_w, h), element.style)


def _draw_table(d: _Drawer, element: Table, variables: Variables, rows: Rows) -> None:
    items = rows.get(element.rows, ())
    x, y, w, h = d.points(element.box)
    top = y + h
    header = element.header_height * MM
    body = h - header
    row_h = min(element.max_row_height * MM, body / max(len(items), 1))
    used = header + row_h * len(items)
    c = d.canvas
    d.rect((x, top - used, w, used), element.line_width)
    c.setLineWidth(element.line_width)
    for i in range(len(items)):  # below the header and between rows
        line_y = top - header - i * row_h
        c.line(x, line_y, x + w, line_y)
    left = x
    for column in element.columns[:-1]:
        left += column.width * MM
        c.line(left, top, left, top - used)
    left = x
    for column in element.columns:
        width = column.width * MM
        d.text(column.title, (left, top - header, width, header), element.header_style)
        style = replace(element.style, align=column.align)
        cells = [
            (fill(column.text, {**variables, **item}), (left, top - header - (i + 1) * row_h, width, row_h))
            for i, item in enumerate(items)
        ]
        # one size for the whole column (the size the most crowded cell needs): rows read evenly
        size = min((d.fit(text, box, style).size for text, box in cells), default=style.max_size)
        uniform = replace(style, max_size=min(size, style.max_size), min_size=min(size, style.min_size))
        for text, box in cells:
            d.text(text, box, uniform)
        left += width


def render_face(
    layout: Layout,
    variables: Variables,
    rows: Rows,
    info: DocInfo,
    *,
    watermark: str | None = None,
) -> RenderedFace:
    """Draw every element of ``layout`` on one page and return the PDF with what was drawn."""
    buffer = io.BytesIO()
    width, height = layout.width * MM, layout.height * MM
    canvas = new_canvas(buffer, info, (width, height))
    d = _Drawer(canvas, layout)
    if watermark:
        draw_watermark(canvas, watermark, width, height, label_at=(14 * MM, height - 15 * MM))
    for element in layout.elements:
        when = getattr(element, "when", "")
        if when and not variables.get(when):
            continue
        if isinstance(element, Frame):
            _draw_frame(d, element)
        elif isinstance(element, Text):
            d.text(fill(element.text, variables), d.points(element.box), element.style)
        elif isinstance(element, Field):
            _draw_field(d, element, variables)
        elif isinstance(element, Table):
            _draw_table(d, element, variables, rows)
        elif isinstance(element, Qr):
            x, y, size, _ = d.points(element.box)
            d.qr_codes.append(draw_qr(canvas, fill(element.text, variables), x, y, size))
        elif isinstance(element, Line):
            x, y, w, h = element.box.x, element.box.y, element.box.width, element.box.height
            canvas.setLineWidth(element.line_width)
            canvas.line(x * MM, (layout.height - y) * MM, (x + w) * MM, (layout.height - y - h) * MM)
    canvas.showPage()
    canvas.save()
    return RenderedFace(buffer.getvalue(), tuple(d.texts), tuple(d.qr_codes))
