"""Wires the sync engine (sync/) to this counter's database and files: enrolment, one sync pass.

Imported only by desktop.runtime (contract 5b): the GUI reaches it through the ``SyncAgent`` port
on the services, the command line through the runtime.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from desktop.adapters.device_token import DeviceTokenFile
from desktop.adapters.sync_store import ServicesSyncStore
from desktop.domain.errors import DomainError, EnvironmentProblem
from desktop.domain.sync_state import SyncPassResult, SyncProgressNote
from desktop.domain.users import SYSTEM_ACTOR, Actor
from desktop.services import syncing
from desktop.services.base import Services
from sync.client import CentralClient
from sync.engine import SyncEngine, SyncProgress
from sync.errors import SyncError

ENROL_HINT = "onewindow device enrol --server 地址 --code 注册码"
NOT_ENROLLED = f"本机尚未在中心平台注册，当前为单机模式：请由管理员运行 {ENROL_HINT}"


def enrol(
    services: Services,
    token_file: Path,
    server: str,
    code: str,
    *,
    device_name: str = "",
    hall: str = "",
    pin: str | None = None,
    actor: Actor = SYSTEM_ACTOR,
) -> dict[str, str]:
    """Trade a one-time code for a device token; keep the token in its file, the rest in settings."""
    name = device_name or f"{platform.node() or 'counter'}-{services.window_number}"
    try:
        with CentralClient(server, None, pin=pin) as client:
            reply = client.enrol(code, name, hall)
    except SyncError as exc:
        raise EnvironmentProblem(exc.message) from exc
    except ValueError as exc:  # the client refuses a malformed address or pin before connecting
        raise DomainError(str(exc)) from exc
    DeviceTokenFile(token_file).write(reply.token)
    syncing.record_enrolment(services, actor, server, reply.device_id, reply.hall, pin or "")
    return {"device_id": reply.device_id, "hall": reply.hall, "server": server}


class CounterSyncAgent:
    """One sync pass at a time for this counter, under the hall's single-agent lock."""

    def __init__(
        self, services: Services, agent_lock: Callable[[], AbstractContextManager[object]], token_file: Path
    ) -> None:
        self._services = services
        self._agent_lock = agent_lock  # the hall's one-agent lock (db.agent_lock.SyncAgentLock)
        self._token_file = token_file

    def run_once(
        self,
        progress: Callable[[SyncProgressNote], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncPassResult:
        status = syncing.status(self._services)
        if not status.enrolled:
            raise EnvironmentProblem(NOT_ENROLLED)
        token = DeviceTokenFile(self._token_file).read()
        if not token:
            raise EnvironmentProblem(
                f"找不到本机的设备凭据（{self._token_file}）：请重新注册设备（onewindow device enrol）"
            )

        def report(p: SyncProgress) -> None:
            if progress is not None:
                progress(SyncProgressNote(p.stage, p.done, p.total))

        with (
            self._agent_lock(),
            CentralClient(status.server_url, token, pin=status.pin or None) as client,
        ):
            engine = SyncEngine(ServicesSyncStore(self._services), client, self._services.clock.now)
            r = engine.run_once(report, cancelled)
        return SyncPassResult(
            pushed=r.pushed,
            pulled=r.pulled,
            pending=r.pending,
            needs_attention=r.needs_attention,
            online=r.online,
            errors=tuple(r.errors),
        )
