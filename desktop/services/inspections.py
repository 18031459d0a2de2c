"""双随机、一公开: draw subjects and inspectors at random, record results, publish them.

The subject pool of a matter is the holders (USCC) of its valid permits, its filings and its
recorded cancelled matters (local permits and applications tables), one entry per subject. Each
subject's credit class comes from its credit records (rule: desktop/domain/inspections.py), its
inspector pool is the matter's competent department. The sampling ratios are the settings
``inspection_ratio_A`` … ``inspection_ratio_D`` (defaults 0.03 / 0.05 / 0.10 / 0.30), or one
override ratio for every class.

A draw's id is a fingerprint of the matter and the result, so repeating a draw with the same
arguments on the same pool gives the same draw (audited again, stored and pushed once).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.catalog import Catalog, Matter
from desktop.domain.errors import DomainError, NotFound, PermissionDenied
from desktop.domain.inspections import (
    CREDIT_CLASSES,
    Conflict,
    DrawRecord,
    InspectionItem,
    InspectionResult,
    Inspector,
    Subject,
    check_ratio,
    credit_class,
    draw,
    parse_outcome,
)
from desktop.domain.users import Actor, Permission, Role, User
from desktop.ports import UnitOfWork
from desktop.services import settings
from desktop.services.base import Change, Services, emit, require, run_command

RATIO_KEYS = {cls: f"inspection_ratio_{cls}" for cls in CREDIT_CLASSES}


@dataclass(frozen=True)
class DrawOutcome:
    draw_id: str
    matter_code: str
    matter_name: str
    department: str
    seed: str
    ratio_override: float | None
    result: dict[str, Any]
    repeated: bool  # the same draw was already recorded

    def as_dict(self) -> dict[str, Any]:
        return {
            "draw_id": self.draw_id,
            "matter": self.matter_code,
            "matter_name": self.matter_name,
            "department": self.department,
            "seed": self.seed,
            "ratio": self.ratio_override,
            "ratios": self.result["ratios"],
            "pool": self.result["pool"],
            "subjects": self.result["subjects"],
            "inspectors": self.result["inspectors"],
            "repeated": self.repeated,
        }


def ratios(uow: UnitOfWork) -> dict[str, float]:
    out: dict[str, float] = {}
    for cls, key in RATIO_KEYS.items():
        try:
            out[cls] = float(settings.get(uow, key))
        except ValueError:
            raise DomainError(f"设置“{settings.SETTINGS[key].label}”不是有效的小数") from None
    return out


def _matter(uow: UnitOfWork, matter_code: str) -> Matter:
    catalog: Catalog | None = uow.catalog.current()
    if catalog is None:
        raise DomainError("尚未安装事项清单")
    matter = catalog.matters.get(matter_code)
    if matter is None:
        raise NotFound(f"事项清单中没有事项“{matter_code}”")
    return matter


def subjects(uow: UnitOfWork, matter: Matter, today: Any) -> list[Subject]:
    return [
        Subject(
            h.uscc,
            h.name,
            matter.competent_department,
            credit_class(uow.credit.for_subject(uscc=h.uscc), today),
            h.by_commitment,
        )
        for h in uow.inspections.pool(matter.code, today)
    ]


def draw_inspection(
    services: Services, actor: Actor, matter_code: str, seed: str, ratio: float | None = None
) -> DrawOutcome:
    """Draw the subjects of a matter and their inspectors; record and push the draw."""
    if ratio is not None:
        check_ratio(ratio)

    def body(uow: UnitOfWork, change: Change) -> DrawOutcome:
        change.detail = {"matter": matter_code, "seed": seed, "ratio": ratio}
        matter = _matter(uow, matter_code)
        today = services.clock.today()
        pool = subjects(uow, matter, today)
        if not pool:
            raise DomainError(f"事项“{matter.name}”暂无可抽查的市场主体（有效许可、备案或告知记录）")
        result = draw(
            pool, uow.inspections.inspectors(), uow.inspections.conflicts(), ratios(uow), seed, ratio
        )
        data: dict[str, Any] = {
            **result.as_dict(),
            "matter_code": matter.code,
            "matter_name": matter.name,
            "department": matter.competent_department,
        }
        draw_id = hashlib.sha256(f"{matter.code}\n{result.canonical_json()}".encode()).hexdigest()[:32]
        record = DrawRecord(
            draw_id, result.seed, matter.code, ratio, services.clock.now(), actor.username, data
        )
        stored = uow.inspections.add_draw(record)
        change.target = draw_id
        change.detail = {
            "matter": matter.code,
            "seed": result.seed,
            "ratio": ratio,
            "subjects": [s.uscc for s in result.subjects],
            "inspectors": list(result.inspectors),
            "repeated": not stored,
        }
        if stored:
            emit(
                services,
                uow,
                "InspectionDrawn",
                {
                    "draw_id": draw_id,
                    "matter": matter.code,
                    "seed": result.seed,
                    "ratio": ratio,
                    "result": data,
                },
            )
        return DrawOutcome(
            draw_id,
            matter.code,
            matter.name,
            matter.competent_department,
            result.seed,
            ratio,
            data,
            not stored,
        )

    return run_command(services, actor, "inspection.draw", Permission.INSPECT, body, target=matter_code)


def get_draw(services: Services, draw_id: str) -> DrawRecord:
    with services.uow() as uow:
        record = uow.inspections.get_draw(draw_id)
    if record is None:
        raise NotFound(f"没有编号为 {draw_id} 的抽查记录")
    return record


def record_result(
    services: Services, actor: Actor, draw_id: str, uscc: str, outcome: str, findings: str = ""
) -> InspectionResult:
    """Record one drawn subject's inspection result (once; a second time is refused)."""
    parsed = parse_outcome(outcome.strip())

    def body(uow: UnitOfWork, change: Change) -> InspectionResult:
        change.detail = {"uscc": uscc, "result": parsed.value, "findings": findings}
        record = uow.inspections.get_draw(draw_id)
        if record is None:
            raise NotFound(f"没有编号为 {draw_id} 的抽查记录")
        subject = record.subject(uscc)
        if subject is None:
            raise DomainError(f"{uscc} 不在本次抽取的检查对象中")
        if actor.role is Role.INSPECTOR and actor.username not in subject.get("inspectors", []):
            raise PermissionDenied(f"用户 {actor.username} 不是抽取到 {uscc} 的执法人员，不能录入其检查结果")
        result = InspectionResult(
            draw_id, uscc, parsed, findings.strip(), services.clock.now(), actor.username
        )
        if not uow.inspections.add_result(result):
            raise DomainError(f"{subject.get('name', uscc)}（{uscc}）本次抽查的结果已录入，不能重复录入")
        return result

    return run_command(services, actor, "inspection.record_result", Permission.INSPECT, body, target=draw_id)


@dataclass(frozen=True)
class Assignment:
    """One subject an inspector was drawn for, with where its draw stands (the 执法人员's task list)."""

    draw_id: str
    matter_code: str
    matter_name: str
    department: str
    seed: str
    drawn_at: datetime
    uscc: str
    name: str
    credit_class: str
    co_inspectors: tuple[Inspector, ...]  # the others drawn for the same subject
    result: InspectionResult | None  # recorded for this subject, by anyone on the team
    draw_subjects: int  # subjects drawn in the whole draw
    draw_recorded: int  # of those, with a result
    draw_unpublished: int  # results recorded but not yet published (一公开)


def assignments(services: Services, actor: Actor) -> list[Assignment]:
    """The subjects ``actor`` was drawn to inspect, newest draw first (an inspector sees only
    the subjects they were drawn for)."""
    require(actor, Permission.INSPECT)
    with services.uow() as uow:
        pool = {p.username: p for p in uow.inspections.inspectors()}
        out: list[Assignment] = []
        for record in uow.inspections.draws_for_inspector(actor.username):
            recorded = {r.uscc: r for r in uow.inspections.results(record.id)}
            subjects: list[Mapping[str, Any]] = list(record.result.get("subjects", []))
            unpublished = sum(1 for r in recorded.values() if not r.published)
            for s in subjects:
                team = [str(u) for u in s.get("inspectors", [])]
                if actor.username not in team:
                    continue
                uscc = str(s.get("uscc", ""))
                out.append(
                    Assignment(
                        record.id,
                        record.matter_code,
                        str(record.result.get("matter_name", record.matter_code)),
                        str(record.result.get("department", "")),
                        record.seed,
                        record.drawn_at,
                        uscc,
                        str(s.get("name", "")),
                        str(s.get("credit_class", "")),
                        tuple(pool.get(u, Inspector(u, "", "")) for u in team if u != actor.username),
                        recorded.get(uscc),
                        len(subjects),
                        len(recorded),
                        unpublished,
                    )
                )
        return out


def results(services: Services, draw_id: str) -> list[InspectionResult]:
    with services.uow() as uow:
        return uow.inspections.results(draw_id)


def publish_results(services: Services, actor: Actor, draw_id: str) -> list[InspectionResult]:
    """一公开: mark the draw's recorded results public and push them."""

    def body(uow: UnitOfWork, change: Change) -> list[InspectionResult]:
        record = uow.inspections.get_draw(draw_id)
        if record is None:
            raise NotFound(f"没有编号为 {draw_id} 的抽查记录")
        team = {name for s in record.result.get("subjects", []) for name in s.get("inspectors", [])}
        if actor.role is Role.INSPECTOR and actor.username not in team:
            raise PermissionDenied(f"用户 {actor.username} 不是本次抽取到的执法人员，不能公示其检查结果")
        published = uow.inspections.publish(draw_id, services.clock.now())
        if not published:
            raise DomainError("本次抽查没有待公示的检查结果")
        change.detail = {"published": [r.uscc for r in published]}
        names = {s.get("uscc"): s.get("name", "") for s in record.result.get("subjects", [])}
        catalog = uow.catalog.current()
        matter = catalog.matters.get(record.matter_code) if catalog is not None else None
        emit(
            services,
            uow,
            "InspectionResultsPublished",
            {
                "draw_id": draw_id,
                "matter": record.matter_code,
                "matter_name": matter.name if matter else "",
                "department": matter.competent_department if matter else "",
                "seed": record.seed,
                "results": [
                    {
                        "uscc": r.uscc,
                        "name": names.get(r.uscc, ""),
                        "result": r.outcome.value,
                        "result_label": r.outcome.label,
                        "findings": r.findings,
                        "recorded_at": r.recorded_at.isoformat(),
                    }
                    for r in published
                ],
            },
        )
        return published

    return run_command(services, actor, "inspection.publish", Permission.INSPECT, body, target=draw_id)


def add_inspector(services: Services, actor: Actor, inspector: Inspector) -> None:
    def body(uow: UnitOfWork, change: Change) -> None:
        uow.inspections.put_inspector(inspector)
        change.detail = {"department": inspector.department, "active": inspector.active}

    run_command(
        services, actor, "inspection.inspector", Permission.MANAGE_USERS, body, target=inspector.username
    )


def add_demo_inspectors(
    services: Services, actor: Actor, inspectors: Sequence[Inspector], password: str
) -> list[str]:
    """Demo only: the inspector pool plus a demo INSPECTOR account for each (one password hash
    shared by all, so `init --demo` stays quick); the usernames of the accounts created."""

    def body(uow: UnitOfWork, change: Change) -> list[str]:
        if uow.settings.get("demo") != "1":
            raise DomainError("演示执法人员只能加入演示数据库")
        password_hash = services.hasher.hash(password)
        created = []
        for inspector in inspectors:
            uow.inspections.put_inspector(inspector)
            if uow.users.get(inspector.username) is None:
                uow.users.add(
                    User(
                        inspector.username,
                        Role.INSPECTOR,
                        password_hash,
                        inspector.department,
                        inspector.name,
                        demo=True,
                    )
                )
                created.append(inspector.username)
        change.detail = {"inspectors": [i.username for i in inspectors], "accounts": created}
        return created

    return run_command(services, actor, "inspection.demo_inspectors", Permission.MANAGE_USERS, body)


def declare_conflict(services: Services, actor: Actor, conflict: Conflict) -> None:
    """An inspector's declared conflict of interest with a subject (回避)."""

    def body(uow: UnitOfWork, change: Change) -> None:
        change.detail = {"uscc": conflict.uscc, "reason": conflict.reason}
        if not uow.inspections.add_conflict(conflict):
            raise DomainError(f"{conflict.inspector} 已申报与 {conflict.uscc} 的利害关系")

    run_command(services, actor, "inspection.conflict", Permission.INSPECT, body, target=conflict.inspector)


def add_items(services: Services, actor: Actor, items: Sequence[InspectionItem]) -> None:
    def body(uow: UnitOfWork, change: Change) -> None:
        for item in items:
            uow.inspections.add_item(item)
        change.detail = {"items": len(items)}

    run_command(services, actor, "inspection.items", Permission.MANAGE_CATALOG, body)


def items(services: Services, matter_code: str | None = None) -> list[InspectionItem]:
    with services.uow() as uow:
        return uow.inspections.items(matter_code)


def demo_reference(matters: Sequence[Matter]) -> tuple[list[InspectionItem], list[Inspector]]:
    """Demo data: one inspection item per matter, and two
    inspectors per competent department (usernames inspector<NN>a / inspector<NN>b)."""
    demo_items = [
        InspectionItem(
            m.code,
            m.competent_department,
            f"{m.name}：许可（备案）条件持续符合情况、承诺内容履行情况检查",
            m.legal_basis,
            "演示数据（非官方抽查事项清单）",
        )
        for m in matters
    ]
    inspectors: list[Inspector] = []
    for username, department in demo_inspector_accounts(matters):
        inspectors.append(Inspector(username, f"演示执法员{username[-3:]}", department))
    return demo_items, inspectors


def demo_inspector_accounts(matters: Sequence[Matter]) -> list[tuple[str, str]]:
    departments = sorted({m.competent_department for m in matters if m.competent_department})
    return [
        (f"inspector{index:02d}{suffix}", department)
        for index, department in enumerate(departments, start=1)
        for suffix in ("a", "b")
    ]
