"""好差评 after issuing: once per case, entered by the applicant (at the counter's rating device or
the full-screen rating window); 不满意 / 非常不满意 open a rectification due in 15 working days."""

from __future__ import annotations

from desktop.domain.applications import ApplicationStatus
from desktop.domain.errors import DomainError, IllegalTransition, PermissionDenied
from desktop.domain.ratings import RECTIFICATION_WORKING_DAYS, RatingLevel, Rectification, ServiceRating
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, emit, run_command, work_calendar

VIA = ("counter", "pad")


def rate(
    services: Services, actor: Actor, application_id: str, level: int, comment: str = "", via: str = "pad"
) -> tuple[ServiceRating, Rectification | None]:
    try:
        rating_level = RatingLevel(level)
    except ValueError:
        raise DomainError("评价等级应为 1（非常不满意）到 5（非常满意）") from None
    if via not in VIA:
        raise DomainError(f"评价渠道应为 {'、'.join(VIA)}")
    if rating_level.needs_rectification and not comment.strip():
        raise DomainError("差评请填写不满意的原因，以便整改")

    def body(uow: UnitOfWork, change: Change) -> tuple[ServiceRating, Rectification | None]:
        if not (actor.can(Permission.ISSUE) or actor.can(Permission.INTAKE)):
            raise PermissionDenied(f"用户 {actor.username}（{actor.role.label}）无权登记评价")
        app = uow.applications.get(application_id)
        change.target = app.number
        if app.status not in (ApplicationStatus.ISSUED, ApplicationStatus.DELIVERED):
            raise IllegalTransition(f"办件 {app.number} 出件后才能评价")
        if uow.ratings.get(app.id) is not None:
            raise IllegalTransition(f"办件 {app.number} 已评价过，每个办件只能评价一次")
        now = services.clock.now()
        rating = ServiceRating(app.id, rating_level, comment.strip(), via, now)
        uow.ratings.add(rating)
        rectification = None
        if rating_level.needs_rectification:
            due = work_calendar(services, uow).add_working_days(
                services.clock.local_date(now), RECTIFICATION_WORKING_DAYS
            )
            rectification = Rectification(
                services.make_id(), app.id, rating_level, comment.strip(), due.due, now
            )
            uow.ratings.add_rectification(rectification)
        emit(
            services, uow, "ServiceRated", {"application": app.number, "level": int(rating_level), "via": via}
        )
        change.detail = {"level": int(rating_level), "via": via, "rectification": bool(rectification)}
        return rating, rectification

    return run_command(services, actor, "rating.rate", None, body, target=application_id)


def record_callback(services: Services, actor: Actor, rectification_id: str, record: str) -> Rectification:
    """整改完成并回访: the call-back record closes the task."""
    if len(record.strip()) < 4:
        raise DomainError("请填写回访记录（整改措施和申请人意见）")

    def body(uow: UnitOfWork, change: Change) -> Rectification:
        done = uow.ratings.complete(rectification_id, record.strip(), actor.username, services.clock.now())
        change.detail = {"record": record.strip()}
        return done

    return run_command(
        services, actor, "rating.callback", Permission.OVERRIDE_WARNING, body, target=rectification_id
    )


def open_rectifications(services: Services) -> list[Rectification]:
    with services.uow() as uow:
        return uow.ratings.rectifications("open")
