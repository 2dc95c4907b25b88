"""Limits of the save format that the command line checks before a game starts.

Kept apart from ``saveformat`` (pydantic) so that the command line can check a seed without
importing anything heavy: opening the window must stay fast.
"""

from __future__ import annotations

MAX_SEED = 2**63 - 1  # a save's seed is a JSON whole number read back as a 64-bit signed integer


def seed_problem(seed: int) -> str | None:
    """Why a game with this seed could not be saved, or None if it can."""
    if seed < 0:
        return f"a seed is a whole number from 0 to {MAX_SEED}; {seed} is negative"
    if seed > MAX_SEED:
        return (
            f"a seed is a whole number from 0 to {MAX_SEED}, so that a save can hold it; "
            f"this one is larger ({len(str(seed))} digits)"
        )
    return None
