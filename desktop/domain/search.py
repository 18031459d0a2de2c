"""Find industries and business-scope terms as the clerk types: Chinese or pinyin initials.

``bld`` finds 便利店 and ``spjy`` finds 食品经营; ``食品`` finds every term containing 食品. The
pinyin initials come from a function handed in (the adapters wrap pypinyin), so this module stays
standard-library only. An index is built once per catalog version and initials function and kept
in a small cache: building it converts every name to pinyin, searching it is a scan of ≈450 short
strings.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from desktop.domain.catalog import Catalog, ScopeTermKind

Initials = Callable[[str], str]

DEFAULT_LIMIT = 30
_CACHE_SIZE = 4
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_SCOPE_HEADINGS = ("许可项目", "一般项目", "许可经营项目", "一般经营项目")
_SCOPE_SEPARATORS = "；;，,。、"


class HitKind(str, Enum):
    INDUSTRY = "industry"  # 一业一证: choose the whole industry
    TERM = "term"  # one standard business-scope wording

    @property
    def label(self) -> str:
        return "行业" if self is HitKind.INDUSTRY else "经营范围"


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    key: str  # the industry code, or the term's key in ``Catalog.scope_terms``
    label: str  # the industry's name or the term as worded in the catalog
    matter_codes: tuple[str, ...]
    term_kind: ScopeTermKind | None = None  # 许可 / 一般, for terms only
    score: int = 0  # lower is better: 0 exact, 1 prefix, 2 inside, 3 by initials of a mixed query


@dataclass(frozen=True)
class _Entry:
    hit: SearchHit
    text: str  # folded for comparison (NFKC, no spaces, lower-case)
    initials: str  # pinyin initials, letters and digits only
    order: int


def fold(text: str) -> str:
    """What searches compare: NFKC (full-width to half-width), no spaces, lower-case."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace()).lower()


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _initials_of(text: str, initials: Initials | None) -> str:
    if initials is None:
        return ""
    return _NOT_ALNUM.sub("", initials(text).lower())


def looks_like_scope_string(text: str) -> bool:
    """A pasted (part of a) registered business scope rather than a search word."""
    folded = unicodedata.normalize("NFKC", text)
    if any(heading in folded for heading in _SCOPE_HEADINGS):
        return True
    return _has_cjk(folded) and any(sep in text for sep in _SCOPE_SEPARATORS)


class SearchIndex:
    """Industries and scope terms of one catalog version, ready to be searched."""

    def __init__(self, catalog: Catalog, initials: Initials | None) -> None:
        self.version_id = catalog.version.id
        entries: list[_Entry] = []
        for industry in catalog.industries.values():
            hit = SearchHit(HitKind.INDUSTRY, industry.code, industry.name, industry.matter_codes)
            entries.append(
                _Entry(hit, fold(industry.name), _initials_of(industry.name, initials), len(entries))
            )
        for key, term in catalog.scope_terms.items():
            hit = SearchHit(HitKind.TERM, key, term.term, term.matter_codes, term.kind)
            entries.append(_Entry(hit, fold(term.term), _initials_of(term.term, initials), len(entries)))
        self._entries = tuple(entries)
        self._initials = initials

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        """Best matches first: exact, then prefix, then anywhere; industries before terms."""
        q = fold(query)
        if not q:
            return []
        by_initials = "" if _has_cjk(q) else _NOT_ALNUM.sub("", q)
        mixed = _initials_of(q, self._initials) if _has_cjk(q) and re.search(r"[a-z]", q) else ""
        scored: list[tuple[int, int, int, int, _Entry]] = []
        for entry in self._entries:
            score = _score(entry, q, by_initials, mixed)
            if score is None:
                continue
            kind_rank = 0 if entry.hit.kind is HitKind.INDUSTRY else 1
            scored.append((score, kind_rank, len(entry.text), entry.order, entry))
        scored.sort(key=lambda row: row[:4])
        return [_with_score(row[4].hit, row[0]) for row in scored[:limit]]


def _score(entry: _Entry, q: str, by_initials: str, mixed: str) -> int | None:
    best: int | None = None
    for needle, haystack, offset in (
        (q, entry.text, 0),
        (by_initials, entry.initials, 0),
        (mixed, entry.initials, 3),
    ):
        if not needle or not haystack:
            continue
        if haystack == needle:
            score = 0
        elif haystack.startswith(needle):
            score = 1
        elif needle in haystack:
            score = 2
        else:
            continue
        score = max(score, offset)
        best = score if best is None else min(best, score)
    return best


def _with_score(hit: SearchHit, score: int) -> SearchHit:
    if hit.score == score:
        return hit
    return SearchHit(hit.kind, hit.key, hit.label, hit.matter_codes, hit.term_kind, score)


# -- cache per catalog version ------------------------------------------------------------------
_cache: dict[tuple[object, ...], SearchIndex] = {}
_cache_lock = threading.Lock()


def _fingerprint(catalog: Catalog) -> tuple[object, ...]:
    v = catalog.version
    names = hash(tuple(i.name for i in catalog.industries.values()))
    terms = hash(tuple(catalog.scope_terms))
    return (v.id, v.label, v.created_on, v.source, names, terms)


def index_for(catalog: Catalog, initials: Initials | None) -> SearchIndex:
    """The index of this catalog version, built on first use (safe to call from any thread)."""
    key = (*_fingerprint(catalog), initials)
    with _cache_lock:
        found = _cache.get(key)
    if found is not None:
        return found
    built = SearchIndex(catalog, initials)
    with _cache_lock:
        found = _cache.setdefault(key, built)
        while len(_cache) > _CACHE_SIZE:
            del _cache[next(iter(_cache))]
    return found


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def search(
    catalog: Catalog, query: str, initials: Initials | None, limit: int = DEFAULT_LIMIT
) -> list[SearchHit]:
    return index_for(catalog, initials).search(query, limit)
