"""One-line reasons for computer players' choices, in the scenario's own words.

A reason names the order or term (its name in the scenario) and the track that the choice
serves best for this stance, described as the role can see it: rising, high, or simply where
it stands now. ("Publish an independent casualty count: Civilian harm is rising (34, +6)".)
"""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.phrases import say
from game.ai.stance import Stance
from game.engine import State, check_odds
from game.i18n import text
from game.scenario.runtime import ACTION_PROPOSE, CAction, CompiledScenario

NOTABLE_MOVE = 3  # points a track moved since the start of last turn to call it rising/falling
HIGH, LOW = 60, 40  # levels called high / low
MIN_SHARE = 0.05  # value points below which a track is not worth naming


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


def main_track(stance: Stance, deltas: Sequence[float]) -> int | None:
    """The track whose expected change serves the stance most, if any does noticeably."""
    best, best_share = None, MIN_SHARE
    for track, (d, w) in enumerate(zip(deltas, stance.track_weight, strict=True)):
        share = d * w
        if share > best_share:
            best, best_share = track, share
    return best


def situation(view: State, stance: Stance, track: int) -> str:
    """How a track the stance cares about looks to the role now."""
    name = text(view.scenario.model.tracks[track].name)
    value = view.tracks[track]
    delta = recent_change(view, track)
    if stance.track_weight[track] < 0:  # the stance wants it lower
        if delta >= NOTABLE_MOVE:
            return say("why.rising", track=name, value=value, delta=delta)
        if value >= HIGH:
            return say("why.high", track=name, value=value)
        return say("why.lower", track=name, value=value)
    if delta <= -NOTABLE_MOVE:
        return say("why.falling", track=name, value=value, delta=delta)
    if value <= LOW:
        return say("why.low", track=name, value=value)
    return say("why.raise", track=name, value=value)


def why(view: State, stance: Stance, deltas: Sequence[float], fallback: Sequence[float] | None) -> str:
    track = main_track(stance, deltas)
    if track is None and fallback:
        track = main_track(stance, fallback)
    if track is None:
        return say("why.plan")
    return situation(view, stance, track)


def order_reason(
    view: State,
    stance: Stance,
    action: CAction,
    deltas: Sequence[float],
    fallback: Sequence[float] | None = None,
    exposure: float = 0.0,
) -> str:
    """The reason for one order: what it serves and, for a gamble, the odds."""
    because = why(view, stance, deltas, fallback)
    if action.kind != ACTION_PROPOSE and action.check is not None:
        success = check_odds(view, action.check)[0]
        because = say("odds", why=because, pct=round(success * 100))
    if action.covert and exposure > 0:
        because = say("exposure", why=because, pct=round(exposure * 100))
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
    refusing, as search saw it play out) is used when the terms alone name no track.
    """
    name = text(view.scenario.model.terms[term].name)
    gain = [a - b for a, b in zip(yes, no, strict=True)]
    if accepted:
        return say("accept", term=name, why=why(view, stance, gain, fallback))
    track = main_track(stance, [-g for g in gain])
    if track is None and fallback:
        gain = list(fallback)
        track = main_track(stance, [-g for g in gain])
    if track is None:
        return say("reject", term=name, why=say("why.bind"))
    track_name = text(view.scenario.model.tracks[track].name)
    key = "why.cost.up" if gain[track] > 0 else "why.cost.down"
    return say("reject", term=name, why=say(key, track=track_name, value=view.tracks[track]))


def hold_reason() -> str:
    return say("hold")


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
    if trust < rules.low:
        return False, say("reject", term=name, why=say("why.distrust", sender=sender_name, value=trust))
    if take:
        head = say("accept", term=name, why="")
        why = reason[len(head) :] if reason.startswith(head) else reason
        return True, say("accept", term=name, why=say("why.wary", why=why, sender=sender_name, value=trust))
    return take, reason
