"""A real central platform (uvicorn in a thread) for tests of the sync engine and the server.

    with running_central(tmp_path) as central:
        code = central.enrol_code()
        httpx.post(f"{central.base_url}/api/v1/enrol", json={...})

The server listens on 127.0.0.1 on a free port and is stopped (thread joined) on exit.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from sync.central.admin import create_admin_token, create_enrol_code, stats
from sync.central.app import create_app

STARTUP_TIMEOUT = 20.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class CentralHandle:
    base_url: str  # http://127.0.0.1:PORT or https://127.0.0.1:PORT (no trailing slash)
    db_url: str
    admin_token: str
    verify: ssl.SSLContext | bool = field(default=True, repr=False)  # what httpx needs for https

    def enrol_code(self) -> str:
        return create_enrol_code(self.db_url)

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.base_url, headers=headers, verify=self.verify, timeout=30)

    def admin_post(self, path: str, json: Any) -> httpx.Response:
        """POST to ``path`` (e.g. "/api/v1/admin/users") with the admin token."""
        with self.client(self.admin_token) as client:
            return client.post(path, json=json)

    def admin_get(self, path: str) -> httpx.Response:
        with self.client(self.admin_token) as client:
            return client.get(path)

    def stats(self) -> dict[str, int]:
        return stats(self.db_url)


@contextmanager
def running_central(
    tmp_path: Path,
    db_url: str | None = None,
    *,
    certfile: str | None = None,
    keyfile: str | None = None,
    cafile: str | None = None,
) -> Iterator[CentralHandle]:
    """Start the central platform; ``certfile``+``keyfile`` serve HTTPS (``cafile`` to trust it)."""
    url = db_url or f"sqlite:///{tmp_path / 'central.sqlite3'}"
    app = create_app(url)
    admin_token = create_admin_token(url)
    port = _free_port()
    tls = bool(certfile and keyfile)
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        ssl_certfile=certfile if tls else None,
        ssl_keyfile=keyfile if tls else None,
        access_log=False,
        log_config=None,  # leave logging as the test run set it up (caplog sees our records)
        log_level="warning",
        lifespan="on",
        server_header=False,
    )
    server = uvicorn.Server(config)
    before = set(threading.enumerate())
    thread = threading.Thread(target=server.run, name=f"central-{port}", daemon=False)
    thread.start()
    verify: ssl.SSLContext | bool = True
    if tls and cafile:
        verify = ssl.create_default_context(cafile=cafile)
    elif tls:
        verify = False
    handle = CentralHandle(f"{'https' if tls else 'http'}://127.0.0.1:{port}", url, admin_token, verify)
    try:
        _wait_until_up(handle, server, thread)
        yield handle
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        if thread.is_alive():  # pragma: no cover - a hung server
            server.force_exit = True
            thread.join(timeout=10)
        # The server's worker threads (AnyIO's pool) stop when its event loop ends: wait for them.
        for worker in set(threading.enumerate()) - before:
            if worker.name.startswith("AnyIO worker"):
                worker.join(timeout=10)


def _wait_until_up(handle: CentralHandle, server: uvicorn.Server, thread: threading.Thread) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    with handle.client() as client:
        while time.monotonic() < deadline:
            if not thread.is_alive():
                raise RuntimeError("the central platform stopped while starting")
            if server.started:
                try:
                    if client.get("/api/v1/info").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
            time.sleep(0.02)
    raise RuntimeError(f"the central platform did not answer within {STARTUP_TIMEOUT} s")
