"""The end screen and the after-action report tell the same game: they read one set of facts.

On saved games of every bundled scenario (saved, loaded back, as a facilitator would open them),
the end screen's facts (with the secrets revealed, as in the debrief) and the report agree on
which risks materialized and when, on every order given and its reason, and on every track's
path over the game.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import FACILITATOR, redact
from game.report.build import build_report
from game.scenario.load import bundled_scenarios, load_scenario
from game.session import store
from game.session.runner import play_seats
from game.session.seats import Seat
from game.shells.window.scenes.end.facts import end_facts
from game.story.words import action_name, role_name

GAMES = [
    (path.stem, seed, kind) for path in bundled_scenarios() for seed, kind in ((3, "normal"), (11, "random"))
]


@pytest.mark.parametrize(("name", "seed", "kind"), GAMES, ids=[f"{n}-{s}-{k}" for n, s, k in GAMES])
def test_the_end_screen_and_the_report_agree(tmp_path: Path, name: str, seed: int, kind: str) -> None:
    scenario = load_scenario(name)
    played = play_seats(scenario, seed, [Seat(kind) for _ in scenario.roles])
    path = store.save_session(played, tmp_path / "game.json")
    session = store.load_session(path)
    assert session.terminal
    facts = end_facts(redact(session.state, FACILITATOR), session.moves)
    report = build_report(session)
    assert facts.risks == {r.id: r.turns for r in report.risks if r.materialized}
    assert [tuple(t.values) for t in report.series] == list(facts.series)
    sc = session.scenario
    shown = [
        (t.turn, role_name(sc, o.role), action_name(sc, o.action), o.reason)
        for t in facts.turns
        for o in t.orders
    ]
    listed = [
        (t.turn, o.role, o.action, o.reason) for t in report.timeline for o in t.orders if not o.skipped
    ]
    assert [(turn, role, action) for turn, role, action, _ in shown] == [(a, b, c) for a, b, c, _ in listed]
    # the report drops the order's name in front of a computer's reason; the end screen keeps it
    assert all(reason.endswith(short) for (*_, reason), (*_, short) in zip(shown, listed, strict=True))
    if kind == "normal":
        assert facts.risks, "a game between computer players always has consequences to debrief"
