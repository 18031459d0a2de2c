"""审管联动 at the counter: supervision feedback pulled from the central platform for the
approving departments of this hall, with its due date and late/overdue flags, and its
acknowledgement by the department.

Who sees what (decided here):
- a reviewer (Permission.REVIEW) sees and acknowledges the feedback of their own department;
- a hall admin (Permission.OVERRIDE_WARNING), an admin and the system operator see every
  department's (the hall's overview); only the department's reviewers (and the system operator)
  acknowledge;
- everyone else is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.errors import DomainError, NotFound, PermissionDenied
from desktop.domain.linkage import SupervisionFeedback
from desktop.domain.users import Actor, Permission, Role
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, run_command

MAX_NOTE_LENGTH = 2000


@dataclass(frozen=True)
class FeedbackRow:
    """A feedback item as listed: the item, and whether it is overdue today."""

    feedback: SupervisionFeedback
    overdue: bool

    @property
    def due_on(self) -> date:
        return self.feedback.due_on

    @property
    def late(self) -> bool:
        return self.feedback.late


def _department_seen(actor: Actor) -> str | None:
    """The department whose feedback the actor sees; None for all departments."""
    if actor.role in (Role.SYSTEM, Role.ADMIN) or actor.can(Permission.OVERRIDE_WARNING):
        return None
    if actor.can(Permission.REVIEW):
        if not actor.department:
            raise PermissionDenied(f"用户 {actor.username} 未指定所属部门，无法查看监管反馈")
        return actor.department
    raise PermissionDenied(f"用户 {actor.username}（{actor.role.label}）无权查看审管联动监管反馈")


def feedback(services: Services, actor: Actor, open_only: bool = True) -> list[FeedbackRow]:
    """Supervision feedback for the actor's department (all departments for hall admins and
    admins), soonest due first; ``open_only`` leaves out what was acknowledged."""
    department = _department_seen(actor)
    today = services.clock.today()
    with services.uow() as uow:
        items = uow.feedback.list(department, open_only)
    return [FeedbackRow(f, f.overdue(today)) for f in items]


def acknowledge(services: Services, actor: Actor, feedback_id: str, note: str = "") -> SupervisionFeedback:
    """The approving department confirms it has dealt with the feedback (once; audited)."""
    if len(note) > MAX_NOTE_LENGTH:
        raise DomainError(f"处理说明不能超过 {MAX_NOTE_LENGTH} 个字")

    def body(uow: UnitOfWork, change: Change) -> SupervisionFeedback:
        item = uow.feedback.get(feedback_id)
        if item is None:
            raise NotFound(f"监管反馈 {feedback_id} 不存在")
        if actor.role is not Role.SYSTEM and actor.department != item.approving_department:
            raise PermissionDenied(
                f"监管反馈 {feedback_id} 发给{item.approving_department}，"
                f"{actor.username}（{actor.department or '未指定部门'}）不能签收"
            )
        if item.acknowledged:
            raise DomainError(f"监管反馈 {feedback_id} 已由 {item.acknowledged_by} 签收，不能重复签收")
        if not uow.feedback.acknowledge(feedback_id, actor.username, services.clock.now(), note.strip()):
            raise DomainError(f"监管反馈 {feedback_id} 已被签收，不能重复签收")
        change.detail = {
            "department": item.approving_department,
            "late": item.late,
            "overdue": item.overdue(services.clock.today()),
            "note": note.strip(),
        }
        done = uow.feedback.get(feedback_id)
        assert done is not None
        return done

    return run_command(services, actor, "linkage.acknowledge", Permission.REVIEW, body, target=feedback_id)
