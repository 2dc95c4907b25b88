"""The scenario format: pydantic models of the YAML files under ``game/scenarios/``.

Validated once at load; the engine then runs on the compact structures of ``runtime.py``.
Cross-references (does this role exist? is this id unique?) and conditions are checked by
``compiler.py`` and the modules it runs, so that each problem can point at its line. The format
deliberately has no field for targets, places, units or weapons: force exists only as a policy
posture.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

FORMAT_VERSION = 1

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", min_length=1, max_length=48)]
RiskId = Annotated[str, Field(pattern=r"^R[0-9]{1,2}$")]
Condition = Annotated[str, Field(min_length=1, max_length=500)]
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2}$")]
Text = Annotated[
    str | dict[LanguageCode, Annotated[str, Field(max_length=4000)]],
    Field(description="Plain text, or a map of language code to text: {en: ..., es: ...}"),
]
Amount = Annotated[int, Field(ge=-100, le=100)]
Delay = Annotated[int, Field(ge=0, le=24, description="Turns before the effect lands (0 = now)")]
Category = Literal["diplomatic", "legal", "public", "policy"]
CATEGORIES: tuple[str, ...] = ("diplomatic", "legal", "public", "policy")


class Model(BaseModel):
    """Strict and closed: YAML gives real types, and an unknown key is a typo to report."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# ----------------------------------------------------------------------------- effects


class EffectBase(Model):
    delay: Delay = 0
    when: Condition | None = Field(None, description="Applies only if this condition holds")


class TrackEffect(EffectBase):
    track: Id
    add: Amount | None = None
    set: Annotated[int, Field(ge=0, le=100)] | None = None

    @model_validator(mode="after")
    def _one_change(self) -> TrackEffect:
        if (self.add is None) == (self.set is None):
            raise ValueError("a track effect needs exactly one of 'add' or 'set'")
        return self


class FlagEffect(EffectBase):
    flag: Id
    set: bool


class PostureEffect(EffectBase):
    posture: Id
    set: Id


class CapitalEffect(EffectBase):
    capital: Id = Field(description="the role whose political capital changes")
    add: Amount


class StandingEffect(EffectBase):
    standing: Id = Field(description="the role whose public standing changes")
    add: Amount


class AgreementEffect(EffectBase):
    agreement: Id
    set: Literal["end", "breach"]


EFFECT_KINDS = ("track", "flag", "posture", "capital", "standing", "agreement")


def _effect_kind(value: Any) -> str | None:
    """The union's tag for an effect: "track effect" and so on.

    Not the bare key ("track"): pydantic puts the tag in an error's location, and a tag that is
    also a key of the effect sent the location into that key's value, so ``add: five`` was
    reported at the track id, "got 'tension'".
    """
    if isinstance(value, dict):
        found = [k for k in EFFECT_KINDS if k in value]
        return f"{found[0]} effect" if len(found) == 1 else None
    for kind in EFFECT_KINDS:
        if hasattr(value, kind):
            return f"{kind} effect"
    return None


Effect = Annotated[
    Annotated[TrackEffect, Tag("track effect")]
    | Annotated[FlagEffect, Tag("flag effect")]
    | Annotated[PostureEffect, Tag("posture effect")]
    | Annotated[CapitalEffect, Tag("capital effect")]
    | Annotated[StandingEffect, Tag("standing effect")]
    | Annotated[AgreementEffect, Tag("agreement effect")],
    Discriminator(
        _effect_kind,
        custom_error_type="effect_kind",
        custom_error_message="an effect names exactly one of: " + ", ".join(EFFECT_KINDS),
    ),
]
Effects = Annotated[list[Effect], Field(max_length=40)]


# ----------------------------------------------------------------------------- building blocks


class Modifier(Model):
    when: Condition
    add: Annotated[int, Field(ge=-100, le=100)]
    label: Text


class Cost(Model):
    ap: Annotated[int, Field(ge=0, le=5)] = 1
    capital: Annotated[int, Field(ge=0, le=20)] = 0


class Outcome(Model):
    text: Text
    effects: Effects = []


class Check(Model):
    """A tabletop check: 2d6 + modifiers; ``target`` or more succeeds, ``partial_from`` or more is partial."""

    target: Annotated[int, Field(ge=2, le=13)]
    partial_from: Annotated[int, Field(ge=2, le=13)] | None = None
    modifiers: list[Modifier] = []
    success: Outcome
    partial: Outcome | None = None
    failure: Outcome

    @model_validator(mode="after")
    def _partial_below_target(self) -> Check:
        if self.partial_from is not None and self.partial_from >= self.target:
            raise ValueError("'partial_from' must be below 'target'")
        if (self.partial_from is None) != (self.partial is None):
            raise ValueError("'partial_from' and 'partial' go together")
        return self


class Exposure(Model):
    """How a covert programme may come to light: a chance each turn, growing while it runs."""

    chance: Annotated[int, Field(ge=0, le=100, description="percent chance per turn")]
    growth: Annotated[int, Field(ge=0, le=50)] = 0
    turns: Annotated[int, Field(ge=1, le=24, description="turns the programme runs")] = 3
    modifiers: list[Modifier] = []
    ongoing: Effects = []
    headline: Text
    effects: Effects = []
    risks: list[RiskId] = []


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
    endings: Annotated[list[Ending], Field(min_length=1)]
    debrief: Debrief
