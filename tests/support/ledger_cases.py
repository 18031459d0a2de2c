"""A small hall's November and December, driven through the real services, for the 改革台账 tests.

Timeline (Beijing time; the test clock starts Thursday 26 November 2026, 10:00):

- Thu 26 Nov: case A (书店: CB-01 and SCJG-01, both 优化审批服务, 10 working days, due Thu 10 Dec)
  and case B (no industry: SCJG-02 备案, XF-01 告知承诺 with the signed letter, WJ-05 取消审批,
  YC-01 优化审批服务 due Thu 10 Dec) are accepted; case F (SCJG-02 only) is accepted, issued and
  rated 非常满意; case D is submitted and never accepted. Wed 2 Dec is made a holiday.
- Mon 30 Nov: CB-01 of A granted (2 working days).
- Tue 1 Dec: case C (小餐饮: SCJG-01 due Wed 16 Dec — the holiday moves it —, SW-01 due Wed 9 Dec,
  XF-01 granted on commitment) is accepted.
- Mon 14 Dec: SCJG-01 of A granted (11 working days, late: due 10 Dec); A issued and rated 不满意
  (a rectification opens); SCJG-01 of C granted (8 working days, on time).
- Tue 15 Dec: the rectification is closed with its call-back. YC-01 (B) and SW-01 (C) stay open,
  both past their due dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from desktop.adapters.clock import CHINA, FixedClock
from desktop.domain.users import Actor, Role
from desktop.services import calendar, intake, issuing, keys, ratings, review
from desktop.services.base import Services
from tests.support.factories import (
    ADMIN,
    CLERK,
    HALL_ADMIN,
    ISSUER,
    OTHER_VALID_USCC,
    REVIEWER,
    enterprise,
)

TOBACCO = Actor("tobacco", Role.REVIEWER, "烟草专卖局")


def beijing(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=CHINA).astimezone(UTC)


@dataclass(frozen=True)
class Hall:
    a: str
    b: str
    c: str
    f: str
    d: str


def build_hall(services: Services, clock: FixedClock) -> Hall:
    clock.at = beijing(11, 26)
    keys.create_station_key(services, ADMIN, "一号出件窗口")
    calendar.set_day(services, ADMIN, date(2026, 12, 2), False, "测试：临时休息日")
    a = intake.submit(services, CLERK, enterprise(), ["CB-01", "SCJG-01"], industries=["书店"])
    a = intake.accept(services, CLERK, a.id)
    b = intake.submit(services, CLERK, enterprise(OTHER_VALID_USCC), ["SCJG-02", "XF-01", "WJ-05", "YC-01"])
    b = intake.accept(services, CLERK, b.id, committed={"XF-01"})
    f = intake.submit(services, CLERK, enterprise(), ["SCJG-02"])
    f = intake.accept(services, CLERK, f.id)
    issuing.issue(services, ISSUER, f.id)
    ratings.rate(services, ISSUER, f.id, 5, "", "pad")
    d = intake.submit(services, CLERK, enterprise(), ["SCJG-01"])

    clock.at = beijing(11, 30)
    cb = a.request_for("CB-01").id
    review.claim(services, REVIEWER, a.id, cb)
    review.grant(services, REVIEWER, a.id, cb)

    clock.at = beijing(12, 1)
    c = intake.submit(services, CLERK, enterprise(), ["SCJG-01", "SW-01", "XF-01"], industries=["小餐饮"])
    c = intake.accept(services, CLERK, c.id, committed={"XF-01"})

    clock.at = beijing(12, 14)
    for app in (a, c):
        food = app.request_for("SCJG-01").id
        review.claim(services, REVIEWER, app.id, food)
        review.grant(services, REVIEWER, app.id, food)
    issuing.issue(services, ISSUER, a.id)
    _, task = ratings.rate(services, ISSUER, a.id, 2, "等候时间过长", "pad")
    assert task is not None

    clock.at = beijing(12, 15)
    ratings.record_callback(services, HALL_ADMIN, task.id, "已优化叫号流程，申请人表示认可")
    return Hall(a.id, b.id, c.id, f.id, d.id)
