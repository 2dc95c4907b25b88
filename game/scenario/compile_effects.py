"""Effects and modifiers, compiled: which thing changes, by how much, when and if."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.scenario import models as m
from game.scenario.crossref import Index
from game.scenario.runtime import AGREEMENT_BREACH, AGREEMENT_END, EFFECT_KIND_BY_NAME, CEffect, CModifier
from game.scenario.yaml_loader import YamlPath


def modifiers(ix: Index, mods: Sequence[m.Modifier], path: YamlPath) -> tuple[CModifier, ...]:
    return tuple(
        CModifier(ix.need(ix.condition(mod.when, path + (i, "when"))), mod.add, i)
        for i, mod in enumerate(mods)
    )


def effects(ix: Index, items: Sequence[Any], path: YamlPath) -> tuple[CEffect, ...]:
    """Each effect as (kind, index, value, is_set, delay, when); unknown ids are reported."""
    out: list[CEffect] = []
    for i, eff in enumerate(items):
        here = path + (i,)
        when = ix.condition(eff.when, here + ("when",))
        kind, index, value, is_set = _target(ix, eff, here)
        out.append(CEffect(EFFECT_KIND_BY_NAME[kind], index, value, is_set, eff.delay, when))
    return tuple(out)


def _target(ix: Index, eff: Any, here: YamlPath) -> tuple[str, int, int, bool]:
    """What one effect changes: (kind name, index in its table, value, whether it sets)."""
    if isinstance(eff, m.TrackEffect):
        index = ix.lookup(ix.track_index, eff.track, "track", here + ("track",))
        is_set = eff.set is not None
        value = eff.set if is_set else eff.add
        return "track", index, int(value or 0), is_set
    if isinstance(eff, m.FlagEffect):
        return "flag", ix.lookup(ix.flag_index, eff.flag, "flag", here + ("flag",)), int(eff.set), True
    if isinstance(eff, m.PostureEffect):
        index = ix.lookup(ix.posture_index, eff.posture, "posture", here + ("posture",))
        return "posture", index, _posture_option(ix, eff, index, here), True
    if isinstance(eff, m.CapitalEffect):
        return "capital", ix.lookup(ix.role_index, eff.capital, "role", here + ("capital",)), eff.add, False
    if isinstance(eff, m.StandingEffect):
        return (
            "standing",
            ix.lookup(ix.role_index, eff.standing, "role", here + ("standing",)),
            eff.add,
            False,
        )
    if isinstance(eff, m.CredibilityEffect):
        holder = ix.lookup(ix.role_index, eff.credibility, "role", here + ("credibility",))
        of = ix.lookup(ix.role_index, eff.of, "role", here + ("of",))
        if ix.s.credibility is None:
            ix.report.add(here + ("credibility",), "a credibility effect needs a 'credibility' section")
        return "credibility", holder * len(ix.s.roles) + of, eff.add, False
    index = ix.lookup(ix.term_index, eff.agreement, "term", here + ("agreement",))
    return "agreement", index, AGREEMENT_BREACH if eff.set == "breach" else AGREEMENT_END, True


def _posture_option(ix: Index, eff: m.PostureEffect, index: int, here: YamlPath) -> int:
    if eff.posture not in ix.posture_index:
        return 0
    options = [o.id for o in ix.s.postures[index].options]
    if eff.set in options:
        return options.index(eff.set)
    ix.report.add(
        here + ("set",), f"posture {eff.posture!r} has no option {eff.set!r} (it has {', '.join(options)})"
    )
    return 0
