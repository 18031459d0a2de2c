"""What the platform learns from pushed events: licences, status, trust list, 审管联动 feeds."""

from __future__ import annotations

import httpx

from sync.central.admin import create_linkage_officer
from tests.integration.central.helpers import LICENCE, SENT_AT, USCC, Counter, event, licence_issued
from tests.support.central import CentralHandle


def _officer(central: CentralHandle, department: str) -> httpx.Client:
    return central.client(create_linkage_officer(central.db_url, department, "联动专员"))


def test_licence_issued_creates_the_licence_and_its_permits(central: CentralHandle, counter: Counter) -> None:
    counter.push(event("LicenceIssued", licence_issued()))
    assert central.stats() == {"events": 1, "devices": 1, "licences": 1}
    with central.client() as public:
        page = public.get(f"/v/{LICENCE}").text
    for expected in (LICENCE, USCC, "便民超市", "食品经营许可", f"{LICENCE}-02", "2031-11-25", "有效"):
        assert expected in page


def test_a_sparse_licence_event_is_tolerated(central: CentralHandle, counter: Counter) -> None:
    sparse = {"licence": "L-2", "permits": [{"number": "P-1"}, "junk", {"matter": "no number"}], "uscc": 5}
    results = counter.push(event("LicenceIssued", sparse), event("LicenceIssued", {"uscc": USCC}))
    assert [r["status"] for r in results] == [201, 201]
    assert central.stats()["licences"] == 1
    with central.client() as public:
        assert public.get("/v/L-2").status_code == 200


def test_a_duplicate_push_changes_nothing(central: CentralHandle, counter: Counter) -> None:
    issued = event("LicenceIssued", licence_issued())
    counter.push(issued)
    change = {"number": LICENCE, "kind": "licence", "status": "02", "reason": "停业整顿"}
    assert central.admin_post("/api/v1/admin/status-list", change).status_code == 200
    assert counter.push(issued)[0]["status"] == 200  # would reset the status to 01 if re-learned
    with central.client() as public:
        assert "暂扣" in public.get(f"/v/{LICENCE}").text
    with _officer(central, "县市场监督管理局") as officer:
        assert len(officer.get("/api/v1/linkage/feed").json()["items"]) == 1


def test_status_changes_from_events_and_admin_reach_the_status_list(
    central: CentralHandle, counter: Counter
) -> None:
    counter.push(event("LicenceIssued", licence_issued()))
    changed = {"number": f"{LICENCE}-01", "kind": "permit", "status": "07", "reason": "违法经营，依法吊销"}
    counter.push(event("LicenceStatusChanged", changed))
    admin_change = {"number": LICENCE, "kind": "licence", "status": "99", "reason": "核查中"}
    response = central.admin_post("/api/v1/admin/status-list", admin_change)
    assert response.status_code == 200, response.text
    items = counter.pull_all("status_list")
    assert [i["key"] for i in items] == [f"{LICENCE}-01", LICENCE]
    assert items[0]["data"]["status"] == "07" and items[0]["data"]["kind"] == "permit"
    assert items[1]["data"]["reason"] == "核查中" and items[1]["data"]["updated_at"]
    with central.client() as public:
        page = public.get(f"/v/{LICENCE}").text
    assert "吊销" in page and "违法经营，依法吊销" in page and "其他" in page and "核查中" in page
    # A status event for something never pushed, or with a bad code, publishes nothing.
    counter.push(event("LicenceStatusChanged", {"number": "X", "kind": "licence", "status": "02"}))
    counter.push(event("LicenceStatusChanged", {"number": LICENCE, "kind": "licence", "status": "42"}))
    assert len(counter.pull_all("status_list")) == 2


def test_reissue_moves_permits_to_the_new_licence(central: CentralHandle, counter: Counter) -> None:
    counter.push(event("LicenceIssued", licence_issued()))
    counter.push(event("LicenceReissued", {"previous": LICENCE, "licence": "SX-NEW-1", "reason": "遗失补发"}))
    with central.client() as public:
        new = public.get("/v/SX-NEW-1").text
        old = public.get(f"/v/{LICENCE}").text
    assert "食品经营许可" in new and "便民超市" in new
    assert "其他" in old and "作废：遗失补发（新证 SX-NEW-1）" in old
    assert central.stats()["licences"] == 2


def test_station_keys_reach_the_trust_list(central: CentralHandle, counter: Counter) -> None:
    registered = {"key_id": "k-7", "public_key_pem": "PEM", "authority": "审批局", "station": "制证1"}
    # In one batch: handled in the batch's order.
    counter.push(
        event("StationKeyRegistered", registered),
        event("StationKeyRevoked", {"key_id": "k-7", "reason": "设备遗失"}),
    )
    counter.push(event("StationKeyRevoked", {"key_id": "k-unknown", "reason": "x"}))
    items = counter.pull_all("trust_list")
    assert [i["key"] for i in items] == ["k-7", "k-unknown"]
    assert items[0]["data"] == {**registered, "status": "revoked", "reason": "设备遗失"}


def test_decisions_go_to_the_competent_departments_feed(central: CentralHandle, counter: Counter) -> None:
    granted = {"application": "APP-1", "matter": "WS-01", "uscc": USCC, "competent_department": "县卫健局"}
    denied = {**granted, "matter": "WS-02"}
    early, late = "2026-11-26T09:00:00+08:00", "2026-11-26T11:30:00+08:00"
    counter.push(
        event("PermitGranted", granted, sent_at=early),
        event("PermitDenied", denied, sent_at=late),
        event("LicenceIssued", licence_issued()),
        event("PermitGranted", {"matter": "no department"}),
        event("ApplicationAccepted", {"competent_department": "县卫健局"}),  # not a decision
    )
    with _officer(central, "县卫健局") as health:
        items = health.get("/api/v1/linkage/feed").json()["items"]
    assert [i["kind"] for i in items] == ["PermitDenied", "PermitGranted"]  # newest first
    assert [i["pushed_at"] for i in items] == [late, early]
    assert items[0]["summary"] == denied and "pushed_at" not in items[0]["summary"]
    assert items[0]["received_at"]
    with _officer(central, "县烟草专卖局") as tobacco:
        (issued,) = tobacco.get("/api/v1/linkage/feed").json()["items"]
    assert issued["kind"] == "LicenceIssued" and issued["pushed_at"] == SENT_AT
    with _officer(central, "县市场监督管理局") as market:
        assert len(market.get("/api/v1/linkage/feed").json()["items"]) == 1


def test_supervision_feedback_reaches_the_counters(central: CentralHandle, counter: Counter) -> None:
    feedback = {
        "licence": LICENCE,
        "permit": f"{LICENCE}-01",
        "uscc": USCC,
        "matter": "SCJG-01",
        "approving_department": "县行政审批服务管理局",
        "measure": "责令整改",
        "text": "现场核查发现与承诺不符",
        "decided_at": "2026-11-27",
    }
    with _officer(central, "县市场监督管理局") as officer:
        response = officer.post("/api/v1/linkage/feedback", json=feedback)
        assert response.status_code == 200, response.text
        bad = officer.post("/api/v1/linkage/feedback", json={**feedback, "decided_at": "tomorrow"})
        assert bad.status_code == 422
    (item,) = counter.pull_all("supervision_feedback")
    assert item["key"] == response.json()["id"]
    assert item["data"] == {
        **feedback,
        "id": item["key"],
        "supervising_department": "县市场监督管理局",
        "sent_at": item["data"]["sent_at"],
    }
    assert item["data"]["sent_at"].endswith("+00:00")


def test_a_renewed_permit_joins_its_licence_and_the_reissued_licence_shows_it(
    central: CentralHandle, counter: Counter
) -> None:
    counter.push(event("LicenceIssued", licence_issued()))
    food = f"{LICENCE}-01"
    counter.push(
        event(
            "LicenceStatusChanged", {"number": food, "kind": "permit", "status": "99", "reason": "延续换发"}
        ),
        event(
            "PermitReplaced",
            {"previous": food, "number": "SCJG-01-2026-R1", "kind": "renew", "valid_until": "2036-11-25"},
        ),
    )
    with central.client() as public:
        before = public.get(f"/v/{LICENCE}").text
    assert "SCJG-01-2026-R1" in before and "2036-11-25" in before  # on its licence at once
    reissued = {
        "previous": LICENCE,
        "licence": "SX-NEW-2",
        "reason": "许可证延续，换发新证",
        "name": "晋中市榆次区新名便民超市有限公司",
        "permits": [
            {
                "number": "SCJG-01-2026-R1",
                "matter": "SCJG-01",
                "matter_name": "食品经营许可",
                "status": "01",
                "valid_until": "2036-11-25",
            },
            {
                "number": f"{LICENCE}-02",
                "matter": "YC-01",
                "matter_name": "烟草专卖零售许可",
                "status": "01",
                "valid_until": "2031-11-25",
            },
        ],
    }
    counter.push(event("LicenceReissued", reissued))
    with central.client() as public:
        new = public.get("/v/SX-NEW-2").text
    assert "新名便民超市" in new and "SCJG-01-2026-R1" in new and "2036-11-25" in new
    assert food not in new  # the superseded permit stays with the voided licence
