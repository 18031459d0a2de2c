"""The QR matrix is qrcode's, bit for bit; the faster codewords and mask choice agree with it."""

from __future__ import annotations

import io
import random

import pytest
import qrcode
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode import util
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_M
from reportlab.pdfgen.canvas import Canvas

from printing.qr import (
    MIN_SIZE_MM,
    MM,
    QrTooLong,
    codewords,
    draw_qr,
    penalty,
    qr_matrix,
    qr_version,
)
from tests.printing.samples import qr_text


def reference(text: str, error_correction: int = ERROR_CORRECT_M) -> qrcode.QRCode:
    qr = qrcode.QRCode(error_correction=error_correction, border=0)
    qr.add_data(util.QRData(text.encode("utf-8"), mode=util.MODE_8BIT_BYTE))
    qr.make(fit=True)
    return qr


@pytest.mark.parametrize("length", [0, 1, 17, 120, 300, 600, 1000])
def test_matrix_is_exactly_what_qrcode_makes(length: int) -> None:
    text = qr_text(length, length)
    qr = reference(text)
    ours = qr_matrix(text)
    assert ours.version == qr.version
    assert ours.rows == qr.modules
    assert ours.error_correction == ERROR_CORRECT_M


def test_a_650_character_text_uses_error_correction_m() -> None:
    text = qr_text()
    assert 640 <= len(text) <= 700
    matrix = qr_matrix(text)
    assert matrix.error_correction == ERROR_CORRECT_M
    assert matrix.rows == reference(text).modules


@settings(max_examples=25, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_any_text_matches_qrcode(text: str) -> None:
    qr_matrix.cache_clear()
    assert qr_matrix(text).rows == reference(text).modules


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=800), st.sampled_from([0, 1, 2, 3]))
def test_codewords_match_qrcode(payload: bytes, error_correction: int) -> None:
    version = qr_version(payload, error_correction)
    expected = util.create_data(version, error_correction, [util.QRData(payload, mode=util.MODE_8BIT_BYTE)])
    assert codewords(payload, version, error_correction) == expected


@settings(max_examples=60, deadline=None)
@given(st.integers(21, 61), st.integers(0, 2**32))
def test_penalty_matches_qrcode(count: int, seed: int) -> None:
    rng = random.Random(seed)
    bias = rng.random()
    matrix = [[rng.random() < bias for _ in range(count)] for _ in range(count)]
    assert penalty(matrix) == util.lost_point(matrix)


def test_too_long_is_an_error() -> None:
    with pytest.raises(QrTooLong):
        qr_matrix("x" * 3000)
    assert qr_version(b"x" * 1000, ERROR_CORRECT_H) > qr_version(b"x" * 1000, ERROR_CORRECT_M)


def test_drawn_as_one_vector_path_of_the_given_size() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=0)
    placed = draw_qr(canvas, qr_text(), 50, 60, 45 * MM)
    assert placed.size_mm == pytest.approx(45)
    assert placed.module * placed.matrix.span == pytest.approx(placed.size)
    canvas.showPage()
    canvas.save()
    pdf = buffer.getvalue()
    assert b"/Subtype /Image" not in pdf and b"/XObject" not in pdf  # vectors, not a picture
    # one path: every dark run is a rectangle, filled once at the end
    assert pdf.count(b" re\n") + pdf.count(b" re\r") >= len(placed.matrix.runs)
    assert pdf.count(b"\nf Q") == 1


def test_smaller_than_40_mm_is_refused() -> None:
    canvas = Canvas(io.BytesIO())
    with pytest.raises(ValueError, match="40"):
        draw_qr(canvas, "x", 0, 0, (MIN_SIZE_MM - 1) * MM)
