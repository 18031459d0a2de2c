"""Validation shared by the admin endpoints and the command line: catalog tables and calendars are
checked with the same rules the counter applies when it imports them."""

from __future__ import annotations

from typing import Any

from desktop.domain.calendar import parse_schedule
from desktop.domain.catalog_table import Table, parse_matters
from desktop.domain.errors import DomainError, RejectedInput, RowError
from sync.central.storage import utcnow


def catalog_item(label: str, source: str, note: str, rows: list[list[str]]) -> dict[str, Any]:
    """The catalog feed item for a table in the official layout; HTTP 422 (Chinese, per row) if bad."""
    table = Table.from_rows(rows)
    try:
        matters = parse_matters(table, default_source=source)
    except RejectedInput as exc:
        raise RejectedTable(exc.message, exc.errors) from exc
    except DomainError as exc:
        raise RejectedTable(exc.message, []) from exc
    return {
        "label": label,
        "source": source,
        "note": note or f"{len(matters)} 项事项",
        "published_at": utcnow(),
        "table": [list(table.header), *[list(r) for r in table.rows]],
    }


def calendar_item(year: int, text: str) -> dict[str, Any]:
    found, entries, errors = parse_schedule(text)
    if errors:
        raise RejectedTable(f"工作日历有 {len(errors)} 处错误，未发布", errors)
    if not entries:
        raise RejectedTable("工作日历中没有任何日期，未发布", [])
    if found != year:
        raise RejectedTable(f"工作日历中的日期属于 {found} 年，与所填年份 {year} 不符", [])
    return {"year": year, "text": text}


class RejectedTable(Exception):
    """A table (catalog, calendar) rejected whole: 422 with the message and one entry per bad row."""

    def __init__(self, message: str, errors: list[RowError]) -> None:
        self.errors = errors
        lines = [_row_text(e) for e in errors]
        detail = message + ("：" + "；".join(lines[:20]) if lines else "")
        if len(lines) > 20:
            detail += f"；另有 {len(lines) - 20} 处"
        super().__init__(detail)
        self.detail = detail


def _row_text(error: RowError) -> str:
    return f"第{error.row}行：{error.message}" if error.row else error.message
