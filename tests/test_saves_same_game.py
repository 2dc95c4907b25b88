"""A save is only ever replaced by a save of the same game: another game at its path is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.scenario.load import load_scenario
from game.session import store
from game.session.runner import play_seats
from game.session.seats import Seat
from game.session.table import Session
from game.shells.cli import main

SMALL = Path(__file__).parent / "fixtures" / "saves" / "small.yaml"
SEATS = [Seat("random"), Seat("random")]


def half_game(seed: int) -> Session:
    """A game stopped after its first turn: a later save of it goes on from here."""
    session = Session.new(load_scenario(SMALL), seed, SEATS)
    turn = session.state.turn
    while session.state.turn == turn and not session.terminal:
        session.advance()
    return session


def test_another_game_at_a_saves_path_is_refused_and_the_save_kept(tmp_path: Path) -> None:
    target = store.save_session(play_seats(load_scenario(SMALL), 1, SEATS), tmp_path / "class.json")
    before = target.read_bytes()
    with pytest.raises(store.SaveError, match="holds another game"):
        store.save_session(play_seats(load_scenario(SMALL), 2, SEATS), target)
    assert target.read_bytes() == before
    assert not store.atomic.backup_path(target).exists()


def test_the_same_seed_at_other_seats_is_another_game(tmp_path: Path) -> None:
    target = store.save_session(half_game(3), tmp_path / "class.json")
    with pytest.raises(store.SaveError, match="holds another game"):
        store.save_session(Session.new(load_scenario(SMALL), 3, [Seat("random"), Seat("normal")]), target)


def test_the_same_game_later_replaces_its_save_and_keeps_the_one_before(tmp_path: Path) -> None:
    game = half_game(5)
    target = store.save_session(game, tmp_path / "class.json")
    before = target.read_bytes()
    while not game.terminal:
        game.advance()
    store.save_session(game, target)
    assert store.atomic.backup_path(target).read_bytes() == before
    assert store.load_session(target).state.fingerprint() == game.state.fingerprint()


def test_a_loaded_game_keeps_its_identity_so_its_own_save_can_be_updated(tmp_path: Path) -> None:
    target = store.save_session(half_game(6), tmp_path / "class.json")
    loaded = store.load_session(target)
    assert loaded.game_id == json.loads(target.read_text(encoding="utf-8"))["game"]
    loaded.advance()
    store.save_session(loaded, target)


def test_a_save_made_before_identities_is_replaced_by_its_own_continuation_only(tmp_path: Path) -> None:
    target = tmp_path / "old.json"
    doc = json.loads(store.encode(half_game(7)))
    del doc["game"]  # as saves were written before games had an identity
    target.write_text(json.dumps(doc), encoding="utf-8")
    loaded = store.load_session(target)
    loaded.advance()
    store.save_session(loaded, target)
    with pytest.raises(store.SaveError, match="holds another game"):
        store.save_session(half_game(8), target)


def test_simulate_again_with_the_same_seed_is_the_same_game_another_seed_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sim.json"
    args = ["simulate", str(SMALL), "--games", "1", "--save", str(out)]
    assert main([*args, "--seed", "5"]) == 0
    assert main([*args, "--seed", "5"]) == 0
    before = out.read_bytes()
    assert main([*args, "--seed", "6"]) == 2
    assert "holds another game" in capsys.readouterr().err
    assert out.read_bytes() == before
