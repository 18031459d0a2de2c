"""What the services need from the outside world, as Protocols (implemented in db/ and adapters)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from types import TracebackType
from typing import Any, Protocol

from desktop.domain.applications import Application
from desktop.domain.audit import AuditRecord, ChainVerdict
from desktop.domain.calendar import HolidaySource, ScheduleEntry
from desktop.domain.catalog import Catalog, CatalogVersion, Industry, Matter, ScopeTerm
from desktop.domain.credit import CreditRecord
from desktop.domain.documents import Document
from desktop.domain.enterprises import Enterprise
from desktop.domain.outbox import OutboxEvent
from desktop.domain.permits import IndustryLicence, Permit
from desktop.domain.users import User


class Clock(Protocol):
    def now(self) -> datetime: ...  # timezone-aware, UTC

    def today(self) -> date: ...  # the local (Asia/Shanghai) date

    def local_date(self, at: datetime) -> date: ...  # the local date of an instant


class DocumentRenderer(Protocol):
    """Lays out a document as PDF bytes (printing/ implements it with ReportLab)."""

    def render(self, document: Document, *, watermark: str | None = None) -> bytes: ...


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str: ...

    def verify(self, password_hash: str, password: str) -> bool: ...


class CatalogRepository(Protocol):
    def current(self) -> Catalog | None: ...

    def get(self, version_id: int) -> Catalog: ...

    def versions(self) -> list[CatalogVersion]: ...

    def add_version(
        self,
        label: str,
        source: str,
        note: str,
        created_at: datetime,
        matters: Sequence[Matter],
        industries: Sequence[Industry],
        scope_terms: Sequence[ScopeTerm],
    ) -> CatalogVersion: ...


class EnterpriseRepository(Protocol):
    def get(self, uscc: str) -> Enterprise | None: ...

    def put(self, enterprise: Enterprise) -> None: ...

    def search(self, text: str, limit: int = 20) -> list[Enterprise]: ...


class ApplicationRepository(Protocol):
    def add(self, application: Application) -> None: ...

    def get(self, application_id: str) -> Application: ...

    def save(self, application: Application) -> None:
        """Append the actions not yet stored and refresh the derived columns."""
        ...

    def next_number(self, prefix: str) -> str: ...

    def with_provisional_deadlines(self) -> list[Application]: ...


class PermitRepository(Protocol):
    def add(self, permit: Permit) -> None: ...

    def get(self, number: str) -> Permit | None: ...

    def add_licence(self, licence: IndustryLicence) -> None: ...


class CreditRepository(Protocol):
    def add(self, record: CreditRecord) -> None: ...

    def for_subject(self, uscc: str = "", person_id: str = "") -> list[CreditRecord]: ...


class UserRepository(Protocol):
    def get(self, username: str) -> User | None: ...

    def add(self, user: User) -> None: ...

    def save(self, user: User) -> None: ...

    def all(self) -> list[User]: ...


class AuditRepository(Protocol):
    def append(
        self,
        at: datetime,
        actor: str,
        action: str,
        target: str,
        detail: Mapping[str, Any],
        result: str,
    ) -> AuditRecord: ...

    def verify(self) -> ChainVerdict: ...

    def records(self, limit: int | None = None) -> list[AuditRecord]: ...


class OutboxRepository(Protocol):
    def add(self, event: OutboxEvent) -> None: ...

    def pending(self) -> list[OutboxEvent]: ...


class CalendarRepository(Protocol):
    def overrides(self) -> dict[date, bool]: ...

    def imported_years(self) -> set[int]: ...

    def set_day(self, day: date, workday: bool, note: str, source: str) -> None: ...

    def import_year(self, year: int, entries: Iterable[ScheduleEntry], source: str) -> None: ...


class WarningOverrideRepository(Protocol):
    def add(self, kind: str, subject: str, reason: str, actor: str, at: datetime) -> None: ...

    def exists(self, kind: str, subject: str) -> bool: ...


class SettingsRepository(Protocol):
    def get(self, key: str) -> str | None: ...

    def put(self, key: str, value: str) -> None: ...


class UnitOfWork(Protocol):
    """One transaction: rolls back on leaving unless ``commit`` was called."""

    @property
    def catalog(self) -> CatalogRepository: ...

    @property
    def enterprises(self) -> EnterpriseRepository: ...

    @property
    def applications(self) -> ApplicationRepository: ...

    @property
    def permits(self) -> PermitRepository: ...

    @property
    def credit(self) -> CreditRepository: ...

    @property
    def users(self) -> UserRepository: ...

    @property
    def audit(self) -> AuditRepository: ...

    @property
    def outbox(self) -> OutboxRepository: ...

    @property
    def calendar(self) -> CalendarRepository: ...

    @property
    def overrides(self) -> WarningOverrideRepository: ...

    @property
    def settings(self) -> SettingsRepository: ...

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...


__all__ = ["HolidaySource"]
