"""Applying what the central platform publishes (the pulled feeds) to this counter's database.

``apply_page`` applies one page of one feed and stores the page's cursor in ONE unit of work:
either both are committed or neither (an exception rolls back the items and the cursor, and the
sync engine fetches the same page again next pass). Items are upserts keyed by their key, so a
page applied twice changes nothing the second time.

An item the counter cannot use — a catalog table the import rejects, a calendar with bad lines,
an unknown role, a malformed field — is a different matter: the same bytes would fail on every
pass and wedge that feed forever. Such an item (any ``DomainError`` while applying it) is undone
alone (a savepoint), recorded in ``sync_state.rejected`` of its feed and in the audit log
(``sync.skip``, refused), and skipped; the rest of the page applies and the cursor advances. The
platform fixes it by publishing a corrected item (a new catalog label, the year's calendar
again…). Anything else (a database error, a bug) is not the item's fault and rolls the page back.

Each page writes one audit record, ``sync.pull`` by the system operator, target = the feed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from desktop.domain.calendar import WorkCalendar, parse_schedule
from desktop.domain.catalog_table import Table
from desktop.domain.errors import DomainError
from desktop.domain.linkage import DEFAULT_FEEDBACK_LIMIT_DAYS, SupervisionFeedback, is_late
from desktop.domain.online import OnlineApplication
from desktop.domain.permits import PermitStatus, StatusEntry, TrustedKey
from desktop.domain.sync_state import FEEDS
from desktop.domain.users import SYSTEM_ACTOR, SYSTEM_USERNAME, Role, User
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, run_command, work_calendar
from desktop.services.calendar import recompute_in as recompute_provisional
from desktop.services.catalog import add_imported_version

FEEDBACK_LIMIT_DAYS = "feedback_limit_days"  # setting: 审管联动 feedback limit, working days
CENTRAL = "central"
KEY_STATES = ("active", "retired", "revoked")
MIN_YEAR, MAX_YEAR = 1900, 2999  # what a pulled time may say
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,32}$")


class BadFeedItem(DomainError):
    """A pulled item this counter cannot use; it is skipped and recorded, never retried."""

    code = "bad_feed_item"


@dataclass
class _Page:
    """What the appliers of one page share (computed once per page)."""

    services: Services
    uow: UnitOfWork
    now: datetime
    _calendar: WorkCalendar | None = field(default=None)

    @property
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            self._calendar = work_calendar(self.services, self.uow)
        return self._calendar


# ------------------------------------------------------------------ field readers
def _text(data: Mapping[str, Any], name: str, max_length: int, *, required: bool = True) -> str:
    value = data.get(name)
    if value is None or value == "":
        if required:
            raise BadFeedItem(f"缺少字段 {name}")
        return ""
    if not isinstance(value, str | int):
        raise BadFeedItem(f"字段 {name} 应为文字")
    text = str(value).strip()
    if len(text) > max_length:
        raise BadFeedItem(f"字段 {name} 超过 {max_length} 个字符")
    return text


def _when(data: Mapping[str, Any], name: str, *, required: bool = True) -> datetime | None:
    value = data.get(name)
    if value in (None, ""):
        if required:
            raise BadFeedItem(f"缺少时间字段 {name}")
        return None
    try:
        at = datetime.fromisoformat(str(value))
    except ValueError:
        raise BadFeedItem(f"时间字段 {name} 格式不正确：{value}") from None
    if at.tzinfo is None:
        raise BadFeedItem(f"时间字段 {name} 缺少时区：{value}")
    if not MIN_YEAR <= at.year <= MAX_YEAR:  # local dates and deadlines near year 1 or 9999 overflow
        raise BadFeedItem(f"时间字段 {name} 超出合理范围：{value}")
    return at


def _required_when(data: Mapping[str, Any], name: str) -> datetime:
    at = _when(data, name)
    assert at is not None
    return at


def _same_key(key: str, value: str, what: str) -> None:
    if value != key:
        raise BadFeedItem(f"{what} {value} 与条目键 {key} 不一致")


# ------------------------------------------------------------------ catalog
def _apply_catalog(page: _Page, key: str, data: Mapping[str, Any]) -> bool:
    """A new catalog version, installed as ``onewindow catalog import`` does; a known label: no-op."""
    label = _text(data, "label", 64)
    _same_key(key, label, "版本号")
    if label in {v.label for v in page.uow.catalog.versions()}:
        return False
    rows = data.get("table")
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise BadFeedItem(f"事项清单 {label} 的 table 应为行的列表")
    source = _text(data, "source", 500, required=False) or "中心平台"
    published = _text(data, "published_at", 40, required=False)
    note = _text(data, "note", 2000, required=False) or (
        f"由中心平台发布（{published}）" if published else "由中心平台发布"
    )
    add_imported_version(page.services, page.uow, Table.from_rows(rows), source, label=label, note=note)
    return True


# ------------------------------------------------------------------ calendar
def _apply_calendar(page: _Page, key: str, data: Mapping[str, Any]) -> bool:
    """One year's official schedule, as ``onewindow calendar import``; deadlines recomputed."""
    text = data.get("text")
    if not isinstance(text, str):
        raise BadFeedItem("工作日历缺少 text")
    year, entries, errors = parse_schedule(text)
    if errors:
        first = "；".join(f"第 {e.row} 行：{e.message}" for e in errors[:3])
        raise BadFeedItem(f"工作日历有 {len(errors)} 处错误（{first}）")
    wanted = _text(data, "year", 4, required=False) or key
    if str(year) != wanted or str(year) != key:
        raise BadFeedItem(f"工作日历内容为 {year} 年，与条目 {key} 不符")
    uow = page.uow
    known = {d: w for d, w in uow.calendar.overrides().items() if d.year == year}
    if year in uow.calendar.imported_years() and known == {e.day: e.workday for e in entries}:
        return False
    uow.calendar.import_year(year, entries, f"{CENTRAL}:{year}")
    page._calendar = None
    recompute_provisional(page.services, uow, SYSTEM_ACTOR)
    return True


# ------------------------------------------------------------------ trust list
def _apply_trusted_key(page: _Page, key: str, data: Mapping[str, Any]) -> bool:
    """A print station's public key. This station's own (local) keys keep their state — only a
    central revocation reaches them."""
    key_id = _text(data, "key_id", 16)
    _same_key(key, key_id, "密钥编号")
    pem = _text(data, "public_key_pem", 4000)
    status = _text(data, "status", 16, required=False) or "active"
    if status not in KEY_STATES:
        raise BadFeedItem(f"密钥状态 {status} 无效（应为 {'/'.join(KEY_STATES)}）")
    checker = page.services.signatures
    if checker is not None and checker.key_id(pem) != key_id:
        raise BadFeedItem(f"公钥与密钥编号 {key_id} 不符")
    uow = page.uow
    existing = uow.trust_list.get(key_id)
    if existing is not None and existing.source != CENTRAL:
        if status == "revoked" and existing.status != "revoked":
            uow.trust_list.put(replace(existing, status="revoked"))
            return True
        return False
    new = TrustedKey(
        key_id,
        pem.strip() + "\n",
        _text(data, "authority", 100, required=False),
        _text(data, "station", 100, required=False),
        existing.registered_at if existing else page.now,
        status,
        CENTRAL,
    )
    if new == existing:
        return False
    uow.trust_list.put(new)
    return True


# ------------------------------------------------------------------ status list
def _apply_status(page: _Page, key: str, data: Mapping[str, Any]) -> bool:
    """A licence's or permit's current status; the local licence/permit row follows it.

    An entry changed locally after the central one was made (a later ``updated_at``) is kept.
    """
    number = _text(data, "number", 40)
    _same_key(key, number, "证照编号")
    raw = _text(data, "status", 2)
    try:
        status = PermitStatus(raw)
    except ValueError:
        raise BadFeedItem(f"证照状态代码 {raw} 无效") from None
    kind = _text(data, "kind", 16, required=False)
    reason = _text(data, "reason", 2000, required=False)
    updated_at = _required_when(data, "updated_at")
    uow = page.uow
    existing = uow.status_list.get(number)
    if existing is not None:
        if existing.updated_at > updated_at:
            return False
        if (existing.status, existing.reason, existing.source) == (status, reason, CENTRAL):
            return False
    kind = kind or (existing.kind if existing else ("licence_permit" if ":" in number else "licence"))
    uow.status_list.put(StatusEntry(number, kind, status, reason, updated_at, CENTRAL))
    permits = uow.permits
    if ":" in number:  # {licence}:{matter} — a permit as printed on a licence
        licence_number, matter = number.rsplit(":", 1)
        licence = permits.get_licence(licence_number)
        for permit_number in licence.permit_numbers if licence else ():
            permit = permits.get(permit_number)
            if permit is not None and permit.matter_code == matter:
                permits.set_permit_status(permit_number, status, reason)
    else:
        if kind != "permit" and permits.get_licence(number) is not None:
            permits.set_licence_status(number, status, reason)
        if kind != "licence" and permits.get(number) is not None:
            permits.set_permit_status(number, status, reason)
    return True


# ------------------------------------------------------------------ supervision feedback
def _feedback_limit(uow: UnitOfWork) -> int:
    value = uow.settings.get(FEEDBACK_LIMIT_DAYS)
    return int(value) if value and value.strip().isdigit() else DEFAULT_FEEDBACK_LIMIT_DAYS


def _apply_feedback(page: _Page, key: str, data: Mapping[str, Any]) -> bool:
    """审管联动 feedback: due ``feedback_limit_days`` working days after the decision (local
    dates, decision day not counted); late when it arrives on a later local date than that."""
    feedback_id = _text(data, "id", 64)
    _same_key(key, feedback_id, "反馈编号")
    uow = page.uow
    if uow.feedback.get(feedback_id) is not None:
        return False
    decided_at = _required_when(data, "decided_at")
    local = page.services.clock.local_date
    due_on: date = page.calendar.add_working_days(local(decided_at), _feedback_limit(uow)).due
    return uow.feedback.add(
        SupervisionFeedback(
            id=feedback_id,
            licence=_text(data, "licence", 40, required=False),
            permit=_text(data, "permit", 40, required=False),
            uscc=_text(data, "uscc", 18, required=False),
            matter=_text(data, "matter", 32, required=False),
            approving_department=_text(data, "approving_department", 100),
            supervising_department=_text(data, "supervising_department", 100, required=False),
            measure=_text(data, "measure", 2000, required=False),
            text=_text(data, "text", 20000, required=False),
            decided_at=decided_at,
            sent_at=_when(data, "sent_at", required=False),
            received_at=page.now,
            due_on=due_on,
            late=is_late(local(page.now), due_on),
        )
    )


# ------------------------------------------------------------------ users
def _apply_user(page: _Page, key: str, data: Mapping[str, Any]) -> bool:
    """An account of this hall as the platform keeps it: the platform wins for the accounts it
    sends (role, department, name, password hash, active). Demo accounts, the system operator and
    demo databases are never touched. Lock-out state stays local."""
    username = _text(data, "username", 32)
    _same_key(key, username, "用户名")
    if not _USERNAME.match(username) or username == SYSTEM_USERNAME:
        raise BadFeedItem(f"用户名 {username} 不可用")
    raw_role = _text(data, "role", 16)
    try:
        role = Role(raw_role)
    except ValueError:
        raise BadFeedItem(f"用户 {username} 的角色 {raw_role} 本机不认识，已跳过") from None
    if role is Role.SYSTEM:
        raise BadFeedItem("不能下发系统操作员账户")
    department = _text(data, "department", 100, required=False)
    if role is Role.REVIEWER and not department:
        raise BadFeedItem(f"部门审批员 {username} 没有所属部门")
    password_hash = _text(data, "password_hash", 200)
    if not password_hash.startswith("$argon2"):
        raise BadFeedItem(f"用户 {username} 的密码摘要不是 argon2 格式")
    active = data.get("active", True)
    if not isinstance(active, bool):
        raise BadFeedItem(f"用户 {username} 的 active 应为 true/false")
    display_name = _text(data, "display_name", 100, required=False) or username
    uow = page.uow
    if uow.settings.get("demo") == "1":
        raise BadFeedItem("这是演示数据库，不接收中心平台的正式账户")
    existing = uow.users.get(username)
    if existing is None:
        uow.users.add(User(username, role, password_hash, department, display_name, active=active))
        uow.users.set_source(username, CENTRAL)
        return True
    if existing.demo:
        raise BadFeedItem(f"{username} 是演示账户，不能被中心平台账户覆盖")
    wanted = (role, password_hash, department, display_name, active)
    current = (
        existing.role,
        existing.password_hash,
        existing.department,
        existing.display_name,
        existing.active,
    )
    if wanted == current and uow.users.source(username) == CENTRAL:
        return False
    existing.role, existing.password_hash, existing.department = role, password_hash, department
    existing.display_name, existing.active = display_name, active
    if existing.password_hash != current[1]:
        existing.must_change_password = False
    uow.users.save(existing)
    uow.users.set_source(username, CENTRAL)
    return True


# ------------------------------------------------------------------ online applications
def _apply_online(page: _Page, key: str, data: Mapping[str, Any]) -> bool:
    """一网办: a new online application for this hall's intake list; one already here: no-op."""
    online_id = _text(data, "id", 64)
    _same_key(key, online_id, "网上申请编号")
    submitted_at = _required_when(data, "submitted_at")
    if not isinstance(data.get("enterprise", {}), dict):
        raise BadFeedItem("网上申请的 enterprise 应为对象")
    return page.uow.online.add(OnlineApplication(online_id, submitted_at, page.now, dict(data)))


Applier = Callable[[_Page, str, Mapping[str, Any]], bool]
APPLIERS: dict[str, Applier] = {
    "catalog": _apply_catalog,
    "calendar": _apply_calendar,
    "trust_list": _apply_trusted_key,
    "status_list": _apply_status,
    "supervision_feedback": _apply_feedback,
    "users": _apply_user,
    "online_applications": _apply_online,
}
assert set(APPLIERS) == set(FEEDS)


def apply_page(
    services: Services,
    feed: str,
    items: Sequence[tuple[str, Mapping[str, Any]]],
    cursor: str,
    now: datetime,
) -> int:
    """Apply ``items`` (key, data) of ``feed`` and store ``cursor``, all in one unit of work.

    Returns how many items changed something. Unusable items are skipped and recorded (see the
    module docstring); any other exception rolls back the whole page, cursor included.
    """
    applier = APPLIERS.get(feed)
    if applier is None:
        raise DomainError(f"未知的同步数据类型 {feed}")

    def body(uow: UnitOfWork, change: Change) -> int:
        page = _Page(services, uow, now)
        changed = 0
        skipped: list[str] = []
        for key, data in items:
            try:
                with uow.savepoint():
                    if applier(page, key, data):
                        changed += 1
            except DomainError as exc:
                page._calendar = None  # a rolled-back calendar item may have been half applied
                skipped.append(key)
                note = f"{key}：{exc.message}"
                uow.sync_state.record_rejected(feed, now, note)
                uow.audit.append(
                    services.clock.now(),
                    SYSTEM_ACTOR.username,
                    "sync.skip",
                    f"{feed}/{key}"[:200],
                    {"feed": feed, "key": key},
                    f"refused: {exc.code}: {exc.message}",
                )
        uow.sync_state.set_cursor(feed, cursor)
        change.detail = {
            "items": len(items),
            "changed": changed,
            "skipped": skipped,
            "cursor": cursor,
        }
        return changed

    return run_command(services, SYSTEM_ACTOR, "sync.pull", None, body, target=feed)
