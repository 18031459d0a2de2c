"""Secret keys kept outside the database file, readable by the owner only."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

KEY_BYTES = 32


class KeyFileError(Exception):
    pass


def load_or_create_key(path: Path, create: bool) -> bytes:
    """Read a hex key file; create it (mode 0600) when asked and missing."""
    if path.exists():
        text = path.read_text(encoding="ascii").strip()
        try:
            key = bytes.fromhex(text)
        except ValueError:
            raise KeyFileError(f"密钥文件 {path} 已损坏") from None
        if len(key) < KEY_BYTES:
            raise KeyFileError(f"密钥文件 {path} 长度不足")
        return key
    if not create:
        raise KeyFileError(f"找不到审计密钥文件 {path}。请运行 onewindow init，或从原计算机复制该文件。")
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, stat.S_IRWXU)
    key = secrets.token_bytes(KEY_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
    return key
