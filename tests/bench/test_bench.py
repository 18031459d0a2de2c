"""Benchmarks (`make bench`): printed, never asserted. Ratios compare against a baseline run in
the same process, so they mean the same on a fast or a slow machine."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from db.engine import make_engine
from db.migrate import upgrade
from db.unit_of_work import SqlUnitOfWorkFactory
from desktop.adapters.clock import FixedClock
from desktop.adapters.holidays import ChineseCalendarSource
from desktop.adapters.passwords import Argon2Hasher
from desktop.adapters.resources import bundled_catalog
from desktop.domain.catalog import Catalog, CatalogVersion
from desktop.services.base import Services
from tests.conftest import AUDIT_KEY, NOW

pytestmark = pytest.mark.bench


def _timings(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def test_catalog_lookup_latency_over_every_scope_term() -> None:
    bundle = bundled_catalog()
    catalog = Catalog(
        CatalogVersion(1, "b", date(2026, 1, 1), ""), bundle.matters, bundle.industries, bundle.scope_terms
    )
    terms = [t.term for t in bundle.scope_terms]
    lookups: list[float] = []
    baseline: list[float] = []
    for term in terms:
        lookups += _timings(
            lambda t=term: catalog.lookup_scope(f"一般项目：{t}（除依法须经批准的项目外）"), 5
        )
        baseline += _timings(lambda t=term: catalog.scope_terms.get(t), 5)
    p50, p95 = _pct(lookups, 0.5) * 1000, _pct(lookups, 0.95) * 1000
    print(
        f"\ncatalog lookup over {len(terms)} terms: p50 {p50:.3f} ms, p95 {p95:.3f} ms (target p95 ≤ 5 ms); "
        f"p50 ratio to a bare dict look-up: {statistics.median(lookups) / statistics.median(baseline):.0f}×"
    )


def _services(path: Path, synchronous: str) -> Services:
    engine = make_engine(str(path), synchronous=synchronous)
    upgrade(engine)
    return Services(
        SqlUnitOfWorkFactory(engine, AUDIT_KEY),
        FixedClock(NOW),
        Argon2Hasher(fast=True),
        ChineseCalendarSource(),
    )


def test_audited_write_full_versus_normal(tmp_path: Path) -> None:
    results = {}
    for mode in ("NORMAL", "FULL"):
        services = _services(tmp_path / f"{mode}.sqlite3", mode)

        def write(s: Services = services) -> None:
            with s.uow() as uow:
                uow.audit.append(s.clock.now(), "bench", "bench.write", "x", {"n": 1}, "ok")
                uow.commit()

        _timings(write, 20)  # warm up
        results[mode] = statistics.median(_timings(write, 200))
        services.uow.engine.dispose()  # type: ignore[attr-defined]
    print(
        f"\none audited write: NORMAL {results['NORMAL'] * 1000:.2f} ms, "
        f"FULL {results['FULL'] * 1000:.2f} ms, "
        f"FULL/NORMAL = {results['FULL'] / results['NORMAL']:.2f}×"
    )
