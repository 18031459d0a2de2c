"""SQL repositories for everything but the catalog (see catalog_repository.py)."""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db.models import (
    ApplicationActionRow,
    ApplicationRow,
    AuditHeadRow,
    AuditRow,
    CalendarDayRow,
    CalendarYearRow,
    CreditRecordRow,
    EnterpriseRow,
    IndustryLicenceRow,
    NumberSequenceRow,
    OutboxRow,
    PermitRequestRow,
    PermitRow,
    PrintRecordRow,
    SettingRow,
    StatusEntryRow,
    TrustedKeyRow,
    UserRow,
    WarningOverrideRow,
)
from desktop.domain.applications import (
    Action,
    ActionKind,
    Application,
    ApplicationStatus,
    CaseSummary,
    Channel,
    PermitRequest,
)
from desktop.domain.audit import (
    AuditHead,
    AuditPage,
    AuditQuery,
    AuditRecord,
    ChainVerdict,
    head_mac,
    next_record,
    verify_chain,
)
from desktop.domain.calendar import ScheduleEntry
from desktop.domain.catalog import ReformMode
from desktop.domain.credit import CreditRecord, CreditRecordKind
from desktop.domain.enterprises import Enterprise, EnterpriseKind
from desktop.domain.errors import AuditChainBroken, NotFound
from desktop.domain.outbox import OutboxEvent
from desktop.domain.permits import (
    IndustryLicence,
    Permit,
    PermitStatus,
    PrintRecord,
    StatusEntry,
    TrustedKey,
)
from desktop.domain.users import Role, User


class SqlEnterpriseRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    @staticmethod
    def _to_domain(r: EnterpriseRow) -> Enterprise:
        return Enterprise(
            r.uscc,
            r.name,
            r.legal_representative,
            r.address,
            r.contact_phone,
            r.legal_representative_id,
            EnterpriseKind(r.kind),
            r.in_ftz,
        )

    def get(self, uscc: str) -> Enterprise | None:
        row = self._s.get(EnterpriseRow, uscc, populate_existing=True)
        return self._to_domain(row) if row else None

    def put(self, e: Enterprise) -> None:
        # An upsert, not merge(): two counters of a hall taking the same business at the same
        # moment must both succeed (the later one's details win).
        values = {
            "uscc": e.uscc,
            "name": e.name,
            "legal_representative": e.legal_representative,
            "legal_representative_id": e.legal_representative_id,
            "address": e.address,
            "contact_phone": e.contact_phone,
            "kind": e.kind.value,
            "in_ftz": e.in_ftz,
        }
        insert_fn = pg_insert if self._s.get_bind().dialect.name == "postgresql" else sqlite_insert
        stmt = insert_fn(EnterpriseRow).values(**values)
        self._s.execute(
            stmt.on_conflict_do_update(
                index_elements=["uscc"], set_={k: v for k, v in values.items() if k != "uscc"}
            )
        )

    def search(self, text: str, limit: int = 20) -> list[Enterprise]:
        pattern = f"%{text}%"
        rows = self._s.scalars(
            select(EnterpriseRow)
            .where(or_(EnterpriseRow.uscc.like(pattern), EnterpriseRow.name.like(pattern)))
            .order_by(EnterpriseRow.name)
            .limit(limit)
        )
        return [self._to_domain(r) for r in rows]


class SqlApplicationRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, app: Application) -> None:
        self._s.add(
            ApplicationRow(
                id=app.id,
                number=app.number,
                uscc=app.uscc,
                enterprise_name=app.enterprise_name,
                catalog_version_id=app.catalog_version_id,
                channel=app.channel.value,
                first_responder=app.first_responder,
                assisted_by=app.assisted_by,
                in_ftz=app.in_ftz,
                form_values=dict(app.form_values),
                industries=list(app.industries),
                materials_received=list(app.materials_received),
                status=app.status.value,
                created_at=app.actions[0].at,
            )
        )
        for position, r in enumerate(app.requests.values()):
            self._s.add(
                PermitRequestRow(
                    id=r.id,
                    application_id=app.id,
                    position=position,
                    matter_code=r.matter_code,
                    matter_name=r.matter_name,
                    mode=r.mode.value,
                    department=r.department,
                    competent_department=r.competent_department,
                    old_procedure=r.old_procedure,
                    state=r.state.value,
                    claimed_by=r.claimed_by,
                    due_date=r.due,
                    due_provisional=r.due_provisional,
                )
            )
        self._s.flush()
        self.save(app)

    def save(self, app: Application) -> None:
        row = self._s.get(ApplicationRow, app.id)
        if row is None:
            raise NotFound(f"办件 {app.number} 不存在")
        stored = (
            self._s.scalar(
                select(func.count())
                .select_from(ApplicationActionRow)
                .where(ApplicationActionRow.application_id == app.id)
            )
            or 0
        )
        for seq, action in enumerate(app.actions[stored:], start=stored + 1):
            self._s.add(
                ApplicationActionRow(
                    application_id=app.id,
                    seq=seq,
                    request_id=action.request_id,
                    kind=action.kind.value,
                    actor=action.actor,
                    at=action.at,
                    data=dict(action.data),
                )
            )
        row.status = app.status.value
        for r in app.requests.values():
            req = self._s.get(PermitRequestRow, r.id)
            assert req is not None
            req.state = r.state.value
            req.claimed_by = r.claimed_by
            req.due_date = r.due
            req.due_provisional = r.due_provisional
        self._s.flush()

    def get(self, application_id: str) -> Application:
        # Locked for the rest of the unit of work: in hall mode two counters acting on one case
        # (two reviewers claiming the same item) run one after the other, and the second sees
        # the first's change. SQLite serialises writers anyway (BEGIN IMMEDIATE).
        row = self._s.get(ApplicationRow, application_id, with_for_update=True, populate_existing=True)
        if row is None:
            row = self._s.scalars(
                select(ApplicationRow)
                .where(ApplicationRow.number == application_id)
                .with_for_update()
                .execution_options(populate_existing=True)
            ).first()
        if row is None:
            raise NotFound(f"办件 {application_id} 不存在")
        requests = self._s.scalars(
            select(PermitRequestRow)
            .where(PermitRequestRow.application_id == row.id)
            .order_by(PermitRequestRow.position)
        )
        app = Application(
            id=row.id,
            number=row.number,
            uscc=row.uscc,
            enterprise_name=row.enterprise_name,
            catalog_version_id=row.catalog_version_id,
            channel=Channel(row.channel),
            first_responder=row.first_responder,
            in_ftz=row.in_ftz,
            assisted_by=row.assisted_by,
            form_values=dict(row.form_values),
            industries=tuple(row.industries or ()),
            materials_received=tuple(row.materials_received or ()),
            requests={
                r.id: PermitRequest(
                    id=r.id,
                    matter_code=r.matter_code,
                    matter_name=r.matter_name,
                    mode=ReformMode(r.mode),
                    department=r.department,
                    competent_department=r.competent_department,
                    old_procedure=r.old_procedure,
                )
                for r in requests
            },
        )
        actions = self._s.scalars(
            select(ApplicationActionRow)
            .where(ApplicationActionRow.application_id == row.id)
            .order_by(ApplicationActionRow.seq)
        )
        app.replay(Action(ActionKind(a.kind), a.actor, a.at, a.request_id, dict(a.data)) for a in actions)
        return app

    def next_number(self, prefix: str) -> str:
        # Insert the day's counter if absent without failing when another counter of the hall
        # does the same at the same moment, then lock it: numbers never repeat, intake never fails.
        dialect = self._s.get_bind().dialect.name
        insert_fn = pg_insert if dialect == "postgresql" else sqlite_insert
        self._s.execute(insert_fn(NumberSequenceRow).values(prefix=prefix, last=0).on_conflict_do_nothing())
        seq = self._s.get(NumberSequenceRow, prefix, with_for_update=True, populate_existing=True)
        assert seq is not None
        seq.last += 1
        self._s.flush()
        return f"{prefix}{seq.last:05d}"

    def with_provisional_deadlines(self) -> list[Application]:
        ids = self._s.scalars(
            select(PermitRequestRow.application_id).where(PermitRequestRow.due_provisional).distinct()
        )
        return [self.get(i) for i in ids]

    def find(self, text: str, limit: int = 50) -> list[CaseSummary]:
        """Cases by application number, USCC, enterprise name or the number of a permit/licence."""
        pattern = f"%{text}%"
        by_permit = select(PermitRow.application_id).where(PermitRow.number == text)
        by_licence = select(IndustryLicenceRow.application_id).where(IndustryLicenceRow.number == text)
        rows = self._s.scalars(
            select(ApplicationRow)
            .where(
                or_(
                    ApplicationRow.number.like(pattern),
                    ApplicationRow.uscc.like(pattern),
                    ApplicationRow.enterprise_name.like(pattern),
                    ApplicationRow.id.in_(by_permit),
                    ApplicationRow.id.in_(by_licence),
                )
            )
            .order_by(ApplicationRow.created_at.desc())
            .limit(limit)
        )
        return [self._summary(r) for r in rows]

    def with_status(self, status: ApplicationStatus, limit: int = 200) -> list[CaseSummary]:
        rows = self._s.scalars(
            select(ApplicationRow)
            .where(ApplicationRow.status == status.value)
            .order_by(ApplicationRow.created_at)
            .limit(limit)
        )
        return [self._summary(r) for r in rows]

    @staticmethod
    def _summary(r: ApplicationRow) -> CaseSummary:
        return CaseSummary(
            r.id, r.number, r.uscc, r.enterprise_name, ApplicationStatus(r.status), r.channel, r.created_at
        )


class SqlPermitRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, p: Permit) -> None:
        self._s.add(
            PermitRow(
                number=p.number,
                matter_code=p.matter_code,
                uscc=p.uscc,
                application_id=p.application_id,
                issued_at=p.issued_at,
                valid_from=p.valid_from,
                valid_until=p.valid_until,
                status=p.status.value,
                status_reason=p.status_reason,
                previous_number=p.previous_number,
            )
        )
        self._s.flush()

    def get(self, number: str) -> Permit | None:
        r = self._s.get(PermitRow, number)
        if r is None:
            return None
        return Permit(
            r.number,
            r.matter_code,
            r.uscc,
            r.application_id,
            r.issued_at,
            r.valid_from,
            r.valid_until,
            PermitStatus(r.status),
            r.status_reason,
            r.previous_number,
        )

    def add_licence(self, lic: IndustryLicence) -> None:
        self._s.add(
            IndustryLicenceRow(
                number=lic.number,
                uscc=lic.uscc,
                enterprise_name=lic.enterprise_name,
                industry_names=list(lic.industry_names),
                permit_numbers=list(lic.permit_numbers),
                issued_on=lic.issued_on,
                issuing_authority=lic.issuing_authority,
                status=lic.status.value,
                status_reason=lic.status_reason,
                previous_number=lic.previous_number,
                application_id=lic.application_id,
                qr_text=lic.qr_text,
                key_id=lic.key_id,
            )
        )
        self._s.flush()

    @staticmethod
    def _licence(r: IndustryLicenceRow) -> IndustryLicence:
        return IndustryLicence(
            number=r.number,
            uscc=r.uscc,
            enterprise_name=r.enterprise_name,
            industry_names=tuple(r.industry_names),
            permit_numbers=tuple(r.permit_numbers),
            issued_on=r.issued_on,
            issuing_authority=r.issuing_authority,
            status=PermitStatus(r.status),
            status_reason=r.status_reason,
            previous_number=r.previous_number,
            application_id=r.application_id,
            qr_text=r.qr_text,
            key_id=r.key_id,
        )

    def get_licence(self, number: str) -> IndustryLicence | None:
        row = self._s.get(IndustryLicenceRow, number)
        return self._licence(row) if row else None

    def licences_for(self, application_id: str) -> list[IndustryLicence]:
        rows = self._s.scalars(
            select(IndustryLicenceRow)
            .where(IndustryLicenceRow.application_id == application_id)
            .order_by(IndustryLicenceRow.number)
        )
        return [self._licence(r) for r in rows]

    def permits_for(self, application_id: str) -> list[Permit]:
        numbers = self._s.scalars(
            select(PermitRow.number)
            .where(PermitRow.application_id == application_id)
            .order_by(PermitRow.number)
        )
        return [p for n in numbers if (p := self.get(n)) is not None]

    def set_licence_status(self, number: str, status: PermitStatus, reason: str) -> None:
        row = self._s.get(IndustryLicenceRow, number)
        if row is None:
            raise NotFound(f"行业综合许可证 {number} 不存在")
        row.status, row.status_reason = status.value, reason
        self._s.flush()

    def set_permit_status(self, number: str, status: PermitStatus, reason: str) -> None:
        row = self._s.get(PermitRow, number)
        if row is None:
            raise NotFound(f"许可证 {number} 不存在")
        row.status, row.status_reason = status.value, reason
        self._s.flush()


class SqlStatusListRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def put(self, entry: StatusEntry) -> None:
        self._s.merge(
            StatusEntryRow(
                number=entry.number,
                kind=entry.kind,
                status=entry.status.value,
                reason=entry.reason,
                updated_at=entry.updated_at,
                source=entry.source,
            )
        )
        self._s.flush()

    def get(self, number: str) -> StatusEntry | None:
        r = self._s.get(StatusEntryRow, number)
        if r is None:
            return None
        return StatusEntry(r.number, r.kind, PermitStatus(r.status), r.reason, r.updated_at, r.source)


class SqlTrustListRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    @staticmethod
    def _key(r: TrustedKeyRow) -> TrustedKey:
        return TrustedKey(
            r.key_id, r.public_key_pem, r.authority, r.station, r.registered_at, r.status, r.source
        )

    def put(self, key: TrustedKey) -> None:
        self._s.merge(
            TrustedKeyRow(
                key_id=key.key_id,
                public_key_pem=key.public_key_pem,
                authority=key.authority,
                station=key.station,
                registered_at=key.registered_at,
                status=key.status,
                source=key.source,
            )
        )
        self._s.flush()

    def get(self, key_id: str) -> TrustedKey | None:
        row = self._s.get(TrustedKeyRow, key_id)
        return self._key(row) if row else None

    def all(self) -> list[TrustedKey]:
        return [
            self._key(r) for r in self._s.scalars(select(TrustedKeyRow).order_by(TrustedKeyRow.registered_at))
        ]


class SqlPrintRecordRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, record: PrintRecord) -> None:
        self._s.add(
            PrintRecordRow(
                document=record.document,
                application_number=record.application_number,
                kind=record.kind,
                copies=record.copies,
                reason=record.reason,
                actor=record.actor,
                at=record.at,
            )
        )
        self._s.flush()

    def count(self, document: str, kinds: tuple[str, ...] = ("print", "reprint")) -> int:
        stmt = (
            select(func.count())
            .select_from(PrintRecordRow)
            .where(PrintRecordRow.document == document, PrintRecordRow.kind.in_(kinds))
        )
        return self._s.scalar(stmt) or 0


class SqlCreditRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, c: CreditRecord) -> None:
        self._s.add(
            CreditRecordRow(
                id=c.id,
                kind=c.kind.value,
                reason=c.reason,
                department=c.department,
                recorded_at=c.recorded_at,
                uscc=c.uscc,
                person_id=c.person_id,
                valid_until=c.valid_until,
            )
        )
        self._s.flush()

    def for_subject(self, uscc: str = "", person_id: str = "") -> list[CreditRecord]:
        conditions = []
        if uscc:
            conditions.append(CreditRecordRow.uscc == uscc)
        if person_id:
            conditions.append(CreditRecordRow.person_id == person_id)
        if not conditions:
            return []
        rows = self._s.scalars(
            select(CreditRecordRow).where(or_(*conditions)).order_by(CreditRecordRow.recorded_at)
        )
        return [
            CreditRecord(
                r.id,
                CreditRecordKind(r.kind),
                r.reason,
                r.department,
                r.recorded_at,
                r.uscc,
                r.person_id,
                r.valid_until,
            )
            for r in rows
        ]


class SqlUserRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    @staticmethod
    def _to_domain(r: UserRow) -> User:
        return User(
            r.username,
            Role(r.role),
            r.password_hash,
            r.department,
            r.display_name,
            r.failed_logins,
            r.locked,
            r.must_change_password,
            r.active,
            r.demo,
        )

    def get(self, username: str) -> User | None:
        row = self._s.get(UserRow, username)
        return self._to_domain(row) if row else None

    def add(self, u: User) -> None:
        row = UserRow(username=u.username)
        self._fill(row, u)
        self._s.add(row)
        self._s.flush()

    def save(self, u: User) -> None:
        row = self._s.get(UserRow, u.username)
        if row is None:
            raise NotFound(f"用户 {u.username} 不存在")
        self._fill(row, u)
        self._s.flush()

    @staticmethod
    def _fill(row: UserRow, u: User) -> None:
        row.role = u.role.value
        row.password_hash = u.password_hash
        row.department = u.department
        row.display_name = u.display_name
        row.failed_logins = u.failed_logins
        row.locked = u.locked
        row.must_change_password = u.must_change_password
        row.active = u.active
        row.demo = u.demo

    def all(self) -> list[User]:
        return [self._to_domain(r) for r in self._s.scalars(select(UserRow).order_by(UserRow.username))]


class SqlAuditRepository:
    """Appends lock the chain head (SELECT … FOR UPDATE) so concurrent writers make one chain."""

    def __init__(self, session: Session, key: bytes) -> None:
        self._s = session
        self._key = key

    def _head(self, lock: bool) -> AuditHead | None:
        row = self._s.get(AuditHeadRow, 1, with_for_update=lock, populate_existing=True)
        if row is None or (row.last_seq == 0 and not row.head_mac):
            return None
        return AuditHead(row.last_seq, row.last_mac, row.head_mac)

    def append(
        self,
        at: datetime,
        actor: str,
        action: str,
        target: str,
        detail: Mapping[str, Any],
        result: str,
    ) -> AuditRecord:
        head = self._head(lock=True)
        # Never build on a head that was tampered with: that would hide the tampering.
        if head is not None and not hmac.compare_digest(
            head.head_mac, head_mac(self._key, head.last_seq, head.last_mac)
        ):
            raise AuditChainBroken(
                "审计链头校验失败：审计日志可能被篡改，已停止写入。"
                "请运行 onewindow audit verify 并联系安全审计员。"
            )
        if head is not None:
            last = self._s.get(AuditRow, head.last_seq)
            if last is None or not hmac.compare_digest(last.mac, head.last_mac):
                raise AuditChainBroken("审计链末尾记录与链头不符：审计日志可能被篡改，已停止写入。")
        elif self._s.scalar(select(func.count()).select_from(AuditRow)):
            raise AuditChainBroken("审计链头缺失但已有审计记录：审计日志可能被篡改，已停止写入。")
        record, new_head = next_record(self._key, head, at, actor, action, target, dict(detail), result)
        self._s.add(
            AuditRow(
                seq=record.seq,
                at=record.at,
                actor=actor,
                action=action,
                target=target,
                detail=record.detail,
                result=result,
                prev_mac=record.prev_mac,
                mac=record.mac,
            )
        )
        row = self._s.get(AuditHeadRow, 1)
        if row is None:
            row = AuditHeadRow(id=1)
            self._s.add(row)
        row.last_seq, row.last_mac, row.head_mac = (
            new_head.last_seq,
            new_head.last_mac,
            new_head.head_mac,
        )
        self._s.flush()
        return record

    def _records(self, limit: int | None = None) -> Iterable[AuditRecord]:
        stmt = select(AuditRow).order_by(AuditRow.seq)
        if limit is not None:
            stmt = stmt.limit(limit)
        for r in self._s.scalars(stmt).yield_per(1000):
            yield AuditRecord(r.seq, r.at, r.actor, r.action, r.target, r.detail, r.result, r.prev_mac, r.mac)

    def records(self, limit: int | None = None) -> list[AuditRecord]:
        return list(self._records(limit))

    def verify(self) -> ChainVerdict:
        return verify_chain(self._key, self._records(), self._head(lock=False))

    def search(self, query: AuditQuery, limit: int, offset: int = 0) -> AuditPage:
        """Matching records, newest first (``limit`` of them from ``offset``), and how many match."""
        conditions = []
        if query.start is not None:
            conditions.append(AuditRow.at >= query.start)
        if query.end is not None:
            conditions.append(AuditRow.at < query.end)
        if query.actor:
            conditions.append(AuditRow.actor == query.actor)
        if query.action:
            conditions.append(AuditRow.action.startswith(query.action, autoescape=True))
        if query.target:
            conditions.append(AuditRow.target.contains(query.target, autoescape=True))
        if query.outcome == "ok":
            conditions.append(AuditRow.result == "ok")
        elif query.outcome == "refused":
            conditions.append(AuditRow.result.startswith("refused"))
        total = self._s.scalar(select(func.count()).select_from(AuditRow).where(*conditions)) or 0
        rows = self._s.scalars(
            select(AuditRow).where(*conditions).order_by(AuditRow.seq.desc()).limit(limit).offset(offset)
        )
        records = [
            AuditRecord(r.seq, r.at, r.actor, r.action, r.target, r.detail, r.result, r.prev_mac, r.mac)
            for r in rows
        ]
        return AuditPage(records, int(total))


class SqlOutboxRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, e: OutboxEvent) -> None:
        payload = json.dumps(e.payload, ensure_ascii=False, sort_keys=True, default=str)
        self._s.add(
            OutboxRow(id=e.id, kind=e.kind, payload=payload, created_at=e.created_at, status=e.status)
        )
        self._s.flush()

    def pending(self) -> list[OutboxEvent]:
        rows = self._s.scalars(
            select(OutboxRow).where(OutboxRow.status == "pending").order_by(OutboxRow.created_at)
        )
        return [OutboxEvent(r.id, r.kind, json.loads(r.payload), r.created_at, r.status) for r in rows]


class SqlCalendarRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def overrides(self) -> dict[date, bool]:
        return {r.day: r.workday for r in self._s.scalars(select(CalendarDayRow))}

    def imported_years(self) -> set[int]:
        return set(self._s.scalars(select(CalendarYearRow.year)))

    def set_day(self, day: date, workday: bool, note: str, source: str) -> None:
        self._s.merge(CalendarDayRow(day=day, workday=workday, note=note, source=source))
        self._s.flush()

    def import_year(self, year: int, entries: Iterable[ScheduleEntry], source: str) -> None:
        # The official schedule replaces what was known of that year.
        for row in self._s.scalars(select(CalendarDayRow)):
            if row.day.year == year:
                self._s.delete(row)
        self._s.flush()
        for e in entries:
            self._s.add(CalendarDayRow(day=e.day, workday=e.workday, note=e.note, source=source))
        self._s.merge(CalendarYearRow(year=year, source=source))
        self._s.flush()


class SqlWarningOverrideRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, kind: str, subject: str, reason: str, actor: str, at: datetime) -> None:
        self._s.add(WarningOverrideRow(kind=kind, subject=subject, reason=reason, actor=actor, at=at))
        self._s.flush()

    def exists(self, kind: str, subject: str) -> bool:
        stmt = select(WarningOverrideRow.id).where(
            WarningOverrideRow.kind == kind, WarningOverrideRow.subject == subject
        )
        return self._s.scalars(stmt).first() is not None


class SqlSettingsRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, key: str) -> str | None:
        row = self._s.get(SettingRow, key)
        return row.value if row else None

    def put(self, key: str, value: str) -> None:
        self._s.merge(SettingRow(key=key, value=value))
        self._s.flush()
