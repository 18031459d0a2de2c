"""`onewindow ledger` (改革台账): the reform's statistics over a period, as JSON or text, and as an
Excel workbook (--xlsx) and a PDF report (--pdf).

Kept beside desktop/cli.py, which adds this parser and dispatches here; the handler returns the
JSON object and the text, and cli.py turns them into its Outcome (exit 0; a DomainError exits 1).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.errors import DomainError
from desktop.domain.statistics import PERIODS, Cell, Ledger, chinese_date
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import statistics
from desktop.services.base import Services

Leaf = Callable[[Any, str, str], argparse.ArgumentParser]


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD（如 2026-11-01），不能为“{text}”") from None


def add_parsers(sub: Any, leaf: Leaf, parser_class: type[argparse.ArgumentParser]) -> None:
    p = leaf(
        sub,
        "ledger",
        "改革台账：统计期间内按改革方式、部门、行业的办件，准入即营、时限、逾期、减材料和好差评",
    )
    p.add_argument("--from", dest="start", required=True, type=_date, metavar="DATE", help="起始日期（含）")
    p.add_argument("--to", dest="end", required=True, type=_date, metavar="DATE", help="截止日期（含）")
    p.add_argument(
        "--period", choices=tuple(PERIODS), default="month", help="分期：month 按月（默认）或 week 按周"
    )
    p.add_argument("--xlsx", type=Path, metavar="FILE", help="同时导出 Excel 台账（每个统计表一个工作表）")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="同时导出 PDF 报告（含图表）")


def dispatch(args: argparse.Namespace, action: str, services: Services) -> tuple[dict[str, Any], str]:
    ledger = statistics.ledger(services, SYSTEM_ACTOR, args.start, args.end, args.period)
    data = ledger.as_dict()
    written: list[str] = []
    try:
        if args.xlsx is not None:
            from desktop.adapters.ledger_xlsx import write_ledger_xlsx  # openpyxl only when asked for

            data["xlsx"] = str(write_ledger_xlsx(ledger, args.xlsx))
            written.append(f"Excel 台账：{args.xlsx}")
        if args.pdf is not None:
            pdf = statistics.report_pdf(services, ledger)
            args.pdf.parent.mkdir(parents=True, exist_ok=True)
            args.pdf.write_bytes(pdf)
            data["pdf"] = str(args.pdf)
            written.append(f"PDF 报告：{args.pdf}")
    except OSError as exc:  # a folder that cannot be made, no permission, a full disk
        raise DomainError(f"无法写入文件 {exc.filename or ''}：{exc.strerror or exc}") from exc
    return data, summary_text(ledger, written)


def summary_text(ledger: Ledger, written: list[str] = []) -> str:  # noqa: B006 - never mutated
    s, r = ledger.summary, ledger.rectification

    def pct(value: float | None) -> str:
        return Cell(value, "percent").text

    def days(value: float | None) -> str:
        return Cell(value, "days").text

    lines = [
        f"{ledger.title}　{ledger.period_text}（{PERIODS[ledger.period]}，截至{chinese_date(ledger.as_of)}）",
        f"受理办件 {s.applications} 件，涉及事项 {s.items} 项；"
        f"准入即营 {s.immediate} 项（{pct(s.immediate_share)}）",
        f"转审批 {s.routed} 项，审批办结 {s.reviewed} 项，平均用时 {days(s.average_days)} 个工作日"
        f"（平均时限 {days(s.average_limit)}）；逾期 {s.overdue} 项（逾期率 {pct(s.overdue_rate)}）",
        f"服务评价 {s.ratings} 件，好评率 {pct(s.good_rate)}；差评整改 {r.done}/{r.total}"
        f"（逾期未整改 {r.overdue}）",
        "按改革方式：" + "，".join(f"{g.label} {g.figures.items}" for g in ledger.by_mode),
        "按部门：" + ("，".join(f"{g.label} {g.figures.items}" for g in ledger.by_department) or "无"),
        "按期：",
    ]
    lines += [
        f"  {g.label}　办件 {g.figures.applications}，事项 {g.figures.items}，准入即营 {g.figures.immediate}"
        f"（{pct(g.figures.immediate_share)}），逾期 {g.figures.overdue}，评价 {g.figures.ratings}"
        for g in ledger.periods
    ]
    if written:
        lines.append("已导出：" + "；".join(written))
    return "\n".join(lines)
