"""证照验证: check a scanned licence QR offline — signature against the trust list, status against
the status list (which sync keeps current). Every verification is audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from desktop.domain.errors import EnvironmentProblem
from desktop.domain.permits import PermitStatus
from desktop.domain.qr_payload import ScannedQr, Unreadable, parse_qr_text
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, run_command


class VerifyResult(str, Enum):
    VALID = "valid"
    EXPIRED = "expired"
    SUSPENDED = "suspended"
    ANNULLED = "annulled"
    REVOKED = "revoked"
    DEREGISTERED = "deregistered"
    UNKNOWN_KEY = "unknown_key"
    FORGED = "forged"
    UNREADABLE = "unreadable"

    @property
    def label(self) -> str:
        return RESULT_LABELS[self]


RESULT_LABELS = {
    VerifyResult.VALID: "有效",
    VerifyResult.EXPIRED: "已失效（超过有效期）",
    VerifyResult.SUSPENDED: "已暂扣",
    VerifyResult.ANNULLED: "已撤销",
    VerifyResult.REVOKED: "已吊销",
    VerifyResult.DEREGISTERED: "已注销",
    VerifyResult.UNKNOWN_KEY: "无法确认：签发密钥不在信任列表中",
    VerifyResult.FORGED: "伪造或被篡改：签名不符",
    VerifyResult.UNREADABLE: "无法识别：不是有效的一窗通证照二维码",
}
_FROM_STATUS = {
    PermitStatus.VALID: VerifyResult.VALID,
    PermitStatus.SUSPENDED: VerifyResult.SUSPENDED,
    PermitStatus.ANNULLED: VerifyResult.ANNULLED,
    PermitStatus.DEREGISTERED: VerifyResult.DEREGISTERED,
    PermitStatus.EXPIRED: VerifyResult.EXPIRED,
    PermitStatus.REVOKED: VerifyResult.REVOKED,
    PermitStatus.OTHER: VerifyResult.ANNULLED,  # 作废 and other withdrawals: not valid
}
# When licence and permits differ, the licence shows the most serious state.
_SEVERITY = [
    VerifyResult.REVOKED,
    VerifyResult.ANNULLED,
    VerifyResult.DEREGISTERED,
    VerifyResult.SUSPENDED,
    VerifyResult.EXPIRED,
    VerifyResult.VALID,
]


@dataclass(frozen=True)
class Verification:
    result: VerifyResult
    message: str
    licence: dict[str, Any] | None = None
    permits: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "result": self.result.value,
            "message": self.message,
            "licence": self.licence,
            "permits": self.permits,
        }


def _status(uow: UnitOfWork, number: str) -> tuple[PermitStatus | None, str]:
    entry = uow.status_list.get(number)
    return (entry.status, entry.reason) if entry else (None, "")


def _check(services: Services, uow: UnitOfWork, text: str, today: date) -> Verification:
    if services.signatures is None:
        raise EnvironmentProblem("本机未配置签名校验组件")
    try:
        scanned: ScannedQr = parse_qr_text(text)
    except Unreadable as exc:
        return Verification(VerifyResult.UNREADABLE, exc.message)
    payload = scanned.payload
    key = uow.trust_list.get(payload.key_id)
    if key is None or key.status == "revoked":
        why = "已被吊销" if key else "不在本机信任列表中"
        return Verification(VerifyResult.UNKNOWN_KEY, f"签发密钥 {payload.key_id} {why}，无法确认真伪")
    if not services.signatures.verify(key.public_key_pem, scanned.message, scanned.signature):
        return Verification(VerifyResult.FORGED, RESULT_LABELS[VerifyResult.FORGED])
    licence_status, reason = _status(uow, payload.licence_number)
    catalog = uow.catalog.current()
    names = {code: m.name for code, m in catalog.matters.items()} if catalog else {}
    permits = []
    results = []
    for p in payload.permits:
        status, permit_reason = _status(uow, f"{payload.licence_number}:{p.matter_code}")
        result = _FROM_STATUS[status] if status else VerifyResult.VALID
        if result is VerifyResult.VALID and p.valid_until and today > p.valid_until:
            result = VerifyResult.EXPIRED
        results.append(result)
        permits.append(
            {
                "matter": p.matter_code,
                "name": names.get(p.matter_code, p.matter_code),
                "status": result.value,
                "label": result.label,
                "valid_until": p.valid_until.isoformat() if p.valid_until else None,
                "reason": permit_reason,
            }
        )
    overall = _FROM_STATUS[licence_status] if licence_status else VerifyResult.VALID
    if overall is VerifyResult.VALID and results:
        overall = min(results, key=_SEVERITY.index)
    licence = {
        "number": payload.licence_number,
        "uscc": payload.uscc,
        "name": payload.name,
        "issued_on": payload.issued_on.isoformat(),
        "key_id": payload.key_id,
        "authority": key.authority,
        "url": scanned.url,
        "status_known": licence_status is not None,
        "reason": reason,
    }
    message = overall.label if overall is not VerifyResult.VALID else "证照有效，签名校验通过"
    if licence_status is None:
        message += "（本机状态列表中暂无此证照，状态以签发时为准，请联网核对）"
    return Verification(overall, message, licence, permits)


def verify(services: Services, actor: Actor, text: str) -> Verification:
    def body(uow: UnitOfWork, change: Change) -> Verification:
        outcome = _check(services, uow, text, services.clock.today())
        change.target = outcome.licence["number"] if outcome.licence else ""
        change.detail = {"result": outcome.result.value, "length": len(text)}
        return outcome

    return run_command(services, actor, "verify.licence", Permission.VERIFY, body)


def verify_image(services: Services, actor: Actor, image_path: str) -> Verification:
    """Verify the first QR code found in an image file (a photo or scan of a licence)."""
    if services.barcodes is None:
        raise EnvironmentProblem("本机未配置二维码识别组件")
    texts = services.barcodes.read_qr(image_path)
    if not texts:
        return verify(services, actor, "")
    return verify(services, actor, texts[0])
