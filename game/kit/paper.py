"""A paper game typed back in: a small YAML record of each turn, read safely and checked.

The file is untrusted input like a scenario: it is read by the project's safe loader
(``game.scenario.yaml_loader``: size, alias and nesting caps, no tags, positions kept), checked by
pydantic and then against the scenario (roles, orders, proposals, events and tracks by id), and
every problem is reported as ``PATH:LINE:COL: message``. ``game.kit.paper_play`` replays it
through the table. The format is documented in ``docs/kit.md``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from game.ai import KINDS
from game.errors import ContentError, Problem
from game.scenario.load import load_scenario, scenario_path, validation_problems, with_turns
from game.scenario.runtime import CompiledScenario
from game.scenario.yaml_loader import Document, YamlPath, load_yaml_file
from game.session.seats import Seat, SeatError, parse_seat

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", min_length=1, max_length=48)]
Die = Annotated[int, Field(ge=1, le=6)]
Reason = Annotated[str, Field(min_length=1, max_length=500)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Proposal(Strict):
    """A proposal as an order: ``{propose: consent_requirement, to: us}``."""

    propose: Id
    to: Id


class FacilitatorDecision(Strict):
    """An inject (an event played now) or an adjudication (tracks moved), with its reason."""

    inject: Id | None = None
    adjust: dict[Id, Annotated[int, Field(ge=-100, le=100)]] | None = None
    reason: Reason

    @model_validator(mode="after")
    def _one_kind(self) -> FacilitatorDecision:
        if (self.inject is None) == (self.adjust is None):
            raise ValueError("a facilitator decision is either 'inject: EVENT' or 'adjust: {TRACK: CHANGE}'")
        return self


class PaperTurn(Strict):
    turn: Annotated[int, Field(ge=1, le=40)]
    news: Id | None = Field(None, description="the event the table drew (checked, not forced)")
    answers: dict[Id, dict[Id, Literal["accept", "reject"] | bool]] = {}
    facilitator: list[FacilitatorDecision] = []
    notes: list[Annotated[str, Field(min_length=1, max_length=1_000)]] = Field(
        [], description="the facilitator's observer notes of the turn (in the save and the report only)"
    )
    orders: dict[Id, list[Annotated[str, Field(min_length=1, max_length=120)] | Proposal]] = {}
    dice: dict[
        Annotated[str, Field(min_length=1, max_length=120)],
        Annotated[list[Die], Field(min_length=2, max_length=2)],
    ] = {}


class PaperGame(Strict):
    paper: Literal[1] = Field(description="the version of this format")
    scenario: Annotated[str, Field(min_length=1, max_length=300)]
    seed: Annotated[int, Field(ge=0, le=2**63 - 1)]
    turns: Annotated[int, Field(ge=1, le=40)] | None = None
    name: Annotated[str, Field(max_length=100)] = ""
    seats: dict[Id, Annotated[str, Field(min_length=1, max_length=40)]] = {}
    record: Annotated[list[PaperTurn], Field(min_length=1, max_length=40)]


@dataclass(frozen=True, slots=True)
class Paper:
    """A checked paper game: the model, its scenario and seats, and where each value was written."""

    game: PaperGame
    scenario: CompiledScenario
    seats: tuple[Seat, ...]
    document: Document

    def problem(self, path: YamlPath, message: str) -> Problem:
        return self.document.problem(path, message)


def load_paper(path: str | os.PathLike[str]) -> Paper:
    """Read and check a paper game; raises ContentError with every problem found."""
    document = load_yaml_file(path)
    if not isinstance(document.data, dict):
        raise ContentError(
            [document.problem((), "a paper game is a mapping of keys (paper:, scenario:, ...)")]
        )
    try:
        game = PaperGame.model_validate(document.data)
    except ValidationError as err:
        raise ContentError(validation_problems(err, document)) from None
    scenario = _scenario(game, document, Path(path))
    seats = _seats(game, scenario, document)
    problems = _check_record(game, scenario, seats, document)
    if problems:
        raise ContentError(sorted(set(problems), key=lambda p: (p.line, p.column, p.message)))
    return Paper(game, scenario, tuple(seats), document)


def _scenario(game: PaperGame, document: Document, path: Path) -> CompiledScenario:
    """The scenario named in the file: a bundled name, or a file beside the paper game."""
    given = Path(game.scenario)
    candidate = given if given.is_absolute() else path.parent / given
    name: Any = candidate if given.suffix in (".yaml", ".yml") and candidate.exists() else game.scenario
    if not scenario_path(name).exists():
        raise ContentError(
            [document.problem(("scenario",), f"no scenario {game.scenario!r} (see 'commonground list')")]
        )
    return with_turns(load_scenario(name), game.turns)


def _seats(game: PaperGame, sc: CompiledScenario, document: Document) -> list[Seat]:
    seats = [Seat("human") for _ in sc.role_ids]
    problems = []
    for role, kind in game.seats.items():
        if role not in sc.role_index:
            problems.append(document.problem(("seats", role), _unknown("role", role, sc.role_ids), key=True))
            continue
        try:
            seats[sc.role_index[role]] = parse_seat(kind, ("human", *KINDS))
        except SeatError as err:
            problems.append(document.problem(("seats", role), str(err)))
    if problems:
        raise ContentError(problems)
    return seats


def _unknown(what: str, name: str, known: Any) -> str:
    listed = ", ".join(sorted(known)[:12])
    return f"unknown {what} {name!r} (known: {listed})"


def order_index(sc: CompiledScenario, role: int, order: str | Proposal) -> int | str:
    """The action index of a written order, or the reason it names no order of this role."""
    if isinstance(order, Proposal):
        if order.propose not in sc.term_index:
            return _unknown("proposal", order.propose, [t.id for t in sc.model.terms])
        if order.to not in sc.role_index:
            return _unknown("role", order.to, sc.role_ids)
        term, to = sc.term_index[order.propose], sc.role_index[order.to]
        found = [a.index for a in sc.actions if a.term == term and a.role == role and a.to == to]
        return found[0] if found else f"{sc.role_ids[role]} cannot put {order.propose!r} to {order.to!r}"
    index = sc.action_index.get(order)
    if index is None:
        mine = [sc.actions[i].id for i in sc.actions_by_role[role] if sc.actions[i].term < 0]
        return _unknown("order", order, mine)
    if sc.actions[index].role != role:
        return f"{order!r} is an order of {sc.role_ids[sc.actions[index].role]}, not of {sc.role_ids[role]}"
    return index


def _check_record(game: PaperGame, sc: CompiledScenario, seats: list[Seat], doc: Document) -> list[Problem]:
    """Everything that can be checked before the replay: numbering, ids, who gives orders."""
    problems: list[Problem] = []
    for position, entry in enumerate(game.record):
        here: YamlPath = ("record", position)
        if entry.turn != position + 1:
            problems.append(
                doc.problem(here + ("turn",), f"expected turn {position + 1} here (turns go 1, 2, 3 ...)")
            )
        if entry.news is not None and entry.news not in sc.event_index:
            problems.append(doc.problem(here + ("news",), _unknown("event", entry.news, sc.event_index)))
        problems += _check_roles(entry, sc, seats, doc, here)
        problems += _check_orders(entry, sc, doc, here)
        problems += _check_decisions(entry, sc, doc, here)
    if len(game.record) > sc.turns:
        problems.append(
            doc.problem(("record",), f"the game has {sc.turns} turns, the record {len(game.record)}")
        )
    return problems


def _check_roles(
    entry: PaperTurn, sc: CompiledScenario, seats: list[Seat], doc: Document, here: YamlPath
) -> list[Problem]:
    problems = []
    for part in ("answers", "orders"):
        for role in getattr(entry, part):
            if role not in sc.role_index:
                problems.append(
                    doc.problem(here + (part, role), _unknown("role", role, sc.role_ids), key=True)
                )
            elif not seats[sc.role_index[role]].human:
                message = f"{role} is played by the computer ({seats[sc.role_index[role]]}): it decides its own {part}"
                problems.append(doc.problem(here + (part, role), message))
    for role, terms in entry.answers.items():
        for term in terms:
            if term not in sc.term_index:
                unknown = _unknown("proposal", term, sc.term_index)
                problems.append(doc.problem(here + ("answers", role, term), unknown, key=True))
    return problems


def _check_orders(entry: PaperTurn, sc: CompiledScenario, doc: Document, here: YamlPath) -> list[Problem]:
    problems = []
    given: set[int] = set()
    for role, orders in entry.orders.items():
        if role not in sc.role_index:
            continue
        for slot, order in enumerate(orders):
            found = order_index(sc, sc.role_index[role], order)
            if isinstance(found, str):
                problems.append(doc.problem(here + ("orders", role, slot), found))
            else:
                given.add(found)
    for action in entry.dice:
        index = sc.action_index.get(action)
        if index is None or index not in given:
            message = f"dice for {action!r}, which is not among this turn's orders"
            problems.append(doc.problem(here + ("dice", action), message, key=True))
        elif sc.actions[index].check is None:
            message = f"{action!r} has no check to roll dice for"
            problems.append(doc.problem(here + ("dice", action), message, key=True))
    return problems


def _check_decisions(entry: PaperTurn, sc: CompiledScenario, doc: Document, here: YamlPath) -> list[Problem]:
    problems = []
    for number, decision in enumerate(entry.facilitator):
        where = here + ("facilitator", number)
        if decision.inject is not None and decision.inject not in sc.event_index:
            problems.append(
                doc.problem(where + ("inject",), _unknown("event", decision.inject, sc.event_index))
            )
        for track in decision.adjust or {}:
            if track not in sc.track_index:
                problems.append(
                    doc.problem(where + ("adjust", track), _unknown("track", track, sc.track_ids))
                )
    return problems
