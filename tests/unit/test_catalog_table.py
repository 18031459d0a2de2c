"""The official catalog layout: parsing, defaults of the extension columns, and row errors."""

from __future__ import annotations

import pytest

from desktop.domain.catalog import CheckWindow, ReformMode
from desktop.domain.catalog_table import (
    OFFICIAL_COLUMNS,
    Table,
    generated_code,
    matter_rows,
    parse_matters,
    split_approval,
)
from desktop.domain.errors import RejectedInput

BASE = [
    "1",
    "县卫生健康局",
    "公共场所卫生许可",
    "",
    "县级行政审批服务管理局",
    "实行告知承诺",
    "当场发证",
    "核查",
    "",
]


def table(*rows: list[str], extra: tuple[str, ...] = ()) -> Table:
    return Table.from_rows([list(OFFICIAL_COLUMNS) + list(extra), *rows])


def test_official_columns_only_get_documented_defaults() -> None:
    [matter] = parse_matters(table(BASE))
    assert matter.mode is ReformMode.COMMITMENT
    assert (matter.approval_level, matter.approving_department) == ("县级", "行政审批服务管理局")
    assert matter.competent_department == "县卫生健康局"
    assert matter.legal_basis == "待核实"  # never invented
    assert matter.code == generated_code("公共场所卫生许可")
    assert matter.time_limit_days == 0 and matter.check_window == CheckWindow(30, "working_days")
    assert not matter.ftz_only and not matter.trial_operation_allowed and matter.quota is None
    assert not matter.provenance.verified


def test_extension_columns_are_read() -> None:
    extra = (
        "审批方式",
        "事项编码",
        "仅限自贸区",
        "办理时限",
        "核查期限",
        "允许试营业",
        "总量控制",
        "来源",
        "已核实",
    )
    row = [*BASE, "承诺件", "wj-01", "是", "3", "2个月", "否", "40", "市政发〔2020〕38号", "是"]
    [m] = parse_matters(table(row, extra=extra))
    assert (m.code, m.ftz_only, m.time_limit_days, m.check_window) == (
        "WJ-01",
        True,
        3,
        CheckWindow(2, "months"),
    )
    assert m.quota is not None and m.quota.cap == 40 and m.quota.remaining == 40
    assert m.provenance.verified and m.provenance.source == "市政发〔2020〕38号"
    assert m.approval_method == "承诺件"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("改革方式", "改为审批", "改革方式"),
        ("事项名称", "", "事项名称"),
        ("主管部门", "", "主管部门"),
        ("审批层级和部门", "", "审批层级和部门"),
    ],
)
def test_bad_cells_are_reported_with_their_row(column: str, value: str, message: str) -> None:
    bad = list(BASE)
    bad[OFFICIAL_COLUMNS.index(column)] = value
    good = ["2", "县商务局", "酒类商品零售许可", "", "县级商务局", "优化审批服务", "", "", ""]
    with pytest.raises(RejectedInput) as caught:
        parse_matters(table(good, bad))
    assert [(e.row, message in e.message) for e in caught.value.errors] == [(3, True)]


def test_bad_extension_values_and_duplicates() -> None:
    extra = ("事项编码", "办理时限", "核查期限", "仅限自贸区")
    rows = [
        [*BASE, "A-1", "十", "", ""],
        [*BASE[:2], "另一事项", *BASE[3:], "A-2", "5", "两个月", ""],
        [*BASE[:2], "第三事项", *BASE[3:], "A-3", "5", "", ""],
        [*BASE[:2], "第四事项", *BASE[3:], "A-3", "5", "", ""],
        [*BASE[:2], "第五事项", *BASE[3:], "代码", "5", "", ""],
        [*BASE[:2], "第六事项", *BASE[3:], "A-6", "5", "", "也许"],
    ]
    with pytest.raises(RejectedInput) as caught:
        parse_matters(table(*rows, extra=extra))
    rows_with_errors = [e.row for e in caught.value.errors]
    assert rows_with_errors == [2, 3, 5, 6, 7]
    messages = [e.message for e in caught.value.errors]
    assert "办理时限" in messages[0] and "核查期限" in messages[1] and "第 4 行重复" in messages[2]
    assert "事项编码" in messages[3] and "是" in messages[4]


def test_empty_file_and_blank_rows() -> None:
    with pytest.raises(RejectedInput) as caught:
        parse_matters(Table.from_rows([]))
    assert caught.value.errors[0].row == 0
    with pytest.raises(RejectedInput) as caught:
        parse_matters(table(["", "", "", "", "", "", "", "", ""]))
    assert "没有任何事项" in caught.value.errors[0].message


def test_export_round_trip_keeps_every_column() -> None:
    extra = (
        "审批方式",
        "事项编码",
        "仅限自贸区",
        "办理时限",
        "核查期限",
        "允许试营业",
        "总量控制",
        "来源",
        "已核实",
    )
    row = [*BASE, "承诺件", "WJ-01", "是", "3", "20个工作日", "是", "40", "来源", "否"]
    matters = parse_matters(table(row, extra=extra))
    exported = matter_rows(matters)
    again = parse_matters(Table.from_rows(exported))
    assert again == matters


def test_approval_level_is_split_from_the_department() -> None:
    assert split_approval("省级通信管理局") == ("省级", "通信管理局")
    assert split_approval("行政审批服务管理局") == ("", "行政审批服务管理局")


def test_cells_a_database_or_a_spreadsheet_cannot_take_are_row_errors() -> None:
    """Over-long cells (PostgreSQL refuses them), control characters (XLSX export refuses them)
    and absurd limits (they overflow dates at acceptance) are refused per row, never stored."""
    extra = ("事项编码", "办理时限", "核查期限")
    rows = [
        [*BASE[:2], "名" * 201, *BASE[3:], "L-1", "5", ""],
        [*BASE[:2], "控制\x01字符", *BASE[3:], "L-2", "5", ""],
        [*BASE[:2], "时限", *BASE[3:], "L-3", "2000000", ""],
        [*BASE[:2], "核查月", *BASE[3:], "L-4", "5", "100000个月"],
        [*BASE[:2], "核查日", *BASE[3:], "L-5", "5", "9999999个工作日"],
        [*BASE[:2], "编码", *BASE[3:], "C" * 33, "5", ""],
        [*BASE[:2], "多行\n说明可以", *BASE[3:], "L-7", "365", "60个月"],  # newlines and the bounds are fine
    ]
    with pytest.raises(RejectedInput) as caught:
        parse_matters(table(*rows, extra=extra))
    found = {e.row: e.message for e in caught.value.errors}
    assert sorted(found) == [2, 3, 4, 5, 6, 7]
    assert "事项名称" in found[2] and "最多 200" in found[2]
    assert "控制字符" in found[3]
    assert "办理时限" in found[4] and "365" in found[4]
    assert "核查期限" in found[5] and "60 个月" in found[5]
    assert "核查期限" in found[6] and "250 个工作日" in found[6]
    assert "事项编码" in found[7] and "最多 32" in found[7]
