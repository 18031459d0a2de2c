"""Staff accounts: creation, login with lockout, password changes."""

from __future__ import annotations

import re

from desktop.domain.errors import DomainError, PermissionDenied
from desktop.domain.users import MAX_FAILED_LOGINS, SYSTEM_USERNAME, Actor, Permission, Role, User
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, run_command

_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,32}$")
MIN_PASSWORD_LENGTH = 8


class LoginFailed(DomainError):
    code = "login_failed"


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(f"密码至少需要 {MIN_PASSWORD_LENGTH} 位")
    if not (re.search(r"[A-Za-z]", password) and re.search(r"\d", password)):
        raise DomainError("密码必须同时包含字母和数字")


def _check_new_user(uow: UnitOfWork, username: str, role: Role, department: str) -> None:
    if not _USERNAME.match(username):
        raise DomainError("用户名只能使用 2–32 位字母、数字、下划线、点或短横线")
    if username == SYSTEM_USERNAME or role is Role.SYSTEM:
        raise DomainError("“system”是内置的命令行操作员，不能作为登录用户")
    if role is Role.REVIEWER and not department:
        raise DomainError("部门审批员必须指定所属部门（--department）")
    if uow.users.get(username) is not None:
        raise DomainError(f"用户 {username} 已存在")


def add_user(
    services: Services,
    actor: Actor,
    username: str,
    role: Role,
    password: str,
    department: str = "",
    display_name: str = "",
    *,
    demo: bool = False,
) -> User:
    """An admin creates an account; the user must change the password at first login."""
    if not demo:
        check_password_strength(password)

    def body(uow: UnitOfWork, change: Change) -> User:
        _check_new_user(uow, username, role, department)
        if not demo and uow.settings.get("demo") == "1":
            raise DomainError("这是演示数据库，不能创建正式账户；请用 onewindow init --admin 新建正式数据库")
        if demo and uow.settings.get("demo") != "1":
            raise DomainError("这是正式数据库，不能创建演示账户")
        user = User(
            username=username,
            role=role,
            password_hash=services.hasher.hash(password),
            department=department,
            display_name=display_name or username,
            must_change_password=not demo,
            demo=demo,
        )
        uow.users.add(user)
        change.detail = {"role": role.value, "department": department, "demo": demo}
        return user

    return run_command(services, actor, "user.add", Permission.MANAGE_USERS, body, target=username)


def login(services: Services, username: str, password: str) -> User:
    """Check a password. Five failures in a row lock the account (a hall admin unlocks it)."""
    with services.uow() as uow:
        user = uow.users.get(username)
        if user is None or not user.active or user.role is Role.SYSTEM:
            uow.audit.append(
                services.clock.now(), username, "user.login", username, {}, "refused: unknown_user"
            )
            uow.commit()
            raise LoginFailed("用户名或密码不正确")
        if user.locked:
            uow.audit.append(services.clock.now(), username, "user.login", username, {}, "refused: locked")
            uow.commit()
            raise LoginFailed(f"账户已锁定（连续 {MAX_FAILED_LOGINS} 次密码错误），请联系管理员解锁")
        if not services.hasher.verify(user.password_hash, password):
            user.record_failed_login()
            uow.users.save(user)
            uow.audit.append(
                services.clock.now(),
                username,
                "user.login",
                username,
                {"failed_logins": user.failed_logins, "locked": user.locked},
                "refused: bad_password",
            )
            uow.commit()
            left = MAX_FAILED_LOGINS - user.failed_logins
            if user.locked:
                raise LoginFailed("密码错误次数过多，账户已锁定，请联系管理员解锁")
            raise LoginFailed(f"用户名或密码不正确（再错 {left} 次将锁定账户）")
        user.record_successful_login()
        uow.users.save(user)
        uow.audit.append(services.clock.now(), username, "user.login", username, {}, "ok")
        uow.commit()
        return user


def change_password(services: Services, actor: Actor, old: str, new: str) -> None:
    check_password_strength(new)

    def body(uow: UnitOfWork, change: Change) -> None:
        user = uow.users.get(actor.username)
        if user is None or not services.hasher.verify(user.password_hash, old):
            raise DomainError("原密码不正确")
        if old == new:
            raise DomainError("新密码不能与原密码相同")
        user.password_hash = services.hasher.hash(new)
        user.must_change_password = False
        uow.users.save(user)

    run_command(services, actor, "user.change_password", None, body, target=actor.username)


def unlock_user(services: Services, actor: Actor, username: str) -> None:
    def body(uow: UnitOfWork, change: Change) -> None:
        if not (actor.can(Permission.MANAGE_USERS) or actor.can(Permission.OVERRIDE_WARNING)):
            raise PermissionDenied(f"用户 {actor.username} 无权解锁账户")
        user = uow.users.get(username)
        if user is None:
            raise DomainError(f"用户 {username} 不存在")
        user.locked = False
        user.failed_logins = 0
        uow.users.save(user)

    run_command(services, actor, "user.unlock", None, body, target=username)
