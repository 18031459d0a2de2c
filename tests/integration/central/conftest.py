"""Fixtures for the central platform's tests: a running server and an enrolled counter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.central.helpers import Counter, enrol
from tests.support.central import CentralHandle, running_central


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralHandle]:
    with running_central(tmp_path) as handle:
        yield handle


@pytest.fixture
def counter(central: CentralHandle) -> Iterator[Counter]:
    with enrol(central, "受理窗口1", "A") as device:
        yield device
