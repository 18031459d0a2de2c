"""Reading and verifying the audit log. The auditor changes nothing: verifying and searching write
nothing; an export is itself recorded (who took which part of the log out of the system)."""

from __future__ import annotations

from collections.abc import Callable

from desktop.domain.audit import AuditPage, AuditQuery, AuditRecord, ChainVerdict
from desktop.domain.errors import DomainError
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, require, run_command

PAGE_SIZE = 200
EXPORT_LIMIT = 200_000


def verify(services: Services, actor: Actor) -> ChainVerdict:
    require(actor, Permission.READ_AUDIT)
    with services.uow() as uow:
        return uow.audit.verify()


def records(services: Services, actor: Actor, limit: int | None = None) -> list[AuditRecord]:
    require(actor, Permission.READ_AUDIT)
    with services.uow() as uow:
        return uow.audit.records(limit)


def _check(query: AuditQuery) -> None:
    if query.start is not None and query.end is not None and query.start >= query.end:
        raise DomainError("起始时间须早于结束时间")


def search(services: Services, actor: Actor, query: AuditQuery, page: int = 0) -> AuditPage:
    """One page (newest first) of the records matching ``query``."""
    require(actor, Permission.READ_AUDIT)
    _check(query)
    if page < 0:
        raise DomainError("页码不能为负数")
    with services.uow() as uow:
        return uow.audit.search(query, PAGE_SIZE, page * PAGE_SIZE)


def export(
    services: Services,
    actor: Actor,
    query: AuditQuery,
    write: Callable[[list[AuditRecord]], None] | None = None,
) -> list[AuditRecord]:
    """Every matching record (newest first) for a file; the export is audited with its filter.

    ``write`` (the file writer) runs inside the command: the export is recorded as done only when
    the file was written, and a writer that fails (a DomainError) leaves a refusal record instead."""
    _check(query)

    def body(uow: UnitOfWork, change: Change) -> list[AuditRecord]:
        found = uow.audit.search(query, EXPORT_LIMIT + 1, 0)
        if found.total > EXPORT_LIMIT:
            raise DomainError(
                f"符合条件的记录有 {found.total} 条，超过一次导出的上限 {EXPORT_LIMIT} 条，请缩小时间范围"
            )
        change.detail = {
            "start": query.start.isoformat() if query.start else "",
            "end": query.end.isoformat() if query.end else "",
            "actor": query.actor,
            "action": query.action,
            "target": query.target,
            "outcome": query.outcome,
            "records": found.total,
        }
        if write is not None:
            write(found.records)
        return found.records

    return run_command(services, actor, "audit.export", Permission.READ_AUDIT, body)
