"""Trust between roles: a breach or a leak is remembered, and trust comes back slowly.

Each role holds a 0-100 trust in each other role's promises (the scenario's ``credibility``).
Breaking an agreement costs the breaker the trust of the agreement's other parties; a covert
programme coming to light costs its role the trust of every other role; each turn, trust drifts
back toward its starting level. Low trust makes computer players wary of that role's proposals
and, while it lasts, bars signing a broken agreement again with the one who broke it.
"""

from __future__ import annotations

from game.engine.log import L_TRUST, Line
from game.engine.state import State
from game.scenario.runtime import (
    C_ACTION,
    C_PROGRAMME,
    C_TRUST,
    TRUST_BREACH,
    TRUST_EXPOSURE,
    TRUST_RECOVERY,
    Cause,
)

RECOVERY_CAUSE: Cause = (C_TRUST, TRUST_RECOVERY)
BREACH_CAUSE: Cause = (C_TRUST, TRUST_BREACH)
EXPOSURE_CAUSE: Cause = (C_TRUST, TRUST_EXPOSURE)


def pair(s: State, holder: int, other: int) -> int:
    """The index of ``holder``'s trust in ``other`` in the state's table."""
    return holder * len(s.scenario.roles) + other


def change_trust(s: State, index: int, delta: int, cause: Cause, log: list[Line]) -> None:
    old = s.credibility[index]
    new = min(max(old + delta, 0), 100)
    if new != old:
        s.credibility[index] = new
        log.append((L_TRUST, index, new - old, cause))


def breaker_of(s: State, cause: Cause) -> int:
    """The role whose own order broke an agreement (an order, or its exposed programme), or -1."""
    if cause and cause[0] in (C_ACTION, C_PROGRAMME):
        return s.scenario.actions[cause[1]].role
    return -1


def after_breach(s: State, term: int, cause: Cause, log: list[Line]) -> None:
    """Remember who broke the agreement; its other parties trust that role less."""
    role = breaker_of(s, cause)
    s.breaker[term] = role
    rules = s.scenario.credibility
    if rules is None or role < 0:
        return
    compiled = s.scenario.terms[term]
    for wronged in sorted((compiled.proposers | compiled.to) - {role}):
        change_trust(s, pair(s, wronged, role), rules.breach, BREACH_CAUSE, log)


def after_exposure(s: State, role: int, log: list[Line]) -> None:
    """A covert programme of ``role`` came to light: every other role trusts it less."""
    rules = s.scenario.credibility
    if rules is None:
        return
    for other in range(len(s.scenario.roles)):
        if other != role:
            change_trust(s, pair(s, other, role), rules.exposure, EXPOSURE_CAUSE, log)


def recover(s: State, log: list[Line]) -> None:
    """Each turn trust drifts back toward where it started."""
    rules = s.scenario.credibility
    if rules is None or not rules.recovery:
        return
    table = s.credibility
    start = rules.start
    if table.count(start) == len(table):
        return  # every trust is where it started: nothing drifts
    recovery = rules.recovery
    for index, value in enumerate(table):  # change_trust written out: a step never leaves 0-100
        if value < start:
            step = start - value if start - value < recovery else recovery
        elif value > start:
            step = value - start if value - start < recovery else recovery
            step = -step
        else:
            continue
        table[index] = value + step
        log.append((L_TRUST, index, step, RECOVERY_CAUSE))


def resigning_barred(s: State, term: int, sender: int, to: int) -> bool:
    """Is a broken agreement barred from being signed again between these two roles?"""
    rules = s.scenario.credibility
    if rules is None or not s.broken[term]:
        return False
    breaker = s.breaker[term]
    if breaker not in (sender, to):
        return False
    wronged = to if breaker == sender else sender
    return s.credibility[pair(s, wronged, breaker)] < rules.refuse_below
