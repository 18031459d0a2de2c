"""Catalog commands: install the bundled catalog, import/export the official layout, look-up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from desktop.domain.catalog import (
    Catalog,
    CatalogVersion,
    Industry,
    LookupResult,
    Matter,
    ReformMode,
    ScopeTerm,
)
from desktop.domain.catalog_table import (
    Table,
    attach_conditions,
    attach_fields_and_materials,
    matter_rows,
    parse_industries,
    parse_matters,
    parse_scope_terms,
)
from desktop.domain.errors import DomainError, NotFound
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, run_command

BUNDLE_FILES = (
    "matters.csv",
    "matter_fields.csv",
    "matter_materials.csv",
    "matter_conditions.csv",
    "industries.csv",
    "scope_terms.csv",
)


@dataclass(frozen=True)
class CatalogBundle:
    label: str
    source: str
    matters: list[Matter]
    industries: list[Industry]
    scope_terms: list[ScopeTerm]


def parse_bundle(tables: Mapping[str, Table], label: str, source: str) -> CatalogBundle:
    """The bundled catalog from its six tables (see resources/catalog/README.md)."""
    matters = parse_matters(tables["matters.csv"], default_source=source)
    matters = attach_fields_and_materials(
        matters, tables["matter_fields.csv"], tables["matter_materials.csv"]
    )
    matters = attach_conditions(matters, tables["matter_conditions.csv"])
    bundle = CatalogBundle(
        label,
        source,
        matters,
        parse_industries(tables["industries.csv"]),
        parse_scope_terms(tables["scope_terms.csv"]),
    )
    # Building the in-memory catalog checks every cross-reference.
    Catalog(
        CatalogVersion(0, label, date(2000, 1, 1), source),
        bundle.matters,
        bundle.industries,
        bundle.scope_terms,
    )
    return bundle


def current(services: Services) -> Catalog:
    with services.uow() as uow:
        catalog = uow.catalog.current()
    if catalog is None:
        raise NotFound("数据库中还没有事项清单，请先运行 onewindow init")
    return catalog


def install_bundle(services: Services, actor: Actor, bundle: CatalogBundle) -> CatalogVersion:
    def body(uow: UnitOfWork, change: Change) -> CatalogVersion:
        version = uow.catalog.add_version(
            bundle.label,
            bundle.source,
            "随程序发布的内置事项清单",
            services.clock.now(),
            bundle.matters,
            bundle.industries,
            bundle.scope_terms,
        )
        change.target = version.label
        change.detail = {"matters": len(bundle.matters), "scope_terms": len(bundle.scope_terms)}
        return version

    return run_command(services, actor, "catalog.install", Permission.MANAGE_CATALOG, body)


def import_table(services: Services, actor: Actor, table: Table, source_name: str) -> CatalogVersion:
    """A file in the official layout becomes a new catalog version; any bad row rejects it whole.

    Fields, materials and the extension columns a file leaves out are carried over from the
    current version (matched by 事项编码, else by 事项名称); industries and scope terms too,
    minus references to matters the new list no longer has.
    """

    def body(uow: UnitOfWork, change: Change) -> CatalogVersion:
        version, detail = add_imported_version(services, uow, table, source_name)
        change.target = version.label
        change.detail = detail
        return version

    return run_command(services, actor, "catalog.import", Permission.MANAGE_CATALOG, body, target=source_name)


def add_imported_version(
    services: Services,
    uow: UnitOfWork,
    table: Table,
    source_name: str,
    *,
    label: str | None = None,
    note: str | None = None,
) -> tuple[CatalogVersion, dict[str, Any]]:
    """The work of ``import_table`` inside a unit of work the caller holds (sync uses it too).

    Returns the new version (now current) and what the audit record should say. ``label`` and
    ``note`` default to the import's own (``{date}-{n}``, the file and counts).
    """
    previous = uow.catalog.current()
    prior = previous.matters if previous else {}
    matters = parse_matters(table, prior, default_source=source_name)
    codes = {m.code for m in matters}
    industries: list[Industry] = []
    terms: list[ScopeTerm] = []
    dropped = 0
    if previous is not None:
        for industry in previous.industries.values():
            kept = tuple(c for c in industry.matter_codes if c in codes)
            dropped += len(industry.matter_codes) - len(kept)
            if kept:
                industries.append(replace(industry, matter_codes=kept))
        for term in previous.scope_terms.values():
            kept = tuple(c for c in term.matter_codes if c in codes)
            dropped += len(term.matter_codes) - len(kept)
            terms.append(replace(term, matter_codes=kept))
    if label is None:
        existing = len(uow.catalog.versions())
        label = f"{services.clock.today():%Y%m%d}-{existing + 1}"
    if note is None:
        note = f"由文件 {source_name} 导入；{len(matters)} 项事项" + (
            f"；{dropped} 处失效的关联已移除" if dropped else ""
        )
    version = uow.catalog.add_version(
        label, source_name, note, services.clock.now(), matters, industries, terms
    )
    return version, {"file": source_name, "matters": len(matters), "dropped_links": dropped}


def export_rows(services: Services, version_id: int | None = None) -> list[list[str]]:
    with services.uow() as uow:
        catalog = uow.catalog.get(version_id) if version_id is not None else uow.catalog.current()
    if catalog is None:
        raise NotFound("数据库中还没有事项清单")
    return matter_rows(catalog.matters.values())


def stats(catalog: Catalog) -> dict[str, Any]:
    modes = catalog.mode_counts()
    return {
        "version": catalog.version.label,
        "matters": len(catalog.matters),
        "departments": len(catalog.departments()),
        "industries": len(catalog.industries),
        "scope_terms": len(catalog.scope_terms),
        "modes": {mode.value: modes[mode] for mode in ReformMode},
    }


def lookup(catalog: Catalog, text: str) -> LookupResult:
    if not text.strip():
        raise DomainError("请输入经营范围")
    return catalog.lookup_scope(text)
