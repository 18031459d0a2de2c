"""Helpers for the central platform's tests: enrolled counters, events, the bundled catalog."""

from __future__ import annotations

import csv
import io
import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import httpx

from tests.support.central import CentralHandle

SENT_AT = "2026-11-26T10:05:00+08:00"
CREATED_AT = "2026-11-26T10:00:00+08:00"
USCC = "91310110666007217T"
USCC_2 = "91110000600037341L"
LICENCE = "SX-JZ-2026-000123"


@dataclass
class Counter:
    """An enrolled counter talking to the central platform over HTTP."""

    device_id: str
    token: str
    hall: str
    http: httpx.Client

    def push(self, *events: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.http.post("/api/v1/events", json={"events": list(events)})
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        return results

    def pull(self, feed: str, after: str = "", limit: int | None = None) -> dict[str, Any]:
        params: dict[str, str | int] = {"after": after}
        if limit is not None:
            params["limit"] = limit
        response = self.http.get(f"/api/v1/feeds/{feed}", params=params)
        assert response.status_code == 200, response.text
        page: dict[str, Any] = response.json()
        return page

    def pull_all(self, feed: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        cursor = ""
        while True:
            page = self.pull(feed, cursor)
            items.extend(page["items"])
            cursor = page["cursor"]
            if not page["more"]:
                return items


@contextmanager
def enrol(central: CentralHandle, name: str, hall: str) -> Iterator[Counter]:
    with central.client() as anonymous:
        response = anonymous.post(
            "/api/v1/enrol", json={"code": central.enrol_code(), "device_name": name, "hall": hall}
        )
    assert response.status_code == 200, response.text
    body = response.json()
    with central.client(body["token"]) as http:
        yield Counter(body["device_id"], body["token"], body["hall"], http)


def event(
    kind: str,
    payload: dict[str, Any] | str,
    *,
    event_id: str | None = None,
    sent_at: str = SENT_AT,
) -> dict[str, Any]:
    text = payload if isinstance(payload, str) else canonical(payload)
    return {
        "id": event_id or str(uuid.uuid4()),
        "kind": kind,
        "payload": text,
        "created_at": CREATED_AT,
        "sent_at": sent_at,
    }


def canonical(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def licence_issued(
    number: str = LICENCE, uscc: str = USCC, name: str = "晋中市榆次区便民超市有限公司"
) -> dict[str, Any]:
    return {
        "application": "APP-2026-0001",
        "uscc": uscc,
        "name": name,
        "address": "山西省晋中市榆次区迎宾街1号",
        "licence": number,
        "issued_on": "2026-11-26",
        "authority": "晋中市榆次区行政审批服务管理局",
        "competent_departments": ["县市场监督管理局"],
        "permits": [
            {
                "number": f"{number}-01",
                "matter": "SCJG-01",
                "matter_name": "食品经营许可",
                "valid_until": "2031-11-25",
                "status": "01",
                "competent_department": "县市场监督管理局",
            },
            {
                "number": f"{number}-02",
                "matter": "YC-01",
                "matter_name": "烟草专卖零售许可",
                "valid_until": "2031-11-25",
                "status": "01",
                "competent_department": "县烟草专卖局",
            },
        ],
    }


def bundled_matters_table() -> list[list[str]]:
    """The bundled catalog's matters.csv: the official layout, header row first."""
    text = (files("resources") / "catalog" / "matters.csv").read_bytes().decode("utf-8-sig")
    return [row for row in csv.reader(io.StringIO(text)) if row]


def push_at_once(
    central: CentralHandle, tokens: list[str], batches: list[list[dict[str, Any]]]
) -> list[list[Any]]:
    """Send each batch with its token from its own thread, all released at the same moment."""
    barrier = threading.Barrier(len(batches))
    results: list[list[Any]] = [[] for _ in batches]
    failures: list[BaseException] = []

    def send(index: int) -> None:
        try:
            with httpx.Client(base_url=central.base_url, timeout=60) as http:
                barrier.wait()
                response = http.post(
                    "/api/v1/events",
                    json={"events": batches[index]},
                    headers={"Authorization": f"Bearer {tokens[index]}"},
                )
            assert response.status_code == 200, response.text
            results[index] = response.json()["results"]
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(batches))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    return results


def concurrent_duplicates(central: CentralHandle) -> None:
    """Two counters push the same events at the same moment: each id is one 201 and one 200."""
    with enrol(central, "窗口1", "A") as first, enrol(central, "窗口2", "A") as second:
        for round_no in range(10):
            events = [
                event("LicenceIssued", licence_issued(f"L-{round_no}")),
                event("StationKeyRegistered", {"key_id": f"k-{round_no}", "public_key_pem": "PEM"}),
                event("PermitGranted", {"competent_department": "县卫健局", "n": round_no}),
            ]
            # The second sends the batch in reverse: the server still never deadlocks.
            results = push_at_once(central, [first.token, second.token], [events, events[::-1]])
            for item in events:
                seen = sorted(r["status"] for batch in results for r in batch if r["id"] == item["id"])
                assert seen == [200, 201], (round_no, item["kind"], seen)
    assert central.stats()["events"] == 30
    with enrol(central, "窗口3", "A") as reader:
        assert len(reader.pull_all("trust_list")) == 10
