"""The print station: preview with 样本, print through the print dialog to a PDF file, reprints
with a reason, batch cancel, void and reissue — against a real SQLite database."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from db.models import AuditRow, PrintRecordRow
from desktop.adapters.clock import FixedClock
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import issuing, keys
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from printing.renderer import ReportLabRenderer
from tests.conftest import make_services
from tests.integration.test_issuing_and_verification import decided_case
from tests.support.factories import ADMIN, ISSUER, rows
from ui.print_station import PrintStation
from ui.tasks import wait_for_background


@pytest.fixture
def issued(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> tuple[Services, str, str]:
    services = make_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock, tmp_path / "keys")
    services.renderer = ReportLabRenderer()
    install_bundle(services, SYSTEM_ACTOR, bundle)
    keys.create_station_key(services, ADMIN)
    app_id = decided_case(services)
    result = issuing.issue(services, ISSUER, app_id)
    assert result.licence is not None
    return services, result.application.number, result.licence.number


def _station(qtbot: QtBot, services: Services, number: str) -> PrintStation:
    station = PrintStation(services, ISSUER)
    qtbot.addWidget(station)
    station.show()
    with qtbot.waitSignal(station.previewed, timeout=20_000):
        station.load_case(number)
    return station


def _print_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Answer Qt's print dialog as a user choosing "print to file"."""

    def exec_(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", exec_)


def test_preview_then_print_everything_to_a_pdf_file(
    qtbot: QtBot, issued: tuple[Services, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, number, licence = issued
    station = _station(qtbot, services, number)
    titles = [station.queue.item(i).text() for i in range(station.queue.count())]
    assert any("行业综合许可证" in t for t in titles) and any("受理通知书" in t for t in titles)
    assert station.preview.document() is not None and station.preview.document().pageCount() >= 1
    out = tmp_path / "printed.pdf"
    _print_to(monkeypatch, out)
    with qtbot.waitSignal(station.printed, timeout=60_000) as blocker:
        station.print_button.click()
    assert blocker.args[0] == station.queue.count()
    assert out.exists() and len(PdfReader(out).pages) >= station.queue.count()
    # the printed licence page still carries a QR that decodes to the licence's signed text
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / "page")], check=True)
    decoded = [
        r.text for png in sorted(tmp_path.glob("page-*.png")) for r in zxingcpp.read_barcodes(Image.open(png))
    ]
    assert any(licence in text for text in decoded)
    kinds = [(r.kind, r.actor) for r in rows(services, PrintRecordRow)]
    assert ("preview", "issuer") in kinds and kinds.count(("print", "issuer")) == station.queue.count()
    assert any(r.action == "print.print" for r in rows(services, AuditRow))
    wait_for_background()


def test_reprint_needs_a_reason(
    qtbot: QtBot, issued: tuple[Services, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, number, _ = issued
    station = _station(qtbot, services, number)
    _print_to(monkeypatch, tmp_path / "first.pdf")
    with qtbot.waitSignal(station.printed, timeout=60_000):
        station.print_button.click()
    # second time: the clerk cancels the reason dialog -> nothing printed
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    station.print_button.click()
    qtbot.waitUntil(lambda: "补打需要填写原因" in station.status.text(), timeout=20_000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("纸张卡住", True))
    _print_to(monkeypatch, tmp_path / "second.pdf")
    with qtbot.waitSignal(station.printed, timeout=60_000):
        station.print_button.click()
    reprints = [r for r in rows(services, PrintRecordRow) if r.kind == "reprint"]
    assert reprints and all(r.reason == "纸张卡住" for r in reprints)
    wait_for_background()


def test_void_and_reissue_from_the_station(
    qtbot: QtBot, issued: tuple[Services, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    services, number, licence = issued
    station = _station(qtbot, services, number)
    row = next(i for i in range(station.queue.count()) if "行业综合许可证" in station.queue.item(i).text())
    with qtbot.waitSignal(station.previewed, timeout=20_000):
        station.queue.setCurrentRow(row)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("套打错位", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(station.previewed, timeout=20_000):  # the case reloads after the reissue
        station.void_button.click()
    assert issuing.licence(services, licence).status.value == "99"
    titles = [station.queue.item(i).text() for i in range(station.queue.count())]
    licences = [t for t in titles if "行业综合许可证" in t]
    assert len(licences) == 1 and licence not in licences[0]
    wait_for_background()


def test_batch_print_can_be_cancelled(
    qtbot: QtBot, issued: tuple[Services, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    services, number, _ = issued
    station = _station(qtbot, services, number)
    total = station.queue.count()
    assert total >= 3
    out = tmp_path / "cancelled.pdf"
    _print_to(monkeypatch, out)

    def was_canceled(self: QProgressDialog) -> bool:  # the clerk presses 取消 during the first document
        return True

    monkeypatch.setattr(QProgressDialog, "wasCanceled", was_canceled)
    with qtbot.waitSignal(station.printed, timeout=60_000) as blocker:
        station.print_button.click()
    assert blocker.args[0] == 1
    assert "已取消其余" in station.status.text()
    printed = [r for r in rows(services, PrintRecordRow) if r.kind == "print"]
    assert len(printed) == 1  # only what really went to the printer is recorded
    wait_for_background()
