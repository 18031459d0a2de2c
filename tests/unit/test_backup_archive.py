"""The sealed backup format: a round trip, and every kind of damage refused with a clear message."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.adapters import backup_archive
from desktop.adapters.backup_archive import MAGIC, BackupFileError, seal, unseal

PASS = "correct horse 2026"


@pytest.fixture(autouse=True)
def _small_and_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_archive, "CHUNK", 1000)  # many chunks from a small file
    monkeypatch.setattr(backup_archive, "SCRYPT_N", 1 << 10)  # the format records n; tests go fast


def _sealed(tmp_path: Path, size: int = 4500) -> tuple[bytes, Path]:
    data = os.urandom(size)
    plain = tmp_path / "plain.bin"
    plain.write_bytes(data)
    sealed = tmp_path / "sealed.owbk"
    seal(plain, sealed, PASS, "2026-11-26T10:00:00+08:00")
    return data, sealed


def _chunks(sealed: Path) -> tuple[bytes, list[bytes]]:
    raw = sealed.read_bytes()
    (size,) = struct.unpack(">I", raw[len(MAGIC) : len(MAGIC) + 4])
    start = len(MAGIC) + 4 + size
    head, rest, boxes = raw[:start], raw[start:], []
    while rest:
        (n,) = struct.unpack(">I", rest[:4])
        boxes.append(rest[: 4 + n])
        rest = rest[4 + n :]
    return head, boxes


@pytest.mark.parametrize("size", [0, 1, 999, 1000, 1001, 4500])
def test_round_trip_at_every_chunk_boundary(tmp_path: Path, size: int) -> None:
    data, sealed = _sealed(tmp_path, size)
    out = tmp_path / "out.bin"
    header = unseal(sealed, out, PASS)
    assert out.read_bytes() == data
    assert header["created_at"] == "2026-11-26T10:00:00+08:00"
    assert len(data) < 16 or data not in sealed.read_bytes()  # sealed (one byte may occur by chance)


def test_a_wrong_passphrase_is_named(tmp_path: Path) -> None:
    _data, sealed = _sealed(tmp_path)
    with pytest.raises(BackupFileError, match="口令不正确"):
        unseal(sealed, tmp_path / "out.bin", "wrong passphrase")


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    (tmp_path / "p").write_bytes(b"x")
    with pytest.raises(BackupFileError, match="至少 8"):
        seal(tmp_path / "p", tmp_path / "s", "short", "")
    assert not (tmp_path / "s").exists()


def test_a_file_cut_at_a_chunk_boundary_is_incomplete(tmp_path: Path) -> None:
    _data, sealed = _sealed(tmp_path)
    head, boxes = _chunks(sealed)
    sealed.write_bytes(head + b"".join(boxes[:-1]))  # the final chunk is gone
    with pytest.raises(BackupFileError, match="不完整"):
        unseal(sealed, tmp_path / "out.bin", PASS)


def test_reordered_chunks_are_refused(tmp_path: Path) -> None:
    _data, sealed = _sealed(tmp_path)
    head, boxes = _chunks(sealed)
    boxes[1], boxes[2] = boxes[2], boxes[1]
    sealed.write_bytes(head + b"".join(boxes))
    with pytest.raises(BackupFileError, match="第 2 段"):
        unseal(sealed, tmp_path / "out.bin", PASS)


def test_trailing_bytes_are_refused(tmp_path: Path) -> None:
    _data, sealed = _sealed(tmp_path)
    sealed.write_bytes(sealed.read_bytes() + b"extra")
    with pytest.raises(BackupFileError, match="多余数据"):
        unseal(sealed, tmp_path / "out.bin", PASS)


def test_not_a_backup_at_all(tmp_path: Path) -> None:
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0 not a backup")
    with pytest.raises(BackupFileError, match="不是一窗通的备份文件"):
        unseal(other, tmp_path / "out.bin", PASS)
    with pytest.raises(BackupFileError, match="不存在"):
        unseal(tmp_path / "missing.owbk", tmp_path / "out.bin", PASS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(min_value=0), value=st.integers(min_value=1, max_value=255), cut=st.booleans())
def test_any_changed_byte_or_cut_is_a_clear_refusal(
    tmp_path: Path, position: int, value: int, cut: bool
) -> None:
    """Fuzz: flip any byte (or cut the file anywhere): a BackupFileError, never another exception."""
    path = tmp_path / "fuzz-source.owbk"
    if not path.exists():
        _data, sealed = _sealed(tmp_path, 2500)
        sealed.rename(path)
    raw = bytearray(path.read_bytes())
    position %= len(raw)
    if cut:
        damaged = bytes(raw[:position])
    else:
        raw[position] ^= value
        damaged = bytes(raw)
    target = tmp_path / "damaged.owbk"
    target.write_bytes(damaged)
    with pytest.raises(BackupFileError):
        unseal(target, tmp_path / "out.bin", PASS)


def test_a_header_asking_for_absurd_key_derivation_is_refused_before_any_work(tmp_path: Path) -> None:
    _data, sealed = _sealed(tmp_path)
    raw = sealed.read_bytes()
    for bad in (b'"n": 1000', b'"n": 1073741824'):
        damaged = raw.replace(b'"n": 1024', bad)
        size = len(damaged) - len(raw)
        (old_len,) = struct.unpack(">I", raw[len(MAGIC) : len(MAGIC) + 4])
        fixed = MAGIC + struct.pack(">I", old_len + size) + damaged[len(MAGIC) + 4 :]
        target = tmp_path / "bad-kdf.owbk"
        target.write_bytes(fixed)
        with pytest.raises(BackupFileError, match="文件头已损坏"):
            unseal(target, tmp_path / "out.bin", PASS)
