"""What the printed cards say: every action, event, proposal and posture of a scenario in words.

The tabletop edition is played without the engine, so a card must carry everything the table
needs to apply it by hand: costs, limits, the requirement, the effects (each worded by
``game.story.words.effect_words``, the words the game itself uses), the check with its bands and
the covert programme's exposure. The layout (``game.kit.layout``) only places these lines; the
tests read the same lines to check that nothing of a scenario is left out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from game.i18n import text, tr, trn
from game.scenario.runtime import ACTION_PLAIN, CCheck, CEffect, CExposure, CompiledScenario
from game.story.requirements import condition_text
from game.story.words import category_name, cost_line, effect_words, role_name

# The order in which the kit lists the categories is the order the table resolves them in.
CATEGORY_ORDER = (0, 1, 2, 3)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a card: a bold lead-in (or '') and its text."""

    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Card:
    """A card to print and cut out; ``band`` picks its colour (a category 0-3, or -1)."""

    kind: str
    id: str
    title: str
    tag: str
    corner: str
    band: int
    lines: tuple[Line, ...]


def dice_chance(needed: int) -> int:
    """The chance in percent that two six-sided dice show ``needed`` or more."""
    ways = sum(1 for a in range(1, 7) for b in range(1, 7) if a + b >= needed)
    return round(ways * 100 / 36)


def effects_text(sc: CompiledScenario, model_effects: Sequence[Any], compiled: Sequence[CEffect]) -> str:
    """Effects in words, joined; a conditional one says its condition in words too."""
    parts = []
    for model, effect in zip(model_effects, compiled, strict=True):
        if effect.when is None:
            parts.append(effect_words(sc, effect))
            continue
        words = effect_words(sc, dataclasses.replace(effect, when=None))
        parts.append(tr("kit.effect.if", effect=words, condition=condition_text(sc, model.when)))
    return "; ".join(parts)


def risks_text(risks: Sequence[str]) -> str:
    return ", ".join(risks)


def modifiers_text(sc: CompiledScenario, modifiers: Sequence[Any]) -> str:
    """Modifiers with the condition that brings each one, so the table can tell when it applies."""
    return "; ".join(
        tr("kit.modifier", label=text(m.label), condition=condition_text(sc, m.when), add=f"{m.add:+d}")
        for m in modifiers
    )


def check_lines(sc: CompiledScenario, model: Any, check: CCheck) -> list[Line]:
    """A check as the table rolls it: the bands of 2d6 + modifiers and what each one does."""
    target, partial = check.target, check.partial_from
    lines = [Line(tr("kit.card.check"), tr("kit.card.check_text", n=target, pct=dice_chance(target)))]
    if model.modifiers:
        lines.append(Line(tr("kit.card.modifiers"), modifiers_text(sc, model.modifiers)))
    bands = [(tr("kit.card.success", n=target), model.success, check.success)]
    if model.partial is not None and partial < target:
        bands.append((tr("kit.card.partial", low=partial, high=target - 1), model.partial, check.partial))
        bands.append((tr("kit.card.failure", n=partial - 1), model.failure, check.failure))
    else:
        bands.append((tr("kit.card.failure", n=target - 1), model.failure, check.failure))
    for label, outcome, effects in bands:
        said = text(outcome.text)
        worded = effects_text(sc, outcome.effects, effects)
        lines.append(Line(label, f"{said} ({worded})" if worded else said))
    return lines


def exposure_lines(sc: CompiledScenario, model: Any, exposure: CExposure) -> list[Line]:
    """A covert programme: how long it runs, its odds of coming to light, and the price."""
    odds = trn("kit.card.exposure_text", model.turns, chance=model.chance, growth=model.growth)
    lines = [Line(tr("kit.card.covert"), tr("kit.card.covert_text")), Line(tr("kit.card.exposure"), odds)]
    if model.modifiers:
        lines.append(Line(tr("kit.card.exposure_modifiers"), modifiers_text(sc, model.modifiers)))
    if model.ongoing:
        lines.append(Line(tr("kit.card.while_running"), effects_text(sc, model.ongoing, exposure.ongoing)))
    price = effects_text(sc, model.effects, exposure.effects)
    lines.append(Line(tr("kit.card.if_exposed"), f"{text(model.headline)} ({price})"))
    if model.risks:
        lines.append(Line(tr("kit.card.exposure_risks"), risks_text(model.risks)))
    return lines


def limits_text(model: Any) -> str:
    parts = []
    if model.once:
        parts.append(tr("kit.card.once"))
    if model.cooldown:
        parts.append(trn("kit.card.cooldown", model.cooldown))
    fatigue = getattr(model, "fatigue", None)
    if fatigue is not None:
        parts.append(trn("fatigue.rule", fatigue.after, keep=fatigue.keep))
    return "; ".join(parts)


def action_card(sc: CompiledScenario, index: int) -> Card:
    """The card of one of the scenario's own actions (proposals have term cards instead)."""
    compiled, model = sc.actions[index], sc.model.actions[index]
    tag = f"{role_name(sc, compiled.role)} · {category_name(compiled.category)}"
    if compiled.covert:
        tag += " · " + tr("kit.card.covert_tag")
    lines = [Line("", text(model.description)), Line(tr("kit.card.tends"), text(model.tends))]
    if model.requires:
        lines.append(Line(tr("kit.card.needs"), condition_text(sc, model.requires)))
    limits = limits_text(model)
    if limits:
        lines.append(Line(tr("kit.card.limits"), limits))
    if model.effects:
        lines.append(Line(tr("kit.card.effects"), effects_text(sc, model.effects, compiled.effects)))
    if compiled.check is not None:
        lines.extend(check_lines(sc, model.check, compiled.check))
    if compiled.exposure is not None:
        lines.extend(exposure_lines(sc, model.exposure, compiled.exposure))
    if model.breaks:
        names = ", ".join(text(sc.model.terms[sc.term_index[t]].name) for t in model.breaks)
        # A covert order breaks its agreements only when it comes to light (the engine's rule).
        label = tr("kit.card.breaks_exposed") if compiled.covert else tr("kit.card.breaks")
        lines.append(Line(label, names))
    if model.risks:
        lines.append(Line(tr("kit.card.risks"), risks_text(model.risks)))
    return Card(
        "action", model.id, text(model.name), tag, cost_line(compiled), compiled.category, tuple(lines)
    )


def action_cards(sc: CompiledScenario) -> list[Card]:
    """Every plain action, by role, then in the order the table resolves the categories."""
    plain = [a for a in sc.actions if a.kind == ACTION_PLAIN]
    plain.sort(key=lambda a: (a.role, CATEGORY_ORDER.index(a.category), a.index))
    return [action_card(sc, a.index) for a in plain]


def event_card(sc: CompiledScenario, index: int) -> Card:
    model, compiled = sc.model.events[index], sc.events[index]
    tag = tr("kit.card.event_tag") + (" · " + tr("kit.card.once") if model.once else "")
    lines = [Line("", text(model.text))]
    if model.when:
        lines.append(Line(tr("kit.card.only_when"), condition_text(sc, model.when)))
    if model.weight_modifiers:
        lines.append(Line(tr("kit.card.weight_modifiers"), modifiers_text(sc, model.weight_modifiers)))
    if model.effects:
        lines.append(Line(tr("kit.card.effects"), effects_text(sc, model.effects, compiled.effects)))
    lines.append(Line(tr("kit.card.risks"), risks_text(model.risks)))
    corner = tr("kit.card.weight", n=model.weight)
    return Card("event", model.id, text(model.headline), tag, corner, -1, tuple(lines))


def event_cards(sc: CompiledScenario) -> list[Card]:
    return [event_card(sc, i) for i in range(len(sc.model.events))]


def _roles(sc: CompiledScenario, ids: Sequence[str]) -> str:
    return ", ".join(role_name(sc, sc.role_index[r]) for r in dict.fromkeys(ids) if r in sc.role_index)


def term_card(sc: CompiledScenario, index: int) -> Card:
    """A proposal: who may put it to whom, what accepting and rejecting do, and its breach."""
    model, compiled = sc.model.terms[index], sc.terms[index]
    tag = tr("kit.card.term_tag", proposers=_roles(sc, model.proposers), to=_roles(sc, model.to))
    lines = [Line("", text(model.text))]
    if model.requires:
        lines.append(Line(tr("kit.card.needs"), condition_text(sc, model.requires)))
    for label, effects, done in (
        ("kit.card.on_accept", model.on_accept, compiled.on_accept),
        ("kit.card.on_reject", model.on_reject, compiled.on_reject),
        ("kit.card.ongoing", model.ongoing, compiled.ongoing),
    ):
        lines.append(Line(tr(label), effects_text(sc, effects, done) or tr("kit.card.nothing")))
    if model.sunset:
        lines.append(Line(tr("kit.card.sunset"), trn("kit.card.sunset_text", model.sunset)))
    breakers = [text(a.name) for a in sc.model.actions if model.id in a.breaks]
    if model.breach.when:
        lines.append(Line(tr("kit.card.breach_when"), condition_text(sc, model.breach.when)))
    if breakers:
        lines.append(Line(tr("kit.card.broken_by"), "; ".join(breakers)))
    price = effects_text(sc, model.breach.effects, compiled.breach_effects)
    lines.append(Line(tr("kit.card.breach_price"), f"{text(model.breach.headline)} ({price})"))
    risks = list(dict.fromkeys([*model.risks, *model.breach.risks]))
    if risks:
        lines.append(Line(tr("kit.card.risks"), risks_text(risks)))
    cost = cost_line(next(a for a in sc.actions if a.term == index))
    return Card("term", model.id, text(model.name), tag, cost, -1, tuple(lines))


def term_cards(sc: CompiledScenario) -> list[Card]:
    """Every term that some role can actually propose (a term no role can put forward is not a card)."""
    proposable = {a.term for a in sc.actions if a.term >= 0}
    return [term_card(sc, i) for i in range(len(sc.model.terms)) if i in proposable]


def posture_card(sc: CompiledScenario, index: int) -> Card:
    """A posture and its options, each with what it costs every turn it is held."""
    model, compiled = sc.model.postures[index], sc.postures[index]
    start = next(o for o in model.options if o.id == model.start)
    tag = tr("kit.card.posture_tag", role=role_name(sc, sc.role_index[model.owner]), start=text(start.name))
    lines = []
    for option, done in zip(model.options, compiled.options, strict=True):
        name = text(option.name) + (" · " + tr("kit.card.covert_tag") if option.covert else "")
        words = text(option.description)
        every = effects_text(sc, option.ongoing, done.ongoing)
        words += " " + tr("kit.card.every_turn", effects=every or tr("kit.card.nothing"))
        if option.risks:
            words += " " + tr("kit.card.risks_inline", risks=risks_text(option.risks))
        lines.append(Line(name, words))
    return Card("posture", model.id, text(model.name), tag, "", -1, tuple(lines))


def posture_cards(sc: CompiledScenario) -> list[Card]:
    return [posture_card(sc, i) for i in range(len(sc.model.postures))]
