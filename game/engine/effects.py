"""Applying compiled effects to a (copied) state, logging each change with its cause."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from game.engine import trust
from game.engine.log import (
    AG_BREACHED,
    AG_ENDED,
    AG_IN_FORCE,
    L_AGREEMENT,
    L_CAPITAL,
    L_FLAG,
    L_POSTURE,
    L_SCHEDULED,
    L_STANDING,
    L_TRACK,
    Line,
    Scheduled,
)
from game.engine.state import State
from game.scenario.runtime import (
    AGREEMENT_BREACH,
    E_AGREEMENT,
    E_CAPITAL,
    E_CREDIBILITY,
    E_FLAG,
    E_POSTURE,
    E_STANDING,
    E_TRACK,
    CEffect,
)

Cause = tuple[Any, ...]


def apply_effects(s: State, effects: Iterable[CEffect], cause: Cause, log: list[Line]) -> None:
    """Apply effects in order; conditional ones are tested now, delayed ones are scheduled."""
    tracks = s.tracks
    for effect in effects:
        index = effect.index
        if effect.plain:  # a track moved by a number, now: most effects, so tested first
            old = tracks[index]
            new = old + effect.value
        else:
            when = effect.when
            if when is not None and not when(s):
                continue
            kind, value = effect.kind, effect.value
            if effect.delay:
                due = s.turn + effect.delay
                landed = effect.landed  # made by the compiler: this effect, now and unconditional
                assert landed is not None
                s.scheduled = s.scheduled + (Scheduled(due, landed, cause, s.turn),)
                log.append((L_SCHEDULED, due, kind, cause))
                continue
            if kind == E_FLAG:  # the next most common: written here, not in apply_other's call
                if value and s.flag_since[index] < 0:
                    s.flag_since[index] = s.turn
                if s.flags[index] != value:
                    s.flags[index] = value
                    log.append((L_FLAG, index, value, cause))
                continue
            if kind != E_TRACK:
                apply_other(s, kind, index, value, cause, log)
                continue
            old = tracks[index]
            new = value if effect.is_set else old + value
        if new < 0:
            new = 0
        elif new > 100:
            new = 100
        if new != old:
            tracks[index] = new
            log.append((L_TRACK, index, new - old, cause))


def apply_other(s: State, kind: int, index: int, value: int, cause: Cause, log: list[Line]) -> None:
    """An effect on anything but a track or a flag (those are ``apply_effects``' own)."""
    if kind == E_CAPITAL:
        old = s.capital[index]
        new = min(max(old + value, 0), s.scenario.roles[index].capital_max)
        if new != old:
            s.capital[index] = new
            log.append((L_CAPITAL, index, new - old, cause))
    elif kind == E_STANDING:
        old = s.standing[index]
        new = min(max(old + value, 0), 100)
        if new != old:
            s.standing[index] = new
            log.append((L_STANDING, index, new - old, cause))
    elif kind == E_CREDIBILITY:
        trust.change_trust(s, index, value, cause, log)
    elif kind == E_POSTURE:
        set_posture(s, index, value, cause, log)
    elif kind == E_AGREEMENT:
        if s.agreements[index] == AG_IN_FORCE:
            if value == AGREEMENT_BREACH:
                breach(s, index, cause, log)
            else:
                s.agreements[index] = AG_ENDED
                log.append((L_AGREEMENT, index, AG_ENDED, cause))


def set_posture(s: State, index: int, option: int, cause: Cause, log: list[Line]) -> None:
    if s.postures[index] == option:
        return
    s.postures[index] = option
    if not s.scenario.postures[index].options[option].covert:
        s.posture_public[index] = option
    log.append((L_POSTURE, index, option, cause))


def breach(s: State, term: int, cause: Cause, log: list[Line]) -> None:
    """An agreement in force is broken: it ends, the breach is remembered, its price is paid."""
    s.agreements[term] = AG_BREACHED
    s.broken[term] = 1
    log.append((L_AGREEMENT, term, AG_BREACHED, cause))
    compiled = s.scenario.terms[term]
    apply_effects(s, compiled.breach_effects, compiled.causes[3], log)
    trust.after_breach(s, term, cause, log)
