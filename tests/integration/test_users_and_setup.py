"""Accounts: argon2id, lockout after five failures, demo versus real installations."""

from __future__ import annotations

import pytest

from desktop.adapters.clock import FixedClock
from desktop.domain.errors import DomainError, PermissionDenied
from desktop.domain.users import SYSTEM_ACTOR, Role
from desktop.services import setup, users
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle
from desktop.services.users import LoginFailed
from tests.conftest import make_services
from tests.support.factories import CLERK, HALL_ADMIN


def test_passwords_are_argon2id_and_never_stored_plain(services: Services) -> None:
    user = users.add_user(services, SYSTEM_ACTOR, "wang", Role.CLERK, "Counter2026")
    assert user.password_hash.startswith("$argon2id$")
    assert "Counter2026" not in user.password_hash
    assert user.must_change_password  # created by an admin: change at first login


def test_five_failed_logins_lock_the_account_until_unlocked(services: Services) -> None:
    users.add_user(services, SYSTEM_ACTOR, "li", Role.CLERK, "Counter2026")
    for attempt in range(1, 5):
        with pytest.raises(LoginFailed, match=f"再错 {5 - attempt} 次"):
            users.login(services, "li", "wrong-password")
    with pytest.raises(LoginFailed, match="已锁定"):
        users.login(services, "li", "wrong-password")
    # even the right password is refused now
    with pytest.raises(LoginFailed, match="已锁定"):
        users.login(services, "li", "Counter2026")
    with pytest.raises(PermissionDenied):
        users.unlock_user(services, CLERK, "li")
    users.unlock_user(services, HALL_ADMIN, "li")
    assert users.login(services, "li", "Counter2026").username == "li"


def test_weak_passwords_and_bad_accounts_are_refused(services: Services) -> None:
    with pytest.raises(DomainError, match="至少需要 8 位"):
        users.add_user(services, SYSTEM_ACTOR, "zhao", Role.CLERK, "short1")
    with pytest.raises(DomainError, match="字母和数字"):
        users.add_user(services, SYSTEM_ACTOR, "zhao", Role.CLERK, "onlyletters")
    with pytest.raises(DomainError, match="所属部门"):
        users.add_user(services, SYSTEM_ACTOR, "zhao", Role.REVIEWER, "Counter2026")
    with pytest.raises(DomainError, match="system"):
        users.add_user(services, SYSTEM_ACTOR, "system", Role.ADMIN, "Counter2026")
    with pytest.raises(PermissionDenied):
        users.add_user(services, CLERK, "zhao", Role.CLERK, "Counter2026")


def test_the_system_operator_cannot_log_in(services: Services) -> None:
    with pytest.raises(LoginFailed):
        users.login(services, "system", "anything")


def test_password_change_clears_the_first_login_flag(services: Services) -> None:
    user = users.add_user(services, SYSTEM_ACTOR, "sun", Role.CLERK, "Counter2026")
    users.change_password(services, user.as_actor(), "Counter2026", "Window2027")
    assert not users.login(services, "sun", "Window2027").must_change_password
    with pytest.raises(DomainError, match="原密码不正确"):
        users.change_password(services, user.as_actor(), "Counter2026", "Another2028")


def test_demo_database_has_demo_accounts_and_no_real_ones(
    sqlite_url: str, clock: FixedClock, bundle: CatalogBundle
) -> None:
    services = make_services(sqlite_url, clock)
    report = setup.initialise(services, bundle, demo=True)
    assert setup.is_demo(services)
    assert {"clerk", "admin", "auditor", "halladmin", "issuer", "inspector"} <= set(report.users_created)
    assert users.login(services, "clerk", setup.DEMO_PASSWORD).demo
    reviewers = [u for u in report.users_created if u.startswith("reviewer")]
    assert len(reviewers) >= 10
    with pytest.raises(DomainError, match="演示数据库"):
        users.add_user(services, SYSTEM_ACTOR, "real", Role.CLERK, "Counter2026")
    with pytest.raises(DomainError, match="演示数据库"):
        setup.initialise(services, bundle, admin=("root", "Counter2026"))
    # init --demo again is harmless
    assert setup.initialise(services, bundle, demo=True).users_created == []


def test_real_installation_gets_its_admin_and_refuses_demo_accounts(
    sqlite_url: str, clock: FixedClock, bundle: CatalogBundle
) -> None:
    services = make_services(sqlite_url, clock)
    report = setup.initialise(services, bundle, admin=("root", "Counter2026"))
    assert report.catalog_installed and report.users_created == ["root"]
    root = users.login(services, "root", "Counter2026")
    assert root.role is Role.ADMIN and not root.must_change_password and not root.demo
    with services.uow() as uow:
        assert all(not u.demo for u in uow.users.all())
    with pytest.raises(DomainError, match="正式账户"):
        setup.initialise(services, bundle, demo=True)
    with pytest.raises(LoginFailed):
        users.login(services, "clerk", setup.DEMO_PASSWORD)
