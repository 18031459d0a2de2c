"""Parse a business-scope string (经营范围) into standard terms.

A registered scope reads like
``许可项目：食品销售；出版物零售（依法须经批准的项目，经相关部门批准后方可开展经营活动，…）
一般项目：日用百货销售；软件开发（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。``
The boilerplate parentheticals are dropped; the qualifying parentheticals that belong to a term
(``食品销售（仅销售预包装食品）``) are kept, because they change the meaning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Section headings that introduce the licensed and the general part.
_HEADINGS = ("许可项目", "一般项目", "许可经营项目", "一般经营项目")

# Boilerplate parentheticals of the registration wording: recognised by these phrases.
_BOILERPLATE_MARKERS = (
    "依法须经批准",
    "经相关部门批准",
    "凭营业执照依法自主开展",
    "具体经营项目以",
    "除依法须经批准的项目外",
)

_MAJOR_SEPARATORS = "；;，,。"
_MINOR_SEPARATOR = "、"


def normalize_scope_text(text: str) -> str:
    """Unify punctuation: half-width brackets and colons become the full-width forms the catalog uses."""
    text = unicodedata.normalize("NFC", text)
    table = str.maketrans({"(": "（", ")": "）", ":": "：", "\u3000": " "})
    text = text.translate(table)
    # Full-width letters and digits inside terms (e.g. ＩＴ) become half-width.
    text = "".join(
        unicodedata.normalize("NFKC", ch) if unicodedata.category(ch)[0] in "LN" and ord(ch) >= 0xFF00 else ch
        for ch in text
    )
    return re.sub(r"\s+", "", text)


def _drop_boilerplate(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "（":
            depth, j = 1, i + 1
            while j < len(text) and depth:
                if text[j] == "（":
                    depth += 1
                elif text[j] == "）":
                    depth -= 1
                j += 1
            inner = text[i + 1 : j - 1] if depth == 0 else text[i + 1 :]
            if any(marker in inner for marker in _BOILERPLATE_MARKERS):
                out.append("；")  # a boilerplate parenthetical also ends the term before it
                i = j
                continue
            out.append(text[i:j])
            i = j
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    parts: list[str] = []
    depth, current = 0, list[str]()
    for ch in text:
        if ch == "（":
            depth += 1
        elif ch == "）":
            depth = max(0, depth - 1)
        if depth == 0 and ch in separators:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def split_scope(text: str, is_known: Callable[[str], bool] | None = None) -> list[str]:
    """Return the distinct terms of a scope string in their order of appearance.

    Terms are separated by ；;，,。 and by 、. Some standard terms contain 、 themselves
    (``技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广``): when ``is_known`` recognises a
    whole segment it is kept as one term, otherwise the segment is split on 、 too.
    """
    text = normalize_scope_text(text)
    for heading in _HEADINGS:
        text = text.replace(heading + "：", "；")
    text = _drop_boilerplate(text)
    terms: list[str] = []
    seen: set[str] = set()  # a set, not `in terms`: a pasted text of many terms stays linear
    for raw_segment in _split_outside_brackets(text, _MAJOR_SEPARATORS):
        segment = raw_segment.strip("：:、 ")
        if not segment:
            continue
        if is_known is not None and is_known(segment):
            parts = [segment]
        else:
            parts = _split_outside_brackets(segment, _MINOR_SEPARATOR)
        for part in parts:
            term = part.strip("：:、 .")
            if term and term not in seen:
                seen.add(term)
                terms.append(term)
    return terms
