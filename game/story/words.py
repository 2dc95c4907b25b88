"""Turning the engine's log into sentences for people: headlines, causes, odds.

Shared by the terminal game, the window and the report, so a cause reads the same everywhere.
Pure functions of a (redacted) state and the scenario's text; interface words come from the
catalog (``game.i18n.tr``), scenario words from the scenario in the current language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.ai.reasons import order_head  # the wording of reasons lives with the players
from game.engine.log import (
    AG_BREACHED,
    AG_ENDED,
    AG_IN_FORCE,
    L_AGREEMENT,
    L_ANSWER,
    L_CAPITAL,
    L_CHECK,
    L_ENDING,
    L_EVENT,
    L_EXPOSED,
    L_NOTE,
    L_ORDER,
    L_PROPOSAL,
    L_RULE,
    L_SKIPPED,
    L_STANDING,
    L_TRACK,
    SKIP_CAPITAL,
    SKIP_PROPOSAL,
    SKIP_REQUIRES,
    Entry,
)
from game.engine.orders import check_odds
from game.engine.state import PHASE_ANSWERS, PHASE_ORDERS, PHASE_OVER, State
from game.i18n import text, tr, trn
from game.scenario.runtime import (
    ACTION_PROPOSE,
    AGREEMENT_BREACH,
    C_ACTION,
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
REFUSAL_KEYS = {
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


def computer_reason(sc: CompiledScenario, role: int, index: int, why: str) -> str:
    """A computer role's reason for one of its orders, for a line that is about that order.

    Reasons stand alone in saves and reports ("Order name: why"), so the order's name is
    dropped here where the screen already shows it.
    """

    head = order_head(sc, index)
    if why.startswith(head):
        why = why[len(head) :]
    return tr("ui.reason.order", role=role_name(sc, role), why=why)


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


def odds_line(s: State, action: CAction) -> str:
    """As on a tabletop: '7+ on 2d6: 58%', with the partial band and modifiers when present."""
    check = action.check
    if check is None:
        return ""
    success, partial, _, modifier = check_odds(s, check)
    needed = check.target - modifier
    line = tr("odds.success", needed=_needed(needed), pct=round(success * 100))
    if check.partial_from < check.target:
        line += tr("odds.partial", needed=_needed(check.partial_from - modifier), pct=round(partial * 100))
    if modifier:
        line += tr("odds.modifier", modifier=f"{modifier:+d}")
    return line


def _needed(value: int) -> str:
    if value <= 2:
        return "2"
    if value > 12:
        return "13"
    return str(value)


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
        if cause[2] == PART_SUCCESS:
            label += tr("cause.part.success")
        elif cause[2] == PART_PARTIAL:
            label += tr("cause.part.partial")
        elif cause[2] == PART_FAILURE:
            label += tr("cause.part.failure")
        return label
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


@dataclass(frozen=True, slots=True)
class Headline:
    """A sentence for the news ticker, with the risks it draws on and whether it is big news."""

    text: str
    risks: tuple[str, ...]
    major: bool
    kind: str


def headline(s: State, entry: Entry) -> Headline | None:
    """The sentence for one log entry of this game, or None for details (track moves)."""
    return headline_of(s.scenario, entry)


def headline_of(sc: CompiledScenario, entry: Entry) -> Headline | None:
    """The sentence for one log entry, or None for entries that are details (track moves)."""
    m = sc.model
    kind, subject, value, cause = entry
    risks = risks_of(sc, cause)
    if kind == L_EVENT:
        event = m.events[subject]
        key = "headline.injected" if value else "headline.event"
        return Headline(tr(key, headline=text(event.headline)), risks, True, kind)
    if kind == L_RULE:
        rule = m.rules[subject]
        words = text(rule.headline)
        if value:
            words = trn("headline.rule.delayed", value, headline=words)
        return Headline(words, risks, True, kind)
    if kind == L_EXPOSED:
        exposure = m.actions[subject].exposure
        return Headline(text(exposure.headline) if exposure else "", risks, True, kind)
    if kind == L_AGREEMENT:
        term = m.terms[subject]
        if value == AG_IN_FORCE:
            return Headline(tr("headline.agreement.in_force", term=text(term.name)), risks, True, kind)
        if value == AG_BREACHED:
            return Headline(text(term.breach.headline), risks, True, kind)
        if value == AG_ENDED:
            return Headline(tr("headline.agreement.ended", term=text(term.name)), risks, False, kind)
        return None
    if kind == L_ORDER:
        action = sc.actions[subject]
        if action.kind == ACTION_PROPOSE:
            return None  # the proposal entry that follows says it better
        custom = m.actions[subject].headline
        words = (
            text(custom)
            if custom
            else tr("headline.order", role=role_name(sc, value), action=action_name(sc, subject))
        )
        return Headline(words, risks, False, kind)
    if kind == L_CHECK:
        d1, d2, modifier, total, part = value[:5]
        check = m.actions[subject].check
        assert check is not None
        outcome = {PART_SUCCESS: check.success, PART_PARTIAL: check.partial, PART_FAILURE: check.failure}[
            part
        ]
        roll = tr("headline.roll", d1=d1, d2=d2, modifier=f"{modifier:+d}" if modifier else "", total=total)
        return Headline(f"{text(outcome.text) if outcome else ''} {roll}".strip(), risks, False, kind)
    if kind == L_PROPOSAL:
        sender, to = value
        return Headline(
            tr(
                "headline.proposal",
                sender=role_name(sc, sender),
                term=text(m.terms[subject].name),
                to=role_name(sc, to),
            ),
            risks,
            False,
            kind,
        )
    if kind == L_ANSWER:
        role, accepted = value
        key = "headline.answer.accepted" if accepted else "headline.answer.rejected"
        return Headline(
            tr(key, role=role_name(sc, role), term=text(m.terms[subject].name)), risks, bool(accepted), kind
        )
    if kind == L_NOTE:
        return Headline(tr("headline.facilitator", reason=value), (), False, kind)
    if kind == L_SKIPPED:
        action = sc.actions[subject]
        return Headline(
            tr(SKIPPED_KEYS[value], role=role_name(sc, action.role), action=action_name(sc, subject)),
            risks,
            False,
            kind,
        )
    if kind == L_ENDING:
        return Headline(tr("headline.ending", ending=text(m.endings[subject].name)), risks, True, kind)
    return None


def headlines(s: State, entries: tuple[Entry, ...]) -> list[Headline]:
    out = []
    for entry in entries:
        item = headline(s, entry)
        if item is not None and item.text:
            out.append(item)
    return out


@dataclass(frozen=True, slots=True)
class Change:
    """One reason a track (or capital, standing) moved: by how much, why, which risks."""

    delta: int
    label: str
    risks: tuple[str, ...]
    turn: int


def track_changes(s: State, track: int, turns: int = 1) -> list[Change]:
    """Why a track moved over the last ``turns`` resolved turns and this turn so far."""
    sc = s.scenario
    notes = facilitator_notes(s)
    out: list[Change] = []
    records = [(r.turn, r.entries) for r in s.history[-turns:]] if turns else []
    records.append((s.turn, s.current))
    for turn, entries in records:
        for kind, subject, value, cause in entries:
            if kind == L_TRACK and subject == track:
                out.append(Change(value, cause_label(sc, cause, notes), risks_of(sc, cause), turn))
    return out


def role_changes(s: State, role: int, kind: str = L_CAPITAL) -> list[Change]:
    sc = s.scenario
    out = []
    if s.history:
        record = s.history[-1]
        for k, subject, value, cause in record.entries:
            if k == kind and subject == role:
                out.append(Change(value, cause_label(sc, cause), risks_of(sc, cause), record.turn))
    return out


def last_change(s: State, track: int) -> int:
    """The change shown beside a track: since the end of the turn before last (resolution + news)."""
    if len(s.history) >= 2:
        before = s.history[-2].tracks[track]
    else:
        before = s.scenario.track_start[track]
    return s.tracks[track] - before


__all__ = [
    "L_STANDING",
    "Change",
    "Headline",
    "action_description",
    "action_name",
    "action_tends",
    "category_name",
    "cause_label",
    "cost_line",
    "headline",
    "headlines",
    "last_change",
    "odds_line",
    "role_changes",
    "role_name",
    "track_changes",
]
