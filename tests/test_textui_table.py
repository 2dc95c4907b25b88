"""The terminal at the table: hand-offs that wipe the scrollback, a strict [y/N], stable order keys,
pages that fit 80×24, errors that stay in sight, dice as a roll against a target, endings coming
near, the covert role told its own result privately, the end screen's every order, --plain and
NO_COLOR, and Spanish with no English left. Driven through the app with scripted input."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from game.i18n import set_language, text, tr
from game.scenario.load import load_scenario
from game.session.seats import Seat
from game.session.table import Session
from game.shells.text.app import TextGame
from game.shells.text.console import CLEAR_ALL, CLEAR_SCREEN, game_console
from game.shells.text.orders import order_keys, pages_for
from game.shells.text.private import OrdersScreen
from game.shells.text.prompts import Prompter, QuitGame, console_ask
from game.story.words import action_name

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "game" / "scenarios"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
BUNDLED = ["cartel_mission", "cartel_mission_seminar", "teaching"]


def terminal_console(out: io.StringIO, width: int = 100, height: int = 40, **options: object) -> Console:
    """A console that believes it is a terminal (so it clears), writing to ``out``."""
    return Console(file=out, width=width, height=height, force_terminal=True, color_system=None, **options)  # type: ignore[arg-type]


class Script:
    """Answers the game's prompts: orders by a function of (role being asked, prompt), the rest
    by simple rules; records each prompt with where in the output it was asked."""

    def __init__(self, game_out: io.StringIO, orders: Callable[[str], str], answer: str = "n") -> None:
        self.out = game_out
        self.orders = orders
        self.answer = answer
        self.asked: list[tuple[int, str]] = []

    def __call__(self, prompt: str) -> str:
        self.out.write(prompt + "\n")  # the prompt is part of what the player sees
        self.asked.append((len(self.out.getvalue()), prompt))
        if prompt == tr("tui.orders_prompt"):
            return self.orders(prompt)
        if prompt.startswith(tr("tui.confirm_orders").split("{")[0]):
            return "y"
        if prompt.startswith(tr("tui.accept_q")):
            return self.answer
        return ""


def once_then_pass(first: str) -> Callable[[str], str]:
    """Give ``first`` at the first orders prompt of each screen, pass if asked again."""
    state = {"n": 0}

    def orders(prompt: str) -> str:
        state["n"] += 1
        return first if state["n"] % 2 else "p"

    return orders


# ----------------------------------------------------------------------------- hand-offs


def secret_key(scenario_path: Path, role: int, action_id: str) -> str:
    sc = load_scenario(scenario_path)
    return str(order_keys(sc, role)[sc.action_index[action_id]])


def test_a_hand_off_wipes_the_screen_and_the_scrollback_before_the_next_team() -> None:
    """North gives its secret operation; after the clear that follows North's screen, nothing
    North saw - the order's name, its orders page - is in the stream until it comes to light."""
    scenario = load_scenario(MINIMAL)
    key = secret_key(MINIMAL, 0, "secret_op")
    for seed in range(40):
        session = Session.new(scenario, seed, [Seat("human"), Seat("human")])
        out = io.StringIO()
        calls = {"n": 0}

        def orders(prompt: str, calls: dict[str, int] = calls) -> str:
            calls["n"] += 1
            return key if calls["n"] == 1 else "p"

        script = Script(out, orders)
        game = TextGame(session, terminal_console(out), script)
        game.run()
        if session.state.exposed[scenario.action_index["secret_op"]]:
            continue
        stream = out.getvalue()
        segments = stream.split(CLEAR_ALL)
        north = [i for i, seg in enumerate(segments) if "Orders - North" in seg]
        assert north, "North had a private screen"
        first = north[0]
        assert "Secret operation" in segments[first]
        end = next(i for i, seg in enumerate(segments) if "Every order given" in seg)
        others = [seg for seg in segments[first + 1 : end] if "Pass the screen to: North" not in seg]
        assert any("Pass the screen to: South" in seg for seg in others)
        for seg in others:  # South's screens and the shared board and resolutions
            assert "Secret operation" not in seg and "Orders - North" not in seg
        assert stream.count(CLEAR_ALL) >= 2 * session.state.turn, "a clear at every hand-off"
        return
    raise AssertionError("no seed kept the operation secret")


def test_the_hand_off_clear_erases_the_scrollback_too() -> None:
    assert "\x1b[3J" in CLEAR_ALL and "\x1b[2J" in CLEAR_ALL
    assert "\x1b[3J" not in CLEAR_SCREEN


# ----------------------------------------------------------------------------- yes / no


def test_the_yes_no_hint_is_shown_and_only_yes_no_or_enter_answer() -> None:
    out = io.StringIO()
    console = Console(file=out, width=80, force_terminal=False, color_system=None)
    errors: list[str] = []
    prompter = Prompter(console_ask(console, io.StringIO("x\nyep\nn\n")), errors.append)
    assert prompter.confirm("Accept?", default=False) is False
    shown = out.getvalue()
    assert shown.count("Accept? [y/N]") == 3, shown  # the hint is printed, not eaten as markup
    assert len(errors) == 2
    prompter = Prompter(console_ask(console, io.StringIO("\n")), errors.append)
    assert prompter.confirm("Give?", default=True) is True
    assert "Give? [Y/n]" in out.getvalue()
    prompter = Prompter(console_ask(console, io.StringIO("YES\n")), errors.append)
    assert prompter.confirm("Accept?", default=False) is True


def test_a_stray_key_does_not_refuse_a_proposal() -> None:
    """South proposes the pact; North types 'k' (asked again), then 'y': the pact is accepted."""
    scenario = load_scenario(MINIMAL)
    session = Session.new(scenario, 3, [Seat("human"), Seat("human")])
    propose = scenario.action_index["propose:pact:south:north"]
    session.submit_orders(0, ())
    session.submit_orders(1, (propose,))
    session.resolve()
    answers = iter(["k", "y"])
    out = io.StringIO()

    def ask(prompt: str) -> str:
        if prompt.startswith("Accept?"):
            return next(answers)
        if prompt.startswith("Orders"):
            raise QuitGame
        return ""

    with pytest.raises(QuitGame):
        TextGame(session, terminal_console(out), ask).run()
    assert "Answer y (yes), n (no)" in out.getvalue()
    assert session.state.agreements[scenario.actions[propose].term], "accepted, in force"
    assert "If accepted:" in out.getvalue() and "If refused:" in out.getvalue()


# ----------------------------------------------------------------------------- orders screen


def test_every_order_keeps_its_key_all_game_and_unavailable_ones_say_why() -> None:
    scenario = load_scenario(SCENARIOS / "cartel_mission.yaml")
    session = Session.new(scenario, 8, [Seat("human"), Seat("random"), Seat("random")])
    keys = order_keys(scenario, 0)
    mission = scenario.action_index["us_covert_mission"]
    name_of = {index: action_name(scenario, index) for index in keys}
    seen_lines: list[str] = []
    for _ in range(4):
        out = io.StringIO()
        console = Console(file=out, width=80, height=24, color_system=None)
        screen = OrdersScreen(TextGame(session, console, lambda p: ""), 0)
        view = session.view(0)
        pages = pages_for(console, view, 0, screen.position(view), 80, 24)
        for number in range(len(pages)):
            screen.page = number
            screen.draw(view, pages)
        shown = out.getvalue()
        for index, key in keys.items():
            assert re.search(rf"^\s*{key}  {re.escape(name_of[index][:30])}", shown, re.M), (
                key,
                name_of[index],
            )
        seen_lines.append(shown)
        session.submit_orders(0, ())
        while not session.terminal and session.next_step().kind != "order":
            if session.next_step().kind == "answer":
                session.submit_answers(0, {})
            else:
                session.advance()
        if session.terminal:
            break
    assert any("unavailable - needs:" in shown for shown in seen_lines)
    assert scenario.actions[mission].covert and keys[mission] == 16


@pytest.mark.parametrize("name", BUNDLED)
def test_each_orders_page_fits_80_by_24(name: str) -> None:
    """Every page of every role's orders, with an error showing, at turn 1 and mid-game."""
    scenario = load_scenario(SCENARIOS / f"{name}.yaml")
    session = Session.new(scenario, 2, [Seat("random")] * len(scenario.roles))
    for _ in range(3):
        for role in range(len(scenario.roles)):
            out = io.StringIO()
            console = Console(file=out, width=80, height=24, color_system=None)
            game = TextGame(session, console, lambda p: "")
            screen = OrdersScreen(game, role)
            screen.notice = "There is no order 99: the keys go from 1 to 21."
            view = session.view(role)
            pages = pages_for(console, view, role, screen.position(view), 80, 24)
            for number in range(len(pages)):
                out.seek(0)
                out.truncate()
                screen.page = number
                screen.draw(view, pages)
                lines = (out.getvalue() + "Orders (keys, e.g. 3 12; Enter: next page; 'h': help): ").split(
                    "\n"
                )
                assert len(lines) <= 24, (name, role, number, len(lines), out.getvalue())
                assert max(len(line) for line in lines) <= 80, (name, role, number)
                assert "There is no order 99" in out.getvalue()
        for _ in range(2):
            if not session.terminal:
                session.computer_orders()
                session.advance()
        if session.terminal:
            break


def test_an_error_stays_on_screen_after_the_redraw() -> None:
    scenario = load_scenario(MINIMAL)
    session = Session.new(scenario, 3, [Seat("human"), Seat("random")])
    replies = iter(["99"])
    out = io.StringIO()

    def orders(prompt: str) -> str:
        for reply in replies:
            return reply
        raise QuitGame  # at the prompt under the redrawn page

    script = Script(out, orders)
    with pytest.raises(QuitGame):
        TextGame(session, terminal_console(out, width=80, height=24), script).run()
    stream = out.getvalue()
    last_page = stream.split(CLEAR_SCREEN)[-1]  # the page redrawn after the error
    assert "Error: There is no order 99" in last_page
    assert "Orders - North" in last_page


# ----------------------------------------------------------------------------- resolution


def play_solo(
    scenario: str, seed: int, orders: Callable[[str], str], **options: object
) -> tuple[Session, str]:
    sc = load_scenario(SCENARIOS / f"{scenario}.yaml")
    session = Session.new(sc, seed, [Seat("human")] + [Seat("hard")] * (len(sc.roles) - 1))
    out = io.StringIO()
    console = Console(file=out, width=100, height=40, color_system=None)
    TextGame(session, console, Script(out, orders), **options).run()  # type: ignore[arg-type]
    return session, out.getvalue()


def test_a_check_is_told_as_a_roll_against_a_target_with_its_bands() -> None:
    key = secret_key(SCENARIOS / "cartel_mission.yaml", 0, "us_covert_mission")
    _, shown = play_solo("cartel_mission", 4, once_then_pass(key))
    found = re.search(
        r"roll (\d+) against target (\d+): (success|partial success|failure) \(dice \d\+\d", shown
    )
    assert found, shown[:3000]
    assert "2d6: success 8+ · partial 6–7 · failure 2–5" in shown


def test_a_warning_comes_before_an_ending_within_one_turn() -> None:
    scenario = load_scenario(SCENARIOS / "cartel_mission.yaml")
    session = Session.new(scenario, 1, [Seat("human"), Seat("random"), Seat("random")])
    support = scenario.track_index["us_support"]
    session.adjust({support: 18 - session.state.tracks[support]}, "a scandal")
    out = io.StringIO()
    game = TextGame(session, Console(file=out, width=100, color_system=None), lambda p: "")
    game.board()
    assert re.search(
        r"Warning: Backlash at home is \d+ points? away - US public support at 15 or below \(now 18\)",
        out.getvalue(),
    )


def test_the_covert_role_is_told_its_own_result_on_its_own_screen_only() -> None:
    path = SCENARIOS / "cartel_mission.yaml"
    scenario = load_scenario(path)
    mission = scenario.action_index["us_covert_mission"]
    key = secret_key(path, 0, "us_covert_mission")
    for seed in range(60):
        session = Session.new(scenario, seed, [Seat("human")] * 3)
        out = io.StringIO()
        turn = {"n": 0}

        def orders(prompt: str, session: Session = session, turn: dict[str, int] = turn) -> str:
            if session.state.turn == 1 and session.next_step().role == 0 and turn["n"] == 0:
                turn["n"] = 1
                return key
            if session.state.turn >= 2:
                raise QuitGame
            return "p"

        with pytest.raises(QuitGame):
            TextGame(session, terminal_console(out), Script(out, orders)).run()
        if session.state.exposed[mission] or not session.state.history:
            continue
        segments = out.getvalue().split(CLEAR_ALL)
        told = [seg for seg in segments if "Only you see this" in seg]
        assert len(told) == 1 and "Orders - United States government - turn 2" in told[0]
        assert "Authorize a secret unilateral mission" in told[0] and "against target 8" in told[0]
        for seg in segments:
            if "Orders - United States government" not in seg:
                assert "Authorize a secret unilateral mission" not in seg
                assert "Only you see this" not in seg
        assert "Undisclosed cause" in out.getvalue()
        return
    raise AssertionError("no seed kept the mission secret")


def test_the_end_screen_lists_every_order_with_the_secret_ones_revealed() -> None:
    key = secret_key(SCENARIOS / "cartel_mission.yaml", 0, "us_covert_mission")
    session, shown = play_solo("cartel_mission", 9, once_then_pass(key))
    end = shown.split("Every order given")[1]
    flat = " ".join(end.replace("│", " ").split())
    for record in session.state.history:
        for given in record.orders:
            for action in given:
                assert action_name(session.scenario, action)[:25] in flat, action_name(
                    session.scenario, action
                )
    assert "(secret - " in flat


# ----------------------------------------------------------------------------- plain, colour


def test_plain_mode_has_no_boxes_bars_or_colour_and_says_what_each_change_means() -> None:
    out = io.StringIO()
    console = game_console(linear=True, file=out, width=90, force_terminal=True)
    sc = load_scenario(SCENARIOS / "cartel_mission.yaml")
    session = Session.new(sc, 6, [Seat("human"), Seat("hard"), Seat("hard")])
    TextGame(session, console, Script(out, once_then_pass("1 2")), linear=True).run()
    shown = out.getvalue()
    assert session.terminal
    for mark in ("╭", "│", "━", "█", "▁", "\x1b["):
        assert mark not in shown, repr(mark)
    flat = " ".join(shown.split())
    changes = re.findall(r"(?:up|down) \d+,", flat)
    said = re.findall(r"(?:up|down) \d+, (good for you|bad for you|no matter to your objectives)", flat)
    assert changes and len(said) == len(changes)
    board = re.findall(r"(?:Up|Down) \d+ since the board you last saw: ([a-z ]+)\.", flat)
    assert board and set(board) <= {"good for you", "bad for you", "no matter to your objectives"}
    assert "good for you" in said and "bad for you" in said


def test_no_color_keeps_colour_codes_off_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    console = game_console(file=out, width=100, force_terminal=True, color_system="truecolor")
    session = Session.new(load_scenario(MINIMAL), 3, [Seat("human"), Seat("random")])
    TextGame(session, console, Script(out, once_then_pass("1"))).run()
    colours = re.findall(r"\x1b\[([0-9;]*)m", out.getvalue())
    codes = {int(c) for seq in colours for c in seq.split(";") if c}
    assert codes, "bold still shows"
    assert not codes & (set(range(30, 39)) | set(range(40, 49)) | set(range(90, 98)) | set(range(100, 108)))
    monkeypatch.delenv("NO_COLOR")
    coloured = io.StringIO()
    console = game_console(file=coloured, width=100, force_terminal=True, color_system="standard")
    console.print("[red]x[/red]")
    assert "\x1b[31m" in coloured.getvalue()


def test_the_text_command_takes_plain() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="90")
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "text",
            str(MINIMAL),
            "--seed",
            "3",
            "--plain",
            "--roles",
            "north=human,south=random",
        ],
        input="\n".join(["", "p", "y"] * 40) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Objective scores" in done.stdout and "╭" not in done.stdout and "█" not in done.stdout


# ----------------------------------------------------------------------------- Spanish


def test_a_spanish_game_in_the_terminal_has_no_english_left() -> None:
    set_language("es")
    try:
        key = secret_key(SCENARIOS / "cartel_mission.yaml", 0, "us_covert_mission")
        session, shown = play_solo("cartel_mission", 4, once_then_pass(key))
        plain_session, plain_shown = play_solo("cartel_mission", 4, once_then_pass(key), linear=True)
    finally:
        set_language("en")
    assert session.terminal and plain_session.terminal
    for english in (
        "Orders",
        "Press Enter",
        "Resolution",
        "Warning",
        "good for you",
        "against target",
        "Every order",
        "Tracks",
        "Your secret",
        "Since the board",
        " page ",
        "unavailable",
        "Presiona",  # tú: the terminal speaks to the team as ustedes
        "Escribe ",
    ):
        assert english not in shown and english not in plain_shown, english
    assert "Presionen Intro" in shown and "Órdenes - Gobierno de Estados Unidos" in shown
    assert "contra objetivo" in shown and "bueno para ustedes" in plain_shown
    assert text(load_scenario(SCENARIOS / "cartel_mission.yaml").model.title, "es") in shown
