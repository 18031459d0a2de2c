"""Reading and verifying the audit log (the auditor changes nothing, so verifying writes nothing)."""

from __future__ import annotations

from desktop.domain.audit import AuditRecord, ChainVerdict
from desktop.domain.users import Actor, Permission
from desktop.services.base import Services, require


def verify(services: Services, actor: Actor) -> ChainVerdict:
    require(actor, Permission.READ_AUDIT)
    with services.uow() as uow:
        return uow.audit.verify()


def records(services: Services, actor: Actor, limit: int | None = None) -> list[AuditRecord]:
    require(actor, Permission.READ_AUDIT)
    with services.uow() as uow:
        return uow.audit.records(limit)
