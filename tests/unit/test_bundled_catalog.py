"""The catalog shipped in resources/: size, provenance, honesty, and look-ups that matter."""

from __future__ import annotations

import pytest

from desktop.adapters.resources import bundled_catalog
from desktop.domain.catalog import Catalog, CatalogVersion, ReformMode, ScopeTermKind
from desktop.services.catalog import CatalogBundle


@pytest.fixture(scope="module")
def bundle() -> CatalogBundle:
    return bundled_catalog()


@pytest.fixture(scope="module")
def catalog(bundle: CatalogBundle) -> Catalog:
    from datetime import date

    return Catalog(
        CatalogVersion(1, bundle.label, date(2026, 11, 26), bundle.source),
        bundle.matters,
        bundle.industries,
        bundle.scope_terms,
    )


def test_size_and_coverage(catalog: Catalog) -> None:
    assert len(catalog.matters) >= 45
    assert len(catalog.departments()) >= 15
    assert all(count > 0 for count in catalog.mode_counts().values())
    assert len(catalog.industries) >= 14
    assert len(catalog.scope_terms) >= 300
    general_no_matter = [
        t for t in catalog.scope_terms.values() if t.kind is ScopeTermKind.GENERAL and not t.matter_codes
    ]
    assert len(general_no_matter) >= 200
    # general terms that still trigger a filing exist
    assert any(
        t.kind is ScopeTermKind.GENERAL
        and any(catalog.matter(c).mode is ReformMode.FILING for c in t.matter_codes)
        for t in catalog.scope_terms.values()
    )


def test_every_row_carries_its_source_and_a_verified_flag(bundle: CatalogBundle) -> None:
    for item in [*bundle.matters, *bundle.industries, *bundle.scope_terms]:
        assert item.provenance.source.strip(), item
    assert any(not m.provenance.verified for m in bundle.matters)  # memory is marked unverified


def test_unknown_legal_bases_are_marked_not_invented(bundle: CatalogBundle) -> None:
    assert all(m.legal_basis.strip() for m in bundle.matters)
    assert any(m.legal_basis == "待核实" for m in bundle.matters)


def test_fields_and_materials_allow_an_industry_form_to_be_merged(catalog: Catalog) -> None:
    for industry in catalog.industries.values():
        matters = [catalog.matter(c) for c in industry.matter_codes]
        total_fields = sum(len(m.fields) for m in matters)
        distinct = {f.code for m in matters for f in m.fields}
        if len([m for m in matters if m.fields]) > 1:
            assert len(distinct) < total_fields, industry.name
    for m in catalog.matters.values():
        if m.mode is not ReformMode.CANCEL:
            assert m.fields and m.materials, m.name
        if m.mode is ReformMode.COMMITMENT:
            assert m.check_window is not None, m.name


@pytest.mark.parametrize(
    ("scope", "expected_modes"),
    [
        ("软件开发", {}),
        ("日用百货销售", {}),
        ("食品销售（仅销售预包装食品）", {"仅销售预包装食品备案": ReformMode.FILING}),
        ("出版物零售", {"出版物零售业务许可": ReformMode.OPTIMIZE}),
        ("第二类医疗器械销售", {"第二类医疗器械经营备案": ReformMode.FILING}),
    ],
)
def test_official_wording_lookups(
    catalog: Catalog, scope: str, expected_modes: dict[str, ReformMode]
) -> None:
    result = catalog.lookup_scope(scope)
    assert {m.name: m.mode for m in result.matters} == expected_modes
    assert result.unknown_terms == ()
    assert result.operate_on_registration == (not expected_modes)


def test_food_sales_is_a_licensed_term(catalog: Catalog) -> None:
    term = catalog.scope_terms["食品销售"]
    assert term.kind is ScopeTermKind.LICENSED and term.matter_codes


def test_industry_lookup_unites_matters(catalog: Catalog) -> None:
    one = catalog.lookup_industries(["便利店"])
    several = catalog.lookup_industries(["便利店", "书店"])
    assert set(one.matters) < set(several.matters)
    assert len(several.matters) == len({m.code for m in several.matters})


def test_unknown_terms_are_reported_not_guessed(catalog: Catalog) -> None:
    result = catalog.lookup_scope("一般项目：量子隐形传态咨询；软件开发")
    assert result.unknown_terms == ("量子隐形传态咨询",)
