"""智能审批 rules: an admin edits them (each edit a new version); intake applies them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.domain.applications import Application
from desktop.domain.catalog import Catalog
from desktop.domain.errors import DomainError, NotFound
from desktop.domain.rules import AutoApprovalRule, RuleContext, RuleOutcome, evaluate, validate_rule
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, require, run_command


def save_rule(
    services: Services,
    actor: Actor,
    code: str,
    name: str,
    matter_codes: Sequence[str],
    conditions: Sequence[Mapping[str, Any]],
    active: bool = True,
) -> AutoApprovalRule:
    """Create a rule or a new version of it; earlier versions stay for the cases they decided."""
    code = code.strip().upper()
    if not code or not code.replace("-", "").isalnum():
        raise DomainError("规则编码只能包含字母、数字和“-”")

    def body(uow: UnitOfWork, change: Change) -> AutoApprovalRule:
        catalog = uow.catalog.current()
        if catalog is None:
            raise NotFound("数据库中还没有事项清单")
        rule = AutoApprovalRule(
            code=code,
            version=uow.rules.latest_version(code) + 1,
            name=name.strip(),
            matter_codes=tuple(matter_codes),
            conditions=tuple(dict(c) for c in conditions),
            active=active,
            created_by=actor.username,
            created_at=services.clock.now(),
        )
        validate_rule(rule, set(catalog.matters))
        uow.rules.add_version(rule)
        change.detail = {"version": rule.version, "matters": list(rule.matter_codes), "active": active}
        return rule

    return run_command(services, actor, "rules.save", Permission.MANAGE_CATALOG, body, target=code)


def current_rules(services: Services) -> list[AutoApprovalRule]:
    with services.uow() as uow:
        return uow.rules.current()


def context_for(
    uow: UnitOfWork, services: Services, app: Application, catalog: Catalog, matter_code: str
) -> RuleContext:
    enterprise = uow.enterprises.get(app.uscc)
    person = enterprise.legal_representative_id if enterprise else ""
    return RuleContext(
        matter=catalog.matter(matter_code),
        form_values=app.form_values,
        materials_received=frozenset(app.materials_received),
        credit_records=uow.credit.for_subject(app.uscc, person),
        today=services.clock.today(),
    )


def try_rule(services: Services, actor: Actor, code: str, application_id: str) -> dict[str, RuleOutcome]:
    """测试规则: how the current version of a rule judges each item of a case (changes nothing)."""
    require(actor, Permission.MANAGE_CATALOG)
    with services.uow() as uow:
        rules = [r for r in uow.rules.current() if r.code == code.upper()]
        if not rules:
            raise NotFound(f"没有规则 {code}")
        app = uow.applications.get(application_id)
        catalog = uow.catalog.get(app.catalog_version_id)
        return {
            r.matter_code: evaluate(rules[0], context_for(uow, services, app, catalog, r.matter_code))
            for r in app.requests.values()
        }
