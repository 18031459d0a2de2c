"""What each printed document says, as plain data. The services fill these in from a case and
its catalog version; printing/ lays them out (the layouts are data in resources/layouts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Applicant:
    name: str
    uscc: str
    legal_representative: str
    address: str
    contact_phone: str = ""


@dataclass(frozen=True)
class PermitLine:
    """One integrated permit on the industry licence."""

    matter_name: str
    number: str
    valid_until: date | None  # None: 长期
    status: str = "有效"


@dataclass(frozen=True)
class IndustryLicenceDoc:
    """行业综合许可证 (one industry, or several: 多业一证)."""

    number: str
    applicant: Applicant
    industries: tuple[str, ...]
    permits: tuple[PermitLine, ...]
    issuing_authority: str
    issued_on: date
    qr_text: str
    title: str = "行业综合许可证"


@dataclass(frozen=True)
class PermitCertificateDoc:
    """A single permit certificate."""

    matter_name: str
    number: str
    applicant: Applicant
    valid_from: date
    valid_until: date | None
    issuing_authority: str
    issued_on: date
    remarks: str = ""
    qr_text: str = ""


@dataclass(frozen=True)
class FilingReceiptDoc:
    """备案凭证: a FILING matter finished on the spot."""

    matter_name: str
    number: str
    applicant: Applicant
    filed_on: date
    department: str
    issuing_authority: str
    remarks: str = ""


@dataclass(frozen=True)
class MaterialLine:
    name: str
    source: str  # 申请人 / 政府部门（无需提交）
    copies: int = 1


@dataclass(frozen=True)
class NoticeMatter:
    """One matter as the one-time notification letter explains it."""

    name: str
    mode: str  # 直接取消审批 / 审批改为备案 / 实行告知承诺 / 优化审批服务 / 按原规定办理
    department: str
    legal_basis: str
    conditions: tuple[str, ...]
    materials: tuple[MaterialLine, ...]
    time_limit: str  # "当场办结" or "10个工作日"
    fees: str = "不收费"


@dataclass(frozen=True)
class NotificationLetterDoc:
    """一次性告知书: matters, conditions, materials, time limits, fees, legal basis — all at once."""

    number: str
    applicant: Applicant
    matters: tuple[NoticeMatter, ...]
    issuing_authority: str
    issued_on: date
    contact: str = ""
    operate_on_registration: bool = False  # 准入即营: nothing to apply for


@dataclass(frozen=True)
class CommitmentLetterDoc:
    """告知承诺书: each condition listed concretely, consequences of a false commitment, signatures."""

    number: str
    matter_name: str
    legal_basis: str
    applicant: Applicant
    conditions: tuple[str, ...]
    materials: tuple[MaterialLine, ...]
    check_window: str  # e.g. "30个工作日" — when the department will verify the commitment
    consequences: tuple[str, ...]
    issuing_authority: str
    issued_on: date


@dataclass(frozen=True)
class NoticeItem:
    matter_name: str
    handling: str  # e.g. "当场办结（备案）", "告知承诺，当场准予许可", "限 2026-12-10 前办结"


@dataclass(frozen=True)
class AcceptanceNoticeDoc:
    """受理通知书."""

    number: str
    application_number: str
    applicant: Applicant
    items: tuple[NoticeItem, ...]
    accepted_on: date
    first_responder: str
    issuing_authority: str
    trial_operation: tuple[str, ...] = ()  # matters whose trial operation may start now
    remarks: str = ""


@dataclass(frozen=True)
class SupplementNoticeDoc:
    """一次补正通知书: everything missing, listed once."""

    number: str
    application_number: str
    applicant: Applicant
    missing: tuple[str, ...]
    issued_on: date
    issuing_authority: str
    supplement_within_days: int = 5


@dataclass(frozen=True)
class RefusalNoticeDoc:
    """不予受理通知书, with the reason and the applicant's remedies."""

    number: str
    application_number: str
    applicant: Applicant
    reason: str
    issued_on: date
    issuing_authority: str
    remedies: str = field(
        default="如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，"
        "或者在六个月内依法向人民法院提起行政诉讼。"
    )


Document = (
    IndustryLicenceDoc
    | PermitCertificateDoc
    | FilingReceiptDoc
    | NotificationLetterDoc
    | CommitmentLetterDoc
    | AcceptanceNoticeDoc
    | SupplementNoticeDoc
    | RefusalNoticeDoc
)

DOCUMENT_TITLES: dict[type, str] = {
    IndustryLicenceDoc: "行业综合许可证",
    PermitCertificateDoc: "许可证",
    FilingReceiptDoc: "备案凭证",
    NotificationLetterDoc: "一次性告知书",
    CommitmentLetterDoc: "告知承诺书",
    AcceptanceNoticeDoc: "受理通知书",
    SupplementNoticeDoc: "一次补正通知书",
    RefusalNoticeDoc: "不予受理通知书",
}
