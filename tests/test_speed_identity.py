"""Same seed, same game, byte for byte: games recorded before the engine was made faster.

``tests/fixtures/speed/games.json`` was written by this file (``python tests/test_speed_identity.py
--record``) on the tree before issue 14's speed work, from copies of the bundled scenarios kept
beside it (so later changes to the bundled content do not touch this check). For every game it
holds the moves and, after every move, a digest of the whole state (every field, the log of the
turn so far and the turn record just made) and a digest of every role's and the public view
(with their whole redacted history). The tests replay the moves through ``apply_move`` and play
the computer games again from their seats, and require every digest to be the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.ai.random_player import RandomPlayer
from game.engine import PHASE_ANSWERS, PUBLIC, State, new_game, pending_answers, redact
from game.engine.move import (
    ADJUST,
    ANSWERS,
    ORDERS,
    Move,
    adjust_move,
    answers_move,
    apply_move,
    inject_move,
    orders_move,
)
from game.i18n import set_language
from game.scenario.load import load_scenario
from game.scenario.runtime import CompiledScenario
from game.session import codec
from game.session.runner import play_seats
from game.session.seats import Seat
from game.story.facts import tell

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "speed"
GAMES = FIXTURES / "games.json"
STORIES = FIXTURES / "stories.json"  # the story of each game (game.story.facts.tell), as it was
# The bundled scenarios as they were, and the default one with trust, fatigue and beats added.
SCENARIOS = ("cartel_mission", "cartel_mission_seminar", "teaching", "cartel_mission_dynamics")
RANDOM_GAMES = 30  # all seats random, per scenario (recorded)
RANDOM_SEED = 1000  # the first random game's seed; the others follow it
# Random games replayed per scenario by the suite: the first ten of the thirty recorded, which keep
# the suite within its five minutes; COMMONGROUND_SPEED_ALL=1 replays all thirty (after engine work).
CHECKED_RANDOM = RANDOM_GAMES if os.environ.get("COMMONGROUND_SPEED_ALL") == "1" else 10
SCRIPTED_GAMES = 8  # random orders with facilitator decisions and physical dice, per scenario
# Level mixes per scenario: (seats, games). A seat list shorter than the roles repeats its last.
MIXES: tuple[tuple[tuple[str, ...], int], ...] = (
    (("easy",), 4),
    (("normal", "easy", "random"), 3),
    (("hard", "easy"), 2),
    (("easy", "hard:watchdog", "normal"), 1),
)

# The State's fields when the games were recorded (a cache added later must not count).
FIELDS = (
    "seed", "rng", "turn", "phase", "tracks", "turn_start", "flags", "postures", "posture_public",
    "capital", "standing", "agreements", "agreement_since", "proposed", "broken", "proposals",
    "programmes", "used", "last_used", "exposed", "active", "rule_last", "drawn", "news", "ending",
    "decisions", "credibility", "breaker", "streak", "flag_since", "beats_done",
)  # fmt: skip


SCALARS = frozenset({int, str, bool, float, type(None)})
Memo = dict[int, tuple[Any, Any]]  # id of a turn record -> (the record, its plain form)


def plain(value: Any) -> Any:
    """Named tuples, lists and records as plain nested tuples: their values, not their types."""
    if value.__class__ in SCALARS:  # most values: the same result, without the checks below
        return value
    if isinstance(value, tuple | list):
        return tuple([plain(v) for v in value])
    if hasattr(value, "key") and hasattr(value, "delay"):  # a compiled effect
        return plain(value.key())
    return value


def record_of(record: Any, memo: Memo | None = None) -> Any:
    """A turn record's plain form; with ``memo``, made once for a record object (records are
    frozen, and every view of every step holds the whole history again)."""
    if memo is not None and id(record) in memo and memo[id(record)][0] is record:
        return memo[id(record)][1]
    seen = plain(record.seen)  # the board the roles last saw when they gave the turn's orders
    made = (record.turn, record.news, plain(record.orders), plain(record.entries), plain(record.tracks), seen)
    if memo is not None:
        memo[id(record)] = (record, made)
    return made


def fields_of(s: State) -> tuple[Any, ...]:
    scheduled = tuple((i.due, i.effect.key(), plain(i.cause), i.caused_on) for i in s.scheduled)
    return tuple(plain(getattr(s, name)) for name in FIELDS) + (scheduled,)


def digest(value: Any) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:16]


def state_digest(s: State) -> str:
    """Every field of the state, this turn's log so far and the last turn record."""
    last = record_of(s.history[-1]) if s.history else None
    return digest((s.fingerprint(), fields_of(s), plain(s.current), len(s.history), last))


def views_digest(s: State, memo: Memo | None = None) -> str:
    """Every role's view and the public one, each with its whole redacted history."""
    seen = []
    for viewer in (*range(len(s.scenario.roles)), PUBLIC):
        v = redact(s, viewer)
        seen.append((fields_of(v), plain(v.current), tuple(record_of(r, memo) for r in v.history)))
    return digest(seen)


def steps_of(scenario: CompiledScenario, seed: int, moves: list[Move]) -> Iterator[list[str]]:
    """The digests after every move. A record's plain form is kept between steps, and the last
    step is digested afresh: a record changed after it was made still shows there."""
    memo: Memo = {}
    s = new_game(scenario, seed)
    yield [state_digest(s), views_digest(s, memo if moves else None)]
    for number, move in enumerate(moves, 1):
        s = apply_move(s, move)
        yield [state_digest(s), views_digest(s, memo if number < len(moves) else None)]


# ----------------------------------------------------------------------------- moves, compactly


def pack(move: Move) -> list[Any]:
    if move.kind == ORDERS:
        dice = [[r, a, d1, d2] for (r, a), (d1, d2) in sorted(move.dice.items())]
        return ["o", move.turn, [list(o) for o in move.orders], dice]
    if move.kind == ANSWERS:
        return [
            "a",
            move.turn,
            [[r, t, int(v)] for r, terms in move.answers.items() for t, v in terms.items()],
        ]
    if move.kind == ADJUST:
        return ["j", move.turn, [[t, d] for t, d in move.changes.items()], move.reason]
    return ["i", move.turn, move.event, move.reason]


def unpack(item: list[Any]) -> Move:
    kind, turn = item[0], item[1]
    if kind == "o":
        return orders_move(turn, item[2], {(r, a): (d1, d2) for r, a, d1, d2 in item[3]})
    if kind == "a":
        answers: dict[int, dict[int, bool]] = {}
        for r, t, v in item[2]:
            answers.setdefault(r, {})[t] = bool(v)
        return answers_move(turn, answers)
    if kind == "j":
        return adjust_move(turn, {t: d for t, d in item[2]}, item[3])
    return inject_move(turn, item[2], item[3])


def scripted_moves(scenario: CompiledScenario, seed: int) -> list[Move]:
    """Random players, plus facilitator decisions and dice typed in now and then."""
    script = random.Random(seed * 7 + 3)
    players = [RandomPlayer(seed * 11 + r) for r in range(len(scenario.roles))]
    s = new_game(scenario, seed)
    moves: list[Move] = []

    def play(move: Move) -> None:
        nonlocal s
        s = apply_move(s, move)
        moves.append(move)

    while not s.terminal:
        if script.random() < 0.15:
            track = script.randrange(len(scenario.track_ids))
            play(adjust_move(s.turn, {track: script.randint(-12, 12)}, "the facilitator's call"))
        if script.random() < 0.1:
            play(inject_move(s.turn, script.randrange(len(scenario.events)), "injected"))
        if s.terminal:
            break
        if s.phase == PHASE_ANSWERS:
            given = {}
            for r, p in enumerate(players):
                if pending_answers(s, r):
                    given[r] = dict(p.answer(redact(s, r, 0), r).accepted)
            play(answers_move(s.turn, given))
            continue
        orders = [p.orders(redact(s, r, 0), r).actions for r, p in enumerate(players)]
        dice = {
            (r, a): (script.randint(1, 6), script.randint(1, 6))
            for r, given in enumerate(orders)
            for a in given
            if scenario.actions[a].check is not None and script.random() < 0.3
        }
        play(orders_move(s.turn, orders, dice))
    return moves


def seats_for(scenario: CompiledScenario, kinds: tuple[str, ...]) -> list[Seat]:
    out = []
    for r in range(len(scenario.roles)):
        kind, _, persona = kinds[min(r, len(kinds) - 1)].partition(":")
        known = {p.id for p in scenario.roles[r].personas}
        out.append(Seat(kind, persona if persona in known else None))
    return out


def moves_digest(scenario: CompiledScenario, moves: list[Move]) -> str:
    """The moves as a save writes them, reasons included: what the computer players decided."""
    return digest(json.dumps([codec.encode(scenario, m) for m in moves], sort_keys=True))


# ----------------------------------------------------------------------------- recording


def record() -> dict[str, Any]:
    set_language("en")
    out: dict[str, Any] = {"scenarios": {}, "games": []}
    for name in SCENARIOS:
        sc = load_scenario(FIXTURES / f"{name}.yaml")
        out["scenarios"][name] = sc.content_hash
        plans: list[tuple[str, int, tuple[str, ...]]] = [
            ("random", RANDOM_SEED + i, ("random",)) for i in range(RANDOM_GAMES)
        ]
        plans += [("scripted", 2000 + i, ()) for i in range(SCRIPTED_GAMES)]
        plans += [("seats", 3000 + 10 * m + i, kinds) for m, (kinds, n) in enumerate(MIXES) for i in range(n)]
        for kind, seed, kinds in plans:
            game: dict[str, Any] = {"scenario": name, "kind": kind, "seed": seed}
            if kind == "scripted":
                moves = scripted_moves(sc, seed)
            else:
                seats = seats_for(sc, kinds)
                moves = play_seats(sc, seed, seats).moves
                game["seats"] = [str(seat) for seat in seats]
                game["moves_digest"] = moves_digest(sc, moves)
            game["moves"] = [pack(m) for m in moves]
            game["steps"] = list(steps_of(sc, seed, moves))
            out["games"].append(game)
            print(name, kind, seed, len(moves), file=sys.stderr)
    return out


def story_digests(scenario: CompiledScenario, seed: int, moves: list[Move]) -> list[str]:
    """The story told halfway and at the end, of the whole game and of every seat's view."""
    out = []
    for upto in (len(moves) // 2, len(moves)):
        s = new_game(scenario, seed)
        for move in moves[:upto]:
            s = apply_move(s, move)
        for view in (s, *(redact(s, v) for v in (*range(len(scenario.roles)), PUBLIC))):
            story = tell(view, moves[:upto])
            out.append(digest((story.turns, story.exposures, story.notes, story.ending)))
    return out


_PLAYED: dict[str, list[Move]] = {}  # a computer game played again, for its two checks


def played_again(scenario: CompiledScenario, game: dict[str, Any]) -> list[Move]:
    """The computer players' game played again from its seats (once per process and game)."""
    if _ids(game) not in _PLAYED:
        seats = [Seat(k.partition(":")[0], k.partition(":")[2] or None) for k in game["seats"]]
        _PLAYED[_ids(game)] = play_seats(scenario, game["seed"], seats).moves
    return _PLAYED[_ids(game)]


def game_moves(scenario: CompiledScenario, game: dict[str, Any]) -> list[Move]:
    """The game's moves with the reasons the computer players gave (none in scripted games)."""
    if game["kind"] == "scripted":
        return [unpack(m) for m in game["moves"]]
    return played_again(scenario, game)


def record_stories() -> dict[str, list[str]]:
    set_language("en")
    out = {}
    for game in _RECORDED["games"]:
        sc = scenario_named(game["scenario"])
        out[_ids(game)] = story_digests(sc, game["seed"], game_moves(sc, game))
    return out


# ----------------------------------------------------------------------------- the checks

_RECORDED: dict[str, Any] = (
    json.loads(GAMES.read_text()) if GAMES.exists() else {"scenarios": {}, "games": []}
)
_STORIES: dict[str, list[str]] = json.loads(STORIES.read_text()) if STORIES.exists() else {}
_CHECKED = [
    g for g in _RECORDED["games"] if g["kind"] != "random" or g["seed"] < RANDOM_SEED + CHECKED_RANDOM
]
_LOADED: dict[str, CompiledScenario] = {}


def scenario_named(name: str) -> CompiledScenario:
    if name not in _LOADED:
        _LOADED[name] = load_scenario(FIXTURES / f"{name}.yaml")
        assert _LOADED[name].content_hash == _RECORDED["scenarios"][name], "the fixture's scenario changed"
    return _LOADED[name]


def _ids(game: dict[str, Any]) -> str:
    return f"{game['scenario']}-{game['kind']}-{game['seed']}"


def test_every_scenario_is_recorded() -> None:
    assert set(_RECORDED["scenarios"]) == set(SCENARIOS)
    for name in SCENARIOS:
        kinds = {g["kind"] for g in _RECORDED["games"] if g["scenario"] == name}
        assert kinds == {"random", "scripted", "seats"}
    moves = [m[0] for g in _RECORDED["games"] for m in g["moves"]]
    assert {"o", "a", "j", "i"} <= set(moves)  # orders, answers, adjustments, injections
    assert any(m[3] for g in _RECORDED["games"] for m in g["moves"] if m[0] == "o")  # dice typed in


@pytest.mark.parametrize("game", _CHECKED, ids=_ids)
def test_recorded_moves_replay_to_the_same_states(game: dict[str, Any]) -> None:
    sc = scenario_named(game["scenario"])
    moves = [unpack(m) for m in game["moves"]]
    for number, (now, then) in enumerate(zip(steps_of(sc, game["seed"], moves), game["steps"], strict=True)):
        assert now[0] == then[0], f"the state differs after move {number}"
        assert now[1] == then[1], f"a view differs after move {number}"


def by_game(games: list[dict[str, Any]]) -> list[Any]:
    """Parameters that keep a game's checks in one test process (pytest-xdist --dist loadgroup),
    so the computer game is played again once for both."""
    return [pytest.param(g, id=_ids(g), marks=pytest.mark.xdist_group(_ids(g))) for g in games]


@pytest.mark.parametrize("game", by_game([g for g in _CHECKED if g["kind"] != "scripted"]))
def test_computer_players_make_the_same_moves(game: dict[str, Any]) -> None:
    set_language("en")
    sc = scenario_named(game["scenario"])
    moves = played_again(sc, game)
    assert [pack(m) for m in moves] == game["moves"]
    assert moves_digest(sc, moves) == game["moves_digest"]


@pytest.mark.parametrize("game", by_game(_CHECKED))
def test_the_story_of_each_game_is_told_the_same(game: dict[str, Any]) -> None:
    set_language("en")
    sc = scenario_named(game["scenario"])
    assert story_digests(sc, game["seed"], game_moves(sc, game)) == _STORIES[_ids(game)]


if __name__ == "__main__":
    if sys.argv[1:] == ["--record"]:
        GAMES.write_text(json.dumps(record(), separators=(",", ":")) + "\n")
    elif sys.argv[1:] == ["--record-stories"]:
        STORIES.write_text(json.dumps(record_stories(), separators=(",", ":")) + "\n")
    else:
        sys.exit(
            "usage: python tests/test_speed_identity.py --record | --record-stories  (before a speed change)"
        )
