"""The log in headlines: the sentence for each entry a screen or the report shows as news.

Pure functions of the scenario's text and an entry; interface words from the catalog. One small
function per kind of entry, chosen by a table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.engine.log import (
    AG_BREACHED,
    AG_ENDED,
    AG_IN_FORCE,
    L_AGREEMENT,
    L_ANSWER,
    L_BEAT,
    L_CHECK,
    L_ENDING,
    L_EVENT,
    L_EXPOSED,
    L_NOTE,
    L_ORDER,
    L_PROPOSAL,
    L_RULE,
    L_SKIPPED,
    Entry,
)
from game.engine.state import State
from game.i18n import text, tr, trn
from game.scenario.runtime import ACTION_PROPOSE, PART_FAILURE, PART_PARTIAL, PART_SUCCESS, CompiledScenario
from game.story.words import SKIPPED_KEYS, action_name, risks_of, role_name


@dataclass(frozen=True, slots=True)
class Headline:
    """A sentence for the news ticker, with the risks it draws on and whether it is big news."""

    text: str
    risks: tuple[str, ...]
    major: bool
    kind: str


Words = tuple[str, bool] | None  # the sentence and whether it is big news, or nothing to say


def headline(s: State, entry: Entry) -> Headline | None:
    """The sentence for one log entry of this game, or None for details (track moves)."""
    return headline_of(s.scenario, entry)


def headline_of(sc: CompiledScenario, entry: Entry) -> Headline | None:
    """The sentence for one log entry, or None for entries that are details (track moves)."""
    say = _BY_KIND.get(entry.kind)
    words = say(sc, entry.subject, entry.value) if say is not None else None
    if words is None:
        return None
    risks = () if entry.kind == L_NOTE else risks_of(sc, entry.cause)
    return Headline(words[0], risks, words[1], entry.kind)


def headlines(s: State, entries: tuple[Entry, ...]) -> list[Headline]:
    out = []
    for entry in entries:
        item = headline(s, entry)
        if item is not None and item.text:
            out.append(item)
    return out


def _event(sc: CompiledScenario, subject: int, value: Any) -> Words:
    key = "headline.injected" if value else "headline.event"
    return tr(key, headline=text(sc.model.events[subject].headline)), True


def _rule(sc: CompiledScenario, subject: int, value: Any) -> Words:
    words = text(sc.model.rules[subject].headline)
    return (trn("headline.rule.delayed", value, headline=words) if value else words), True


def _exposed(sc: CompiledScenario, subject: int, value: Any) -> Words:
    exposure = sc.model.actions[subject].exposure
    return (text(exposure.headline) if exposure else ""), True


def _agreement(sc: CompiledScenario, subject: int, value: Any) -> Words:
    term = sc.model.terms[subject]
    if value == AG_IN_FORCE:
        return tr("headline.agreement.in_force", term=text(term.name)), True
    if value == AG_BREACHED:
        return text(term.breach.headline), True
    if value == AG_ENDED:
        return tr("headline.agreement.ended", term=text(term.name)), False
    return None


def _order(sc: CompiledScenario, subject: int, value: Any) -> Words:
    if sc.actions[subject].kind == ACTION_PROPOSE:
        return None  # the proposal entry that follows says it better
    custom = sc.model.actions[subject].headline
    if custom:
        return text(custom), False
    return tr("headline.order", role=role_name(sc, value), action=action_name(sc, subject)), False


def _check(sc: CompiledScenario, subject: int, value: Any) -> Words:
    check = sc.model.actions[subject].check
    assert check is not None
    outcome = {PART_SUCCESS: check.success, PART_PARTIAL: check.partial, PART_FAILURE: check.failure}[
        value.part
    ]
    modifier = f"{value.modifier:+d}" if value.modifier else ""
    roll = tr("headline.roll", d1=value.d1, d2=value.d2, modifier=modifier, total=value.total)
    return f"{text(outcome.text) if outcome else ''} {roll}".strip(), False


def _proposal(sc: CompiledScenario, subject: int, value: Any) -> Words:
    sender, to = value
    term = text(sc.model.terms[subject].name)
    return tr("headline.proposal", sender=role_name(sc, sender), term=term, to=role_name(sc, to)), False


def _answer(sc: CompiledScenario, subject: int, value: Any) -> Words:
    role, accepted = value
    key = "headline.answer.accepted" if accepted else "headline.answer.rejected"
    return tr(key, role=role_name(sc, role), term=text(sc.model.terms[subject].name)), bool(accepted)


def _note(sc: CompiledScenario, subject: int, value: Any) -> Words:
    return tr("headline.facilitator", reason=value), False


def _skipped(sc: CompiledScenario, subject: int, value: Any) -> Words:
    role = role_name(sc, sc.actions[subject].role)
    return tr(SKIPPED_KEYS[value], role=role, action=action_name(sc, subject)), False


def _beat(sc: CompiledScenario, subject: int, value: Any) -> Words:
    beat = sc.model.beats[subject]
    words = text(beat.headline)
    check = beat.check
    outcome = (
        {PART_SUCCESS: check.success, PART_PARTIAL: check.partial, PART_FAILURE: check.failure}.get(value)
        if check
        else None
    )
    if outcome is None:
        return words, True
    return tr("headline.beat_outcome", headline=words, outcome=text(outcome.text)), True


def _ending(sc: CompiledScenario, subject: int, value: Any) -> Words:
    return tr("headline.ending", ending=text(sc.model.endings[subject].name)), True


_BY_KIND: dict[str, Callable[[CompiledScenario, int, Any], Words]] = {
    L_EVENT: _event,
    L_RULE: _rule,
    L_EXPOSED: _exposed,
    L_AGREEMENT: _agreement,
    L_ORDER: _order,
    L_CHECK: _check,
    L_PROPOSAL: _proposal,
    L_ANSWER: _answer,
    L_NOTE: _note,
    L_SKIPPED: _skipped,
    L_ENDING: _ending,
    L_BEAT: _beat,
}
