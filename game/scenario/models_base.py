"""The scenario format's building blocks: ids, texts, effects, checks and covert exposure.

Shared by the content models (``models``) and the dynamics (``models_dynamics``).
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


class CredibilityEffect(EffectBase):
    credibility: Id = Field(description="the role whose trust changes")
    of: Id = Field(description="the role it trusts more or less")
    add: Amount


EFFECT_KINDS = ("track", "flag", "posture", "capital", "standing", "agreement", "credibility")


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
    | Annotated[AgreementEffect, Tag("agreement effect")]
    | Annotated[CredibilityEffect, Tag("credibility effect")],
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
