"""simulate gives the same summary whatever the number of worker processes (issue 14 item 3)."""

from __future__ import annotations

import json

from game.i18n import set_language
from game.scenario.load import load_scenario
from game.session.batch import CHUNK, simulate
from game.session.seats import Seat


def test_the_summary_is_the_same_on_one_process_and_on_three() -> None:
    set_language("en")
    sc = load_scenario("teaching")
    seats = [Seat("random"), Seat("easy"), Seat("random")]
    games = 2 * CHUNK + 7  # chunks of unequal size, more chunks than workers
    alone = simulate(sc, games, 5, seats, workers=1).as_json()
    shared = simulate(sc, games, 5, seats, workers=3).as_json()
    assert alone["games"] == games
    assert json.dumps(alone, sort_keys=True) == json.dumps(shared, sort_keys=True)
