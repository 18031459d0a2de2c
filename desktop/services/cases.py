"""Case search (USCC, name, application number, permit or licence number) and a case's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.applications import ACTION_LABELS, Application, ApplicationStatus, CaseSummary
from desktop.domain.errors import DomainError
from desktop.domain.users import Actor, Permission
from desktop.services.base import Services, require


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    actor: str
    action: str  # Chinese label
    matter: str  # the item it concerns, or "" for the whole case
    detail: str


def find(services: Services, actor: Actor, text: str, limit: int = 50) -> list[CaseSummary]:
    require(actor, Permission.READ_CASES)
    text = text.strip()
    if len(text) < 2:
        raise DomainError("请输入至少 2 个字符（统一社会信用代码、名称、办件编号或证照编号）")
    with services.uow() as uow:
        return uow.applications.find(text, limit)


def awaiting_issue(services: Services, actor: Actor) -> list[CaseSummary]:
    require(actor, Permission.READ_CASES)
    with services.uow() as uow:
        return uow.applications.with_status(ApplicationStatus.DECIDED)


def get(services: Services, actor: Actor, application_id: str) -> Application:
    require(actor, Permission.READ_CASES)
    with services.uow() as uow:
        return uow.applications.get(application_id)


def history(app: Application) -> list[HistoryLine]:
    lines = []
    for action in app.actions:
        matter = app.requests[action.request_id].matter_name if action.request_id in app.requests else ""
        parts = []
        for key, label in (
            ("reason", "理由"),
            ("missing", "缺少材料"),
            ("due", "时限"),
            ("rule", "规则"),
            ("received_by", "领取人"),
            ("licence", "证照"),
        ):
            value = action.data.get(key)
            if value:
                parts.append(f"{label}：{'、'.join(value) if isinstance(value, list) else value}")
        lines.append(
            HistoryLine(action.at, action.actor, ACTION_LABELS[action.kind], matter, "；".join(parts))
        )
    return lines
