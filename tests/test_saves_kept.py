"""Nothing a user saved is lost: seeds a save cannot hold are refused before play, a report never
lands on a save, and the terminal game never claims an autosave that did not happen."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from game.errors import BadInput
from game.scenario.load import load_scenario
from game.session import store
from game.session.limits import MAX_SEED
from game.session.saveformat import SaveDocument
from game.shells.cli import main

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
SMALL = ROOT / "tests" / "fixtures" / "saves" / "small.yaml"
HUGE = "9" * 38


def test_the_seed_limit_is_the_save_formats() -> None:
    assert SaveDocument.model_fields["seed"].metadata[-1].le == MAX_SEED == 2**63 - 1


@pytest.mark.parametrize(
    "args",
    [
        ["text", str(MINIMAL), "--seed", HUGE],
        ["text", str(MINIMAL), "--seed", str(MAX_SEED + 1)],
        ["text", str(MINIMAL), "--seed", "-3"],
        ["play", str(MINIMAL), "--seed", HUGE],
        ["play", "--seed", "-1"],
    ],
)
def test_a_seed_a_save_cannot_hold_is_refused_before_play(
    args: list[str], capsys: pytest.CaptureFixture[str], private_saves_folder: Path
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "--seed" in err and f"0 to {MAX_SEED}" in err and "Traceback" not in err
    assert not (private_saves_folder / "saves" / "autosave.json").exists()


def test_the_largest_seed_a_save_holds_is_accepted_played_and_saved(tmp_path: Path) -> None:
    from game.session.runner import play_seats
    from game.session.seats import Seat
    from game.shells.cli import build_parser

    assert build_parser().parse_args(["text", "--seed", str(MAX_SEED)]).seed == MAX_SEED
    session = play_seats(load_scenario(SMALL), MAX_SEED, [Seat("random"), Seat("random")])
    assert store.load_session(store.save_session(session, tmp_path / "g.json")).seed == MAX_SEED


def test_simulate_save_refuses_a_seed_whose_game_a_save_cannot_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "game.json"
    assert main(["simulate", str(SMALL), "--games", "1", "--seed", str(10**13), "--save", str(target)]) == 2
    assert "--seed" in capsys.readouterr().err
    assert not target.exists()


def test_every_door_to_a_new_game_checks_the_seed() -> None:
    """Front ends called without the command line (tests, the window's own setup) check it too."""
    from game.shells.text.start import open_session
    from game.shells.window.launch import run_window
    from game.shells.window.start import StartProblem, new_session

    scenario = load_scenario(MINIMAL)
    args = argparse.Namespace(load=None, roles="random", seed=int(HUGE))
    with pytest.raises(BadInput, match="--seed"):
        open_session(args, scenario, None, input, False)  # type: ignore[arg-type]
    with pytest.raises(BadInput, match="--seed"):
        run_window(argparse.Namespace(seed=-5))
    with pytest.raises(StartProblem, match="--seed"):
        new_session(scenario, [], int(HUGE))
