"""Printing benchmarks (`make bench`): printed, never asserted.

Licences per second over a batch of 50 different licences (each with its own 650-character QR
text, so no QR cache helps), and one licence's render time against bare ReportLab pages drawing
the same texts and the same QR code directly, measured in the same process."""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable

import pytest
import qrcode
from qrcode import util
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.documents import IndustryLicenceDoc
from printing.certificates import licence_rows, licence_variables
from printing.fonts import font
from printing.layout import MM
from printing.qr import draw_qr, qr_matrix
from printing.renderer import ReportLabRenderer
from tests.printing.samples import licence

pytestmark = pytest.mark.bench

BATCH = 50
TARGET_PER_SECOND = 50
TARGET_RATIO = 1.5


def _texts(doc: IndustryLicenceDoc) -> list[str]:
    variables = licence_variables(doc)
    texts = [v for k, v in variables.items() if k != "qr_text" and v]
    texts += ["名称", "统一社会信用代码", "负责人", "经营场所", "行业类别", "序号", "许可事项", "许可证编号"]
    for row in licence_rows(doc)["permits"]:
        texts += [row["index"], row["matter"], row["number"], row["valid_until"]]
    return texts


def _bare_page(doc: IndustryLicenceDoc, matrix: Callable[[str], list[list[bool]]]) -> bytes:
    """The same texts with drawString, the QR as one path of rectangles: no layout, no fitting."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=font(), invariant=1)
    canvas.setFont(font(), 11)
    for i, text in enumerate(_texts(doc)):
        canvas.drawString(60, 800 - i * 12, text)
    modules = matrix(doc.qr_text)
    size = 46 * MM / (len(modules) + 8)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect(
                    57 + (start + 4) * size, 60 + (len(modules) + 3 - r) * size, (c - start) * size, size
                )
            c += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _bare_page_fast_qr(doc: IndustryLicenceDoc) -> bytes:
    """The same texts with drawString, the QR drawn by printing.qr.draw_qr: what is left of the
    difference is our layout (boxes, fitting, ruled cells)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=font(), invariant=1)
    canvas.setFont(font(), 11)
    for i, text in enumerate(_texts(doc)):
        canvas.drawString(60, 800 - i * 12, text)
    draw_qr(canvas, doc.qr_text, 57, 60, 46 * MM)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _qrcode_matrix(text: str) -> list[list[bool]]:
    """What one writes with qrcode directly (it picks the mask by scoring all eight)."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(util.QRData(text.encode(), mode=util.MODE_8BIT_BYTE))
    qr.make(fit=True)
    return [list(row) for row in qr.modules]


def _our_matrix(text: str) -> list[list[bool]]:
    return qr_matrix(text).rows


def _median_ms(fn: Callable[[IndustryLicenceDoc], object], docs: list[IndustryLicenceDoc]) -> float:
    times = []
    for doc in docs:
        start = time.perf_counter()
        fn(doc)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def test_licences_per_second_and_overhead_over_bare_reportlab() -> None:
    renderer = ReportLabRenderer()
    start = time.perf_counter()
    renderer.render(licence(0))  # font registration, layout parsing, QR geometry: paid once
    cold = time.perf_counter() - start

    batch = [licence(serial) for serial in range(1, BATCH + 1)]
    start = time.perf_counter()
    sizes = [len(renderer.render(doc)) for doc in batch]
    elapsed = time.perf_counter() - start
    per_second = BATCH / elapsed

    sample = [licence(serial) for serial in range(1000, 1021)]
    ours = _median_ms(renderer.render, sample)
    qr_matrix.cache_clear()
    bare_qrcode = _median_ms(lambda d: _bare_page(d, _qrcode_matrix), sample)
    qr_matrix.cache_clear()
    bare_same_matrix = _median_ms(lambda d: _bare_page(d, _our_matrix), sample)
    qr_matrix.cache_clear()
    bare_fast_qr = _median_ms(_bare_page_fast_qr, sample)
    qr_matrix.cache_clear()
    qr_only = _median_ms(lambda d: qr_matrix(d.qr_text), sample)

    print(
        f"\nlicence (12 permits, 650-char QR): first render {cold * 1000:.0f} ms (font + layout load); "
        f"batch of {BATCH}: {per_second:.1f} licences/s (target ≥ {TARGET_PER_SECOND}), "
        f"{statistics.mean(sizes) / 1024:.0f} KiB each"
        f"\none licence p50 {ours:.1f} ms; bare ReportLab page, same texts + QR via qrcode.make(): "
        f"{bare_qrcode:.1f} ms → ratio {ours / bare_qrcode:.2f} (target ≤ {TARGET_RATIO}); "
        f"bare page, QR rectangles from our matrix via path.rect: {bare_same_matrix:.1f} ms → ratio "
        f"{ours / bare_same_matrix:.2f}; bare page with printing.qr.draw_qr: {bare_fast_qr:.1f} ms → ratio "
        f"{ours / bare_fast_qr:.2f} (our layout's own cost); QR matrix alone {qr_only:.1f} ms"
    )
