"""`onewindow init`: the bundled catalog, and either demo accounts or the first real admin."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.errors import DomainError
from desktop.domain.users import SYSTEM_ACTOR, Role
from desktop.services import inspections, users
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle

DEMO_PASSWORD = "demo"  # only ever in a database made by `onewindow init --demo`
DEMO_FLAG = "demo"


@dataclass
class InitReport:
    catalog_installed: str | None = None
    demo: bool = False
    users_created: list[str] = field(default_factory=list)


def is_demo(services: Services) -> bool:
    with services.uow() as uow:
        return uow.settings.get(DEMO_FLAG) == "1"


def initialise(
    services: Services,
    bundle: CatalogBundle,
    *,
    demo: bool = False,
    admin: tuple[str, str] | None = None,
) -> InitReport:
    report = InitReport(demo=demo)
    with services.uow() as uow:
        has_catalog = uow.catalog.current() is not None
        existing = uow.users.all()
        demo_db = uow.settings.get(DEMO_FLAG) == "1"
    if demo and any(not u.demo for u in existing):
        raise DomainError("该数据库已有正式账户，不能加入演示账户；请为演示另建数据库")
    if admin and demo_db:
        raise DomainError("这是演示数据库，不能创建正式管理员；请为正式使用另建数据库")
    if demo and not demo_db:
        with services.uow() as uow:
            uow.settings.put(DEMO_FLAG, "1")
            uow.audit.append(services.clock.now(), SYSTEM_ACTOR.username, "setup.demo", "", {}, "ok")
            uow.commit()
    if not has_catalog:
        report.catalog_installed = install_bundle(services, SYSTEM_ACTOR, bundle).label
    if demo:
        names = {u.username for u in existing}
        for username, role, department in demo_accounts(bundle):
            if username not in names:
                users.add_user(
                    services,
                    SYSTEM_ACTOR,
                    username,
                    role,
                    DEMO_PASSWORD,
                    department,
                    f"演示-{role.label}",
                    demo=True,
                )
                report.users_created.append(username)
        report.users_created += _demo_inspections(services, bundle)
    if admin:
        name, password = admin
        user = users.add_user(services, SYSTEM_ACTOR, name, Role.ADMIN, password, display_name=name)
        with services.uow() as uow:  # the installer chose this password: no forced change
            user.must_change_password = False
            uow.users.save(user)
            uow.commit()
        report.users_created.append(name)
    return report


def _demo_inspections(services: Services, bundle: CatalogBundle) -> list[str]:
    """双随机 demo reference data (once): inspection items, and the inspector pool with a demo
    account for each inspector; the usernames of the accounts created."""
    with services.uow() as uow:
        if uow.inspections.inspectors():
            return []
    items, inspectors = inspections.demo_reference(bundle.matters)
    inspections.add_items(services, SYSTEM_ACTOR, items)
    return inspections.add_demo_inspectors(services, SYSTEM_ACTOR, inspectors, DEMO_PASSWORD)


def demo_accounts(bundle: CatalogBundle) -> list[tuple[str, Role, str]]:
    accounts: list[tuple[str, Role, str]] = [
        ("clerk", Role.CLERK, ""),
        ("clerk2", Role.CLERK, ""),
        ("issuer", Role.ISSUER, ""),
        ("inspector", Role.INSPECTOR, ""),
        ("halladmin", Role.HALL_ADMIN, ""),
        ("admin", Role.ADMIN, ""),
        ("auditor", Role.AUDITOR, ""),
    ]
    departments = sorted({m.approving_department for m in bundle.matters if m.approving_department})
    for index, department in enumerate(departments, start=1):
        accounts.append((f"reviewer{index:02d}", Role.REVIEWER, department))
    return accounts
