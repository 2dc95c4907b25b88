"""One-line reasons for computer players' choices, in the scenario's own words.

A reason names the order or term (its name in the scenario) and the track that the choice
serves best for this stance, described as the role can see it: rising, high, or simply where
it stands now. ("Publish an independent casualty count: Civilian harm is rising (34, +6)".)

A reason must read true at the table, so it only names a track the order (or the term
answered) can move itself - by its effects, its check's outcomes, later effects, the ongoing
effects of the posture or programme it starts, or the term's ongoing effects - never one that a
simulated future moved for other reasons; it never says a track near its floor "should come
down" (nor one near its ceiling "should go up"); and it varies its wording by the moment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.ai.phrases import say
from game.ai.stance import Stance
from game.engine import State, check_odds
from game.i18n import text
from game.scenario.memo import IdentityMemo
from game.scenario.runtime import (
    ACTION_PROPOSE,
    E_AGREEMENT,
    E_POSTURE,
    E_TRACK,
    CAction,
    CEffect,
    CompiledScenario,
)

NOTABLE_MOVE = 3  # points a track moved since the start of last turn to call it rising/falling
HIGH, LOW = 60, 40  # levels called high / low
NEAR_BOUND = 5  # this close to 0 (or 100) a track has no real way further down (or up) to urge
MIN_SHARE = 0.05  # value points below which a track is not worth naming
REACH_KEPT = 16  # scenarios whose reach is kept (a program plays a handful)


# ----------------------------------------------------------------------------- what a choice can move


@dataclass(frozen=True, slots=True)
class Reach:
    """The tracks each order and each term can move itself, in index order (hidden tracks left
    out: a role sees them only at their start, so a reason could not say where they stand)."""

    orders: tuple[tuple[int, ...], ...]  # by action index
    terms: tuple[tuple[int, ...], ...]  # by term index


_REACH: IdentityMemo[tuple[CAction, ...], Reach] = IdentityMemo(REACH_KEPT)


def reach(scenario: CompiledScenario) -> Reach:
    """The scenario's reach, worked out once. Keyed by its tuple of orders, which every role's
    redacted copy of the scenario shares."""
    return _REACH.get(scenario.actions, lambda _: _reach_of(scenario))


def _reach_of(scenario: CompiledScenario) -> Reach:
    hidden = scenario.secrets.hidden_tracks

    def visible(effects: Iterable[CEffect]) -> tuple[int, ...]:
        return tuple(sorted(moved_tracks(scenario, effects) - hidden))

    terms = tuple(visible((*t.on_accept, *t.on_reject, *t.ongoing)) for t in scenario.terms)
    return Reach(tuple(visible(order_effects(scenario, a)) for a in scenario.actions), terms)


def order_effects(scenario: CompiledScenario, action: CAction) -> list[CEffect]:
    """Every effect an order can have: its own (worn out or not), its check's outcomes, its
    programme's ongoing and exposure effects, the breach of agreements it breaks and, for a
    proposal, the term's effects if accepted, refused and while in force."""
    effects = [*action.effects, *action.tired_effects]
    if action.check is not None:
        effects += (*action.check.success, *action.check.partial, *action.check.failure)
    if action.exposure is not None:
        effects += (*action.exposure.ongoing, *action.exposure.effects)
    for term in action.breaks:
        effects += scenario.terms[term].breach_effects
    if action.kind == ACTION_PROPOSE:
        term = scenario.terms[action.term]
        effects += (*term.on_accept, *term.on_reject, *term.ongoing)
    return effects


def moved_tracks(scenario: CompiledScenario, effects: Iterable[CEffect]) -> set[int]:
    """The tracks some of ``effects`` change, directly or through what they set going: a posture
    (the ongoing effects of each of its options, the one left and the one taken) or the end or
    breach of an agreement (its ongoing effects stop, its breach effects land)."""
    out: set[int] = set()
    todo, seen = list(effects), set()
    while todo:
        effect = todo.pop()
        if effect.kind == E_TRACK:
            out.add(effect.index)
        elif (effect.kind, effect.index) not in seen and effect.kind in (E_POSTURE, E_AGREEMENT):
            seen.add((effect.kind, effect.index))
            if effect.kind == E_POSTURE:
                todo += (e for option in scenario.postures[effect.index].options for e in option.ongoing)
            else:
                term = scenario.terms[effect.index]
                todo += (*term.ongoing, *term.breach_effects)
    return out


# ----------------------------------------------------------------------------- the words


def variant(view: State, role: int, item: int) -> int:
    """Which wording a phrase takes: the moment's (turn, role, the order or term), never chance,
    so a replay reads the same; the same order in the next turn, another role in this one and
    another order beside it each take the next wording."""
    return view.turn + role + 2 * item


def recent_change(view: State, track: int) -> int:
    """Change of a track since the start of the previous turn (what the role saw move)."""
    history = view.history
    if len(history) >= 2:
        before = history[-2].tracks[track]
    elif history:
        before = view.scenario.track_start[track]
    else:
        before = view.turn_start[track]
    return view.tracks[track] - before


def main_track(stance: Stance, deltas: Sequence[float], tracks: Iterable[int] | None = None) -> int | None:
    """The track (of ``tracks``, or any) whose expected change serves the stance most, if any
    does noticeably."""
    best, best_share = None, MIN_SHARE
    weights = stance.track_weight
    for track in range(len(deltas)) if tracks is None else tracks:
        share = deltas[track] * weights[track]
        if share > best_share:
            best, best_share = track, share
    return best


def situation(view: State, stance: Stance, track: int, pick: int = 0) -> str:
    """How a track the stance cares about looks to the role now. Near the end of its scale it
    is not said to need to go further: the choice keeps it there."""
    value = view.tracks[track]
    delta = recent_change(view, track)
    if stance.track_weight[track] < 0:  # the stance wants it lower
        if delta >= NOTABLE_MOVE:
            key = "why.rising"
        elif value >= HIGH:
            key = "why.high"
        else:
            key = "why.keep_low" if value <= NEAR_BOUND else "why.lower"
    elif delta <= -NOTABLE_MOVE:
        key = "why.falling"
    elif value >= 100 - NEAR_BOUND:
        key = "why.keep_high"
    else:
        key = "why.low" if value <= LOW else "why.raise"
    name = text(view.scenario.model.tracks[track].name)
    return say(key, pick=pick, track=name, value=value, delta=delta)


def why(
    view: State,
    stance: Stance,
    deltas: Sequence[float],
    fallback: Sequence[float] | None,
    tracks: Sequence[int],
    pick: int,
) -> str:
    """What a choice serves: the best of ``tracks`` by its own expected effects, else by the
    simulated difference ``fallback`` (still only among ``tracks``), else the turns ahead."""
    track = main_track(stance, deltas, tracks)
    if track is None and fallback:
        track = main_track(stance, fallback, tracks)
    if track is None:
        return say("why.plan", pick=pick)
    return situation(view, stance, track, pick)


def order_reason(
    view: State,
    stance: Stance,
    action: CAction,
    deltas: Sequence[float],
    fallback: Sequence[float] | None = None,
    exposure: float = 0.0,
) -> str:
    """The reason for one order: what it serves and, for a gamble, the odds."""
    pick = variant(view, action.role, action.index)
    because = why(view, stance, deltas, fallback, reach(view.scenario).orders[action.index], pick)
    if action.kind != ACTION_PROPOSE and action.check is not None:
        success = check_odds(view, action.check)[0]
        because = say("odds", pick=pick + 1, why=because, pct=round(success * 100))
    if action.covert and exposure > 0:
        because = say("exposure", pick=pick + 2, why=because, pct=round(exposure * 100))
    return order_head(view.scenario, action.index) + because


def order_head(scenario: CompiledScenario, index: int) -> str:
    """How a reason for this order begins ("Order name: "), so a screen that already names the
    order can leave it out."""
    model = scenario.model
    action = scenario.actions[index]
    if action.kind == ACTION_PROPOSE:
        term = text(model.terms[action.term].name)
        return say("propose", term=term, to=text(model.roles[action.to].short), why="")
    return say("order", action=text(model.actions[index].name), why="")


def answer_reason(
    view: State,
    stance: Stance,
    term: int,
    accepted: bool,
    yes: Sequence[float],
    no: Sequence[float],
    fallback: Sequence[float] | None = None,
) -> str:
    """The reason for accepting or refusing a proposal, from what each answer would do.

    ``yes`` and ``no`` are the terms' own expected effects; ``fallback`` (accepting minus
    refusing, as search saw it play out) is used when the terms alone name no track. Either
    way only a track the term itself moves is named.
    """
    name = text(view.scenario.model.terms[term].name)
    tracks = reach(view.scenario).terms[term]
    pick = variant(view, stance.role, term)
    gain = [a - b for a, b in zip(yes, no, strict=True)]
    if accepted:
        return say("accept", term=name, why=why(view, stance, gain, fallback, tracks, pick))
    track = main_track(stance, [-g for g in gain], tracks)
    if track is None and fallback:
        gain = list(fallback)
        track = main_track(stance, [-g for g in gain], tracks)
    if track is None:
        return say("reject", term=name, why=say("why.bind", pick=pick))
    track_name = text(view.scenario.model.tracks[track].name)
    key = "why.cost.up" if gain[track] > 0 else "why.cost.down"
    return say("reject", term=name, why=say(key, pick=pick, track=track_name, value=view.tracks[track]))


def hold_reason(view: State | None = None, role: int = 0) -> str:
    """The reason for giving no order (its wording by the moment, when the view is given)."""
    return say("hold", pick=0 if view is None else variant(view, role, 0))


def weigh_trust(view: State, role: int, sender: int, term: int, take: bool, reason: str) -> tuple[bool, str]:
    """A promise is only as good as the one who makes it: below the scenario's low trust a
    proposal is refused whatever it offers; below the usual level, a proposal taken on its
    merits says in its reason that the proposer's word is worth less now."""
    rules = view.scenario.credibility
    if rules is None:
        return take, reason
    trust = view.credibility[role * len(view.scenario.roles) + sender]
    if trust >= rules.start:
        return take, reason
    sender_name = text(view.scenario.model.roles[sender].short)
    name = text(view.scenario.model.terms[term].name)
    pick = variant(view, role, term) + 1
    if trust < rules.low:
        doubt = say("why.distrust", pick=pick, sender=sender_name, value=trust)
        return False, say("reject", term=name, why=doubt)
    if take:
        head = say("accept", term=name, why="")
        merits = reason[len(head) :] if reason.startswith(head) else reason
        wary = say("why.wary", pick=pick, why=merits, sender=sender_name, value=trust)
        return True, say("accept", term=name, why=wary)
    return take, reason
