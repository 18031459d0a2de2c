"""双公示 (public disclosure of licensing and penalty decisions) batch format, standard library only.

One schema for both files of a batch, ``publicity-<date>.csv`` and ``publicity-<date>.json``
(UTF-8; the CSV with a header row and a BOM so spreadsheet software reads the Chinese; the JSON an
object ``{"format": "onewindow-publicity/1", "exported_at", "since", "counts", "records": [...]}``
whose records carry the same fields as the CSV columns, all strings):

============== ==================================================================================
field          meaning
============== ==================================================================================
record_type    ``permit`` 行政许可 · ``filing`` 备案 · ``inspection`` 双随机抽查结果 ·
               ``penalty`` 行政处罚
record_id      permit or filing number; ``<draw id>:<USCC>`` for an inspection; the credit
               record id for a penalty
uscc           统一社会信用代码 of the subject
subject_name   the subject's name
legal_representative  the legal representative's *name* only. Personal ID numbers (身份证号)
               are never exported; penalties recorded only against a person's ID are left out
matter_code    catalog code of the matter (empty for a penalty)
matter_name    matter name
decision_code  permit/filing: national status code (01 有效, 02 暂扣, 03 撤销, 04 注销, 05 失效,
               07 吊销, 99 其他); inspection: outcome code (no_problem, corrected, pending,
               unreachable, no_activity, obstructed); penalty: ``penalty``
decision_label the code in Chinese
content        inspection findings, or the penalty's reason; empty for permits and filings
department     deciding department (approving department, inspecting department, or the
               department that recorded the penalty)
decided_on     ISO date (Beijing) of the decision: issue, result recording, or penalty record
valid_from     ISO date, permits and filings only (else empty)
valid_until    ISO date, or empty (no limit / not applicable)
============== ==================================================================================

``--since DATE`` keeps the records decided on or after that date (Beijing).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

FORMAT = "onewindow-publicity/1"
RECORD_TYPES = ("permit", "filing", "inspection", "penalty")
FIELDS = (
    "record_type",
    "record_id",
    "uscc",
    "subject_name",
    "legal_representative",
    "matter_code",
    "matter_name",
    "decision_code",
    "decision_label",
    "content",
    "department",
    "decided_on",
    "valid_from",
    "valid_until",
)


@dataclass(frozen=True)
class PublicityRecord:
    record_type: str
    record_id: str
    uscc: str
    subject_name: str
    legal_representative: str
    matter_code: str
    matter_name: str
    decision_code: str
    decision_label: str
    content: str
    department: str
    decided_at: datetime
    valid_from: date | None = None
    valid_until: date | None = None


def row(record: PublicityRecord, decided_on: date) -> dict[str, str]:
    return {
        "record_type": record.record_type,
        "record_id": record.record_id,
        "uscc": record.uscc,
        "subject_name": record.subject_name,
        "legal_representative": record.legal_representative,
        "matter_code": record.matter_code,
        "matter_name": record.matter_name,
        "decision_code": record.decision_code,
        "decision_label": record.decision_label,
        "content": record.content,
        "department": record.department,
        "decided_on": decided_on.isoformat(),
        "valid_from": record.valid_from.isoformat() if record.valid_from else "",
        "valid_until": record.valid_until.isoformat() if record.valid_until else "",
    }


def counts(rows: Iterable[Mapping[str, str]]) -> dict[str, int]:
    result = dict.fromkeys(RECORD_TYPES, 0)
    for r in rows:
        result[r["record_type"]] += 1
    return result


def to_csv(rows: Sequence[Mapping[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: r[k] for k in FIELDS})
    return "\ufeff" + buffer.getvalue()


def to_json(rows: Sequence[Mapping[str, str]], exported_at: datetime, since: date | None) -> str:
    document: dict[str, Any] = {
        "format": FORMAT,
        "exported_at": exported_at.isoformat(),
        "since": since.isoformat() if since else None,
        "counts": counts(rows),
        "fields": list(FIELDS),
        "records": [{k: r[k] for k in FIELDS} for r in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
