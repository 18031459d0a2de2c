"""The 改革工作台账 as an Excel workbook: one sheet per table of ``Ledger.tables()``.

Each sheet starts with the ledger's title and period, then the table's heading, its Chinese
column headers and its rows. Counts, shares and days are stored as numbers (shares as fractions
shown as percentages, days with one decimal), dates as dates, so the hall can compute on them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop.domain.statistics import PERIODS, Cell, Ledger, LedgerTable, chinese_date

NUMBER_FORMATS = {"count": "0", "percent": "0.0%", "days": "0.0", "date": "yyyy-mm-dd"}
HEADER_ROW = 4  # title, period, table heading, then the headers
HEADER_FILL = PatternFill("solid", fgColor="EDEDED")


def _width(text: str) -> float:
    """Column width in Excel's units: a CJK character is about two digits wide."""
    return sum(2.1 if ord(ch) > 0x2E7F else 1.1 for ch in text)


def _sheet(workbook: Workbook, ledger: Ledger, table: LedgerTable) -> None:
    sheet = workbook.create_sheet(table.sheet)
    sheet.append([ledger.title])
    sheet.append(
        [
            f"统计期间：{ledger.period_text}（{PERIODS[ledger.period]}）　"
            f"统计截至：{chinese_date(ledger.as_of)}"
        ]
    )
    sheet.append([table.title])
    sheet.append(list(table.headers))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A3"].font = Font(bold=True)
    widths = [_width(h) for h in table.headers]
    for column in range(1, len(table.headers) + 1):
        header = sheet.cell(row=HEADER_ROW, column=column)
        header.font = Font(bold=True)
        header.fill = HEADER_FILL
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in table.rows:
        sheet.append([cell.value for cell in row])
        for column, cell in enumerate(row, start=1):
            _format(sheet.cell(row=sheet.max_row, column=column), cell)
            widths[column - 1] = max(widths[column - 1], _width(cell.text))
    if table.note:
        sheet.append([])
        sheet.append([f"说明：{table.note}"])
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 8), 60)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)


def _format(target: Any, cell: Cell) -> None:
    number_format = NUMBER_FORMATS.get(cell.kind)
    if number_format and cell.value is not None:
        target.number_format = number_format


def write_ledger_xlsx(ledger: Ledger, path: Path) -> Path:
    """Write the workbook to ``path`` (folders made as needed) and return the path."""
    workbook = Workbook()
    default = workbook.active
    if default is not None:
        workbook.remove(default)
    for table in ledger.tables():
        _sheet(workbook, ledger, table)
    workbook.properties.title = ledger.title
    workbook.properties.creator = "OneWindow 一窗通"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
