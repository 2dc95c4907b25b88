"""The end of a turn (DESIGN §1, steps 5 and 6): consequences, exposure, upkeep and endings.

Called by ``turn.resolve_turn`` on its own copy of the state, after the orders have resolved.
"""

from __future__ import annotations

from game.engine import rng, trust
from game.engine.effects import apply_effects, breach
from game.engine.log import (
    AG_ENDED,
    AG_IN_FORCE,
    L_AGREEMENT,
    L_CAPITAL,
    L_ENDING,
    L_EXPOSED,
    L_RULE,
    Line,
    Programme,
)
from game.engine.state import PHASE_OVER, State
from game.scenario.runtime import C_DELAYED, C_ENDING, TERM_ONGOING, TERM_SUNSET

# ----------------------------------------------------------------------------- consequences


def consequences(s: State, log: list[Line]) -> None:
    turn = s.turn
    if s.scheduled:
        due = [item for item in s.scheduled if item[0] <= turn]
        if due:
            s.scheduled = tuple([item for item in s.scheduled if item[0] > turn])
            for _, effect, cause, at in due:
                apply_effects(s, (effect,), (C_DELAYED, cause, at), log)
    # The rules in order, each judged after those before it acted (the generated fire_rules).
    s.scenario.code.fire_rules(s, log, fire_rule)
    if s.programmes:
        roll_exposure(s, log)


def fire_rule(s: State, index: int, log: list[Line]) -> None:
    """A consequence rule whose condition holds: it is remembered, logged and its effects apply.
    A rule with a chance under 100 draws first; on a miss nothing happens (no record, no rest),
    and a rule at 100 draws nothing, so its games stay those it gave before chances existed."""
    _, _, _, _, delay, effects, cause, chance = s.scenario.rule_table[index]
    if chance < 100:
        s.rng, roll = rng.below(s.rng, 100)
        if roll >= chance:
            return
    s.rule_last[index] = s.turn
    log.append((L_RULE, index, delay, cause))
    apply_effects(s, effects, cause, log)


def roll_exposure(s: State, log: list[Line]) -> None:
    """Each running covert programme may come to light; the odds grow the longer it runs."""
    actions = s.scenario.actions
    keep = []
    for programme in s.programmes:
        index, started, _ = programme
        exposure = actions[index].exposure
        assert exposure is not None
        if s.exposed[index]:
            keep.append(programme)
            continue
        chance = exposure.chance + exposure.growth * (s.turn - started)
        for mod in exposure.modifiers:
            if mod.when(s):
                chance += mod.add
        s.rng, roll = rng.below(s.rng, 100)
        if roll < chance:
            s.active[index] -= 1
            expose(s, index, log)
        else:
            keep.append(programme)
    s.programmes = tuple(keep)


def expose(s: State, index: int, log: list[Line]) -> None:
    """A covert programme comes to light: its orders become public, and so does its posture."""
    action = s.scenario.actions[index]
    exposure = action.exposure
    assert exposure is not None
    s.exposed[index] = 1
    log.append((L_EXPOSED, index, action.role, exposure.cause_exposed))
    for posture in s.scenario.postures:
        if posture.owner == action.role and s.posture_public[posture.index] != s.postures[posture.index]:
            s.posture_public[posture.index] = s.postures[posture.index]
    apply_effects(s, exposure.effects, exposure.cause_exposed, log)
    trust.after_exposure(s, action.role, log)
    for term in action.breaks:
        if s.agreements[term] == AG_IN_FORCE:
            breach(s, term, exposure.cause_exposed, log)


# ----------------------------------------------------------------------------- upkeep


def upkeep(s: State, log: list[Line]) -> None:
    scenario = s.scenario
    for posture in scenario.postures:
        option = posture.options[s.postures[posture.index]]
        if option.ongoing:
            apply_effects(s, option.ongoing, option.cause, log)
    for term in scenario.terms if AG_IN_FORCE in s.agreements else ():
        if s.agreements[term.index] != AG_IN_FORCE:
            continue
        if term.breach_when is not None and term.breach_when(s):
            breach(s, term.index, term.causes[3], log)
            continue
        apply_effects(s, term.ongoing, term.causes[TERM_ONGOING], log)
        if term.sunset and s.turn - s.agreement_since[term.index] + 1 >= term.sunset:
            s.agreements[term.index] = AG_ENDED
            log.append((L_AGREEMENT, term.index, AG_ENDED, term.causes[TERM_SUNSET]))
    if s.programmes:
        keep = []
        actions = scenario.actions
        for index, started, left in s.programmes:
            exposure = actions[index].exposure
            assert exposure is not None
            if exposure.ongoing:
                apply_effects(s, exposure.ongoing, exposure.cause_ongoing, log)
            if left > 1:
                keep.append(Programme(index, started, left - 1))
            else:
                s.active[index] -= 1
        s.programmes = tuple(keep)
    for role in scenario.roles:
        gain = role.income
        for mod in role.income_modifiers:
            if mod.when(s):
                gain += mod.add
        old = s.capital[role.index]
        new = old + gain  # kept within 0 and the role's most, as min(max(...)) did, without the calls
        if new > role.capital_max:
            new = role.capital_max
        if new < 0:
            new = 0
        if new != old:
            s.capital[role.index] = new
            log.append((L_CAPITAL, role.index, new - old, role.income_cause))
    if s.credibility:
        trust.recover(s, log)
    check_endings(s, log)


def check_endings(s: State, log: list[Line]) -> None:
    final_turn = s.turn >= s.turns
    ending = s.scenario.code.ending(s, final_turn)  # the scenario's endings in order, generated
    if ending >= 0:
        finish(s, ending, log)
    elif final_turn:
        finish(s, s.scenario.fallback_ending, log)


def finish(s: State, ending: int, log: list[Line]) -> None:
    s.ending = ending
    s.phase = PHASE_OVER
    log.append((L_ENDING, ending, s.turn, (C_ENDING, ending)))
