"""`onewindow inspection …` (双随机、一公开) and `onewindow publicity export` (双公示).

Kept beside desktop/cli.py, which adds these parsers and dispatches here; the handlers return the
JSON object and the text, and cli.py turns them into its Outcome (exit 0; a DomainError exits 1).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.errors import DomainError
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import inspections, publicity
from desktop.services.base import Services

Leaf = Callable[[Any, str, str], argparse.ArgumentParser]


def _ratio(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"抽查比例应为 0 到 1 之间的小数：{text}") from None


def add_parsers(sub: Any, leaf: Leaf, parser_class: type[argparse.ArgumentParser]) -> None:
    ins = sub.add_parser("inspection", help="双随机、一公开：随机抽查").add_subparsers(
        dest="action", required=True, parser_class=parser_class
    )
    p = leaf(ins, "draw", "按事项随机抽取检查对象和执法人员（同样的参数得到同样的结果）")
    p.add_argument("--matter", required=True, help="事项编码")
    p.add_argument("--seed", required=True, help="随机种子（公开抽取时当场确定，可供复核）")
    p.add_argument("--ratio", type=_ratio, help="本次统一抽查比例（0–1，默认按信用分类取设置）")
    p = leaf(ins, "record", "录入一个抽中主体的检查结果（每个主体只能录入一次）")
    p.add_argument("--draw", required=True, help="抽查编号（draw_id）")
    p.add_argument("--uscc", required=True)
    p.add_argument("--result", required=True, help="结果代码，如 no_problem、corrected")
    p.add_argument("--findings", default="")
    p = leaf(ins, "publish", "公示一次抽查已录入的检查结果")
    p.add_argument("--draw", required=True, help="抽查编号（draw_id）")

    pub = sub.add_parser("publicity", help="双公示").add_subparsers(
        dest="action", required=True, parser_class=parser_class
    )
    p = leaf(pub, "export", "导出双公示数据（许可、备案、抽查结果、行政处罚）为 CSV 和 JSON")
    p.add_argument("--out", required=True, type=Path, help="输出目录")
    p.add_argument("--since", type=date.fromisoformat, metavar="DATE", help="只导出该日期（含）以后的记录")


def dispatch(args: argparse.Namespace, action: str, services: Services) -> tuple[dict[str, Any], str]:
    if args.command == "publicity":
        return _export(args, services)
    if action == "draw":
        outcome = inspections.draw_inspection(services, SYSTEM_ACTOR, args.matter, args.seed, args.ratio)
        data = outcome.as_dict()
        lines = [
            f"抽查编号 {outcome.draw_id}（种子“{outcome.seed}”）：{outcome.matter_name}，"
            f"抽中 {len(data['subjects'])} 个市场主体"
        ]
        lines += [
            f"  {s['uscc']} {s['name']}（信用{s['credit_class']}类）执法人员：{'、'.join(s['inspectors'])}"
            for s in data["subjects"]
        ]
        return data, "\n".join(lines)
    if action == "record":
        result = inspections.record_result(
            services, SYSTEM_ACTOR, args.draw, args.uscc, args.result, args.findings
        )
        data = {
            "draw_id": result.draw_id,
            "uscc": result.uscc,
            "result": result.outcome.value,
            "result_label": result.outcome.label,
            "findings": result.findings,
        }
        return data, f"已录入 {result.uscc} 的检查结果：{result.outcome.label}"
    if action == "publish":
        published = inspections.publish_results(services, SYSTEM_ACTOR, args.draw)
        return {
            "draw_id": args.draw,
            "published": [r.uscc for r in published],
        }, f"已公示 {len(published)} 条检查结果"
    raise DomainError(f"未知命令 inspection {action}")  # pragma: no cover - argparse guards this


def _export(args: argparse.Namespace, services: Services) -> tuple[dict[str, Any], str]:
    out: Path = args.out
    if out.exists() and not out.is_dir():
        raise DomainError(f"{out} 不是目录")
    out.mkdir(parents=True, exist_ok=True)
    batch = publicity.export_batch(services, SYSTEM_ACTOR, args.since)
    csv_path = out / f"{batch.file_stem}.csv"
    json_path = out / f"{batch.file_stem}.json"
    csv_path.write_text(batch.csv_text, encoding="utf-8", newline="")
    json_path.write_text(batch.json_text, encoding="utf-8")
    data = {"csv": str(csv_path), "json": str(json_path), "counts": batch.counts, "since": batch.since}
    counts = "、".join(f"{k} {v}" for k, v in batch.counts.items())
    return data, f"已导出双公示数据（{counts}）：\n  {csv_path}\n  {json_path}"
