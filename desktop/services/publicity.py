"""双公示 export: permits, filings, published inspection results and penalties for the credit
publicity platforms, as one CSV and one JSON document of the same schema.

The format (field names, codes, ISO dates) is documented in desktop/domain/publicity.py.
Personal ID numbers are never exported: the legal representative appears by name only, and a
penalty recorded only against a person's ID number (no USCC) is left out.

The service builds the two texts and queues a ``PublicityBatchExported`` event with the counts; the
caller (the command line) writes the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain import publicity
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, emit, run_command


@dataclass(frozen=True)
class PublicityBatch:
    since: date | None
    rows: list[dict[str, str]]
    counts: dict[str, int]
    csv_text: str
    json_text: str
    file_stem: str  # publicity-<today>; the command line adds .csv and .json


def export_batch(services: Services, actor: Actor, since: date | None = None) -> PublicityBatch:
    def body(uow: UnitOfWork, change: Change) -> PublicityBatch:
        now = services.clock.now()
        rows = []
        for record in uow.publicity.records(since):
            decided_on = services.clock.local_date(record.decided_at)
            if since is None or decided_on >= since:
                rows.append(publicity.row(record, decided_on))
        counts = publicity.counts(rows)
        change.detail = {"since": since.isoformat() if since else None, "counts": counts}
        emit(
            services,
            uow,
            "PublicityBatchExported",
            {"format": publicity.FORMAT, "since": since.isoformat() if since else None, "counts": counts},
        )
        return PublicityBatch(
            since,
            rows,
            counts,
            publicity.to_csv(rows),
            publicity.to_json(rows, now, since),
            f"publicity-{services.clock.today().isoformat()}",
        )

    return run_command(services, actor, "publicity.export", Permission.PUBLISH, body)
