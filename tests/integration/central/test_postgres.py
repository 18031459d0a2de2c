"""The central platform on PostgreSQL: the same flow, and concurrent duplicate pushes."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from sync.central.storage import CentralStore, Device, IncomingEvent, PushResult
from sync.central.storage import events as events_table
from tests.conftest import _fresh_pg_database
from tests.integration.central.helpers import LICENCE, concurrent_duplicates, enrol, event, licence_issued
from tests.support.central import CentralHandle, running_central

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_central(pg_server: str, tmp_path: Path) -> Any:
    # A plain postgresql:// URL is accepted (it means psycopg 3).
    url = _fresh_pg_database(pg_server).replace("postgresql+psycopg://", "postgresql://")
    with running_central(tmp_path, url) as handle:
        yield handle


def test_the_main_flow_on_postgres(pg_central: CentralHandle) -> None:
    with enrol(pg_central, "窗口1", "A") as counter:
        issued = event("LicenceIssued", licence_issued())
        assert counter.push(issued)[0]["status"] == 201
        assert counter.push(issued)[0]["status"] == 200
        assert counter.push({**issued, "payload": "{}"})[0]["status"] == 409
        change = {"number": LICENCE, "kind": "licence", "status": "02", "reason": "整改"}
        assert pg_central.admin_post("/api/v1/admin/status-list", change).status_code == 200
        assert [i["key"] for i in counter.pull_all("status_list")] == [LICENCE]
    with pg_central.client() as public:
        assert "暂扣" in public.get(f"/v/{LICENCE}").text
    assert pg_central.stats() == {"events": 1, "devices": 1, "licences": 1}


def test_concurrent_duplicate_pushes_are_one_201_and_one_200(pg_central: CentralHandle) -> None:
    concurrent_duplicates(pg_central)


def test_a_push_racing_an_uncommitted_insert_reads_it_back(pg_server: str) -> None:
    """The IntegrityError path: the row appears between our check and our insert."""
    url = _fresh_pg_database(pg_server)
    store = CentralStore(url)
    store.create_schema()
    try:
        device = Device("d1", "窗口", "A", "2026-11-26T00:00:00+00:00", None)
        item = IncomingEvent(
            "race-1", "Noted", '{"n":1}', "2026-11-26T00:00:00+00:00", "2026-11-26T00:00:00+00:00"
        )
        results: list[PushResult] = []
        with store.engine.connect() as other:
            other.begin()
            other.execute(
                insert(events_table).values(
                    id=item.id,
                    kind=item.kind,
                    payload=item.payload,
                    payload_sha256="x",
                    created_at=item.created_at,
                    sent_at=item.sent_at,
                    received_at=item.sent_at,
                    device_id="d0",
                )
            )
            pusher = threading.Thread(target=lambda: results.extend(store.push(device, [item])))
            pusher.start()
            time.sleep(0.5)  # the push is now waiting on our uncommitted row
            assert pusher.is_alive()
            other.commit()
            pusher.join(timeout=30)
        assert results == [PushResult("race-1", 200, "已存储")]
    finally:
        store.dispose()
