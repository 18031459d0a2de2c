"""`onewindow demo --out`, `keys`, `setting` and `verify` through the real command line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from tests.e2e.conftest import run_json

run = run_json


def test_demo_writes_every_document_and_the_licence_qr_verifies(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    out = tmp_path / "docs"
    code, demo = run(capsys, "demo", "--out", str(out))
    assert code == 0 and demo["application"] and demo["licence"].startswith("HZ")
    names = {Path(p).name for p in demo["documents"]}
    for kind in ("行业综合许可证", "备案凭证", "告知承诺书", "一次性告知书", "受理通知书"):
        assert any(kind in n for n in names), (kind, names)
    assert all(Path(p).exists() and Path(p).read_bytes().startswith(b"%PDF") for p in demo["documents"])
    licence_pdf = next(Path(p) for p in demo["documents"] if "行业综合许可证" in p)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(licence_pdf), str(tmp_path / "lic")], check=True)
    page = next(tmp_path.glob("lic*.png"))
    [barcode] = zxingcpp.read_barcodes(Image.open(page))
    code, checked = run(capsys, "verify", barcode.text)
    assert code == 0 and checked["result"] == "valid" and checked["licence"]["number"] == demo["licence"]
    code, checked = run(capsys, "verify", "--image", str(page))
    assert code == 0 and checked["result"] == "valid"
    tampered = barcode.text.replace(demo["licence"], demo["licence"][:-1] + "9", 1)
    code, checked = run(capsys, "verify", tampered)
    assert code == 1 and checked["result"] == "forged"
    # re-runnable: a second demo case gets its own licence
    code, again = run(capsys, "demo")
    assert code == 0 and again["licence"] != demo["licence"] and again["documents"] == []


def test_keys_and_settings_commands(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    code, out = run(capsys, "setting", "set", "authority", "演示县行政审批服务管理局")
    assert code == 0 and out["settings"]["authority"] == "演示县行政审批服务管理局"
    code, out = run(capsys, "setting", "set", "region_code", "14A")
    assert code == 1 and "6位数字" in out["error"]
    code, first = run(capsys, "keys", "create", "--station", "一号窗口")
    assert code == 0 and first["authority"] == "演示县行政审批服务管理局"
    assert (data_dir / "keys" / "signing" / f"{first['key_id']}.pem").exists()
    code, second = run(capsys, "keys", "rotate")
    assert code == 0 and second["key_id"] != first["key_id"]
    pem = tmp_path / "other.pem"
    from desktop.adapters.signing import FileKeyStore

    _, public = FileKeyStore(tmp_path / "elsewhere").create()
    pem.write_text(public)
    code, registered = run(capsys, "keys", "register", str(pem), "--authority", "邻县行政审批服务管理局")
    assert code == 0
    code, listed = run(capsys, "keys", "list")
    statuses = {k["key_id"]: k["status"] for k in listed["keys"]}
    assert statuses == {
        first["key_id"]: "retired",
        second["key_id"]: "active",
        registered["key_id"]: "active",
    }
    code, out = run(capsys, "keys", "revoke", registered["key_id"], "--reason", "测试")
    assert code == 0
    bad = tmp_path / "bad.pem"
    bad.write_text("not a key")
    code, out = run(capsys, "keys", "register", str(bad), "--authority", "某机关")
    assert code == 1 and "公钥格式不正确" in out["error"]


def test_demo_refuses_a_real_database(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONEWINDOW_ADMIN_PASSWORD", "Install2026")
    assert run(capsys, "init", "--admin", "root")[0] == 0
    code, out = run(capsys, "demo")
    assert code == 1 and "演示数据库" in out["error"]


def test_demo_runs_many_cases_each_with_its_own_uscc_licence_and_rating(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import sqlite3

    assert run(capsys, "init", "--demo")[0] == 0
    code, out = run(capsys, "demo", "--cases", "3", "--out", str(tmp_path / "many"))
    assert code == 0 and len(out["cases"]) == 3
    licences = {c["licence"] for c in out["cases"]}
    assert len(licences) == 3
    with sqlite3.connect(data_dir / "onewindow.sqlite3") as conn:
        usccs = {row[0] for row in conn.execute("SELECT uscc FROM applications")}
        assert len(usccs) == 3
        per_case = conn.execute(
            "SELECT application_id, count(*) FROM industry_licences GROUP BY application_id"
        )
        assert [n for _, n in per_case] == [1, 1, 1]
        assert conn.execute("SELECT count(*) FROM service_ratings").fetchone()[0] == 3
        kinds = {row[0] for row in conn.execute("SELECT kind FROM outbox")}
        assert {"ApplicationAccepted", "PermitGranted", "LicenceIssued", "ServiceRated"} <= kinds
        actions = {row[0] for row in conn.execute("SELECT action FROM audit_log WHERE actor = 'system'")}
        assert {"intake.submit", "intake.accept", "review.grant", "issue.issue", "rating.rate"} <= actions
    from desktop.domain.identifiers import check_uscc

    assert all(check_uscc(u).valid for u in usccs)
    assert all((tmp_path / "many" / c["application"]).is_dir() for c in out["cases"])
