"""The injects schedule against the game: which injects were played, which expected responses came.

An exercise is evaluated by comparing what the players did with what the schedule expected
(HSEEP's exercise evaluation): for each scheduled inject, when it reached the table (drawn as
news or played by the facilitator), and for each expected response whether the team gave one of
its orders (or proposals) while the inject was live, or accepted one of its terms. The facts are
read from the story (``tell``), never from the raw log, so the report and the facilitator's panel
agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.log import L_EVENT
from game.scenario.msel import Msel, ScheduledInject
from game.story.facts import Story

DUE, OPEN, MET, PARTLY, MISSED = "due", "open", "met", "partly", "missed"
NEWS, INJECTED = "news", "inject"


@dataclass(frozen=True, slots=True)
class Seen:
    """A response the schedule expected, as it happened: an order given or a term accepted."""

    role: int
    turn: int
    action: int = -1  # the order given (a proposal is an order too), or -1
    term: int = -1  # the term accepted, or -1


@dataclass(frozen=True, slots=True)
class InjectOutcome:
    inject: ScheduledInject
    played_turn: int | None  # when the event reached the table, or None
    played_how: str  # NEWS, INJECTED or ''
    first_turn: int  # the responses are looked for from this turn ...
    last_turn: int  # ... to this one (answers one turn longer: they come the turn after a proposal)
    seen: tuple[Seen | None, ...]  # by expected response: the first that happened, or None
    status: str  # DUE, OPEN, MET, PARTLY or MISSED

    @property
    def met(self) -> int:
        return sum(1 for s in self.seen if s is not None)


def event_turns(story: Story, event: int) -> tuple[int | None, str]:
    """The first turn an event reached the table, and how (drawn as news or injected)."""
    for turn in story.turns:
        if turn.news == event:
            return turn.turn, NEWS
        for beat in turn.beats:
            if beat.kind == L_EVENT and beat.subject == event:
                return turn.turn, INJECTED if beat.value else NEWS
    return None, ""


def compare(story: Story, msel: Msel, current_turn: int, over: bool) -> tuple[InjectOutcome, ...]:
    """Every scheduled inject with what the game did about it, up to ``current_turn``."""
    return tuple(outcome(story, item, current_turn, over) for item in msel.injects)


def outcome(story: Story, item: ScheduledInject, current_turn: int, over: bool) -> InjectOutcome:
    played, how = event_turns(story, item.event)
    first = played if played is not None else item.turn
    last = min(first + item.within - 1, max(first, story.scenario.model.turns))
    seen = tuple(
        _first_seen(story, line.role, line.actions, line.accepts, first, last) for line in item.expected
    )
    resolved = {t.turn for t in story.turns if t.complete}
    closed = over or last + 1 in resolved or current_turn > last + 1
    if all(s is not None for s in seen):
        status = MET
    elif not over and current_turn < first:
        status = DUE
    elif not closed:
        status = OPEN
    else:
        status = PARTLY if any(s is not None for s in seen) else MISSED
    return InjectOutcome(item, played, how, first, last, seen, status)


def _first_seen(
    story: Story, role: int, actions: tuple[int, ...], accepts: tuple[int, ...], first: int, last: int
) -> Seen | None:
    wanted = set(actions)
    for turn in story.turns:
        if first <= turn.turn <= last:
            for order in turn.orders:
                if order.role == role and order.action in wanted:
                    return Seen(role, turn.turn, action=order.action)
        if first <= turn.turn <= last + 1:
            for answer in turn.answers:
                if answer.role == role and answer.accepted and answer.term in accepts:
                    return Seen(role, turn.turn, term=answer.term)
    return None
