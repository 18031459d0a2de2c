"""Is a path on a network share? SQLite's locking does not work over SMB/NFS, so a live database
there gets corrupted sooner or later: we refuse to open one (hall mode is the way to share)."""

from __future__ import annotations

import os
from pathlib import Path

MOUNTS = Path("/proc/self/mounts")
NETWORK_TYPES = frozenset(
    {"cifs", "smb3", "smbfs", "nfs", "nfs4", "9p", "afs", "ceph", "glusterfs", "davfs"}
    | {"fuse.sshfs", "fuse.rclone"}
)


def _unescape(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The network file system type ``path`` lives on, or None for a local disk."""
    if os.name == "nt":  # pragma: no cover - Windows builds only
        text = str(path)
        return "smb" if text.startswith("\\\\") else None
    if mounts is None:
        try:
            mounts = MOUNTS.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = path.resolve()
    best, kind = -1, ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = Path(_unescape(parts[1]))
        if (target == point or point in target.parents) and len(point.parts) > best:
            best, kind = len(point.parts), parts[2]
    return kind if kind in NETWORK_TYPES else None
