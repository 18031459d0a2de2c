"""The test harness itself: a real server in a thread answers and stops cleanly."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.central import running_central


def test_running_central_answers_and_counts(tmp_path: Path) -> None:
    with running_central(tmp_path) as central:
        assert central.base_url.startswith("http://127.0.0.1:")
        info = httpx.get(f"{central.base_url}/api/v1/info").json()
        assert info["protocol"] == 1
        code = central.enrol_code()
        enrolled = httpx.post(
            f"{central.base_url}/api/v1/enrol", json={"code": code, "device_name": "窗口1", "hall": "A"}
        )
        assert enrolled.status_code == 200, enrolled.text
        assert central.admin_post("/api/v1/admin/enrol-codes", {}).status_code == 200
        assert central.stats() == {"events": 0, "devices": 1, "licences": 0}
