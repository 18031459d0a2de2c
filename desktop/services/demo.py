"""`onewindow demo`: one 便利店 case run headless through the real services, for demos and checks.

Only in a demo database (made by `onewindow init --demo`): demo cases never land in real data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from desktop.domain.applications import RequestState
from desktop.domain.enterprises import Enterprise
from desktop.domain.errors import DomainError
from desktop.domain.identifiers import USCC_CHARSET, uscc_check_character
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import intake, issuing, keys, ratings, review, setup
from desktop.services.base import Services
from desktop.services.documents import NamedDocument, case_documents

DEMO_INDUSTRY = "便利店"


@dataclass
class DemoCase:
    application: str
    licence: str | None
    documents: list[NamedDocument] = field(default_factory=list)


def random_uscc(rng: random.Random) -> str:
    """A new well-formed USCC with a correct check character (登记管理部门 9, 企业 1)."""
    body = (
        "91"
        + "".join(rng.choice("0123456789") for _ in range(6))
        + "".join(rng.choice(USCC_CHARSET) for _ in range(9))
    )
    return body + uscc_check_character(body)


def run_case(services: Services, rng: random.Random | None = None) -> DemoCase:
    if not setup.is_demo(services):
        raise DomainError("演示流程只能在演示数据库中运行（请用 onewindow init --demo 建立）")
    rng = rng or random.Random()
    with services.uow() as uow:
        catalog = uow.catalog.current()
        has_key = bool(keys.current_key_id(uow))
    if catalog is None:
        raise DomainError("数据库中还没有事项清单")
    if not has_key:
        keys.create_station_key(services, SYSTEM_ACTOR, "演示出件窗口")
    industry = catalog.industry(DEMO_INDUSTRY)
    enterprise = Enterprise(
        uscc=random_uscc(rng),
        name=f"演示县便民{rng.randint(100, 999)}号便利店有限公司",
        legal_representative="李晓梅",
        address="演示县城关镇人民路88号",
        contact_phone="13900000000",
        legal_representative_id="11010519491231002X",
    )
    app = intake.submit(
        services,
        SYSTEM_ACTOR,
        enterprise,
        industry.matter_codes,
        {"business_area": "86"},
        industries=[industry.name],
    )
    committed = {r.matter_code for r in app.requests.values()}  # the applicant signs every commitment offered
    app = intake.accept(services, SYSTEM_ACTOR, app.id, committed=committed)
    for request in list(app.requests.values()):
        if request.state is RequestState.IN_REVIEW:
            review.claim(services, SYSTEM_ACTOR, app.id, request.id)
            app = review.grant(services, SYSTEM_ACTOR, app.id, request.id)
    result = issuing.issue(services, SYSTEM_ACTOR, app.id)
    issuing.deliver(services, SYSTEM_ACTOR, app.id, enterprise.legal_representative)
    ratings.rate(services, SYSTEM_ACTOR, app.id, 5, "一次办好", via="counter")
    return DemoCase(
        app.number, result.licence.number if result.licence else None, case_documents(services, app.id)
    )
