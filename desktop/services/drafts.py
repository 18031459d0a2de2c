"""Intake drafts, saved as the clerk types, so nothing typed is lost to an idle lock or a crash.

Drafts have no legal effect and are not audited; each clerk sees only their own; a draft is
removed when its case is submitted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.domain.users import Actor, Permission
from desktop.services.base import Services, require


def save(services: Services, actor: Actor, draft_id: str | None, title: str, data: dict[str, Any]) -> str:
    require(actor, Permission.INTAKE)
    draft_id = draft_id or services.make_id()
    with services.uow() as uow:
        uow.drafts.put(draft_id, actor.username, title, data, services.clock.now())
        uow.commit()
    return draft_id


def load(services: Services, actor: Actor, draft_id: str) -> dict[str, Any] | None:
    with services.uow() as uow:
        return uow.drafts.get(draft_id, actor.username)


def mine(services: Services, actor: Actor) -> list[tuple[str, str, datetime]]:
    with services.uow() as uow:
        return uow.drafts.list(actor.username)


def discard(services: Services, actor: Actor, draft_id: str) -> None:
    with services.uow() as uow:
        uow.drafts.delete(draft_id, actor.username)
        uow.commit()
