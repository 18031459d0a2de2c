"""The central platform's own database: its tables, and the transactions the endpoints run.

SQLite (the default, one file) or PostgreSQL (psycopg 3). Times are stored as ISO 8601 text with a
UTC offset, so both behave the same. Tokens and one-time codes are stored as SHA-256 hashes only.

Feeds are an append-only log (``feed_items``); a feed's cursor is the ``seq`` of the last item a
counter has applied. So that a cursor never skips an item committed late, every transaction that
publishes takes one lock first (PostgreSQL: a transaction-scoped advisory lock; SQLite: the write
lock taken by ``BEGIN IMMEDIATE``), which makes ``seq`` order the same as commit order.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.pool import NullPool

from sync.protocol import Feed

SCHEMA_VERSION = 1
ENROL_CODE_DAYS = 7
_ADVISORY_LOCK = 0x0E_57_1D_0E  # any constant: the feed-publication lock on PostgreSQL
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed by hand

T = TypeVar("T")

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
devices = Table(
    "devices",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("hall", String(100), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("enrolled_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)
enrol_codes = Table(
    "enrol_codes",
    metadata,
    Column("code_sha256", String(64), primary_key=True),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("used_at", String(40)),
    Column("device_id", String(36)),
)
admin_tokens = Table(
    "admin_tokens",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("created_at", String(40), nullable=False),
)
linkage_officers = Table(
    "linkage_officers",
    metadata,
    Column("token_sha256", String(64), primary_key=True),
    Column("department", String(200), nullable=False),
    Column("name", String(100), nullable=False),
    Column("created_at", String(40), nullable=False),
)
events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("kind", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("payload_sha256", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("sent_at", String(40), nullable=False),
    Column("received_at", String(40), nullable=False),
    Column("device_id", String(36), nullable=False),
)
feed_items = Table(
    "feed_items",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("feed", String(40), nullable=False),
    Column("key", String(200), nullable=False),
    Column("hall", String(100), nullable=False, default=""),  # '' = every hall
    Column("data", Text, nullable=False),
    Column("published_at", String(40), nullable=False),
    Index("ix_feed_items_feed_seq", "feed", "seq"),
    Index("ix_feed_items_feed_key", "feed", "key"),
    sqlite_autoincrement=True,  # never reuse a seq (a deleted last item's seq would come back)
)
inspection_results = Table(  # 双随机、一公开: results the counters published
    "inspection_results",
    metadata,
    Column("draw_id", String(64), primary_key=True),
    Column("uscc", String(40), primary_key=True),
    Column("name", String(200), nullable=False, default=""),
    Column("matter", String(40), nullable=False, default=""),
    Column("matter_name", String(200), nullable=False, default=""),
    Column("department", String(200), nullable=False, default=""),
    Column("result", String(40), nullable=False),
    Column("result_label", String(100), nullable=False, default=""),
    Column("findings", Text, nullable=False, default=""),
    Column("recorded_at", String(40), nullable=False, default=""),
    Column("received_at", String(40), nullable=False),
    Index("ix_inspection_results_uscc", "uscc"),
)
licences = Table(
    "licences",
    metadata,
    Column("number", String(100), primary_key=True),
    Column("uscc", String(40), nullable=False, default=""),
    Column("name", Text, nullable=False, default=""),
    Column("address", Text, nullable=False, default=""),
    Column("issued_on", String(40), nullable=False, default=""),
    Column("authority", Text, nullable=False, default=""),
    Column("data", Text, nullable=False, default="{}"),
    Column("status", String(4), nullable=False, default="01"),
    Column("status_reason", Text, nullable=False, default=""),
    Column("updated_at", String(40), nullable=False),
    Index("ix_licences_uscc", "uscc"),
)
permits = Table(
    "permits",
    metadata,
    Column("number", String(100), primary_key=True),
    Column("licence", String(100), nullable=False, default=""),
    Column("uscc", String(40), nullable=False, default=""),
    Column("matter", String(100), nullable=False, default=""),
    Column("matter_name", Text, nullable=False, default=""),
    Column("valid_until", String(40), nullable=False, default=""),
    Column("competent_department", Text, nullable=False, default=""),
    Column("status", String(4), nullable=False, default="01"),
    Column("status_reason", Text, nullable=False, default=""),
    Column("updated_at", String(40), nullable=False),
    Index("ix_permits_licence", "licence"),
    Index("ix_permits_uscc", "uscc"),
)
linkage_items = Table(
    "linkage_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("department", String(200), nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("pushed_at", String(40), nullable=False),  # the event's sent_at (推送时间)
    Column("received_at", String(40), nullable=False),
    Column("summary", Text, nullable=False),
    Index("ix_linkage_items_department", "department", "id"),
    sqlite_autoincrement=True,
)
feedback = Table(
    "feedback",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("supervising_department", String(200), nullable=False),
    Column("approving_department", String(200), nullable=False),
    Column("data", Text, nullable=False),
    Column("sent_at", String(40), nullable=False),
)
online_applications = Table(
    "online_applications",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("hall", String(100), nullable=False),
    Column("data", Text, nullable=False),
    Column("submitted_at", String(40), nullable=False),
)

# Decision events filed on the competent department's 审管联动 feed.
LINKAGE_KINDS = frozenset(
    {
        "LicenceIssued",
        "PermitGranted",
        "PermitDenied",
        "PermitGrantedOnCommitment",
        "FilingCompleted",
        "CancelledMatterRecorded",
        "PermitGrantedAutomatically",
        "PermitRequestRouted",
        "SupplementRequested",
    }
)
STATUS_CODES = ("01", "02", "03", "04", "05", "07", "99")
STATUS_KINDS = ("licence", "permit")


class StorageError(Exception):
    """A request the data does not allow; ``message`` is Chinese and shown as is."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class SchemaTooNew(StorageError):
    pass


# ---------------------------------------------------------------- small helpers
def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_enrol_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalize_enrol_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads_object(value: str) -> dict[str, Any]:
    """A JSON object from text; anything else (bad JSON, a list…) is an empty object."""
    try:
        parsed = json.loads(value)
    except (ValueError, RecursionError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def text_of(value: object) -> str:
    """A field of a pushed payload as text: tolerant of missing or odd values."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return dumps(value)


def normalize_db_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3; everything else is left as is."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def make_central_engine(db_url: str) -> Engine:
    url = make_url(normalize_db_url(db_url))
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            poolclass=NullPool,
            hide_parameters=True,  # no personal data in logs or error messages
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # Let SQLAlchemy (not the driver) open transactions, so SAVEPOINT works.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # Take the write lock at once: writers queue instead of failing to upgrade a read lock.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


# ---------------------------------------------------------------- rows handed to the endpoints
@dataclass(frozen=True)
class Device:
    id: str
    name: str
    hall: str
    enrolled_at: str
    revoked_at: str | None


@dataclass(frozen=True)
class Officer:
    department: str
    name: str


@dataclass(frozen=True)
class PushResult:
    id: str
    status: int
    detail: str = ""


@dataclass(frozen=True)
class Page:
    items: list[tuple[str, dict[str, Any]]]
    cursor: str
    more: bool


@dataclass(frozen=True)
class LicenceView:
    number: str
    uscc: str
    name: str
    address: str
    issued_on: str
    authority: str
    status: str
    status_reason: str
    permits: list[PermitView]


@dataclass(frozen=True)
class PermitView:
    number: str
    licence: str
    matter: str
    matter_name: str
    valid_until: str
    status: str
    status_reason: str


@dataclass(frozen=True)
class InspectionView:
    matter: str
    matter_name: str
    department: str
    result_label: str
    findings: str
    recorded_at: str


@dataclass(frozen=True)
class IncomingEvent:
    id: str
    kind: str
    payload: str
    created_at: str
    sent_at: str


def _is_retryable(exc: OperationalError) -> bool:
    """Deadlock / serialization failure on PostgreSQL, a busy database on SQLite."""
    code = getattr(exc.orig, "sqlstate", None)
    return code in ("40P01", "40001") or "database is locked" in str(exc.orig)


class CentralStore:
    """Every read and write of the central database."""

    def __init__(self, db_url: str) -> None:
        self.url = normalize_db_url(db_url)
        self.engine = make_central_engine(self.url)
        self._postgres = self.engine.dialect.name == "postgresql"

    # ------------------------------------------------------------ setup
    def create_schema(self) -> None:
        """Create the tables (if missing) and record the schema version; refuse a newer database."""
        metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            found = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
            if found is None:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(meta).values(key="schema_version", value=str(SCHEMA_VERSION)))
                except IntegrityError:
                    pass  # another process created it at the same moment
                return
        try:
            version = int(found)
        except ValueError:
            version = SCHEMA_VERSION + 1
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"数据库结构版本为 {found}，高于本程序支持的版本 {SCHEMA_VERSION}，请升级中心平台程序", 500
            )

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _tx(self, *, publishing: bool = False) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            if publishing and self._postgres:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_LOCK})
            yield conn

    def _run(self, body: Callable[[Connection], T], *, publishing: bool = False) -> T:
        """Run ``body`` in one transaction, again (up to 3 times) after a deadlock or busy database."""
        for attempt in range(3):
            try:
                with self._tx(publishing=publishing) as conn:
                    return body(conn)
            except OperationalError as exc:
                if attempt == 2 or not _is_retryable(exc):
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    # ------------------------------------------------------------ tokens
    def create_admin_token(self) -> str:
        token = new_token()
        self._run(
            lambda c: c.execute(insert(admin_tokens).values(sha256=sha256_hex(token), created_at=utcnow()))
        )
        return token

    def is_admin(self, token: str) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(admin_tokens.c.sha256).where(admin_tokens.c.sha256 == sha256_hex(token))
            )
            return row.first() is not None

    def create_enrol_code(self, days: int = ENROL_CODE_DAYS) -> str:
        code = new_enrol_code()
        now = datetime.now(UTC)
        values = {
            "code_sha256": sha256_hex(normalize_enrol_code(code)),
            "created_at": now.isoformat(timespec="seconds"),
            "expires_at": (now + timedelta(days=days)).isoformat(timespec="seconds"),
        }
        self._run(lambda c: c.execute(insert(enrol_codes).values(**values)))
        return code

    def enrol(self, code: str, device_name: str, hall: str) -> tuple[Device, str]:
        """Use a one-time code: a new device and its token; StorageError(403) for a bad code."""
        token = new_token()
        device_id = str(uuid.uuid4())
        now = utcnow()

        def body(conn: Connection) -> Device:
            used = conn.execute(
                update(enrol_codes)
                .where(enrol_codes.c.code_sha256 == sha256_hex(normalize_enrol_code(code)))
                .where(enrol_codes.c.used_at.is_(None))
                .where(enrol_codes.c.expires_at > now)
                .values(used_at=now, device_id=device_id)
            )
            if used.rowcount != 1:
                raise StorageError("注册码无效、已使用或已过期，请向中心平台管理员重新申请", 403)
            conn.execute(
                insert(devices).values(
                    id=device_id, name=device_name, hall=hall, token_sha256=sha256_hex(token), enrolled_at=now
                )
            )
            return Device(device_id, device_name, hall, now, None)

        return self._run(body), token

    def device_for(self, token: str) -> Device | None:
        """The enrolled, unrevoked device holding ``token``."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(devices)
                .where(devices.c.token_sha256 == sha256_hex(token))
                .where(devices.c.revoked_at.is_(None))
            ).first()
        return Device(row.id, row.name, row.hall, row.enrolled_at, row.revoked_at) if row else None

    def list_devices(self) -> list[Device]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(devices).order_by(devices.c.enrolled_at, devices.c.id)).all()
        return [Device(r.id, r.name, r.hall, r.enrolled_at, r.revoked_at) for r in rows]

    def revoke_device(self, device_id: str) -> Device:
        now = utcnow()

        def body(conn: Connection) -> Device:
            row = conn.execute(select(devices).where(devices.c.id == device_id)).first()
            if row is None:
                raise StorageError(f"未找到设备 {device_id}", 404)
            revoked = row.revoked_at or now
            conn.execute(update(devices).where(devices.c.id == device_id).values(revoked_at=revoked))
            return Device(row.id, row.name, row.hall, row.enrolled_at, revoked)

        return self._run(body)

    def create_linkage_officer(self, department: str, name: str) -> str:
        token = new_token()
        values = {
            "token_sha256": sha256_hex(token),
            "department": department,
            "name": name,
            "created_at": utcnow(),
        }
        self._run(lambda c: c.execute(insert(linkage_officers).values(**values)))
        return token

    def officer_for(self, token: str) -> Officer | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(linkage_officers).where(linkage_officers.c.token_sha256 == sha256_hex(token))
            ).first()
        return Officer(row.department, row.name) if row else None

    # ------------------------------------------------------------ feeds
    def _publish(
        self, conn: Connection, feed: Feed, key: str, data: Mapping[str, Any], hall: str = ""
    ) -> int:
        """Append an item; older items with the same key (and hall) are superseded and dropped."""
        conn.execute(
            delete(feed_items)
            .where(feed_items.c.feed == feed.value)
            .where(feed_items.c.key == key)
            .where(feed_items.c.hall == hall)
        )
        result = conn.execute(
            insert(feed_items).values(
                feed=feed.value, key=key, hall=hall, data=dumps(data), published_at=utcnow()
            )
        )
        pk = result.inserted_primary_key
        return int(pk[0]) if pk else 0

    def publish(self, feed: Feed, key: str, data: Mapping[str, Any], hall: str = "") -> int:
        return self._run(lambda c: self._publish(c, feed, key, data, hall), publishing=True)

    def latest_item(self, feed: Feed, key: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return self._latest_item(conn, feed, key)

    @staticmethod
    def _latest_item(conn: Connection, feed: Feed, key: str) -> dict[str, Any] | None:
        row = conn.execute(
            select(feed_items.c.data)
            .where(feed_items.c.feed == feed.value)
            .where(feed_items.c.key == key)
            .order_by(feed_items.c.seq.desc())
            .limit(1)
        ).first()
        return loads_object(row.data) if row else None

    def page(self, feed: Feed, hall: str, after: int, limit: int) -> Page:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(feed_items.c.seq, feed_items.c.key, feed_items.c.data)
                .where(feed_items.c.feed == feed.value)
                .where(feed_items.c.seq > after)
                .where(feed_items.c.hall.in_(("", hall)))
                .order_by(feed_items.c.seq)
                .limit(limit + 1)
            ).all()
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = str(rows[-1].seq) if rows else (str(after) if after else "")
        return Page([(r.key, loads_object(r.data)) for r in rows], cursor, more)

    # ------------------------------------------------------------ push
    def push(self, device: Device, batch: Sequence[IncomingEvent]) -> list[PushResult]:
        """Store a batch: per event 201 (stored), 200 (same id and content already stored) or 409.

        One transaction, a savepoint per event, in the batch's (outbox) order so that what they
        publish keeps that order. Pushes take the publication lock first, so on PostgreSQL two
        concurrent batches never deadlock on each other's rows; a row that still appears between our
        check and our insert (written outside that lock) is caught as IntegrityError and read back.
        """
        received = utcnow()

        def body(conn: Connection) -> list[PushResult]:
            return [self._store_event(conn, device, item, received) for item in batch]

        return self._run(body, publishing=True)

    def _store_event(
        self, conn: Connection, device: Device, item: IncomingEvent, received: str
    ) -> PushResult:
        existing = self._compare(conn, item)
        if existing is not None:
            return existing
        try:
            with conn.begin_nested():
                conn.execute(
                    insert(events).values(
                        id=item.id,
                        kind=item.kind,
                        payload=item.payload,
                        payload_sha256=sha256_hex(item.payload),
                        created_at=item.created_at,
                        sent_at=item.sent_at,
                        received_at=received,
                        device_id=device.id,
                    )
                )
                self._learn(conn, item, received)
        except IntegrityError:
            # Stored by a concurrent push of the same event a moment ago.
            again = self._compare(conn, item)
            if again is None:
                raise
            return again
        return PushResult(item.id, 201)

    @staticmethod
    def _compare(conn: Connection, item: IncomingEvent) -> PushResult | None:
        row = conn.execute(select(events.c.kind, events.c.payload).where(events.c.id == item.id)).first()
        if row is None:
            return None
        if row.kind == item.kind and row.payload == item.payload:
            return PushResult(item.id, 200, "已存储")
        return PushResult(item.id, 409, "该事件编号已存储为不同的内容，已拒收")

    # ------------------------------------------------------------ learning from events
    def _learn(self, conn: Connection, item: IncomingEvent, received: str) -> None:
        payload = loads_object(item.payload)
        if not payload:
            return
        handler = _LEARNERS.get(item.kind)
        if handler is not None:
            handler(self, conn, payload)
        if item.kind in LINKAGE_KINDS:
            for department in _departments(payload):
                conn.execute(
                    insert(linkage_items).values(
                        department=department,
                        event_id=item.id,
                        kind=item.kind,
                        pushed_at=item.sent_at,
                        received_at=received,
                        summary=dumps(payload),
                    )
                )

    def _learn_issued(self, conn: Connection, p: dict[str, Any]) -> None:
        number = text_of(p.get("licence"))
        if not number:
            return
        now = utcnow()
        values = {
            "uscc": text_of(p.get("uscc")),
            "name": text_of(p.get("name")),
            "address": text_of(p.get("address")),
            "issued_on": text_of(p.get("issued_on")),
            "authority": text_of(p.get("authority")),
            "data": dumps(p),
            "updated_at": now,
        }
        self._upsert(conn, licences, number, values, {"status": "01", "status_reason": ""})
        raw_permits = p.get("permits")
        for raw in raw_permits if isinstance(raw_permits, list) else []:
            if not isinstance(raw, dict) or not text_of(raw.get("number")):
                continue
            status = text_of(raw.get("status")) or "01"
            self._upsert(
                conn,
                permits,
                text_of(raw["number"]),
                {
                    "licence": number,
                    "uscc": values["uscc"],
                    "matter": text_of(raw.get("matter")),
                    "matter_name": text_of(raw.get("matter_name")),
                    "valid_until": text_of(raw.get("valid_until")),
                    "competent_department": text_of(raw.get("competent_department")),
                    "updated_at": now,
                },
                {"status": status if status in STATUS_CODES else "99", "status_reason": ""},
            )

    def _learn_reissued(self, conn: Connection, p: dict[str, Any]) -> None:
        previous, number = text_of(p.get("previous")), text_of(p.get("licence"))
        if not previous or not number or previous == number:
            return
        old = conn.execute(select(licences).where(licences.c.number == previous)).first()
        if old is None:
            return
        now = utcnow()
        values = {
            "uscc": old.uscc,
            "name": text_of(p.get("name")) or old.name,  # the holder's name now (a change may rename)
            "address": text_of(p.get("address")) or old.address,
            "issued_on": text_of(p.get("issued_on")) or old.issued_on,
            "authority": old.authority,
            "data": old.data,
            "updated_at": now,
        }
        self._upsert(
            conn, licences, number, values, {"status": old.status, "status_reason": old.status_reason}
        )
        printed = p.get("permits")
        if isinstance(printed, list):  # the permits on the new licence, renewed ones included
            for raw in printed:
                if not isinstance(raw, dict) or not text_of(raw.get("number")):
                    continue
                status = text_of(raw.get("status")) or "01"
                self._upsert(
                    conn,
                    permits,
                    text_of(raw["number"]),
                    {
                        "licence": number,
                        "uscc": old.uscc,
                        "matter": text_of(raw.get("matter")),
                        "matter_name": text_of(raw.get("matter_name")),
                        "valid_until": text_of(raw.get("valid_until")),
                        "competent_department": text_of(raw.get("competent_department")),
                        "updated_at": now,
                    },
                    {"status": status if status in STATUS_CODES else "99", "status_reason": ""},
                )
        else:  # an older counter: the same permits move to the new number
            conn.execute(
                update(permits).where(permits.c.licence == previous).values(licence=number, updated_at=now)
            )
        # As the counter records it: 99 (其他) with the reason, naming the new number.
        why = text_of(p.get("reason"))
        reason = f"作废：{why}（新证 {number}）" if why else f"作废（新证 {number}）"
        conn.execute(
            update(licences)
            .where(licences.c.number == previous)
            .values(status="99", status_reason=reason, updated_at=now)
        )

    def _learn_permit_replaced(self, conn: Connection, p: dict[str, Any]) -> None:
        """延续/变更: the new permit joins the licence its predecessor is on (valid), until the
        licence is reissued; the predecessor's own status arrives as a LicenceStatusChanged."""
        previous, number = text_of(p.get("previous")), text_of(p.get("number"))
        if not previous or not number or previous == number:
            return
        old = conn.execute(select(permits).where(permits.c.number == previous)).first()
        if old is None:
            return
        self._upsert(
            conn,
            permits,
            number,
            {
                "licence": old.licence,
                "uscc": old.uscc,
                "matter": old.matter,
                "matter_name": old.matter_name,
                "valid_until": text_of(p.get("valid_until")),
                "competent_department": old.competent_department,
                "updated_at": utcnow(),
            },
            {"status": "01", "status_reason": ""},
        )

    def _learn_inspection_results(self, conn: Connection, p: dict[str, Any]) -> None:
        """一公开: keep each published result (a draw's subject once; a re-publication updates it)."""
        draw_id = text_of(p.get("draw_id"))
        raw_results = p.get("results")
        if not draw_id or not isinstance(raw_results, list):
            return
        now = utcnow()
        for raw in raw_results:
            if not isinstance(raw, dict) or not text_of(raw.get("uscc")) or not text_of(raw.get("result")):
                continue
            uscc = text_of(raw["uscc"]).upper()
            values = {
                "name": text_of(raw.get("name")),
                "matter": text_of(p.get("matter")),
                "matter_name": text_of(p.get("matter_name")),
                "department": text_of(p.get("department")),
                "result": text_of(raw["result"]),
                "result_label": text_of(raw.get("result_label")),
                "findings": text_of(raw.get("findings")),
                "recorded_at": text_of(raw.get("recorded_at")),
                "received_at": now,
            }
            key = (inspection_results.c.draw_id == draw_id) & (inspection_results.c.uscc == uscc)
            if conn.execute(update(inspection_results).where(key).values(**values)).rowcount == 0:
                conn.execute(insert(inspection_results).values(draw_id=draw_id, uscc=uscc, **values))

    def _learn_status(self, conn: Connection, p: dict[str, Any]) -> None:
        number, kind = text_of(p.get("number")), text_of(p.get("kind"))
        status, reason = text_of(p.get("status")), text_of(p.get("reason"))
        if not number or kind not in STATUS_KINDS or status not in STATUS_CODES:
            return
        self._apply_status(conn, number, kind, status, reason)

    def _learn_station_key(self, conn: Connection, p: dict[str, Any]) -> None:
        key_id = text_of(p.get("key_id"))
        if not key_id:
            return
        data = {
            "key_id": key_id,
            "public_key_pem": text_of(p.get("public_key_pem")),
            "authority": text_of(p.get("authority")),
            "station": text_of(p.get("station")),
            "status": "active",
            "reason": "",
        }
        self._publish(conn, Feed.TRUST_LIST, key_id, data)

    def _learn_station_key_revoked(self, conn: Connection, p: dict[str, Any]) -> None:
        key_id = text_of(p.get("key_id"))
        if not key_id:
            return
        data = self._latest_item(conn, Feed.TRUST_LIST, key_id) or {
            "key_id": key_id,
            "public_key_pem": "",
            "authority": "",
            "station": "",
        }
        data.update(status="revoked", reason=text_of(p.get("reason")))
        self._publish(conn, Feed.TRUST_LIST, key_id, data)

    @staticmethod
    def _upsert(
        conn: Connection, table: Table, number: str, values: Mapping[str, Any], new_only: Mapping[str, Any]
    ) -> None:
        """Update the row keyed by ``number`` or insert it (``new_only`` applies to a new row only)."""
        done = conn.execute(update(table).where(table.c.number == number).values(**values))
        if done.rowcount == 0:
            conn.execute(insert(table).values(number=number, **values, **new_only))

    def _apply_status(self, conn: Connection, number: str, kind: str, status: str, reason: str) -> bool:
        table = licences if kind == "licence" else permits
        now = utcnow()
        done = conn.execute(
            update(table)
            .where(table.c.number == number)
            .values(status=status, status_reason=reason, updated_at=now)
        )
        if done.rowcount == 0:
            return False
        data = {"number": number, "kind": kind, "status": status, "reason": reason, "updated_at": now}
        self._publish(conn, Feed.STATUS_LIST, number, data)
        return True

    def set_status(self, number: str, kind: str, status: str, reason: str) -> dict[str, Any]:
        def body(conn: Connection) -> dict[str, Any]:
            if not self._apply_status(conn, number, kind, status, reason):
                what = "证照" if kind == "licence" else "许可"
                raise StorageError(
                    f"未查到编号为 {number} 的{what}，请核对编号；证照须先由窗口推送后才能变更状态", 404
                )
            found = self._latest_item(conn, Feed.STATUS_LIST, number)
            return found or {}

        return self._run(body, publishing=True)

    # ------------------------------------------------------------ linkage
    def linkage_feed(self, department: str, limit: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(linkage_items)
                .where(linkage_items.c.department == department)
                .order_by(linkage_items.c.id.desc())
                .limit(limit)
            ).all()
        return [
            {
                "event_id": r.event_id,
                "kind": r.kind,
                "pushed_at": r.pushed_at,
                "received_at": r.received_at,
                "summary": loads_object(r.summary),
            }
            for r in rows
        ]

    def record_feedback(self, officer: Officer, fields: Mapping[str, str]) -> dict[str, Any]:
        feedback_id = str(uuid.uuid4())
        sent_at = utcnow()
        data: dict[str, Any] = {
            "id": feedback_id,
            **fields,
            "supervising_department": officer.department,
            "sent_at": sent_at,
        }

        def body(conn: Connection) -> dict[str, Any]:
            conn.execute(
                insert(feedback).values(
                    id=feedback_id,
                    supervising_department=officer.department,
                    approving_department=fields.get("approving_department", ""),
                    data=dumps(data),
                    sent_at=sent_at,
                )
            )
            self._publish(conn, Feed.SUPERVISION_FEEDBACK, feedback_id, data)
            return data

        return self._run(body, publishing=True)

    # ------------------------------------------------------------ online applications
    def submit_online_application(self, hall: str, form: Mapping[str, Any]) -> dict[str, Any]:
        app_id = str(uuid.uuid4())
        submitted = utcnow()
        data: dict[str, Any] = {"id": app_id, "submitted_at": submitted, **form}

        def body(conn: Connection) -> dict[str, Any]:
            conn.execute(
                insert(online_applications).values(
                    id=app_id, hall=hall, data=dumps(data), submitted_at=submitted
                )
            )
            self._publish(conn, Feed.ONLINE_APPLICATIONS, app_id, data, hall=hall)
            return data

        return self._run(body, publishing=True)

    # ------------------------------------------------------------ public pages
    def licence(self, number: str) -> LicenceView | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(licences).where(licences.c.number == number)).first()
            if row is None:
                return None
            return self._licence_view(conn, row)

    def holder(self, uscc: str) -> list[LicenceView]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(licences)
                .where(licences.c.uscc == uscc)
                .order_by(licences.c.issued_on.desc(), licences.c.number)
            ).all()
            return [self._licence_view(conn, row) for row in rows]

    def inspections(self, uscc: str) -> list[InspectionView]:
        """The published inspection results of one business, newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(inspection_results)
                .where(inspection_results.c.uscc == uscc)
                .order_by(inspection_results.c.recorded_at.desc())
            ).all()
        return [
            InspectionView(
                r.matter, r.matter_name, r.department, r.result_label or r.result, r.findings, r.recorded_at
            )
            for r in rows
        ]

    @staticmethod
    def _licence_view(conn: Connection, row: Any) -> LicenceView:
        found = conn.execute(
            select(permits)
            .where(permits.c.licence == row.number)
            .order_by(permits.c.matter_name, permits.c.number)
        ).all()
        return LicenceView(
            row.number,
            row.uscc,
            row.name,
            row.address,
            row.issued_on,
            row.authority,
            row.status,
            row.status_reason,
            [
                PermitView(
                    p.number, p.licence, p.matter, p.matter_name, p.valid_until, p.status, p.status_reason
                )
                for p in found
            ],
        )

    # ------------------------------------------------------------ statistics
    def stats(self) -> dict[str, int]:
        with self.engine.connect() as conn:

            def count(table: Table) -> int:
                return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)

            return {"events": count(events), "devices": count(devices), "licences": count(licences)}


def _departments(payload: Mapping[str, Any]) -> list[str]:
    """The competent departments an event names, in order, without repeats."""
    found: list[str] = []
    candidates: list[object] = [payload.get("competent_department")]
    listed = payload.get("competent_departments")
    if isinstance(listed, list):
        candidates.extend(listed)
    raw_permits = payload.get("permits")
    if isinstance(raw_permits, list):
        candidates.extend(p.get("competent_department") for p in raw_permits if isinstance(p, dict))
    for value in candidates:
        name = text_of(value).strip()
        if name and name not in found:
            found.append(name)
    return found


_LEARNERS: dict[str, Callable[[CentralStore, Connection, dict[str, Any]], None]] = {
    "LicenceIssued": CentralStore._learn_issued,
    "LicenceReissued": CentralStore._learn_reissued,
    "LicenceStatusChanged": CentralStore._learn_status,
    "InspectionResultsPublished": CentralStore._learn_inspection_results,
    "PermitReplaced": CentralStore._learn_permit_replaced,
    "StationKeyRegistered": CentralStore._learn_station_key,
    "StationKeyRevoked": CentralStore._learn_station_key_revoked,
}
