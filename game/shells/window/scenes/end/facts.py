"""What the end screen says, read once from the facts of the game (``game.story``).

The same facts the after-action report reads: which risks materialized and on which turns (one
definition, ``game.story.risks``), every order of every turn with its reason, the big news, and
each track over the turns. A test holds the two side by side on saved games.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine.log import Entry
from game.engine.move import Move
from game.engine.state import State
from game.story.facts import Story, TurnStory, tell
from game.story.headlines import Headline, headline_of
from game.story.risks import materialized


@dataclass(frozen=True, slots=True)
class OrderFact:
    role: int
    action: int
    reason: str
    secret: bool  # hidden from the other teams when it was given (shown only when revealed)
    worn: int = 0  # turns running, when it went ahead worn out


@dataclass(frozen=True, slots=True)
class TurnFacts:
    turn: int
    orders: tuple[OrderFact, ...]
    major: tuple[Headline, ...]


@dataclass(frozen=True, slots=True)
class EndFacts:
    turns: tuple[TurnFacts, ...]
    risks: dict[str, tuple[int, ...]]  # risk id -> the turns it materialized, by the scenario's order
    series: tuple[tuple[int, ...], ...]  # per track: start and the value after each turn


def end_facts(s: State, moves: Sequence[Move]) -> EndFacts:
    """The end screen's facts for this view (public, a role's, or the facilitator's)."""
    story = tell(s, moves)
    return EndFacts(
        tuple(_turn(story, turn) for turn in story.turns),
        materialized_turns(story),
        tuple(story.series(i) for i in range(len(s.scenario.track_ids))),
    )


def materialized_turns(story: Story) -> dict[str, tuple[int, ...]]:
    found: dict[str, set[int]] = {}
    for item in materialized(story):
        for risk in item.risks:
            found.setdefault(risk, set()).add(item.turn)
    order = [risk.id for risk in story.scenario.model.risks]
    return {risk: tuple(sorted(found[risk])) for risk in order if risk in found}


def _turn(story: Story, turn: TurnStory) -> TurnFacts:
    sc = story.scenario
    orders = tuple(
        OrderFact(o.role, o.action, o.reason, o.secret_owner >= 0, o.worn)
        for o in turn.orders
        if not o.skipped
    )
    major = []
    for beat in turn.beats:
        words = headline_of(sc, Entry(beat.kind, beat.subject, beat.value, beat.cause))
        if words is not None and words.text and words.major:
            major.append(words)
    return TurnFacts(turn.turn, orders, tuple(major))
