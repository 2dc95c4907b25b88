"""Orders that wear out when given turn after turn, in words a player can read before and after.

The engine keeps 'keep'% of an action's immediate track effects once it has been ordered more
than 'after' turns running (``resolve_action``: ``streak > fatigue_after``). A player must see
that rule on the card before choosing, see on the card when this turn's order would be worn
out, and see in the resolution that a smaller change came from a worn-out order (the change is
still shown under the order: its real cause). The count of turns running is read from what the
viewer saw ordered (``L_ORDER`` lines of their view), so a covert order nobody else saw is worn
out only in its owner's story.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from game.engine.log import L_ORDER, Line
from game.engine.state import State
from game.i18n import tr, trn
from game.scenario.runtime import CompiledScenario


def keep_percent(sc: CompiledScenario, action: int) -> int:
    """The share of its immediate track effects a worn-out order keeps (0 if it never wears)."""
    model = sc.model.actions[action] if action < len(sc.model.actions) else None
    fatigue = getattr(model, "fatigue", None)
    return fatigue.keep if fatigue is not None else 0


def streak_if_ordered(s: State, action: int) -> int:
    """Turns running the order would have been given if given this turn (the engine's count)."""
    if s.used[action] and s.last_used[action] == s.turn - 1:
        return s.streak[action] + 1
    return 1


def wear_rule(sc: CompiledScenario, action: int) -> str:
    """The card's rule: 'Wears out: ordered more than 2 turns running, it keeps 40% ...'."""
    after = sc.actions[action].fatigue_after
    if not after:
        return ""
    return trn("fatigue.rule", after, keep=keep_percent(sc, action))


def worn_if_ordered(s: State, action: int) -> int:
    """Turns running, if the order given now would go ahead worn out; else 0."""
    after = s.scenario.actions[action].fatigue_after
    running = streak_if_ordered(s, action) if after else 0
    return running if running > after else 0


def wear_now(s: State, action: int) -> str:
    """On the card this turn: whether the order, given now, would be worn out (or nearly)."""
    sc = s.scenario
    worn = worn_if_ordered(s, action)
    if worn:
        return trn("fatigue.worn_now", worn, keep=keep_percent(sc, action))
    after = sc.actions[action].fatigue_after
    if after and streak_if_ordered(s, action) == after:
        return trn("fatigue.last_full", after)
    return ""


def wear_tag(s: State, action: int) -> str:
    """The card's short note when the order, given now, would be worn out; else ''."""
    if not worn_if_ordered(s, action):
        return ""
    return tr("fatigue.tag", keep=keep_percent(s.scenario, action))


def worn_line(sc: CompiledScenario, action: int, running: int) -> str:
    """In the resolution: 'Worn out: ordered 3 turns running, it kept 40% of its effect.'"""
    if not running:
        return ""
    return trn("fatigue.worn", running, keep=keep_percent(sc, action))


def ordered_in(log: Iterable[Line]) -> frozenset[int]:
    """The actions whose orders went ahead in a turn's lines (a skipped order does not count)."""
    return frozenset([subject for kind, subject, _, _ in log if kind == L_ORDER])


def worn_orders(
    sc: CompiledScenario, earlier: Sequence[frozenset[int]], now: frozenset[int]
) -> dict[int, int]:
    """action -> turns running, for this turn's orders that were worn out: ``earlier`` holds the
    actions ordered in each earlier turn, the last turn last."""
    out = {}
    for action in now:
        after = sc.actions[action].fatigue_after
        if not after:
            continue
        running = 1
        for turn in reversed(earlier):
            if action not in turn:
                break
            running += 1
        if running > after:
            out[action] = running
    return out


def longest_wear(sc: CompiledScenario) -> int:
    """How many earlier turns a worn-out order can need looking back on (0 if none wears)."""
    return max((a.fatigue_after for a in sc.actions), default=0)
