"""``commonground text``: setting up the terminal game, running it, and leaving it honestly.

When the game is left - by quitting, by the end of input or by Ctrl-C - the player is told
whether the automatic save holds the game as it is now, and how to continue it. That is said
only when it is true: an autosave that failed (a full disk, a seed too large, a file in the way)
or was interrupted is reported as such.
"""

from __future__ import annotations

import argparse
import secrets
import sys

from rich.console import Console

from game.ai import KINDS
from game.errors import BadInput
from game.i18n import check_language, set_language, text, tr
from game.scenario.load import load_scenario
from game.scenario.runtime import CompiledScenario
from game.session.limits import seed_problem
from game.session.seats import Seat, SeatError, parse_seats
from game.session.store import Autosaver, load_session, resolve_save
from game.session.table import Session
from game.shells.text.app import TextGame
from game.shells.text.console import game_console, plain
from game.shells.text.prompts import Ask, QuitGame, console_ask
from game.story.words import role_name

EXIT_INTERRUPTED = 130  # the shell's convention for a program stopped by Ctrl-C (128 + SIGINT)


def setup_seats(
    scenario: CompiledScenario, spec: str | None, console: Console, ask: Ask, interactive: bool
) -> list[Seat]:
    allowed = ("human", *KINDS)
    try:
        seats = parse_seats(spec, scenario, "human", allowed)
    except SeatError as err:
        raise BadInput(f"--roles: {err}") from None
    if spec or not interactive:
        return seats
    console.print(tr("tui.setup_intro"))
    while True:
        for r, seat in enumerate(seats):
            console.print(
                f"  {plain(scenario.role_ids[r]):10} {plain(role_name(scenario, r, short=False))}: "
                f"[bold]{plain(seat)}[/bold]"
            )
            for persona in scenario.model.roles[r].personas:
                console.print(f"  {'':10}   [dim]:{plain(persona.id)} - {plain(text(persona.name))}[/dim]")
        line = ask(tr("tui.setup_prompt", kinds=", ".join(allowed))).strip()
        if not line:
            return seats
        try:
            parsed = parse_seats(line, scenario, "human", allowed)
        except SeatError as err:
            console.print(f"[red]{plain(err)}[/red]")
            continue
        if "=" in line:
            named = {part.split("=", 1)[0].strip().lower() for part in line.split(",") if "=" in part}
            seats = [parsed[r] if scenario.role_ids[r] in named else seats[r] for r in range(len(seats))]
        else:
            seats = parsed


def run_text(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario) if (args.scenario or not args.load) else None
    if args.lang:
        try:
            set_language(check_language(args.lang))
        except ValueError as err:
            raise BadInput(str(err)) from None
    linear = bool(getattr(args, "plain", False))
    console = game_console(linear=linear)
    interactive = sys.stdin.isatty()
    ask = console_ask(console)
    session = open_session(args, scenario, console, ask, interactive)
    return play_text(session, console, ask, linear)


def play_text(session: Session, console: Console, ask: Ask, linear: bool = False) -> int:
    """Play ``session`` with autosave after every move; say on leaving what the autosave holds."""
    saver = Autosaver(lambda message: console.print(f"[red]{plain(message)}[/red]"))
    session.on_change = saver
    try:
        TextGame(session, console, ask, linear).run()
    except QuitGame:
        console.print(plain(leaving_words(session, saver, interrupted=False)), soft_wrap=True)
    except KeyboardInterrupt:
        console.print()
        console.print(plain(leaving_words(session, saver, interrupted=True)), soft_wrap=True)
        return EXIT_INTERRUPTED
    return 0


def leaving_words(session: Session, saver: Autosaver, interrupted: bool) -> str:
    """What to say when a game is left before its end: saved (and how to go on) or not, and why."""
    if not session.moves:
        return tr("tui.interrupted") if interrupted else tr("tui.bye")
    if saver.holds(session):
        key = "tui.interrupted_saved" if interrupted else "tui.bye_saved"
        return tr(key, path=str(saver.path))
    why = tr("tui.autosave_cut_short") if saver.saving or saver.error is None else saver.error
    key = "tui.interrupted_not_saved" if interrupted else "tui.bye_not_saved"
    return tr(key, error=why)


def open_session(
    args: argparse.Namespace, scenario: CompiledScenario | None, console: Console, ask: Ask, interactive: bool
) -> Session:
    """A loaded game (--load) or a new one; a bad save or seed is a clear error, exit 2."""
    if args.load:
        session = load_session(resolve_save(args.load), scenario)
        if args.roles:
            session.seats = setup_seats(session.scenario, args.roles, console, ask, False)
            session.controllers = Session.new(session.scenario, session.seed, session.seats).controllers
        console.print(plain(tr("tui.loaded", name=session.name or args.load, turn=session.state.turn)))
        return session
    assert scenario is not None
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    problem = seed_problem(seed)
    if problem is not None:  # every autosave would fail: refuse before the game starts
        raise BadInput(f"--seed: {problem}")
    seats = setup_seats(scenario, args.roles, console, ask, interactive)
    return Session.new(scenario, seed, seats)
