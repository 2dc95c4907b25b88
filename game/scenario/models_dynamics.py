"""The scenario format's dynamics: memory between roles, fatigue, and the scheduled beats.

Round 2 of the design (docs/scenario-format.md, "Choices with memory" and "An arc"): a breach
or an exposed covert programme lowers the wronged roles' trust in the one who did it, for
several turns; an order repeated turn after turn wears out; and some moments of the crisis come
on a clock (the War Powers deadlines, the midterm campaign, the USMCA review), each a decision
point the roles see coming.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator, model_validator

from game.scenario.models_base import Check, Condition, Effects, Id, Model, RiskId, Text

Points = Annotated[int, Field(ge=-100, le=100)]


class Credibility(Model):
    """How far each role trusts each other role's promises (0-100), and what moves it."""

    start: Annotated[int, Field(ge=0, le=100)] = 60
    recovery: Annotated[int, Field(ge=0, le=50, description="points regained each turn, toward start")] = 4
    low: Annotated[int, Field(ge=0, le=100, description="below this, trust is low")] = 35
    high: Annotated[int, Field(ge=0, le=100, description="at or above this, trust is high")] = 70
    breach: Points = Field(-30, description="the wronged roles' trust in the role that broke an agreement")
    exposure: Points = Field(
        -25, description="every other role's trust in a role whose covert programme leaked"
    )
    refuse_below: Annotated[int, Field(ge=0, le=100)] = Field(
        35, description="a breached term cannot be signed again while the wronged role's trust is below this"
    )
    risks: list[RiskId] = []

    @model_validator(mode="after")
    def _bands(self) -> Credibility:
        if not self.low <= self.start <= 100 or self.low >= self.high:
            raise ValueError("credibility needs low < high and low <= start")
        return self


class Fatigue(Model):
    """An order repeated turn after turn wears out: from the ``after``-th turn in a row on, only
    ``keep`` percent of its immediate track effects land."""

    after: Annotated[int, Field(ge=1, le=12)] = 2
    keep: Annotated[int, Field(ge=0, le=100)] = 50


class BeatTiming(Model):
    """When a beat comes: at a turn, or some turns after a flag was first set."""

    turn: Annotated[int, Field(ge=1, le=40)] | None = None
    after_flag: Id | None = None
    turns: Annotated[int, Field(ge=0, le=24)] = 0

    @model_validator(mode="after")
    def _one_clock(self) -> BeatTiming:
        if (self.turn is None) == (self.after_flag is None):
            raise ValueError("a beat comes at a 'turn', or 'turns' after an 'after_flag', not both")
        return self


class Beat(Model):
    """A scheduled moment of the crisis: it comes with the news of its turn, whatever the draw."""

    id: Id
    at: BeatTiming
    when: Condition | None = Field(None, description="it comes only if this holds then")
    when_text: Text | None = Field(
        None,
        description="the condition in a few words, for the calendar ('only if ...'); it must say what"
        " 'when' says, naming nothing secret. Without it the calendar spells 'when' out clause by clause",
    )
    headline: Text
    text: Text
    effects: Effects = []
    check: Check | None = None
    risks: Annotated[list[RiskId], Field(min_length=1)]

    @field_validator("when_text")
    @classmethod
    def _words_for_a_condition(cls, words: object, info: ValidationInfo) -> object:
        # 'when' comes before 'when_text', so it is already read: an error here points at the words.
        if words is not None and info.data.get("when") is None:
            raise ValueError("'when_text' puts a 'when' into words: give the 'when' too")
        return words
