"""Small builders shared by the tests."""

from __future__ import annotations

from typing import TypeVar

from desktop.domain.enterprises import Enterprise
from desktop.domain.users import Actor, Role

T = TypeVar("T")

VALID_USCC = "91310110666007217T"
OTHER_VALID_USCC = "91110000600037341L"
BAD_CHECKSUM_USCC = "91350100M0001TGQXM"  # real early code with a wrong check character

CLERK = Actor("clerk", Role.CLERK)
APPROVAL_BUREAU = "行政审批服务管理局"
REVIEWER = Actor("reviewer", Role.REVIEWER, APPROVAL_BUREAU)
FIRE_REVIEWER = Actor("fire", Role.REVIEWER, "消防救援大队")
HALL_ADMIN = Actor("halladmin", Role.HALL_ADMIN)
AUDITOR = Actor("auditor", Role.AUDITOR)
ADMIN = Actor("admin", Role.ADMIN)
ISSUER = Actor("issuer", Role.ISSUER)
INSPECTOR = Actor("inspector", Role.INSPECTOR)


def enterprise(uscc: str = VALID_USCC, in_ftz: bool = False) -> Enterprise:
    return Enterprise(
        uscc=uscc,
        name="晋中市榆次区便民超市有限公司",
        legal_representative="张三",
        address="山西省晋中市榆次区顺城街1号",
        contact_phone="13800000000",
        legal_representative_id="11010519491231002X",
        in_ftz=in_ftz,
    )


def rows(services: object, model: type[T], order_by: object = None) -> list[T]:
    """Every row of a table, read straight from the database (not through the services)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    engine = services.uow.engine  # type: ignore[attr-defined]
    with Session(engine) as session:
        stmt = select(model)
        if order_by is not None:
            stmt = stmt.order_by(order_by)  # type: ignore[arg-type]
        return list(session.scalars(stmt))
