"""Applying pulled feeds: every feed, idempotent re-application, skipped unusable items, and a
page that fails part-way leaving nothing behind (not even its cursor)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from db.models import AuditRow, CatalogVersionRow
from desktop.adapters.clock import FixedClock
from desktop.adapters.signing import FileKeyStore
from desktop.adapters.sync_store import ServicesSyncStore
from desktop.domain.applications import RequestState
from desktop.domain.errors import DomainError
from desktop.domain.permits import PermitStatus
from desktop.domain.users import SYSTEM_ACTOR, Role
from desktop.services import catalog, inbox, intake, issuing, keys, online, review, users
from desktop.services.base import Services
from desktop.services.verification import VerifyResult, verify
from sync.protocol import Feed, FeedItem
from tests.support.factories import ADMIN, CLERK, ISSUER, enterprise, rows

LATER = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)


def _pull(services: Services, feed: Feed, items: list[tuple[str, dict[str, Any]]], cursor: str) -> int:
    store = ServicesSyncStore(services)
    return store.apply_page(feed, [FeedItem(key=k, data=d) for k, d in items], cursor, services.clock.now())


def _audit(services: Services, action: str) -> list[AuditRow]:
    return [r for r in rows(services, AuditRow, AuditRow.seq) if r.action == action]


def _cursor(services: Services, feed: Feed) -> str:
    return ServicesSyncStore(services).cursor(feed)


# ------------------------------------------------------------------ catalog
def _catalog_item(services: Services, label: str, rename: str = "") -> tuple[str, dict[str, Any]]:
    table = catalog.export_rows(services)
    if rename:
        name_col = table[0].index("事项名称")
        code_col = table[0].index("事项编码")
        for row in table[1:]:
            if row[code_col] == "SCJG-01":
                row[name_col] = rename
    data = {
        "label": label,
        "source": "晋中市证照分离改革事项清单（2027年版）",
        "note": "",
        "published_at": "2027-01-01T00:00:00+08:00",
        "table": table,
    }
    return label, data


def test_a_pulled_catalog_becomes_the_current_version_once(services: Services) -> None:
    before = catalog.current(services)
    item = _catalog_item(services, "JZ-2027-01", rename="食品经营许可（新）")
    assert _pull(services, Feed.CATALOG, [item], "7") == 1
    now = catalog.current(services)
    assert now.version.label == "JZ-2027-01" and now.version.id != before.version.id
    assert now.matter("SCJG-01").name == "食品经营许可（新）"
    # fields and materials the official layout leaves out are carried over, as on import
    assert now.matter("SCJG-01").materials == before.matter("SCJG-01").materials
    assert len(now.scope_terms) == len(before.scope_terms)
    assert _cursor(services, Feed.CATALOG) == "7"
    pulled = _audit(services, "sync.pull")[-1]
    assert (pulled.actor, pulled.target, pulled.result) == ("system", "catalog", "ok")
    assert json.loads(pulled.detail)["changed"] == 1
    # the same page again (a crash before the engine saw the reply): nothing changes
    assert _pull(services, Feed.CATALOG, [item], "7") == 0
    assert [r.label for r in rows(services, CatalogVersionRow)].count("JZ-2027-01") == 1


def test_a_bad_catalog_is_skipped_and_recorded_and_does_not_wedge_the_feed(services: Services) -> None:
    bad = (
        "JZ-BAD",
        {"label": "JZ-BAD", "source": "x", "note": "", "table": [["序号", "事项名称"], ["1", "x"]]},
    )
    not_rows = ("JZ-WORSE", {"label": "JZ-WORSE", "table": "not a table"})
    good = _catalog_item(services, "JZ-2027-02")
    assert _pull(services, Feed.CATALOG, [bad, not_rows, good], "9") == 1
    assert catalog.current(services).version.label == "JZ-2027-02"
    assert _cursor(services, Feed.CATALOG) == "9"
    labels = [r.label for r in rows(services, CatalogVersionRow)]
    assert "JZ-BAD" not in labels and "JZ-WORSE" not in labels
    skips = _audit(services, "sync.skip")
    assert [s.target for s in skips] == ["catalog/JZ-BAD", "catalog/JZ-WORSE"]
    assert skips[0].result.startswith("refused: rejected_input: 事项清单文件格式不正确")
    with services.uow() as uow:
        state = uow.sync_state.get("catalog")
    assert state.rejected.startswith("JZ-WORSE") and state.rejected_at == services.clock.now()
    assert json.loads(_audit(services, "sync.pull")[-1].detail)["skipped"] == ["JZ-BAD", "JZ-WORSE"]


# ------------------------------------------------------------------ calendar
SCHEDULE_2027 = """date,kind,note
2027-01-01,休息,元旦
2027-01-04,休息,元旦调休（测试用）
2027-01-09,上班,调休上班（测试用）
"""


def test_a_pulled_calendar_is_imported_and_provisional_deadlines_recomputed(
    services: Services, clock: FixedClock
) -> None:
    clock.at = datetime(2026, 12, 24, 2, 0, tzinfo=UTC)
    app = intake.accept(services, CLERK, intake.submit(services, CLERK, enterprise(), ["SCJG-01"]).id)
    assert app.request_for("SCJG-01").due_provisional
    assert _pull(services, Feed.CALENDAR, [("2027", {"year": 2027, "text": SCHEDULE_2027})], "3") == 1
    with services.uow() as uow:
        food = uow.applications.get(app.id).request_for("SCJG-01")
        assert 2027 in uow.calendar.imported_years()
    assert (food.due, food.due_provisional) == (date(2027, 1, 9), False)
    assert _pull(services, Feed.CALENDAR, [("2027", {"year": 2027, "text": SCHEDULE_2027})], "3") == 0
    # a bad calendar, or one whose year is not its key, is skipped
    bad = ("2028", {"year": 2028, "text": "date,kind\n2028-01-01,放假\n"})
    wrong_year = ("2029", {"year": 2029, "text": SCHEDULE_2027})
    assert _pull(services, Feed.CALENDAR, [bad, wrong_year], "5") == 0
    assert [s.target for s in _audit(services, "sync.skip")] == ["calendar/2028", "calendar/2029"]
    assert _cursor(services, Feed.CALENDAR) == "5"


# ------------------------------------------------------------------ trust list
def _key_item(pem: str, key_id: str, status: str = "active") -> tuple[str, dict[str, Any]]:
    data = {
        "key_id": key_id,
        "public_key_pem": pem,
        "authority": "太谷区行政审批服务管理局",
        "station": "太谷一号窗口",
        "status": status,
        "reason": "",
    }
    return key_id, data


def test_pulled_keys_join_the_trust_list_and_a_central_revocation_wins(
    services: Services, tmp_path: Path
) -> None:
    other_id, other_pem = FileKeyStore(tmp_path / "other").create()
    assert _pull(services, Feed.TRUST_LIST, [_key_item(other_pem, other_id)], "1") == 1
    listed = {k.key_id: k for k in keys.trust_list(services)}
    assert listed[other_id].source == "central" and listed[other_id].authority == "太谷区行政审批服务管理局"
    assert _pull(services, Feed.TRUST_LIST, [_key_item(other_pem, other_id)], "1") == 0
    assert _pull(services, Feed.TRUST_LIST, [_key_item(other_pem, other_id, "retired")], "2") == 1
    assert {k.key_id: k for k in keys.trust_list(services)}[other_id].status == "retired"

    own = keys.create_station_key(services, ADMIN)
    # the platform echoing this station's own key changes nothing here …
    assert _pull(services, Feed.TRUST_LIST, [_key_item(own.public_key_pem, own.key_id)], "3") == 0
    mine = {k.key_id: k for k in keys.trust_list(services)}[own.key_id]
    assert (mine.source, mine.status, mine.station) == ("local", "active", own.station)
    # … but its revocation reaches it
    assert _pull(services, Feed.TRUST_LIST, [_key_item(own.public_key_pem, own.key_id, "revoked")], "4") == 1
    assert {k.key_id: k for k in keys.trust_list(services)}[own.key_id].status == "revoked"

    # a key whose id does not match its public key, or a bad state, is skipped
    third_id, third_pem = FileKeyStore(tmp_path / "third").create()
    assert _pull(services, Feed.TRUST_LIST, [_key_item(third_pem, other_id)], "5") == 0
    assert _pull(services, Feed.TRUST_LIST, [_key_item(third_pem, third_id, "lost")], "6") == 0
    assert len(_audit(services, "sync.skip")) == 2
    assert third_id not in {k.key_id for k in keys.trust_list(services)}


# ------------------------------------------------------------------ status list
def _issued_licence(services: Services) -> tuple[str, str]:
    keys.create_station_key(services, ADMIN)
    app = intake.submit(services, CLERK, enterprise(), ["SCJG-01", "YJ-03"])
    app = intake.accept(services, CLERK, app.id)
    for request in list(app.requests.values()):
        if request.state is RequestState.IN_REVIEW:
            review.claim(services, SYSTEM_ACTOR, app.id, request.id)
            review.grant(services, SYSTEM_ACTOR, app.id, request.id)
    result = issuing.issue(services, ISSUER, app.id)
    assert result.licence is not None
    return result.licence.number, result.licence.qr_text


def _status_item(number: str, status: str, at: datetime, kind: str = "licence") -> tuple[str, dict[str, Any]]:
    data = {
        "number": number,
        "kind": kind,
        "status": status,
        "reason": "中心平台通报",
        "updated_at": at.isoformat(),
    }
    return number, data


def test_a_pulled_revocation_makes_verification_say_revoked(services: Services) -> None:
    number, qr = _issued_licence(services)
    assert verify(services, CLERK, qr).result is VerifyResult.VALID
    assert _pull(services, Feed.STATUS_LIST, [_status_item(number, "07", LATER)], "11") == 1
    assert verify(services, CLERK, qr).result is VerifyResult.REVOKED
    assert issuing.licence(services, number).status is PermitStatus.REVOKED
    assert _pull(services, Feed.STATUS_LIST, [_status_item(number, "07", LATER)], "11") == 0
    # an entry older than what the counter has is ignored
    older = _status_item(number, "01", LATER - timedelta(hours=1))
    assert _pull(services, Feed.STATUS_LIST, [older], "12") == 0
    assert verify(services, CLERK, qr).result is VerifyResult.REVOKED


def test_a_pulled_permit_status_updates_the_permit_on_the_licence(services: Services) -> None:
    number, qr = _issued_licence(services)
    item = _status_item(f"{number}:SCJG-01", "02", LATER, kind="licence_permit")
    assert _pull(services, Feed.STATUS_LIST, [item], "1") == 1
    assert verify(services, CLERK, qr).result is VerifyResult.SUSPENDED
    with services.uow() as uow:
        permits = uow.permits.permits_for(uow.permits.get_licence(number).application_id or "")
    statuses = {p.matter_code: p.status for p in permits}
    assert statuses == {"SCJG-01": PermitStatus.SUSPENDED, "YJ-03": PermitStatus.VALID}
    # a status for a number this counter never issued is kept for verification all the same
    assert _pull(services, Feed.STATUS_LIST, [_status_item("HZ99", "04", LATER)], "2") == 1
    with services.uow() as uow:
        entry = uow.status_list.get("HZ99")
    assert entry is not None and entry.source == "central" and entry.status is PermitStatus.DEREGISTERED
    # an unknown status code is skipped
    assert _pull(services, Feed.STATUS_LIST, [_status_item("HZ98", "42", LATER)], "3") == 0


# ------------------------------------------------------------------ supervision feedback
def test_pulled_supervision_feedback_is_stored_once_with_its_due_date(services: Services) -> None:
    data = {
        "id": "fb-1",
        "licence": "HZ1",
        "permit": "SCJG-01-2026",
        "uscc": enterprise().uscc,
        "matter": "SCJG-01",
        "approving_department": "行政审批服务管理局",
        "supervising_department": "县市场监督管理局",
        "measure": "责令整改",
        "text": "现场检查发现冷藏设施不符合要求",
        "decided_at": "2026-11-26T09:00:00+08:00",
        "sent_at": "2026-11-26T09:05:00+08:00",
    }
    assert _pull(services, Feed.SUPERVISION_FEEDBACK, [("fb-1", data)], "1") == 1
    assert _pull(services, Feed.SUPERVISION_FEEDBACK, [("fb-1", data)], "1") == 0
    with services.uow() as uow:
        stored = uow.feedback.get("fb-1")
    assert stored is not None
    assert stored.due_on == date(2026, 12, 1) and not stored.late
    assert stored.received_at == services.clock.now() and stored.sent_at is not None
    no_time = ("fb-2", {**data, "id": "fb-2", "decided_at": "yesterday"})
    assert _pull(services, Feed.SUPERVISION_FEEDBACK, [no_time], "2") == 0
    assert _audit(services, "sync.skip")[-1].target == "supervision_feedback/fb-2"


# ------------------------------------------------------------------ users
def _user_item(services: Services, username: str, role: str, department: str = "", **extra: Any) -> Any:
    data = {
        "username": username,
        "role": role,
        "department": department,
        "display_name": f"{username} 的名字",
        "active": True,
        "password_hash": services.hasher.hash("Central123"),
        **extra,
    }
    return username, data


def test_pulled_users_can_log_in_and_the_platform_wins_for_them(services: Services) -> None:
    users.add_user(services, ADMIN, "li", Role.CLERK, "Local1234")
    items = [
        _user_item(services, "zhao", "reviewer", "行政审批服务管理局"),
        _user_item(services, "li", "hall_admin"),
        _user_item(services, "ghost", "superuser"),
        _user_item(services, "sun", "reviewer"),  # a reviewer needs a department
        _user_item(services, "system", "admin"),
    ]
    assert _pull(services, Feed.USERS, items, "1") == 2
    zhao = users.login(services, "zhao", "Central123")
    assert (zhao.role, zhao.department, zhao.must_change_password) == (
        Role.REVIEWER,
        "行政审批服务管理局",
        False,
    )
    li = users.login(services, "li", "Central123")
    assert li.role is Role.HALL_ADMIN
    with services.uow() as uow:
        assert uow.users.source("li") == "central" and uow.users.source("zhao") == "central"
        assert uow.users.get("ghost") is None and uow.users.get("sun") is None
    skipped = [s.target for s in _audit(services, "sync.skip")]
    assert skipped == ["users/ghost", "users/sun", "users/system"]
    assert "superuser" in _audit(services, "sync.skip")[0].result
    # the same again changes nothing; deactivation arrives
    assert _pull(services, Feed.USERS, items[:2], "2") == 0
    gone = (items[0][0], {**items[0][1], "active": False})
    assert _pull(services, Feed.USERS, [gone], "3") == 1
    with pytest.raises(users.LoginFailed):
        users.login(services, "zhao", "Central123")


def test_demo_accounts_and_demo_databases_are_never_touched(services: Services) -> None:
    with services.uow() as uow:  # demo accounts exist only in a demo database
        uow.settings.put("demo", "1")
        uow.commit()
    users.add_user(services, SYSTEM_ACTOR, "demo_clerk", Role.CLERK, "demo", demo=True)
    assert _pull(services, Feed.USERS, [_user_item(services, "demo_clerk", "admin")], "1") == 0
    with services.uow() as uow:
        assert uow.users.get("demo_clerk").role is Role.CLERK  # type: ignore[union-attr]
    assert _pull(services, Feed.USERS, [_user_item(services, "wu", "clerk")], "2") == 0
    with services.uow() as uow:
        assert uow.users.get("wu") is None


# ------------------------------------------------------------------ online applications
def _online_item(online_id: str) -> tuple[str, dict[str, Any]]:
    data = {
        "id": online_id,
        "submitted_at": "2026-11-25T20:30:00+08:00",
        "enterprise": {"uscc": enterprise().uscc, "name": enterprise().name},
        "matters": ["SCJG-01"],
        "industries": [],
        "scope": "预包装食品销售",
        "materials": ["营业执照"],
        "contact": "13800000000",
    }
    return online_id, data


def test_pulled_online_applications_wait_in_the_intake_list(services: Services) -> None:
    assert _pull(services, Feed.ONLINE_APPLICATIONS, [_online_item("W1"), _online_item("W2")], "2") == 2
    assert _pull(services, Feed.ONLINE_APPLICATIONS, [_online_item("W1")], "2") == 0
    waiting = online.pending(services)
    assert [w.id for w in waiting] == ["W1", "W2"]
    assert waiting[0].enterprise_name == enterprise().name and waiting[0].matters == ["SCJG-01"]
    assert waiting[0].data["scope"] == "预包装食品销售"


# ------------------------------------------------------------------ atomicity
def test_a_page_that_fails_part_way_leaves_nothing_behind(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    number, qr = _issued_licence(services)
    assert _pull(services, Feed.STATUS_LIST, [], "10") == 0
    audits = len(_audit(services, "sync.pull"))
    real = inbox.APPLIERS["status_list"]

    def failing(page: Any, key: str, data: Any) -> bool:
        if key == "BOOM":
            raise RuntimeError("disk full")
        return real(page, key, data)

    monkeypatch.setitem(inbox.APPLIERS, "status_list", failing)
    items = [_status_item(number, "07", LATER), ("BOOM", {}), _status_item("HZ77", "04", LATER)]
    with pytest.raises(RuntimeError, match="disk full"):
        _pull(services, Feed.STATUS_LIST, items, "13")
    assert _cursor(services, Feed.STATUS_LIST) == "10"  # the cursor did not move
    assert verify(services, CLERK, qr).result is VerifyResult.VALID  # the first item is undone
    assert issuing.licence(services, number).status is PermitStatus.VALID
    with services.uow() as uow:
        assert uow.status_list.get("HZ77") is None
    assert len(_audit(services, "sync.pull")) == audits

    # the same page once the trouble is gone applies whole
    monkeypatch.setitem(inbox.APPLIERS, "status_list", real)
    assert _pull(services, Feed.STATUS_LIST, [items[0], items[2]], "13") == 2
    assert _cursor(services, Feed.STATUS_LIST) == "13"
    assert verify(services, CLERK, qr).result is VerifyResult.REVOKED


def test_an_unknown_feed_is_refused(services: Services) -> None:
    with pytest.raises(DomainError, match="未知"):
        inbox.apply_page(services, "weather", [], "1", services.clock.now())
