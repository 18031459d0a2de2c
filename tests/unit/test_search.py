"""Searching industries and scope terms by Chinese or pinyin initials (the real pypinyin initials)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.adapters.pinyin import initials
from desktop.domain.catalog import (
    Catalog,
    CatalogVersion,
    Industry,
    Matter,
    ReformMode,
    ScopeTerm,
    ScopeTermKind,
)
from desktop.domain.search import (
    HitKind,
    SearchIndex,
    clear_cache,
    index_for,
    looks_like_scope_string,
    search,
)
from desktop.services.catalog import CatalogBundle


@pytest.fixture(scope="module")
def catalog(bundle: CatalogBundle) -> Catalog:
    return Catalog(
        CatalogVersion(1, "内置", date(2026, 1, 1), "test"),
        bundle.matters,
        bundle.industries,
        bundle.scope_terms,
    )


def _small(version: int, term: str) -> Catalog:
    matter = Matter("M-1", "食品经营许可", "部门", "依据", "县级", "审批局", ReformMode.OPTIMIZE)
    return Catalog(
        CatalogVersion(version, f"v{version}", date(2026, 1, 1), "test"),
        [matter],
        [Industry("IND-1", "便利店", "审批局", ("M-1",))],
        [ScopeTerm(term, ScopeTermKind.LICENSED, ("M-1",))],
    )


def test_spjy_finds_food_business_terms(catalog: Catalog) -> None:
    hits = search(catalog, "spjy", initials)
    assert hits, "spjy should find something"
    assert hits[0].label == "食品经营" and hits[0].score == 0
    assert all(h.kind is HitKind.TERM for h in hits[:1])
    assert "SCJG-01" in hits[0].matter_codes
    # everything found reads 食品经营… in initials, nothing unrelated
    assert all("spjy" in re.sub(r"[^a-z]", "", initials(h.label)) for h in hits)


def test_bld_finds_the_convenience_store_industry_first(catalog: Catalog) -> None:
    hits = search(catalog, "bld", initials)
    assert hits[0].kind is HitKind.INDUSTRY and hits[0].label == "便利店"
    assert hits[0].matter_codes == ("SCJG-01", "YC-01", "SW-01", "YJ-03", "XF-01")


def test_chinese_substring_and_prefix_ranking(catalog: Catalog) -> None:
    hits = search(catalog, "食品", initials, limit=100)
    labels = [h.label for h in hits]
    assert "食品经营" in labels and "食品销售（仅销售预包装食品）" in labels
    assert all("食品" in label for label in labels)
    prefix = [h for h in hits if h.label.startswith("食品")]
    inside = [h for h in hits if not h.label.startswith("食品")]
    assert hits[: len(prefix)] == prefix and hits[len(prefix) :] == inside  # prefixes first
    assert search(catalog, "便利店", initials)[0].score == 0


def test_full_width_and_case_are_folded_and_empty_finds_nothing(catalog: Catalog) -> None:
    assert search(catalog, "ＢＬＤ", initials)[0].label == "便利店"
    assert search(catalog, "  ", initials) == []
    assert search(catalog, "zzzzzz", initials) == []


def test_mixed_chinese_and_initials(catalog: Catalog) -> None:
    assert any(h.label == "食品经营" for h in search(catalog, "食品jy", initials))


def test_without_an_initials_function_only_chinese_works(catalog: Catalog) -> None:
    index = SearchIndex(catalog, None)
    assert index.search("bld") == []
    assert index.search("便利")[0].label == "便利店"


def test_index_is_cached_per_catalog_version() -> None:
    clear_cache()
    calls: list[str] = []

    def counting(text: str) -> str:
        calls.append(text)
        return initials(text)

    first = index_for(_small(1, "食品经营"), counting)
    built = len(calls)
    assert built == 2  # one industry, one term
    again = index_for(_small(1, "食品经营"), counting)  # the same version loaded again
    assert again is first and len(calls) == built
    other = index_for(_small(2, "食品销售"), counting)  # a new version gets its own index
    assert other is not first and [h.label for h in other.search("spxs")] == ["食品销售"]
    clear_cache()


def test_pasted_scope_strings_are_recognised() -> None:
    assert looks_like_scope_string("许可项目：食品销售；一般项目：日用百货销售")
    assert looks_like_scope_string("食品销售；日用百货销售")
    assert not looks_like_scope_string("食品销售")
    assert not looks_like_scope_string("spjy")
