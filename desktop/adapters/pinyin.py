"""Pinyin initials for search at the counter (`spjy` finds 食品经营)."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=8192)
def initials(text: str) -> str:
    """Lower-case initials of each Chinese character; other characters kept as they are."""
    return "".join(p[:1] for p in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower()
