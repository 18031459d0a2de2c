"""Permits (许可证) and the integrated industry licence (行业综合许可证) with national status codes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum


class PermitStatus(str, Enum):
    """Status codes of the national e-licence interface."""

    VALID = "01"  # 有效
    SUSPENDED = "02"  # 暂扣
    ANNULLED = "03"  # 撤销
    DEREGISTERED = "04"  # 注销
    EXPIRED = "05"  # 失效
    REVOKED = "07"  # 吊销
    OTHER = "99"  # 其他（附原因）

    @property
    def label(self) -> str:
        return PERMIT_STATUS_LABELS[self]


PERMIT_STATUS_LABELS = {
    PermitStatus.VALID: "有效",
    PermitStatus.SUSPENDED: "暂扣",
    PermitStatus.ANNULLED: "撤销",
    PermitStatus.DEREGISTERED: "注销",
    PermitStatus.EXPIRED: "失效",
    PermitStatus.REVOKED: "吊销",
    PermitStatus.OTHER: "其他",
}


@dataclass(frozen=True)
class Permit:
    """The result of one matter: a single permit, or a filing receipt for a FILING matter."""

    number: str
    matter_code: str
    uscc: str
    application_id: str
    issued_at: datetime
    valid_from: date
    valid_until: date | None  # None: no validity limit (优化审批服务 may lift it)
    status: PermitStatus = PermitStatus.VALID
    status_reason: str = ""
    previous_number: str | None = None  # a renewal or change links to the previous permit

    def effective_status(self, today: date) -> PermitStatus:
        if self.status is PermitStatus.VALID and self.valid_until and today > self.valid_until:
            return PermitStatus.EXPIRED
        return self.status


@dataclass(frozen=True)
class IndustryLicence:
    """一业一证 / 多业一证: one licence integrating the permits of one or several industries."""

    number: str
    uscc: str
    enterprise_name: str
    industry_names: tuple[str, ...]
    permit_numbers: tuple[str, ...]
    issued_on: date
    issuing_authority: str
    status: PermitStatus = PermitStatus.VALID
    status_reason: str = ""
    previous_number: str | None = None
    application_id: str | None = None
    qr_text: str = ""  # fixed at issue, so a reprint carries the same signed QR
    key_id: str = ""


@dataclass(frozen=True)
class StatusEntry:
    """One line of the status list: the current status of a licence or permit by number."""

    number: str
    kind: str  # "licence" | "permit"
    status: PermitStatus
    reason: str
    updated_at: datetime
    source: str = "local"  # "local", or "central" once sync delivers it


@dataclass(frozen=True)
class TrustedKey:
    """A print station's public key on the trust list, registered under its issuing authority."""

    key_id: str
    public_key_pem: str
    authority: str
    station: str
    registered_at: datetime
    status: str = "active"  # active (signs now) | retired (still verifies) | revoked (verifies nothing)
    source: str = "local"


@dataclass(frozen=True)
class PrintRecord:
    """One print, reprint (with its reason) or preview of a document."""

    document: str
    application_number: str
    kind: str  # print | reprint | preview
    copies: int
    reason: str
    actor: str
    at: datetime
