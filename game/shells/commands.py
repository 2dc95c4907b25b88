"""The small command-line commands: validate, schema, list and simulate."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.ai import KINDS
from game.errors import EXIT_BAD_INPUT, EXIT_OK, BadInput, ContentError
from game.i18n import text, tr
from game.scenario.load import bundled_scenarios, load_scenario
from game.scenario.models import Scenario
from game.session.batch import CHUNK, simulate
from game.session.pool import cores
from game.session.seats import SeatError, parse_seats
from game.shells.options import interface_language
from game.shells.progress import progress_bar
from game.shells.save_commands import simulate_and_save
from game.shells.summary import print_summary


def validate(paths: list[str]) -> int:
    """Check each file (or every .yaml in a folder); print problems to stderr, exit 2 if any."""

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

    document = Scenario.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "Common Ground scenario"
    return document


def schema() -> int:
    json.dump(schema_document(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_OK


def list_scenarios() -> int:

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
    if args.games < 1:
        raise BadInput("--games must be at least 1")
    workers = cores() if args.workers is None else args.workers
    if workers < 1:
        raise BadInput("--workers must be at least 1")
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
        return simulate_and_save(scenario, args.seed, seats, args.save, args.json)

    update, stop = progress_bar(tr("simulate.progress"), args.games)
    step = max(1, args.games // 200)

    def callback(done: int) -> None:
        if update is not None and (done % step < CHUNK or done == args.games):
            update(done, args.games)

    try:
        summary = simulate(scenario, args.games, args.seed, seats, callback, workers)
    finally:
        stop()
    if args.json:
        json.dump(summary.as_json(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_summary(summary)
    return EXIT_OK
