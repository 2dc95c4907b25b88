"""The save file format: its versions, the migration between them, and the checked shape.

A save is JSON (never pickle: pickled saves break across versions). It holds what makes a game
- the scenario (id, content hash, where to find it), the seed, who sat in each seat and every
move in order - plus a snapshot of where those moves led, so that loading and ``replay`` can
check the rules still give the same game and say where they stop doing so.

Version history (docs/saves.md has the full description):

1. The first layout: scenario fields flat at the top (``scenario_id``, ``scenario_hash``,
   ``scenario_path``), a snapshot of the final state only.
2. (current) a ``format`` marker, a ``scenario`` object, the session name, the orders given but
   not yet resolved (``pending``), and a snapshot after every move (``snapshot.steps``), so a
   replay can name the first move that diverges.

Migrations turn an older document into the current one before it is checked; each is a plain
function from one version's dict to the next, so they can be tested on their own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    StrictBool,
    StrictInt,
    StrictStr,
)

from game.engine import State
from game.session.limits import MAX_SEED

FORMAT = "commonground-save"
SAVE_VERSION = 2
OLDEST_VERSION = 1

MAX_MOVES = 2_000
# Facilitator decisions within one turn each copy that turn's log, so thousands in one turn
# would make a replay slow (a hostile save could take seconds); a real turn has a handful.
MAX_MOVES_PER_TURN = 200
MAX_NAME = 80

# ----------------------------------------------------------------------------- checked shape

# Ids of the scenario (at most 48 characters), or a proposal order "propose:TERM:FROM:TO".
Id = Annotated[StrictStr, Field(min_length=1, max_length=200)]
Reason = Annotated[StrictStr, Field(max_length=2_000)]
TurnNumber = Annotated[StrictInt, Field(ge=0, le=1_000)]
Die = Annotated[StrictInt, Field(ge=1, le=6)]
Hash = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]
ShortHash = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{16}$")]
Phase = Literal["answers", "orders", "over"]
TrackValue = Annotated[StrictInt, Field(ge=-1_000_000, le=1_000_000)]
Text = StrictStr | dict[Id, Annotated[StrictStr, Field(max_length=4_000)]]
SeatText = Annotated[StrictStr, Field(min_length=1, max_length=60)]
# [role, action, die 1, die 2]: a JSON list read as a tuple (lax only about list vs tuple).
DiceRoll = Annotated[tuple[Id, Id, Die, Die], Strict(False)]


class _Model(BaseModel):
    """Strict and closed. An optional field is left out, never null: the moves are replayed
    from the document itself, so a value must be what its field says or absent."""

    model_config = ConfigDict(extra="forbid", strict=True)


class AnswersMove(_Model):
    type: Literal["answers"]
    turn: TurnNumber
    answers: Annotated[dict[Id, Annotated[dict[Id, StrictBool], Field(max_length=100)]], Field(max_length=20)]
    reasons: dict[Id, dict[Id, Reason]] = {}


class OrdersMove(_Model):
    type: Literal["orders"]
    turn: TurnNumber
    orders: Annotated[dict[Id, Annotated[list[Id], Field(max_length=50)]], Field(max_length=20)]
    dice: Annotated[list[DiceRoll], Field(max_length=200)] = []
    reasons: dict[Id, Annotated[list[Reason], Field(max_length=50)]] = {}


class AdjustMove(_Model):
    type: Literal["adjust"]
    turn: TurnNumber
    changes: Annotated[
        dict[Id, Annotated[StrictInt, Field(ge=-100, le=100)]], Field(min_length=1, max_length=100)
    ]
    reason: Reason


class InjectMove(_Model):
    type: Literal["inject"]
    turn: TurnNumber
    event: Id
    reason: Reason


Move = Annotated[AnswersMove | OrdersMove | AdjustMove | InjectMove, Discriminator("type")]


class ScenarioRef(_Model):
    id: Id
    hash: Hash
    path: Annotated[StrictStr, Field(min_length=1, max_length=4_096)]
    bundled: StrictBool
    title: Text | None = None
    turns: Annotated[StrictInt, Field(ge=1, le=1_000)] | None = None
    roles: Annotated[list[Id], Field(max_length=20)] | None = None


class Step(_Model):
    """Where the game stood after one move."""

    turn: TurnNumber
    phase: Phase
    tracks: Annotated[list[TrackValue], Field(max_length=200)]
    fingerprint: ShortHash


class Snapshot(_Model):
    moves: Annotated[StrictInt, Field(ge=0, le=MAX_MOVES)]
    turn: TurnNumber
    phase: Phase
    ending: Id | None
    tracks: Annotated[dict[Id, TrackValue], Field(max_length=200)]
    fingerprint: Hash
    steps: Annotated[list[Step], Field(max_length=MAX_MOVES)] | None = None


class Pending(_Model):
    """Orders and answers given this turn but not yet resolved (people's only)."""

    orders: Annotated[dict[Id, Annotated[list[Id], Field(max_length=50)]], Field(max_length=20)] = {}
    dice: Annotated[list[DiceRoll], Field(max_length=200)] = []
    answers: Annotated[
        dict[Id, Annotated[dict[Id, StrictBool], Field(max_length=100)]], Field(max_length=20)
    ] = {}


class SaveDocument(_Model):
    """A save of the current version, as checked before anything is replayed."""

    format: Literal["commonground-save"]
    save_version: Literal[2]
    app_version: Annotated[StrictStr, Field(max_length=40)] = ""
    saved_at: Annotated[StrictStr, Field(max_length=40)] = ""
    name: Annotated[StrictStr, Field(max_length=MAX_NAME)] = ""
    scenario: ScenarioRef
    seed: Annotated[StrictInt, Field(ge=0, le=MAX_SEED)]
    seats: Annotated[list[SeatText], Field(min_length=1, max_length=20)]
    moves: Annotated[list[Move], Field(max_length=MAX_MOVES)]
    pending: Pending | None = None
    snapshot: Snapshot


def crowded_turn(moves: list[dict[str, Any]]) -> tuple[int, int] | None:
    """(index of the first move past the cap, its turn) if a turn has too many moves."""
    counts: dict[Any, int] = {}
    for index, move in enumerate(moves):
        turn = move.get("turn")
        counts[turn] = counts.get(turn, 0) + 1
        if counts[turn] > MAX_MOVES_PER_TURN:
            return index, turn
    return None


# ----------------------------------------------------------------------------- snapshots


def fingerprint_digest(state: State) -> str:
    """A stable digest of everything that decides the future of a game (``State.fingerprint``)."""
    return hashlib.sha256(repr(state.fingerprint()).encode("utf-8")).hexdigest()


def step_of(state: State) -> dict[str, Any]:
    return {
        "turn": state.turn,
        "phase": state.phase,
        "tracks": list(state.tracks),
        "fingerprint": fingerprint_digest(state)[:16],
    }


def snapshot_of(final: State, after_each_move: list[State]) -> dict[str, Any]:
    """The snapshot of a game: the final state in full, and a short record after every move."""
    sc = final.scenario
    return {
        "moves": len(after_each_move),
        "turn": final.turn,
        "phase": final.phase,
        "ending": sc.model.endings[final.ending].id if final.ending >= 0 else None,
        "tracks": dict(zip(sc.track_ids, final.tracks, strict=True)),
        "fingerprint": fingerprint_digest(final),
        "steps": [step_of(state) for state in after_each_move],
    }


# ----------------------------------------------------------------------------- migrations


def migrate_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept the scenario's fields flat and had no format marker, name or steps."""
    new = {key: value for key, value in doc.items() if not key.startswith("scenario_")}
    path = doc.get("scenario_path")
    new["format"] = FORMAT
    new["save_version"] = 2
    new.setdefault("name", "")
    new["scenario"] = {
        "id": doc.get("scenario_id"),
        "hash": doc.get("scenario_hash"),
        "path": path,
        # Version 1 wrote a bundled scenario as its bare name, any other as a file path.
        "bundled": isinstance(path, str) and not path.endswith((".yaml", ".yml")),
    }
    return new


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: migrate_1_to_2}


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring a document of any supported version up to SAVE_VERSION (the caller checked it)."""
    version = doc["save_version"]
    while version < SAVE_VERSION:
        doc = MIGRATIONS[version](doc)
        version = doc["save_version"]
    return doc
