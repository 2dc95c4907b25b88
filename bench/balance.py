"""Balance benchmark: does skilled play still teach the article's doubts? (issue "Played well...")

    python bench/balance.py [SCENARIO] --games N [--workers W] [--json]
        [--mixes random,hard,one,personas,ROLE=PERSONA]

For each mix of players - random play, all `hard`, one `hard` role against `normal` others, and
every persona mix (each role's persona played `hard`, the others `hard`) - it plays N games on
every core and prints the ending shares, each role's top picks, every risk's "felt" rate, the
final tracks, common ground, the leak penalty, per turn the big news and the nearest ending; then
the targets of DESIGN §9 and the issue, each PASS or FAIL. This is the referee of every change to
a scenario or to the computer players. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

from balance_games import Tally, play_mix  # noqa: E402
from balance_report import mix_figures, print_mix, targets  # noqa: E402

from game.scenario.load import load_scenario  # noqa: E402
from game.session.pool import cores, run_all  # noqa: E402
from game.session.seats import Seat  # noqa: E402

CHUNK = 10


def mixes(scenario, wanted: set[str]) -> list[tuple[str, list[Seat]]]:  # noqa: ANN001
    roles = scenario.model.roles
    out: list[tuple[str, list[Seat]]] = []
    if "random" in wanted:
        out.append(("random", [Seat("random") for _ in roles]))
    if "hard" in wanted:
        out.append(("all hard", [Seat("hard") for _ in roles]))
    if "one" in wanted:
        for i, role in enumerate(roles):
            out.append(
                (
                    f"hard {role.id} vs normal",
                    [Seat("hard") if j == i else Seat("normal") for j in range(len(roles))],
                )
            )
    if "personas" in wanted:
        for i, role in enumerate(roles):
            for persona in role.personas:
                seats = [Seat("hard", persona.id) if j == i else Seat("hard") for j in range(len(roles))]
                out.append((f"{role.id}={persona.id}", seats))
    ids = [role.id for role in roles]
    for mix in sorted(w for w in wanted if "=" in w and "personas" not in wanted):  # one persona mix
        role_id, persona_id = mix.split("=", 1)
        if role_id not in ids or persona_id not in {p.id for p in roles[ids.index(role_id)].personas}:
            raise SystemExit(f"--mixes: no persona {persona_id!r} for a role {role_id!r} here")
        out.append((mix, [Seat("hard", persona_id) if r == role_id else Seat("hard") for r in ids]))
    return out


def play(scenario, seats: list[Seat], games: int, seed: int, workers: int) -> Tally:  # noqa: ANN001
    tasks = [(seed, first, min(first + CHUNK, games)) for first in range(0, games, CHUNK)]
    tally = Tally()
    for chunk in run_all(scenario, play_mix, tasks, seats, workers):
        tally.merge(chunk)
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("scenario", nargs="?", default=None)
    parser.add_argument("--games", type=int, default=100, help="games per mix (default 100)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--mixes",
        default="random,hard,one,personas",
        help="which mixes to play: random, hard, one, personas, or one persona mix as ROLE=PERSONA",
    )
    parser.add_argument("--workers", type=int, default=None, help="processes (default: every core)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    scenario = load_scenario(args.scenario)
    workers = args.workers or cores()
    results = {}
    for name, seats in mixes(scenario, set(args.mixes.split(","))):
        started = time.perf_counter()
        tally = play(scenario, seats, args.games, args.seed, workers)
        figures = mix_figures(scenario, tally)
        figures["seconds"] = round(time.perf_counter() - started, 1)
        results[name] = figures
        if not args.json:
            print_mix(scenario, name, figures)
    verdict = targets(scenario, results)
    if args.json:
        json.dump(
            {"scenario": scenario.id, "games": args.games, "mixes": results, "targets": verdict},
            sys.stdout,
            indent=1,
        )
        sys.stdout.write("\n")
    else:
        print("\nTargets")
        for line in verdict:
            print(f"  {'PASS' if line['pass'] else 'FAIL'}  {line['target']}: {line['figure']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
