"""Separate duties, command by command: every service command is run as every role and the outcome
is checked against a role × command table written here by hand — what a real service hall
expects of each post — not derived from ``desktop.domain.users.ROLE_PERMISSIONS``.

A refused role gets ``PermissionDenied`` and changes nothing: the only new row is the refusal's own
audit record (``refused: permission_denied: …``, for commands that write; plain reads write
nothing). An allowed role is not refused, and with the state each scenario builds it succeeds.

A source scan of ``desktop/services`` finds every public function that checks a permission
(``run_command``, ``require``, ``actor.can`` or ``raise PermissionDenied``, directly or through a
helper); a command missing from the table fails ``test_the_table_covers_every_gated_command``, so
the table has to be kept up to date. Public functions that take an actor but check nothing are
listed, with the reason, in ``UNGATED``.

Where the code disagrees with the table, the disagreement is written down in ``DISAGREEMENTS``
(found by this file, reported, not silently adapted): the test fails when one appears *or* goes
away, so a fix is noticed and the entry removed.

The matrix runs on SQLite only (each command on a copy of one prepared database) to stay quick.

The second half: secrets (the signing key, the audit key and the device token) never reach the
database or the logs, and demo accounts never exist in a real database.
"""

from __future__ import annotations

import ast
import base64
import itertools
import logging
import random
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy import inspect as sa_inspect

import desktop.services
from desktop.adapters.clock import FixedClock
from desktop.adapters.signing import FileKeyStore
from desktop.domain.audit import AuditQuery
from desktop.domain.catalog_table import Table
from desktop.domain.errors import DomainError, PermissionDenied
from desktop.domain.identifiers import USCC_CHARSET, uscc_check_character
from desktop.domain.inspections import Conflict, InspectionItem, Inspector
from desktop.domain.queue import QueueFilter
from desktop.domain.users import SYSTEM_ACTOR, Actor, Role, User
from desktop.services import (
    audit,
    calendar,
    cases,
    catalog,
    checks,
    credit,
    drafts,
    inbox,
    inspections,
    intake,
    issuing,
    keys,
    lifecycle,
    linkage,
    online,
    printing,
    publicity,
    queue,
    ratings,
    review,
    rules,
    settings,
    statistics,
    supervision,
    syncing,
    users,
    verification,
)
from desktop.services.base import Services, emit
from desktop.services.catalog import CatalogBundle
from tests.conftest import NOW, make_services
from tests.support.factories import (
    ADMIN,
    AUDITOR,
    CLERK,
    FIRE_REVIEWER,
    HALL_ADMIN,
    INSPECTOR,
    ISSUER,
    REVIEWER,
    VALID_USCC,
    enterprise,
)

# ---------------------------------------------------------------------------- the roles
# RV reviews for 行政审批服务管理局, the approving department of every matter the scenarios use
# (SCJG-01 食品经营许可, WJ-01 公共场所卫生许可); RX is a reviewer of another department.
ACTORS: dict[str, Actor] = {
    "CL": CLERK,  # 窗口受理员
    "RV": REVIEWER,  # 部门审批员, the item's own department
    "RX": FIRE_REVIEWER,  # 部门审批员 of another department (消防救援大队)
    "IS": ISSUER,  # 出件/制证员
    "IN": INSPECTOR,  # 监管执法员
    "HA": HALL_ADMIN,  # 大厅管理员
    "AD": ADMIN,  # 系统管理员
    "AU": AUDITOR,  # 安全审计员
    "SY": SYSTEM_ACTOR,  # the command-line operator
}
ALL = " ".join(ACTORS)
READERS = "CL RV RX IS IN HA AU SY"  # everyone who works on or audits cases; not the system admin

# What a refusal leaves behind: C = a command (its refusal is audited: exactly one "refused:"
# record); R = a read (nothing written at all, not even on refusal).
C, R = "C", "R"
SYSTEM_ONLY = "SYSTEM_ONLY"  # run only by the program itself: no actor parameter at all

# ---------------------------------------------------------------------------- the table
EXPECTED: dict[str, tuple[str, str]] = {
    # 综合受理 — the window clerk; a supervisor (hall admin) overrides warnings with a reason
    "intake.submit": (C, "CL SY"),
    "intake.accept": (C, "CL SY"),
    "intake.request_supplement": (C, "CL SY"),
    "intake.receive_supplement": (C, "CL SY"),
    "intake.refuse": (C, "CL SY"),
    "intake.override_uscc_warning": (C, "HA SY"),
    "credit.override_market_ban_warning": (C, "HA SY"),
    "syncing.override_freeze": (C, "HA SY"),
    "drafts.save": ("U", "CL SY"),  # U: drafts have no legal effect and are not audited (by design)
    "online.take": (C, "CL SY"),
    "online.release": (C, "CL HA SY"),  # the clerk holding it, or a hall admin for anyone's
    "online.pending": (R, "CL HA SY"),  # the hall admin must see who holds what to release it
    # 分类审批 — reviewers of the item's approving department only
    "review.claim": (C, "RV SY"),
    "review.release": (C, "RV SY"),
    "review.grant": (C, "RV SY"),
    "review.deny": (C, "RV SY"),
    "review.request_supplement": (C, "RV SY"),
    "review.receive_supplement": (C, "CL SY"),  # the window receives the materials
    "review.supplement_choices": (R, READERS),
    "queue.page": (R, READERS),  # a reviewer sees their own department (filtered, not refused)
    # 统一出件 — the issuer; the applicant rates at the window; prints at intake and issue
    "issuing.issue": (C, "IS SY"),
    "issuing.deliver": (C, "IS SY"),
    "issuing.void_and_reissue": (C, "IS SY"),
    "ratings.rate": (C, "CL IS SY"),
    "ratings.record_callback": (C, "HA SY"),  # 差评整改回访: the hall's management
    "printing.record": (C, "CL IS SY"),
    # 证照验证 — counter and inspection staff
    "verification.verify": (C, "CL RV RX IS IN HA SY"),
    "verification.verify_image": (C, "CL RV RX IS IN HA SY"),
    # 事中事后监管 — inspectors check; the approving department decides on the permit
    "checks.record": (C, "IN SY"),
    "checks.close_rectification": (C, "IN SY"),
    "checks.due": (R, "IN SY"),
    "checks.snapshot": (R, READERS),
    "checks.checks_for": (R, READERS),
    "credit.record": (C, "IN SY"),
    "credit.records_for": (R, READERS),
    "lifecycle.suspend": (C, "RV SY"),
    "lifecycle.reinstate": (C, "RV SY"),
    "lifecycle.annul": (C, "RV SY"),
    "lifecycle.revoke": (C, "RV SY"),
    "lifecycle.deregister": (C, "RV SY"),
    "lifecycle.renew": (C, "RV SY"),
    "lifecycle.change": (C, "RV SY"),
    "lifecycle.history": (R, READERS),
    "linkage.acknowledge": (C, "RV SY"),
    "linkage.feedback": (R, "RV RX HA SY"),  # each reviewer their own department's; hall admin all
    "supervision.open_checks": (R, "IN SY"),
    "supervision.find_permits": (R, READERS),
    "supervision.permit_view": (R, READERS),
    # 双随机、一公开 — inspectors draw, inspect, publish; the admin keeps the reference data
    "inspections.draw_inspection": (C, "IN SY"),
    "inspections.record_result": (C, "IN SY"),  # an inspector only for the subjects drawn for them
    "inspections.publish_results": (C, "IN SY"),
    "inspections.declare_conflict": (C, "IN SY"),
    "inspections.assignments": (R, "IN SY"),
    "inspections.add_inspector": (C, "AD SY"),
    "inspections.add_demo_inspectors": (C, "AD SY"),
    "inspections.add_items": (C, "AD SY"),
    # 双公示 export: queues an event for the platforms — the hall's management, not every reader
    "publicity.export_batch": (C, "HA SY"),
    "statistics.ledger": (R, READERS),
    "cases.find": (R, READERS),
    "cases.get": (R, READERS),
    "cases.awaiting_issue": (R, READERS),
    # 系统管理 — users, catalog, rules, settings, keys, enrolment; no casework
    "users.add_user": (C, "AD SY"),
    "users.unlock_user": (C, "AD HA SY"),  # the hall admin unlocks a locked-out colleague
    "users.change_password": (C, ALL),  # one's own password (the system operator has none)
    "catalog.install_bundle": (C, "AD SY"),
    "catalog.import_table": (C, "AD SY"),
    "rules.save_rule": (C, "AD SY"),
    "rules.try_rule": (R, "AD SY"),
    "settings.put": (C, "AD SY"),
    "keys.create_station_key": (C, "AD SY"),
    "keys.register_key": (C, "AD SY"),
    "keys.revoke_key": (C, "AD SY"),
    "syncing.record_enrolment": (C, "AD SY"),
    "syncing.retry_needs_attention": (C, "AD SY"),
    # 工作日历 — the hall admin keeps the calendar; the admin imports official schedules
    "calendar.set_day": (C, "HA AD SY"),
    "calendar.import_schedule": (C, "HA AD SY"),
    "calendar.recompute_provisional_deadlines": (C, "HA AD SY"),
    # 安全审计 — the auditor reads and verifies the log; an export is itself recorded
    "audit.verify": (R, "AU SY"),
    "audit.records": (R, "AU SY"),
    "audit.search": (R, "AU SY"),
    "audit.export": (C, "AU SY"),
    # the program itself (start-up, sync engine, demo): no actor to refuse
    "setup.initialise": (SYSTEM_ONLY, ""),
    "demo.run_case": (SYSTEM_ONLY, ""),
    "syncing.mark_sent": (SYSTEM_ONLY, ""),
    "syncing.mark_needs_attention": (SYSTEM_ONLY, ""),
    "inbox.apply_page": (SYSTEM_ONLY, ""),
}

# Public functions that take an actor but check no permission, and why that is right.
UNGATED = {
    "drafts.load": "a clerk's own drafts only (keyed by the actor's username); no legal effect",
    "drafts.mine": "a clerk's own drafts only",
    "drafts.discard": "a clerk's own drafts only",
    "calendar.recompute_in": "a helper inside the unit of work of a gated calendar command",
    "lifecycle.apply_decision": "a helper inside the unit of work of a gated lifecycle/check command",
}

# Where the code disagrees with the table above: role -> why the table is right. Reported, not
# fixed here (a policy decision for the lead engineer). Remove an entry once the code follows.
DISAGREEMENTS: dict[str, dict[str, str]] = {
    "linkage.feedback": {
        "AD": "the system admin (no READ_CASES, no casework) reads every department's "
        "supervision feedback about named enterprises"
    },
}

# An allowed role that still fails, for a reason that is not a permission.
OTHER_FAILURES = {
    ("users.change_password", "SY"): "the system operator has no account, so no password to change",
}


# ---------------------------------------------------------------------------- the source scan
SERVICES_DIR = Path(desktop.services.__file__).parent
GATE_CALLS = {"run_command", "require"}


@dataclass(frozen=True)
class Scanned:
    gated: dict[str, bool]  # public gated function -> takes an ``actor`` parameter
    ungated_with_actor: set[str]


def scan_services() -> Scanned:
    """Public functions of desktop/services that check a permission, directly or through another
    function of the services (a private helper such as review._review, or another module)."""
    defs: dict[str, ast.FunctionDef] = {}
    calls: dict[str, set[str]] = {}
    direct: set[str] = set()
    for path in sorted(SERVICES_DIR.glob("*.py")):
        module = path.stem
        if module in ("__init__", "base"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules: dict[str, str] = {}  # from desktop.services import intake [as x]
        imported: dict[str, str] = {}  # from desktop.services.keys import current_key_id
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module == "desktop.services":
                modules.update({a.asname or a.name: a.name for a in node.names})
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop.services."):
                source = (node.module or "").rsplit(".", 1)[1]
                imported.update({a.asname or a.name: f"{source}.{a.name}" for a in node.names})
        local = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef):
                continue
            name = f"{module}.{node.name}"
            defs[name] = node
            out: set[str] = set()
            for sub in ast.walk(node):
                if isinstance(sub, ast.Raise) and sub.exc is not None:
                    raised = sub.exc.func if isinstance(sub.exc, ast.Call) else sub.exc
                    if isinstance(raised, ast.Name) and raised.id == "PermissionDenied":
                        direct.add(name)
                if not isinstance(sub, ast.Call):
                    continue
                f = sub.func
                if isinstance(f, ast.Name):
                    if f.id in GATE_CALLS:
                        direct.add(name)
                    elif f.id in local:
                        out.add(f"{module}.{f.id}")
                    elif f.id in imported:
                        out.add(imported[f.id])
                elif isinstance(f, ast.Attribute):
                    if f.attr == "can":
                        direct.add(name)
                    if isinstance(f.value, ast.Name) and f.value.id in modules:
                        out.add(f"{modules[f.value.id]}.{f.attr}")
            calls[name] = out
    gated = set(direct)
    grew = True
    while grew:
        grew = False
        for name, out in calls.items():
            if name not in gated and out & gated:
                gated.add(name)
                grew = True

    def takes_actor(name: str) -> bool:
        args = defs[name].args
        return "actor" in [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]

    public = {n for n in defs if not n.split(".", 1)[1].startswith("_")}
    return Scanned(
        {n: takes_actor(n) for n in sorted(public & gated)},
        {n for n in public - gated if takes_actor(n)},
    )


def test_the_table_covers_every_gated_command() -> None:
    scanned = scan_services()
    missing = sorted(set(scanned.gated) - set(EXPECTED))
    stale = sorted(set(EXPECTED) - set(scanned.gated))
    assert not missing, f"new commands check a permission but are not in EXPECTED (add them): {missing}"
    assert not stale, f"EXPECTED names commands that no longer exist or check nothing: {stale}"
    assert set(SCENARIOS) == {n for n, (kind, _) in EXPECTED.items() if kind != SYSTEM_ONLY}


def test_system_only_commands_take_no_actor_and_the_others_do() -> None:
    scanned = scan_services()
    for name, takes_actor in scanned.gated.items():
        system_only = EXPECTED[name][0] == SYSTEM_ONLY
        assert takes_actor != system_only, name


def test_every_function_taking_an_actor_checks_a_permission_or_says_why_not() -> None:
    assert scan_services().ungated_with_actor == set(UNGATED)


def test_the_scan_sees_the_gates_behind_helpers() -> None:
    """A sanity check of the scan itself: commands gated only through a helper are found."""
    gated = scan_services().gated
    for name in ("review.grant", "lifecycle.suspend", "verification.verify_image", "linkage.feedback"):
        assert name in gated
    assert "intake.submit" in gated and "drafts.discard" not in gated


def test_table_entries_are_well_formed() -> None:
    for name, (kind, roles) in EXPECTED.items():
        assert kind in (C, R, "U", SYSTEM_ONLY), name
        assert set(roles.split()) <= set(ACTORS), name
        assert (kind == SYSTEM_ONLY) == (roles == ""), name
    for name, cells in DISAGREEMENTS.items():
        assert name in EXPECTED and cells and set(cells) <= set(ACTORS), name
        assert all(reason.strip() for reason in cells.values()), name


# ---------------------------------------------------------------------------- the hall
HEALTH = "县卫生健康局"  # competent department of WJ-01: its inspectors are drawn
OTHER_KEY_AUTHORITY = "县行政审批服务管理局"


@dataclass
class Hall:
    """A counter's services on a copy of the prepared database, with builders for case state."""

    svc: Services
    clock: FixedClock
    bundle: CatalogBundle
    folder: Path

    def __post_init__(self) -> None:
        self._n = itertools.count(1)
        self._rng = random.Random(20261126)

    def n(self) -> int:
        return next(self._n)

    def uscc(self) -> str:
        body = "91" + "".join(self._rng.choice("0123456789") for _ in range(6))
        body += "".join(self._rng.choice(USCC_CHARSET) for _ in range(9))
        return body + uscc_check_character(body)

    def bad_checksum_uscc(self) -> str:
        good = self.uscc()
        wrong = next(c for c in USCC_CHARSET if c != good[-1])
        return good[:-1] + wrong

    # cases
    def submitted(self, codes: tuple[str, ...] = ("SCJG-01",)) -> str:
        return intake.submit(self.svc, CLERK, enterprise(), list(codes)).id

    def routed(self) -> str:
        return intake.accept(self.svc, CLERK, self.submitted()).id

    def claimed(self, by: Actor) -> str:
        app_id = self.routed()
        review.claim(self.svc, by, app_id, "SCJG-01")
        return app_id

    def decided(self) -> str:
        """Granted on commitment at acceptance (WJ-01): decided, with a commitment check."""
        app_id = self.submitted(("WJ-01",))
        return intake.accept(self.svc, CLERK, app_id, committed={"WJ-01"}).id

    def issued(self) -> issuing.IssueResult:
        return issuing.issue(self.svc, SYSTEM_ACTOR, self.decided())

    def permit(self) -> str:
        return self.issued().permits[0].number

    def check_id(self, app_id: str) -> str:
        [check] = checks.checks_for(self.svc, SYSTEM_ACTOR, app_id)
        return check.id

    def check_items(self, app_id: str) -> list[str]:
        return list(checks.snapshot(self.svc, SYSTEM_ACTOR, app_id, "WJ-01").items[:1])

    def drawn(self) -> tuple[str, str]:
        """A 双随机 draw of WJ-01 holders (ratio 1): its id and one drawn subject's USCC."""
        self.issued()
        outcome = inspections.draw_inspection(self.svc, SYSTEM_ACTOR, "WJ-01", f"seed-{self.n()}", 1.0)
        return outcome.draw_id, outcome.result["subjects"][0]["uscc"]

    def feedback(self) -> str:
        feedback_id = f"fb-{self.n()}"
        data = {
            "id": feedback_id,
            "licence": "HZ14070220260100001",
            "permit": "WJ-01-20260100001",
            "uscc": VALID_USCC,
            "matter": "WJ-01",
            "approving_department": REVIEWER.department,
            "supervising_department": HEALTH,
            "measure": "责令整改",
            "text": "双随机抽查发现问题",
            "decided_at": "2026-11-25T09:00:00+08:00",
            "sent_at": "2026-11-25T09:00:00+08:00",
        }
        inbox.apply_page(self.svc, "supervision_feedback", [(feedback_id, data)], "c", self.clock.now())
        return feedback_id

    def online_application(self) -> str:
        online_id = f"W{self.n()}"
        data = {
            "id": online_id,
            "submitted_at": "2026-11-25T20:30:00+08:00",
            "enterprise": {"uscc": VALID_USCC, "name": enterprise().name},
            "matters": ["SCJG-01"],
            "industries": [],
            "scope": "预包装食品销售",
            "materials": [],
            "contact": "13800000000",
        }
        inbox.apply_page(self.svc, "online_applications", [(online_id, data)], "c", self.clock.now())
        return online_id

    def other_station_key(self) -> tuple[str, str]:
        return FileKeyStore(self.folder / f"other-station-{self.n()}").create()

    def staff_accounts(self, password: str) -> None:
        """An account for every role's username, with ``password``."""
        with self.svc.uow() as uow:
            for actor in ACTORS.values():
                if actor.role is Role.SYSTEM:
                    continue
                user = uow.users.get(actor.username)
                if user is None:
                    uow.users.add(
                        User(actor.username, actor.role, self.svc.hasher.hash(password), actor.department)
                    )
                else:
                    user.password_hash = self.svc.hasher.hash(password)
                    uow.users.save(user)
            uow.commit()


Call = Callable[[Actor], object]


@dataclass(frozen=True)
class Scenario:
    prepare: Callable[[Hall, Actor], Call]  # builds fresh state; returns the call to make
    reuse: bool  # the prepared state still serves after a successful call


SCENARIOS: dict[str, Scenario] = {}


def scenario(name: str, *, reuse: bool = False) -> Callable[[Callable[[Hall, Actor], Call]], None]:
    def register(prepare: Callable[[Hall, Actor], Call]) -> None:
        assert name not in SCENARIOS, name
        SCENARIOS[name] = Scenario(prepare, reuse)

    return register


def holder(actor: Actor) -> Actor:
    """Who claims the item: the acting reviewer or system operator, else the department's reviewer."""
    return actor if actor in (REVIEWER, SYSTEM_ACTOR) else REVIEWER


# ---- intake
@scenario("intake.submit", reuse=True)
def _submit(h: Hall, actor: Actor) -> Call:
    return lambda a: intake.submit(h.svc, a, enterprise(), ["SCJG-01"])


@scenario("intake.accept")
def _accept(h: Hall, actor: Actor) -> Call:
    app_id = h.submitted()
    return lambda a: intake.accept(h.svc, a, app_id)


@scenario("intake.request_supplement")
def _intake_request_supplement(h: Hall, actor: Actor) -> Call:
    app_id = h.submitted()
    return lambda a: intake.request_supplement(h.svc, a, app_id, ["营业执照"])


@scenario("intake.receive_supplement")
def _intake_receive_supplement(h: Hall, actor: Actor) -> Call:
    app_id = h.submitted()
    intake.request_supplement(h.svc, CLERK, app_id, ["营业执照"])
    return lambda a: intake.receive_supplement(h.svc, a, app_id)


@scenario("intake.refuse")
def _refuse(h: Hall, actor: Actor) -> Call:
    app_id = h.submitted()
    return lambda a: intake.refuse(h.svc, a, app_id, "不属于本机关职权范围")


@scenario("intake.override_uscc_warning")
def _override_uscc(h: Hall, actor: Actor) -> Call:
    uscc = h.bad_checksum_uscc()
    return lambda a: intake.override_uscc_warning(h.svc, a, uscc, "经核对营业执照原件无误")


@scenario("credit.override_market_ban_warning")
def _override_ban(h: Hall, actor: Actor) -> Call:
    uscc = h.uscc()
    until = h.clock.today() + timedelta(days=365)
    credit.record(h.svc, SYSTEM_ACTOR, "market_ban", "严重违法失信，市场禁入", uscc=uscc, valid_until=until)
    return lambda a: credit.override_market_ban_warning(h.svc, a, uscc, "禁入决定已被复议撤销")


@scenario("syncing.override_freeze")
def _override_freeze(h: Hall, actor: Actor) -> Call:
    if not syncing.status(h.svc).enrolled:
        syncing.record_enrolment(h.svc, SYSTEM_ACTOR, "https://central.invalid", "dev-1", "榆次大厅")
        h.clock.advance(timedelta(days=8))  # the catalog is now too old: intake is frozen
    else:
        h.clock.advance(timedelta(days=1))  # yesterday's override has lapsed
    return lambda a: syncing.override_freeze(h.svc, a, "中心平台检修，经批准继续受理")


@scenario("drafts.save", reuse=True)
def _draft(h: Hall, actor: Actor) -> Call:
    return lambda a: drafts.save(h.svc, a, None, "便民超市", {"uscc": VALID_USCC})


@scenario("online.take")
def _take(h: Hall, actor: Actor) -> Call:
    online_id = h.online_application()
    return lambda a: online.take(h.svc, a, online_id)


@scenario("online.release")
def _release_online(h: Hall, actor: Actor) -> Call:
    online_id = h.online_application()
    online.take(h.svc, CLERK, online_id)  # the clerk of the matrix holds it
    return lambda a: online.release(h.svc, a, online_id)


@scenario("online.pending", reuse=True)
def _pending(h: Hall, actor: Actor) -> Call:
    h.online_application()
    return lambda a: online.pending(h.svc, a)


# ---- review
@scenario("review.claim")
def _claim(h: Hall, actor: Actor) -> Call:
    app_id = h.routed()
    return lambda a: review.claim(h.svc, a, app_id, "SCJG-01")


@scenario("review.release")
def _release(h: Hall, actor: Actor) -> Call:
    app_id = h.claimed(holder(actor))
    return lambda a: review.release(h.svc, a, app_id, "SCJG-01")


@scenario("review.grant")
def _grant(h: Hall, actor: Actor) -> Call:
    app_id = h.claimed(holder(actor))
    return lambda a: review.grant(h.svc, a, app_id, "SCJG-01", "符合条件")


@scenario("review.deny")
def _deny(h: Hall, actor: Actor) -> Call:
    app_id = h.claimed(holder(actor))
    return lambda a: review.deny(h.svc, a, app_id, "SCJG-01", "经营场所不符合要求")


@scenario("review.request_supplement")
def _review_request_supplement(h: Hall, actor: Actor) -> Call:
    app_id = h.claimed(holder(actor))
    return lambda a: review.request_supplement(h.svc, a, app_id, "SCJG-01", ["营业执照"])


@scenario("review.receive_supplement")
def _review_receive_supplement(h: Hall, actor: Actor) -> Call:
    app_id = h.claimed(REVIEWER)
    review.request_supplement(h.svc, REVIEWER, app_id, "SCJG-01", ["营业执照"])
    return lambda a: review.receive_supplement(h.svc, a, app_id, "SCJG-01")


@scenario("review.supplement_choices", reuse=True)
def _choices(h: Hall, actor: Actor) -> Call:
    app_id = h.routed()
    return lambda a: review.supplement_choices(h.svc, a, app_id, "SCJG-01")


@scenario("queue.page", reuse=True)
def _queue(h: Hall, actor: Actor) -> Call:
    h.routed()
    return lambda a: queue.page(h.svc, a, QueueFilter(None))


# ---- issuing, rating, printing, verification
@scenario("issuing.issue")
def _issue(h: Hall, actor: Actor) -> Call:
    app_id = h.decided()
    return lambda a: issuing.issue(h.svc, a, app_id)


@scenario("issuing.deliver")
def _deliver(h: Hall, actor: Actor) -> Call:
    app_id = h.issued().application.id
    return lambda a: issuing.deliver(h.svc, a, app_id, "张三")


@scenario("issuing.void_and_reissue")
def _void(h: Hall, actor: Actor) -> Call:
    licence = h.issued().licence
    assert licence is not None
    return lambda a: issuing.void_and_reissue(h.svc, a, licence.number, "打印错位，作废重出")


@scenario("ratings.rate")
def _rate(h: Hall, actor: Actor) -> Call:
    app_id = h.issued().application.id
    return lambda a: ratings.rate(h.svc, a, app_id, 5, via="counter")


@scenario("ratings.record_callback")
def _callback(h: Hall, actor: Actor) -> Call:
    app_id = h.issued().application.id
    _, rectification = ratings.rate(h.svc, SYSTEM_ACTOR, app_id, 1, "等候时间太长")
    assert rectification is not None
    return lambda a: ratings.record_callback(h.svc, a, rectification.id, "已整改并电话回访，申请人满意")


@scenario("printing.record")
def _print(h: Hall, actor: Actor) -> Call:
    document = f"受理通知书-{h.n()}"
    return lambda a: printing.record(h.svc, a, document, "YC2026112601001")


@scenario("verification.verify", reuse=True)
def _verify(h: Hall, actor: Actor) -> Call:
    licence = h.issued().licence
    assert licence is not None
    return lambda a: verification.verify(h.svc, a, licence.qr_text)


@scenario("verification.verify_image", reuse=True)
def _verify_image(h: Hall, actor: Actor) -> Call:
    import qrcode

    licence = h.issued().licence
    assert licence is not None
    image = h.folder / "licence-qr.png"
    qrcode.make(licence.qr_text).save(str(image))
    return lambda a: verification.verify_image(h.svc, a, str(image))


# ---- after approval
@scenario("checks.record")
def _check_record(h: Hall, actor: Actor) -> Call:
    app_id = h.decided()
    check_id, items = h.check_id(app_id), h.check_items(app_id)
    return lambda a: checks.record(h.svc, a, check_id, True, "现场核查相符", items)


@scenario("checks.close_rectification")
def _close(h: Hall, actor: Actor) -> Call:
    app_id = h.decided()
    check_id = h.check_id(app_id)
    checks.record(h.svc, SYSTEM_ACTOR, check_id, False, "卫生设施未配备", h.check_items(app_id))
    return lambda a: checks.close_rectification(h.svc, a, check_id, True, "已整改到位")


@scenario("checks.due", reuse=True)
def _due(h: Hall, actor: Actor) -> Call:
    h.decided()
    return lambda a: checks.due(h.svc, a)


@scenario("checks.snapshot", reuse=True)
def _snapshot(h: Hall, actor: Actor) -> Call:
    app_id = h.decided()
    return lambda a: checks.snapshot(h.svc, a, app_id, "WJ-01")


@scenario("checks.checks_for", reuse=True)
def _checks_for(h: Hall, actor: Actor) -> Call:
    app_id = h.decided()
    return lambda a: checks.checks_for(h.svc, a, app_id)


@scenario("credit.record", reuse=True)
def _credit(h: Hall, actor: Actor) -> Call:
    return lambda a: credit.record(h.svc, a, "violation", "超出许可范围经营", uscc=VALID_USCC)


@scenario("credit.records_for", reuse=True)
def _credit_records(h: Hall, actor: Actor) -> Call:
    return lambda a: credit.records_for(h.svc, a, uscc=VALID_USCC)


@scenario("lifecycle.suspend")
def _suspend(h: Hall, actor: Actor) -> Call:
    number, until = h.permit(), h.clock.today() + timedelta(days=30)
    return lambda a: lifecycle.suspend(h.svc, a, number, "卫生条件不达标，暂扣整改", until)


@scenario("lifecycle.reinstate")
def _reinstate(h: Hall, actor: Actor) -> Call:
    number = h.permit()
    lifecycle.suspend(h.svc, SYSTEM_ACTOR, number, "卫生条件不达标", h.clock.today() + timedelta(days=30))
    return lambda a: lifecycle.reinstate(h.svc, a, number, "整改完毕，经复查合格")


@scenario("lifecycle.annul")
def _annul(h: Hall, actor: Actor) -> Call:
    number = h.permit()
    return lambda a: lifecycle.annul(h.svc, a, number, "以欺骗手段取得许可")


@scenario("lifecycle.revoke")
def _revoke(h: Hall, actor: Actor) -> Call:
    number = h.permit()
    return lambda a: lifecycle.revoke(h.svc, a, number, "严重违法，吊销许可证")


@scenario("lifecycle.deregister")
def _deregister(h: Hall, actor: Actor) -> Call:
    number = h.permit()
    return lambda a: lifecycle.deregister(h.svc, a, number, "企业申请注销")


@scenario("lifecycle.renew")
def _renew(h: Hall, actor: Actor) -> Call:
    number = h.permit()
    return lambda a: lifecycle.renew(h.svc, a, number, "有效期届满前申请延续")


@scenario("lifecycle.change")
def _change(h: Hall, actor: Actor) -> Call:
    number, address = h.permit(), f"山西省晋中市榆次区新建路{h.n()}号"
    return lambda a: lifecycle.change(h.svc, a, number, {"address": address}, "经营场所变更")


@scenario("lifecycle.history", reuse=True)
def _history(h: Hall, actor: Actor) -> Call:
    number = h.permit()
    return lambda a: lifecycle.history(h.svc, a, number)


@scenario("linkage.acknowledge")
def _acknowledge(h: Hall, actor: Actor) -> Call:
    feedback_id = h.feedback()
    return lambda a: linkage.acknowledge(h.svc, a, feedback_id, "已约谈企业，限期整改")


@scenario("linkage.feedback", reuse=True)
def _feedback(h: Hall, actor: Actor) -> Call:
    h.feedback()
    return lambda a: linkage.feedback(h.svc, a)


@scenario("supervision.open_checks", reuse=True)
def _open_checks(h: Hall, actor: Actor) -> Call:
    h.decided()
    return lambda a: supervision.open_checks(h.svc, a)


@scenario("supervision.find_permits", reuse=True)
def _find_permits(h: Hall, actor: Actor) -> Call:
    number = h.permit()
    return lambda a: supervision.find_permits(h.svc, a, number)


@scenario("supervision.permit_view", reuse=True)
def _permit_view(h: Hall, actor: Actor) -> Call:
    number = h.permit()
    return lambda a: supervision.permit_view(h.svc, a, number)


# ---- 双随机、一公开, 双公示, statistics, case reads
@scenario("inspections.draw_inspection")
def _draw(h: Hall, actor: Actor) -> Call:
    h.issued()
    seed = f"公开抽取-{h.n()}"
    return lambda a: inspections.draw_inspection(h.svc, a, "WJ-01", seed, 1.0)


@scenario("inspections.record_result")
def _record_result(h: Hall, actor: Actor) -> Call:
    draw_id, uscc = h.drawn()
    return lambda a: inspections.record_result(h.svc, a, draw_id, uscc, "no_problem", "未发现问题")


@scenario("inspections.publish_results")
def _publish(h: Hall, actor: Actor) -> Call:
    draw_id, uscc = h.drawn()
    inspections.record_result(h.svc, SYSTEM_ACTOR, draw_id, uscc, "no_problem", "未发现问题")
    return lambda a: inspections.publish_results(h.svc, a, draw_id)


@scenario("inspections.declare_conflict")
def _conflict(h: Hall, actor: Actor) -> Call:
    conflict = Conflict(INSPECTOR.username, h.uscc(), "近亲属任该企业法定代表人")
    return lambda a: inspections.declare_conflict(h.svc, a, conflict)


@scenario("inspections.assignments", reuse=True)
def _assignments(h: Hall, actor: Actor) -> Call:
    h.drawn()
    return lambda a: inspections.assignments(h.svc, a)


@scenario("inspections.add_inspector")
def _add_inspector(h: Hall, actor: Actor) -> Call:
    person = Inspector(f"health{h.n()}", "新执法员", HEALTH)
    return lambda a: inspections.add_inspector(h.svc, a, person)


@scenario("inspections.add_demo_inspectors")
def _add_demo_inspectors(h: Hall, actor: Actor) -> Call:
    with h.svc.uow() as uow:  # demo inspectors exist only in a demo database
        uow.settings.put("demo", "1")
        uow.commit()
    people = [Inspector(f"demo{h.n()}", "演示执法员", HEALTH)]
    return lambda a: inspections.add_demo_inspectors(h.svc, a, people, "demo")


@scenario("inspections.add_items")
def _add_items(h: Hall, actor: Actor) -> Call:
    items = [InspectionItem("WJ-01", HEALTH, f"卫生许可条件检查{h.n()}", "公共场所卫生管理条例")]
    return lambda a: inspections.add_items(h.svc, a, items)


@scenario("publicity.export_batch", reuse=True)
def _export(h: Hall, actor: Actor) -> Call:
    h.issued()
    return lambda a: publicity.export_batch(h.svc, a)


@scenario("statistics.ledger", reuse=True)
def _ledger(h: Hall, actor: Actor) -> Call:
    h.issued()
    return lambda a: statistics.ledger(h.svc, a, date(2026, 11, 1), date(2026, 11, 30))


@scenario("cases.find", reuse=True)
def _find(h: Hall, actor: Actor) -> Call:
    h.issued()
    return lambda a: cases.find(h.svc, a, "便民超市")


@scenario("cases.get", reuse=True)
def _get(h: Hall, actor: Actor) -> Call:
    app_id = h.decided()
    return lambda a: cases.get(h.svc, a, app_id)


@scenario("cases.awaiting_issue", reuse=True)
def _awaiting(h: Hall, actor: Actor) -> Call:
    h.decided()
    return lambda a: cases.awaiting_issue(h.svc, a)


# ---- administration
@scenario("users.add_user")
def _add_user(h: Hall, actor: Actor) -> Call:
    name = f"wang{h.n()}"
    return lambda a: users.add_user(h.svc, a, name, Role.CLERK, "Counter2026")


@scenario("users.unlock_user")
def _unlock(h: Hall, actor: Actor) -> Call:
    name = f"li{h.n()}"
    user = users.add_user(h.svc, SYSTEM_ACTOR, name, Role.CLERK, "Counter2026")
    with h.svc.uow() as uow:
        user.locked, user.failed_logins = True, 5
        uow.users.save(user)
        uow.commit()
    return lambda a: users.unlock_user(h.svc, a, name)


@scenario("users.change_password")
def _change_password(h: Hall, actor: Actor) -> Call:
    h.staff_accounts("Counter2026")
    return lambda a: users.change_password(h.svc, a, "Counter2026", "Window2027")


@scenario("catalog.install_bundle")
def _install(h: Hall, actor: Actor) -> Call:
    bundle = replace(h.bundle, label=f"{h.bundle.label}-{h.n()}")  # labels are unique
    return lambda a: catalog.install_bundle(h.svc, a, bundle)


@scenario("catalog.import_table", reuse=True)
def _import(h: Hall, actor: Actor) -> Call:
    table = Table.from_rows(catalog.export_rows(h.svc))
    return lambda a: catalog.import_table(h.svc, a, table, "official.csv")


@scenario("rules.save_rule")
def _save_rule(h: Hall, actor: Actor) -> Call:
    code = f"R-T{h.n()}"
    conditions = [{"type": "materials_complete"}]
    return lambda a: rules.save_rule(h.svc, a, code, "材料齐全自动准予", ["SCJG-01"], conditions)


@scenario("rules.try_rule", reuse=True)
def _try_rule(h: Hall, actor: Actor) -> Call:
    rules.save_rule(h.svc, SYSTEM_ACTOR, "R-TRY", "材料齐全", ["SCJG-01"], [{"type": "materials_complete"}])
    app_id = h.submitted()
    return lambda a: rules.try_rule(h.svc, a, "R-TRY", app_id)


@scenario("settings.put", reuse=True)
def _setting(h: Hall, actor: Actor) -> Call:
    return lambda a: settings.put(h.svc, a, "hall_contact", "0354-1234567")


@scenario("keys.create_station_key", reuse=True)
def _create_key(h: Hall, actor: Actor) -> Call:
    return lambda a: keys.create_station_key(h.svc, a, "二号出件窗口")


@scenario("keys.register_key")
def _register_key(h: Hall, actor: Actor) -> Call:
    _, pem = h.other_station_key()
    return lambda a: keys.register_key(h.svc, a, pem, OTHER_KEY_AUTHORITY, "三号窗口")


@scenario("keys.revoke_key")
def _revoke_key(h: Hall, actor: Actor) -> Call:
    _, pem = h.other_station_key()
    key = keys.register_key(h.svc, SYSTEM_ACTOR, pem, OTHER_KEY_AUTHORITY, "三号窗口")
    return lambda a: keys.revoke_key(h.svc, a, key.key_id, "设备失窃")


@scenario("syncing.record_enrolment", reuse=True)
def _enrolment(h: Hall, actor: Actor) -> Call:
    return lambda a: syncing.record_enrolment(h.svc, a, "https://central.invalid", "dev-1", "榆次大厅")


@scenario("syncing.retry_needs_attention")
def _retry(h: Hall, actor: Actor) -> Call:
    with h.svc.uow() as uow:
        event = emit(h.svc, uow, "TestEventRecorded", {"n": h.n()})
        uow.commit()
    syncing.mark_needs_attention(h.svc, event.id, "409：平台已有不同内容")
    return lambda a: syncing.retry_needs_attention(h.svc, a, event.id)


@scenario("calendar.set_day", reuse=True)
def _set_day(h: Hall, actor: Actor) -> Call:
    return lambda a: calendar.set_day(h.svc, a, date(2026, 12, 31), False, "临时调休")


@scenario("calendar.import_schedule")
def _import_schedule(h: Hall, actor: Actor) -> Call:
    schedule = f"date,kind,note\n{2026 + h.n()}-01-01,休息,元旦\n"
    return lambda a: calendar.import_schedule(h.svc, a, schedule, "国务院办公厅通知")


@scenario("calendar.recompute_provisional_deadlines", reuse=True)
def _recompute(h: Hall, actor: Actor) -> Call:
    return lambda a: calendar.recompute_provisional_deadlines(h.svc, a)


@scenario("audit.verify", reuse=True)
def _audit_verify(h: Hall, actor: Actor) -> Call:
    return lambda a: audit.verify(h.svc, a)


@scenario("audit.records", reuse=True)
def _audit_records(h: Hall, actor: Actor) -> Call:
    return lambda a: audit.records(h.svc, a, 50)


@scenario("audit.search", reuse=True)
def _audit_search(h: Hall, actor: Actor) -> Call:
    return lambda a: audit.search(h.svc, a, AuditQuery(action="intake."))


@scenario("audit.export", reuse=True)
def _audit_export(h: Hall, actor: Actor) -> Call:
    return lambda a: audit.export(h.svc, a, AuditQuery())


# ---------------------------------------------------------------------------- the matrix
@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, bundle: CatalogBundle) -> Path:
    """One prepared database (catalog, a station key, two inspectors of 县卫生健康局) to copy."""
    folder = tmp_path_factory.mktemp("role-template")
    svc = make_services(f"sqlite:///{folder / 'onewindow.sqlite3'}", FixedClock(NOW), folder / "keys")
    catalog.install_bundle(svc, SYSTEM_ACTOR, bundle)
    keys.create_station_key(svc, SYSTEM_ACTOR, "一号出件窗口")
    for username, name in ((INSPECTOR.username, "王监管"), ("inspector_b", "赵监管")):
        inspections.add_inspector(svc, SYSTEM_ACTOR, Inspector(username, name, HEALTH))
    svc.uow.engine.dispose()  # type: ignore[attr-defined]
    return folder


@pytest.fixture
def hall(template: Path, tmp_path: Path, bundle: CatalogBundle) -> Iterator[Hall]:
    for path in template.glob("onewindow.sqlite3*"):
        shutil.copy2(path, tmp_path / path.name)
    shutil.copytree(template / "keys", tmp_path / "keys")
    clock = FixedClock(NOW)
    svc = make_services(f"sqlite:///{tmp_path / 'onewindow.sqlite3'}", clock, tmp_path / "keys")
    yield Hall(svc, clock, bundle, tmp_path)
    svc.uow.engine.dispose()  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Snapshot:
    tables: dict[str, list[str]]
    last_seq: int


def snapshot(svc: Services) -> Snapshot:
    """Every row of every table, as text (updates show as well as inserts)."""
    engine = svc.uow.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        names = sa_inspect(conn).get_table_names()
        tables = {
            n: sorted(repr(tuple(r)) for r in conn.execute(text(f'SELECT * FROM "{n}"'))) for n in names
        }
        last = conn.execute(text("SELECT COALESCE(MAX(seq), 0) FROM audit_log")).scalar_one()
    return Snapshot(tables, int(last))


def new_audit_results(svc: Services, after_seq: int) -> list[str]:
    engine = svc.uow.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        found = conn.execute(
            text("SELECT result FROM audit_log WHERE seq > :s ORDER BY seq"), {"s": after_seq}
        )
        return [str(r) for r in found.scalars()]


def _outcome(call: Call, actor: Actor) -> str:
    try:
        call(actor)
    except PermissionDenied:
        return "refused"
    except DomainError as exc:
        return f"{type(exc).__name__}: {exc.message}"
    return "ok"


MATRIX = sorted(name for name, (kind, _) in EXPECTED.items() if kind != SYSTEM_ONLY)


@pytest.mark.parametrize("command", MATRIX)
def test_each_role_is_refused_or_allowed_as_the_table_says(command: str, hall: Hall) -> None:
    kind, roles = EXPECTED[command]
    allowed = set(roles.split())
    spec = SCENARIOS[command]
    known = DISAGREEMENTS.get(command, {})
    outcomes: dict[str, str] = {}
    call: Call | None = None
    # the roles to refuse first: a refusal leaves the prepared state as it was
    for code in sorted(ACTORS, key=lambda c: c in allowed):
        actor = ACTORS[code]
        if call is None:
            call = spec.prepare(hall, actor)
        before = snapshot(hall.svc)
        outcomes[code] = _outcome(call, actor)
        if outcomes[code] == "refused":
            after = snapshot(hall.svc)
            changed = {t for t in after.tables if after.tables[t] != before.tables.get(t)}
            assert changed <= {"audit_log", "audit_head"}, f"{command} as {code} changed {changed}"
            recorded = new_audit_results(hall.svc, before.last_seq)
            assert all(r.startswith("refused: permission_denied: ") for r in recorded), recorded
            expected_records = 1 if kind == C else 0
            assert len(recorded) == expected_records, f"{command} as {code}: refusal audit {recorded}"
        elif not spec.reuse:
            call = None
    mismatches = {c for c, o in outcomes.items() if (o == "refused") == (c in allowed)}
    assert mismatches == set(known), (
        f"{command}: the code disagrees with the table for {sorted(mismatches - set(known))}; "
        f"no longer disagrees for {sorted(set(known) - mismatches)} (update DISAGREEMENTS); "
        f"outcomes {outcomes}"
    )
    for code in sorted(allowed - mismatches):
        if (command, code) in OTHER_FAILURES:
            assert outcomes[code] not in ("ok", "refused"), (command, code, outcomes[code])
        else:
            assert outcomes[code] == "ok", f"{command} as {code} (allowed) failed: {outcomes[code]}"


# ---------------------------------------------------------------------------- secrets
def _table_text(url: str) -> str:
    """Every value of every table of the database at ``url``, as text (bytes also as hex)."""
    engine = create_engine(url)
    parts: list[str] = []
    try:
        with engine.connect() as conn:
            for name in sa_inspect(conn).get_table_names():
                for row in conn.execute(text(f'SELECT * FROM "{name}"')):
                    for value in row:
                        if isinstance(value, bytes | bytearray | memoryview):
                            raw = bytes(value)
                            parts += [raw.hex(), raw.decode("latin-1")]
                        else:
                            parts.append(str(value))
    finally:
        engine.dispose()
    return "\n".join(parts)


def _file_bytes(database: Path) -> bytes:
    """The SQLite file with its WAL and shared-memory files, as they lie on disk."""
    return b"".join(p.read_bytes() for p in sorted(database.parent.glob(database.name + "*")))


def _private_key_forms(pem: bytes) -> tuple[list[str], list[bytes]]:
    """How a private key could have leaked: as text and as raw bytes."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = serialization.load_pem_private_key(pem, None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    scalar = key.private_numbers().private_value.to_bytes(32, "big")
    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    body = "".join(line for line in pem.decode().splitlines() if not line.startswith("-----"))
    texts = [
        pem.decode().strip(),
        body,
        der.hex(),
        der.hex().upper(),
        scalar.hex(),
        scalar.hex().upper(),
        str(int.from_bytes(scalar, "big")),
        base64.b64encode(scalar).decode(),
        base64.urlsafe_b64encode(scalar).decode().rstrip("="),
    ]
    return texts, [pem.strip(), der, scalar]


def _secret_forms(secret: bytes) -> list[str]:
    return [
        secret.hex(),
        secret.hex().upper(),
        base64.b64encode(secret).decode(),
        base64.urlsafe_b64encode(secret).decode().rstrip("="),
    ]


@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_signing_keys_audit_key_and_device_token_never_reach_the_database_or_the_logs(
    tmp_path: Path, bundle: CatalogBundle, caplog: pytest.LogCaptureFixture
) -> None:
    """A demo counter issues licences, enrols with a real central platform and syncs, with every
    logger at DEBUG (SQLAlchemy's row log included); then the database text, its files on disk, the
    platform's database and every log record are searched for each secret in every usual form."""
    import secrets as random_secrets

    from db.agent_lock import SyncAgentLock
    from db.unit_of_work import SqlUnitOfWorkFactory
    from desktop.adapters.device_token import DeviceTokenFile
    from desktop.services import demo, setup
    from desktop.sync_wiring import CounterSyncAgent, enrol
    from tests.support.central import running_central

    caplog.set_level(logging.DEBUG)  # before the engines exist: SQLAlchemy decides per connection
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")  # its own default is WARNING: the row log too
    database = tmp_path / "data" / "onewindow.sqlite3"
    database.parent.mkdir()
    url = f"sqlite:///{database}"
    key_dir = tmp_path / "data" / "keys" / "signing"
    token_file = tmp_path / "data" / "keys" / "device.token"
    audit_key = random_secrets.token_bytes(32)
    svc = make_services(url, FixedClock(NOW), key_dir)
    engine = svc.uow.engine  # type: ignore[attr-defined]
    svc = replace(svc, uow=SqlUnitOfWorkFactory(engine, audit_key))

    setup.initialise(svc, bundle, demo=True)
    first = demo.run_case(svc, random.Random(1))  # creates the station key, issues a licence
    assert first.licence
    (tmp_path / "central").mkdir()
    with running_central(tmp_path / "central") as central:
        enrol(svc, token_file, central.base_url, central.enrol_code(), hall="榆次大厅")
        second = demo.run_case(svc, random.Random(2))
        assert second.licence
        agent = CounterSyncAgent(svc, lambda: SyncAgentLock(engine, url), token_file)
        passed = agent.run_once()
        assert passed.pushed > 0 and not passed.errors, passed
        central_url = central.db_url
    keys.create_station_key(svc, SYSTEM_ACTOR, "轮换后的密钥")  # a rotation: two private keys now
    engine.dispose()

    token = DeviceTokenFile(token_file).read()
    assert token
    pems = sorted(key_dir.glob("*.pem"))
    assert len(pems) == 2
    texts = [token, f"Bearer {token}", *_secret_forms(audit_key)]
    raw = [token.encode(), audit_key]
    for pem in pems:
        key_texts, key_raw = _private_key_forms(pem.read_bytes())
        texts += key_texts
        raw += key_raw

    counter_text = _table_text(url)
    assert first.licence in counter_text and "BEGIN PUBLIC KEY" in counter_text  # the dump sees data
    platform_text = _table_text(central_url)
    for secret in texts:
        assert secret not in counter_text, f"a secret is in the counter's database: {secret[:12]}…"
        assert secret not in platform_text, f"a secret is in the platform's database: {secret[:12]}…"
    on_disk = _file_bytes(database)
    for secret_bytes in raw:
        assert secret_bytes not in on_disk, "a secret lies in the counter's database files"

    records = caplog.records
    assert any(r.name.startswith("sqlalchemy.engine") and r.levelno == logging.DEBUG for r in records)
    assert any(r.name.startswith(("httpx", "httpcore")) for r in records)
    logged = "\n".join(
        f"{r.name} {r.getMessage()} {r.exc_text or ''} {getattr(r, 'stack_info', '') or ''}" for r in records
    )
    for secret in texts:
        assert secret not in logged, f"a secret was logged: {secret[:12]}…"


# ---------------------------------------------------------------------------- demo and real accounts
def test_admin_created_accounts_must_change_the_password_at_first_login(services: Services) -> None:
    """An account made by the system admin (not only by the command-line operator) has a password
    someone else chose: the first login says it must be changed, until it is."""
    made = users.add_user(services, ADMIN, "zhou", Role.REVIEWER, "Counter2026", REVIEWER.department)
    assert made.must_change_password and not made.demo
    with pytest.raises(users.LoginFailed):
        users.login(services, "zhou", "wrong-password-1")
    assert users.login(services, "zhou", "Counter2026").must_change_password  # still, after a failure
    users.unlock_user(services, HALL_ADMIN, "zhou")  # an unlock does not clear it either
    assert users.login(services, "zhou", "Counter2026").must_change_password
    users.change_password(services, made.as_actor(), "Counter2026", "Review2027")
    assert not users.login(services, "zhou", "Review2027").must_change_password


def test_no_entry_point_puts_a_demo_account_into_a_real_database(
    services: Services, bundle: CatalogBundle
) -> None:
    """Beyond test_users_and_setup (init --demo on a real database, demo password refused): the
    双随机 demo inspectors, and a demo init after accounts arrived from the central platform."""
    from desktop.services import setup

    setup.initialise(services, bundle)  # a real database with its catalog, not yet any account
    with pytest.raises(DomainError, match="演示数据库"):
        inspections.add_demo_inspectors(
            services, SYSTEM_ACTOR, [Inspector("inspector99a", "演示执法员", HEALTH)], "demo"
        )
    central_account = {
        "username": "zhao",
        "role": "clerk",
        "department": "",
        "display_name": "赵",
        "active": True,
        "password_hash": services.hasher.hash("Central123"),
    }
    assert inbox.apply_page(services, "users", [("zhao", central_account)], "1", services.clock.now()) == 1
    with pytest.raises(DomainError, match="正式账户"):
        setup.initialise(services, bundle, demo=True)
    with services.uow() as uow:
        assert [(u.username, u.demo) for u in uow.users.all()] == [("zhao", False)]
        assert uow.settings.get("demo") != "1"
        assert uow.inspections.inspectors() == []


def test_the_account_service_itself_refuses_a_demo_account_in_a_real_database(services: Services) -> None:
    with pytest.raises(DomainError, match="演示"):
        users.add_user(services, SYSTEM_ACTOR, "demo_clerk", Role.CLERK, "demo", demo=True)
    with services.uow() as uow:
        assert uow.users.get("demo_clerk") is None
