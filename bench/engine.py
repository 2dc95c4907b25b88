"""Engine benchmark: complete games per second with random players, and simulate's peak memory.

    python bench/engine.py [SCENARIO] [--games N] [--memory-games N]

Budgets (DESIGN §9): >= 3,000 complete games per CPU-second on one core with random players on
the engine API, >= 2,000 on the simulate path; `simulate --games 10000` under 100 MB resident.
CPU time (``process_time``), so a busy machine slows the figures less than it slows the clock.
This is a benchmark, not a test; ``bench/instructions.py`` counts the same loops' instructions.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ai.random_player import RandomPlayer  # noqa: E402
from game.engine import (  # noqa: E402
    PHASE_ANSWERS,
    answer_proposals,
    legal_action_indexes,
    new_game,
    pending_answers,
    resolve_turn,
)
from game.scenario.load import load_scenario  # noqa: E402
from game.scenario.runtime import CompiledScenario  # noqa: E402
from game.session.batch import Tally  # noqa: E402
from game.session.runner import play_game, play_seats  # noqa: E402
from game.session.seats import Seat  # noqa: E402

Play = Callable[[CompiledScenario, range], int]


def play_engine(scenario: CompiledScenario, seeds: range) -> int:
    """The engine alone: random legal orders picked straight from the engine's API; turns played."""
    roles = range(len(scenario.roles))
    actions = scenario.actions
    turns = 0
    for seed in seeds:
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
    return turns


def play_simulate(scenario: CompiledScenario, seeds: range) -> int:
    """What simulate plays: random controllers behind redacted views, moves recorded."""
    turns = 0
    for seed in seeds:
        players = [RandomPlayer(seed * 7 + r) for r in range(len(scenario.roles))]
        state, _ = play_game(scenario, seed, players)
        turns += state.turn
    return turns


def play_batch(scenario: CompiledScenario, seeds: range) -> int:
    """simulate's whole task: the games of its seats and the tally of each (orders, the story's
    risks felt), as ``simulate --players random`` counts them."""
    seats = [Seat("random") for _ in scenario.roles]
    tally = Tally()
    for seed in seeds:
        tally.add(play_seats(scenario, seed, seats))
    return tally.turn_sum


def per_cpu_second(play: Play, scenario_name: str | None, games: int) -> tuple[float, float]:
    """(complete games per CPU-second, mean turns) of one loop; CPU time is fair on a busy machine."""
    scenario = load_scenario(scenario_name)
    start = time.process_time()
    turns = play(scenario, range(games))
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
    for label, play, budget in (
        ("engine (random legal orders on the engine API)", play_engine, 3000),
        ("simulate path (random controllers, redacted views)", play_simulate, 2000),
        ("simulate batch (those games and their tally: orders, risks felt)", play_batch, 2000),
    ):
        runs = [per_cpu_second(play, args.scenario, args.games) for _ in range(args.repeats)]
        rate = statistics.median(r for r, _ in runs)
        mean_turns = runs[0][1]
        per_turn = 1e6 / (rate * mean_turns)
        twelve = 1e6 / (per_turn * 12)
        print(
            f"{label}: {rate:,.0f} complete games per CPU-second, mean {mean_turns:.1f} turns "
            f"({per_turn:.0f} us per turn; {twelve:,.0f} full 12-turn games/s; budget >= {budget:,})"
        )
    if args.memory_games:
        peak, elapsed = simulate_peak_rss_mb(args.scenario, args.memory_games)
        print(
            f"simulate --games {args.memory_games:,}: peak resident {peak:.0f} MB in {elapsed:.1f} s (budget < 100 MB)"
        )


if __name__ == "__main__":
    main()
