"""The after-action report as data: what the renderers (Markdown, HTML) lay out.

Text is already in words (headlines and cause labels from ``game.story.words``, so the report reads
like the game); numbers stay numbers so each renderer can draw them its own way. Built by
``game.report.build.build_report`` from a session, with no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.report.typical import Typical


@dataclass(frozen=True, slots=True)
class TrackMove:
    track: str  # track name
    delta: int
    good: str  # high / low / neutral: which way is better for this track

    @property
    def better(self) -> bool | None:
        """True if the move is good news, False if bad, None for a neutral track."""
        if self.good == "neutral" or not self.delta:
            return None
        return (self.delta > 0) == (self.good == "high")


@dataclass(frozen=True, slots=True)
class Roll:
    d1: int
    d2: int
    modifier: int
    total: int
    outcome: str  # "success", "partial" or "failure"
    outcome_text: str
    physical: bool  # dice rolled at the table and entered by the facilitator


@dataclass(frozen=True, slots=True)
class OrderLine:
    role: str
    action: str
    covert: bool
    exposed_turn: int | None  # covert orders: the turn it came to light, None if never
    reason: str = ""  # a computer player's one-line reason
    roll: Roll | None = None
    skipped: str = ""  # why it could not go ahead at resolution, if it did not
    worn: str = ""  # it went ahead worn out (ordered too many turns running): said in words


@dataclass(frozen=True, slots=True)
class Decision:
    """A facilitator decision: an inject or an adjudication, with the written reason."""

    kind: str  # "inject" or "adjust"
    reason: str
    event: str = ""  # the inject's headline
    moves: tuple[TrackMove, ...] = ()


@dataclass(frozen=True, slots=True)
class Happening:
    """A line of the turn's story: news, answers, consequences, exposures, the ending."""

    kind: str  # log entry kind (event, rule, exposed, agreement, answer, proposal, ending, ...)
    text: str
    risks: tuple[str, ...]
    major: bool
    secret: bool = False  # hidden from the other teams during play
    reason: str = ""  # a computer player's reason (answers)


@dataclass(frozen=True, slots=True)
class TurnReport:
    turn: int
    news: str
    news_risks: tuple[str, ...]
    decisions: tuple[Decision, ...]
    orders: tuple[OrderLine, ...]
    happenings: tuple[Happening, ...]
    moves: tuple[TrackMove, ...]  # net change of each track over the turn
    tracks: tuple[int, ...]  # values at the end of the turn
    complete: bool = True  # False for the turn still being played
    notes: tuple[str, ...] = ()  # the facilitator's observer notes written at this turn


@dataclass(frozen=True, slots=True)
class ObjectiveLine:
    text: str
    weight: int
    start: int  # the objective's measure at the start of the game
    end: int


@dataclass(frozen=True, slots=True)
class RoleReport:
    id: str
    name: str
    seat: str  # who played it: a team, or a computer player and its level
    score: int
    threshold: int
    cleared: bool
    objectives: tuple[ObjectiveLine, ...]
    capital: int
    standing: int


@dataclass(frozen=True, slots=True)
class Contributor:
    label: str
    delta: int
    risks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """A strength or an area for improvement: a track that ended better or worse, and why."""

    track: str
    start: int
    end: int
    good: str
    because: tuple[Contributor, ...]


@dataclass(frozen=True, slots=True)
class Driver:
    """A track a condition read, its value then, and what had pushed it there."""

    track: str
    value: int
    pushes: tuple[Contributor, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """One step of a causal chain: something that happened, on which turns, and why."""

    kind: str  # consequence, news, inject, exposure, breach, posture, programme, failure, ending, delayed
    label: str
    turns: tuple[int, ...]
    moves: tuple[TrackMove, ...]  # the harm it did (tracks made worse), summed over its turns
    origin: str = ""  # where it came from: an order and its turn, a facilitator's reason ...
    drivers: tuple[Driver, ...] = ()


@dataclass(frozen=True, slots=True)
class RiskReport:
    id: str
    name: str
    article: str
    materialized: bool
    turns: tuple[int, ...]
    chain: tuple[Link, ...]

    @property
    def harm(self) -> int:
        """Track points its consequences moved the wrong way, over the game: how much it weighed."""
        return sum(abs(m.delta) for link in self.chain for m in link.moves)


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    risks: tuple[str, ...]
    materialized: tuple[str, ...]  # which of its risks materialized in this game


@dataclass(frozen=True, slots=True)
class Secret:
    """Something one team knew and the others did not, and whether it came out."""

    role: str
    what: str
    turn: int
    exposed_turn: int | None


@dataclass(frozen=True, slots=True)
class Series:
    """One track over the game: its start and its value at the end of each turn."""

    id: str
    name: str
    good: str
    values: tuple[int, ...]
    hidden: bool = False
    adjusted: tuple[int, ...] = ()  # turns on which the facilitator moved it


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    scenario_id: str
    scenario_title: str
    session_name: str
    seed: int
    turns_played: int
    turn_limit: int
    finished: bool
    ending: str
    ending_narrative: str
    common_ground: bool
    roles: tuple[RoleReport, ...]
    strengths: tuple[Finding, ...]
    improvements: tuple[Finding, ...]
    timeline: tuple[TurnReport, ...]
    series: tuple[Series, ...]
    risks: tuple[RiskReport, ...]
    questions: tuple[Question, ...]
    secrets: tuple[Secret, ...]
    counts: dict[str, int] = field(default_factory=dict)  # injects, adjustments, physical dice ...
    ending_names: tuple[str, ...] = ()  # every ending of the scenario, by index
    ending_ids: tuple[str, ...] = ()
    this_ending: int = -1  # the index of this game's ending (-1: unfinished)
    typical: Typical | None = None
    typical_note: str = ""  # why there is no "how typical" section, when there is none
    whatif: Comparison | None = None
    schedule: tuple[Any, ...] = ()  # the injects schedule against the game (story.schedule.InjectOutcome)
    feedback: Any = None  # participants' answers to the feedback form (report.feedback_answers), if any


@dataclass(frozen=True, slots=True)
class Parting:
    """One way the two games differ, from the turn it first shows."""

    turn: int
    what: str  # what differs, in words
    original: str
    whatif: str


@dataclass(frozen=True, slots=True)
class Side:
    """One of the two games, from the changed turn on."""

    ending: str
    finished: bool
    turns: int
    scores: tuple[tuple[str, int, int, bool], ...]  # (role, score, threshold, cleared)
    timeline: tuple[TurnReport, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    turn: int
    role: str
    before: tuple[str, ...]  # the role's recorded orders on that turn
    after: tuple[str, ...]  # the changed orders
    original: Side
    whatif: Side
    partings: tuple[Parting, ...]
    gaps: tuple[tuple[str, int, int, str], ...]  # (track, original end, what-if end, good), largest first
    dropped_orders: int
    stand_in: int  # decisions (a role's orders or answers) a computer stand-in made for a team
    recomputed: tuple[str, ...]  # computer-played roles that decided afresh after the games parted

    @property
    def diverged(self) -> bool:
        return bool(self.partings)
