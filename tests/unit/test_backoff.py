"""Exponential backoff with full jitter: the ceilings double from 0.5 s to a 30 s cap, each delay is
drawn in [0, ceiling], and a seeded generator makes the sequence repeatable."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.backoff import Backoff


def test_ceilings_double_from_half_a_second_to_thirty() -> None:
    backoff = Backoff()
    assert [backoff.ceiling(n) for n in range(8)] == [0.5, 1, 2, 4, 8, 16, 30, 30]
    assert backoff.ceiling(10_000) == 30  # no overflow for absurd retry numbers


def test_seeded_delays_repeat() -> None:
    first = [Backoff(rng=random.Random(7)).delay(n) for n in range(6)]
    second = [Backoff(rng=random.Random(7)).delay(n) for n in range(6)]
    assert first == second
    assert first != [Backoff(rng=random.Random(8)).delay(n) for n in range(6)]


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=2**32))
def test_delay_is_within_zero_and_the_ceiling(retry: int, seed: int) -> None:
    backoff = Backoff(rng=random.Random(seed))
    assert 0 <= backoff.delay(retry) <= backoff.ceiling(retry)


def test_jitter_spreads_the_delays() -> None:
    backoff = Backoff(rng=random.Random(1))
    delays = [backoff.delay(5) for _ in range(2000)]  # ceiling 16 s
    assert min(delays) < 1 and max(delays) > 15
    assert 7 < sum(delays) / len(delays) < 9  # full jitter: mean ≈ ceiling / 2


def test_nonsense_is_refused() -> None:
    with pytest.raises(ValueError):
        Backoff(base=0)
    with pytest.raises(ValueError):
        Backoff(base=2, cap=1)
    with pytest.raises(ValueError):
        Backoff().ceiling(-1)
