"""Workbench benchmarks (`make bench`): printed, never asserted."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.adapters.clock import FixedClock
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import intake
from desktop.services.catalog import CatalogBundle, install_bundle
from tests.conftest import NOW, make_services
from tests.support.factories import CLERK, enterprise

pytestmark = pytest.mark.bench

BARE = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.show()\n"
    "QTimer.singleShot(0, lambda: app.exit(0))\n"
    "sys.exit(app.exec())\n"
)


def _time(cmd: list[str], env: dict[str, str], runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def test_startup_to_login_versus_a_bare_main_window(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ONEWINDOW_DATA_DIR": str(tmp_path)}
    bare = _time([sys.executable, "-c", BARE], env)
    ours = _time([sys.executable, "-m", "desktop", "--exit-when-ready"], env)
    print(
        f"\nstart-up to the login screen: {ours * 1000:.0f} ms; bare QMainWindow {bare * 1000:.0f} ms; "
        f"ratio {ours / bare:.2f} (target ≤ 2)"
    )


def test_intake_commit_p95(tmp_path: Path, bundle: CatalogBundle) -> None:
    services = make_services(f"sqlite:///{tmp_path / 'bench.sqlite3'}", FixedClock(NOW), tmp_path / "k")
    install_bundle(services, SYSTEM_ACTOR, bundle)
    codes = ["SCJG-01", "YC-01", "SW-01", "YJ-03", "XF-01"]
    samples = []
    for _ in range(60):
        start = time.perf_counter()
        app = intake.submit(services, CLERK, enterprise(), codes, {"business_area": "80"})
        intake.accept(services, CLERK, app.id, committed={"XF-01"})
        samples.append(time.perf_counter() - start)
    samples.sort()
    p50, p95 = samples[len(samples) // 2], samples[int(len(samples) * 0.95)]
    print(
        f"\nintake commit (submit + accept, 5 matters): p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
        "(target p95 ≤ 100 ms)"
    )
    services.uow.engine.dispose()  # type: ignore[attr-defined]
