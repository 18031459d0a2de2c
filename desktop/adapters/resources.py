"""Data shipped with the app, read through importlib.resources (works in the frozen build)."""

from __future__ import annotations

from importlib.resources import files

from desktop.adapters.tabular import decode_text, parse_csv_text
from desktop.domain.catalog_table import Table
from desktop.services.catalog import BUNDLE_FILES, CatalogBundle, parse_bundle

BUNDLED_CATALOG_LABEL = "2026.11-内置"
BUNDLED_CATALOG_SOURCE = "随程序发布的内置事项清单（resources/catalog，见其 README）"


def catalog_tables() -> dict[str, Table]:
    folder = files("resources") / "catalog"
    return {name: parse_csv_text(decode_text((folder / name).read_bytes(), name)) for name in BUNDLE_FILES}


def bundled_catalog() -> CatalogBundle:
    return parse_bundle(catalog_tables(), BUNDLED_CATALOG_LABEL, BUNDLED_CATALOG_SOURCE)
