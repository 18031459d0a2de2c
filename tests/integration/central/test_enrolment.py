"""Enrolment: one-time codes, device tokens stored hashed, revoked devices refused."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from sync.central.admin import create_linkage_officer, revoke_device
from tests.integration.central.helpers import USCC, Counter, enrol, event, licence_issued
from tests.support.central import CentralHandle


def test_a_code_enrols_one_device_only(central: CentralHandle) -> None:
    code = central.enrol_code()
    with central.client() as http:
        first = http.post("/api/v1/enrol", json={"code": code, "device_name": "窗口1", "hall": "A"})
        again = http.post("/api/v1/enrol", json={"code": code, "device_name": "窗口2", "hall": "A"})
        unknown = http.post("/api/v1/enrol", json={"code": "AAAA-BBBB-CCCC", "device_name": "窗口3"})
    assert first.status_code == 200
    body = first.json()
    assert body["hall"] == "A" and body["protocol"] == 1 and len(body["token"]) >= 32
    assert again.status_code == 403
    assert "注册码" in again.json()["detail"]
    assert unknown.status_code == 403
    assert central.stats()["devices"] == 1


def test_a_code_is_accepted_however_it_is_typed(central: CentralHandle) -> None:
    code = central.enrol_code()
    typed = " " + code.lower().replace("-", " ") + " "
    with central.client() as http:
        response = http.post("/api/v1/enrol", json={"code": typed, "device_name": "窗口1"})
    assert response.status_code == 200, response.text


def test_the_device_token_authenticates_push_and_pull(counter: Counter) -> None:
    assert counter.push(event("Noted", {"a": 1}))[0]["status"] == 201
    assert counter.pull("catalog")["items"] == []


def test_missing_or_wrong_device_token_is_401(central: CentralHandle) -> None:
    batch = {"events": [event("Noted", {"a": 1})]}
    with central.client() as http:
        assert http.post("/api/v1/events", json=batch).status_code == 401
        assert http.get("/api/v1/feeds/catalog").status_code == 401
    with central.client("not-a-token") as http:
        assert http.post("/api/v1/events", json=batch).status_code == 401
        assert http.get("/api/v1/feeds/users").status_code == 401
    # The admin token is not a device token.
    with central.client(central.admin_token) as http:
        assert http.get("/api/v1/feeds/users").status_code == 401


def test_a_revoked_device_gets_401_on_push_and_pull(central: CentralHandle) -> None:
    with enrol(central, "窗口1", "A") as kept, enrol(central, "窗口2", "A") as revoked:
        response = central.admin_post(f"/api/v1/admin/devices/{revoked.device_id}/revoke", {})
        assert response.status_code == 200
        assert response.json()["revoked_at"]
        assert revoked.http.post("/api/v1/events", json={"events": [event("Noted", {})]}).status_code == 401
        assert revoked.http.get("/api/v1/feeds/catalog").status_code == 401
        assert kept.push(event("Noted", {}))[0]["status"] == 201
    listed = central.admin_get("/api/v1/admin/devices").json()["devices"]
    states = {d["name"]: d["revoked_at"] for d in listed}
    assert states["窗口1"] is None and states["窗口2"]
    assert central.admin_post("/api/v1/admin/devices/nope/revoke", {}).status_code == 404


def test_revoke_device_from_the_command_line(central: CentralHandle) -> None:
    with enrol(central, "窗口1", "A") as device:
        revoke_device(central.db_url, device.device_id)
        assert device.http.get("/api/v1/feeds/catalog").status_code == 401


def test_tokens_and_codes_are_stored_only_as_hashes(central: CentralHandle) -> None:
    unused_code = central.enrol_code()
    officer = create_linkage_officer(central.db_url, "县市场监督管理局", "张三")
    with enrol(central, "窗口1", "A") as device:
        device.push(event("LicenceIssued", licence_issued()))
        secrets = [device.token, central.admin_token, officer, unused_code, unused_code.replace("-", "")]
    engine = create_engine(central.db_url)
    try:
        with engine.connect() as conn:
            dump: list[str] = []
            for table in inspect(conn).get_table_names():
                for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                    dump.extend(str(value) for value in row)
            device_hashes = conn.execute(text("SELECT token_sha256 FROM devices")).scalars().all()
    finally:
        engine.dispose()
    everything = "\n".join(dump)
    assert USCC in everything  # the dump really holds the data
    for secret in secrets:
        assert secret not in everything
    assert all(len(h) == 64 for h in device_hashes)
