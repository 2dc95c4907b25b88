"""The balance referee's 95% intervals (bench/balance_report.py): a miss is told from noise by them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from balance_report import wilson  # noqa: E402


def test_half_of_24_games_is_a_wide_interval() -> None:
    # Wilson's interval for 12 of 24: 0.314 to 0.686 (worked by hand from the formula).
    low, high = wilson(0.5, 24)
    assert low == pytest.approx(0.3143, abs=1e-4)
    assert high == pytest.approx(0.6857, abs=1e-4)


def test_no_game_of_24_still_leaves_room_above_zero() -> None:
    low, high = wilson(0.0, 24)
    assert low == 0.0
    assert high == pytest.approx(0.1380, abs=1e-4)


@pytest.mark.parametrize("share", [0.0, 0.03, 0.25, 0.5, 0.79, 1.0])
def test_more_games_narrow_the_interval_around_the_share(share: float) -> None:
    small, large = wilson(share, 24), wilson(share, 400)
    assert small[0] <= share <= small[1]
    assert large[0] <= share <= large[1]
    assert large[1] - large[0] < small[1] - small[0]


def test_no_games_is_no_knowledge() -> None:
    assert wilson(0.4, 0) == (0.0, 1.0)
