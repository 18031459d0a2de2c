"""Sync push benchmark (`make bench`): 10,000 outbox events pushed over loopback by the real
engine into a real central platform, printed against raw HTTP of the same bytes measured in the
same process. Printed, never asserted.

Three numbers:
- the engine: take a batch from the counter's database (in_flight), POST it, record each reply
  (sent), until the outbox is empty;
- raw POSTs of the same events (fresh ids, so the server stores them just the same) in batches of
  the same size, straight from httpx — the server's work plus the wire, no counter-side work;
- one bulk POST of all the bytes to a trivial ASGI endpoint on loopback — the wire alone.

The target is engine / raw POSTs ≤ 2, and a mean event size ≤ 10 kB.
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from desktop.services.base import emit
from desktop.services.catalog import CatalogBundle
from sync.client import CentralClient
from sync.protocol import EventIn, PushRequest
from tests.integration.sync import harness as h
from tests.support.central import running_central

pytestmark = pytest.mark.bench

EVENTS = 10_000
BATCH = 200  # the engine's default

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


async def sink(scope: Scope, receive: Receive, send: Send) -> None:
    """Reads the whole body, answers its length: the wire and nothing else."""
    if scope["type"] != "http":
        return
    size, more = 0, True
    while more:
        message = await receive()
        size += len(message.get("body", b""))
        more = message.get("more_body", False)
    body = json.dumps({"bytes": size}).encode()
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]}
    )
    await send({"type": "http.response.body", "body": body})


@contextmanager
def running_sink(port: int) -> Iterator[str]:
    config = uvicorn.Config(
        sink, host="127.0.0.1", port=port, log_config=None, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="bench-sink")
    thread.start()
    try:
        while not server.started:
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def real_payloads(counter: h.Counter, cases: int) -> list[tuple[str, dict[str, Any]]]:
    """The events of ``cases`` real intakes (submit + accept), as kinds and payloads."""
    for n in range(cases):
        h.accept_a_case(counter)
        del n
    return [(kind, json.loads(payload)) for kind, payload, _ in h.outbox(counter).values()]


def fill_outbox(counter: h.Counter, samples: list[tuple[str, dict[str, Any]]], total: int) -> None:
    have = len(h.outbox(counter))
    for start in range(have, total, 1000):
        with counter.services.uow() as uow:
            for n in range(start, min(total, start + 1000)):
                kind, payload = samples[n % len(samples)]
                emit(counter.services, uow, kind, payload)
            uow.commit()


def test_push_10000_events(tmp_path: Path, bundle: CatalogBundle) -> None:
    (tmp_path / "central").mkdir()
    counter = h.make_counter(tmp_path / "counter", bundle)
    samples = real_payloads(counter, 20)
    fill_outbox(counter, samples, EVENTS)
    rows = list(h.outbox(counter).items())
    assert len(rows) == EVENTS
    payload_sizes = [len(payload.encode()) for _, (_, payload, _) in rows]
    now = "2026-11-26T10:00:00+00:00"

    def wire_event(event_id: str, kind: str, payload: str) -> EventIn:
        return EventIn(id=event_id, kind=kind, payload=payload, created_at=now, sent_at=now)

    wire_sizes = [len(wire_event(i, k, p).model_dump_json().encode()) for i, (k, p, _) in rows]
    with running_central(tmp_path / "central") as central:
        token = h.enrol(central)
        # The engine, profiled once more afterwards if it is slow.
        with CentralClient(central.base_url, token) as client:
            engine = h.engine_for(counter, client, feeds=(), batch_size=BATCH)
            started = time.perf_counter()
            report = engine.run_once()
            engine_s = time.perf_counter() - started
        assert report.pushed == EVENTS and report.pending == 0

        # Raw POSTs of the same bytes with fresh ids: the same work for the server.
        fresh = [wire_event(str(uuid.uuid4()), k, p) for _, (k, p, _) in rows]
        bodies = [
            PushRequest(events=fresh[i : i + BATCH]).model_dump_json().encode()
            for i in range(0, EVENTS, BATCH)
        ]
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        with httpx.Client(base_url=central.base_url, headers=headers, timeout=60) as raw:
            started = time.perf_counter()
            for body in bodies:
                raw.post("/api/v1/events", content=body).raise_for_status()
            raw_s = time.perf_counter() - started
        assert central.stats()["events"] == 2 * EVENTS

    # The wire alone: one POST of every byte to a sink.
    blob = b"".join(bodies)
    with running_sink(h.free_port()) as url, httpx.Client(timeout=60) as raw:
        raw.post(f"{url}/", content=b"warm-up")
        started = time.perf_counter()
        assert raw.post(f"{url}/", content=blob).json()["bytes"] == len(blob)
        wire_s = time.perf_counter() - started

    # Where the engine's time goes: the counter side alone (take + mark sent), no network.
    fill_outbox(counter, samples, 2 * EVENTS)
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    while batch := counter.store.take_batch(BATCH, counter.clock.now()):
        counter.store.mark_sent([item.id for item in batch])
    profile.disable()
    local_s = time.perf_counter() - started
    counter.dispose()

    mean_payload = sum(payload_sizes) / len(payload_sizes)
    mean_wire = sum(wire_sizes) / len(wire_sizes)
    print()
    print(f"sync push bench: {EVENTS} events, batches of {BATCH}, loopback HTTP, SQLite on both sides")
    print(f"  mean event size: payload {mean_payload:.0f} B, on the wire {mean_wire:.0f} B (target ≤ 10 kB)")
    print(f"  engine push:            {engine_s:7.2f} s  ({EVENTS / engine_s:,.0f} events/s)")
    print(f"  raw POSTs, same bytes:  {raw_s:7.2f} s  → engine / raw = {engine_s / raw_s:.2f} (target ≤ 2)")
    megabytes = len(blob) / 1e6
    print(f"  one bulk POST, {megabytes:.1f} MB: {wire_s:6.2f} s  → engine / wire = {engine_s / wire_s:.0f}")
    print(f"  counter side alone (take_batch + mark_sent, no network): {local_s:.2f} s")
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(12)
    print("  counter side, top of the profile:")
    print("\n".join("    " + line for line in out.getvalue().splitlines()[:40] if line.strip()))
