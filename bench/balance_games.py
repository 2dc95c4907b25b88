"""One game's balance facts, and their tally over many games (for bench/balance.py).

Everything comes from the game's state and moves and its story (``game.story``): the ending,
common ground, scores, every order, the risks felt, the final tracks, who ran a covert
programme and whether it leaked, and per turn the big news and how close the nearest ending was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from game.engine import new_game, result
from game.engine.log import L_EXPOSED, Entry
from game.engine.move import ORDERS
from game.scenario.runtime import CompiledScenario
from game.session.batch import game_seed
from game.session.runner import play_seats
from game.session.seats import Seat
from game.session.table import Session
from game.story.facts import tell
from game.story.headlines import headline_of
from game.story.risks import felt_points, felt_risks
from game.story.thresholds import nearest_ending


@dataclass(slots=True)
class GameFacts:
    ending: str
    common_ground: bool
    scores: tuple[int, ...]
    picks: tuple[Counter[str], ...]
    felt: frozenset[str]
    felt_points: dict[str, int]  # per risk: track points its felt consequences cost
    tracks: tuple[int, ...]
    covert: tuple[bool, ...]  # per role: ran a covert programme
    leaked: tuple[bool, ...]  # per role: one of its covert programmes came to light
    major: tuple[int, ...]  # per turn: big news items
    nearest: tuple[int, ...]  # per turn, at its end: track points to the nearest anytime ending


def facts_of(session: Session) -> GameFacts:
    state, sc = session.state, session.scenario
    story = tell(state, session.moves)
    outcome = result(state)
    roles = len(sc.roles)
    picks = tuple(Counter() for _ in range(roles))
    covert = [False] * roles
    for move in session.moves:
        if move.kind == ORDERS:
            for role, given in enumerate(move.orders):
                picks[role].update(sc.actions[a].id for a in given)
                covert[role] = covert[role] or any(sc.actions[a].covert for a in given)
    leaked = [False] * roles
    major = []
    for turn in story.turns:
        count = 0
        for beat in turn.beats:
            if beat.kind == L_EXPOSED:
                leaked[sc.actions[beat.subject].role] = True
            words = headline_of(sc, Entry(beat.kind, beat.subject, beat.value, beat.cause))
            count += int(words is not None and words.major)
        major.append(count)
    return GameFacts(
        outcome.ending or "",
        outcome.common_ground,
        tuple(s.score for s in outcome.scores),
        picks,
        frozenset(felt_risks(story)),
        dict(felt_points(story)),
        tuple(state.tracks),
        tuple(covert),
        tuple(leaked),
        tuple(major),
        nearest_per_turn(session),
    )


def nearest_per_turn(session: Session) -> tuple[int, ...]:
    """After each resolved turn: track points to the nearest ending that can come any time."""
    out = []
    state = new_game(session.scenario, session.seed)
    for snapshot in session.history[1:] + [None]:
        state = snapshot.state if snapshot is not None else session.state
        if state.history and len(out) < len(state.history):
            out.append(nearest_ending(state)[1])
    return tuple(out)


@dataclass(slots=True)
class Tally:
    """A mix's games, counted (plain values: a worker process sends it back)."""

    games: list[GameFacts] = field(default_factory=list)

    def merge(self, other: Tally) -> None:
        self.games.extend(other.games)


def play_mix(scenario: CompiledScenario, task: tuple[int, int, int], seats: Sequence[Seat]) -> Tally:
    """Games ``first`` to ``last - 1`` with the batch ``seed``, as ``simulate`` plays them."""
    seed, first, last = task
    tally = Tally()
    for index in range(first, last):
        tally.games.append(facts_of(play_seats(scenario, game_seed(seed, index), seats)))
    return tally
