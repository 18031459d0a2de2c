"""Events the central platform must learn of, written in the same transaction as the change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class OutboxEvent:
    id: str  # made by the client; the central platform stores each id once
    kind: str  # past tense: "ApplicationAccepted", "PermitGranted", …
    payload: Mapping[str, Any]  # fixed when the row is written
    created_at: datetime
    status: str = "pending"  # pending | in_flight | sent | needs_attention
