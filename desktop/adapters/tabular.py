"""Read and write tables as CSV (UTF-8, with or without BOM) or XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop.domain.catalog_table import Table
from desktop.domain.errors import DomainError


def read_table(path: Path) -> Table:
    suffix = path.suffix.lower()
    if not path.exists():
        raise DomainError(f"文件不存在：{path}")
    if suffix == ".xlsx":
        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise DomainError(f"无法读取 Excel 文件 {path.name}：{exc}") from exc
        try:  # the sheet is parsed only now: bad XML, a number int() refuses, no sheet at all
            rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        except Exception as exc:
            raise DomainError(f"无法读取 Excel 文件 {path.name}：{exc}") from exc
        finally:
            workbook.close()
        return Table.from_rows(rows)
    if suffix in (".csv", ".txt"):
        return parse_csv_text(decode_text(path.read_bytes(), path.name))
    raise DomainError(f"不支持的文件类型“{suffix}”，请使用 .csv 或 .xlsx")


def decode_text(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DomainError(f"文件 {name} 不是 UTF-8 或 GB18030 编码的文本")


def parse_csv_text(text: str) -> Table:
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise DomainError(f"CSV 格式错误：{exc}") from exc
    return Table.from_rows(rows)


def write_table(path: Path, rows: Sequence[Sequence[str]]) -> None:
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = "事项清单"
        for row in rows:
            sheet.append(list(row))
        workbook.save(path)
        return
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(rows)
        return
    raise DomainError(f"不支持的文件类型“{suffix}”，请使用 .csv 或 .xlsx")
