"""Compact runtime form of a scenario: what the engine's hot path reads.

Everything is indexes, tuples and pre-compiled closures; text stays in the pydantic model
(``CompiledScenario.model``) and is only looked up when something is shown to a person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.scenario.models import CATEGORIES, Scenario

Getter = Callable[[Any], Any]
# A cause: a small tuple whose first item is one of the C_* kinds below (shapes beside each).
# Plain tuples, not records: they are dictionary keys (risks_by_cause) and part of the state's
# fingerprint that saves record, so their form is kept exactly as saves have always seen it.
Cause = tuple[Any, ...]

# Effect kinds (first element of a compiled effect).
E_TRACK, E_FLAG, E_POSTURE, E_CAPITAL, E_STANDING, E_AGREEMENT, E_CREDIBILITY = range(7)
EFFECT_KIND_BY_NAME = {
    "track": E_TRACK,
    "flag": E_FLAG,
    "posture": E_POSTURE,
    "capital": E_CAPITAL,
    "standing": E_STANDING,
    "agreement": E_AGREEMENT,
    "credibility": E_CREDIBILITY,  # index: holder * roles + the role it trusts (a pair)
}
AGREEMENT_END, AGREEMENT_BREACH = 0, 1


@dataclass(frozen=True, slots=True)
class CEffect:
    """A compiled effect: change (or with ``is_set``, set) one thing, maybe later, maybe if.

    A slots dataclass, not a NamedTuple: the engine reads its fields by name on the hot path,
    which is as fast as unpacking a plain tuple (unpacking a NamedTuple is three times slower).
    """

    kind: int  # E_TRACK, E_FLAG ...
    index: int  # which track, flag, posture, role or term
    value: int
    is_set: bool
    delay: int  # turns from now; 0 = at once
    when: Getter | None  # a condition tested when the effect applies
    # Worked out once, for the engine's hot loop (``engine.effects.apply_effects``): a track
    # moved by a number now and unconditionally (most effects), and, for a delayed effect, the
    # effect it becomes when it lands (the same, now and without a condition).
    plain: bool = field(init=False, repr=False, compare=False)
    landed: CEffect | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        plain = self.kind == E_TRACK and not self.is_set and not self.delay and self.when is None
        object.__setattr__(self, "plain", plain)
        later = CEffect(self.kind, self.index, self.value, self.is_set, 0, None) if self.delay else None
        object.__setattr__(self, "landed", later)

    def key(self) -> tuple[int, int, int, bool, int]:
        """What the effect does, as plain values (for fingerprints and comparisons)."""
        return (self.kind, self.index, self.value, self.is_set, self.delay)


# Causes: small tuples naming where a change came from; built once at compile time.
C_ACTION = "action"  # (C_ACTION, action, part) part: 0 base, 1 success, 2 partial, 3 failure
C_RULE = "rule"  # (C_RULE, rule)
C_EVENT = "event"  # (C_EVENT, event)
C_TERM = "term"  # (C_TERM, term, part) part: accept, reject, ongoing, breach, sunset
C_POSTURE = "posture"  # (C_POSTURE, posture, option)
C_PROGRAMME = "programme"  # (C_PROGRAMME, action, part) part: ongoing, exposed
C_INCOME = "income"  # (C_INCOME, role)
C_FACILITATOR = "facilitator"  # (C_FACILITATOR, n) - the nth facilitator decision of the game
C_DELAYED = "delayed"  # (C_DELAYED, original cause, turn it was caused)
C_ROLE = "role"  # (C_ROLE, role) - a role's own answer to a proposal
C_ENDING = "ending"  # (C_ENDING, ending) - the game ended
C_HIDDEN = "hidden"  # (C_HIDDEN,) - in a view: a cause this viewer may not know
C_BEAT = "beat"  # (C_BEAT, beat, part) part: 0 the beat itself, 1-3 its check's outcome
C_TRUST = "trust"  # (C_TRUST, part) part: TRUST_RECOVERY, TRUST_BREACH, TRUST_EXPOSURE
TRUST_RECOVERY, TRUST_BREACH, TRUST_EXPOSURE = range(3)

PART_BASE, PART_SUCCESS, PART_PARTIAL, PART_FAILURE = 0, 1, 2, 3
OUTCOME_NAMES = ("base", "success", "partial", "failure")
TERM_ACCEPT, TERM_REJECT, TERM_ONGOING, TERM_BREACH, TERM_SUNSET = range(5)
PROG_ONGOING, PROG_EXPOSED = 0, 1

ACTION_PLAIN, ACTION_PROPOSE = 0, 1


@dataclass(frozen=True, slots=True)
class CModifier:
    when: Getter
    add: int
    index: int  # position in the model's list, to find its label


@dataclass(frozen=True, slots=True)
class CCheck:
    target: int
    partial_from: int  # == target when there is no partial outcome
    modifiers: tuple[CModifier, ...]
    success: tuple[CEffect, ...]
    partial: tuple[CEffect, ...]
    failure: tuple[CEffect, ...]


@dataclass(frozen=True, slots=True)
class CExposure:
    chance: int
    growth: int
    turns: int
    modifiers: tuple[CModifier, ...]
    ongoing: tuple[CEffect, ...]
    effects: tuple[CEffect, ...]
    cause_ongoing: tuple[Any, ...]
    cause_exposed: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class CAction:
    index: int
    id: str
    kind: int  # ACTION_PLAIN or ACTION_PROPOSE
    role: int
    category: int
    ap: int
    capital: int
    covert: bool
    requires: Getter | None
    once: bool
    cooldown: int
    effects: tuple[CEffect, ...]
    check: CCheck | None
    exposure: CExposure | None
    breaks: tuple[int, ...]
    causes: tuple[tuple[Any, ...], ...]  # by part: base, success, partial, failure
    term: int = -1  # proposals: which term
    to: int = -1  # proposals: to which role
    fatigue_after: int = 0  # ordered more than this many turns in a row, it wears out (0: never)
    tired_effects: tuple[CEffect, ...] = ()  # its effects once worn out


@dataclass(frozen=True, slots=True)
class CTerm:
    index: int
    id: str
    proposers: frozenset[int]
    to: frozenset[int]
    requires: Getter | None
    on_accept: tuple[CEffect, ...]
    on_reject: tuple[CEffect, ...]
    ongoing: tuple[CEffect, ...]
    sunset: int
    breach_when: Getter | None
    breach_effects: tuple[CEffect, ...]
    causes: tuple[tuple[Any, ...], ...]  # by part: accept, reject, ongoing, breach, sunset


@dataclass(frozen=True, slots=True)
class CPostureOption:
    covert: bool
    ongoing: tuple[CEffect, ...]
    cause: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class CPosture:
    index: int
    id: str
    owner: int
    start: int
    options: tuple[CPostureOption, ...]
    option_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CRule:
    index: int
    when: Getter
    effects: tuple[CEffect, ...]
    delay: int
    once: bool
    cooldown: int
    cause: tuple[Any, ...]
    chance: int = 100


@dataclass(frozen=True, slots=True)
class CEvent:
    index: int
    weight: int
    weight_modifiers: tuple[CModifier, ...]
    when: Getter | None
    once: bool
    effects: tuple[CEffect, ...]
    cause: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class CBeat:
    """A scheduled moment: at ``turn``, or ``turns`` after ``after_flag`` was first set."""

    index: int
    turn: int  # -1 when it follows a flag
    after_flag: int  # -1 when it comes at a turn
    turns: int
    when: Getter | None
    effects: tuple[CEffect, ...]
    check: CCheck | None
    causes: tuple[tuple[Any, ...], ...]  # by part: the beat, success, partial, failure


@dataclass(frozen=True, slots=True)
class CCredibility:
    """Trust between roles: a table roles x roles of 0-100, and what moves it."""

    start: int
    recovery: int
    low: int
    high: int
    breach: int
    exposure: int
    refuse_below: int


@dataclass(frozen=True, slots=True)
class CEnding:
    index: int
    when: Getter | None
    timing_final: bool
    priority: int


@dataclass(frozen=True, slots=True)
class CPersona:
    id: str
    values: tuple[tuple[Getter, int], ...]  # (measure, weight) the persona cares about
    caution: int


@dataclass(frozen=True, slots=True)
class CRole:
    index: int
    id: str
    action_points: int
    capital_start: int
    capital_max: int
    income: int
    income_modifiers: tuple[CModifier, ...]
    standing: int
    objectives: tuple[tuple[Getter, int], ...]  # (measure, weight)
    threshold: int
    income_cause: tuple[Any, ...]
    personas: tuple[CPersona, ...] = ()


@dataclass(frozen=True, slots=True)
class Secrets:
    """Where the secrets are, so a role's view can be redacted without scanning everything."""

    covert_actions: tuple[int, ...]
    hidden_tracks: frozenset[int]
    private_flags: frozenset[int]
    flag_viewers: tuple[frozenset[int], ...]  # per flag: roles that see it although it is private
    covert_postures: bool  # does any posture have a covert option?
    others_covert: tuple[tuple[int, ...], ...] = ()  # per role: the other roles' covert actions


@dataclass(slots=True)
class CompiledScenario:
    """The validated model plus its runtime tables; built once by ``compiler.compile_scenario``."""

    model: Scenario
    content_hash: str
    source_path: str
    track_ids: tuple[str, ...]
    track_start: tuple[int, ...]
    role_ids: tuple[str, ...]
    flag_ids: tuple[str, ...]
    flag_start: tuple[bool, ...]
    roles: tuple[CRole, ...]
    postures: tuple[CPosture, ...]
    actions: tuple[CAction, ...]
    terms: tuple[CTerm, ...]
    rules: tuple[CRule, ...]
    events: tuple[CEvent, ...]
    endings: tuple[CEnding, ...]  # anytime endings by priority, then final ones
    fallback_ending: int
    secrets: Secrets
    beats: tuple[CBeat, ...] = ()
    # Per turn 0..turns + 1, the beats that may come then in the scenario's order: those set for
    # that turn and every one that follows a flag (the last entry, for any later turn, holds
    # only these). Most turns' news checks none.
    beats_by_turn: tuple[tuple[CBeat, ...], ...] = ()
    credibility: CCredibility | None = None
    # Does any of trust, fatigue, streaks or beats decide this scenario's future? (If not, they
    # stay out of the state's fingerprint, so games saved before they existed still replay.)
    dynamic: bool = False
    action_index: dict[str, int] = field(default_factory=dict)
    track_index: dict[str, int] = field(default_factory=dict)
    role_index: dict[str, int] = field(default_factory=dict)
    term_index: dict[str, int] = field(default_factory=dict)
    event_index: dict[str, int] = field(default_factory=dict)
    actions_by_role: tuple[tuple[int, ...], ...] = ()
    # Per role, (index, ap, capital, once, cooldown, requirement, term or -1) for each order:
    # the legality test of random play and search reads these flat tuples.
    order_table: tuple[tuple[tuple[int, int, int, bool, int, Getter | None, int], ...], ...] = ()
    # Per action: may its requirement read a cell its role's view hides (another role's covert
    # order or capital, a covert posture, a hidden track, a private flag)? If not, the state
    # judges it exactly as the view would, and no view is made to check an order.
    needs_view: tuple[bool, ...] = ()
    # Rules as (index, when, once, cooldown, delay, effects with the rule's delay added, cause).
    rule_table: tuple[tuple[Any, ...], ...] = ()
    # Events as (index, weight, once, when, weight modifiers).
    event_table: tuple[tuple[Any, ...], ...] = ()
    risks_by_cause: dict[tuple[Any, ...], tuple[str, ...]] = field(default_factory=dict)
    category_names: tuple[str, ...] = CATEGORIES
    # The tables above as generated functions (``compile_code.HotCode``), read by the engine.
    code: Any = None

    @property
    def turns(self) -> int:
        return self.model.turns

    @property
    def id(self) -> str:
        return self.model.id

    def risks_of(self, cause: tuple[Any, ...]) -> tuple[str, ...]:
        """The article risks a change draws on, following delayed causes to their origin."""
        while cause and cause[0] == C_DELAYED:
            cause = cause[1]
        return self.risks_by_cause.get(cause, ())
