"""The HMAC chain itself (no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from desktop.domain.audit import AuditHead, AuditRecord, next_record, verify_chain

KEY = b"s" * 32
AT = datetime(2026, 11, 26, tzinfo=UTC)


def chain(n: int) -> tuple[list[AuditRecord], AuditHead]:
    records: list[AuditRecord] = []
    head: AuditHead | None = None
    for i in range(n):
        record, head = next_record(KEY, head, AT, "clerk", "x", str(i), {"i": i, "名称": "测试"}, "ok")
        records.append(record)
    assert head is not None
    return records, head


def test_intact_chain_and_empty_log() -> None:
    records, head = chain(5)
    assert verify_chain(KEY, records, head).ok
    assert verify_chain(KEY, [], None).ok


def test_each_kind_of_tampering_names_the_first_bad_record() -> None:
    records, head = chain(5)
    edited = [*records[:2], replace(records[2], detail='{"i":99}'), *records[3:]]
    assert verify_chain(KEY, edited, head).first_bad == 3
    deleted = records[:1] + records[2:]
    assert verify_chain(KEY, deleted, head).first_bad == 3
    swapped = [records[0], records[2], records[1], *records[3:]]
    assert verify_chain(KEY, swapped, head).first_bad == 3  # record 3 found where 2 belongs
    truncated = records[:-1]
    assert verify_chain(KEY, truncated, head).first_bad == 5
    assert not verify_chain(KEY, records, None).ok  # head removed
    assert not verify_chain(b"o" * 32, records, head).ok  # another key


def test_renumbered_records_after_a_deletion_are_caught() -> None:
    records, head = chain(4)
    renumbered = [records[0], replace(records[2], seq=2), replace(records[3], seq=3)]
    verdict = verify_chain(KEY, renumbered, head)
    assert not verdict.ok and verdict.first_bad == 2
