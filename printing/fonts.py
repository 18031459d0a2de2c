"""The one font of every printed page: WenQuanYi Micro Hei, shipped in resources/fonts and
embedded (subset) in each PDF, so output does not depend on the fonts of the printing PC.

It covers CJK, Latin and digits alike; every text of every page uses it (never ReportLab's
base-14 Helvetica, never a non-embedded CID font such as STSong-Light). Bold is emulated by
stroking the glyph outlines (see ``drawing.draw_line``): the family maps bold to the same face so
a stray ``<b>`` in a paragraph can never fall back to Helvetica-Bold.
"""

from __future__ import annotations

import threading
from importlib.resources import as_file, files

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "OneWindowSans"  # the name registered with ReportLab
FONT_FILE = "wqy-microhei.ttc"
SUBFONT_INDEX = 0  # WenQuanYi Micro Hei (index 1 is the monospaced variant)

# Vertical metrics of the face, as fractions of the font size (from its hhea table).
ASCENT = 0.765
DESCENT = 0.240

_lock = threading.Lock()
_registered: dict[str, TTFont] = {}  # FONT_NAME -> the registered face, once loaded
_widths: dict[str, float] = {}


def font() -> str:
    """Register the shipped font once (thread-safe) and return its ReportLab name."""
    if FONT_NAME not in _registered:
        with _lock:
            if FONT_NAME not in _registered:
                # Binary (zlib-only) streams: ReportLab's default ASCII85 layer is pure Python,
                # costs several ms per page and makes files a quarter larger. Only printing/
                # uses ReportLab (import rule 4c), so this process-wide setting is ours to make.
                rl_config.useA85 = 0
                source = files("resources") / "fonts" / FONT_FILE
                with as_file(source) as path:  # TTFont reads the whole file into memory
                    face = TTFont(FONT_NAME, str(path), subfontIndex=SUBFONT_INDEX, asciiReadable=0)
                pdfmetrics.registerFont(face)
                for bold in (0, 1):
                    for italic in (0, 1):
                        addMapping(FONT_NAME, bold, italic, FONT_NAME)
                _registered[FONT_NAME] = face
    return FONT_NAME


def char_width(ch: str) -> float:
    """Advance width of one character at size 1 (points per point of font size)."""
    width = _widths.get(ch)
    if width is None:
        font()
        width = float(pdfmetrics.stringWidth(ch, FONT_NAME, 1.0))
        _widths[ch] = width
    return width


def text_width(text: str, size: float) -> float:
    """Width of ``text`` at ``size`` points (what ReportLab's stringWidth returns)."""
    return float(pdfmetrics.stringWidth(text, font(), size))


def has_glyph(ch: str) -> bool:
    """Whether the shipped face has a glyph for ``ch`` (rare ideographs outside GBK may lack one)."""
    font()
    return ord(ch) in _registered[FONT_NAME].face.charToGlyph
