"""Fixed page layouts as data: resources/layouts/<name>.json (see the README there).

Positions and sizes are millimetres from the page's top left corner; font sizes and line widths
are points. Texts are templates such as ``"编号：{number}"`` whose ``{names}`` are filled from the
variables each document kind provides (printing.certificates). Layouts are parsed and checked once
and cached.
"""

from __future__ import annotations

import functools
import json
import re
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from printing.qr import MIN_SIZE_MM

MM = 72.0 / 25.4  # points per millimetre
ALIGNS = ("left", "center", "right", "distribute")
VALIGNS = ("top", "middle", "bottom")
_NAME = re.compile(r"^[a-z0-9_]+$")


class LayoutError(ValueError):
    """A layout file that cannot be used (the message names the file and the element)."""


@dataclass(frozen=True)
class Box:
    """A rectangle in millimetres, from the page's top left corner."""

    x: float
    y: float
    width: float
    height: float

    def to_points(self, page_height_mm: float) -> tuple[float, float, float, float]:
        """(x, y, width, height) in points with y from the bottom, as the PDF canvas wants it."""
        return (
            self.x * MM,
            (page_height_mm - self.y - self.height) * MM,
            self.width * MM,
            self.height * MM,
        )


@dataclass(frozen=True)
class TextStyle:
    max_size: float
    min_size: float
    align: str = "left"
    valign: str = "middle"
    bold: bool = False
    char_space: float = 0.0  # points added after each character
    padding: float = 1.2  # millimetres kept free inside the box on the left and right
    padding_y: float = 0.8  # … and at the top and bottom
    prefer_wrap: bool = False  # "fit": "wrap" — wrap at a larger size before shrinking to one line


@dataclass(frozen=True)
class Frame:
    box: Box
    line_width: float = 2.0
    inner_offset: float = 1.5  # mm between the outer and the inner line (0: a single line)
    inner_line_width: float = 0.6


@dataclass(frozen=True)
class Text:
    box: Box
    text: str
    style: TextStyle
    when: str = ""  # drawn only if this variable is not empty


@dataclass(frozen=True)
class Field:
    """A ruled row: a label cell and a value cell."""

    box: Box
    label: str
    label_width: float
    text: str
    style: TextStyle
    label_style: TextStyle
    line_width: float = 0.6
    when: str = ""


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    text: str
    align: str = "left"


@dataclass(frozen=True)
class Table:
    """A ruled table: a header row, then one row per item of a list variable."""

    box: Box
    rows: str
    columns: tuple[Column, ...]
    header_height: float
    max_row_height: float
    style: TextStyle
    header_style: TextStyle
    line_width: float = 0.6
    when: str = ""


@dataclass(frozen=True)
class Qr:
    box: Box  # a square, quiet zone included
    text: str
    when: str = ""


@dataclass(frozen=True)
class Line:
    box: Box  # from (x, y) to (x + width, y + height)
    line_width: float = 0.6
    when: str = ""


Element = Frame | Text | Field | Table | Qr | Line


@dataclass(frozen=True)
class Layout:
    name: str
    width: float  # page, millimetres
    height: float
    elements: tuple[Element, ...]

    def templates(self) -> Iterator[tuple[str, str]]:
        """(where, template) for every text of the layout whose variables come from the document:
        ``where`` is "" for page variables, else the name of the table's row list."""
        for element in self.elements:
            if isinstance(element, Text | Field | Qr):
                yield "", element.text
            if isinstance(element, Table):
                yield "", "{" + element.rows + "}"
                for column in element.columns:
                    yield element.rows, column.text
            when = getattr(element, "when", "")
            if when:
                yield "", "{" + when + "}"


def template_names(template: str) -> list[str]:
    """The variable names a template uses."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


def fill(template: str, variables: Mapping[str, str]) -> str:
    """The template with its variables filled in."""
    return template.format_map(variables)


# ------------------------------------------------------------------ parsing


class _Reader:
    def __init__(self, where: str, data: Mapping[str, Any]) -> None:
        self.where = where
        self.data = data
        self.used: set[str] = set()

    def fail(self, message: str) -> LayoutError:
        return LayoutError(f"{self.where}: {message}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        self.used.add(key)
        if key not in self.data:
            if default is ...:
                raise self.fail(f"missing '{key}'")
            return default
        value = self.data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is float and isinstance(value, bool)):
            raise self.fail(f"'{key}' must be {getattr(kind, '__name__', kind)}, not {value!r}")
        return value

    def number(self, key: str, default: Any = ...) -> float:
        value: float = self.get(key, float, default)
        if value < 0:
            raise self.fail(f"'{key}' must not be negative")
        return value

    def box(self, key: str = "box") -> Box:
        raw = self.get(key, list)
        if len(raw) != 4 or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in raw):
            raise self.fail(f"'{key}' must be [x, y, width, height] in millimetres")
        return Box(*(float(v) for v in raw))

    def choice(self, key: str, options: tuple[str, ...], default: str) -> str:
        value: str = self.get(key, str, default)
        if value not in options:
            raise self.fail(f"'{key}' must be one of {', '.join(options)}")
        return value

    def style(self, prefix: str = "", *, size_default: float | None = None, align: str = "left") -> TextStyle:
        if f"{prefix}max_size" in self.data:
            max_size = self.number(f"{prefix}max_size")
            min_size = self.number(f"{prefix}min_size", max_size)
        else:  # one fixed size
            max_size = min_size = self.number(f"{prefix}size", ... if size_default is None else size_default)
        if min_size > max_size or min_size <= 0:
            raise self.fail(f"'{prefix}min_size' must be positive and at most '{prefix}max_size'")
        return TextStyle(
            max_size=max_size,
            min_size=min_size,
            align=self.choice(f"{prefix}align", ALIGNS, align),
            valign=self.choice(f"{prefix}valign", VALIGNS, "middle"),
            bold=self.get(f"{prefix}bold", bool, False),
            char_space=self.number(f"{prefix}char_space", 0.0),
            padding=self.number(f"{prefix}padding", 1.2),
            padding_y=self.number(f"{prefix}padding_y", 0.8),
            prefer_wrap=self.choice(f"{prefix}fit", ("shrink", "wrap"), "shrink") == "wrap",
        )

    def template(self, key: str, default: Any = ...) -> str:
        value: str = self.get(key, str, default)
        try:
            template_names(value)
        except ValueError as exc:
            raise self.fail(f"'{key}' is not a valid template: {exc}") from exc
        return value

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used - {"type", "comment"})
        if unknown:
            raise self.fail(f"unknown keys {unknown}")


def _element(reader: _Reader, kind: str) -> Element:
    when = reader.get("when", str, "")
    if kind == "frame":
        return Frame(
            reader.box(),
            reader.number("line_width", 2.0),
            reader.number("inner_offset", 1.5),
            reader.number("inner_line_width", 0.6),
        )
    if kind == "text":
        return Text(reader.box(), reader.template("text"), reader.style(), when)
    if kind == "field":
        return Field(
            box=reader.box(),
            label=reader.get("label", str),
            label_width=reader.number("label_width"),
            text=reader.template("text"),
            style=reader.style(),
            label_style=reader.style("label_", size_default=12.0, align="distribute"),
            line_width=reader.number("line_width", 0.6),
            when=when,
        )
    if kind == "table":
        columns = []
        for i, raw in enumerate(reader.get("columns", list)):
            if not isinstance(raw, dict):
                raise reader.fail(f"column {i} must be an object")
            col = _Reader(f"{reader.where} column {i}", raw)
            columns.append(
                Column(
                    col.get("title", str),
                    col.number("width"),
                    col.template("text"),
                    col.choice("align", ALIGNS, "left"),
                )
            )
            col.done()
        return Table(
            box=reader.box(),
            rows=reader.get("rows", str),
            columns=tuple(columns),
            header_height=reader.number("header_height"),
            max_row_height=reader.number("max_row_height"),
            style=reader.style(),
            header_style=reader.style("header_", size_default=10.5, align="center"),
            line_width=reader.number("line_width", 0.6),
            when=when,
        )
    if kind == "qr":
        return Qr(reader.box(), reader.template("text"), when)
    if kind == "line":
        return Line(reader.box(), reader.number("line_width", 0.6), when)
    raise reader.fail(f"unknown element type '{kind}'")


def _check(layout: Layout, where: str) -> None:
    for i, element in enumerate(layout.elements):
        box = element.box
        label = f"{where} element {i} ({type(element).__name__.lower()})"
        if isinstance(element, Line):
            inside = 0 <= box.x <= layout.width and 0 <= box.x + box.width <= layout.width
            inside = inside and 0 <= box.y <= layout.height and 0 <= box.y + box.height <= layout.height
        else:
            inside = box.x >= 0 and box.y >= 0 and box.width > 0 and box.height > 0
            inside = inside and box.x + box.width <= layout.width + 1e-6
            inside = inside and box.y + box.height <= layout.height + 1e-6
        if not inside:
            raise LayoutError(f"{label}: box {box} is not inside the {layout.width}×{layout.height} mm page")
        if isinstance(element, Qr):
            if abs(box.width - box.height) > 1e-6:
                raise LayoutError(f"{label}: a QR box must be square")
            if box.width < MIN_SIZE_MM:
                raise LayoutError(f"{label}: a QR code must be at least {MIN_SIZE_MM:g} mm square")
        if isinstance(element, Field) and not 0 < element.label_width < box.width:
            raise LayoutError(f"{label}: label_width must be inside the box")
        if isinstance(element, Table):
            total = sum(c.width for c in element.columns)
            if abs(total - box.width) > 0.01:
                raise LayoutError(f"{label}: column widths add up to {total} mm, the box is {box.width} mm")
            if element.header_height >= box.height:
                raise LayoutError(f"{label}: the header is taller than the table")


def parse_layout(name: str, text: str) -> Layout:
    where = f"layout '{name}'"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LayoutError(f"{where}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise LayoutError(f"{where}: must be a JSON object")
    top = _Reader(where, data)
    page = top.get("page", dict)
    page_reader = _Reader(f"{where} page", page)
    width = page_reader.number("width")
    height = page_reader.number("height")
    page_reader.done()
    elements = []
    for i, raw in enumerate(top.get("elements", list)):
        if not isinstance(raw, dict):
            raise LayoutError(f"{where} element {i}: must be an object")
        reader = _Reader(f"{where} element {i}", raw)
        elements.append(_element(reader, reader.get("type", str)))
        reader.done()
    top.get("description", str, "")
    top.done()
    layout = Layout(name, width, height, tuple(elements))
    _check(layout, where)
    return layout


@functools.cache
def load_layout(name: str) -> Layout:
    """The layout resources/layouts/<name>.json, parsed and checked (cached)."""
    if not _NAME.match(name):
        raise LayoutError(f"bad layout name {name!r}")
    source = files("resources") / "layouts" / f"{name}.json"
    return parse_layout(name, source.read_text(encoding="utf-8"))
