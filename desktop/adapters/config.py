"""Where data lives: ONEWINDOW_DATA_DIR or the platform's user data folder; which database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "OneWindow"
DB_FILE = "onewindow.sqlite3"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    db_url: str

    @property
    def key_dir(self) -> Path:
        return self.data_dir / "keys"

    @property
    def signing_keys(self) -> Path:
        return Path(os.environ.get("ONEWINDOW_SIGNING_KEY_DIR") or self.key_dir / "signing")

    @property
    def device_token(self) -> Path:
        """The token this counter got at enrolment (owner-only file, never in the database)."""
        return Path(os.environ.get("ONEWINDOW_DEVICE_TOKEN_FILE") or self.key_dir / "device.token")

    @property
    def audit_key(self) -> Path:
        return Path(os.environ.get("ONEWINDOW_AUDIT_KEY_FILE") or self.key_dir / "audit.key")


def resolve(db: str | None = None, data_dir: str | None = None) -> Paths:
    folder = Path(
        data_dir or os.environ.get("ONEWINDOW_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False)
    )
    url = db or os.environ.get("ONEWINDOW_DB") or f"sqlite:///{folder / DB_FILE}"
    return Paths(folder, url)
