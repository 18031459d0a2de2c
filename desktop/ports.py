"""What the services need from the outside world, as Protocols (implemented in db/ and adapters)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

from desktop.domain.after_approval import CheckStatus, CommitmentCheck, CommitmentSnapshot, PermitEvent
from desktop.domain.applications import Application, ApplicationStatus, CaseSummary
from desktop.domain.audit import AuditPage, AuditQuery, AuditRecord, ChainVerdict
from desktop.domain.calendar import ScheduleEntry
from desktop.domain.catalog import Catalog, CatalogVersion, Industry, Matter, ScopeTerm
from desktop.domain.credit import CreditRecord
from desktop.domain.documents import Document
from desktop.domain.enterprises import Enterprise
from desktop.domain.inspections import (
    Conflict,
    DrawRecord,
    InspectionItem,
    InspectionResult,
    Inspector,
    PoolHolder,
)
from desktop.domain.linkage import SupervisionFeedback
from desktop.domain.online import OnlineApplication
from desktop.domain.outbox import OutboxEvent
from desktop.domain.permits import IndustryLicence, Permit, PermitStatus, PrintRecord, StatusEntry, TrustedKey
from desktop.domain.publicity import PublicityRecord
from desktop.domain.queue import QueueFilter, QueueRow
from desktop.domain.ratings import Rectification, ServiceRating
from desktop.domain.rules import AutoApprovalRule
from desktop.domain.statistics import ItemFact, Ledger, RatingFact, RectificationFact
from desktop.domain.sync_state import FeedState, OutboxEntry, SyncPassResult, SyncProgressNote
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

    def find(self, text: str, limit: int = 50) -> list[CaseSummary]: ...

    def with_status(self, status: ApplicationStatus, limit: int = 200) -> list[CaseSummary]: ...


class PermitRepository(Protocol):
    def add(self, permit: Permit) -> None: ...

    def get(self, number: str) -> Permit | None: ...

    def add_licence(self, licence: IndustryLicence) -> None: ...

    def get_licence(self, number: str) -> IndustryLicence | None: ...

    def licences_for(self, application_id: str) -> list[IndustryLicence]: ...

    def permits_for(self, application_id: str) -> list[Permit]: ...

    def set_licence_status(self, number: str, status: PermitStatus, reason: str) -> None: ...

    def set_permit_status(self, number: str, status: PermitStatus, reason: str) -> None: ...


class StatusListRepository(Protocol):
    def put(self, entry: StatusEntry) -> None: ...

    def get(self, number: str) -> StatusEntry | None: ...


class TrustListRepository(Protocol):
    def put(self, key: TrustedKey) -> None: ...

    def get(self, key_id: str) -> TrustedKey | None: ...

    def all(self) -> list[TrustedKey]: ...


class PrintRecordRepository(Protocol):
    def add(self, record: PrintRecord) -> None: ...

    def count(self, document: str, kinds: tuple[str, ...] = ("print", "reprint")) -> int: ...


class QueueRepository(Protocol):
    def page(self, f: QueueFilter, offset: int, limit: int) -> tuple[list[QueueRow], int]: ...


class RuleRepository(Protocol):
    def add_version(self, rule: AutoApprovalRule) -> None: ...

    def latest_version(self, code: str) -> int: ...

    def current(self) -> list[AutoApprovalRule]: ...

    def get(self, code: str, version: int) -> AutoApprovalRule: ...


class RatingRepository(Protocol):
    def get(self, application_id: str) -> ServiceRating | None: ...

    def add(self, rating: ServiceRating) -> None: ...

    def add_rectification(self, item: Rectification) -> None: ...

    def rectifications(self, status: str | None = None) -> list[Rectification]: ...

    def complete(self, rectification_id: str, record: str, by: str, at: datetime) -> Rectification: ...


class DraftRepository(Protocol):
    def put(self, draft_id: str, owner: str, title: str, data: dict[str, Any], at: datetime) -> None: ...

    def get(self, draft_id: str, owner: str) -> dict[str, Any] | None: ...

    def list(self, owner: str) -> list[tuple[str, str, datetime]]: ...

    def delete(self, draft_id: str, owner: str) -> None: ...


class KeyStore(Protocol):
    """Signing keys of this print station, kept outside the database (owner-only files)."""

    def create(self) -> tuple[str, str]:
        """Make a new key pair; returns (key_id, public key PEM)."""
        ...

    def public_pem(self, key_id: str) -> str: ...

    def sign(self, key_id: str, message: bytes) -> bytes: ...

    def has(self, key_id: str) -> bool: ...


class SignatureChecker(Protocol):
    def key_id(self, public_key_pem: str) -> str:
        """The key id of a PEM public key; raises DomainError for anything but ECDSA P-256."""
        ...

    def verify(self, public_key_pem: str, message: bytes, signature: bytes) -> bool: ...


class BarcodeReader(Protocol):
    def read_qr(self, image_path: str) -> list[str]:
        """The texts of the QR codes found in an image file."""
        ...


class CreditRepository(Protocol):
    def add(self, record: CreditRecord) -> None: ...

    def for_subject(self, uscc: str = "", person_id: str = "") -> list[CreditRecord]: ...


class CommitmentRepository(Protocol):
    """告知承诺 snapshots taken at acceptance, and the commitment checks (核查) they lead to."""

    def add_snapshot(self, snapshot: CommitmentSnapshot) -> None: ...

    def snapshot(self, application_id: str, matter_code: str) -> CommitmentSnapshot | None: ...

    def add_check(self, check: CommitmentCheck) -> None: ...

    def get_check(self, check_id: str, lock: bool = False) -> CommitmentCheck | None: ...

    def save_check(self, check: CommitmentCheck) -> None: ...

    def checks(
        self, statuses: Sequence[CheckStatus] = (), application_id: str | None = None
    ) -> list[CommitmentCheck]:
        """Checks with one of ``statuses`` (all when empty), earliest due first."""
        ...


class PermitEventRepository(Protocol):
    """The lifecycle decisions on permits (insert-only)."""

    def add(self, event: PermitEvent) -> None: ...

    def for_permit(self, number: str) -> list[PermitEvent]: ...


class UserRepository(Protocol):
    def get(self, username: str) -> User | None: ...

    def add(self, user: User) -> None: ...

    def save(self, user: User) -> None: ...

    def all(self) -> list[User]: ...

    def source(self, username: str) -> str | None:
        """Where the account comes from: "local", or "central" (the users feed); None if absent."""
        ...

    def set_source(self, username: str, source: str) -> None: ...


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

    def search(self, query: AuditQuery, limit: int, offset: int = 0) -> AuditPage: ...


class OutboxRepository(Protocol):
    def add(self, event: OutboxEvent) -> None: ...

    def pending(self) -> list[OutboxEvent]: ...

    def requeue_in_flight(self) -> int:
        """Rows left in_flight (by a crash) back to pending; how many."""
        ...

    def take_batch(self, limit: int, now: datetime) -> list[OutboxEntry]:
        """The oldest pending rows, now in_flight: attempts + 1, sent_at set on the first send."""
        ...

    def mark_sent(self, ids: Sequence[str]) -> int: ...

    def mark_needs_attention(self, event_id: str, detail: str) -> None: ...

    def release(self, ids: Sequence[str], error: str) -> int:
        """In-flight rows back to pending after a failed call."""
        ...

    def counts(self) -> dict[str, int]:
        """Rows by status."""
        ...

    def entries(self, status: str, limit: int = 500) -> list[OutboxEntry]: ...

    def entry(self, event_id: str) -> OutboxEntry | None: ...

    def retry(self, event_id: str) -> bool:
        """A needs_attention row back to pending; False when it was not parked."""
        ...


class SyncStateRepository(Protocol):
    """Cursor and last pass of each feed, and of the push (sync_state)."""

    def get(self, name: str) -> FeedState: ...

    def all(self) -> list[FeedState]: ...

    def set_cursor(self, name: str, cursor: str) -> None: ...

    def record_success(self, name: str, at: datetime) -> None: ...

    def record_failure(self, name: str, at: datetime, error: str) -> None: ...

    def record_rejected(self, name: str, at: datetime, text: str) -> None: ...


class SupervisionFeedbackRepository(Protocol):
    def add(self, feedback: SupervisionFeedback) -> bool:
        """Store new feedback; False (and nothing changed) when its id is already stored."""
        ...

    def get(self, feedback_id: str) -> SupervisionFeedback | None: ...

    def list(self, department: str | None = None, open_only: bool = True) -> list[SupervisionFeedback]: ...

    def acknowledge(self, feedback_id: str, by: str, at: datetime, note: str) -> bool:
        """Record the acknowledgement once; False when it was already acknowledged."""
        ...


class OnlineApplicationRepository(Protocol):
    def add(self, application: OnlineApplication) -> bool:
        """Store a new online application; False when its id is already stored."""
        ...

    def get(self, online_id: str) -> OnlineApplication | None: ...

    def open(self) -> list[OnlineApplication]:
        """New and taken ones, oldest first."""
        ...

    def take(self, online_id: str, by: str, at: datetime) -> bool:
        """new → taken by ``by``, as one conditional update; False when it was not new."""
        ...

    def release(self, online_id: str, by: str | None) -> bool:
        """taken → new (only if held by ``by``, unless None); False otherwise."""
        ...

    def complete(self, online_id: str, by: str, application_id: str) -> bool:
        """taken by ``by`` → done with its case; False otherwise."""
        ...


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


class InspectionRepository(Protocol):
    """双随机、一公开: inspection items, the inspector pool, conflicts, draws and their results."""

    def items(self, matter_code: str | None = None) -> list[InspectionItem]: ...

    def add_item(self, item: InspectionItem) -> None: ...

    def inspectors(self) -> list[Inspector]: ...

    def put_inspector(self, inspector: Inspector) -> None: ...

    def conflicts(self) -> list[Conflict]: ...

    def add_conflict(self, conflict: Conflict) -> bool:
        """False (nothing changed) when that inspector already declared that subject."""
        ...

    def pool(self, matter_code: str, today: date) -> list[PoolHolder]:
        """Holders of valid permits, filings and recorded cancelled matters of the matter."""
        ...

    def add_draw(self, record: DrawRecord) -> bool:
        """False (nothing changed) when a draw with that id is already stored."""
        ...

    def get_draw(self, draw_id: str) -> DrawRecord | None: ...

    def draws_for_inspector(self, username: str) -> list[DrawRecord]:
        """Draws in which that inspector was drawn for at least one subject, newest first."""
        ...

    def add_result(self, result: InspectionResult) -> bool:
        """False (nothing changed) when that subject's result of that draw is already stored."""
        ...

    def results(self, draw_id: str) -> list[InspectionResult]: ...

    def publish(self, draw_id: str, at: datetime) -> list[InspectionResult]:
        """Mark the draw's unpublished results published; returns those just published."""
        ...


class PublicityRepository(Protocol):
    """双公示: what the credit publicity platforms receive (never a personal ID number)."""

    def records(self, since: date | None) -> list[PublicityRecord]: ...


class SyncAgent(Protocol):
    """Runs one sync pass with the central platform (desktop/sync_wiring.py implements it)."""

    def run_once(
        self,
        progress: Callable[[SyncProgressNote], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncPassResult: ...


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

    @property
    def status_list(self) -> StatusListRepository: ...

    @property
    def trust_list(self) -> TrustListRepository: ...

    @property
    def prints(self) -> PrintRecordRepository: ...

    @property
    def queue(self) -> QueueRepository: ...

    @property
    def rules(self) -> RuleRepository: ...

    @property
    def ratings(self) -> RatingRepository: ...

    @property
    def drafts(self) -> DraftRepository: ...

    @property
    def sync_state(self) -> SyncStateRepository: ...

    @property
    def feedback(self) -> SupervisionFeedbackRepository: ...

    @property
    def online(self) -> OnlineApplicationRepository: ...

    @property
    def inspections(self) -> InspectionRepository: ...

    @property
    def publicity(self) -> PublicityRepository: ...

    @property
    def commitments(self) -> CommitmentRepository: ...

    @property
    def permit_events(self) -> PermitEventRepository: ...

    @property
    def statistics(self) -> StatisticsRepository: ...

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def savepoint(self) -> AbstractContextManager[None]:
        """A nested transaction: an exception inside undoes only what was done inside."""
        ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...


class StatisticsRepository(Protocol):
    """改革台账: read-only facts for the statistics of a period (desktop.domain.statistics).

    Bounds are UTC instants [from, before); the service passes a day more on either side and the
    domain keeps what falls on the period's local dates. Rows are streamed: consume them inside
    the unit of work."""

    def items(self, accepted_from: datetime, accepted_before: datetime) -> Iterable[ItemFact]:
        """One fact per permit request of every case accepted in the window."""
        ...

    def ratings(self, rated_from: datetime, rated_before: datetime) -> Iterable[RatingFact]: ...

    def rectifications(
        self, opened_from: datetime, opened_before: datetime
    ) -> Iterable[RectificationFact]: ...


@runtime_checkable
class LedgerRenderer(Protocol):
    """Lays out the 改革工作台账 as PDF bytes (printing.ledger_report); the services' renderer
    provides it when it has ``render_ledger``."""

    def render_ledger(self, ledger: Ledger) -> bytes: ...
