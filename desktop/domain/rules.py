"""智能审批: automatic approval rules as versioned data.

A rule names the matters it covers and a list of conditions, all of which must hold. Condition
types: an application form field compared with a value, no credit record of given kinds in force,
the matter's reform mode, and every applicant material received. A matching item is granted at
acceptance, recorded as automatic with the rule's code and version. Editing a rule makes a new
version: decided cases keep the version that decided them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desktop.domain.catalog import MaterialSource, Matter
from desktop.domain.credit import CreditRecord
from desktop.domain.errors import DomainError

CONDITION_TYPES = {
    "field": "表单字段",  # {"type": "field", "field": "business_area", "op": "<=", "value": "300"}
    "no_credit_record": "无信用不良记录",  # {"type": "no_credit_record", "kinds": ["false_commitment", …]}
    "mode": "改革方式",  # {"type": "mode", "modes": ["OPTIMIZE"]}
    "materials_complete": "材料齐全",  # {"type": "materials_complete"}
}
FIELD_OPERATORS = ("==", "!=", "<=", ">=", "<", ">", "in")


@dataclass(frozen=True)
class AutoApprovalRule:
    code: str
    version: int
    name: str
    matter_codes: tuple[str, ...]
    conditions: tuple[Mapping[str, Any], ...]
    active: bool = True
    created_by: str = ""
    created_at: datetime | None = None

    def covers(self, matter_code: str) -> bool:
        return matter_code in self.matter_codes


@dataclass(frozen=True)
class RuleContext:
    """What a rule may look at for one item of a case."""

    matter: Matter
    form_values: Mapping[str, str]
    materials_received: frozenset[str]
    credit_records: Sequence[CreditRecord]
    today: date


@dataclass(frozen=True)
class RuleOutcome:
    matched: bool
    reasons: tuple[str, ...] = field(default_factory=tuple)  # why each condition held or failed


def validate_rule(rule: AutoApprovalRule, known_matters: set[str]) -> None:
    """Refuse a rule that could never be evaluated, with a message naming the problem."""
    if not rule.name.strip():
        raise DomainError("请填写规则名称")
    if not rule.matter_codes:
        raise DomainError("规则至少要适用于一个事项")
    for code in rule.matter_codes:
        if code not in known_matters:
            raise DomainError(f"规则引用了不存在的事项编码 {code}")
    if not rule.conditions:
        raise DomainError("规则至少要有一个条件（没有条件的规则会准予所有申请）")
    for condition in rule.conditions:
        kind = condition.get("type")
        if kind not in CONDITION_TYPES:
            raise DomainError(f"未知的条件类型“{kind}”，可用：{'、'.join(CONDITION_TYPES)}")
        if kind == "field":
            if not condition.get("field") or condition.get("op") not in FIELD_OPERATORS:
                raise DomainError("表单字段条件需要 field、op（==、!=、<=、>=、<、>、in）和 value")
            if "value" not in condition:
                raise DomainError("表单字段条件缺少 value")
        if kind == "mode" and not condition.get("modes"):
            raise DomainError("改革方式条件需要 modes")


def _compare(actual: str, op: str, expected: Any) -> bool:
    if op == "in":
        return actual in [str(v) for v in expected]
    if op in ("==", "!="):
        return (actual == str(expected)) == (op == "==")
    try:
        a, b = float(actual), float(expected)
    except (TypeError, ValueError):
        return False  # a missing or non-numeric value never satisfies a numeric condition
    return {"<=": a <= b, ">=": a >= b, "<": a < b, ">": a > b}[op]


def evaluate(rule: AutoApprovalRule, ctx: RuleContext) -> RuleOutcome:
    reasons: list[str] = []
    matched = rule.active and rule.covers(ctx.matter.code)
    if not matched:
        return RuleOutcome(False, ("规则未启用或不适用于该事项",))
    for condition in rule.conditions:
        kind = condition["type"]
        if kind == "field":
            name, op, value = condition["field"], condition["op"], condition["value"]
            actual = ctx.form_values.get(name, "")
            ok = _compare(actual, op, value)
            reasons.append(f"字段 {name}={actual or '（空）'} {op} {value}：{'符合' if ok else '不符合'}")
        elif kind == "no_credit_record":
            kinds = set(condition.get("kinds") or [])
            bad = [
                r
                for r in ctx.credit_records
                if r.in_force(ctx.today) and (not kinds or r.kind.value in kinds)
            ]
            ok = not bad
            reasons.append("无不良信用记录" if ok else f"有 {len(bad)} 条不良信用记录")
        elif kind == "mode":
            ok = ctx.matter.mode.value in condition["modes"]
            reasons.append(f"改革方式 {ctx.matter.mode.label}：{'符合' if ok else '不符合'}")
        else:  # materials_complete
            needed = {m.code for m in ctx.matter.materials if m.source is MaterialSource.APPLICANT}
            missing = sorted(needed - ctx.materials_received)
            ok = not missing
            reasons.append("材料齐全" if ok else f"缺少材料：{'、'.join(missing)}")
        matched = matched and ok
    return RuleOutcome(matched, tuple(reasons))


def first_match(rules: Sequence[AutoApprovalRule], ctx: RuleContext) -> AutoApprovalRule | None:
    for rule in rules:
        if evaluate(rule, ctx).matched:
            return rule
    return None
