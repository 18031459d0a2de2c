"""Who has the counter's database open: every OneWindow process holds a shared ``flock`` on a
file beside the SQLite database for as long as it runs; a restore needs it exclusively. The kernel
drops the lock when a process dies, so nothing stale is left behind."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.domain.errors import EnvironmentProblem

_held: dict[Path, int] = {}


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".inuse")


def hold_shared(db_path: Path) -> None:
    """Mark this process as a user of ``db_path`` until it exits (idempotent)."""
    path = lock_path(db_path)
    if path in _held:
        return
    try:  # flock needs no write access: a read-only disk still gets (or skips) the mark
        fd = os.open(path, os.O_RDONLY) if path.exists() else os.open(path, os.O_RDONLY | os.O_CREAT, 0o600)
    except OSError:  # a read-only disk or folder where the mark cannot be created: nothing to restore there
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:  # a restore is replacing the database right now
        os.close(fd)
        raise
    _held[path] = fd


def release(db_path: Path) -> None:
    fd = _held.pop(lock_path(db_path), None)
    if fd is not None:
        os.close(fd)


@contextmanager
def exclusive(db_path: Path, doing: str) -> Iterator[None]:
    """Hold the database as its only user while ``doing`` (恢复, 迁移…); refused with a message
    when another OneWindow process has it open."""
    release(db_path)  # our own shared hold does not count
    fd = os.open(lock_path(db_path), os.O_RDONLY | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise EnvironmentProblem(
                f"一窗通仍在本机运行（或另一个命令正在使用数据库），请先全部关闭再{doing}"
            ) from None
        yield
    finally:
        os.close(fd)
