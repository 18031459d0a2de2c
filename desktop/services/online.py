"""一网办 at the counter: the online applications pulled for this hall, taken by one clerk each.

Taking one is a conditional update (``… WHERE status = 'new'``): when two clerks of a hall take
the same application at the same moment, exactly one wins and the other is told who holds it.
The clerk then submits it through ordinary intake with ``online_ref`` (intake.submit): the case
is ``channel = online`` and the online application is done, in the same transaction.
"""

from __future__ import annotations

from desktop.domain.errors import DomainError, NotFound, PermissionDenied
from desktop.domain.online import OnlineApplication, OnlineStatus
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, require, run_command


def pending(services: Services, actor: Actor | None = None) -> list[OnlineApplication]:
    """Online applications not yet submitted as cases (new and taken), oldest first."""
    if actor is not None and not actor.can(Permission.OVERRIDE_WARNING):  # the hall admin sees who holds what
        require(actor, Permission.INTAKE)
    with services.uow() as uow:
        return uow.online.open()


def get(services: Services, online_id: str) -> OnlineApplication:
    with services.uow() as uow:
        found = uow.online.get(online_id)
    if found is None:
        raise NotFound(f"网上申请 {online_id} 不存在")
    return found


def _unavailable(online: OnlineApplication | None, online_id: str) -> DomainError:
    if online is None:
        return NotFound(f"网上申请 {online_id} 不存在")
    if online.status is OnlineStatus.DONE:
        return DomainError(f"网上申请 {online_id} 已受理（办件已生成），无需再领取")
    return DomainError(f"网上申请 {online_id} 已由 {online.taken_by} 领取，请选择其他申请")


def take(services: Services, actor: Actor, online_id: str) -> OnlineApplication:
    """The clerk takes an online application to intake; taking one's own again is harmless."""

    def body(uow: UnitOfWork, change: Change) -> OnlineApplication:
        if not uow.online.take(online_id, actor.username, services.clock.now()):
            current = uow.online.get(online_id)
            if (
                current is None
                or current.taken_by != actor.username
                or current.status is not OnlineStatus.TAKEN
            ):
                raise _unavailable(current, online_id)
        taken = uow.online.get(online_id)
        assert taken is not None
        change.detail = {"uscc": taken.uscc, "name": taken.enterprise_name}
        return taken

    return run_command(services, actor, "online.take", Permission.INTAKE, body, target=online_id)


def release(services: Services, actor: Actor, online_id: str) -> OnlineApplication:
    """Give it back to the list: the clerk who holds it, or a hall admin for anyone's."""

    def body(uow: UnitOfWork, change: Change) -> OnlineApplication:
        if not (actor.can(Permission.INTAKE) or actor.can(Permission.OVERRIDE_WARNING)):
            require(actor, Permission.INTAKE)  # raises, with the usual message (and is audited)
        current = uow.online.get(online_id)
        if current is None:
            raise NotFound(f"网上申请 {online_id} 不存在")
        if current.status is not OnlineStatus.TAKEN:
            raise DomainError(f"网上申请 {online_id} 当前为“{current.status.label}”，无需释放")
        supervisor = actor.can(Permission.OVERRIDE_WARNING)
        if current.taken_by != actor.username and not supervisor:
            raise PermissionDenied(
                f"网上申请 {online_id} 由 {current.taken_by} 领取，只有本人或大厅管理员能释放"
            )
        if not uow.online.release(online_id, None if supervisor else actor.username):
            raise _unavailable(uow.online.get(online_id), online_id)
        change.detail = {"held_by": current.taken_by}
        released = uow.online.get(online_id)
        assert released is not None
        return released

    return run_command(services, actor, "online.release", None, body, target=online_id)
