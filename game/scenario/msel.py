"""The injects schedule (MSEL) of a scenario: timed injects, the response expected, the objective.

An exercise's master scenario events list says, for each inject, when the facilitator plays it,
what the players are expected to do in response and which learning objective that response
shows (HSEEP's shape). Here it is a companion file beside the scenario, ``msel/<name>.msel.yaml``
in the scenario's folder, so that the schedule can change without touching the game's rules:
the scenario's news deck stays as it is, and the facilitator plays a scheduled inject that the
deck has not drawn by its turn.

The file is untrusted input like a scenario: read with the same safe loader (size, alias and
nesting caps, no tags, no duplicate keys), checked by pydantic, then against the scenario (its
events, roles, actions and proposals by id) and against the seminar's learning objectives; every
problem is reported as ``PATH:LINE:COL: message``. The format is in ``docs/facilitator-guide.md``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.errors import ContentError, Problem
from game.i18n import tr
from game.scenario.load import validation_problems
from game.scenario.runtime import CompiledScenario
from game.scenario.yaml_loader import Document, YamlPath, load_yaml_file

# The seminar's learning objectives (docs/seminar/learning-objectives.md), with their short names.
OBJECTIVES = {
    "LO1": "msel.lo.LO1",
    "LO2": "msel.lo.LO2",
    "LO3": "msel.lo.LO3",
    "LO4": "msel.lo.LO4",
    "LO5": "msel.lo.LO5",
    "LO6": "msel.lo.LO6",
}
# How each objective is labelled in the current language (the Spanish pages call them OA1 ...).
OBJECTIVE_LABELS = {
    "LO1": "msel.id.LO1",
    "LO2": "msel.id.LO2",
    "LO3": "msel.id.LO3",
    "LO4": "msel.id.LO4",
    "LO5": "msel.id.LO5",
    "LO6": "msel.id.LO6",
}
LANGUAGES = ("en", "es")


def objective_label(objective: str) -> str:
    """'LO3' as the seminar's pages in the current language name it ('OA3' in Spanish)."""
    return tr(OBJECTIVE_LABELS[objective]) if objective in OBJECTIVE_LABELS else objective


MAX_INJECTS = 60

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", min_length=1, max_length=48)]
Words = Annotated[str, Field(min_length=1, max_length=600)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(_Strict):
    """Words in both languages of the game: a schedule is read aloud in either."""

    en: Words
    es: Words


class Expected(_Strict):
    """A response that counts: one role giving any of these orders, proposing any of these terms,
    or accepting any of these terms when they are put to it."""

    role: Id
    orders: Annotated[list[Id], Field(max_length=20)] = []
    proposals: Annotated[list[Id], Field(max_length=20)] = []
    accepts: Annotated[list[Id], Field(max_length=20)] = []


class Inject(_Strict):
    id: Id
    turn: Annotated[int, Field(ge=1, le=40)]
    event: Id
    objective: Annotated[str, Field(min_length=1, max_length=8)]
    within: Annotated[int, Field(ge=1, le=12)] = 2
    expected: Annotated[list[Expected], Field(min_length=1, max_length=10)]
    response: Text


class MselFile(_Strict):
    msel: Literal[1] = Field(description="the version of this format")
    scenario: Id
    injects: Annotated[list[Inject], Field(min_length=1, max_length=MAX_INJECTS)]


@dataclass(frozen=True, slots=True)
class ExpectedResponse:
    role: int
    actions: tuple[int, ...]  # action indexes: an order of one of these counts (proposals included)
    accepts: tuple[int, ...] = ()  # term indexes: accepting one of these counts


@dataclass(frozen=True, slots=True)
class ScheduledInject:
    """One line of the schedule, by index into the scenario's tables."""

    id: str
    turn: int
    event: int
    objective: str
    within: int  # the response is looked for from the inject's turn, this many turns long
    expected: tuple[ExpectedResponse, ...]
    response: dict[str, str]  # the expected response in words, by language


@dataclass(frozen=True, slots=True)
class Msel:
    source: str
    injects: tuple[ScheduledInject, ...]


def msel_path(scenario_file: str | os.PathLike[str]) -> Path:
    """Where a scenario's schedule lives: ``msel/<name>.msel.yaml`` in the scenario's folder."""
    path = Path(scenario_file)
    return path.parent / "msel" / f"{path.stem}.msel.yaml"


_LOADED: dict[tuple[str, int, str], Msel] = {}


def schedule_of(sc: CompiledScenario) -> Msel | None:
    """The schedule beside a scenario, checked against it; None if it has none. Read once per
    version of the file (the facilitator's screens ask for it at every redraw)."""
    if not sc.source_path or sc.source_path.startswith("<"):
        return None
    path = msel_path(sc.source_path)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    key = (str(path), stamp, sc.content_hash + str(sc.model.turns))
    if key not in _LOADED:
        if len(_LOADED) > 16:
            _LOADED.clear()
        _LOADED[key] = load_msel(path, sc)
    return _LOADED[key]


def load_msel(path: str | os.PathLike[str], sc: CompiledScenario) -> Msel:
    """Read and check a schedule; raises ContentError with every problem found."""
    document = load_yaml_file(path)
    if not isinstance(document.data, dict):
        raise ContentError([document.problem((), "a schedule is a mapping of keys (msel:, scenario:, ...)")])
    try:
        model = MselFile.model_validate(document.data)
    except ValidationError as err:
        raise ContentError(validation_problems(err, document)) from None
    problems = _check(model, sc, document)
    if problems:
        raise ContentError(sorted(set(problems), key=lambda p: (p.line, p.column, p.message)))
    return Msel(str(path), tuple(_compiled(item, sc) for item in model.injects))


def _check(model: MselFile, sc: CompiledScenario, doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    if model.scenario != sc.id:
        problems.append(doc.problem(("scenario",), f"this schedule is for {model.scenario!r}, not {sc.id!r}"))
    seen: set[str] = set()
    for n, item in enumerate(model.injects):
        here: YamlPath = ("injects", n)
        if item.id in seen:
            problems.append(doc.problem((*here, "id"), f"inject id {item.id!r} is used twice"))
        seen.add(item.id)
        if item.event not in sc.event_index:
            problems.append(doc.problem((*here, "event"), _unknown("event", item.event, sc.event_index)))
        if item.objective not in OBJECTIVES:
            problems.append(
                doc.problem((*here, "objective"), _unknown("objective", item.objective, OBJECTIVES))
            )
        if item.turn > sc.model.turns:
            problems.append(
                doc.problem((*here, "turn"), f"turn {item.turn} is past the game's {sc.model.turns}")
            )
        for k, expected in enumerate(item.expected):
            problems += _check_expected(expected, sc, doc, (*here, "expected", k))
    return problems


def _check_expected(expected: Expected, sc: CompiledScenario, doc: Document, here: YamlPath) -> list[Problem]:
    if expected.role not in sc.role_index:
        return [doc.problem((*here, "role"), _unknown("role", expected.role, sc.role_ids))]
    role = sc.role_index[expected.role]
    problems = []
    if not expected.orders and not expected.proposals and not expected.accepts:
        problems.append(
            doc.problem(here, "an expected response names at least one order, proposal or answer")
        )
    for k, action in enumerate(expected.orders):
        if action not in sc.action_index or sc.actions[sc.action_index[action]].role != role:
            mine = [a.id for a in sc.actions if a.role == role and a.term < 0]
            problems.append(
                doc.problem((*here, "orders", k), _unknown(f"order of {expected.role}", action, mine))
            )
    for k, term in enumerate(expected.proposals):
        if not _proposals(sc, role, term):
            problems.append(
                doc.problem(
                    (*here, "proposals", k), f"{expected.role} cannot propose {term!r} in this scenario"
                )
            )
    for k, term in enumerate(expected.accepts):
        index = sc.term_index.get(term, -1)
        if index < 0 or role not in sc.terms[index].to:
            problems.append(
                doc.problem((*here, "accepts", k), f"no proposal {term!r} is ever put to {expected.role}")
            )
    return problems


def _proposals(sc: CompiledScenario, role: int, term_id: str) -> tuple[int, ...]:
    """The propose actions of ``role`` for the term ``term_id`` (one per role it may go to)."""
    term = sc.term_index.get(term_id, -1)
    return tuple(i for i, a in enumerate(sc.actions) if a.role == role and term >= 0 and a.term == term)


def _compiled(item: Inject, sc: CompiledScenario) -> ScheduledInject:
    expected = []
    for line in item.expected:
        role = sc.role_index[line.role]
        actions = [sc.action_index[a] for a in line.orders]
        for term in line.proposals:
            actions += _proposals(sc, role, term)
        accepts = tuple(sc.term_index[term] for term in line.accepts)
        expected.append(ExpectedResponse(role, tuple(actions), accepts))
    return ScheduledInject(
        item.id,
        item.turn,
        sc.event_index[item.event],
        item.objective,
        item.within,
        tuple(expected),
        {"en": item.response.en, "es": item.response.es},
    )


def _unknown(what: str, name: str, known: object) -> str:
    listed = ", ".join(sorted(str(k) for k in known)[:12])  # type: ignore[attr-defined]
    return f"unknown {what} {name!r} (known: {listed})"
