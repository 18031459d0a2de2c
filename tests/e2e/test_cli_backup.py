"""`onewindow backup` and `onewindow restore`, wired for real (bootstrap, SQLite data folder):
backups while commands run, restores that check everything before replacing anything, daily
automatic backups with retention, and a database on a network share refused."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.adapters import backup_archive, filesystems
from tests.e2e.conftest import run_json

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

run = run_json
PASS = "柜台备份口令2026"


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONEWINDOW_BACKUP_PASSPHRASE", PASS)
    monkeypatch.setattr(backup_archive, "SCRYPT_N", 1 << 12)  # recorded in each file; tests go fast


def _db(data_dir: Path) -> Path:
    return data_dir / "onewindow.sqlite3"


def _count(data_dir: Path, table: str) -> int:
    conn = sqlite3.connect(_db(data_dir))
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_then_restore_brings_back_exactly_the_backed_up_data(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    assert run(capsys, "demo", "--cases", "3")[0] == 0
    cases, records = _count(data_dir, "applications"), _count(data_dir, "audit_log")
    audit_key = (data_dir / "keys" / "audit.key").read_bytes()
    file = tmp_path / "usb" / "counter.owbk"
    file.parent.mkdir()
    code, out = run(capsys, "backup", str(file))
    assert code == 0, out
    assert out["database_included"] is True
    assert "database/onewindow.sqlite3" in out["files"] and "keys/audit.key" in out["files"]
    assert b"SQLite format" not in file.read_bytes() and audit_key.strip() not in file.read_bytes()

    assert run(capsys, "demo", "--cases", "2")[0] == 0  # work done after the backup
    assert _count(data_dir, "applications") == cases + 2
    code, out = run(capsys, "restore", str(file))
    assert code == 0, out
    assert _count(data_dir, "applications") == cases
    assert _count(data_dir, "audit_log") == records
    assert (data_dir / "keys" / "audit.key").read_bytes() == audit_key
    aside = Path(out["moved_aside"])
    assert aside.parent == data_dir and (aside / "onewindow.sqlite3").is_file()  # kept, not deleted
    code, verdict = run(capsys, "audit", "verify")
    assert code == 0 and verdict["ok"] is True and verdict["records"] == records


def test_a_backup_taken_while_commands_run_is_consistent(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    env = {"ONEWINDOW_DATA_DIR": str(data_dir), "ONEWINDOW_FAST_HASH": "1"}
    writer = subprocess.Popen(  # another process keeps making cases while the backup runs
        [sys.executable, "-m", "desktop", "demo", "--cases", "40"],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while _count(data_dir, "applications") < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        file = tmp_path / "live.owbk"
        code, out = run(capsys, "backup", str(file))
        assert code == 0, out
    finally:
        _out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err.decode()
    fresh = tmp_path / "elsewhere"
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(fresh))
    code, out = run(capsys, "restore", str(file))  # onto a new machine's empty data folder
    assert code == 0, out
    for secret in (fresh / "keys", fresh / "keys" / "audit.key"):
        assert secret.stat().st_mode & 0o077 == 0, secret  # owner only, as `init` makes them
    code, verdict = run(capsys, "audit", "verify")
    assert code == 0 and verdict["ok"] is True
    restored = _count(fresh, "applications")
    assert 2 <= restored <= 40


def test_a_damaged_or_wrong_backup_changes_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    assert run(capsys, "demo", "--cases", "1")[0] == 0
    file = tmp_path / "good.owbk"
    assert run(capsys, "backup", str(file))[0] == 0
    before = _digest(_db(data_dir))

    monkeypatch.setenv("ONEWINDOW_BACKUP_PASSPHRASE", "not the passphrase")
    code, out = run(capsys, "restore", str(file))
    assert code == 1 and "口令不正确" in out["error"]
    monkeypatch.setenv("ONEWINDOW_BACKUP_PASSPHRASE", PASS)

    raw = file.read_bytes()
    cut = tmp_path / "cut.owbk"
    cut.write_bytes(raw[: len(raw) // 2])
    flipped = tmp_path / "flipped.owbk"
    flipped.write_bytes(raw[:-40] + bytes([raw[-40] ^ 0x20]) + raw[-39:])
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" * 100)
    for bad, message in ((cut, "不完整"), (flipped, "已损坏"), (photo, "不是一窗通的备份文件")):
        code, out = run(capsys, "restore", str(bad))
        assert code == 1 and message in out["error"], out
    code, out = run(capsys, "backup", str(tmp_path))  # a folder, not a file
    assert code == 1 and "文件夹" in out["error"]
    monkeypatch.setenv("ONEWINDOW_BACKUP_PASSPHRASE", "short")
    code, out = run(capsys, "backup", str(tmp_path / "x.owbk"))
    assert code == 1 and "至少 8" in out["error"]
    assert _digest(_db(data_dir)) == before
    assert not list(data_dir.glob("before-restore-*"))


def test_a_backup_whose_audit_chain_is_broken_is_not_restored(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    assert run(capsys, "demo", "--cases", "1")[0] == 0
    conn = sqlite3.connect(_db(data_dir))
    conn.execute("UPDATE audit_log SET actor = 'intruder' WHERE seq = 2")  # edited behind the program
    conn.commit()
    conn.close()
    file = tmp_path / "tampered.owbk"
    assert run(capsys, "backup", str(file))[0] == 0
    before = _digest(_db(data_dir))
    code, out = run(capsys, "restore", str(file))
    assert code == 1 and "审计链" in out["error"], out
    assert _digest(_db(data_dir)) == before and not list(data_dir.glob("before-restore-*"))


def test_restore_waits_for_every_running_onewindow_to_close(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    file = tmp_path / "b.owbk"
    assert run(capsys, "backup", str(file))[0] == 0
    holder = subprocess.Popen(  # another OneWindow process with the database open
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from desktop.adapters.instance_lock import hold_shared;"
            f"hold_shared(Path({str(_db(data_dir))!r})); print('open', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"open"
        code, out = run(capsys, "restore", str(file))
        assert code == 1 and "请先全部关闭" in out["error"]
    finally:
        holder.communicate(b"", timeout=30)
    code, out = run(capsys, "restore", str(file))
    assert code == 0, out


def test_daily_automatic_backups_keep_the_newest(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    folder = tmp_path / "auto"
    code, out = run(capsys, "backup", "--scheduled")
    assert code == 1 and "尚未开启自动备份" in out["error"]
    code, out = run(capsys, "backup", "--schedule", str(folder), "--keep", "2")
    assert code == 0 and out["keep"] == 2
    schedule = data_dir / "keys" / "backup-schedule.json"
    assert schedule.stat().st_mode & 0o077 == 0  # the passphrase is for the owner only
    for old in ("onewindow-20261101-090000.owbk", "onewindow-20261102-090000.owbk"):
        (folder / old).write_bytes(b"older backup")
    (folder / "onewindow-1126.owbk").write_bytes(b"made by hand")  # not ours to prune
    code, out = run(capsys, "backup", "--scheduled")
    assert code == 0 and out["made"] is not None
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == ["onewindow-1126.owbk", "onewindow-20261102-090000.owbk", Path(out["made"]).name]
    code, out = run(capsys, "backup", "--scheduled")  # the same day: nothing more
    assert code == 0 and out["made"] is None
    assert len(list(folder.iterdir())) == 3
    code, out = run(capsys, "backup", "--schedule", str(folder), "--keep", "0")
    assert code == 1 and "至少为 1" in out["error"]


def test_a_database_on_a_network_share_is_refused_with_an_explanation(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir(parents=True)
    mounts = tmp_path / "mounts"
    mounts.write_text(
        f"/dev/sda1 / ext4 rw 0 0\n//fileserver/counter {data_dir.resolve()} cifs rw,vers=3.0 0 0\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(filesystems, "MOUNTS", mounts)
    code, out = run(capsys, "init", "--demo")
    assert code == 1 and "网络共享（cifs）" in out["error"] and "大厅模式" in out["error"]
    assert not _db(data_dir).exists()


def test_the_mount_table_reader_finds_the_longest_mount_point() -> None:
    table = (
        "/dev/sda1 / ext4 rw 0 0\n"
        "//srv/share /mnt/share cifs rw 0 0\n"
        "/dev/sdb1 /mnt/share/local ext4 rw 0 0\n"
    )
    assert filesystems.network_filesystem(Path("/mnt/share/data"), table) == "cifs"
    assert filesystems.network_filesystem(Path("/mnt/share/local/data"), table) is None
    assert filesystems.network_filesystem(Path("/home/clerk"), table) is None
    assert (
        filesystems.network_filesystem(Path("/mnt/share 2"), "nfs:/x /mnt/share\\0402 nfs4 rw 0 0") == "nfs4"
    )


def test_the_daily_backup_is_per_local_day_not_per_24_hours(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import datetime

    from desktop.adapters.clock import CHINA
    from desktop.backup import DataFiles, Schedule, run_if_due

    assert run(capsys, "init", "--demo")[0] == 0
    keys = data_dir / "keys"
    files = DataFiles(data_dir, _db(data_dir), keys / "audit.key", keys / "signing", keys / "device.token")
    schedule = Schedule(data_dir.parent / "auto", 7, PASS)
    afternoon = datetime(2026, 12, 3, 14, 0, tzinfo=CHINA)
    assert run_if_due(files, schedule, afternoon) is not None
    assert run_if_due(files, schedule, datetime(2026, 12, 3, 17, 0, tzinfo=CHINA)) is None  # same day
    next_morning = datetime(2026, 12, 4, 8, 30, tzinfo=CHINA)  # under 24 hours later, but a new day
    made = run_if_due(files, schedule, next_morning)
    assert made is not None and made.file.name == "onewindow-20261204-083000.owbk"


def test_a_data_folder_with_uri_characters_in_its_name_backs_up_for_real(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd = tmp_path / "柜台 #1 50%"
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(odd))
    monkeypatch.delenv("ONEWINDOW_DB", raising=False)
    assert run(capsys, "init", "--demo")[0] == 0
    assert run(capsys, "demo", "--cases", "1")[0] == 0
    cases = _count(odd, "applications")
    code, out = run(capsys, "backup", str(tmp_path / "odd.owbk"))
    assert code == 0 and out["schema_revision"], out
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "elsewhere"))
    assert run(capsys, "restore", str(tmp_path / "odd.owbk"))[0] == 0
    assert _count(tmp_path / "elsewhere", "applications") == cases == 1
    assert not (tmp_path / "柜台 ").exists()  # nothing made at a path cut short at "#"
