"""The backup file format (OWBACKUP1): a gzip tar sealed with a passphrase.

Layout: the magic line ``OWBACKUP1\\n``, a 4-byte big-endian header length, the header (JSON: KDF
parameters and salt, nonce prefix, chunk size, creation time), then chunks, each a 4-byte length
and an AES-256-GCM ciphertext of at most ``chunk`` plaintext bytes. The key comes from the
passphrase through scrypt. Each chunk's nonce is the 7-byte prefix, a 4-byte counter and a final
flag (the STREAM construction), and every chunk authenticates the header: chunks cannot be
reordered, dropped, cut off at the end or taken from another file, and a wrong passphrase or a
changed byte is found before anything is used.
"""

from __future__ import annotations

import base64
import json
import os
import struct
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"OWBACKUP1\n"
CHUNK = 1 << 20
SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 15, 8, 1
MIN_PASSPHRASE = 8


class BackupFileError(Exception):
    """A backup file that cannot be used (message in Chinese)."""


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise BackupFileError(f"备份口令至少 {MIN_PASSPHRASE} 个字符")


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, counter: int, final: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if final else b"\x00")


def seal(plain: Path, sealed: Path, passphrase: str, created_at: str) -> None:
    """Encrypt the file ``plain`` into ``sealed`` (written beside it, then renamed into place)."""
    check_passphrase(passphrase)
    salt, prefix = os.urandom(16), os.urandom(7)
    header = json.dumps(
        {
            "format": 1,
            "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P},
            "salt": base64.b64encode(salt).decode(),
            "nonce_prefix": base64.b64encode(prefix).decode(),
            "chunk": CHUNK,
            "created_at": created_at,
        },
        sort_keys=True,
    ).encode()
    aead = AESGCM(_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
    partial = sealed.with_name(sealed.name + ".partial")
    try:
        _write_sealed(plain, partial, header, aead, prefix)
    except BaseException:
        partial.unlink(missing_ok=True)  # a full disk or a removed stick leaves no half file
        raise
    os.replace(partial, sealed)


def _write_sealed(plain: Path, partial: Path, header: bytes, aead: AESGCM, prefix: bytes) -> None:
    with plain.open("rb") as src, partial.open("wb") as out:
        out.write(MAGIC + struct.pack(">I", len(header)) + header)
        counter, block = 0, src.read(CHUNK)
        while True:
            following = src.read(CHUNK) if len(block) == CHUNK else b""
            final = not following
            box = aead.encrypt(_nonce(prefix, counter, final), block, header)
            out.write(struct.pack(">I", len(box)) + box)
            if final:
                break
            counter, block = counter + 1, following
        out.flush()
        os.fsync(out.fileno())


def _read_exact(src: BinaryIO, size: int) -> bytes:
    data = src.read(size)
    if len(data) != size:
        raise BackupFileError("备份文件不完整（可能复制中断），无法恢复")
    return data


def read_header(sealed: Path) -> dict[str, object]:
    with sealed.open("rb") as src:
        header, _raw = _header(src)
    return header


def _header(src: BinaryIO) -> tuple[dict[str, object], bytes]:
    if src.read(len(MAGIC)) != MAGIC:
        raise BackupFileError("这不是一窗通的备份文件")
    (size,) = struct.unpack(">I", _read_exact(src, 4))
    if size > 4096:
        raise BackupFileError("备份文件头已损坏")
    raw = _read_exact(src, size)
    try:
        header = json.loads(raw)
        if not isinstance(header, dict) or header.get("format") != 1:
            raise ValueError
    except ValueError as exc:
        raise BackupFileError("备份文件头已损坏或版本不受支持") from exc
    return header, raw


def unseal(sealed: Path, plain: Path, passphrase: str) -> dict[str, object]:
    """Decrypt ``sealed`` into ``plain``; every chunk is checked. Returns the header."""
    if not sealed.is_file():
        raise BackupFileError(f"备份文件不存在：{sealed}")
    with sealed.open("rb") as src, plain.open("wb") as out:
        header, raw = _header(src)
        try:
            kdf = header["kdf"]
            assert isinstance(kdf, dict)
            n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
            if n < 2 or n & (n - 1) or not 1 <= r <= 32 or not 1 <= p <= 16 or 128 * n * r > 1 << 28:
                raise ValueError  # not a power of two, or more than 256 MiB of memory: not ours
            salt = base64.b64decode(str(header["salt"]), validate=True)
            prefix = base64.b64decode(str(header["nonce_prefix"]), validate=True)
            chunk = int(str(header["chunk"]))
            if len(prefix) != 7 or not 1 <= chunk <= 1 << 26:
                raise ValueError
        except (KeyError, ValueError, TypeError, AssertionError) as exc:
            raise BackupFileError("备份文件头已损坏") from exc
        aead = AESGCM(_key(passphrase, salt, n, r, p))
        counter = 0
        while True:
            length_bytes = src.read(4)
            if not length_bytes:
                raise BackupFileError("备份文件不完整（可能复制中断），无法恢复")
            if len(length_bytes) < 4:
                length_bytes += _read_exact(src, 4 - len(length_bytes))
            (length,) = struct.unpack(">I", length_bytes)
            if length > chunk + 16:
                raise BackupFileError("备份文件已损坏")
            box = _read_exact(src, length)
            for final in (False, True):
                try:
                    out.write(aead.decrypt(_nonce(prefix, counter, final), box, raw))
                    break
                except InvalidTag:
                    continue
            else:
                if counter == 0:
                    raise BackupFileError("备份口令不正确，或备份文件已损坏")
                raise BackupFileError(f"备份文件已损坏（第 {counter + 1} 段校验失败）")
            if final:
                if src.read(1):
                    raise BackupFileError("备份文件末尾有多余数据，文件已损坏")
                return header
            counter += 1
