"""The terminal game, driven by scripted answers: whole games, hot-seat hand-offs and secrecy."""

from __future__ import annotations

import io
import itertools
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from game.scenario.load import load_scenario
from game.session.seats import Seat
from game.session.table import Session
from game.shells.text.app import TextGame

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "minimal.yaml"


def scripted(order_line: Callable[[str], str]) -> tuple[Callable[[str], str], list[str]]:
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        if prompt.startswith("Orders"):
            return order_line(prompt)
        if "Give these orders" in prompt or "Accept?" in prompt:
            return "y"
        return ""

    return ask, prompts


def play(session: Session, order_line: Callable[[str], str]) -> tuple[str, list[str]]:
    out = io.StringIO()
    console = Console(file=out, width=110, force_terminal=False, color_system=None)
    ask, prompts = scripted(order_line)
    TextGame(session, console, ask).run()
    return out.getvalue(), prompts


def test_a_whole_hot_seat_game_reaches_an_ending() -> None:
    scenario = load_scenario(ROOT / "game" / "scenarios" / "cartel_mission.yaml")
    session = Session.new(scenario, 11, [Seat("human")] * len(scenario.roles))
    keys = itertools.cycle("123")  # an order on its cooldown is refused: the next try takes another
    text, prompts = play(session, lambda _: next(keys))
    assert session.terminal
    assert "Objective scores" in text and "Tracks over the turns" in text
    handoffs = [p for p in prompts if p.startswith("Pass the screen to:")]
    assert len(handoffs) >= len(scenario.roles) * session.state.turn
    assert "Pass the screen to: Government of Mexico" in " ".join(handoffs)


def test_solo_game_against_computer_players_has_no_handoffs() -> None:
    scenario = load_scenario(ROOT / "game" / "scenarios" / "cartel_mission.yaml")
    seats = [Seat("human")] + [Seat("random")] * (len(scenario.roles) - 1)
    session = Session.new(scenario, 4, seats)
    text, prompts = play(session, lambda _: "p")
    assert session.terminal
    assert not [p for p in prompts if p.startswith("Pass the screen to:")]
    assert "The game ends" in text or "Objective scores" in text


def test_covert_orders_stay_off_the_shared_screen() -> None:
    scenario = load_scenario(FIXTURE)
    secret = scenario.action_index["secret_op"]
    for seed in range(30):
        session = Session.new(scenario, seed, [Seat("human"), Seat("human")])
        session.submit_orders(0, (secret,))
        session.submit_orders(1, ())
        session.resolve()
        if session.state.exposed[secret]:
            continue
        out = io.StringIO()
        game = TextGame(session, Console(file=out, width=110, color_system=None), scripted(lambda _: "p")[0])
        game.board()
        game.resolution()
        assert "Secret operation" not in out.getvalue()
        return
    raise AssertionError("no seed kept the programme secret")


def test_text_command_plays_from_stdin_to_the_end() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100")
    lines = "\n".join(["", "p", "y"] * 80) + "\n"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "text",
            str(FIXTURE),
            "--seed",
            "3",
            "--roles",
            "north=human,south=random",
        ],
        input=lines,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Objective scores" in done.stdout


def test_text_command_with_bad_roles_exits_2() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "game", "text", str(FIXTURE), "--roles", "north=alien"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2 and "unknown player 'alien'" in done.stderr and "Traceback" not in done.stderr


def test_text_game_saves_by_name_autosaves_and_loads(private_saves_folder: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100")
    base = [sys.executable, "-m", "game", "text", str(FIXTURE)]
    first = subprocess.run(
        [*base, "--seed", "3", "--roles", "north=human,south=random"],
        input="\n" + "p\ny\n\n" + "s monday class\nq\ny\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert first.returncode == 0, first.stderr
    saves = private_saves_folder / "saves"
    assert (saves / "monday class.json").exists() and (saves / "autosave.json").exists()
    assert "Saved to" in first.stdout
    replay = subprocess.run(
        [sys.executable, "-m", "game", "replay", str(saves / "autosave.json")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert replay.returncode == 0, replay.stdout + replay.stderr
    second = subprocess.run(
        [sys.executable, "-m", "game", "text", "--load", "monday class"],
        input="\n".join(["", "p", "y"] * 40) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert second.returncode == 0, second.stderr
    assert "Loaded monday class: turn 2" in second.stdout and "Objective scores" in second.stdout


def test_loading_a_broken_save_in_text_is_a_clear_error(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    bad = tmp_path / "bad.json"
    bad.write_text('{"save_version": 2, "scenario":')
    done = subprocess.run(
        [sys.executable, "-m", "game", "text", "--load", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2 and str(bad) in done.stderr and "Traceback" not in done.stderr
