"""The terminal game: untrusted text never reaches the terminal raw, and leaving a game says
truthfully whether it was saved automatically (quit, end of input, Ctrl-C)."""

from __future__ import annotations

import dataclasses
import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from rich.console import Console

from game.scenario.load import load_scenario
from game.scenario.runtime import CompiledScenario
from game.session import atomic
from game.session.seats import Seat
from game.session.table import Session
from game.session.untrusted import UNSAFE
from game.shells.text.app import TextGame
from game.shells.text.start import EXIT_INTERRUPTED, play_text

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
NASTY = "\x1b[31m[/][bold]\u202e\x00\x9b2J"


def hostile_scenario() -> CompiledScenario:
    """minimal.yaml with control codes, bidi overrides and stray markup in every kind of text a
    screen shows (made in memory: the loader is not what is tested here)."""
    sc = load_scenario(MINIMAL)
    m = sc.model

    def spoil(item: object, *fields: str) -> object:
        return item.model_copy(update={f: f"{getattr(item, f)}{NASTY}" for f in fields})  # type: ignore[attr-defined]

    roles = [spoil(r, "name", "short") for r in m.roles]
    roles = [
        r.model_copy(update={"objectives": [spoil(o, "text") for o in r.objectives]})  # type: ignore[attr-defined]
        for r in roles
    ]
    model = m.model_copy(
        update={
            "title": f"Min{NASTY}imal",
            "intro": f"Intro {NASTY}",
            "roles": roles,
            "tracks": [spoil(t, "name") for t in m.tracks],
            "actions": [spoil(a, "name", "tends") for a in m.actions],
            "endings": [spoil(e, "name", "narrative") for e in m.endings],
            "terms": [spoil(t, "name", "text") for t in m.terms],
        }
    )
    return dataclasses.replace(sc, model=model)


def scripted(orders: str = "1") -> tuple:
    asked = {"orders": 0}

    def ask(prompt: str) -> str:
        if prompt.startswith("Orders"):
            asked["orders"] += 1  # an order keeps its key all game: when it is refused, pass
            return orders if asked["orders"] % 2 else "p"
        if "Give these orders" in prompt or "Accept?" in prompt:
            return "y"
        return ""

    return ask


def test_hostile_scenario_text_is_shown_escaped_and_never_raw() -> None:
    out = io.StringIO()
    console = Console(file=out, width=120, force_terminal=False, color_system=None)
    session = Session.new(hostile_scenario(), 5, [Seat("human"), Seat("human")])
    session.name = f"name {NASTY}"
    TextGame(session, console, scripted()).run()
    shown = out.getvalue()
    assert session.terminal
    assert UNSAFE.search(shown) is None, repr(UNSAFE.search(shown))
    assert "[/][bold]" in shown, "markup in scenario text is shown as text, not applied"
    assert "Min\ufffd[31m[/][bold]" in shown


def test_a_terminal_console_sends_no_escape_but_its_own() -> None:
    out = io.StringIO()
    console = Console(file=out, width=120, force_terminal=True, color_system="standard")
    session = Session.new(hostile_scenario(), 5, [Seat("human"), Seat("random")])
    TextGame(session, console, scripted()).run()
    assert "\x1b[31m[/]" not in out.getvalue() and "\u202e" not in out.getvalue()
    assert "\x00" not in out.getvalue()


# ----------------------------------------------------------------------------- leaving the game


def game_until(stop_at_orders: int, raise_: type[BaseException]) -> tuple:
    """A solo game whose player leaves (``raise_``) at the N-th orders prompt."""
    from game.shells.text.app import QuitGame

    seen = {"orders": 0}

    def ask(prompt: str) -> str:
        if prompt.startswith("Orders"):
            seen["orders"] += 1
            if seen["orders"] == stop_at_orders:
                raise raise_ if raise_ is not QuitGame else QuitGame()
            return "p"
        return "y" if "Give these orders" in prompt else ""

    out = io.StringIO()
    console = Console(file=out, width=200, force_terminal=False, color_system=None)
    session = Session.new(load_scenario(MINIMAL), 3, [Seat("human"), Seat("random")])
    return session, console, ask, out


def test_quitting_says_it_was_autosaved_and_how_to_continue(private_saves_folder: Path) -> None:
    from game.shells.text.app import QuitGame

    session, console, ask, out = game_until(2, QuitGame)
    assert play_text(session, console, ask) == 0
    said = " ".join(out.getvalue().split())
    assert "It was saved automatically" in said and "commonground text --load autosave" in said
    assert (private_saves_folder / "saves" / "autosave.json").exists()


def test_quitting_after_a_failed_autosave_does_not_claim_a_save(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.shells.text.app import QuitGame

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "write_atomic", full_disk)
    session, console, ask, out = game_until(2, QuitGame)
    assert play_text(session, console, ask) == 0
    said = " ".join(out.getvalue().split())
    assert "saved automatically;" not in said and "--load autosave" not in said
    assert "was not saved automatically" in said and "No space left on device" in said


def test_ctrl_c_says_the_game_was_autosaved_and_how_to_continue() -> None:
    session, console, ask, out = game_until(2, KeyboardInterrupt)
    assert play_text(session, console, ask) == EXIT_INTERRUPTED
    said = " ".join(out.getvalue().split())
    assert "Interrupted. The game was saved automatically" in said
    assert "commonground text --load autosave" in said


def test_ctrl_c_inside_an_autosave_does_not_claim_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "write_atomic", interrupted)
    session, console, ask, out = game_until(3, KeyboardInterrupt)
    assert play_text(session, console, ask) == EXIT_INTERRUPTED
    said = " ".join(out.getvalue().split())
    assert "not saved automatically: the last automatic save was cut short" in said


def test_ctrl_c_before_the_first_move_says_there_is_nothing_to_continue() -> None:
    session, console, ask, out = game_until(1, KeyboardInterrupt)
    assert play_text(session, console, ask) == EXIT_INTERRUPTED
    assert "nothing to continue" in out.getvalue() and "--load" not in out.getvalue()


def test_a_real_ctrl_c_in_commonground_text(private_saves_folder: Path) -> None:
    """SIGINT at the second orders prompt of a real ``commonground text``: exit 130, and the
    message names the autosave that really exists."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="200", PYTHONUNBUFFERED="1")
    # Started as a shell's background job (`pytest &` in a script, CI), the tests run with SIGINT
    # ignored, and a child inherits that: Python then leaves Ctrl-C ignored. A handler of our own
    # while the child starts makes its SIGINT the default again (handlers are reset at exec).
    ignored = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        child = start_text_game(env)
    finally:
        signal.signal(signal.SIGINT, ignored)
    assert child.stdin and child.stdout
    shown: list[str] = []
    reader = threading.Thread(
        target=lambda: shown.extend(iter(lambda: child.stdout.read(1), "")), daemon=True
    )
    reader.start()
    child.stdin.write("\np\ny\n\n")
    child.stdin.flush()
    deadline = time.monotonic() + 60
    while "".join(shown).count("Orders (") < 2 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    try:
        assert "".join(shown).count("Orders (") >= 2, "".join(shown)
        child.send_signal(signal.SIGINT)
        try:
            code = child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            tail = "".join(shown)[-400:]
            raise AssertionError(f"SIGINT did not end it ({signals_of(child)}); it showed {tail!r}") from None
    finally:
        if child.poll() is None:  # a failed check leaves no game waiting for input
            child.kill()
            child.wait(timeout=30)
    reader.join(timeout=10)
    said = " ".join("".join(shown).split())
    assert code == EXIT_INTERRUPTED, child.stderr.read() if child.stderr else ""
    assert "Interrupted. The game was saved automatically" in said and "--load autosave" in said
    assert (private_saves_folder / "saves" / "autosave.json").exists()
    child.stdin.close()
    child.stderr.close()  # type: ignore[union-attr]


def start_text_game(env: dict[str, str]) -> subprocess.Popen[str]:
    """The real ``commonground text``, a person as north and a random player as south."""
    game = ("text", str(MINIMAL), "--seed", "3", "--roles", "north=human,south=random")
    return subprocess.Popen(
        [sys.executable, "-m", "game", *game],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def signals_of(child: subprocess.Popen[str]) -> str:
    """The child's signal masks (blocked, ignored, caught), to tell why a signal went unheeded."""
    try:
        status = Path(f"/proc/{child.pid}/status").read_text(encoding="ascii")
    except OSError:
        return "no /proc here"
    return ", ".join(line.replace("\t", " ") for line in status.splitlines() if line.startswith("Sig"))
