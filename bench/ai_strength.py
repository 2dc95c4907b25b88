"""Strength of the computer players: paired games on the same seeds, per role.

    python bench/ai_strength.py [SCENARIO] [--games 500] [--others normal] [--roles us,mexico,civil]
                                [--strong hard] [--versus random,easy] [--jobs 2] [--json]

For each role R and each game seed, the game is played with R in the hands of ``--strong`` and
again with R in the hands of each ``--versus`` player; the other roles are played by ``--others``
with the same controller seeds in every version. A game counts for the strong player when its
final score for R is strictly higher than the other player's on the same seed (ties count
against it). The Done-when of issue 5: hard beats random in >= 90% and easy in >= 65% of games.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ai import make_controller  # noqa: E402
from game.engine import role_score  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.session.batch import game_seed  # noqa: E402
from game.session.runner import play_game  # noqa: E402

TARGETS = {"random": 0.90, "easy": 0.65}


def score_of(scenario_name: str | None, seed: int, role: int, kind: str, others: str) -> int:
    scenario = _scenario(scenario_name)
    this_seed = game_seed(seed, 0)
    controllers = [
        make_controller(kind if r == role else others, this_seed * 31 + r, scenario, r)
        for r in range(len(scenario.roles))
    ]
    state, _ = play_game(scenario, this_seed, controllers)
    return role_score(state, role).score


_CACHE: dict[str | None, object] = {}


def _scenario(name: str | None):  # type: ignore[no-untyped-def]
    if name not in _CACHE:
        _CACHE[name] = load_scenario(name)
    return _CACHE[name]


def one_seed(job: tuple[str | None, int, int, tuple[str, ...], str]) -> tuple[int, int, dict[str, int]]:
    scenario_name, seed, role, kinds, others = job
    return role, seed, {kind: score_of(scenario_name, seed, role, kind, others) for kind in kinds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=None)
    parser.add_argument("--games", type=int, default=500, help="seeds per role (default 500)")
    parser.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    parser.add_argument("--others", default="normal", help="player of the other roles (default normal)")
    parser.add_argument("--roles", default=None, help="roles to measure (default: all)")
    parser.add_argument("--strong", default="hard")
    parser.add_argument("--versus", default="random,easy")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    scenario = _scenario(args.scenario)
    roles = args.roles.split(",") if args.roles else list(scenario.role_ids)
    versus = args.versus.split(",")
    kinds = (args.strong, *versus)
    jobs = [
        (args.scenario, args.seed + g, scenario.role_ids.index(r), kinds, args.others)
        for r in roles
        for g in range(args.games)
    ]
    started = time.perf_counter()
    results: dict[int, list[dict[str, int]]] = {}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for role, _, scores in pool.map(one_seed, jobs, chunksize=4):
            results.setdefault(role, []).append(scores)
    elapsed = time.perf_counter() - started

    report: dict[str, dict[str, object]] = {}
    for role, rows in results.items():
        entry: dict[str, object] = {"games": len(rows)}
        entry["mean"] = {k: round(sum(r[k] for r in rows) / len(rows), 2) for k in kinds}
        for other in versus:
            wins = sum(r[args.strong] > r[other] for r in rows)
            ties = sum(r[args.strong] == r[other] for r in rows)
            entry[f"vs_{other}"] = {"wins": wins, "ties": ties, "share": round(wins / len(rows), 4)}
        report[scenario.role_ids[role]] = entry
    if args.json:
        json.dump(
            {"strong": args.strong, "others": args.others, "seconds": round(elapsed, 1), "roles": report},
            sys.stdout,
            indent=2,
        )
        print()
    else:
        print(
            f"{args.strong} vs {', '.join(versus)}; other roles: {args.others}; {args.games} seeds per role; {elapsed:.0f} s"
        )
        header = f"{'role':8} " + " ".join(f"{'mean ' + k:>12}" for k in kinds)
        header += "".join(f" {'beats ' + o:>14} {'ties':>5}" for o in versus)
        print(header)
        for role_id, entry in report.items():
            means = entry["mean"]
            line = f"{role_id:8} " + " ".join(f"{means[k]:12.1f}" for k in kinds)  # type: ignore[index]
            for other in versus:
                figures = entry[f"vs_{other}"]
                target = TARGETS.get(other)
                mark = "" if target is None else (" ok" if figures["share"] >= target else " LOW")  # type: ignore[index]
                line += f" {figures['share']:13.1%}{mark:3} {figures['ties']:4d}"  # type: ignore[index]
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
