"""Catalog import and export in the official layout: all or nothing, new versions, old kept."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.adapters.tabular import read_table, write_table
from desktop.domain.catalog import ReformMode
from desktop.domain.catalog_table import OFFICIAL_COLUMNS
from desktop.domain.errors import PermissionDenied, RejectedInput
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import catalog, intake
from desktop.services.base import Services
from tests.support.factories import CLERK, enterprise

HEADER = [*OFFICIAL_COLUMNS, "审批方式", "事项编码"]


def _row(n: int, name: str, mode: str, code: str, dept: str = "县市场监督管理局") -> list[str]:
    return [
        str(n),
        dept,
        name,
        "待核实",
        "县级行政审批服务管理局",
        mode,
        "当场办结",
        "双随机抽查",
        "",
        "即办件",
        code,
    ]


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_good_file_becomes_a_new_version_and_cases_keep_theirs(services: Services, tmp_path: Path) -> None:
    first = catalog.current(services)
    app = intake.submit(services, CLERK, enterprise(), ["SCJG-01"])
    assert app.catalog_version_id == first.version.id
    rows = [
        HEADER,
        _row(1, "食品经营许可", "实行告知承诺", "SCJG-01"),
        _row(2, "新设测试事项", "审批改为备案", ""),
    ]
    version = catalog.import_table(
        services, SYSTEM_ACTOR, read_table(_write_csv(tmp_path / "list.csv", rows)), "list.csv"
    )
    now = catalog.current(services)
    assert now.version.id == version.id != first.version.id
    assert len(now.matters) == 2
    food = now.matter("SCJG-01")
    assert food.mode is ReformMode.COMMITMENT
    # fields and materials were carried over from the previous version of the same matter
    assert food.fields == first.matter("SCJG-01").fields and food.fields
    new = next(m for m in now.matters.values() if m.name == "新设测试事项")
    assert new.code.startswith("X-") and new.time_limit_days == 0
    # links to matters no longer listed were dropped; industries keep what still exists
    assert all(set(i.matter_codes) <= {"SCJG-01", new.code} for i in now.industries.values())
    # the old version is still there, and the case still reads its own version
    with services.uow() as uow:
        assert len(uow.catalog.versions()) == 2
        assert uow.catalog.get(first.version.id).matter("SCJG-01").mode is ReformMode.OPTIMIZE
        assert uow.applications.get(app.id).catalog_version_id == first.version.id


def test_any_bad_row_rejects_the_whole_file_with_row_numbers(services: Services, tmp_path: Path) -> None:
    before = catalog.current(services)
    rows = [
        HEADER,
        _row(1, "食品经营许可", "实行告知承诺", "SCJG-01"),
        _row(2, "某事项", "改为审批", "A-01"),  # unknown mode
        _row(3, "", "优化审批服务", "A-02"),  # no name
        _row(4, "食品经营许可", "优化审批服务", "A-03"),  # duplicate name
    ]
    with pytest.raises(RejectedInput) as caught:
        catalog.import_table(
            services, SYSTEM_ACTOR, read_table(_write_csv(tmp_path / "bad.csv", rows)), "bad.csv"
        )
    errors = {e.row: e.message for e in caught.value.errors}
    assert set(errors) == {3, 4, 5}
    assert "改革方式" in errors[3] and "事项名称" in errors[4] and "第 2 行重复" in errors[5]
    after = catalog.current(services)
    assert after.version == before.version and len(after.matters) == len(before.matters)


def test_missing_official_column_is_reported_on_the_header_row(services: Services, tmp_path: Path) -> None:
    rows = [["序号", "事项名称", "改革方式"], ["1", "食品经营许可", "实行告知承诺"]]
    with pytest.raises(RejectedInput) as caught:
        catalog.import_table(
            services, SYSTEM_ACTOR, read_table(_write_csv(tmp_path / "x.csv", rows)), "x.csv"
        )
    assert caught.value.errors[0].row == 1 and "主管部门" in caught.value.errors[0].message


def test_xlsx_import_and_round_trip_export(services: Services, tmp_path: Path) -> None:
    exported = tmp_path / "catalog.xlsx"
    write_table(exported, catalog.export_rows(services))
    table = read_table(exported)
    assert table.header[: len(OFFICIAL_COLUMNS)] == OFFICIAL_COLUMNS
    version = catalog.import_table(services, SYSTEM_ACTOR, table, exported.name)
    original, again = catalog.export_rows(services, 1), catalog.export_rows(services, version.id)
    assert original == again  # every column survives the round trip
    # an XLSX made by hand, with numbers as numbers, imports too
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append([*HEADER, "办理时限"])
    ws.append(
        [
            1,
            "县市场监督管理局",
            "食品经营许可",
            "待核实",
            "县级市场监督管理局",
            "优化审批服务",
            "",
            "",
            None,
            "",
            "SCJG-01",
            7,
        ]
    )
    wb.save(tmp_path / "hand.xlsx")
    catalog.import_table(services, SYSTEM_ACTOR, read_table(tmp_path / "hand.xlsx"), "hand.xlsx")
    assert catalog.current(services).matter("SCJG-01").time_limit_days == 7


def test_only_an_admin_imports_a_catalog(services: Services, tmp_path: Path) -> None:
    table = read_table(
        _write_csv(tmp_path / "x.csv", [HEADER, _row(1, "食品经营许可", "实行告知承诺", "SCJG-01")])
    )
    with pytest.raises(PermissionDenied):
        catalog.import_table(services, CLERK, table, "x.csv")
