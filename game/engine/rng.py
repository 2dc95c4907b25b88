"""The game's own random generator, carried in the state as one integer.

A 64-bit linear congruential generator (Knuth's MMIX constants) read from its high bits: cheap
to copy (an int), exact to save (JSON), identical on every platform. Nothing in the engine uses
Python's global ``random``.
"""

from __future__ import annotations

MASK = (1 << 64) - 1
MULTIPLIER = 6364136223846793005
INCREMENT = 1442695040888963407


def seed_state(seed: int) -> int:
    """Spread a small seed over 64 bits (splitmix64 finaliser) so seeds 1, 2, 3 differ well."""
    z = (seed + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def next_state(state: int) -> int:
    return (state * MULTIPLIER + INCREMENT) & MASK


def below(state: int, n: int) -> tuple[int, int]:
    """(new state, a number in 0..n-1)."""
    state = (state * MULTIPLIER + INCREMENT) & MASK
    return state, ((state >> 32) * n) >> 32


def two_dice(state: int) -> tuple[int, int, int]:
    """(new state, die 1, die 2), each die 1..6."""
    state = (state * MULTIPLIER + INCREMENT) & MASK
    first = (((state >> 32) * 6) >> 32) + 1
    state = (state * MULTIPLIER + INCREMENT) & MASK
    second = (((state >> 32) * 6) >> 32) + 1
    return state, first, second
