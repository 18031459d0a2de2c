"""Fuzz every operation of the app's OpenAPI with schemathesis: no input, however malformed, is a 5xx.

Runs against the real server (uvicorn in a thread) with valid device, admin and officer tokens, so the
authenticated code paths are exercised, in both generation modes (fitting and not fitting the schema).
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.core.result import Ok
from schemathesis.generation.modes import GenerationMode

from sync.central.admin import create_linkage_officer
from tests.integration.central.helpers import Counter, event, licence_issued
from tests.support.central import CentralHandle

EXAMPLES_PER_OPERATION = 40  # per mode: ~20 operations x 2 modes x 40 take about 20-30 s


def _token_for(path: str, tokens: dict[str, str]) -> str:
    if path.startswith("/api/v1/admin") or path == "/api/v1/online-applications":
        return tokens["admin"]
    if path.startswith("/api/v1/linkage"):
        return tokens["officer"]
    return tokens["device"]


@pytest.mark.slow
def test_no_operation_answers_5xx(central: CentralHandle, counter: Counter) -> None:
    counter.push(event("LicenceIssued", licence_issued()))  # something for the pages and feeds to show
    tokens = {
        "admin": central.admin_token,
        "device": counter.token,
        "officer": create_linkage_officer(central.db_url, "县市场监督管理局", "张三"),
    }
    schema = schemathesis.openapi.from_url(f"{central.base_url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations() if isinstance(result, Ok)]
    paths = {op.path for op in operations}
    assert {"/api/v1/events", "/api/v1/feeds/{feed}", "/v/{licence_number}", "/yzx/{uscc}"} <= paths
    assert "/api/v1/admin/catalog-versions" in paths and "/api/v1/linkage/feedback" in paths
    seen: dict[str, set[int]] = {}
    with requests.Session() as session:

        def fuzz(operation: Any) -> None:
            token = _token_for(operation.path, tokens)
            strategy = st.one_of(
                operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)
            )

            @settings(
                max_examples=EXAMPLES_PER_OPERATION * 2,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=strategy, authenticated=st.integers(0, 4))
            def check(case: Any, authenticated: int) -> None:
                # A valid token most of the time; the generated Authorization (if any) otherwise.
                headers = {"Authorization": f"Bearer {token}"} if authenticated else {}
                response = case.call(base_url=central.base_url, session=session, headers=headers, timeout=30)
                seen.setdefault(operation.label, set()).add(response.status_code)
                details = (operation.label, case.path_parameters, case.query, case.body, response.text)
                assert response.status_code < 500, details

            check()

        for operation in operations:
            fuzz(operation)
    # The fuzzing got past authentication into the handlers.
    assert 200 in seen["GET /api/v1/feeds/{feed}"]
    assert 422 in seen["POST /api/v1/events"]
    assert seen["POST /api/v1/admin/catalog-versions"] & {422}
