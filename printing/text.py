"""Text that must fit a box, line breaking for Chinese and Latin, and the wording of dates.

``fit_text`` is the one rule for every fixed box (licence fields, permit table cells): keep the
text on one line, shrinking it down to the minimum size; if one line cannot hold the text even at
the minimum size, wrap it and take the largest size at which the wrapped lines fit; if even that
fails, go below the minimum (down to ``FLOOR_SIZE``) rather than overflow; only when the box
cannot hold the text at the floor size is the last line cut with "…" and the result marked
``truncated``. Every line it returns is no wider than the box, and lines × leading is no taller
than the box. (``prefer_wrap`` skips the one-line step, for prose boxes.)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from printing.fonts import char_width

LINE_SPACING = 1.25  # leading as a multiple of the font size
FLOOR_SIZE = 4.0  # below this nothing is legible: cut instead
_STEP = 0.25  # sizes are tried in quarter points
_EPSILON = 0.01  # points kept free on the right, so rounding never makes a line wider than its box

# Line-breaking rules (禁则): no line starts with closing punctuation, none ends with opening.
_CLOSING = set("，。、；：？！）》」』】〕〉”’…—·%％,.;:!?)]}>")
_OPENING = set("（《「『【〔〈“‘([{<")
_ATOM = re.compile(r"\n|[ \t\u3000]+|[\u0021-\u2e7f]+|.", re.DOTALL)  # break, spaces, word, one char


@dataclass(frozen=True)
class FittedText:
    size: float  # font size in points
    leading: float  # distance between baselines in points
    lines: tuple[str, ...]
    truncated: bool = False  # True only if the text could not be shown whole even at FLOOR_SIZE

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


def _units(text: str) -> tuple[str, ...]:
    """Unbreakable pieces: a Chinese character (with punctuation that must stay beside it), a
    Latin word, a run of spaces, or a hard line break."""
    units: list[str] = []
    carry = ""  # opening punctuation waiting for the piece it belongs to
    for m in _ATOM.finditer(text.replace("\r\n", "\n").replace("\r", "\n")):
        atom = m.group()
        if atom in _OPENING:
            carry += atom
        elif atom.isspace():
            if carry:
                units.append(carry)
                carry = ""
            units.append(atom)
        elif atom[0] in _CLOSING and not carry and units and not units[-1].isspace():
            units[-1] += atom
        else:
            units.append(carry + atom)
            carry = ""
    if carry:
        units.append(carry)
    return tuple(units)


def _width(text: str) -> float:
    return sum(char_width(ch) for ch in text)


@functools.lru_cache(maxsize=1024)
def _measured(text: str) -> tuple[tuple[str, float], ...]:
    return tuple((unit, _width(unit)) for unit in _units(text))


def wrap_text(text: str, size: float, width: float, char_space: float = 0.0) -> list[str] | None:
    """Greedy line breaking at ``size``; None when some single character is wider than ``width``."""
    return _wrap(_measured(text), size, width - _EPSILON, char_space)


def _wrap(
    units: Sequence[tuple[str, float]], size: float, limit: float, char_space: float
) -> list[str] | None:
    lines: list[str] = []
    line, line_w = "", 0.0
    gap, gap_w = "", 0.0  # spaces seen after the line's last piece (dropped at a line end)
    for unit, w1 in units:
        if unit == "\n":
            lines.append(line)
            line, line_w, gap, gap_w = "", 0.0, "", 0.0
            continue
        w = w1 * size + char_space * len(unit)
        if unit.isspace():
            if line:
                gap, gap_w = gap + unit, gap_w + w
            continue
        if line_w + gap_w + w <= limit:
            line, line_w = line + gap + unit, line_w + gap_w + w
            gap, gap_w = "", 0.0
            continue
        if line:
            lines.append(line)
        line, line_w, gap, gap_w = "", 0.0, "", 0.0
        if w <= limit:
            line, line_w = unit, w
            continue
        for ch in unit:  # a piece wider than a whole line: break it between characters
            cw = char_width(ch) * size + char_space
            if cw > limit:
                return None
            if line_w + cw > limit:
                lines.append(line)
                line, line_w = "", 0.0
            line, line_w = line + ch, line_w + cw
    if line or not lines:
        lines.append(line)
    return lines


def _sizes(high: float, low: float) -> list[float]:
    """high, high - STEP, … down to low (both included)."""
    count = int((high - low) / _STEP + 1e-9)
    out = [high - i * _STEP for i in range(count + 1)]
    if out[-1] - low > 1e-9:
        out.append(low)
    return out


@functools.lru_cache(maxsize=4096)
def fit_text(
    text: str,
    box_width: float,
    box_height: float,
    max_size: float,
    min_size: float,
    *,
    line_spacing: float = LINE_SPACING,
    char_space: float = 0.0,
    floor_size: float = FLOOR_SIZE,
    prefer_wrap: bool = False,
) -> FittedText:
    """Fit ``text`` into a box of ``box_width`` × ``box_height`` points (see the module doc).

    ``prefer_wrap`` skips the one-line step: for prose boxes (remarks) several lines at a larger
    size read better than one small line."""
    if min_size > max_size:
        raise ValueError(f"min_size {min_size} > max_size {max_size}")
    text = text.strip()
    if not text:
        return FittedText(max_size, max_size * line_spacing, ())
    units = _measured(text)
    limit = box_width - _EPSILON
    hard_lines = text.count("\n") + 1

    # 1. one line per hard line, shrinking down to min_size
    widest = max(_width(part.strip()) for part in text.split("\n"))
    chars = max(len(part.strip()) for part in text.split("\n"))
    if widest > 0:
        size = min(max_size, (limit - char_space * chars) / widest, box_height / (hard_lines * line_spacing))
    else:
        size = min(max_size, box_height / (hard_lines * line_spacing))
    size = int(size / _STEP) * _STEP  # a round size, never above the exact limit
    if size >= min_size and not prefer_wrap:
        lines = _wrap(units, size, limit, char_space)
        if lines is not None and len(lines) == hard_lines:
            return FittedText(size, size * line_spacing, tuple(lines))

    # 2. wrapped, from max_size down to min_size; 3. below min_size down to the floor
    sizes = _sizes(max_size, min_size)
    floor = min(floor_size, min_size)  # a box whose minimum is below the floor keeps its minimum
    if min_size - _STEP >= floor:
        sizes += _sizes(min_size - _STEP, floor)
    for size in sizes:
        lines = _wrap(units, size, limit, char_space)
        if lines is not None and len(lines) * size * line_spacing <= box_height + 1e-9:
            return FittedText(size, size * line_spacing, tuple(lines))

    # 4. cannot be shown whole: as many lines as fit at the floor size, the last one cut with "…"
    size = floor
    leading = size * line_spacing
    room = int((box_height + 1e-9) // leading)
    lines = _wrap(units, size, limit, char_space) or []
    kept = lines[:room]
    if kept:
        last = kept[-1]
        while last and _width(last + "…") * size + char_space * (len(last) + 1) > limit:
            last = last[:-1]
        kept[-1] = last + "…" if _width("…") * size + char_space <= limit else last
    return FittedText(size, leading, tuple(kept), truncated=True)


# ------------------------------------------------------------------ wording

_DIGITS = "零一二三四五六七八九"


def format_date(day: date) -> str:
    """2026年11月26日"""
    return f"{day.year}年{day.month}月{day.day}日"


def format_validity(until: date | None) -> str:
    """The end of a validity period: a date, or 长期 (no end)."""
    return "长期" if until is None else format_date(until)


def chinese_number(n: int) -> str:
    """一, 二, … 十, 十一, … 九十九 (section numbers)."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")
