"""Credit records (信用记录): written automatically by the after-approval commands (a failed
commitment check, an annulment for a false commitment, a revocation as a penalty) and by hand by an
inspector (``record``: violations, penalties, market bans).

A market ban (市场禁入) in force on the enterprise (USCC) or its legal representative (resident ID)
stops intake with a warning (``NeedsOverride``); a supervisor may let the case through with a reason
(``override_market_ban_warning``), as with a USCC check character. The override covers the bans in
force when it was given: a newer ban needs a new override. Automatic approval rules keep reading
the same records (``no_credit_record`` conditions, desktop/domain/rules.py).
"""

from __future__ import annotations

import hashlib
from datetime import date

from desktop.domain.after_approval import CREDIT_RECORD_YEARS, add_years
from desktop.domain.credit import CreditRecord, CreditRecordKind
from desktop.domain.enterprises import Enterprise
from desktop.domain.errors import DomainError, NeedsOverride
from desktop.domain.identifiers import check_uscc
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, emit, require, run_command

MARKET_BAN = "market_ban"  # the warning-override kind
MIN_REASON_LENGTH = 4


def add_record(
    services: Services,
    uow: UnitOfWork,
    kind: CreditRecordKind,
    reason: str,
    department: str,
    uscc: str = "",
    person_id: str = "",
    valid_until: date | None = None,
) -> CreditRecord:
    """Write a credit record inside the current unit of work (and tell the central platform).

    Automatic records (``valid_until`` None here) stay in force CREDIT_RECORD_YEARS years."""
    now = services.clock.now()
    until = valid_until or add_years(services.clock.local_date(now), CREDIT_RECORD_YEARS)
    record = CreditRecord(services.make_id(), kind, reason, department, now, uscc, person_id, until)
    uow.credit.add(record)
    emit(
        services,
        uow,
        "CreditRecordAdded",
        {
            "id": record.id,
            "kind": kind.value,
            "uscc": uscc,
            "person": bool(person_id),  # the resident ID itself stays local
            "reason": reason,
            "department": department,
            "valid_until": until.isoformat(),
        },
    )
    return record


def record(
    services: Services,
    actor: Actor,
    kind: CreditRecordKind | str,
    reason: str,
    uscc: str = "",
    person_id: str = "",
    department: str = "",
    valid_until: date | None = None,
) -> CreditRecord:
    """An inspector records a violation, a penalty, a false commitment or a market ban by hand.

    A market ban needs its end date (``valid_until``); other kinds default to CREDIT_RECORD_YEARS."""
    try:
        credit_kind = CreditRecordKind(kind)
    except ValueError:
        known = "、".join(f"{k.value}（{k.label}）" for k in CreditRecordKind)
        raise DomainError(f"信用记录类别“{kind}”无法识别，应为：{known}") from None

    def body(uow: UnitOfWork, change: Change) -> CreditRecord:
        if len(reason.strip()) < MIN_REASON_LENGTH:
            raise DomainError(f"请填写信用记录的事实和依据（至少 {MIN_REASON_LENGTH} 个字）")
        if not uscc.strip() and not person_id.strip():
            raise DomainError("信用记录须指明市场主体（统一社会信用代码）或个人（身份证号）")
        code = ""
        if uscc.strip():
            check = check_uscc(uscc)
            if not check.well_formed:
                raise DomainError(check.message)
            code = check.normalized
        today = services.clock.today()
        if credit_kind is CreditRecordKind.MARKET_BAN and valid_until is None:
            raise DomainError("市场禁入须写明禁入期限（截止日期）")
        if valid_until is not None and valid_until < today:
            raise DomainError("信用记录的有效期不能早于今天")
        dept = department.strip() or actor.department or "监管部门"
        change.target = code or "个人"
        change.detail = {"kind": credit_kind.value, "reason": reason.strip(), "department": dept}
        return add_record(
            services, uow, credit_kind, reason.strip(), dept, code, person_id.strip().upper(), valid_until
        )

    return run_command(services, actor, "credit.record", Permission.INSPECT, body)


def records_for(services: Services, actor: Actor, uscc: str = "", person_id: str = "") -> list[CreditRecord]:
    """Every credit record of an enterprise and/or a person, oldest first (in force or not)."""
    require(actor, Permission.READ_CASES)
    with services.uow() as uow:
        return uow.credit.for_subject(uscc.strip().upper(), person_id.strip().upper())


def market_bans(uow: UnitOfWork, uscc: str, person_id: str, today: date) -> list[CreditRecord]:
    """Market bans in force (valid_until ≥ today) on the enterprise or its legal representative."""
    return [
        r
        for r in uow.credit.for_subject(uscc, person_id)
        if r.kind is CreditRecordKind.MARKET_BAN and r.in_force(today)
    ]


def _override_subject(uscc: str, bans: list[CreditRecord]) -> str:
    """The override covers exactly this set of bans: any other ban changes the subject."""
    digest = hashlib.sha256("|".join(sorted(b.id for b in bans)).encode()).hexdigest()[:32]
    return f"{uscc}:{digest}"


def check_market_ban(services: Services, uow: UnitOfWork, enterprise: Enterprise) -> None:
    """Called by intake.submit: a ban in force stops intake unless a supervisor has overridden it."""
    bans = market_bans(uow, enterprise.uscc, enterprise.legal_representative_id, services.clock.today())
    if not bans or uow.overrides.exists(MARKET_BAN, _override_subject(enterprise.uscc, bans)):
        return
    lines = []
    for ban in bans:
        who = "该市场主体" if ban.uscc == enterprise.uscc else f"法定代表人{enterprise.legal_representative}"
        until = ban.valid_until.isoformat() if ban.valid_until else "长期"
        lines.append(f"{who}被{ban.department}列入市场禁入（至 {until}）：{ban.reason}")
    raise NeedsOverride(
        "；".join(lines) + "。市场禁入期间不得受理其许可申请；如确有依据，请主管说明理由后覆盖此警告。"
    )


def override_market_ban_warning(
    services: Services, actor: Actor, uscc: str, reason: str, person_id: str = ""
) -> str:
    """A supervisor lets a case of a banned enterprise (or representative) through, with a reason.

    ``person_id``: the legal representative's resident ID, for an enterprise not yet on file."""

    def body(uow: UnitOfWork, change: Change) -> str:
        code = uscc.strip().upper()
        if len(reason.strip()) < MIN_REASON_LENGTH:
            raise DomainError(f"请填写覆盖理由（至少 {MIN_REASON_LENGTH} 个字）")
        enterprise = uow.enterprises.get(code)
        person = person_id.strip().upper() or (enterprise.legal_representative_id if enterprise else "")
        bans = market_bans(uow, code, person, services.clock.today())
        if not bans:
            raise DomainError("该市场主体及其法定代表人没有生效的市场禁入记录，无需覆盖")
        subject = _override_subject(code, bans)
        uow.overrides.add(MARKET_BAN, subject, reason.strip(), actor.username, services.clock.now())
        change.detail = {"reason": reason.strip(), "bans": [b.id for b in bans]}
        return code

    return run_command(
        services, actor, "intake.override_market_ban", Permission.OVERRIDE_WARNING, body, target=uscc
    )
