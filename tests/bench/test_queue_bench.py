"""Review queue benchmark (`make bench`): 100,000 cases seeded in bulk, then the first page of
``queue.page`` and opening the 审批队列 screen until its first page is shown — printed against a bare
``SELECT count(*)`` over the same table in the same process. Printed, never asserted."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine

from db.models import ApplicationRow, PermitRequestRow
from desktop.adapters.clock import FixedClock
from desktop.domain.queue import QueueFilter
from desktop.domain.users import SYSTEM_ACTOR, Actor, Role
from desktop.services import queue
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import NOW, make_services
from ui.review_queue import ReviewQueueScreen
from ui.tasks import wait_for_background

pytestmark = pytest.mark.bench

CASES = 100_000
BUREAU = "行政审批服务管理局"
REVIEWER = Actor("rev1", Role.REVIEWER, BUREAU)
MATTERS = [
    ("SCJG-01", "食品经营许可", "县市场监督管理局"),
    ("WL-01", "娱乐场所经营许可", "县文化和旅游局"),
    ("CB-01", "出版物零售业务许可", "县委宣传部（新闻出版）"),
    ("JT-03", "道路普通货物运输经营许可", "县交通运输局"),
    ("NY-02", "农药经营许可", "县农业农村局"),
]
OTHER_DEPARTMENTS = ["消防救援大队", "公安局", "商务局"]
# mostly waiting, some held, some waiting for supplements, some already decided (not in the queue)
STATES = ["in_review"] * 6 + ["claimed", "awaiting_supplement", "granted", "denied"]


def _seed(engine: Engine, version_id: int, count: int) -> None:
    """Applications and their permit requests straight into the tables (no action log, no audit):
    the queue reads only the derived columns."""
    start = date(2026, 9, 1)
    batch = 10_000
    with engine.begin() as conn:
        for first in range(0, count, batch):
            apps: list[dict[str, Any]] = []
            requests: list[dict[str, Any]] = []
            for i in range(first, min(first + batch, count)):
                app_id = f"bench-app-{i:06d}"
                code, name, competent = MATTERS[i % len(MATTERS)]
                state = STATES[(i * 7) % len(STATES)]
                apps.append(
                    {
                        "id": app_id,
                        "number": f"YC20260901{i:08d}",
                        "uscc": f"91{i:016d}",
                        "enterprise_name": f"晋中市测试商贸有限公司第{i}号",
                        "catalog_version_id": version_id,
                        "channel": "window",
                        "first_responder": "clerk",
                        "assisted_by": None,
                        "in_ftz": False,
                        "form_values": {},
                        "industries": [],
                        "materials_received": [],
                        "status": "in_progress",
                        "created_at": NOW,
                    }
                )
                requests.append(
                    {
                        "id": f"bench-req-{i:06d}",
                        "application_id": app_id,
                        "position": 0,
                        "matter_code": code,
                        "matter_name": name,
                        "mode": "OPTIMIZE",
                        "department": BUREAU if i % 10 else OTHER_DEPARTMENTS[i % 3],
                        "competent_department": competent,
                        "old_procedure": False,
                        "state": state,
                        "claimed_by": "rev2" if state == "claimed" else None,
                        # deadlines spread over about seven months around today (26 November 2026)
                        "due_date": start + timedelta(days=(i * 37) % 210),
                        "due_provisional": (i % 97) == 0,
                    }
                )
            conn.execute(insert(ApplicationRow), apps)
            conn.execute(insert(PermitRequestRow), requests)


def _median_ms(fn: Callable[[], object], runs: int = 7) -> tuple[float, float]:
    """(first run, median of the rest) in milliseconds."""
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    return samples[0], statistics.median(samples[1:])


def test_queue_first_page_and_opening_the_screen_over_100000_cases(
    qtbot: QtBot, tmp_path: Path, bundle: CatalogBundle
) -> None:
    services: Services = make_services(f"sqlite:///{tmp_path / 'queue-bench.sqlite3'}", FixedClock(NOW))
    version = install_bundle(services, SYSTEM_ACTOR, bundle)
    engine: Engine = services.uow.engine  # type: ignore[attr-defined]
    began = time.perf_counter()
    _seed(engine, version.id, CASES)
    seeded = time.perf_counter() - began

    def bare_count() -> int:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(PermitRequestRow)).scalar_one())

    def first_page() -> int:
        return queue.page(services, REVIEWER, QueueFilter(department=None), 0, 200).total

    def open_screen() -> None:
        screen = ReviewQueueScreen(services, REVIEWER)
        qtbot.addWidget(screen)
        with qtbot.waitSignal(screen.loaded, timeout=60_000):
            screen.show()
        screen.close()

    def search_page() -> int:
        return queue.page(services, REVIEWER, QueueFilter(department=None, search="第4242"), 0, 200).total

    def deep_page() -> int:
        return queue.page(services, REVIEWER, QueueFilter(department=None), 50_000, 200).total

    total = first_page()
    count_first, count_ms = _median_ms(bare_count)
    page_first, page_ms = _median_ms(first_page)
    open_first, open_ms = _median_ms(open_screen, runs=5)
    _, search_ms = _median_ms(search_page, runs=3)
    _, deep_ms = _median_ms(deep_page, runs=3)
    wait_for_background()
    print(
        f"\nreview queue over {CASES:,} cases ({total:,} open items for {BUREAU}), seeded in {seeded:.1f} s"
        f"\n  bare SELECT count(*) over permit_requests: {count_ms:.1f} ms (first {count_first:.1f} ms)"
        f"\n  queue.page, first page of 200:              {page_ms:.1f} ms (first {page_first:.1f} ms); "
        f"ratio {page_ms / count_ms:.1f}× the bare count"
        f"\n  open the screen until `loaded`:             {open_ms:.1f} ms (first {open_first:.1f} ms); "
        f"ratio {open_ms / count_ms:.1f}× the bare count (target ≤ 300 ms)"
        f"\n  search '第4242' (LIKE over the join):      {search_ms:.1f} ms"
        f"\n  page at offset 50,000:                      {deep_ms:.1f} ms"
    )
    services.uow.engine.dispose()  # type: ignore[attr-defined]
