"""The look-ups behind the intake wizard, through the services on a real database."""

from __future__ import annotations

from desktop.domain.search import HitKind
from desktop.services import catalog_search, intake
from desktop.services.base import Services
from tests.support.factories import (
    BAD_CHECKSUM_USCC,
    CLERK,
    HALL_ADMIN,
    OTHER_VALID_USCC,
    VALID_USCC,
    enterprise,
)


def test_spjy_and_bld_through_the_service(services: Services) -> None:
    catalog = catalog_search.load(services)
    food = catalog_search.search(services, catalog, "spjy")
    assert food[0].label == "食品经营" and food[0].kind is HitKind.TERM
    assert all("SCJG-01" in h.matter_codes for h in food if h.label.startswith("食品经营"))
    shop = catalog_search.search(services, catalog, "bld")
    assert shop[0].kind is HitKind.INDUSTRY and shop[0].label == "便利店"
    result = catalog.lookup_industries([shop[0].key])
    assert [m.code for m in result.matters] == ["SCJG-01", "YC-01", "SW-01", "YJ-03", "XF-01"]


def test_the_index_is_built_once_per_catalog_version(services: Services) -> None:
    first = catalog_search.index(services, catalog_search.load(services))
    again = catalog_search.index(services, catalog_search.load(services))  # a fresh Catalog object
    assert again is first


def test_a_pasted_scope_gives_its_known_terms_and_the_rest(services: Services) -> None:
    catalog = catalog_search.load(services)
    parsed = catalog_search.parse_scope(
        catalog,
        "许可项目：食品销售；烟草制品零售（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
        "一般项目：日用百货销售；量子占卜（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）",
    )
    assert [t.term for t in parsed.terms][:2] == ["食品销售", "烟草制品零售"]
    assert parsed.unknown_terms == ("量子占卜",)
    assert {m.code for m in parsed.matters} >= {"SCJG-01", "YC-01"}


def test_known_enterprises_by_uscc_or_name(services: Services) -> None:
    assert catalog_search.enterprises(services, "便民") == []
    app = intake.submit(services, CLERK, enterprise(), ["SCJG-01"])
    assert app.uscc == VALID_USCC
    assert [e.uscc for e in catalog_search.enterprises(services, "便民超市")] == [VALID_USCC]
    assert [e.name for e in catalog_search.enterprises(services, VALID_USCC.lower())] == [enterprise().name]
    assert [e.uscc for e in catalog_search.enterprises(services, "913101")] == [VALID_USCC]
    assert catalog_search.enterprises(services, OTHER_VALID_USCC) == []
    assert catalog_search.enterprises(services, "便") == []  # too short to ask


def test_an_earlier_override_is_known(services: Services) -> None:
    assert not catalog_search.uscc_override_exists(services, BAD_CHECKSUM_USCC)
    intake.override_uscc_warning(services, HALL_ADMIN, BAD_CHECKSUM_USCC, "核对营业执照原件无误")
    assert catalog_search.uscc_override_exists(services, BAD_CHECKSUM_USCC)
    assert not catalog_search.uscc_override_exists(services, VALID_USCC)
