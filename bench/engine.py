"""Engine benchmark: complete games per second with random players, and simulate's peak memory.

    python bench/engine.py [SCENARIO] [--games N] [--memory-games N]

Budgets (DESIGN §9): >= 2,000 complete 12-turn games per second on one core with random
players; `simulate --games 10000` under 100 MB resident. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ai.random_player import RandomPlayer  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.session.runner import play_game  # noqa: E402


def engine_games_per_second(scenario_name: str | None, games: int) -> tuple[float, float]:
    """The engine alone: random legal orders picked straight from the engine's API."""
    import random

    from game.engine import (
        PHASE_ANSWERS,
        answer_proposals,
        legal_action_indexes,
        new_game,
        pending_answers,
        resolve_turn,
    )

    scenario = load_scenario(scenario_name)
    roles = range(len(scenario.roles))
    actions = scenario.actions
    turns = 0
    start = time.process_time()
    for seed in range(games):
        pick = random.Random(seed).random
        s = new_game(scenario, seed)
        while not s.terminal:
            if s.phase == PHASE_ANSWERS:
                s = answer_proposals(
                    s, {r: {t: pick() < 0.5 for t, _ in pending_answers(s, r)} for r in roles}
                )
                continue
            orders = []
            for r in roles:
                legal = legal_action_indexes(s, r)
                ap, capital, chosen = scenario.roles[r].action_points, s.capital[r], []
                while legal and ap > 0:
                    a = legal.pop(int(pick() * len(legal)))
                    if actions[a].ap <= ap and actions[a].capital <= capital:
                        chosen.append(a)
                        ap -= actions[a].ap
                        capital -= actions[a].capital
                orders.append(chosen)
            s = resolve_turn(s, orders)
        turns += s.turn
    elapsed = time.process_time() - start
    return games / elapsed, turns / games


def games_per_second(scenario_name: str | None, games: int) -> tuple[float, float]:
    """What simulate does: controllers behind redacted views, moves recorded."""
    scenario = load_scenario(scenario_name)
    roles = len(scenario.roles)
    turns = 0
    start = time.process_time()  # CPU time of this process: fair even on a busy machine
    for seed in range(games):
        players = [RandomPlayer(seed * 7 + r) for r in range(roles)]
        state, _ = play_game(scenario, seed, players)
        turns += state.turn
    elapsed = time.process_time() - start
    return games / elapsed, turns / games


def simulate_peak_rss_mb(scenario_name: str | None, games: int) -> tuple[float, float]:
    args = [sys.executable, "-m", "game", "simulate", "--games", str(games), "--json"]
    if scenario_name:
        args.insert(4, scenario_name)
    start = time.perf_counter()
    subprocess.run(
        args, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT))
    )
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak_kb / 1024, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("scenario", nargs="?", default=None)
    parser.add_argument("--games", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--memory-games", type=int, default=10_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the budget says
    for label, measure in (
        ("engine (random legal orders on the engine API)", engine_games_per_second),
        ("simulate path (random controllers, redacted views)", games_per_second),
    ):
        runs = [measure(args.scenario, args.games) for _ in range(args.repeats)]
        rate = statistics.median(r for r, _ in runs)
        mean_turns = runs[0][1]
        per_turn = 1e6 / (rate * mean_turns)
        twelve = 1e6 / (per_turn * 12)
        print(
            f"{label}: {rate:,.0f} complete games per CPU-second, mean {mean_turns:.1f} turns "
            f"({per_turn:.0f} us per turn; {twelve:,.0f} full 12-turn games/s; budget >= 2,000)"
        )
    if args.memory_games:
        peak, elapsed = simulate_peak_rss_mb(args.scenario, args.memory_games)
        print(
            f"simulate --games {args.memory_games:,}: peak resident {peak:.0f} MB in {elapsed:.1f} s (budget < 100 MB)"
        )


if __name__ == "__main__":
    main()
