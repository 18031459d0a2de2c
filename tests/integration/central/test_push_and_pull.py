"""Push idempotency (201/200/409 per event) and pull with cursors, paging and hall filtering."""

from __future__ import annotations

from sync.protocol import MAX_BATCH, MAX_PAGE
from tests.integration.central.helpers import Counter, concurrent_duplicates, enrol, event
from tests.support.central import CentralHandle


def test_same_id_same_content_is_a_no_op(central: CentralHandle, counter: Counter) -> None:
    first = event("Noted", {"n": 1})
    assert counter.push(first) == [{"id": first["id"], "status": 201, "detail": ""}]
    again = counter.push(first)
    assert again[0]["status"] == 200
    assert central.stats()["events"] == 1


def test_sent_at_is_not_compared(central: CentralHandle, counter: Counter) -> None:
    first = event("Noted", {"n": 1}, sent_at="2026-11-26T10:05:00+08:00")
    counter.push(first)
    resent = {**first, "sent_at": "2026-11-27T09:00:00+08:00", "created_at": "2026-11-27T09:00:00+08:00"}
    assert counter.push(resent)[0]["status"] == 200


def test_a_conflict_is_refused_and_never_blocks_the_rest(central: CentralHandle, counter: Counter) -> None:
    stored = event("Noted", {"n": 1})
    counter.push(stored)
    changed_payload = {**stored, "payload": '{"n":2}'}
    changed_kind = {**stored, "kind": "Other"}
    before, after = event("Noted", {"n": 3}), event("Noted", {"n": 4})
    results = counter.push(before, changed_payload, after, changed_kind)
    assert [r["id"] for r in results] == [before["id"], stored["id"], after["id"], stored["id"]]
    assert [r["status"] for r in results] == [201, 409, 201, 409]
    assert results[1]["detail"]
    assert central.stats()["events"] == 3


def test_a_duplicate_within_one_batch(counter: Counter) -> None:
    one = event("Noted", {"n": 1})
    other = {**one, "payload": '{"n":9}'}
    assert [r["status"] for r in counter.push(one, one, other)] == [201, 200, 409]


def test_any_payload_text_is_stored_as_is(central: CentralHandle, counter: Counter) -> None:
    odd = [event("LicenceIssued", "not json"), event("LicenceIssued", "[1, 2]"), event("LicenceIssued", "")]
    assert [r["status"] for r in counter.push(*odd)] == [201, 201, 201]
    assert central.stats() == {"events": 3, "devices": 1, "licences": 0}


def test_malformed_pushes_are_422(counter: Counter) -> None:
    def status(body: object) -> int:
        return counter.http.post("/api/v1/events", json=body).status_code

    assert status({"events": [{**event("Noted", {}), "sent_at": "yesterday"}]}) == 422
    assert status({"events": [{**event("Noted", {}), "created_at": "2026-11-26T10:00:00"}]}) == 422
    assert status({"events": [{**event("Noted", {}), "extra": 1}]}) == 422
    assert status({"events": [event("Noted", {"n": i}) for i in range(MAX_BATCH + 1)]}) == 422
    assert status({"events": [{**event("Noted", {}), "id": ""}]}) == 422
    assert status([]) == 422


def test_a_full_batch_is_accepted(central: CentralHandle, counter: Counter) -> None:
    results = counter.push(*[event("Noted", {"n": i}) for i in range(MAX_BATCH)])
    assert {r["status"] for r in results} == {201}
    assert central.stats()["events"] == MAX_BATCH


def _publish_years(central: CentralHandle, years: range) -> None:
    for year in years:
        text = f"date,kind,note\n{year}-10-01,休息,国庆节\n"
        response = central.admin_post("/api/v1/admin/calendars", {"year": year, "text": text})
        assert response.status_code == 200, response.text


def test_pull_pages_with_cursor_and_more(central: CentralHandle, counter: Counter) -> None:
    _publish_years(central, range(2021, 2026))
    first = counter.pull("calendar", limit=2)
    assert [i["key"] for i in first["items"]] == ["2021", "2022"] and first["more"] is True
    second = counter.pull("calendar", first["cursor"], limit=2)
    assert [i["key"] for i in second["items"]] == ["2023", "2024"] and second["more"] is True
    third = counter.pull("calendar", second["cursor"], limit=2)
    assert [i["key"] for i in third["items"]] == ["2025"] and third["more"] is False
    assert third["items"][0]["data"] == {"year": 2025, "text": "date,kind,note\n2025-10-01,休息,国庆节\n"}
    # Nothing new: the same cursor comes back, and a page applied twice is the same page.
    empty = counter.pull("calendar", third["cursor"])
    assert empty == {"feed": "calendar", "items": [], "cursor": third["cursor"], "more": False}
    assert counter.pull("calendar", second["cursor"], limit=2) == third
    _publish_years(central, range(2026, 2027))
    assert [i["key"] for i in counter.pull("calendar", third["cursor"])["items"]] == ["2026"]


def test_an_empty_feed_keeps_the_empty_cursor(counter: Counter) -> None:
    assert counter.pull("trust_list") == {"feed": "trust_list", "items": [], "cursor": "", "more": False}


def test_republishing_a_key_supersedes_the_old_item(central: CentralHandle, counter: Counter) -> None:
    _publish_years(central, range(2026, 2027))
    cursor = counter.pull("calendar")["cursor"]
    text = "date,kind,note\n2026-10-01,休息,国庆节\n2026-10-10,上班,调休上班\n"
    assert central.admin_post("/api/v1/admin/calendars", {"year": 2026, "text": text}).status_code == 200
    page = counter.pull("calendar", cursor)
    assert [i["data"]["text"] for i in page["items"]] == [text]
    assert [i["data"]["text"] for i in counter.pull_all("calendar")] == [text]


def test_limit_is_capped_and_bad_queries_are_422(central: CentralHandle, counter: Counter) -> None:
    for n in range(3):
        central.admin_post("/api/v1/admin/trust-list", {"key_id": f"k{n}"})
    page = counter.pull("trust_list", limit=10**6)
    assert len(page["items"]) == 3 and not page["more"]
    assert MAX_PAGE == 500
    assert counter.http.get("/api/v1/feeds/trust_list", params={"after": "abc"}).status_code == 422
    assert counter.http.get("/api/v1/feeds/trust_list", params={"after": "-1"}).status_code == 422
    assert counter.http.get("/api/v1/feeds/trust_list", params={"limit": 0}).status_code == 422
    assert counter.http.get("/api/v1/feeds/nonsense").status_code == 422


def test_users_go_to_their_own_hall_only(central: CentralHandle) -> None:
    for hall, username in (("A", "clerk_a"), ("B", "clerk_b"), ("", "auditor_all")):
        user = {
            "hall": hall,
            "username": username,
            "role": "clerk" if hall else "auditor",
            "department": "",
            "display_name": "张三",
            "active": True,
            "password": "correct horse battery",
        }
        response = central.admin_post("/api/v1/admin/users", user)
        assert response.status_code == 200, response.text
    with enrol(central, "A窗口", "A") as hall_a, enrol(central, "B窗口", "B") as hall_b:
        users_a = hall_a.pull_all("users")
        users_b = hall_b.pull_all("users")
    assert [u["key"] for u in users_a] == ["clerk_a", "auditor_all"]
    assert [u["key"] for u in users_b] == ["clerk_b", "auditor_all"]
    data = users_a[0]["data"]
    assert data["password_hash"].startswith("$argon2id$")
    assert "correct horse" not in str(users_a)
    assert set(data) == {"username", "role", "department", "display_name", "active", "password_hash"}


def test_a_user_with_an_unknown_role_is_422(central: CentralHandle) -> None:
    user = {"hall": "A", "username": "x", "role": "system", "password": "long enough pw"}
    response = central.admin_post("/api/v1/admin/users", user)
    assert response.status_code == 422
    assert "角色" in response.json()["detail"]


def test_concurrent_duplicate_pushes_on_sqlite(central: CentralHandle) -> None:
    concurrent_duplicates(central)
