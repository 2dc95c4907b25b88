"""Random hot-seat games in the terminal: no hand-off segment ever shows another role's covert
order before it came to light, nor another role's private result.

The output is cut at every clear of screen and scrollback (a hand-off); a segment belongs to the
team the screen was passed to, or to the whole table. A covert order's name may appear in a
segment of another team (or the table's) only once the order has been exposed, as the game
stood at the next prompt after it was printed; the end screen (the debrief) reveals all.
"""

from __future__ import annotations

import bisect
import io
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from game.engine import legal_action_indexes
from game.i18n import tr
from game.scenario.load import load_scenario
from game.session.seats import Seat
from game.session.table import Session
from game.shells.text.app import TextGame
from game.shells.text.console import CLEAR_ALL
from game.shells.text.orders import order_keys
from game.shells.text.prompts import QuitGame
from game.story.words import action_name, role_name

ROOT = Path(__file__).resolve().parents[1]
PATHS = {
    "minimal": ROOT / "tests" / "fixtures" / "minimal.yaml",
    "cartel_mission": ROOT / "game" / "scenarios" / "cartel_mission.yaml",
    "cartel_mission_seminar": ROOT / "game" / "scenarios" / "cartel_mission_seminar.yaml",
}
SCENARIOS = {name: load_scenario(path) for name, path in PATHS.items()}
MAX_TURNS = 4


class RandomTable:
    """Every role human; each picks random orders (covert ones often) and random answers."""

    def __init__(self, session: Session, out: io.StringIO, rng: random.Random) -> None:
        self.session = session
        self.out = out
        self.rng = rng
        self.asked: list[tuple[int, tuple[int, ...]]] = []  # (position, exposed flags then)

    def __call__(self, prompt: str) -> str:
        self.out.write(prompt + "\n")
        self.asked.append((len(self.out.getvalue()), tuple(self.session.state.exposed)))
        if prompt == tr("tui.orders_prompt"):
            if self.session.state.turn > MAX_TURNS:
                raise QuitGame
            return self.orders()
        if prompt.startswith(tr("tui.accept_q")):
            return self.rng.choice(["y", "n", "", "x"])
        return "y" if prompt.startswith(tr("tui.confirm_orders").split("{")[0]) else ""

    def orders(self) -> str:
        step = self.session.next_step()
        role = step.role
        assert role is not None
        view = self.session.view(role)
        legal = legal_action_indexes(view, role)
        if not legal or self.rng.random() < 0.15:
            return "p"
        sc = self.session.scenario
        covert = [a for a in legal if sc.actions[a].covert]
        first = self.rng.choice(covert) if covert and self.rng.random() < 0.6 else self.rng.choice(legal)
        picks = [first] + ([self.rng.choice(legal)] if self.rng.random() < 0.5 else [])
        keys = order_keys(sc, role)
        return " ".join(str(keys[a]) for a in dict.fromkeys(picks))


def owner_of(segment: str, names: list[str]) -> int:
    """The role whose hand-off opens the segment, or -1 for the table's own screens."""
    for role, name in enumerate(names):
        if tr("tui.handoff", role=name).split(" - ")[0] in segment:
            return role
    return -1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(SCENARIOS)), seed=st.integers(0, 10_000), choices=st.integers(0, 10_000))
def test_no_hand_off_segment_shows_another_roles_covert_order_before_its_exposure(
    name: str, seed: int, choices: int
) -> None:
    sc = SCENARIOS[name]
    session = Session.new(sc, seed, [Seat("human")] * len(sc.roles))
    out = io.StringIO()
    table = RandomTable(session, out, random.Random(choices))
    console = Console(file=out, width=100, height=30, force_terminal=True, color_system=None)
    try:
        TextGame(session, console, table).run()
    except QuitGame:
        pass
    stream = out.getvalue()
    end = stream.find(tr("tui.end.orders"))
    stream = stream if end < 0 else stream[:end]
    names = [role_name(sc, r, short=False) for r in range(len(sc.roles))]
    covert = {a: action_name(sc, a) for a in sc.secrets.covert_actions}
    positions = [p for p, _ in table.asked]
    private = tr("tui.secret_result", turn=0).split(" - ")[0]
    start = 0
    for segment in stream.split(CLEAR_ALL):
        owner = owner_of(segment, names)
        if owner < 0:  # the table's screens never carry a team's private result
            assert private not in segment, (name, seed, choices)
        for action, words in covert.items():
            if sc.actions[action].role == owner:
                continue
            at = segment.find(words)
            while at >= 0:
                where = start + at
                later = bisect.bisect_left(positions, where)
                exposed = table.asked[later][1] if later < len(table.asked) else tuple(session.state.exposed)
                assert exposed[action], (
                    name,
                    seed,
                    choices,
                    words,
                    owner,
                    segment[max(0, at - 300) : at + 80],
                )
                at = segment.find(words, at + 1)
        start += len(segment) + len(CLEAR_ALL)
