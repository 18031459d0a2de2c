"""Separate duties: the role × permission table, checked against a table written here by hand
(not derived from the code's own table)."""

from __future__ import annotations

import pytest

from desktop.domain.users import Actor, Permission, Role

P = Permission
EXPECTED: dict[Role, set[Permission]] = {
    Role.CLERK: {P.INTAKE, P.READ_CASES, P.VERIFY},
    Role.REVIEWER: {P.REVIEW, P.READ_CASES, P.VERIFY},
    Role.ISSUER: {P.ISSUE, P.READ_CASES, P.VERIFY},
    Role.INSPECTOR: {P.INSPECT, P.READ_CASES, P.VERIFY},
    Role.HALL_ADMIN: {P.OVERRIDE_WARNING, P.READ_CASES, P.MANAGE_CALENDAR, P.VERIFY, P.PUBLISH},
    Role.ADMIN: {P.MANAGE_USERS, P.MANAGE_CATALOG, P.MANAGE_CALENDAR, P.MANAGE_KEYS},
    Role.AUDITOR: {P.READ_AUDIT, P.READ_CASES},
    Role.SYSTEM: set(Permission),
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", list(Permission))
def test_role_permission_table(role: Role, permission: Permission) -> None:
    assert Actor("u", role).can(permission) == (permission in EXPECTED[role])


def test_auditor_holds_no_permission_that_changes_anything() -> None:
    read_only = {P.READ_AUDIT, P.READ_CASES}
    assert all(not Actor("a", Role.AUDITOR).can(p) for p in set(Permission) - read_only)


def test_clerk_cannot_grant() -> None:
    assert not Actor("c", Role.CLERK).can(P.REVIEW)
