"""Re-running a saved game from its moves and checking it against the save's snapshot.

Every move is decoded (``codec``) and goes through ``apply_move`` (so the engine checks it like
any other), then the state
it leads to is compared with the save's record of that move: the first difference found is the
place the replay diverges, named by move, turn and what differs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.engine import IllegalMove, State, new_game
from game.engine.move import Move, apply_move
from game.scenario.runtime import CompiledScenario
from game.session import codec
from game.session.jsonread import JsonPath
from game.session.saveformat import MAX_MOVES_PER_TURN, crowded_turn, fingerprint_digest, step_of


@dataclass(slots=True)
class Divergence:
    """Where a replay stops matching the save: a path into the document and what differs."""

    path: JsonPath
    message: str


@dataclass(slots=True)
class Replayed:
    final: State
    states: list[State] = field(default_factory=list)  # the state after each move
    moves: list[Move] = field(default_factory=list)  # the moves, decoded
    divergence: Divergence | None = None


class MoveRefused(Exception):
    """A move of the save that the engine refuses; ``path`` points at it in the document."""

    def __init__(self, path: JsonPath, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def describe_move(index: int, move: dict[str, Any]) -> str:
    return f"move {index + 1} (turn {move.get('turn')}, {move.get('type')})"


def replay(
    scenario: CompiledScenario, seed: int, moves: list[dict[str, Any]], snapshot: dict[str, Any]
) -> Replayed:
    """Apply every move from the start; raises MoveRefused for a move the engine refuses."""
    crowded = crowded_turn(moves)
    if crowded is not None:
        raise MoveRefused(
            ("moves", crowded[0]),
            f"more than {MAX_MOVES_PER_TURN} moves in turn {crowded[1]}; a save holds fewer",
        )
    state = new_game(scenario, seed)
    steps = snapshot.get("steps")
    result = Replayed(state)
    for index, move in enumerate(moves):
        where = describe_move(index, move)
        if move["turn"] != state.turn:
            raise MoveRefused(("moves", index, "turn"), f"{where}: the game is at turn {state.turn} there")
        try:
            decoded = codec.decode(scenario, move)
        except codec.UnknownId as err:
            raise MoveRefused(("moves", index, *err.path), f"{where} cannot be played: {err}") from None
        try:
            state = apply_move(state, decoded)
        except IllegalMove as err:
            raise MoveRefused(("moves", index), f"{where} cannot be played: {err}") from None
        result.states.append(state)
        result.moves.append(decoded)
        if steps is not None and result.divergence is None and index < len(steps):
            differences = compare_step(scenario, state, steps[index])
            if differences:
                result.divergence = Divergence(
                    ("snapshot", "steps", index), f"replay diverges at {where}: {'; '.join(differences)}"
                )
    result.final = state
    if result.divergence is None:
        result.divergence = check_final(scenario, state, moves, snapshot)
    return result


def compare_step(scenario: CompiledScenario, state: State, step: dict[str, Any]) -> list[str]:
    """What differs between a replayed state and the save's record of it (empty: the same)."""
    now = step_of(state)
    differences = []
    if now["turn"] != step["turn"]:
        differences.append(f"turn is {now['turn']}, the save says {step['turn']}")
    if now["phase"] != step["phase"]:
        differences.append(f"phase is {now['phase']}, the save says {step['phase']}")
    saved = step["tracks"]
    if len(saved) != len(now["tracks"]):
        differences.append(f"the save records {len(saved)} tracks, the scenario has {len(now['tracks'])}")
    else:
        for track_id, mine, theirs in zip(scenario.track_ids, now["tracks"], saved, strict=True):
            if mine != theirs:
                differences.append(f"track {track_id!r} is {mine}, the save says {theirs}")
    if not differences and now["fingerprint"] != step["fingerprint"]:
        differences.append("the tracks agree but the rest of the state differs (flags, agreements or dice)")
    return differences[:4]


def check_final(
    scenario: CompiledScenario, state: State, moves: list[dict[str, Any]], snapshot: dict[str, Any]
) -> Divergence | None:
    """Compare the final state with the snapshot (all a version 1 save can offer)."""
    differences = []
    if snapshot["moves"] != len(moves):
        differences.append(f"the snapshot is of {snapshot['moves']} moves but the save has {len(moves)}")
    steps = snapshot.get("steps")
    if steps is not None and len(steps) != len(moves):
        differences.append(f"the snapshot records {len(steps)} moves but the save has {len(moves)}")
    if state.turn != snapshot["turn"]:
        differences.append(f"turn is {state.turn}, the save says {snapshot['turn']}")
    if state.phase != snapshot["phase"]:
        differences.append(f"phase is {state.phase}, the save says {snapshot['phase']}")
    ending = scenario.model.endings[state.ending].id if state.ending >= 0 else None
    if ending != snapshot["ending"]:
        differences.append(
            f"ending is {ending or 'none yet'}, the save says {snapshot['ending'] or 'none yet'}"
        )
    tracks = dict(zip(scenario.track_ids, state.tracks, strict=True))
    for track_id in sorted(set(tracks) | set(snapshot["tracks"])):
        mine, theirs = tracks.get(track_id), snapshot["tracks"].get(track_id)
        if mine != theirs:
            differences.append(f"track {track_id!r} is {_shown(mine)}, the save says {_shown(theirs)}")
    if not differences and fingerprint_digest(state) != snapshot["fingerprint"]:
        differences.append("the tracks agree but the rest of the state differs (flags, agreements or dice)")
    if not differences:
        return None
    where = "after the last move" if moves else "at the start"
    if steps is None:
        where += " (a version 1 save records only the end, so the first differing move is unknown)"
    return Divergence(("snapshot",), f"replay diverges {where}: {'; '.join(differences[:4])}")


def _shown(value: int | None) -> str:
    return "missing" if value is None else str(value)
