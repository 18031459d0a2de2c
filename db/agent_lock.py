"""One sync agent per hall: a lock that dies with the process holding it.

On PostgreSQL (hall mode) it is a session-level advisory lock held on a connection of its own: when
the agent's process dies, its connection closes and the server drops the lock. On SQLite (one
counter) it is an OS file lock (``flock``) on a file beside the database: the kernel drops it when
the process dies. Neither is a row or a PID file, so nothing stale is ever left to clean up.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine, text

from db.engine import sqlite_path
from desktop.domain.errors import EnvironmentProblem

# pg_try_advisory_lock takes one bigint: a fixed number that stands for "the hall's sync agent".
ADVISORY_KEY = 0x4F4E4557494E44  # "ONEWIND"

HELD_MESSAGE = "本大厅已有一个同步程序在运行（同一时间只能有一个），本机不再另行同步"


class AgentLockHeld(EnvironmentProblem):
    code = "sync_agent_running"


class SyncAgentLock:
    """``with SyncAgentLock(engine, url):`` — raises AgentLockHeld if another agent holds it."""

    def __init__(self, engine: Engine, db_url: str) -> None:
        self._engine = engine
        self._path = sqlite_path(db_url)
        self._connection: Connection | None = None
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._connection is not None or self._fd is not None

    def acquire(self) -> None:
        if self.held:
            return
        if self._engine.dialect.name == "postgresql":
            self._acquire_advisory()
        else:
            self._acquire_file()

    def _acquire_advisory(self) -> None:
        connection = self._engine.connect()
        try:
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_KEY}
            ).scalar()
            connection.commit()
        except BaseException:
            connection.close()
            raise
        if not got:
            connection.close()
            raise AgentLockHeld(HELD_MESSAGE)
        self._connection = connection

    def _acquire_file(self) -> None:
        if self._path is None:  # an in-memory database belongs to one process anyway
            self._fd = -1
            return
        lock_path = self._path.with_name(self._path.name + ".sync.lock")
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise AgentLockHeld(HELD_MESSAGE) from None
        self._fd = fd

    def release(self) -> None:
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})
                self._connection.commit()
            finally:
                self._connection.close()
                self._connection = None
        if self._fd is not None:
            if self._fd >= 0:
                os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None

    def __enter__(self) -> SyncAgentLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def lock_file_for(db_url: str) -> Path | None:
    """Where the SQLite lock lives (for the README and tests)."""
    path = sqlite_path(db_url)
    return None if path is None else path.with_name(path.name + ".sync.lock")
