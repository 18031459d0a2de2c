"""A sync worker in its own process, for the power-cut (SIGKILL) trials of the sync engine.

    python tests/support/sync_child.py COUNTER_DB_URL CENTRAL_URL BATCH_SIZE PASSES

The device token comes in $ONEWINDOW_SYNC_TOKEN (never on the command line), the counter
database's audit key in $ONEWINDOW_AUDIT_KEY (hex). The worker runs ``PASSES`` sync passes with the
real engine, client and ``ServicesSyncStore``, and prints one line before every call to the
platform (``push N`` / ``pull FEED``) and after it (``pushed`` / ``pulled``), flushed at once, so the
parent can kill it at a chosen moment: mid-batch, while the server works, while the reply is
being written to the database.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, as pytest has it

from db.engine import make_engine
from db.unit_of_work import SqlUnitOfWorkFactory
from desktop.adapters.clock import SystemClock
from desktop.adapters.holidays import ChineseCalendarSource
from desktop.adapters.passwords import Argon2Hasher
from desktop.adapters.sync_store import ServicesSyncStore
from desktop.services.base import Services
from sync.client import CentralClient
from sync.engine import SyncEngine
from sync.protocol import EventIn, Feed, FeedPage, PushResponse


class AnnouncingClient(CentralClient):
    def push(self, events: Sequence[EventIn]) -> PushResponse:
        print(f"push {len(events)}", flush=True)
        reply = super().push(events)
        print("pushed", flush=True)
        return reply

    def pull(self, feed: Feed, after: str, limit: int) -> FeedPage:
        print(f"pull {feed.value}", flush=True)
        page = super().pull(feed, after, limit)
        print("pulled", flush=True)
        return page


def main(argv: Sequence[str]) -> int:
    db_url, central_url, batch_size, passes = argv[0], argv[1], int(argv[2]), int(argv[3])
    engine = make_engine(db_url)
    services = Services(
        uow=SqlUnitOfWorkFactory(engine, bytes.fromhex(os.environ["ONEWINDOW_AUDIT_KEY"])),
        clock=SystemClock(),
        hasher=Argon2Hasher(fast=True),
        holidays=ChineseCalendarSource(),
    )
    token = os.environ["ONEWINDOW_SYNC_TOKEN"]
    with AnnouncingClient(central_url, token, timeout=5.0, retries=3, sleep=lambda _s: None) as client:
        sync = SyncEngine(
            ServicesSyncStore(services), client, lambda: datetime.now(UTC), batch_size=batch_size
        )
        for _ in range(passes):
            report = sync.run_once()
            print(
                f"pass pushed={report.pushed} pending={report.pending} errors={len(report.errors)}",
                flush=True,
            )
    engine.dispose()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
