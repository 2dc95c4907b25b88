"""The save commands of the command line: ``replay SAVE`` and ``simulate --games 1 --save FILE``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from game.errors import EXIT_BAD_INPUT, EXIT_OK, BadInput
from game.i18n import text
from game.scenario.runtime import CompiledScenario
from game.session.batch import Summary, game_seed
from game.session.limits import seed_problem
from game.session.runner import play_seats
from game.session.seats import Seat
from game.session.store import open_save, resolve_save, save_session
from game.shells.summary import print_summary


def replay_command(args: argparse.Namespace) -> int:
    """Re-run a save from its moves: exit 0 if it matches its snapshot, else 2 and where it diverges."""

    path = resolve_save(args.save)
    opened = open_save(path)  # a save that cannot be read at all raises ContentError: exit 2
    doc, scenario, final = opened.doc, opened.scenario, opened.replayed.final
    if final.ending >= 0:
        where = f"ended at turn {final.turn}: {text(scenario.model.endings[final.ending].name)}"
    else:
        where = f"turn {final.turn} of {scenario.model.turns}, {final.phase}"
    print(
        f"{path}: {text(scenario.model.title)} ({scenario.id}), seed {doc['seed']}, "
        f"{len(doc['moves'])} moves replayed; {where}"
    )
    problem = opened.divergence_error()
    if problem is not None:
        for item in problem.problems:
            print(item, file=sys.stderr)
        return EXIT_BAD_INPUT
    checked = "every move and the end" if doc["snapshot"].get("steps") is not None else "the end"
    print(f"{path}: ok - the replay matches the save at {checked}")
    return EXIT_OK


def simulate_and_save(
    scenario: CompiledScenario, seed: int, seats: Sequence[Seat], path: str | Path, as_json: bool
) -> int:
    """``simulate --games 1 --save FILE``: the same game ``simulate`` plays, summarised and saved.

    The game's seed is derived from ``--seed``: one a save cannot hold is refused before playing.
    """

    problem = seed_problem(game_seed(seed, 0))
    if problem is not None:
        raise BadInput(f"--seed {seed} with --save: the game's seed would be {game_seed(seed, 0)}; {problem}")
    session = play_seats(scenario, game_seed(seed, 0), seats)
    saved = save_session(session, Path(path))
    summary = Summary(scenario, seed=seed, players=[str(s) for s in seats])
    summary.tally.add(session)
    if as_json:
        json.dump(summary.as_json(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        print(f"saved the game to {saved}", file=sys.stderr)
    else:
        print_summary(summary)
        print(f"saved the game to {saved}")
    return EXIT_OK
