"""The device token this counter got at enrolment: one owner-only file, never the database.

The file is written atomically (a temporary file in the same folder, fsync, rename) with mode
0600, in a folder made 0700, so a crash leaves either the old token or the new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class DeviceTokenFile:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def read(self) -> str | None:
        """The token, or None when there is none (never enrolled, or deleted)."""
        try:
            text = self.path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return text or None

    def write(self, token: str) -> None:
        token = token.strip()
        if not token or "\n" in token:
            raise ValueError("a device token is one non-empty line")
        folder = self.path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        fd, temporary = tempfile.mkstemp(prefix=".device-token-", dir=folder)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(token + "\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        with contextlib.suppress(OSError):  # make the rename durable where the OS allows it
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def delete(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
