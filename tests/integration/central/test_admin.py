"""Admin endpoints: authentication, catalog and calendar publication, and the CLI functions."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from sync.central import admin
from sync.central.app import create_app
from sync.central.storage import SchemaTooNew
from tests.integration.central.helpers import USCC, Counter, bundled_matters_table
from tests.support.central import CentralHandle

ADMIN_POSTS = {
    "/api/v1/admin/enrol-codes": {},
    "/api/v1/admin/catalog-versions": {"label": "x", "table": [["序号"]]},
    "/api/v1/admin/calendars": {"year": 2026, "text": "date,kind,note\n2026-10-01,休息,国庆节\n"},
    "/api/v1/admin/trust-list": {"key_id": "k1"},
    "/api/v1/admin/status-list": {"number": "N", "kind": "licence", "status": "02", "reason": "r"},
    "/api/v1/admin/users": {"username": "u", "role": "clerk", "password": "long enough pw"},
    "/api/v1/admin/linkage-officers": {"department": "县市场监督管理局", "name": "张三"},
    "/api/v1/admin/devices/x/revoke": {},
    "/api/v1/online-applications": {"hall": "A", "enterprise": {"uscc": "91310110666007217T", "name": "n"}},
}


@pytest.mark.parametrize("path", sorted(ADMIN_POSTS))
def test_admin_endpoints_refuse_without_or_with_a_wrong_token(
    central: CentralHandle, counter: Counter, path: str
) -> None:
    body = ADMIN_POSTS[path]
    with central.client() as anonymous:
        assert anonymous.post(path, json=body).status_code == 401
        assert anonymous.post(path, json=body, headers={"Authorization": "Basic abc"}).status_code == 401
    with central.client("wrong-token") as wrong:
        assert wrong.post(path, json=body).status_code == 403
    # A counter's device token is no admin token.
    assert counter.http.post(path, json=body).status_code == 403
    assert central.stats()["events"] == 0


def test_admin_gets_refuse_without_token(central: CentralHandle) -> None:
    with central.client() as anonymous:
        assert anonymous.get("/api/v1/admin/devices").status_code == 401
        assert anonymous.get("/api/v1/admin/stats").status_code == 401
    assert central.admin_get("/api/v1/admin/stats").json() == {"events": 0, "devices": 0, "licences": 0}


def test_the_bundled_catalog_is_published_on_the_catalog_feed(
    central: CentralHandle, counter: Counter
) -> None:
    table = bundled_matters_table()
    body = {"label": "2026.12", "source": "晋中市清单", "note": "", "table": table}
    response = central.admin_post("/api/v1/admin/catalog-versions", body)
    assert response.status_code == 200, response.text
    assert response.json()["key"] == "2026.12"
    (item,) = counter.pull_all("catalog")
    assert item["key"] == "2026.12"
    data = item["data"]
    assert data["table"] == table
    assert data["label"] == "2026.12" and data["source"] == "晋中市清单"
    assert data["published_at"] and str(len(table) - 1) in data["note"]
    # A version label is published once.
    again = central.admin_post("/api/v1/admin/catalog-versions", body)
    assert again.status_code == 409


def test_a_bad_catalog_table_is_422_naming_the_rows_and_publishes_nothing(
    central: CentralHandle, counter: Counter
) -> None:
    table = bundled_matters_table()
    header = table[0]
    bad = [list(row) for row in table]
    bad[2][header.index("改革方式")] = "随便改改"
    bad[3][header.index("事项名称")] = ""
    response = central.admin_post("/api/v1/admin/catalog-versions", {"label": "bad", "table": bad})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "2 处错误" in detail and "第3行" in detail and "第4行" in detail and "事项名称" in detail
    assert [e["row"] for e in response.json()["errors"]] == [3, 4]
    missing_column = [[c for c in header if c != "改革方式"], *table[1:]]
    response = central.admin_post(
        "/api/v1/admin/catalog-versions", {"label": "bad2", "table": missing_column}
    )
    assert response.status_code == 422 and "改革方式" in response.json()["detail"]
    for empty in ([], [header]):
        response = central.admin_post("/api/v1/admin/catalog-versions", {"label": "bad3", "table": empty})
        assert response.status_code == 422, empty
    assert counter.pull("catalog")["items"] == []


def test_calendar_publication_is_validated(central: CentralHandle, counter: Counter) -> None:
    def post(year: int, body: str) -> tuple[int, str]:
        response = central.admin_post("/api/v1/admin/calendars", {"year": year, "text": body})
        return response.status_code, str(response.json().get("detail", ""))

    assert post(2026, "date,kind,note\n2026-13-01,休息,x\n") == (
        422,
        "工作日历有 1 处错误，未发布：第2行：日期“2026-13-01”无效，应为YYYY-MM-DD，如2026-10-01",
    )
    status, detail = post(2027, "date,kind,note\n2026-10-01,休息,国庆节\n")
    assert status == 422 and "2027" in detail
    assert post(2026, "date,kind,note\n")[0] == 422
    assert counter.pull("calendar")["items"] == []
    assert post(2026, "日期,类型,说明\n2026-10-01,休息,国庆节\n2026-10-10,上班,调休\n")[0] == 200
    assert [i["key"] for i in counter.pull_all("calendar")] == ["2026"]


def test_trust_list_and_status_list(central: CentralHandle, counter: Counter) -> None:
    key = {
        "key_id": "k1",
        "public_key_pem": "-----BEGIN PUBLIC KEY-----",
        "authority": "局",
        "station": "1号",
    }
    assert central.admin_post("/api/v1/admin/trust-list", key).status_code == 200
    (item,) = counter.pull_all("trust_list")
    assert item["data"] == {**key, "status": "active", "reason": ""}
    unknown = {"number": "NOPE", "kind": "licence", "status": "02", "reason": "整改"}
    response = central.admin_post("/api/v1/admin/status-list", unknown)
    assert response.status_code == 404 and "未查到" in response.json()["detail"]
    other = {"number": "NOPE", "kind": "permit", "status": "99", "reason": " "}
    assert central.admin_post("/api/v1/admin/status-list", other).status_code == 422
    assert counter.pull("status_list")["items"] == []


def test_linkage_officer_tokens(central: CentralHandle) -> None:
    response = central.admin_post(
        "/api/v1/admin/linkage-officers", {"department": "县卫健局", "name": "李四"}
    )
    token = response.json()["token"]
    with central.client(token) as officer:
        feed = officer.get("/api/v1/linkage/feed").json()
    assert feed == {"department": "县卫健局", "items": []}
    with central.client(central.admin_token) as not_officer:
        assert not_officer.get("/api/v1/linkage/feed").status_code == 403
    with central.client() as anonymous:
        assert anonymous.get("/api/v1/linkage/feed").status_code == 401


# ---------------------------------------------------------------- the functions the CLI calls
def test_cli_functions(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    assert len(admin.create_enrol_code(url)) == 14
    assert admin.create_admin_token(url) != admin.create_admin_token(url)
    assert admin.create_linkage_officer(url, " 县市场监督管理局 ", "张三")
    table = bundled_matters_table()
    published = admin.publish_catalog(url, "v1", "src", "说明", table)
    assert published["table"] == table and published["note"] == "说明"
    assert admin.publish_calendar(url, 2026, "date,kind,note\n2026-10-01,休息,国庆节\n")["year"] == 2026
    assert admin.stats(url) == {"events": 0, "devices": 0, "licences": 0}
    with pytest.raises(admin.CentralError, match="已发布"):
        admin.publish_catalog(url, "v1", "src", "", table)
    with pytest.raises(admin.CentralError, match="第2行"):
        admin.publish_catalog(url, "v2", "src", "", [table[0], ["1", "", "", "", "", "", "", "", ""]])
    with pytest.raises(admin.CentralError, match="第2行"):
        admin.publish_calendar(url, 2026, "date,kind,note\n2026-10-01,maybe,x\n")
    with pytest.raises(admin.CentralError, match="未找到设备"):
        admin.revoke_device(url, "nope")
    with pytest.raises(admin.CentralError):
        admin.create_linkage_officer(url, " ", "张三")
    with pytest.raises(admin.CentralError, match="HTTPS"):
        admin.serve(url, certfile="cert.pem")


def test_central_db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ONEWINDOW_CENTRAL_DB", raising=False)
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    assert admin.central_db_url() == f"sqlite:///{tmp_path / 'data' / 'central.sqlite3'}"
    assert (tmp_path / "data").is_dir()
    monkeypatch.setenv("ONEWINDOW_CENTRAL_DB", "postgresql://u@h/db")
    assert admin.central_db_url() == "postgresql://u@h/db"
    assert admin.central_db_url("sqlite:///x.sqlite3") == "sqlite:///x.sqlite3"
    monkeypatch.delenv("ONEWINDOW_CENTRAL_DB")
    monkeypatch.delenv("ONEWINDOW_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert admin.central_db_url().endswith("/central.sqlite3")


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    admin.stats(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = '2' WHERE key = 'schema_version'"))
    engine.dispose()
    with pytest.raises(SchemaTooNew, match="高于"):
        create_app(url)
    with pytest.raises(admin.CentralError, match="高于"):
        admin.stats(url)


def test_serve_runs_the_platform_and_logs_route_templates(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    port = _free_port()
    code = "import sys; from sync.central.admin import serve; serve(sys.argv[1], port=int(sys.argv[2]))"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, "-c", code, url, str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/v/X-{USCC}")
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.1)
        assert response.status_code == 404 and "未查到该证照" in response.text
    finally:
        server.send_signal(signal.SIGINT)
        _out, err = server.communicate(timeout=30)
    assert "GET /v/{licence_number} 404" in err
    assert USCC not in err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
