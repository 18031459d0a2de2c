"""The audit log: every change, chained by HMAC so that edits, deletions and reorderings show.

Each record's MAC covers its own fields and the previous record's MAC. The key lives outside the
database, so someone holding only the database file cannot recompute a valid chain. A signed
head (last sequence number and MAC) catches a record cut off the end.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS_MAC = "0" * 64


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: datetime
    actor: str
    action: str
    target: str
    detail: str  # canonical JSON
    result: str  # "ok" or "refused: …"
    prev_mac: str
    mac: str


@dataclass(frozen=True)
class AuditQuery:
    """The auditor's filter: a time range (UTC instants, end exclusive), who, which action (a
    prefix such as ``intake.`` or a full name), which target (contains), which outcome."""

    start: datetime | None = None
    end: datetime | None = None
    actor: str = ""
    action: str = ""
    target: str = ""
    outcome: str = "all"  # all | ok | refused

    def __post_init__(self) -> None:
        if self.outcome not in ("all", "ok", "refused"):
            raise ValueError(self.outcome)


@dataclass(frozen=True)
class AuditPage:
    records: list[AuditRecord]
    total: int  # how many records match, over all pages


@dataclass(frozen=True)
class AuditHead:
    last_seq: int
    last_mac: str
    head_mac: str


@dataclass(frozen=True)
class ChainVerdict:
    ok: bool
    records: int
    first_bad: int | None  # sequence number of the first record that fails; None when ok
    reason: str = ""


def canonical_detail(detail: dict[str, Any]) -> str:
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _message(
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    target: str,
    detail: str,
    result: str,
    prev: str,
) -> bytes:
    fields = [seq, at.isoformat(), actor, action, target, detail, result, prev]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def record_mac(
    key: bytes,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    target: str,
    detail: str,
    result: str,
    prev_mac: str,
) -> str:
    return hmac.new(
        key, _message(seq, at, actor, action, target, detail, result, prev_mac), hashlib.sha256
    ).hexdigest()


def head_mac(key: bytes, last_seq: int, last_mac: str) -> str:
    return hmac.new(key, f"head|{last_seq}|{last_mac}".encode(), hashlib.sha256).hexdigest()


def next_record(
    key: bytes,
    head: AuditHead | None,
    at: datetime,
    actor: str,
    action: str,
    target: str,
    detail: dict[str, Any],
    result: str,
) -> tuple[AuditRecord, AuditHead]:
    """The record to append after ``head``, and the new head."""
    seq = (head.last_seq if head else 0) + 1
    prev = head.last_mac if head else GENESIS_MAC
    text = canonical_detail(detail)
    mac = record_mac(key, seq, at, actor, action, target, text, result, prev)
    record = AuditRecord(seq, at, actor, action, target, text, result, prev, mac)
    return record, AuditHead(seq, mac, head_mac(key, seq, mac))


def verify_chain(key: bytes, records: Iterable[AuditRecord], head: AuditHead | None) -> ChainVerdict:
    """Walk the records in sequence order and check every link and the head."""
    expected_prev = GENESIS_MAC
    expected_seq = 1
    count = 0
    for record in records:
        count += 1
        if record.seq != expected_seq:
            return ChainVerdict(
                False, count, record.seq, f"序号不连续：应为 {expected_seq}，实为 {record.seq}"
            )
        if not hmac.compare_digest(record.prev_mac, expected_prev):
            return ChainVerdict(False, count, record.seq, "与前一条记录的链接不符（记录被删除或调换）")
        mac = record_mac(
            key,
            record.seq,
            record.at,
            record.actor,
            record.action,
            record.target,
            record.detail,
            record.result,
            record.prev_mac,
        )
        if not hmac.compare_digest(mac, record.mac):
            return ChainVerdict(False, count, record.seq, "记录内容与校验码不符（记录被修改）")
        expected_prev = record.mac
        expected_seq += 1
    last_seq = expected_seq - 1
    if head is None:
        if count:
            return ChainVerdict(False, count, last_seq, "缺少审计链头记录")
        return ChainVerdict(True, 0, None)
    if head.last_seq != last_seq or not hmac.compare_digest(head.last_mac, expected_prev):
        return ChainVerdict(
            False, count, min(head.last_seq, last_seq) + 1, "审计链末尾的记录被删除或链头被改动"
        )
    if not hmac.compare_digest(head.head_mac, head_mac(key, head.last_seq, head.last_mac)):
        return ChainVerdict(False, count, head.last_seq, "审计链头校验码不符")
    return ChainVerdict(True, count, None)
