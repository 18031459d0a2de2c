"""`onewindow device enrol`, `onewindow sync`, `sync status` and the central platform's own
commands, wired for real: the counter's SQLite file and key files, a real server on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import run_json
from tests.support.central import running_central

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


run = run_json


def test_enrol_sync_and_the_platform_learns_the_licence(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    # never enrolled: standalone, not frozen, and `sync` says so plainly
    code, status = run(capsys, "sync", "status")
    assert code == 0 and status["enrolled"] is False and status["frozen"] is False
    code, out = run(capsys, "sync")
    assert code == 1 and "尚未在中心平台注册" in out["error"]

    code, case = run(capsys, "demo")
    assert code == 0
    code, status = run(capsys, "sync", "status")
    waiting = status["pending"]
    assert waiting > 5  # accepted, routed, granted, issued, rated …

    (tmp_path / "central").mkdir()
    with running_central(tmp_path / "central") as central:
        central_db = ["--central-db", central.db_url]
        code, made = run(capsys, "central", "enrol-code", *central_db)
        assert code == 0 and len(made["code"]) >= 6
        # a malformed address or pin is refused with a clear message, not a traceback
        code, out = run(capsys, "device", "enrol", "--server", "ftp://central", "--code", made["code"])
        assert code == 1 and "http://" in out["error"]
        code, out = run(
            capsys, "device", "enrol", "--server", central.base_url, "--code", made["code"], "--pin", "xyz"
        )
        assert code == 1 and out["error"]
        # a wrong code is refused with a clear message and enrols nothing
        code, out = run(capsys, "device", "enrol", "--server", central.base_url, "--code", "WRONG-CODE-1")
        assert code == 1 and out["error"]
        assert run(capsys, "sync", "status")[1]["enrolled"] is False

        code, out = run(
            capsys, "device", "enrol", "--server", central.base_url, "--code", made["code"], "--hall", "榆次"
        )
        assert code == 0 and out["enrolled"] is True and out["device_id"]
        token_file = data_dir / "keys" / "device.token"
        assert token_file.exists() and (token_file.stat().st_mode & 0o777) == 0o600
        token = token_file.read_text().strip()
        assert token and token.encode() not in (data_dir / "onewindow.sqlite3").read_bytes()

        code, synced = run(capsys, "sync")
        assert code == 0, synced
        assert synced["pushed"] == waiting and synced["pending"] == 0 and synced["needs_attention"] == 0
        assert set(synced) >= {"pushed", "pulled", "pending", "needs_attention"}

        code, stats = run(capsys, "central", "stats", *central_db)
        assert code == 0 and stats["events"] == waiting and stats["devices"] == 1 and stats["licences"] == 1

        # a second pass sends nothing again
        code, again = run(capsys, "sync")
        assert code == 0 and again["pushed"] == 0
        assert run(capsys, "central", "stats", *central_db)[1]["events"] == waiting

        code, status = run(capsys, "sync", "status")
        assert code == 0 and status["pending"] == 0 and status["last_success"]["push"]
        assert set(status) >= {"pending", "needs_attention", "last_success"}

        # the platform publishes 2027's holidays: the counter's provisional deadlines become firm
        assert run(capsys, "deadline", "2026-12-25", "10")[1]["provisional"] is True
        schedule = tmp_path / "2027.csv"
        schedule.write_text("date,kind,note\n2027-01-01,休息,元旦\n", encoding="utf-8")
        code, _ = run(capsys, "central", "publish-calendar", "2027", str(schedule), *central_db)
        assert code == 0
        code, pulled = run(capsys, "sync")
        assert code == 0 and pulled["pulled"] >= 1
        code, due = run(capsys, "deadline", "2026-12-25", "10")
        assert due["provisional"] is False and due["due"] == "2027-01-11"  # 01-01 is a holiday

        # the public verification page knows the licence issued at this counter
        with central.client() as http:
            page = http.get(f"/v/{case['licence']}")
        assert page.status_code == 200 and case["licence"] in page.text

        # a revoked device is refused, with a message that says what to do
        device_id = out["device_id"]
        assert run(capsys, "central", "revoke-device", device_id, *central_db)[0] == 0
        assert run(capsys, "demo")[0] == 0
        code, refused = run(capsys, "sync")
        assert code == 1 and refused["pending"] > 0 and "重新注册" in " ".join(refused["errors"])

    # the platform is gone: the counter keeps working, sync says it is offline
    assert run(capsys, "demo")[0] == 0
    code, offline = run(capsys, "sync")
    assert code == 1 and offline["online"] is False and offline["pending"] > 0
    assert offline["errors"] and "中心平台" in " ".join(offline["errors"])
