"""Which article risks materialized: one definition, read from the facts of a game.

A risk *materialized* when a consequence carrying it made the situation worse: a consequence
rule or a news item that moved a track the wrong way, a covert programme exposed, an agreement
broken, a posture's or a covert programme's running costs, a failed or partial check, a delayed
effect landing, or the game ending in an ending that names the risk. Plain choices (an order's
intended effects, an accepted agreement) are not materializations: they are what the teams
chose. The end screen, the report and the balance benchmark ("felt" risks) all use this.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from game.engine.log import (
    AG_BREACHED,
    L_AGREEMENT,
    L_BEAT,
    L_ENDING,
    L_EVENT,
    L_EXPOSED,
    L_ORDER,
    L_RULE,
    L_TRACK,
)
from game.scenario.runtime import (
    C_ACTION,
    C_DELAYED,
    C_POSTURE,
    C_PROGRAMME,
    C_TERM,
    PART_FAILURE,
    PART_PARTIAL,
    PROG_ONGOING,
    TERM_BREACH,
    Cause,
    CompiledScenario,
)
from game.story.facts import UPKEEP, Beat, Change, Story

# Kinds of consequence, in the order a chain of them is best read within one turn.
KINDS = (
    "inject",
    "news",
    "beat",
    "failure",
    "exposure",
    "breach",
    "programme",
    "posture",
    "delayed",
    "consequence",
)
ENDING = "ending"


@dataclass(frozen=True, slots=True)
class Consequence:
    """What one cause did in one turn, as a consequence (not a choice)."""

    turn: int
    kind: str  # one of KINDS, or ENDING
    beat: Beat
    cause: Cause  # the cause whose changes count (a failed check's, not its order's)
    risks: tuple[str, ...]
    harm: tuple[tuple[int, int], ...]  # (track, sum of its moves the wrong way), by track
    always: bool  # counts even without harm: an exposure, a breach, an ending naming risks

    @property
    def materialized(self) -> bool:
        return bool(self.risks) and (self.always or bool(self.harm))


def is_bad(sc: CompiledScenario, track: int, delta: int) -> bool:
    """Did this move make the track worse (for a track with a better direction)?"""
    good = sc.model.tracks[track].good
    if good == "neutral" or not delta:
        return False
    return (delta > 0) != (good == "high")


def consequences(story: Story) -> list[Consequence]:
    """Every consequence of the game, materialized or not, turn by turn."""
    sc = story.scenario
    out: list[Consequence] = []
    for turn in story.turns:
        for beat in turn.beats:
            out.extend(_of_beat(sc, turn.turn, beat))
    return out


def materialized(story: Story) -> list[Consequence]:
    return [c for c in consequences(story) if c.materialized]


# What a player feels of a risk: the world's reaction (a consequence rule, a news item, a beat on
# the clock, an ending), not the price of a choice it made itself (a failed check, a posture's
# costs, a breach or a leak of its own doing) - the balance benchmark's measure, a part of the
# materialized consequences above.
FELT_KINDS = frozenset({"consequence", "news", "inject", "beat", ENDING})


def felt_risks(story: Story) -> set[str]:
    """The risks felt in the game: a rule, news item, beat or ending carrying it that made the
    situation worse (the ending by coming at all)."""
    return {risk for c in materialized(story) if c.kind in FELT_KINDS for risk in c.risks}


def felt_points(story: Story) -> Counter[str]:
    """How much each felt risk cost: the track points its felt consequences moved the wrong way
    (an ending that names it counts one point). A risk felt in every game can still be felt far
    more under some choices than others; this is the measure of how much."""
    points: Counter[str] = Counter()
    for c in materialized(story):
        if c.kind in FELT_KINDS:
            cost = sum(abs(d) for _, d in c.harm) or int(c.always)
            for risk in c.risks:
                points[risk] += cost
    return points


def _of_beat(sc: CompiledScenario, turn: int, beat: Beat) -> list[Consequence]:
    kind, cause = beat.kind, beat.cause
    if kind == L_RULE:
        return [_made(sc, turn, "consequence", beat, cause)]
    if kind == L_EVENT:
        return [_made(sc, turn, "inject" if beat.value else "news", beat, cause)]
    if kind == L_BEAT:
        return [_made(sc, turn, "beat", beat, cause)]
    if kind == L_EXPOSED:
        return [_made(sc, turn, "exposure", beat, cause, always=True)]
    if kind == L_AGREEMENT and beat.value == AG_BREACHED:
        breach = sc.terms[beat.subject].causes[TERM_BREACH]
        return [_made(sc, turn, "breach", beat, breach, always=True)]
    if kind == L_ENDING:
        risks = tuple(sc.model.endings[beat.subject].risks)
        return [_made(sc, turn, ENDING, beat, cause, always=bool(risks), risks=risks)]
    if kind == L_ORDER:
        failed = {c.cause for c in beat.changes if _failed_part(c.cause)}
        return [_made(sc, turn, "failure", beat, part) for part in sorted(failed)]
    if kind == UPKEEP and cause:
        head = cause[0]
        if head == C_DELAYED:
            return [_made(sc, turn, "delayed", beat, cause)]
        if head == C_PROGRAMME and cause[2] == PROG_ONGOING:
            return [_made(sc, turn, "programme", beat, cause)]
        if head == C_POSTURE:
            return [_made(sc, turn, "posture", beat, cause)]
        if head == C_TERM and cause[2] == TERM_BREACH:
            return [_made(sc, turn, "breach", beat, cause)]
    return []


def _failed_part(cause: Cause) -> bool:
    return bool(cause) and cause[0] == C_ACTION and cause[2] in (PART_FAILURE, PART_PARTIAL)


def _made(
    sc: CompiledScenario,
    turn: int,
    kind: str,
    beat: Beat,
    cause: Cause,
    *,
    always: bool = False,
    risks: tuple[str, ...] | None = None,
) -> Consequence:
    counted = beat.changes if kind != "failure" else tuple(c for c in beat.changes if c.cause == cause)
    harm = _harm(sc, counted)
    return Consequence(turn, kind, beat, cause, sc.risks_of(cause) if risks is None else risks, harm, always)


def _harm(sc: CompiledScenario, changes: tuple[Change, ...]) -> tuple[tuple[int, int], ...]:
    total: Counter[int] = Counter()
    for change in changes:
        if change.kind == L_TRACK and is_bad(sc, change.subject, change.value):
            total[change.subject] += change.value
    return tuple(sorted((t, d) for t, d in total.items() if d))
