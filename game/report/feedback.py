"""The participant feedback form: one set of questions for the printed kit and the report.

A tabletop exercise ends with a feedback form that every participant fills in (HSEEP's
participant feedback form): statements rated on a five-point scale, tied to the seminar's
learning objectives (``docs/seminar/learning-objectives.md``), then open questions whose answers
feed the improvement plan. The printed kit (``game.kit``) and the after-action report print
these same questions, so the two forms can be collected together.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.i18n import tr
from game.scenario.msel import objective_label

# (catalog key, the learning objective or the part of the exercise it asks about)
RATINGS = (
    ("feedback.rate.authority", "LO1"),
    ("feedback.rate.law", "LO2"),
    ("feedback.rate.evidence", "LO3"),
    ("feedback.rate.demand", "LO4"),
    ("feedback.rate.audiences", "LO5"),
    ("feedback.rate.safeguards", "LO6"),
    ("feedback.rate.plausible", ""),
    ("feedback.rate.materials", ""),
    ("feedback.rate.facilitation", ""),
    ("feedback.rate.time", ""),
)
SCALE = (
    "feedback.scale.1",
    "feedback.scale.2",
    "feedback.scale.3",
    "feedback.scale.4",
    "feedback.scale.5",
)
OPEN = (
    "feedback.open.learned",
    "feedback.open.keep",
    "feedback.open.change",
    "feedback.open.sustain",
    "feedback.open.improve",
    "feedback.open.other",
)
FIELDS = ("feedback.field.role", "feedback.field.date", "feedback.field.name")


@dataclass(frozen=True, slots=True)
class Rating:
    number: int
    text: str
    objective: str  # LO1 ... (OA1 ... in Spanish) or '' for a question about the exercise itself


@dataclass(frozen=True, slots=True)
class FeedbackForm:
    """The form in the current language."""

    title: str
    intro: str
    fields: tuple[str, ...]
    scale: tuple[str, ...]  # the five points, from 1 (strongly disagree) to 5
    ratings: tuple[Rating, ...]
    open_questions: tuple[str, ...]


def feedback_form() -> FeedbackForm:
    return FeedbackForm(
        title=tr("feedback.title"),
        intro=tr("feedback.intro"),
        fields=tuple(tr(key) for key in FIELDS),
        scale=tuple(tr(key) for key in SCALE),
        ratings=tuple(
            Rating(n, tr(key), objective_label(lo) if lo else "")
            for n, (key, lo) in enumerate(RATINGS, start=1)
        ),
        open_questions=tuple(tr(key) for key in OPEN),
    )
