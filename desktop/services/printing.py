"""Print records: every print, reprint and preview of a document is recorded and audited; a second
print of the same document is a reprint and needs a reason."""

from __future__ import annotations

from desktop.domain.errors import DomainError, PermissionDenied
from desktop.domain.permits import PrintRecord
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, run_command

KINDS = ("print", "reprint", "preview")


def times_printed(services: Services, document: str) -> int:
    with services.uow() as uow:
        return uow.prints.count(document)


def record(
    services: Services,
    actor: Actor,
    document: str,
    application_number: str,
    kind: str = "print",
    copies: int = 1,
    reason: str = "",
) -> PrintRecord:
    if kind not in KINDS:
        raise DomainError(f"未知的打印类型 {kind}")
    if copies < 1:
        raise DomainError("份数至少为 1")

    def body(uow: UnitOfWork, change: Change) -> PrintRecord:
        if not (actor.can(Permission.ISSUE) or actor.can(Permission.INTAKE)):
            raise PermissionDenied(f"用户 {actor.username}（{actor.role.label}）无权打印文书")
        effective = kind
        if kind == "print" and uow.prints.count(document) > 0:
            effective = "reprint"
        if effective == "reprint" and len(reason.strip()) < 2:
            raise DomainError(f"“{document}”已打印过，补打必须填写理由")
        entry = PrintRecord(
            document,
            application_number,
            effective,
            copies,
            reason.strip(),
            actor.username,
            services.clock.now(),
        )
        uow.prints.add(entry)
        change.detail = {
            "kind": effective,
            "copies": copies,
            "reason": reason.strip(),
            "case": application_number,
        }
        return entry

    return run_command(services, actor, f"print.{kind}", None, body, target=document)
