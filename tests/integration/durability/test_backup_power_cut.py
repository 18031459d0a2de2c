"""Power cuts during `onewindow backup` and `onewindow restore`.

A backup only reads the database and writes its file under a temporary name renamed into place at
the end: killed at any moment, the database is untouched and the backup file is either absent or
complete. A restore moves the current data aside and then puts the backup's files in place: killed
at any moment, running the same restore again finishes the job, with the data exactly as backed
up and the audit chain whole. Kill delays are seeded and spread over the later part of the
command's measured length (the first part is the interpreter starting).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

PASS = "停电测试口令2026"
TRIALS = 8


def _env(data: Path) -> dict[str, str]:
    return {
        **os.environ,
        "ONEWINDOW_DATA_DIR": str(data),
        "ONEWINDOW_BACKUP_PASSPHRASE": PASS,
        "ONEWINDOW_FAST_HASH": "1",
    }


def _cli(data: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        check=False,
        env=_env(data),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def _killed(data: Path, delay: float, *args: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", *args],
        env=_env(data),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)


def _cases(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [r[0] for r in conn.execute("SELECT number FROM applications ORDER BY number")]
    finally:
        conn.close()


def _timed(data: Path, *args: str) -> float:
    start = time.monotonic()
    _cli(data, *args)
    return time.monotonic() - start


@pytest.fixture(scope="module")
def counter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """A demo data folder with cases, and a backup of it."""
    data = tmp_path_factory.mktemp("counter") / "data"
    _cli(data, "init", "--demo")
    _cli(data, "demo", "--cases", "4")
    backup = data.parent / "good.owbk"
    _cli(data, "backup", str(backup))
    return data, backup, _cases(data / "onewindow.sqlite3")


def test_a_backup_killed_at_any_moment_leaves_the_database_and_no_half_backup(
    counter: tuple[Path, Path, list[str]], tmp_path: Path
) -> None:
    data, _backup, cases = counter
    db = data / "onewindow.sqlite3"
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    length = _timed(data, "backup", str(tmp_path / "timing.owbk"))
    rng = random.Random(20261126)
    complete = 0
    for trial in range(TRIALS):
        target = tmp_path / f"cut-{trial}.owbk"
        _killed(data, rng.uniform(0.4 * length, 1.1 * length), "backup", str(target))
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before  # a backup never writes the database
        if target.exists():  # renamed into place only when complete: it must restore
            complete += 1
            elsewhere = tmp_path / f"restored-{trial}"
            _cli(elsewhere, "restore", str(target))
            assert _cases(elsewhere / "onewindow.sqlite3") == cases
    print(f"{complete} of {TRIALS} killed backups had finished")


def test_a_restore_killed_at_any_moment_is_finished_by_running_it_again(
    counter: tuple[Path, Path, list[str]], tmp_path: Path
) -> None:
    data, backup, cases = counter
    length = _timed(data, "restore", str(backup))
    rng = random.Random(1126)
    stages: Counter[str] = Counter()
    for trial in range(TRIALS):
        folder = tmp_path / f"trial-{trial}"
        shutil.copytree(data, folder, ignore=shutil.ignore_patterns("before-restore-*", "*.inuse"))
        _cli(folder, "demo", "--cases", "1")  # work done after the backup, which the restore replaces
        _killed(folder, rng.uniform(0.4 * length, 1.1 * length), "restore", str(backup))
        db = folder / "onewindow.sqlite3"
        if list(folder.glob("before-restore-*")):
            stages["after moving aside"] += 1
            if not db.exists() or _cases(db) != cases:
                stages["between moving aside and done"] += 1
        _cli(folder, "restore", str(backup))  # the clerk runs it again
        assert _cases(folder / "onewindow.sqlite3") == cases
        verdict = _cli(folder, "audit", "verify", "--json")
        assert '"ok": true' in verdict.stdout
        assert list(folder.glob("before-restore-*"))  # what was replaced is kept aside
    print(f"restores killed: {TRIALS}; {dict(stages)}")


def test_a_restore_cut_between_any_two_files_is_finished_by_running_it_again(
    counter: tuple[Path, Path, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The narrow window a random kill rarely hits: after the current data was moved aside, with
    only some of the backup's files in place. The cut is made deterministically after each file."""
    import desktop.backup
    from desktop.bootstrap import main

    data, backup, cases = counter
    real_install = desktop.backup._install
    monkeypatch.setenv("ONEWINDOW_BACKUP_PASSPHRASE", PASS)
    monkeypatch.setenv("ONEWINDOW_FAST_HASH", "1")
    files = 0
    for cut_after in range(10):
        folder = tmp_path / f"cut-{cut_after}"
        shutil.copytree(data, folder, ignore=shutil.ignore_patterns("before-restore-*", "*.inuse"))
        monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(folder))
        assert main(["demo", "--cases", "1"]) == 0  # work after the backup: it must survive, set aside
        original = _cases(folder / "onewindow.sqlite3")
        installed: list[Path] = []

        def cut(
            source: Path, target: Path, secret: bool, installed: list[Path] = installed, at: int = cut_after
        ) -> None:
            if len(installed) == at:
                raise KeyboardInterrupt("power cut")  # nothing after this point runs
            real_install(source, target, secret)
            installed.append(target)

        monkeypatch.setattr(desktop.backup, "_install", cut)
        try:
            main(["restore", str(backup)])
        except KeyboardInterrupt:
            pass
        else:
            files = cut_after  # the restore had fewer files than that: every cut point was tried
            break
        finally:
            monkeypatch.setattr(desktop.backup, "_install", real_install)
        assert main(["restore", str(backup)]) == 0
        assert _cases(folder / "onewindow.sqlite3") == cases
        assert main(["audit", "verify"]) == 0
        aside = [a / "onewindow.sqlite3" for a in folder.glob("before-restore-*")]
        assert original in [_cases(db) for db in aside if db.exists()]  # the pre-restore data is kept
    assert files >= 2  # the database and at least the audit key
