"""The unit of work: one transaction per command, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from db.after_approval_repository import SqlCommitmentRepository, SqlPermitEventRepository
from db.catalog_repository import SqlCatalogRepository
from db.errors import known_problem
from db.inspection_repository import SqlInspectionRepository, SqlPublicityRepository
from db.repositories import (
    SqlApplicationRepository,
    SqlAuditRepository,
    SqlCalendarRepository,
    SqlCreditRepository,
    SqlEnterpriseRepository,
    SqlPermitRepository,
    SqlPrintRecordRepository,
    SqlSettingsRepository,
    SqlStatusListRepository,
    SqlTrustListRepository,
    SqlWarningOverrideRepository,
)
from db.statistics_repository import SqlStatisticsRepository
from db.sync_repository import (
    SqlOnlineApplicationRepository,
    SqlSupervisionFeedbackRepository,
    SqlSyncOutboxRepository,
    SqlSyncStateRepository,
    SqlSyncUserRepository,
)
from db.workbench_repository import (
    SqlDraftRepository,
    SqlQueueRepository,
    SqlRatingRepository,
    SqlRuleRepository,
)
from desktop.domain.errors import StorageProblem
from desktop.ports import UnitOfWork, UnitOfWorkFactory


class SqlUnitOfWork:
    catalog: SqlCatalogRepository
    enterprises: SqlEnterpriseRepository
    applications: SqlApplicationRepository
    permits: SqlPermitRepository
    credit: SqlCreditRepository
    users: SqlSyncUserRepository
    audit: SqlAuditRepository
    outbox: SqlSyncOutboxRepository
    calendar: SqlCalendarRepository
    overrides: SqlWarningOverrideRepository
    settings: SqlSettingsRepository
    status_list: SqlStatusListRepository
    trust_list: SqlTrustListRepository
    prints: SqlPrintRecordRepository
    queue: SqlQueueRepository
    rules: SqlRuleRepository
    ratings: SqlRatingRepository
    drafts: SqlDraftRepository
    sync_state: SqlSyncStateRepository
    feedback: SqlSupervisionFeedbackRepository
    online: SqlOnlineApplicationRepository
    inspections: SqlInspectionRepository
    publicity: SqlPublicityRepository
    commitments: SqlCommitmentRepository
    permit_events: SqlPermitEventRepository
    statistics: SqlStatisticsRepository

    def __init__(self, session_factory: sessionmaker[Session], audit_key: bytes) -> None:
        self._factory = session_factory
        self._audit_key = audit_key
        self._session: Session | None = None

    def __enter__(self) -> SqlUnitOfWork:
        self._session = s = self._factory()
        self.catalog = SqlCatalogRepository(s)
        self.enterprises = SqlEnterpriseRepository(s)
        self.applications = SqlApplicationRepository(s)
        self.permits = SqlPermitRepository(s)
        self.credit = SqlCreditRepository(s)
        self.users = SqlSyncUserRepository(s)
        self.audit = SqlAuditRepository(s, self._audit_key)
        self.outbox = SqlSyncOutboxRepository(s)
        self.calendar = SqlCalendarRepository(s)
        self.overrides = SqlWarningOverrideRepository(s)
        self.settings = SqlSettingsRepository(s)
        self.status_list = SqlStatusListRepository(s)
        self.trust_list = SqlTrustListRepository(s)
        self.prints = SqlPrintRecordRepository(s)
        self.queue = SqlQueueRepository(s)
        self.rules = SqlRuleRepository(s)
        self.ratings = SqlRatingRepository(s)
        self.drafts = SqlDraftRepository(s)
        self.sync_state = SqlSyncStateRepository(s)
        self.feedback = SqlSupervisionFeedbackRepository(s)
        self.online = SqlOnlineApplicationRepository(s)
        self.inspections = SqlInspectionRepository(s)
        self.publicity = SqlPublicityRepository(s)
        self.commitments = SqlCommitmentRepository(s)
        self.permit_events = SqlPermitEventRepository(s)
        self.statistics = SqlStatisticsRepository(s)
        s.begin()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            self.rollback()
        except DBAPIError:
            if exc is None:  # a failed rollback after a failed statement is that statement's story
                raise
        finally:
            self._session.close()
            self._session = None
        message = known_problem(exc) if exc is not None else None
        if message is not None:  # full, read-only, locked, unreachable: not a bug, nothing saved
            raise StorageProblem(message) from exc

    def commit(self) -> None:
        assert self._session is not None
        self._session.commit()

    def rollback(self) -> None:
        if self._session is not None and self._session.in_transaction():
            self._session.rollback()

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """SAVEPOINT … RELEASE, or ROLLBACK TO SAVEPOINT when the block raises (then re-raised)."""
        assert self._session is not None
        with self._session.begin_nested():
            yield


class SqlUnitOfWorkFactory:
    def __init__(self, engine: Engine, audit_key: bytes) -> None:
        self.engine = engine
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
        self._audit_key = audit_key

    def __call__(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._sessions, self._audit_key)


def _conforms(factory: SqlUnitOfWorkFactory) -> UnitOfWorkFactory:
    """Let mypy prove the SQL unit of work satisfies the services' port."""
    return factory


def _uow_conforms(uow: SqlUnitOfWork) -> UnitOfWork:
    return uow
