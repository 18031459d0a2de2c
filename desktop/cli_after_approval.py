"""`onewindow check …` (告知承诺核查) and `onewindow permit …` (证照管理: the permit lifecycle).

Kept beside desktop/cli.py, which adds these parsers and dispatches here; the handlers return the
JSON object and the text, and cli.py turns them into its Outcome (exit 0; a DomainError exits 1).
Like every command, they act as the built-in ``system`` operator (audited as system), who may
decide for any department.

A failed check cites conditions exactly as the commitment letter stated them (``check due``
lists them); ``--cite 2`` cites the letter's second condition.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, timedelta, timezone
from typing import Any

from desktop.domain.after_approval import CommitmentCheck, PermitEvent
from desktop.domain.errors import DomainError
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import checks, lifecycle, supervision
from desktop.services.base import Services
from desktop.services.lifecycle import LifecycleResult
from desktop.services.supervision import CheckRow

Leaf = Callable[[Any, str, str], argparse.ArgumentParser]
REASON_HELP = "决定的事实、理由和依据（必填）"
CHINA = timezone(timedelta(hours=8))  # times shown in Beijing time


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def add_parsers(sub: Any, leaf: Leaf, parser_class: type[argparse.ArgumentParser]) -> None:
    chk = sub.add_parser("check", help="告知承诺核查：待核查清单、登记结果、整改复查").add_subparsers(
        dest="action", required=True, parser_class=parser_class
    )
    p = leaf(chk, "due", "列出待核查和限期整改中的核查任务（最早到期在前），含告知承诺书所列条件")
    p.add_argument("--until", type=date.fromisoformat, metavar="DATE", help="只列该日期（含）前到期的")
    p.add_argument("--department", help="只列该监管部门的")
    p = leaf(chk, "record", "登记核查结果（每项只能登记一次）；不合格即责令限期整改")
    p.add_argument("check_id", metavar="CHECK_ID")
    p.add_argument(
        "--result", required=True, choices=("passed", "failed"), help="passed 合格 / failed 不合格"
    )
    p.add_argument(
        "--cite",
        action="append",
        default=[],
        metavar="CONDITION",
        help="核查的（合格）或不符合的（不合格，至少一项）承诺条件：原文或序号（从 1 起），可重复",
    )
    p.add_argument("--findings", default="", help="核查发现（不合格时必填）")
    p = leaf(chk, "close", "整改复查：整改完成即合格；未整改则撤销许可并记入信用记录")
    p.add_argument("check_id", metavar="CHECK_ID")
    outcome = p.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--fixed", action="store_true", help="整改完成")
    outcome.add_argument("--not-fixed", action="store_true", help="逾期未整改（撤销许可）")
    p.add_argument("--note", default="", help="复查情况（未整改时必填）")

    per = sub.add_parser(
        "permit", help="证照管理：查看许可证及其状态变更，暂扣、撤销、吊销、注销、延续、变更"
    ).add_subparsers(dest="action", required=True, parser_class=parser_class)
    p = leaf(per, "find", "按许可证编号、统一社会信用代码或市场主体名称查找许可证")
    p.add_argument("text", metavar="TEXT")
    p = leaf(per, "show", "查看许可证：状态、持证主体、审批部门、可作出的决定、状态变更记录")
    p.add_argument("number", metavar="NUMBER")
    p = leaf(per, "history", "许可证的状态变更记录（最早在前）")
    p.add_argument("number", metavar="NUMBER")
    for name, text in (
        ("suspend", "暂扣许可证至指定日期"),
        ("reinstate", "解除暂扣，许可证恢复有效"),
        ("annul", "撤销许可"),
        ("revoke", "吊销许可证（行政处罚，记入信用记录）"),
        ("deregister", "注销许可证"),
        ("renew", "延续：换发新证，原证状态改为其他"),
        ("change", "变更持证主体名称、经营场所或法定代表人：换发新证，原证状态改为其他"),
    ):
        p = leaf(per, name, text)
        p.add_argument("number", metavar="NUMBER")
        p.add_argument("--reason", required=True, help=REASON_HELP)
        if name == "suspend":
            p.add_argument("--until", required=True, type=date.fromisoformat, metavar="DATE", help="暂扣至")
        elif name == "annul":
            p.add_argument("--false-commitment", action="store_true", help="以虚假承诺取得（记入信用记录）")
        elif name == "renew":
            p.add_argument(
                "--valid-until",
                type=date.fromisoformat,
                metavar="DATE",
                help="新证有效期至（默认自今日起 5 年）",
            )
        elif name == "change":
            p.add_argument("--name", help="新名称")
            p.add_argument("--address", help="新经营场所/住所")
            p.add_argument("--legal-representative", help="新法定代表人")


def dispatch(args: argparse.Namespace, action: str, services: Services) -> tuple[dict[str, Any], str]:
    if args.command == "check":
        return _check(args, action, services)
    return _permit(args, action, services)


# -- checks -------------------------------------------------------------------------------------------
def _check_dict(check: CommitmentCheck) -> dict[str, Any]:
    return {
        "id": check.id,
        "application": check.application_number,
        "matter": check.matter_code,
        "matter_name": check.matter_name,
        "uscc": check.uscc,
        "department": check.department,
        "permit": check.permit_number or None,
        "status": check.status.value,
        "status_label": check.status.label,
        "due_on": _day(check.due_on),
        "due_provisional": check.due_provisional,
        "result": check.result or None,
        "items": list(check.items),
        "findings": check.findings,
        "recorded_by": check.recorded_by or None,
        "rectification_due": _day(check.rectification_due),
    }


def _row_dict(row: CheckRow) -> dict[str, Any]:
    return {
        **_check_dict(row.check),
        "name": row.enterprise_name,
        "permit": row.permit_number or None,
        "deadline": _day(row.deadline),
        "overdue": row.overdue,
        "conditions": list(row.snapshot.conditions) if row.snapshot else [],
    }


def _cited(services: Services, check_id: str, cites: list[str]) -> list[str]:
    """``--cite`` values as the letter's text (a number N is the letter's N-th condition)."""
    if not any(c.strip().isdigit() for c in cites):
        return cites
    found = [r for r in supervision.open_checks(services, SYSTEM_ACTOR) if r.check.id == check_id]
    if not found or found[0].snapshot is None:
        return cites  # the service says what is wrong with the check
    conditions = found[0].snapshot.conditions
    out = []
    for cite in cites:
        if cite.strip().isdigit():
            index = int(cite)
            if not 1 <= index <= len(conditions):
                raise DomainError(f"告知承诺书只列了 {len(conditions)} 项条件，没有第 {index} 项")
            out.append(conditions[index - 1])
        else:
            out.append(cite)
    return out


def _check(args: argparse.Namespace, action: str, services: Services) -> tuple[dict[str, Any], str]:
    if action == "due":
        rows = supervision.open_checks(services, SYSTEM_ACTOR, args.department)
        if args.until is not None:
            rows = [r for r in rows if r.deadline <= args.until]
        lines = [
            f"{r.check.id}  {r.deadline.isoformat()}{'（已逾期）' if r.overdue else ''}  "
            f"{r.check.status.label}  {r.enterprise_name or r.check.uscc}  {r.check.matter_name}"
            f"  {r.permit_number or '尚未出证'}"
            for r in rows
        ]
        return {"checks": [_row_dict(r) for r in rows]}, "\n".join(lines) or "没有待核查的告知承诺事项"
    if action == "record":
        passed = args.result == "passed"
        items = _cited(services, args.check_id, list(args.cite))
        done = checks.record(services, SYSTEM_ACTOR, args.check_id, passed, args.findings, items)
        text = f"已登记核查{'合格' if passed else '不合格'}：{done.matter_name}（{done.application_number}）"
        if done.rectification_due:
            text += f"；责令限期整改，整改期限 {done.rectification_due.isoformat()}"
        return _check_dict(done), text
    fixed = bool(args.fixed)
    outcome = checks.close_rectification(services, SYSTEM_ACTOR, args.check_id, fixed, args.note)
    data = {
        **_check_dict(outcome.check),
        "annulled": outcome.annulled.number if outcome.annulled else None,
        "credit": outcome.credit.kind.value if outcome.credit else None,
    }
    if fixed:
        text = f"整改完成，核查合格：{outcome.check.matter_name}"
    elif outcome.annulled:
        text = f"整改未通过：许可证 {outcome.annulled.number} 已撤销，已记入信用记录"
    else:
        text = "整改未通过，已记入信用记录（无可撤销的有效许可证）"
    return data, text


# -- permits ------------------------------------------------------------------------------------------
def _event_dict(event: PermitEvent) -> dict[str, Any]:
    return {
        "number": event.permit_number,
        "action": event.action.value,
        "action_label": event.action.label,
        "from": event.from_status.value,
        "to": event.to_status.value,
        "to_label": event.to_status.label,
        "reason": event.reason,
        "actor": event.actor,
        "at": event.at.isoformat(),
        "until": _day(event.until),
        "new_number": event.new_number,
        "changes": dict(event.detail.get("changes", {})) if event.detail else {},
    }


def _event_line(event: PermitEvent) -> str:
    local = event.at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
    extra = f"（至 {event.until.isoformat()}）" if event.until else ""
    extra += f"（新证 {event.new_number}）" if event.new_number else ""
    return (
        f"  {local}  {event.permit_number}  {event.action.label}{extra}  "
        f"{event.from_status.label} → {event.to_status.label}  {event.reason}  {event.actor}"
    )


def _result_dict(result: LifecycleResult) -> dict[str, Any]:
    return {
        "number": result.permit.number,
        "action": result.event.action.value,
        "status": result.permit.status.value,
        "status_label": result.permit.status.label,
        "reason": result.event.reason,
        "until": _day(result.event.until),
        "new_number": result.new_permit.number if result.new_permit else None,
        "valid_until": _day(result.new_permit.valid_until) if result.new_permit else None,
        "credit": result.credit.kind.value if result.credit else None,
    }


def _permit(args: argparse.Namespace, action: str, services: Services) -> tuple[dict[str, Any], str]:
    if action == "find":
        found = supervision.find_permits(services, SYSTEM_ACTOR, args.text)
        permits = [
            {
                "number": f.number,
                "matter_name": f.matter_name,
                "name": f.enterprise_name,
                "uscc": f.uscc,
                "status": f.status.value,
                "status_label": f.status.label,
                "department": f.department,
            }
            for f in found
        ]
        lines = [
            f"{f.number}  {f.status.label}  {f.matter_name}  {f.enterprise_name}（{f.uscc}）  {f.department}"
            for f in found
        ]
        return {"permits": permits}, "\n".join(lines) or f"没有找到“{args.text}”的许可证"
    number: str = args.number
    if action == "history":
        events = lifecycle.history(services, SYSTEM_ACTOR, number)
        if not events:
            supervision.permit_view(services, SYSTEM_ACTOR, number)  # an unknown number is an error
        text = "\n".join(_event_line(e) for e in events) or f"许可证 {number} 自发证以来状态未变"
        return {"number": number, "events": [_event_dict(e) for e in events]}, text
    if action == "show":
        view = supervision.permit_view(services, SYSTEM_ACTOR, number)
        p = view.permit
        data = {
            "number": p.number,
            "matter": p.matter_code,
            "matter_name": view.matter_name,
            "uscc": p.uscc,
            "name": view.enterprise.name if view.enterprise else "",
            "status": view.status.value,
            "status_label": view.status.label,
            "status_reason": p.status_reason,
            "valid_from": _day(p.valid_from),
            "valid_until": _day(p.valid_until),
            "department": view.department,
            "competent_department": view.competent_department,
            "application": view.application_number,
            "licences": list(view.licences),
            "previous_number": p.previous_number,
            "successor": view.successor,
            "allowed": [a.value for a in view.allowed],
            "history": [_event_dict(e) for e in view.history],
        }
        why = f"（{p.status_reason}）" if p.status_reason else ""
        until = p.valid_until.isoformat() if p.valid_until else "长期"
        lines = [
            f"许可证 {p.number}：{view.status.label}{why}",
            f"  {view.matter_name}  {data['name']}（{p.uscc}）  审批部门 {view.department}",
            f"  有效期 {p.valid_from.isoformat()} 至 {until}",
        ]
        lines += [_event_line(e) for e in view.history]
        return data, "\n".join(lines)
    reason: str = args.reason
    if action == "suspend":
        result = lifecycle.suspend(services, SYSTEM_ACTOR, number, reason, args.until)
    elif action == "reinstate":
        result = lifecycle.reinstate(services, SYSTEM_ACTOR, number, reason)
    elif action == "annul":
        result = lifecycle.annul(services, SYSTEM_ACTOR, number, reason, bool(args.false_commitment))
    elif action == "revoke":
        result = lifecycle.revoke(services, SYSTEM_ACTOR, number, reason)
    elif action == "deregister":
        result = lifecycle.deregister(services, SYSTEM_ACTOR, number, reason)
    elif action == "renew":
        result = lifecycle.renew(services, SYSTEM_ACTOR, number, reason, args.valid_until)
    elif action == "change":
        changes = {
            key: value
            for key, value in (
                ("name", args.name),
                ("address", args.address),
                ("legal_representative", args.legal_representative),
            )
            if value is not None
        }
        if not changes:
            raise DomainError("请至少给出一项变更：--name、--address 或 --legal-representative")
        result = lifecycle.change(services, SYSTEM_ACTOR, number, changes, reason)
    else:  # pragma: no cover - argparse guards this
        raise DomainError(f"未知命令 permit {action}")
    text = f"已{result.event.action.label}许可证 {result.permit.number}：{result.permit.status.label}"
    if result.event.until:
        text += f"（至 {result.event.until.isoformat()}）"
    if result.new_permit:
        text += f"；新证 {result.new_permit.number}"
    if result.credit:
        text += "；已记入信用记录"
    return _result_dict(result), text
