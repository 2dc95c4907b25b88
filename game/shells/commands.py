"""The small command-line commands: validate, schema, list and simulate."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from game.errors import EXIT_BAD_INPUT, EXIT_OK, BadInput, ContentError


@contextmanager
def interface_language(lang: str | None) -> Iterator[None]:
    """Run a command in the language its ``--lang`` asks for, then restore the previous one.

    An unknown language is bad input (exit 2). Restoring matters when the command runs inside
    another program (tests, the window): the language is a process-wide setting.
    """
    from game.i18n import check_language, language, set_language

    if not lang:
        yield
        return
    try:
        check_language(lang)
    except ValueError as err:
        raise BadInput(str(err)) from None
    previous = language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


def validate(paths: list[str]) -> int:
    """Check each file (or every .yaml in a folder); print problems to stderr, exit 2 if any."""
    from game.scenario.load import load_scenario

    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml"))
            if not found:
                print(f"{path}:1:1: no .yaml files in this folder", file=sys.stderr)
            files.extend(found)
        else:
            files.append(path)
    bad = not files
    for path in files:
        try:
            scenario = load_scenario(path)
        except ContentError as err:
            bad = True
            for problem in err.problems:
                print(problem, file=sys.stderr)
            continue
        model = scenario.model
        print(
            f"{path}: ok - {len(model.roles)} roles, {len(model.tracks)} tracks, {len(model.actions)} actions, "
            f"{len(model.terms)} terms, {len(model.rules)} rules, {len(model.events)} events, "
            f"{len(model.endings)} endings"
        )
    return EXIT_BAD_INPUT if bad else EXIT_OK


def schema_document() -> dict:
    from game.scenario.models import Scenario

    document = Scenario.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "Common Ground scenario"
    return document


def schema() -> int:
    json.dump(schema_document(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_OK


def list_scenarios() -> int:
    from game.i18n import text
    from game.scenario.load import bundled_scenarios, load_scenario

    for path in bundled_scenarios():
        try:
            scenario = load_scenario(path)
        except ContentError as err:
            print(f"{path.stem}: broken ({len(err.problems)} problems; run 'commonground validate {path}')")
            continue
        model = scenario.model
        roles = ", ".join(text(r.short) for r in model.roles)
        print(f"{path.stem:24} {text(model.title)} - {model.turns} turns; {roles}")
    return EXIT_OK


def simulate_command(args: argparse.Namespace) -> int:
    """``simulate``: in the ``--lang`` language, which also words the computer players' reasons
    recorded in a ``--save``."""
    with interface_language(getattr(args, "lang", None)):
        return _simulate(args)


def _simulate(args: argparse.Namespace) -> int:
    from game.ai import KINDS
    from game.scenario.load import load_scenario
    from game.session.batch import simulate
    from game.session.seats import SeatError, parse_seats

    if args.games < 1:
        raise BadInput("--games must be at least 1")
    if args.save and args.games != 1:
        raise BadInput("--save writes one game: use it with --games 1")
    scenario = load_scenario(args.scenario)
    try:
        seats = parse_seats(args.players, scenario, "random", KINDS)
    except SeatError as err:
        raise BadInput(f"--players: {err}") from None
    if any(seat.human for seat in seats):
        raise BadInput("--players: simulate needs computer players for every role")
    if args.save:
        from game.shells.save_commands import simulate_and_save

        return simulate_and_save(scenario, args.seed, seats, args.save, args.json)

    progress_bar = None
    callback = None
    if sys.stderr.isatty() and args.games > 1:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        from game.i18n import tr

        progress_bar = Progress(
            TextColumn(tr("simulate.progress")),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
            console=_stderr_console(),
        )
        task = progress_bar.add_task("games", total=args.games)
        step = max(1, args.games // 200)

        def callback(done: int) -> None:
            if done % step == 0 or done == args.games:
                progress_bar.update(task, completed=done)

        progress_bar.start()
    try:
        summary = simulate(scenario, args.games, args.seed, seats, callback)
    finally:
        if progress_bar is not None:
            progress_bar.stop()
    if args.json:
        json.dump(summary.as_json(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_summary(summary)
    return EXIT_OK


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def print_summary(summary) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from game.i18n import text, tr

    data = summary.as_json()
    model = summary.scenario.model
    console = Console()
    n = data["games"]
    players = ", ".join(f"{r}={p}" for r, p in data["players"].items())
    console.print(
        tr(
            "simulate.header",
            title=f"[bold]{escape(text(model.title))}[/bold]",
            games=f"{n:,}",
            seed=data["seed"],
            players=escape(players),
        )
    )
    endings = Table(title=tr("simulate.endings"), title_justify="left", show_edge=False)
    endings.add_column(tr("simulate.col.ending"))
    endings.add_column(tr("simulate.col.games"), justify="right")
    endings.add_column(tr("simulate.col.share"), justify="right")
    endings.add_column("")
    for ending in model.endings:
        count = data["endings"][ending.id]
        share = count / n
        endings.add_row(text(ending.name), f"{count:,}", f"{share:6.1%}", "█" * round(share * 40))
    console.print(endings)
    scores = Table(title=tr("simulate.scores"), title_justify="left", show_edge=False)
    scores.add_column(tr("simulate.col.role"))
    scores.add_column(tr("simulate.col.mean_score"), justify="right")
    scores.add_column(tr("simulate.col.cleared"), justify="right")
    for role in model.roles:
        scores.add_row(text(role.name), f"{data['scores'][role.id]:.1f}", f"{data['cleared'][role.id]:.1%}")
    console.print(scores)
    console.print(
        escape(tr("simulate.common_ground", share=f"{data['common_ground']:.1%}", turns=data["mean_turns"]))
    )
    tracks = Table(title=tr("simulate.tracks"), title_justify="left", show_edge=False)
    tracks.add_column(tr("simulate.col.track"))
    tracks.add_column(tr("simulate.col.start"), justify="right")
    tracks.add_column(tr("simulate.col.end"), justify="right")
    for track in model.tracks:
        tracks.add_row(text(track.name), str(track.start), f"{data['tracks'][track.id]:.1f}")
    console.print(tracks)
