"""Turning the engine's log into sentences for people: headlines, causes, odds.

Shared by the terminal game, the window and the report, so a cause reads the same everywhere.
Pure functions of a (redacted) state and the scenario's text; interface words come from the
catalog (``game.i18n.tr``), scenario words from the scenario in the current language.
"""

from __future__ import annotations

from typing import Any

from game.ai.reasons import order_head  # the wording of reasons lives with the players
from game.engine.log import (
    L_NOTE,
    SKIP_CAPITAL,
    SKIP_PROPOSAL,
    SKIP_REQUIRES,
)
from game.engine.orders import check_odds
from game.engine.state import PHASE_ANSWERS, PHASE_ORDERS, PHASE_OVER, State
from game.i18n import text, tr, trn
from game.scenario.runtime import (
    ACTION_PROPOSE,
    AGREEMENT_BREACH,
    C_ACTION,
    C_BEAT,
    C_DELAYED,
    C_ENDING,
    C_EVENT,
    C_FACILITATOR,
    C_HIDDEN,
    C_INCOME,
    C_POSTURE,
    C_PROGRAMME,
    C_ROLE,
    C_RULE,
    C_TERM,
    C_TRUST,
    E_CAPITAL,
    E_FLAG,
    E_POSTURE,
    E_STANDING,
    E_TRACK,
    PART_FAILURE,
    PART_PARTIAL,
    PART_SUCCESS,
    PROG_EXPOSED,
    TERM_ACCEPT,
    TERM_BREACH,
    TERM_ONGOING,
    TERM_REJECT,
    TERM_SUNSET,
    TRUST_BREACH,
    TRUST_EXPOSURE,
    TRUST_RECOVERY,
    CAction,
    CEffect,
    CompiledScenario,
)

# Catalog keys chosen by a value: whole keys written out, so every key can be found in the source.
CATEGORY_KEYS = ("category.diplomatic", "category.legal", "category.public", "category.policy")
PHASE_KEYS = {PHASE_ANSWERS: "phase.answers", PHASE_ORDERS: "phase.orders", PHASE_OVER: "phase.over"}
LEVEL_KEYS = {
    "random": "ui.level.random",
    "easy": "ui.level.easy",
    "normal": "ui.level.normal",
    "hard": "ui.level.hard",
}
SKIPPED_KEYS = {
    SKIP_CAPITAL: "headline.skipped.capital",
    SKIP_REQUIRES: "headline.skipped.requires",
    SKIP_PROPOSAL: "headline.skipped.proposal",
}
PART_SUFFIX_KEYS = {
    PART_SUCCESS: "cause.part.success",
    PART_PARTIAL: "cause.part.partial",
    PART_FAILURE: "cause.part.failure",
}
TRUST_CAUSE_KEYS = {
    TRUST_RECOVERY: "cause.trust.recovery",
    TRUST_BREACH: "cause.trust.breach",
    TRUST_EXPOSURE: "cause.trust.exposure",
}
REFUSAL_KEYS = {
    "distrust": "refusal.distrust",
    "ap": "refusal.ap",
    "capital": "refusal.capital",
    "capital_total": "refusal.capital_total",
    "cooldown": "refusal.cooldown",
    "in_force": "refusal.in_force",
    "not_yours": "refusal.not_yours",
    "on_table": "refusal.on_table",
    "once": "refusal.once",
    "order": "refusal.order",
    "phase": "refusal.phase",
    "requires": "refusal.requires",
    "twice": "refusal.twice",
    "unknown": "refusal.unknown",
}


def phase_name(phase: str) -> str:
    return tr(PHASE_KEYS[phase])


def role_name(sc: CompiledScenario, role: int, short: bool = True) -> str:
    model = sc.model.roles[role]
    return text(model.short if short else model.name)


def action_name(sc: CompiledScenario, index: int) -> str:
    action = sc.actions[index]
    if action.kind == ACTION_PROPOSE:
        return tr(
            "propose.action",
            term=text(sc.model.terms[action.term].name),
            to=role_name(sc, action.to),
        )
    return text(sc.model.actions[index].name)


def reason_alone(sc: CompiledScenario, index: int, why: str) -> str:
    """A computer's reason for an order without the order's name in front: reasons stand alone
    in saves ("Order name: why"), and a line that already names the order drops it."""
    head = order_head(sc, index)
    return why[len(head) :] if why.startswith(head) else why


def computer_reason(sc: CompiledScenario, role: int, index: int, why: str) -> str:
    """A computer role's reason for one of its orders, for a line that is about that order."""
    return tr("ui.reason.order", role=role_name(sc, role), why=reason_alone(sc, index, why))


def action_description(sc: CompiledScenario, index: int) -> str:
    action = sc.actions[index]
    if action.kind == ACTION_PROPOSE:
        return text(sc.model.terms[action.term].text)
    return text(sc.model.actions[index].description)


def action_tends(sc: CompiledScenario, index: int) -> str:
    action = sc.actions[index]
    if action.kind == ACTION_PROPOSE:
        return tr("propose.tends")
    return text(sc.model.actions[index].tends)


def category_name(category: int) -> str:
    return tr(CATEGORY_KEYS[category])


def roll_bands(target: int, partial_from: int, modifier: int) -> list[tuple[int, int, int]]:
    """(part, lowest, highest) of the 2d6 roll for each outcome that can happen, best first:
    with a target of 8, a partial from 6 and no modifier, 8-12 succeed, 6-7 partly, 2-5 fail."""
    success_from = max(2, target - modifier)
    partial_lo = max(2, partial_from - modifier)
    bands = [(PART_SUCCESS, success_from, 12)]
    if partial_from < target:
        bands.append((PART_PARTIAL, partial_lo, success_from - 1))
    bands.append((PART_FAILURE, 2, (partial_lo if partial_from < target else success_from) - 1))
    return [(part, lo, min(hi, 12)) for part, lo, hi in bands if lo <= min(hi, 12) and hi >= 2]


BAND_KEYS = {
    PART_SUCCESS: "odds.band.success",
    PART_PARTIAL: "odds.band.partial",
    PART_FAILURE: "odds.band.failure",
}
BAND_CHANCE_KEYS = {
    PART_SUCCESS: "odds.band.success_chance",
    PART_PARTIAL: "odds.band.partial_chance",
    PART_FAILURE: "odds.band.failure_chance",
}


def _span(lo: int, hi: int) -> str:
    return f"{lo}+" if hi == 12 else (str(lo) if lo == hi else f"{lo}\u2013{hi}")


def bands_line(target: int, partial_from: int, modifier: int, chances: dict[int, float] | None = None) -> str:
    """The outcome bands of a check on the 2d6 roll, as on a tabletop: 'success 8+ (42%) ·
    partial 6-7 (31%) · failure 2-5 (28%)', the modifier said once at the end."""
    parts = []
    for part, lo, hi in roll_bands(target, partial_from, modifier):
        if chances is None:
            parts.append(tr(BAND_KEYS[part], roll=_span(lo, hi)))
        else:
            parts.append(tr(BAND_CHANCE_KEYS[part], roll=_span(lo, hi), pct=round(chances[part] * 100)))
    line = tr("odds.bands", bands=" \u00b7 ".join(parts))
    if modifier:
        line += tr("odds.modifier", modifier=f"{modifier:+d}")
    return line


def odds_line(s: State, action: CAction) -> str:
    """Before choosing: each outcome's band of the 2d6 roll and its chance, modifiers applied."""
    check = action.check
    if check is None:
        return ""
    success, partial, failure, modifier = check_odds(s, check)
    chances = {PART_SUCCESS: success, PART_PARTIAL: partial, PART_FAILURE: failure}
    return bands_line(check.target, check.partial_from, modifier, chances)


def reason_text(sc: CompiledScenario, reason: object) -> str:
    """A refusal from the engine in the current language (its English text if it has no key)."""
    key = getattr(reason, "key", None)
    if key is None:
        return str(reason)
    values: dict[str, object] = {}
    for name, value in getattr(reason, "params", {}).items():
        if name == "action" and isinstance(value, int):
            values[name] = action_name(sc, value)
        elif name == "role" and isinstance(value, int):
            values[name] = role_name(sc, value)
        elif name == "reason":
            values[name] = reason_text(sc, value)
        else:
            values[name] = value
    catalog_key = REFUSAL_KEYS.get(key)
    return tr(catalog_key, **values) if catalog_key else str(reason)


def cost_line(action: CAction) -> str:
    parts = [tr("cost.ap", n=action.ap)]
    if action.capital:
        parts.append(tr("cost.capital", n=action.capital))
    return ", ".join(parts)


def effect_words(sc: CompiledScenario, effect: CEffect) -> str:
    """One compiled effect in a few words: 'Bilateral trust -5', 'Mission posture: Joint',
    'Consent requirement breached' - with its delay and condition, if any."""
    m = sc.model
    kind, index, value = effect.kind, effect.index, effect.value
    if kind == E_TRACK:
        name = text(m.tracks[index].name)
        words = f"{name} = {value}" if effect.is_set else f"{name} {value:+d}"
    elif kind == E_FLAG:
        words = tr("effect.flag_on" if value else "effect.flag_off", flag=text(m.flags[index].name))
    elif kind == E_POSTURE:
        posture = m.postures[index]
        words = tr("effect.posture", posture=text(posture.name), option=text(posture.options[value].name))
    elif kind in (E_CAPITAL, E_STANDING):
        key = "effect.capital" if kind == E_CAPITAL else "effect.standing"
        words = tr(key, role=role_name(sc, index), delta=f"{value:+d}")
    else:
        key = "effect.agreement_breach" if value == AGREEMENT_BREACH else "effect.agreement_end"
        words = tr(key, term=text(m.terms[index].name))
    if effect.delay:
        words += " " + trn("ui.fac.effect.later", effect.delay)
    if effect.when is not None:
        words += " " + tr("ui.fac.effect.if")
    return words


def root_cause(cause: tuple[Any, ...]) -> tuple[tuple[Any, ...], int | None]:
    """The original cause of a delayed effect, and the turn it was caused (None if not delayed)."""
    turn = None
    while cause and cause[0] == C_DELAYED:
        turn = cause[2] if turn is None else turn
        cause = cause[1]
    return cause, turn


def cause_label(sc: CompiledScenario, cause: tuple[Any, ...], notes: dict[int, str] | None = None) -> str:
    """Why something changed, in a few words: 'Order: Fund treatment (United States)'."""
    origin, turn = root_cause(cause)
    label = _origin_label(sc, origin, notes or {})
    if turn is not None:
        label = tr("cause.delayed", label=label, turn=turn)
    return label


def _origin_label(sc: CompiledScenario, cause: tuple[Any, ...], notes: dict[int, str]) -> str:
    if not cause:
        return ""
    kind = cause[0]
    m = sc.model
    if kind == C_HIDDEN:
        return tr("cause.hidden")
    if kind == C_ACTION:
        action = sc.actions[cause[1]]
        label = tr("cause.action", action=action_name(sc, action.index), role=role_name(sc, action.role))
        return label + tr(PART_SUFFIX_KEYS[cause[2]]) if cause[2] in PART_SUFFIX_KEYS else label
    if kind == C_RULE:
        return tr("cause.rule", headline=text(m.rules[cause[1]].headline))
    if kind == C_EVENT:
        return tr("cause.event", headline=text(m.events[cause[1]].headline))
    if kind == C_TERM:
        name = text(m.terms[cause[1]].name)
        key = {
            TERM_ACCEPT: "cause.term.accept",
            TERM_REJECT: "cause.term.reject",
            TERM_ONGOING: "cause.term.ongoing",
            TERM_BREACH: "cause.term.breach",
            TERM_SUNSET: "cause.term.sunset",
        }[cause[2]]
        return tr(key, term=name)
    if kind == C_POSTURE:
        posture = m.postures[cause[1]]
        return tr("cause.posture", posture=text(posture.name), option=text(posture.options[cause[2]].name))
    if kind == C_PROGRAMME:
        action = sc.actions[cause[1]]
        key = "cause.programme.exposed" if cause[2] == PROG_EXPOSED else "cause.programme.ongoing"
        return tr(key, action=action_name(sc, action.index), role=role_name(sc, action.role))
    if kind == C_INCOME:
        return tr("cause.income")
    if kind == C_FACILITATOR:
        return tr("cause.facilitator", reason=notes.get(cause[1], ""))
    if kind == C_ROLE:
        return role_name(sc, cause[1])
    if kind == C_ENDING:
        return text(m.endings[cause[1]].name)
    if kind == C_BEAT:
        label = tr("cause.beat", headline=text(m.beats[cause[1]].headline))
        return label + tr(PART_SUFFIX_KEYS[cause[2]]) if cause[2] in PART_SUFFIX_KEYS else label
    if kind == C_TRUST:
        return tr(TRUST_CAUSE_KEYS[cause[1]])
    return str(cause)


def facilitator_notes(s: State) -> dict[int, str]:
    """Facilitator decision number -> its written reason, from the whole visible log."""
    notes: dict[int, str] = {}
    for entries in [r.entries for r in s.history] + [s.current]:
        for kind, subject, value, _ in entries:
            if kind == L_NOTE:
                notes[subject] = value
    return notes


def risks_of(sc: CompiledScenario, cause: tuple[Any, ...]) -> tuple[str, ...]:
    if cause and cause[0] == C_HIDDEN:
        return ()
    return sc.risks_of(cause)
