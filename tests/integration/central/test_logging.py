"""The access log names the route template, never a token or personal data."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from sync.central.admin import create_linkage_officer
from tests.integration.central.helpers import LICENCE, USCC, enrol, event, licence_issued
from tests.support.central import CentralHandle, running_central

ID_NUMBER = "11010519491231002X"
NAME = "晋中市榆次区便民超市有限公司"


def test_no_tokens_or_personal_data_in_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)  # everything at INFO,
    caplog.set_level(logging.INFO, logger="sqlalchemy")  # SQLAlchemy's statement log included
    with running_central(tmp_path) as central:
        _exercise(central)
    _check(caplog, central)


def _exercise(central: CentralHandle) -> None:
    code = central.enrol_code()
    officer = create_linkage_officer(central.db_url, "县市场监督管理局", "张三")
    with enrol(central, "受理窗口1", "A") as counter:
        payload = {
            **licence_issued(name=NAME),
            "legal_representative_id": ID_NUMBER,
            "competent_department": "县市场监督管理局",
        }
        counter.push(event("LicenceIssued", payload))
        counter.http.get("/api/v1/feeds/users", params={"after": "", "limit": 5})
        counter.http.post("/api/v1/events", json={"events": [{"id": USCC}]})  # a 422 that echoes input
    with central.client() as public:
        public.get(f"/v/{LICENCE}")
        public.get(f"/yzx/{USCC}")
        public.get(f"/no/such/{USCC}")
        public.post("/api/v1/enrol", json={"code": code, "device_name": NAME})
    with central.client(officer) as linkage:
        linkage.get("/api/v1/linkage/feed")
    application = {
        "hall": "A",
        "enterprise": {"uscc": USCC, "name": NAME, "legal_representative_id": ID_NUMBER},
    }
    central.admin_post("/api/v1/online-applications", application)
    _tokens.extend([counter.token, central.admin_token, officer, code])


_tokens: list[str] = []


def _check(caplog: pytest.LogCaptureFixture, central: CentralHandle) -> None:
    records = [r for r in caplog.records if r.name == "onewindow.central"]
    lines = [r.getMessage() for r in records]
    assert "GET /v/{licence_number} 200" in "\n".join(lines)
    assert "GET /yzx/{uscc} 200" in "\n".join(lines)
    assert "POST /api/v1/events 201" not in "\n".join(lines)  # the HTTP status is 200
    assert any(line.startswith("POST /api/v1/events 200 ") for line in lines)
    assert any(line.startswith("GET /api/v1/feeds/{feed} 200 ") for line in lines)
    assert any(line.startswith("GET (no route) 404 ") for line in lines)
    assert all(r.levelno == logging.INFO for r in records)
    server_side = [
        r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))
    ]  # not the client
    assert any(r.name.startswith("sqlalchemy") for r in server_side)
    everything = "\n".join(f"{r.getMessage()} {r.args}" for r in server_side)
    assert len(_tokens) == 4
    for secret in (*_tokens, USCC, NAME, ID_NUMBER, LICENCE, "张三"):
        assert secret not in everything
