"""Instructions per game, counted by valgrind: a figure that does not depend on the machine's load.

    python bench/instructions.py [SCENARIO] [--games N]
        [--path engine|simulate|batch|tell|easy|normal|hard|typical]

Runs the chosen loop under ``valgrind --tool=callgrind`` twice, once with N games and once with
none, and prints the difference per game: start-up (imports, loading the scenario) cancels out.
Wall-clock timings on a shared two-core machine swing by 30% from one minute to the next; an
instruction count of the same work stays within a fraction of a percent. Needs valgrind
(``apt-get install valgrind``); ``--inner`` runs the loop itself (what valgrind is given).
``--path typical`` counts the report's "how typical" work in one process: a game of ``normal``
players (seed 11, as ``bench/report.py`` plays it), then N games of each distribution.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from game.scenario.runtime import CompiledScenario

PATHS = ("engine", "simulate", "batch", "tell", "easy", "normal", "hard", "typical")


def inner(scenario_name: str | None, games: int, path: str) -> None:
    """The measured loop: ``games`` games along ``path`` (0 games: start-up only)."""
    from bench.engine import play_batch, play_engine, play_simulate
    from game.ai import make_controller
    from game.scenario.load import load_scenario
    from game.session.runner import play_game
    from game.story.facts import tell

    scenario = load_scenario(scenario_name)
    if path == "typical":
        typical(scenario, games)
        return
    if not games:
        return
    if path == "engine":
        play_engine(scenario, range(games))
    elif path == "simulate":
        play_simulate(scenario, range(games))
    elif path == "batch":
        play_batch(scenario, range(games))
    else:
        kind = "random" if path == "tell" else path
        for seed in range(games):
            players = [make_controller(kind, seed * 31 + r, scenario, r) for r in range(len(scenario.roles))]
            state, moves = play_game(scenario, seed, players)
            if path == "tell":
                tell(state, moves)


def typical(scenario: CompiledScenario, games: int) -> None:
    """The report's two distributions of ``games`` games each, after the game they place."""
    from game.report.typical import analyse
    from game.session.runner import play_seats
    from game.session.seats import Seat

    session = play_seats(scenario, 11, [Seat("normal")] * len(scenario.roles))
    if games:
        analyse(scenario, session.seed, session.moves, session.state, games, workers=1)


def count(args: list[str]) -> int:
    """Instructions of one run of this script with ``args`` under callgrind."""
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "callgrind.out")
        env = dict(os.environ, PYTHONHASHSEED="0")
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable]
        done = subprocess.run(
            command + [__file__, "--inner", *args], env=env, capture_output=True, text=True, check=True
        )
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found is None:
            raise SystemExit(done.stderr[-2000:])
        return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("scenario", nargs="?", default=None)
    parser.add_argument("--games", type=int, default=200)
    parser.add_argument("--path", choices=PATHS, default="engine")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args.scenario, args.games, args.path)
        return
    scenario = [args.scenario] if args.scenario else []
    base = count([*scenario, "--games", "0", "--path", args.path])
    total = count([*scenario, "--games", str(args.games), "--path", args.path])
    per_game = (total - base) / args.games
    name = args.scenario or "default scenario"
    print(f"{args.path} path, {name}: {per_game:,.0f} instructions per game ({args.games} games)")


if __name__ == "__main__":
    main()
