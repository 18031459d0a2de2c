"""Tables, as SQLAlchemy 2 typed declarative classes (db/ only; the domain never sees them)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.types import UtcDateTime


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class CatalogVersionRow(Base):
    __tablename__ = "catalog_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    label: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(500))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)


class MatterRow(Base):
    __tablename__ = "catalog_matters"
    __table_args__ = (UniqueConstraint("version_id", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("catalog_versions.id"), index=True)
    position: Mapped[int]
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    competent_department: Mapped[str] = mapped_column(String(100))
    legal_basis: Mapped[str] = mapped_column(Text)
    approval_level: Mapped[str] = mapped_column(String(16))
    approving_department: Mapped[str] = mapped_column(String(100))
    mode: Mapped[str] = mapped_column(String(16))
    reform_measures: Mapped[str] = mapped_column(Text)
    supervision_measures: Mapped[str] = mapped_column(Text)
    remarks: Mapped[str] = mapped_column(Text)
    approval_method: Mapped[str] = mapped_column(String(50))
    ftz_only: Mapped[bool] = mapped_column(Boolean)
    time_limit_days: Mapped[int]
    check_window: Mapped[str] = mapped_column(String(20))
    trial_operation_allowed: Mapped[bool] = mapped_column(Boolean)
    quota_cap: Mapped[int | None]
    fields: Mapped[list[Any]]
    materials: Mapped[list[Any]]
    conditions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(500))
    verified: Mapped[bool] = mapped_column(Boolean)


class IndustryRow(Base):
    __tablename__ = "catalog_industries"
    __table_args__ = (UniqueConstraint("version_id", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("catalog_versions.id"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    lead_department: Mapped[str] = mapped_column(String(100))
    matter_codes: Mapped[list[Any]]
    source: Mapped[str] = mapped_column(String(500))
    verified: Mapped[bool] = mapped_column(Boolean)


class ScopeTermRow(Base):
    __tablename__ = "catalog_scope_terms"
    __table_args__ = (UniqueConstraint("version_id", "term"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("catalog_versions.id"), index=True)
    term: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    matter_codes: Mapped[list[Any]]
    source: Mapped[str] = mapped_column(String(500))
    verified: Mapped[bool] = mapped_column(Boolean)


class QuotaUsageRow(Base):
    __tablename__ = "quota_usage"
    matter_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    used: Mapped[int] = mapped_column(Integer, default=0)


class EnterpriseRow(Base):
    __tablename__ = "enterprises"
    uscc: Mapped[str] = mapped_column(String(18), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    legal_representative: Mapped[str] = mapped_column(String(100))
    legal_representative_id: Mapped[str] = mapped_column(String(18))
    address: Mapped[str] = mapped_column(String(300))
    contact_phone: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(16))
    in_ftz: Mapped[bool] = mapped_column(Boolean)


class ApplicationRow(Base):
    __tablename__ = "applications"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    uscc: Mapped[str] = mapped_column(String(18), index=True)
    enterprise_name: Mapped[str] = mapped_column(String(200))
    catalog_version_id: Mapped[int] = mapped_column(ForeignKey("catalog_versions.id"))
    channel: Mapped[str] = mapped_column(String(16))
    first_responder: Mapped[str] = mapped_column(String(64))
    assisted_by: Mapped[str | None] = mapped_column(String(64))
    in_ftz: Mapped[bool] = mapped_column(Boolean)
    form_values: Mapped[dict[str, Any]]
    industries: Mapped[list[Any]] = mapped_column(JSON, default=list)
    materials_received: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(32), index=True)
    created_at: Mapped[datetime]


class PermitRequestRow(Base):
    """Derived columns of each item, refreshed from the action log on every save (for queues)."""

    __tablename__ = "permit_requests"
    __table_args__ = (
        Index("ix_permit_requests_queue", "department", "state", "due_date"),
        Index("ix_permit_requests_due", "department", "due_date", "id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), index=True)
    position: Mapped[int]
    matter_code: Mapped[str] = mapped_column(String(32))
    matter_name: Mapped[str] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(16))
    department: Mapped[str] = mapped_column(String(100), index=True)
    competent_department: Mapped[str] = mapped_column(String(100))
    old_procedure: Mapped[bool] = mapped_column(Boolean)
    state: Mapped[str] = mapped_column(String(32))
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    due_date: Mapped[date | None] = mapped_column(Date)
    due_provisional: Mapped[bool] = mapped_column(Boolean, default=False)


class ApplicationActionRow(Base):
    """The append-only log of a case. Rows are only ever inserted."""

    __tablename__ = "application_actions"
    __table_args__ = (UniqueConstraint("application_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), index=True)
    seq: Mapped[int]
    request_id: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    data: Mapped[dict[str, Any]]


class PermitRow(Base):
    __tablename__ = "permits"
    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    matter_code: Mapped[str] = mapped_column(String(32))
    uscc: Mapped[str] = mapped_column(String(18), index=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"))
    issued_at: Mapped[datetime]
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(2))
    status_reason: Mapped[str] = mapped_column(Text, default="")
    previous_number: Mapped[str | None] = mapped_column(String(40))


class IndustryLicenceRow(Base):
    __tablename__ = "industry_licences"
    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    uscc: Mapped[str] = mapped_column(String(18), index=True)
    enterprise_name: Mapped[str] = mapped_column(String(200))
    industry_names: Mapped[list[Any]]
    permit_numbers: Mapped[list[Any]]
    issued_on: Mapped[date] = mapped_column(Date)
    issuing_authority: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(2))
    status_reason: Mapped[str] = mapped_column(Text, default="")
    previous_number: Mapped[str | None] = mapped_column(String(40))
    application_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id"), index=True)
    qr_text: Mapped[str] = mapped_column(Text, default="")
    key_id: Mapped[str] = mapped_column(String(16), default="")


class TrustedKeyRow(Base):
    """The trust list: public keys of issuing print stations, several at once so keys can rotate."""

    __tablename__ = "trusted_keys"
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key_pem: Mapped[str] = mapped_column(Text)
    authority: Mapped[str] = mapped_column(String(100))
    station: Mapped[str] = mapped_column(String(100), default="")
    registered_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | retired | revoked
    source: Mapped[str] = mapped_column(String(100), default="local")


class StatusEntryRow(Base):
    """The status list: current status of each licence and permit (sync keeps it current)."""

    __tablename__ = "status_list"
    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # licence | permit
    status: Mapped[str] = mapped_column(String(2))
    reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]
    source: Mapped[str] = mapped_column(String(100), default="local")


class PrintRecordRow(Base):
    """Every print, reprint and preview of a document (the audit log has them too)."""

    __tablename__ = "print_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document: Mapped[str] = mapped_column(String(120), index=True)
    application_number: Mapped[str] = mapped_column(String(32), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # print | reprint | preview
    copies: Mapped[int] = mapped_column(Integer, default=1)
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]


class ApprovalRuleRow(Base):
    """智能审批 rules, every version kept; the newest version of a code is the one in force."""

    __tablename__ = "approval_rules"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(100))
    matter_codes: Mapped[list[Any]]
    conditions: Mapped[list[Any]]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class RatingRow(Base):
    __tablename__ = "service_ratings"
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), primary_key=True)
    level: Mapped[int]
    comment: Mapped[str] = mapped_column(Text, default="")
    via: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]


class RectificationRow(Base):
    __tablename__ = "rectifications"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), index=True)
    level: Mapped[int]
    comment: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="open")
    callback_record: Mapped[str] = mapped_column(Text, default="")
    done_by: Mapped[str] = mapped_column(String(64), default="")
    done_at: Mapped[datetime | None]


class DraftRow(Base):
    """An intake in progress, saved as the clerk types; each clerk sees their own."""

    __tablename__ = "intake_drafts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]


class CreditRecordRow(Base):
    __tablename__ = "credit_records"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    department: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime]
    uscc: Mapped[str] = mapped_column(String(18), index=True, default="")
    person_id: Mapped[str] = mapped_column(String(18), index=True, default="")
    valid_until: Mapped[date | None] = mapped_column(Date)


class CaseCommitmentRow(Base):
    """告知承诺: what the commitment letter stated for one matter of a case, taken at acceptance."""

    __tablename__ = "case_commitments"
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), primary_key=True)
    matter_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    catalog_version_id: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict[str, Any]]
    taken_at: Mapped[datetime]


class CommitmentCheckRow(Base):
    """核查 of a permit granted on commitment, its result and rectification (整改)."""

    __tablename__ = "commitment_checks"
    __table_args__ = (Index("ix_commitment_checks_status_due", "status", "due_on"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), index=True)
    application_number: Mapped[str] = mapped_column(String(32))
    matter_code: Mapped[str] = mapped_column(String(32))
    matter_name: Mapped[str] = mapped_column(String(200))
    uscc: Mapped[str] = mapped_column(String(18))
    department: Mapped[str] = mapped_column(String(100))
    permit_number: Mapped[str] = mapped_column(String(40), default="")
    due_on: Mapped[date] = mapped_column(Date)
    due_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16))  # scheduled|passed|failed|rectifying|annulled
    result: Mapped[str] = mapped_column(String(16), default="")
    findings: Mapped[str] = mapped_column(Text, default="")
    items: Mapped[list[Any]]
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime | None]
    rectification_due: Mapped[date | None] = mapped_column(Date)
    rectification_note: Mapped[str] = mapped_column(Text, default="")
    closed_by: Mapped[str] = mapped_column(String(64), default="")
    closed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]


class PermitEventRow(Base):
    """Lifecycle decisions on permits (暂扣、撤销、吊销、注销、延续、变更), insert-only."""

    __tablename__ = "permit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    permit_number: Mapped[str] = mapped_column(String(40), index=True)
    action: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str] = mapped_column(String(2))
    to_status: Mapped[str] = mapped_column(String(2))
    reason: Mapped[str] = mapped_column(Text)
    new_number: Mapped[str | None] = mapped_column(String(40))
    until: Mapped[date | None] = mapped_column(Date)
    detail: Mapped[dict[str, Any]]
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]


class UserRow(Base):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(100), default="")
    display_name: Mapped[str] = mapped_column(String(100), default="")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(16), default="local")  # local | central (sync's users feed)


class AuditRow(Base):
    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text)
    prev_mac: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """One row (id 1): the chain's last record, signed. Locked FOR UPDATE by every append."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int]
    last_mac: Mapped[str] = mapped_column(String(64))
    head_mac: Mapped[str] = mapped_column(String(64))


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_created", "status", "created_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON, fixed when written
    created_at: Mapped[datetime]
    # pending → in_flight → sent, or needs_attention when the platform refused it (409)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None]  # when this counter first sent it (推送时间); not in the payload


class CalendarDayRow(Base):
    __tablename__ = "calendar_days"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    workday: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(200), default="")


class CalendarYearRow(Base):
    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(200))


class WarningOverrideRow(Base):
    __tablename__ = "warning_overrides"
    __table_args__ = (Index("ix_override_kind_subject", "kind", "subject"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]


class SettingRow(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class NumberSequenceRow(Base):
    __tablename__ = "number_sequences"
    prefix: Mapped[str] = mapped_column(String(32), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class SyncStateRow(Base):
    """One row per pulled feed (its value) and one for the outbox push ("push")."""

    __tablename__ = "sync_state"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    cursor: Mapped[str] = mapped_column(Text, default="")  # opaque, stored with the page it follows
    last_success: Mapped[datetime | None]
    last_attempt: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")  # the last failed pass; cleared by a success
    rejected: Mapped[str] = mapped_column(Text, default="")  # the last item skipped as unusable
    rejected_at: Mapped[datetime | None]


class SupervisionFeedbackRow(Base):
    """审管联动: a supervising department's feedback on a decision, pulled for the approving one."""

    __tablename__ = "supervision_feedback"
    __table_args__ = (Index("ix_supervision_feedback_dept", "approving_department", "acknowledged_at"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    licence: Mapped[str] = mapped_column(String(40), default="")
    permit: Mapped[str] = mapped_column(String(40), default="")
    uscc: Mapped[str] = mapped_column(String(18), default="")
    matter: Mapped[str] = mapped_column(String(32), default="")
    approving_department: Mapped[str] = mapped_column(String(100))
    supervising_department: Mapped[str] = mapped_column(String(100), default="")
    measure: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    received_at: Mapped[datetime]
    due_on: Mapped[date] = mapped_column(Date)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    acknowledged_by: Mapped[str | None] = mapped_column(String(64))
    acknowledged_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")


class OnlineApplicationRow(Base):
    """一网办: an application made on the portal, pulled for this hall; a clerk takes it to intake."""

    __tablename__ = "online_applications"
    __table_args__ = (Index("ix_online_applications_status", "status", "submitted_at"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    submitted_at: Mapped[datetime]
    received_at: Mapped[datetime]
    data: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(16), default="new")  # new | taken | done
    taken_by: Mapped[str | None] = mapped_column(String(64))
    taken_at: Mapped[datetime | None]
    application_id: Mapped[str | None] = mapped_column(String(36))


class InspectionItemRow(Base):
    """双随机、一公开: one item of a matter's inspection list (抽查事项清单)."""

    __tablename__ = "inspection_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    matter_code: Mapped[str] = mapped_column(String(32), index=True)
    department: Mapped[str] = mapped_column(String(100))
    item: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(500), default="")


class InspectorRow(Base):
    """The department's pool of law-enforcement inspectors (执法检查人员名录库)."""

    __tablename__ = "inspectors"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    department: Mapped[str] = mapped_column(String(100), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class InspectorConflictRow(Base):
    """A declared conflict of interest: the inspector is recused from that subject (回避)."""

    __tablename__ = "inspector_conflicts"
    __table_args__ = (UniqueConstraint("inspector", "uscc"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inspector: Mapped[str] = mapped_column(String(64))
    uscc: Mapped[str] = mapped_column(String(18))
    reason: Mapped[str] = mapped_column(Text, default="")


class InspectionDrawRow(Base):
    """One recorded draw: its seed and inputs, and the result as canonical JSON text."""

    __tablename__ = "inspection_draws"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seed: Mapped[str] = mapped_column(String(200))
    matter_code: Mapped[str] = mapped_column(String(32), index=True)
    ratio_override: Mapped[str | None] = mapped_column(String(16))
    drawn_at: Mapped[datetime]
    drawn_by: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(Text)


class InspectionResultRow(Base):
    __tablename__ = "inspection_results"
    __table_args__ = (UniqueConstraint("draw_id", "uscc"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    draw_id: Mapped[str] = mapped_column(ForeignKey("inspection_draws.id"), index=True)
    uscc: Mapped[str] = mapped_column(String(18))
    result: Mapped[str] = mapped_column(String(16))
    findings: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(64))
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at: Mapped[datetime | None]
