"""Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter").

The n-th retry (n = 0, 1, 2, …) waits a uniformly random time in [0, min(cap, base · 2ⁿ)]: spreading
counters that lost the network at the same moment so they do not all come back at once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

BASE = 0.5  # seconds
CAP = 30.0  # seconds


@dataclass
class Backoff:
    base: float = BASE
    cap: float = CAP
    rng: random.Random = field(default_factory=random.Random)

    def __post_init__(self) -> None:
        if self.base <= 0 or self.cap < self.base:
            raise ValueError("backoff needs 0 < base <= cap")

    def ceiling(self, retry: int) -> float:
        """The longest wait before retry number ``retry`` (0-based)."""
        if retry < 0:
            raise ValueError("retry numbers start at 0")
        # 2 ** 64 · base is far above any cap: stop doubling there (no float overflow).
        return min(self.cap, self.base * 2.0 ** min(retry, 64))

    def delay(self, retry: int) -> float:
        """A wait drawn uniformly from [0, ceiling(retry)]."""
        return self.rng.uniform(0.0, self.ceiling(retry))
