"""The scenario's dynamics, compiled: trust between roles, fatigue of repeated orders, beats."""

from __future__ import annotations

import dataclasses

from game.scenario import models as m
from game.scenario.compile_actions import check_of
from game.scenario.compile_effects import effects
from game.scenario.crossref import Index
from game.scenario.runtime import C_BEAT, E_TRACK, CAction, CBeat, CCredibility, CEffect
from game.scenario.yaml_loader import YamlPath


def compile_credibility(ix: Index) -> CCredibility | None:
    c = ix.s.credibility
    if c is None:
        return None
    ix.risks(c.risks, ("credibility", "risks"))
    return CCredibility(c.start, c.recovery, c.low, c.high, c.breach, c.exposure, c.refuse_below)


def with_fatigue(action: CAction, fatigue: m.Fatigue | None) -> CAction:
    """The action with what is left of its immediate track effects once it has worn out."""
    if fatigue is None:
        return action
    tired = tuple(_tired(e, fatigue.keep) for e in action.effects)
    return dataclasses.replace(action, fatigue_after=fatigue.after, tired_effects=tired)


def _tired(effect: CEffect, keep: int) -> CEffect:
    if effect.kind != E_TRACK or effect.is_set or effect.delay:
        return effect
    value = int(effect.value * keep / 100)  # toward zero: a worn-out order never does more
    return dataclasses.replace(effect, value=value)


def compile_beat(ix: Index, i: int, beat: m.Beat) -> CBeat:
    path: YamlPath = ("beats", i)
    ix.risks(beat.risks, path + ("risks",))
    after = -1
    if beat.at.after_flag is not None:
        after = ix.lookup(ix.flag_index, beat.at.after_flag, "flag", path + ("at", "after_flag"))
    if beat.at.turn is not None and beat.at.turn > ix.s.turns:
        ix.report.add(path + ("at", "turn"), f"turn {beat.at.turn} is after the game's last ({ix.s.turns})")
    return CBeat(
        index=i,
        turn=beat.at.turn if beat.at.turn is not None else -1,
        after_flag=after,
        turns=beat.at.turns,
        when=ix.condition(beat.when, path + ("when",)),
        effects=effects(ix, beat.effects, path + ("effects",)),
        check=check_of(ix, beat.check, path + ("check",)) if beat.check is not None else None,
        causes=tuple((C_BEAT, i, part) for part in range(4)),
    )
