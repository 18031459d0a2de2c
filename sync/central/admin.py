"""What ``onewindow central …`` does on the server host: tokens, codes, publishing, serving.

Each function opens the central database at ``db_url``, does one thing, and closes it.
Bad input raises CentralError with a Chinese message.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sync.central.storage import CentralStore, StorageError
from sync.central.validation import RejectedTable, calendar_item, catalog_item
from sync.protocol import Feed

T = TypeVar("T")
DEFAULT_PORT = 8960


class CentralError(Exception):
    """Bad input or state for a central-platform command; ``message`` is Chinese, shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def central_db_url(explicit: str | None = None) -> str:
    """``explicit``, else $ONEWINDOW_CENTRAL_DB, else a SQLite file in the data folder
    ($ONEWINDOW_DATA_DIR, else the user data folder of "onewindow")."""
    if explicit:
        return explicit
    from_env = os.environ.get("ONEWINDOW_CENTRAL_DB")
    if from_env:
        return from_env
    folder_env = os.environ.get("ONEWINDOW_DATA_DIR")
    if folder_env:
        folder = Path(folder_env)
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir("onewindow", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'central.sqlite3'}"


def _with_store(db_url: str, body: Callable[[CentralStore], T]) -> T:
    store = CentralStore(db_url)
    try:
        store.create_schema()
        return body(store)
    except StorageError as exc:
        raise CentralError(exc.message) from exc
    except RejectedTable as exc:  # the validation shared with the HTTP endpoints
        raise CentralError(exc.detail) from exc
    finally:
        store.dispose()


def create_enrol_code(db_url: str) -> str:
    """A one-time enrolment code (valid 7 days) for ``onewindow device enrol``."""
    return _with_store(db_url, lambda s: s.create_enrol_code())


def create_admin_token(db_url: str) -> str:
    """A new admin token (for /api/v1/admin/* and the portal); only its hash is stored."""
    return _with_store(db_url, lambda s: s.create_admin_token())


def create_linkage_officer(db_url: str, department: str, name: str) -> str:
    """A token for one department's 审管联动 officer."""
    department, name = department.strip(), name.strip()
    if not department or not name:
        raise CentralError("部门和联动人员姓名都不能为空")
    return _with_store(db_url, lambda s: s.create_linkage_officer(department, name))


def stats(db_url: str) -> dict[str, int]:
    """Counts: ``events`` stored, ``devices`` enrolled, ``licences`` learned from pushed events."""
    return _with_store(db_url, lambda s: s.stats())


def publish_catalog(
    db_url: str, label: str, source: str, note: str, table: list[list[str]]
) -> dict[str, Any]:
    """Validate a catalog in the official layout and publish it on the ``catalog`` feed."""
    label = label.strip()
    if not label:
        raise CentralError("事项清单版本号不能为空")

    def body(store: CentralStore) -> dict[str, Any]:
        data = catalog_item(label, source, note, table)
        if store.latest_item(Feed.CATALOG, label) is not None:
            raise CentralError(f"事项清单版本“{label}”已发布，版本号不能重复使用")
        store.publish(Feed.CATALOG, label, data)
        return data

    return _with_store(db_url, body)


def publish_calendar(db_url: str, year: int, text: str) -> dict[str, Any]:
    """Validate one year's calendar (the import format) and publish it on the ``calendar`` feed."""

    def body(store: CentralStore) -> dict[str, Any]:
        data = calendar_item(year, text)
        store.publish(Feed.CALENDAR, str(year), data)
        return data

    return _with_store(db_url, body)


def revoke_device(db_url: str, device_id: str) -> None:
    """Revoke an enrolled counter: its token gets 401 from now on."""
    _with_store(db_url, lambda s: s.revoke_device(device_id.strip()))


def log_config() -> dict[str, Any]:
    """uvicorn's logging set-up plus our access log ("onewindow.central") on the same handler."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["onewindow.central"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def serve(
    db_url: str,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    certfile: str | None = None,
    keyfile: str | None = None,
) -> None:
    """Run the central platform (blocks). HTTPS when both ``certfile`` and ``keyfile`` are given."""
    import uvicorn

    from sync.central.app import create_app

    if bool(certfile) != bool(keyfile):
        raise CentralError("启用 HTTPS 需要同时提供证书文件和私钥文件")
    try:
        app = create_app(db_url)
    except StorageError as exc:
        raise CentralError(exc.message) from exc
    uvicorn.run(
        app,
        host=host,
        port=port,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        access_log=False,  # our own middleware logs route templates only (no tokens, no personal data)
        log_config=log_config(),
        log_level="info",
        server_header=False,
    )
