"""The QR text: compact, signed over the URL too, and every damaged input a clear Unreadable."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.qr_payload import (
    MARKER,
    QrPayload,
    QrPermit,
    Unreadable,
    build_qr_text,
    licence_url,
    parse_qr_text,
)

KEY = b"k" * 32


def fake_sign(message: bytes) -> bytes:  # 64 bytes, like raw ECDSA r||s
    digest = hmac.new(KEY, message, hashlib.sha256).digest()
    return digest + digest


def payload(permits: int = 12) -> QrPayload:
    return QrPayload(
        key_id="A1B2C3D4",
        licence_number="HZ14070220260100001",
        uscc="91310110666007217T",
        name="晋中市榆次区某某便民连锁超市有限责任公司顺城街分店",
        issued_on=date(2026, 11, 26),
        permits=tuple(
            QrPermit(f"SCJG-{i:02d}", "01", date(2031, 11, 25) if i % 3 else None)
            for i in range(1, permits + 1)
        ),
    )


def test_round_trip_and_the_signature_covers_the_url() -> None:
    text = build_qr_text("https://verify.example.invalid/", payload(), fake_sign)
    assert text.startswith(licence_url("https://verify.example.invalid", "HZ14070220260100001") + MARKER)
    scanned = parse_qr_text(text + "\r\n")  # scanners add a line end
    assert scanned.payload == payload()
    assert scanned.url == "https://verify.example.invalid/v/HZ14070220260100001"
    assert scanned.message.startswith(scanned.url.encode())
    assert scanned.signature == fake_sign(scanned.message)


def test_twelve_permits_fit_in_700_characters() -> None:
    text = build_qr_text("https://verify.jzzwfw.example.invalid", payload(12), fake_sign)
    assert len(text) <= 700, len(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "https://example.invalid/v/1",
        "https://example.invalid/v/1#OW1.",
        "https://example.invalid/v/1#OW1.abc",
        "https://example.invalid/v/1#OW1.!!!.AAAA",
        "#OW1.AAAA.AAAA",
        "x" * 5000,
    ],
)
def test_damaged_texts_are_unreadable(text: str) -> None:
    with pytest.raises(Unreadable):
        parse_qr_text(text)


@given(st.text(max_size=800))
def test_arbitrary_text_never_crashes(text: str) -> None:
    with contextlib.suppress(Unreadable):
        parse_qr_text(text)


@given(st.integers(min_value=0, max_value=10_000), st.characters(codec="utf-8"))
def test_a_changed_character_never_parses_to_the_same_signed_message(position: int, char: str) -> None:
    text = build_qr_text("https://verify.example.invalid", payload(3), fake_sign)
    i = position % len(text)
    changed = text[:i] + char + text[i + 1 :]
    if changed.strip() == text.strip():
        return
    try:
        scanned = parse_qr_text(changed)
    except Unreadable:
        return
    assert fake_sign(scanned.message) != scanned.signature, (i, char)


def test_every_single_character_change_fails_exhaustively() -> None:
    text = build_qr_text("https://verify.example.invalid", payload(12), fake_sign)
    for i in range(len(text)):
        for char in {"A", "a", "0", "-", "_", "."} - {text[i]}:
            changed = text[:i] + char + text[i + 1 :]
            try:
                scanned = parse_qr_text(changed)
            except Unreadable:
                continue
            assert fake_sign(scanned.message) != scanned.signature, (i, char)
