"""Who trusts whose promises, and why: the trust table in words, for the board and the terminal.

"Mexico's trust in United States promises: low (25), since the Consent requirement was broken
in turn 4". Read from the state's trust table and the facts of the game (the last breach or
leak that cost each pair its trust), so every screen says the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.log import AG_BREACHED, L_AGREEMENT, L_EXPOSED, L_TRUST
from game.engine.state import State
from game.i18n import text, tr
from game.scenario.runtime import C_TRUST, TRUST_RECOVERY
from game.story.facts import Story
from game.story.words import action_name, role_name

LEVEL_KEYS = {"low": "trust.level.low", "usual": "trust.level.usual", "high": "trust.level.high"}


@dataclass(frozen=True, slots=True)
class TrustFact:
    holder: int
    other: int
    value: int
    level: str  # "low", "usual" or "high"
    turn: int  # when it last fell (0: never)
    because: str  # what made it fall, in words ('' if it never did)


def level_of(s: State, value: int) -> str:
    rules = s.scenario.credibility
    assert rules is not None
    return "low" if value < rules.low else "high" if value >= rules.high else "usual"


def trust_facts(s: State, story: Story, viewer: int | None = None) -> list[TrustFact]:
    """The pairs worth saying: those away from the usual level, and every pair of ``viewer``."""
    if s.scenario.credibility is None:
        return []
    n = len(s.scenario.roles)
    falls = _last_falls(story)
    out = []
    for holder in range(n):
        for other in range(n):
            if holder == other:
                continue
            value = s.credibility[holder * n + other]
            level = level_of(s, value)
            if level == "usual" and viewer not in (holder, other):
                continue
            turn, because = falls.get(holder * n + other, (0, ""))
            out.append(TrustFact(holder, other, value, level, turn, because))
    return out


def _last_falls(story: Story) -> dict[int, tuple[int, str]]:
    """For each pair, the turn trust last fell and what caused it (a breach or a leak)."""
    sc = story.scenario
    out: dict[int, tuple[int, str]] = {}
    for turn in story.turns:
        what = ""
        for beat in sorted(turn.beats, key=lambda b: b.at):
            if beat.kind == L_AGREEMENT and beat.value == AG_BREACHED:
                what = tr("trust.because.breach", term=text(sc.model.terms[beat.subject].name))
            elif beat.kind == L_EXPOSED:
                what = tr("trust.because.exposure", action=action_name(sc, beat.subject))
            for change in beat.changes:
                falling = change.kind == L_TRUST and change.value < 0
                if (
                    falling
                    and change.cause
                    and change.cause[0] == C_TRUST
                    and change.cause[1] != TRUST_RECOVERY
                ):
                    out[change.subject] = (turn.turn, what)
    return out


def trust_line(s: State, fact: TrustFact) -> str:
    sc = s.scenario
    line = tr(
        "trust.line",
        holder=role_name(sc, fact.holder),
        other=role_name(sc, fact.other),
        level=tr(LEVEL_KEYS[fact.level]),
        value=fact.value,
    )
    if fact.because and fact.level != "high":
        line += tr("trust.since", because=fact.because, turn=fact.turn)
    return line
