"""Look-ups behind the intake wizard: industries and scope terms by Chinese or pinyin initials,
a pasted business scope, known enterprises, and whether a USCC warning was already overridden.

Searching needs the catalog in memory: ``load`` reads the current version (database work, run it
in the background) and builds its search index at the same time, so that ``search`` afterwards is
a quick in-memory scan that may run as the clerk types.
"""

from __future__ import annotations

from desktop.domain.catalog import Catalog, LookupResult
from desktop.domain.enterprises import Enterprise
from desktop.domain.identifiers import check_uscc, normalize_identifier
from desktop.domain.search import DEFAULT_LIMIT, SearchHit, SearchIndex, index_for
from desktop.services import catalog as catalog_service
from desktop.services.base import Services
from desktop.services.intake import USCC_CHECKSUM

MIN_ENTERPRISE_QUERY = 2


def load(services: Services) -> Catalog:
    """The current catalog, with its search index ready."""
    current = catalog_service.current(services)
    index_for(current, services.initials)
    return current


def index(services: Services, catalog: Catalog) -> SearchIndex:
    return index_for(catalog, services.initials)


def search(services: Services, catalog: Catalog, text: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Industries and scope terms matching ``text`` (Chinese, or pinyin initials when wired)."""
    return index_for(catalog, services.initials).search(text, limit)


def parse_scope(catalog: Catalog, text: str) -> LookupResult:
    """A pasted registered scope ("许可项目：…一般项目：…"): its known terms and the unknown rest."""
    return catalog.lookup_scope(text)


def enterprises(services: Services, text: str, limit: int = 10) -> list[Enterprise]:
    """Known market subjects whose USCC or name contains ``text``."""
    text = text.strip()
    if len(text) < MIN_ENTERPRISE_QUERY:
        return []
    code = normalize_identifier(text)
    with services.uow() as uow:
        if len(code) == 18:
            exact = uow.enterprises.get(code)
            if exact is not None:
                return [exact]
        return uow.enterprises.search(text, limit)


def uscc_override_exists(services: Services, uscc: str) -> bool:
    """Has a supervisor already let this USCC's wrong check character through (audited earlier)?"""
    check = check_uscc(uscc)
    if check.valid or not check.well_formed:
        return False
    with services.uow() as uow:
        return uow.overrides.exists(USCC_CHECKSUM, check.normalized)
