"""Rules, events and endings, compiled; and which article risks each cause of a change draws on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.scenario import models as m
from game.scenario.compile_effects import effects, modifiers
from game.scenario.crossref import Index
from game.scenario.runtime import (
    ACTION_PLAIN,
    C_BEAT,
    C_EVENT,
    C_POSTURE,
    C_PROGRAMME,
    C_RULE,
    C_TERM,
    C_TRUST,
    PROG_EXPOSED,
    PROG_ONGOING,
    TRUST_BREACH,
    TRUST_EXPOSURE,
    TRUST_RECOVERY,
    CAction,
    CEnding,
    CEvent,
    CRule,
)
from game.scenario.yaml_loader import YamlPath

# Endings are only sorted by priority, but a number nobody can read is still a mistake.
MAX_PRIORITY = 1_000_000


def compile_rule(ix: Index, i: int, rule: m.Rule) -> CRule:
    path: YamlPath = ("rules", i)
    ix.risks(rule.risks, path + ("risks",))
    return CRule(
        index=i,
        when=ix.need(ix.condition(rule.when, path + ("when",))),
        effects=effects(ix, rule.effects, path + ("effects",)),
        delay=rule.delay,
        once=rule.once,
        cooldown=rule.cooldown,
        cause=(C_RULE, i),
        chance=rule.chance,
    )


def compile_event(ix: Index, i: int, event: m.Event) -> CEvent:
    path: YamlPath = ("events", i)
    ix.risks(event.risks, path + ("risks",))
    return CEvent(
        index=i,
        weight=event.weight,
        weight_modifiers=modifiers(ix, event.weight_modifiers, path + ("weight_modifiers",)),
        when=ix.condition(event.when, path + ("when",)),
        once=event.once,
        effects=effects(ix, event.effects, path + ("effects",)),
        cause=(C_EVENT, i),
    )


def compile_endings(ix: Index) -> tuple[tuple[CEnding, ...], int]:
    """Endings with a condition (anytime ones by priority, then final ones) and the fallback's index."""
    endings = []
    fallback = -1
    for i, ending in enumerate(ix.s.endings):
        path: YamlPath = ("endings", i)
        ix.risks(ending.risks, path + ("risks",))
        if abs(ending.priority) > MAX_PRIORITY:
            ix.report.add(path + ("priority",), f"priority is between -{MAX_PRIORITY:,} and {MAX_PRIORITY:,}")
        when = ix.condition(ending.when, path + ("when",))
        final = ending.timing == "final"
        if ending.when is None:
            if not final:
                ix.report.add(path + ("timing",), "an ending without 'when' must have timing: final")
            elif fallback < 0:
                fallback = i
            continue
        endings.append(CEnding(i, when, final, ending.priority))
    if fallback < 0:
        ix.report.add(
            ("endings",),
            "one ending needs timing: final and no 'when': it is the fallback at the turn limit",
        )
        fallback = 0
    endings.sort(key=lambda e: (e.timing_final, -e.priority, e.index))
    return tuple(endings), fallback


def cause_risks(s: m.Scenario, actions: Sequence[CAction]) -> dict[tuple[Any, ...], tuple[str, ...]]:
    """For every cause the engine can record, the article risks it draws on."""
    table: dict[tuple[Any, ...], tuple[str, ...]] = {}
    for action in actions:
        if action.kind == ACTION_PLAIN:
            model = s.actions[action.index]
            for cause in action.causes:
                table[cause] = tuple(model.risks)
            if model.exposure is not None:
                both = tuple(dict.fromkeys(model.risks + model.exposure.risks))
                table[(C_PROGRAMME, action.index, PROG_ONGOING)] = tuple(model.risks)
                table[(C_PROGRAMME, action.index, PROG_EXPOSED)] = both
        else:
            for cause in action.causes:
                table[cause] = tuple(s.terms[action.term].risks)
    for i, term in enumerate(s.terms):
        for part in range(5):
            table[(C_TERM, i, part)] = tuple(term.risks)
        table[(C_TERM, i, 3)] = tuple(dict.fromkeys(term.risks + term.breach.risks))
    for i, posture in enumerate(s.postures):
        for j, option in enumerate(posture.options):
            table[(C_POSTURE, i, j)] = tuple(option.risks)
    for i, rule in enumerate(s.rules):
        table[(C_RULE, i)] = tuple(rule.risks)
    for i, event in enumerate(s.events):
        table[(C_EVENT, i)] = tuple(event.risks)
    for i, beat in enumerate(s.beats):
        for part in range(4):
            table[(C_BEAT, i, part)] = tuple(beat.risks)
    if s.credibility is not None:
        for part in (TRUST_RECOVERY, TRUST_BREACH, TRUST_EXPOSURE):
            table[(C_TRUST, part)] = tuple(s.credibility.risks)
    return table
