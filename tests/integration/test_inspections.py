"""双随机、一公开 and 双公示 through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime

import pytest

from db.models import Base, InspectionDrawRow, InspectionResultRow, InspectorConflictRow
from desktop.domain.credit import CreditRecord, CreditRecordKind
from desktop.domain.errors import DomainError, NotFound, PermissionDenied
from desktop.domain.inspections import Conflict, Inspector
from desktop.domain.users import SYSTEM_ACTOR, Actor, Role
from desktop.services import demo, inspections, publicity, settings, setup
from desktop.services import users as users_service
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle
from tests.support.factories import CLERK, rows

FIRE = "XF-01"  # 消防安全检查: granted on commitment in the demo case
FIRE_DEPT = "县消防救援大队"
FOOD = "SCJG-01"  # 食品经营许可: granted after review
ID_NUMBER = "11010519491231002X"  # the demo legal representative's ID: never exported


@pytest.fixture
def hall(services: Services, bundle: CatalogBundle) -> list[str]:
    """A demo database with three 便利店 cases; the USCCs of their holders."""
    setup.initialise(services, bundle, demo=True)
    for n in range(3):
        demo.run_case(services, random.Random(n))
    with services.uow() as uow:
        return [h.uscc for h in uow.inspections.pool(FIRE, services.clock.today())]


def _events(services: Services, kind: str) -> list[dict[str, object]]:
    with services.uow() as uow:
        return [dict(e.payload) for e in uow.outbox.pending() if e.kind == kind]


def test_models_match_the_migrations(services: Services) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = services.uow.engine  # type: ignore[attr-defined]
    ours = {"inspection_items", "inspectors", "inspector_conflicts", "inspection_draws", "inspection_results"}
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    mine = [d for d in diff if any(name in repr(d) for name in ours)]
    assert mine == []


def test_demo_init_brings_inspection_items_and_two_inspectors_per_department(
    services: Services, bundle: CatalogBundle
) -> None:
    report = setup.initialise(services, bundle, demo=True)
    items = inspections.items(services)
    assert {i.matter_code for i in items} == {m.code for m in bundle.matters}
    with services.uow() as uow:
        pool = uow.inspections.inspectors()
        users = {u.username: u for u in uow.users.all()}
    for department in {m.competent_department for m in bundle.matters}:
        assert len([p for p in pool if p.department == department]) >= 2
    assert all(users[p.username].role is Role.INSPECTOR for p in pool)
    assert "inspector01a" in report.users_created
    assert users_service.login(services, "inspector01a", setup.DEMO_PASSWORD).role is Role.INSPECTOR
    assert setup.initialise(services, bundle, demo=True).users_created == []  # idempotent
    assert len(inspections.items(services)) == len(items)


def test_the_pool_holds_the_permit_holders_with_their_commitment_flag(
    services: Services, hall: list[str]
) -> None:
    with services.uow() as uow:
        fire = uow.inspections.pool(FIRE, services.clock.today())
        food = uow.inspections.pool(FOOD, services.clock.today())
        filing = uow.inspections.pool("YJ-03", services.clock.today())
    assert len(fire) == 3 and all(h.by_commitment for h in fire)
    assert {h.uscc for h in food} == set(hall) and not any(h.by_commitment for h in food)
    assert {h.uscc for h in filing} == set(hall)


def test_draw_is_recorded_pushed_and_repeatable(services: Services, hall: list[str]) -> None:
    with services.uow() as uow:
        uow.credit.add(
            CreditRecord(
                "c1", CreditRecordKind.FALSE_COMMITMENT, "虚假承诺", FIRE_DEPT, services.clock.now(), hall[0]
            )
        )
        uow.commit()
    first = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "2026-11-26 公开抽取", 1.0)
    subjects = first.result["subjects"]
    assert {s["uscc"] for s in subjects} == set(hall)
    assert {s["uscc"]: s["credit_class"] for s in subjects}[hall[0]] == "D"
    with services.uow() as uow:
        fire_pool = {p.username for p in uow.inspections.inspectors() if p.department == FIRE_DEPT}
    for s in subjects:
        assert len(s["inspectors"]) == 2 and set(s["inspectors"]) <= fire_pool
    again = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "2026-11-26 公开抽取", 1.0)
    assert again.as_dict() | {"repeated": False} == first.as_dict() and again.repeated
    assert len(rows(services, InspectionDrawRow)) == 1
    events = _events(services, "InspectionDrawn")
    assert len(events) == 1 and events[0]["seed"] == "2026-11-26 公开抽取"
    assert events[0]["result"]["subjects"] == subjects  # type: ignore[index]
    with services.uow() as uow:
        actions = [r.action for r in uow.audit.records()]
    assert actions.count("inspection.draw") == 2
    # default ratios: ceil(0.03 × 3) = 1 subject of class A, ceil(0.30 × 1) = 1 of class D
    default = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "s2")
    assert sorted(s["credit_class"] for s in default.result["subjects"]) == ["A", "D"]


def test_bad_draws_change_nothing(services: Services, hall: list[str]) -> None:
    with pytest.raises(DomainError, match="0 到 1"):
        inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "s", 1.5)
    with pytest.raises(NotFound):
        inspections.draw_inspection(services, SYSTEM_ACTOR, "NO-SUCH", "s", 1.0)
    with pytest.raises(DomainError, match="暂无可抽查"):
        inspections.draw_inspection(services, SYSTEM_ACTOR, "SW-02", "s", 1.0)
    with pytest.raises(PermissionDenied):
        inspections.draw_inspection(services, CLERK, FIRE, "s", 1.0)
    with services.uow() as uow:
        fire_team = [p for p in uow.inspections.inspectors() if p.department == FIRE_DEPT]
    assert len(fire_team) == 2
    inspections.declare_conflict(services, SYSTEM_ACTOR, Conflict(fire_team[0].username, hall[1], "亲属关系"))
    with pytest.raises(DomainError, match="因回避不足 2 人"):
        inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "s", 1.0)
    for person in fire_team:
        inspections.add_inspector(
            services, SYSTEM_ACTOR, Inspector(person.username, person.name, FIRE_DEPT, False)
        )
    with pytest.raises(DomainError, match="该部门执法人员库为空，无法抽取"):
        inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "s", 1.0)
    with pytest.raises(DomainError, match="已申报"):
        inspections.declare_conflict(
            services, SYSTEM_ACTOR, Conflict(fire_team[0].username, hall[1], "again")
        )
    assert rows(services, InspectionDrawRow) == [] and _events(services, "InspectionDrawn") == []
    assert len(rows(services, InspectorConflictRow)) == 1
    with pytest.raises(DomainError, match="0 到 1"):
        settings.put(services, SYSTEM_ACTOR, "inspection_ratio_A", "1.2")
    settings.put(services, SYSTEM_ACTOR, "inspection_ratio_A", "0.5")
    with services.uow() as uow:
        assert inspections.ratios(uow) == {"A": 0.5, "B": 0.05, "C": 0.1, "D": 0.3}


def test_results_are_recorded_once_and_published(services: Services, hall: list[str]) -> None:
    drawn = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "seed", 1.0)
    subject = drawn.result["subjects"][0]
    uscc, team = subject["uscc"], subject["inspectors"]
    assigned = Actor(team[0], Role.INSPECTOR, FIRE_DEPT)
    outsider = Actor("inspector01a", Role.INSPECTOR, "县人力资源和社会保障局")
    with pytest.raises(PermissionDenied):
        inspections.record_result(services, outsider, drawn.draw_id, uscc, "no_problem")
    with pytest.raises(PermissionDenied):
        inspections.record_result(services, CLERK, drawn.draw_id, uscc, "no_problem")
    with pytest.raises(DomainError, match="未知的抽查结果"):
        inspections.record_result(services, assigned, drawn.draw_id, uscc, "maybe")
    with pytest.raises(DomainError, match="不在本次抽取"):
        inspections.record_result(services, SYSTEM_ACTOR, drawn.draw_id, "91110000600037341L", "no_problem")
    with pytest.raises(DomainError, match="没有待公示"):
        inspections.publish_results(services, SYSTEM_ACTOR, drawn.draw_id)
    inspections.record_result(services, assigned, drawn.draw_id, uscc, "corrected", "灭火器过期，已当场更换")
    with pytest.raises(DomainError, match="已录入，不能重复录入"):
        inspections.record_result(services, SYSTEM_ACTOR, drawn.draw_id, uscc, "no_problem")
    stored = rows(services, InspectionResultRow)
    assert len(stored) == 1 and stored[0].result == "corrected" and not stored[0].published
    with pytest.raises(PermissionDenied):  # an inspector who was not drawn publishes nothing
        inspections.publish_results(services, outsider, drawn.draw_id)
    published = inspections.publish_results(services, assigned, drawn.draw_id)
    assert [r.uscc for r in published] == [uscc]
    (event,) = _events(services, "InspectionResultsPublished")
    assert event["results"] == [  # type: ignore[comparison-overlap]
        {
            "uscc": uscc,
            "name": subject["name"],
            "result": "corrected",
            "result_label": "发现问题已责令改正",
            "findings": "灭火器过期，已当场更换",
            "recorded_at": services.clock.now().isoformat(),
        }
    ]
    with pytest.raises(DomainError, match="没有待公示"):
        inspections.publish_results(services, SYSTEM_ACTOR, drawn.draw_id)
    assert inspections.results(services, drawn.draw_id)[0].published


def test_publicity_export_has_one_schema_and_no_id_numbers(services: Services, hall: list[str]) -> None:
    drawn = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "seed", 1.0)
    for s in drawn.result["subjects"]:
        inspections.record_result(services, SYSTEM_ACTOR, drawn.draw_id, s["uscc"], "no_problem")
    inspections.publish_results(services, SYSTEM_ACTOR, drawn.draw_id)
    with services.uow() as uow:
        uow.credit.add(
            CreditRecord(
                "p1",
                CreditRecordKind.PENALTY,
                "无证经营，罚款五千元",
                "县市场监督管理局",
                services.clock.now(),
                hall[0],
            )
        )
        uow.credit.add(
            CreditRecord(
                "p2",
                CreditRecordKind.PENALTY,
                "个人处罚",
                "县市场监督管理局",
                datetime(2026, 1, 1, tzinfo=UTC),
                person_id=ID_NUMBER,
            )
        )
        uow.commit()
    batch = publicity.export_batch(services, SYSTEM_ACTOR)
    assert batch.counts == {"permit": 12, "filing": 3, "inspection": 3, "penalty": 1}
    assert ID_NUMBER not in batch.csv_text and ID_NUMBER not in batch.json_text
    document = json.loads(batch.json_text)
    assert document["format"] == "onewindow-publicity/1" and document["counts"] == batch.counts
    assert document["records"] == batch.rows
    header = batch.csv_text.lstrip("\ufeff").splitlines()[0]
    assert header.split(",") == document["fields"]
    permit = next(r for r in batch.rows if r["record_type"] == "permit")
    assert permit["decided_on"] == "2026-11-26" and permit["decision_code"] == "01"
    assert permit["legal_representative"] == "李晓梅"
    inspection = next(r for r in batch.rows if r["record_type"] == "inspection")
    assert inspection["department"] == FIRE_DEPT and inspection["decision_label"] == "未发现问题"
    assert _events(services, "PublicityBatchExported")[0]["counts"] == batch.counts
    assert publicity.export_batch(services, SYSTEM_ACTOR, date(2026, 11, 26)).counts == batch.counts
    later = publicity.export_batch(services, SYSTEM_ACTOR, date(2026, 11, 27))
    assert sum(later.counts.values()) == 0 and len(later.csv_text.splitlines()) == 1
