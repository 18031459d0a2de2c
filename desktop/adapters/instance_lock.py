"""Who has the counter's database open: every OneWindow process holds a shared ``flock`` on a
file beside the SQLite database for as long as it runs; a restore needs it exclusively. The kernel
drops the lock when a process dies, so nothing stale is left behind."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
def exclusive(db_path: Path) -> Iterator[bool]:
    """Yields True when no other process has the database open (and keeps it so), else False."""
    release(db_path)  # our own shared hold does not count
    fd = os.open(lock_path(db_path), os.O_RDONLY | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)
