"""Backup and restore of one counter's data: the SQLite database and what lives outside it.

A backup is taken while the app runs: SQLite's online backup copies a consistent snapshot in one
read transaction (in WAL mode writers are not blocked). The audit key, the signing keys and the
device token — kept outside the database on purpose — go into the same archive, and the archive
is sealed with a passphrase (desktop.adapters.backup_archive). In hall mode (PostgreSQL) the
database is backed up with pg_dump (README, Operations) and this backs up the keys only.

A restore checks everything before it replaces anything: every chunk's tag, every file's SHA-256
against the manifest, ``PRAGMA integrity_check`` and the audit chain under the restored key (on
a copy upgraded to this program's schema). What it replaces is moved aside into
``before-restore-<time>/`` in the data folder, never deleted.

Imported by desktop.runtime only (it needs no Qt and no SQLAlchemy; the schema upgrade and the
chain check are handed in by the runtime).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.adapters.backup_archive import BackupFileError, check_passphrase, seal, unseal

ARCHIVE_DB = "database/onewindow.sqlite3"
SUFFIX = ".owbk"
SCHEDULE_FILE = "backup-schedule.json"


@dataclass(frozen=True)
class DataFiles:
    """Where one counter's data lives (from desktop.adapters.config.Paths)."""

    data_dir: Path
    db_path: Path | None  # None: hall mode, the database is on the PostgreSQL server
    audit_key: Path
    signing_keys: Path
    device_token: Path

    def secrets(self) -> Iterator[tuple[str, Path]]:
        """(name in the archive, path on disk) of each file kept outside the database."""
        if self.audit_key.is_file():
            yield "keys/audit.key", self.audit_key
        if self.device_token.is_file():
            yield "keys/device.token", self.device_token
        if self.signing_keys.is_dir():
            for path in sorted(self.signing_keys.iterdir()):
                if path.is_file():
                    yield f"keys/signing/{path.name}", path

    def target(self, name: str) -> Path:
        if name == ARCHIVE_DB and self.db_path is not None:
            return self.db_path
        if name == "keys/audit.key":
            return self.audit_key
        if name == "keys/device.token":
            return self.device_token
        if name.startswith("keys/signing/") and name.count("/") == 2:
            return self.signing_keys / name.rsplit("/", 1)[1]
        raise BackupFileError(f"备份文件中有无法识别的条目：{name}")


@dataclass(frozen=True)
class BackupSummary:
    file: Path
    created_at: str
    files: dict[str, str]  # name → SHA-256
    schema_revision: str | None
    database_included: bool


@dataclass(frozen=True)
class RestoreSummary:
    file: Path
    created_at: str
    moved_aside: Path
    restored: list[str] = field(default_factory=list)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as src:
        for block in iter(lambda: src.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_only(path: Path) -> str:
    """A read-only SQLite URI for ``path``, escaped (a folder named "a#1" or "50%" stays itself)."""
    return path.resolve().as_uri() + "?mode=ro"


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of a SQLite file ("ok" when sound)."""
    try:
        conn = sqlite3.connect(_read_only(path), uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    return "; ".join(str(r[0]) for r in rows)


def schema_revision(path: Path) -> str | None:
    conn = sqlite3.connect(_read_only(path), uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return str(row[0]) if row else None


def snapshot_sqlite(source: Path, dest: Path) -> None:
    """A consistent copy of a live database (one read transaction), as a single file."""
    src = sqlite3.connect(_read_only(source), uri=True, timeout=10)
    dst = sqlite3.connect(dest)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()
    verdict = integrity(dest)
    if verdict != "ok":
        raise BackupFileError(f"数据库完整性检查未通过，未生成备份：{verdict}")


WORK_PREFIX = ".backup-work-"


@contextmanager
def _private_dir(beside: Path) -> Iterator[Path]:
    """A 0700 working folder inside the data folder: the plaintext snapshot and keys never go
    anywhere the data itself is not; one left by a killed run is removed by the next."""
    beside.mkdir(parents=True, exist_ok=True)
    for stale in beside.glob(WORK_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    path = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=beside))
    try:
        path.chmod(0o700)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def create_backup(files: DataFiles, dest: Path, passphrase: str, now: datetime) -> BackupSummary:
    check_passphrase(passphrase)
    if files.db_path is not None and not files.db_path.is_file():
        raise BackupFileError(f"数据库 {files.db_path} 不存在，没有可备份的数据")
    if dest.is_dir():
        raise BackupFileError(f"{dest} 是一个文件夹，请给出备份文件名（如 {dest / ('onewindow' + SUFFIX)}）")
    if not dest.parent.is_dir():
        raise BackupFileError(f"文件夹 {dest.parent} 不存在")
    created_at = now.isoformat()
    with _private_dir(files.data_dir) as work:
        members: list[tuple[str, Path]] = []
        revision = None
        if files.db_path is not None:
            copy = work / "db.sqlite3"
            snapshot_sqlite(files.db_path, copy)
            revision = schema_revision(copy)
            if revision is None:
                raise BackupFileError(f"{files.db_path} 不是一窗通的数据库（没有数据库结构版本），未生成备份")
            members.append((ARCHIVE_DB, copy))
        members.extend(files.secrets())
        digests = {name: _sha256(path) for name, path in members}
        manifest = {
            "format": 1,
            "created_at": created_at,
            "schema_revision": revision,
            "database_included": files.db_path is not None,
            "files": digests,
        }
        tar_path = work / "backup.tar.gz"
        with tarfile.open(tar_path, "w:gz") as tar:
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mode = len(data), 0o600
            tar.addfile(info, io.BytesIO(data))
            for name, path in members:
                tar.add(path, arcname=name, recursive=False)
        seal(tar_path, dest, passphrase, created_at)
    return BackupSummary(dest, created_at, digests, revision, files.db_path is not None)


def _extract(tar_path: Path, into: Path) -> dict[str, object]:
    try:
        with tarfile.open(tar_path, "r:gz") as tar:
            manifest_member = tar.getmember("manifest.json")
            handle = tar.extractfile(manifest_member)
            assert handle is not None
            manifest = json.loads(handle.read())
            names = manifest["files"]
            if not isinstance(names, dict):
                raise ValueError
            for member in tar.getmembers():
                if member.name == "manifest.json":
                    continue
                if member.name not in names or not member.isfile():
                    raise BackupFileError(f"备份文件中有无法识别的条目：{member.name}")
                source = tar.extractfile(member)
                assert source is not None
                out = into / hashlib.sha256(member.name.encode()).hexdigest()
                with out.open("wb") as sink:
                    shutil.copyfileobj(source, sink)
    except (tarfile.TarError, KeyError, ValueError, AssertionError) as exc:
        raise BackupFileError("备份文件内容已损坏，无法恢复") from exc
    return dict(manifest)


def restore_backup(
    files: DataFiles,
    source: Path,
    passphrase: str,
    now: datetime,
    check_chain: Callable[[Path, Path], None],
) -> RestoreSummary:
    """Check the backup completely, then move the current data aside and put the backup in place.

    ``check_chain(db_copy, audit_key)`` upgrades a copy of the restored database to this program's
    schema and verifies its audit chain under the restored key; it raises when either fails."""
    with _private_dir(files.data_dir) as work:
        tar_path = work / "backup.tar.gz"
        header = unseal(source, tar_path, passphrase)
        unpacked = work / "files"
        unpacked.mkdir()
        manifest = _extract(tar_path, unpacked)
        digests = manifest.get("files")
        assert isinstance(digests, dict)
        staged: dict[str, Path] = {}
        for name, digest in digests.items():
            path = unpacked / hashlib.sha256(str(name).encode()).hexdigest()
            if not path.is_file() or _sha256(path) != digest:
                raise BackupFileError(f"备份文件中的 {name} 缺失或已被改动，无法恢复")
            staged[str(name)] = path
            files.target(str(name))  # every entry must have a home before anything is touched
        restored_db = staged.get(ARCHIVE_DB)
        if files.db_path is not None:
            if restored_db is None:
                raise BackupFileError("此备份不含数据库（大厅模式的密钥备份），请用 pg_dump 的备份恢复数据库")
            verdict = integrity(restored_db)
            if verdict != "ok":
                raise BackupFileError(f"备份中的数据库完整性检查未通过：{verdict}")
            if schema_revision(restored_db) is None:
                raise BackupFileError("备份中的数据库不是一窗通的数据库（没有数据库结构版本），未恢复")
            key = staged.get("keys/audit.key")
            if key is None:
                raise BackupFileError("备份中缺少审计密钥，无法核验审计链，未恢复")
            trial = work / "trial.sqlite3"
            shutil.copyfile(restored_db, trial)
            check_chain(trial, key)
        elif restored_db is not None:
            del staged[ARCHIVE_DB]  # hall mode: the database comes back through pg_restore
        aside = _move_aside(files, staged, now)
        for name, path in staged.items():
            _install(path, files.target(name), secret=name.startswith("keys/"))
    created = str(header.get("created_at", manifest.get("created_at", "")))
    return RestoreSummary(source, created, aside, sorted(staged))


def _move_aside(files: DataFiles, staged: dict[str, Path], now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = files.data_dir / f"before-restore-{stamp}"
    attempt = 1
    while aside.exists():  # never into a folder already holding set-aside data (two restores a second)
        attempt += 1
        aside = files.data_dir / f"before-restore-{stamp}-{attempt}"
    aside.mkdir(parents=True)
    aside.chmod(0o700)
    current: list[Path] = []
    if files.db_path is not None:
        db = files.db_path
        current += [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    current += [path for _name, path in files.secrets()]
    for path in current:
        if path.is_file():
            relative = path.name if path.parent != files.signing_keys else f"signing/{path.name}"
            (aside / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), aside / relative)
    return aside


def _install(source: Path, target: Path, secret: bool) -> None:
    """Copy into place through a temporary name; secrets are owner-only from the first byte."""
    if secret:
        for folder in reversed([target.parent, *target.parent.parents]):
            if not folder.exists():
                folder.mkdir(mode=0o700)
        target.parent.chmod(0o700)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".restoring")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if secret else 0o644)
    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, target)
    _fsync_folder(target.parent)


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (a power cut after it must not undo it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------- daily automatic backups


@dataclass(frozen=True)
class Schedule:
    folder: Path
    keep: int
    passphrase: str


def save_schedule(key_dir: Path, schedule: Schedule) -> Path:
    """Kept beside the other keys (0600): the passphrase protects copies that leave the machine."""
    check_passphrase(schedule.passphrase)
    if schedule.keep < 1:
        raise BackupFileError("保留份数至少为 1")
    key_dir.mkdir(parents=True, exist_ok=True)
    path = key_dir / SCHEDULE_FILE
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        data = {"folder": str(schedule.folder), "keep": schedule.keep, "passphrase": schedule.passphrase}
        json.dump(data, out)
    os.replace(partial, path)
    return path


def load_schedule(key_dir: Path) -> Schedule | None:
    path = key_dir / SCHEDULE_FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Schedule(Path(data["folder"]), int(data["keep"]), str(data["passphrase"]))


def _taken_at(path: Path) -> datetime | None:
    """The local time in an automatic backup's name, or None for any other file."""
    stamp = path.name[len("onewindow-") : -len(SUFFIX)]
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def scheduled_backups(folder: Path) -> list[Path]:
    """The automatic backups in ``folder`` (names carrying their time), oldest first: a hand-made
    "onewindow-1126.owbk" in the same folder is not one of them."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"onewindow-*{SUFFIX}") if _taken_at(p) is not None)


def run_if_due(files: DataFiles, schedule: Schedule, now: datetime) -> BackupSummary | None:
    """Make the day's backup when there is none of today (local date); keep the newest N."""
    schedule.folder.mkdir(parents=True, exist_ok=True)
    existing = scheduled_backups(schedule.folder)
    newest = _taken_at(existing[-1]) if existing else None
    if newest is not None and newest.date() >= now.date():
        return None
    dest = schedule.folder / f"onewindow-{now.strftime('%Y%m%d-%H%M%S')}{SUFFIX}"
    summary = create_backup(files, dest, schedule.passphrase, now)
    for old in scheduled_backups(schedule.folder)[: -schedule.keep]:
        old.unlink(missing_ok=True)
    return summary
