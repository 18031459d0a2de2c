"""The text behind a licence's QR code: one scan gives both the central platform's verification
URL and an offline-verifiable signed payload.

    {verify_base}/v/{licence_number}#OW1.{payload}.{signature}

``payload`` is base64url (no padding) of raw-deflated compact JSON
``[1, key_id, licence_number, uscc, name, "YYYYMMDD", [[matter_code, status, "YYYYMMDD" or ""], …]]``;
``signature`` is base64url of the raw ECDSA P-256 signature (r‖s, 64 bytes) over the UTF-8 bytes
of everything before the last ``.`` — the URL included, so changing any character of the scanned
text never verifies. A phone camera opens the URL; the fragment never leaves the phone.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop.domain.errors import DomainError

MARKER = "#OW1."
FORMAT_VERSION = 1
MAX_TEXT = 2000  # anything longer is not ours
_MAX_INFLATED = 8192


class Unreadable(DomainError):
    """The scanned text is not a OneWindow licence code (or is damaged past decoding)."""

    code = "unreadable"


@dataclass(frozen=True)
class QrPermit:
    matter_code: str
    status: str  # national status code at issue, "01"
    valid_until: date | None


@dataclass(frozen=True)
class QrPayload:
    key_id: str
    licence_number: str
    uscc: str
    name: str
    issued_on: date
    permits: tuple[QrPermit, ...]


@dataclass(frozen=True)
class ScannedQr:
    url: str
    payload: QrPayload
    message: bytes  # what the signature covers
    signature: bytes


def licence_url(verify_base: str, licence_number: str) -> str:
    return f"{verify_base.rstrip('/')}/v/{licence_number}"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    if not text or any(
        c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" for c in text
    ):
        raise Unreadable("二维码内容含有无法识别的字符")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise Unreadable("二维码内容无法解码") from None
    # Only the canonical encoding is accepted: otherwise a changed last character (its unused
    # bits) could decode to the same bytes and a damaged code would still verify.
    if _b64(data) != text:
        raise Unreadable("二维码内容无法解码")
    return data


def _day(d: date | None) -> str:
    return d.strftime("%Y%m%d") if d else ""


def _parse_day(text: object) -> date | None:
    if text == "":
        return None
    if not isinstance(text, str) or len(text) != 8 or not text.isdigit():
        raise Unreadable("二维码中的日期格式不正确")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise Unreadable("二维码中的日期无效") from None


def encode_payload(payload: QrPayload) -> str:
    data = [
        FORMAT_VERSION,
        payload.key_id,
        payload.licence_number,
        payload.uscc,
        payload.name,
        _day(payload.issued_on),
        [[p.matter_code, p.status, _day(p.valid_until)] for p in payload.permits],
    ]
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    return _b64(deflate.compress(raw) + deflate.flush())


def build_qr_text(verify_base: str, payload: QrPayload, sign: Callable[[bytes], bytes]) -> str:
    """The whole QR text, signed by ``sign`` (raw r‖s)."""
    unsigned = licence_url(verify_base, payload.licence_number) + MARKER + encode_payload(payload)
    return unsigned + "." + _b64(sign(unsigned.encode("utf-8")))


def parse_qr_text(text: str) -> ScannedQr:
    """Split and decode a scanned text. Raises Unreadable; never anything else."""
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise Unreadable("二维码内容过长，不是一窗通证照二维码")
    url, marker, rest = text.partition(MARKER)
    if not marker or not url:
        raise Unreadable("不是一窗通证照二维码（缺少签名数据）")
    encoded, dot, sig_text = rest.rpartition(".")
    if not dot or not encoded:
        raise Unreadable("二维码签名数据不完整")
    signature = _unb64(sig_text)
    try:
        inflater = zlib.decompressobj(-15)
        raw = inflater.decompress(_unb64(encoded), _MAX_INFLATED)
        if inflater.unconsumed_tail:
            raise Unreadable("二维码内容过长")
        data = json.loads(raw.decode("utf-8"))
    except (zlib.error, ValueError, RecursionError):  # ValueError: bad UTF-8 or JSON, over-long numbers
        raise Unreadable("二维码内容已损坏，无法解码") from None
    try:
        message = (url + MARKER + encoded).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (undecodable bytes passed on a command line)
        raise Unreadable("二维码内容含有无法识别的字符") from None
    return ScannedQr(url, _payload(data), message, signature)


def _payload(data: object) -> QrPayload:
    if not (isinstance(data, list) and len(data) == 7 and data[0] == FORMAT_VERSION):
        raise Unreadable("二维码数据格式版本不受支持")
    _, key_id, number, uscc, name, issued, permits = data
    if not all(isinstance(v, str) for v in (key_id, number, uscc, name)) or not isinstance(permits, list):
        raise Unreadable("二维码数据格式不正确")
    lines = []
    for item in permits:
        if not (isinstance(item, list) and len(item) == 3 and all(isinstance(v, str) for v in item)):
            raise Unreadable("二维码中的许可数据格式不正确")
        lines.append(QrPermit(item[0], item[1], _parse_day(item[2])))
    issued_on = _parse_day(issued)
    if issued_on is None:
        raise Unreadable("二维码缺少发证日期")
    return QrPayload(key_id, number, uscc, name, issued_on, tuple(lines))
