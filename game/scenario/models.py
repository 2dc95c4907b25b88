"""The scenario format: pydantic models of the YAML files under ``game/scenarios/``.

Validated once at load; the engine then runs on the compact structures of ``runtime.py``.
Cross-references (does this role exist? is this id unique?) and conditions are checked by
``compiler.py`` and the modules it runs, so that each problem can point at its line. The format
deliberately has no field for targets, places, units or weapons: force exists only as a policy
posture. The building blocks (ids, texts, effects, checks) are in ``models_base``; memory
between roles, fatigue and scheduled beats in ``models_dynamics``; every name is importable
from here.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.scenario.models_base import (  # noqa: F401 - the format's names, all in one module
    CATEGORIES,
    EFFECT_KINDS,
    FORMAT_VERSION,
    AgreementEffect,
    Amount,
    CapitalEffect,
    Category,
    Check,
    Condition,
    Cost,
    CredibilityEffect,
    Delay,
    Effect,
    EffectBase,
    Effects,
    Exposure,
    FlagEffect,
    Id,
    LanguageCode,
    Model,
    Modifier,
    Outcome,
    PostureEffect,
    RiskId,
    StandingEffect,
    Text,
    TrackEffect,
)
from game.scenario.models_dynamics import Beat, Credibility, Fatigue  # noqa: F401

# ----------------------------------------------------------------------------- content


class Risk(Model):
    id: RiskId
    name: Text
    article: Text = Field(description="what the source article says about it")


class Source(Model):
    title: Text
    publisher: Text | None = None
    note: Text | None = None


class Track(Model):
    id: Id
    name: Text
    description: Text
    start: Annotated[int, Field(ge=0, le=100)]
    good: Literal["high", "low", "neutral"] = "neutral"
    hidden: bool = False
    risks: list[RiskId] = []


class Capital(Model):
    start: Annotated[int, Field(ge=0, le=50)]
    max: Annotated[int, Field(ge=1, le=50)] = 12
    income: Annotated[int, Field(ge=0, le=20)] = 2
    modifiers: list[Modifier] = []


class Objective(Model):
    id: Id
    text: Text
    weight: Annotated[int, Field(ge=1, le=10)] = 1
    measure: Condition = Field(description="a number 0-100 at the end, e.g. '100 - civilian_harm'")


class Briefing(Model):
    situation: Text
    pressures: Text
    success: Text


class Value(Model):
    measure: Condition = Field(description="a number 0-100, e.g. 'trust' or '100 - violence'")
    weight: Annotated[int, Field(ge=1, le=10)] = 1


class Persona(Model):
    """A stance a computer player can take for this role (e.g. hawkish or cautious)."""

    id: Id
    name: Text
    description: Text
    values: Annotated[list[Value], Field(min_length=1, max_length=10)]
    caution: Annotated[int, Field(ge=0, le=10, description="0 = risk-seeking, 10 = very cautious")] = 5


class Role(Model):
    id: Id
    name: Text
    short: Text
    action_points: Annotated[int, Field(ge=1, le=5)] = 2
    capital: Capital
    standing: Annotated[int, Field(ge=0, le=100)] = 50
    briefing: Briefing
    objectives: Annotated[list[Objective], Field(min_length=1, max_length=10)]
    threshold: Annotated[int, Field(ge=0, le=100)] = 50
    personas: list[Persona] = []


class Flag(Model):
    id: Id
    name: Text
    start: bool = False
    public: bool = True
    visible_to: list[Id] = Field([], description="roles that see this flag when it is not public")


class PostureOption(Model):
    id: Id
    name: Text
    description: Text
    covert: bool = False
    ongoing: Effects = []
    risks: list[RiskId] = []


class Posture(Model):
    id: Id
    name: Text
    owner: Id
    start: Id
    options: Annotated[list[PostureOption], Field(min_length=2, max_length=8)]


class Action(Model):
    id: Id
    role: Id
    category: Category
    name: Text
    description: Text
    tends: Text = Field(description="what it tends to do, in a line")
    cost: Cost = Cost()
    covert: bool = False
    requires: Condition | None = None
    once: bool = False
    cooldown: Annotated[int, Field(ge=0, le=24)] = 0
    risks: list[RiskId] = []
    headline: Text | None = None
    effects: Effects = []
    check: Check | None = None
    exposure: Exposure | None = None
    breaks: list[Id] = Field([], description="agreements that taking this action breaches")
    fatigue: Fatigue | None = Field(None, description="diminishing returns when ordered turn after turn")

    @model_validator(mode="after")
    def _covert_needs_exposure(self) -> Action:
        if self.covert and self.exposure is None:
            raise ValueError("a covert action needs an 'exposure' block")
        if not self.covert and self.exposure is not None:
            raise ValueError("'exposure' is only for covert actions (set covert: true)")
        return self


class Breach(Model):
    when: Condition | None = None
    headline: Text
    effects: Effects = []
    risks: list[RiskId] = []


class Term(Model):
    """A proposal one role may put to another; accepted, it becomes an agreement in force."""

    id: Id
    name: Text
    text: Text
    proposers: Annotated[list[Id], Field(min_length=1)]
    to: Annotated[list[Id], Field(min_length=1)]
    cost: Cost = Cost()
    requires: Condition | None = None
    on_accept: Effects = []
    on_reject: Effects = []
    ongoing: Effects = []
    sunset: Annotated[int, Field(ge=0, le=24, description="turns in force; 0 = no end")] = 0
    breach: Breach
    risks: list[RiskId] = []


class Rule(Model):
    id: Id
    when: Condition
    effects: Effects = []
    delay: Delay = 0
    once: bool = False
    cooldown: Annotated[int, Field(ge=0, le=24)] = 0
    # The world does not always push back the same way: a rule under 100 fires on a draw, in
    # each turn its condition holds (a turn it does not fire starts no cooldown).
    chance: Annotated[int, Field(ge=1, le=100, description="percent per turn its condition holds")] = 100
    risks: Annotated[list[RiskId], Field(min_length=1)]
    headline: Text


class Event(Model):
    id: Id
    weight: Annotated[int, Field(ge=1, le=100)] = 10
    weight_modifiers: list[Modifier] = []
    when: Condition | None = None
    once: bool = True
    headline: Text
    text: Text
    effects: Effects = []
    risks: Annotated[list[RiskId], Field(min_length=1)]


class Ending(Model):
    id: Id
    name: Text
    narrative: Text
    when: Condition | None = None
    timing: Literal["anytime", "final"] = "anytime"
    priority: int = 0
    risks: list[RiskId] = []


class Question(Model):
    text: Text
    risks: list[RiskId] = []


class Debrief(Model):
    questions: Annotated[list[Question], Field(min_length=1)]


class Scenario(Model):
    format: Literal[1] = Field(description="format version of this file")
    id: Id
    title: Text
    languages: Annotated[list[LanguageCode], Field(min_length=1)] = ["en"]
    turns: Annotated[int, Field(ge=1, le=40)] = 12
    intro: Text
    source: Source
    risks: Annotated[list[Risk], Field(min_length=1)]
    tracks: Annotated[list[Track], Field(min_length=1, max_length=40)]
    roles: Annotated[list[Role], Field(min_length=1, max_length=8)]
    flags: list[Flag] = []
    postures: list[Posture] = []
    actions: Annotated[list[Action], Field(min_length=1, max_length=300)]
    terms: list[Term] = []
    rules: list[Rule] = []
    events: list[Event] = []
    beats: list[Beat] = []
    credibility: Credibility | None = None
    endings: Annotated[list[Ending], Field(min_length=1)]
    debrief: Debrief
