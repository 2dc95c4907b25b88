"""What a computer player wants: its persona's measures, blended with the role's objectives.

A *stance* turns a state into one number, 0-100, the way the role's final score does (a
weighted mean of clamped measures). A persona (hawkish, cautious, ...) shifts the weights
towards its own values; without one the stance is the role's objectives alone. The stance also
knows which tracks each measure reads and in which direction, so that a reason can name them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.engine import new_game
from game.i18n import text
from game.scenario.runtime import CompiledScenario, CPersona

Getter = Callable[[Any], Any]

PERSONA_SHARE = 0.6  # with a persona, its values weigh this much; the role's objectives the rest
PROBE = 10  # how far a track is moved to see which way a measure reads it


class PersonaError(ValueError):
    """An unknown persona id for a role; the message lists the known ones."""


@dataclass(frozen=True, slots=True)
class Stance:
    role: int
    persona: str | None  # persona id, or None: the role's own objectives
    terms: tuple[tuple[Getter, float], ...]  # (measure, weight); weights sum to 1
    caution: int  # 0 risk-seeking ... 10 very cautious
    track_weight: tuple[
        float, ...
    ]  # d(value)/d(track) near the start: how much each track matters, and which way

    def value(self, state: Any) -> float:
        """The state's worth to this stance, 0-100 (measures clamped as in the final score)."""
        total = 0.0
        for measure, weight in self.terms:
            v = measure(state)
            if v < 0:
                v = 0
            elif v > 100:
                v = 100
            total += v * weight
        return total

    def name(self, scenario: CompiledScenario) -> str:
        """The persona's name for people, or the role's short name when it has none."""
        role = scenario.model.roles[self.role]
        if self.persona is None:
            return text(role.short)
        persona = next(p for p in role.personas if p.id == self.persona)
        return text(persona.name)


def find_persona(scenario: CompiledScenario, role: int, persona: str | None) -> CPersona | None:
    if persona is None:
        return None
    for candidate in scenario.roles[role].personas:
        if candidate.id == persona:
            return candidate
    known = ", ".join(p.id for p in scenario.roles[role].personas) or "none in this scenario"
    raise PersonaError(f"role {scenario.role_ids[role]!r} has no persona {persona!r} (personas: {known})")


def build_stance(scenario: CompiledScenario, role: int, persona: str | None = None) -> Stance:
    """The stance of ``role`` under ``persona`` (an id from the scenario) or its objectives."""
    objectives = scenario.roles[role].objectives
    chosen = find_persona(scenario, role, persona)
    terms = _normalised(objectives, 1.0)
    caution = 5
    if chosen is not None:
        terms = _normalised(chosen.values, PERSONA_SHARE) + _normalised(objectives, 1.0 - PERSONA_SHARE)
        caution = chosen.caution
    weights = _track_weights(scenario, terms)
    return Stance(role, chosen.id if chosen else None, terms, caution, weights)


def _normalised(pairs: tuple[tuple[Getter, int], ...], share: float) -> tuple[tuple[Getter, float], ...]:
    total = sum(weight for _, weight in pairs) or 1
    return tuple((measure, share * weight / total) for measure, weight in pairs)


def _track_weights(scenario: CompiledScenario, terms: tuple[tuple[Getter, float], ...]) -> tuple[float, ...]:
    """How the stance's value moves per point of each track, measured around the start values."""
    probe = new_game(scenario, 0)  # any state will do: only its tracks are moved
    probe.tracks = list(scenario.track_start)
    out = []
    for track, start in enumerate(scenario.track_start):
        low, high = max(start - PROBE, 0), min(start + PROBE, 100)
        if high == low:
            out.append(0.0)
            continue
        slope = 0.0
        for measure, weight in terms:
            probe.tracks[track] = high
            up = measure(probe)
            probe.tracks[track] = low
            down = measure(probe)
            probe.tracks[track] = start
            slope += weight * (float(up) - float(down)) / (high - low)
        out.append(slope)
    return tuple(out)
