"""How typical was this game: two distributions to place it in.

1. **Computer players from the same start**: the scenario played ``n`` times from its first
   turn by computer players, one seed per game. Were the teams' results better or worse than
   what the game tends to give?
2. **The same orders under other seeds**: the recorded orders, answers and facilitator
   decisions replayed under ``n`` other seeds (computer dice and news draws instead), for the
   turns the game lasted. How much of the result was the luck of the dice and the news? An
   order no longer legal under another seed is dropped and counted. A replay still running when
   the recorded game ended is scored at that turn and counted as "not over": no orders are
   invented for turns the teams never played.

Both use the same seeds (common random numbers), run in chunks across the machine's cores,
and give the same result for the same game whatever the number of processes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass

from game.ai import make_controller
from game.engine import State, result
from game.engine.move import Move
from game.errors import ContentError, Problem
from game.report.replay import SameOrders, StandIns, Tally, replay
from game.scenario.load import load_scenario
from game.scenario.runtime import CompiledScenario
from game.session.runner import play_game

DEFAULT_GAMES = 1000
DEFAULT_LEVEL = "easy"  # the computer level fast enough for 1,000 games in seconds
CHUNK = 25
KIND_COMPUTER, KIND_SAME_ORDERS = "computer", "same_orders"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The end of one game, in numbers."""

    seed: int
    ending: int  # index of the ending in the scenario (-1: unfinished)
    turns: int
    scores: tuple[int, ...]
    cleared: tuple[bool, ...]
    tracks: tuple[int, ...]
    given: int = 0
    dropped_orders: int = 0
    dropped_other: int = 0  # answers and facilitator decisions that no longer applied
    stand_in: int = 0  # decisions a computer player made for want of a record

    @property
    def common_ground(self) -> bool:
        return all(self.cleared)


def outcome_of(state: State, tally: Tally | None = None) -> Outcome:
    scored = result(state)
    tally = tally or Tally()
    return Outcome(
        state.seed,
        state.ending,
        state.turn,
        tuple(r.score for r in scored.scores),
        tuple(r.cleared for r in scored.scores),
        tuple(state.tracks),
        tally.given,
        tally.dropped_orders,
        tally.dropped_answers + tally.dropped_decisions,
        tally.stand_in,
    )


def percentile_rank(values: Sequence[int], value: int) -> float:
    """Share of games below ``value``, counting ties as half (0-100): 50 is the middle."""
    if not values:
        return 0.0
    below = sum(1 for v in values if v < value)
    equal = sum(1 for v in values if v == value)
    return 100.0 * (below + 0.5 * equal) / len(values)


def median(values: Sequence[int]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        return 0.0
    mid = n // 2
    return float(ordered[mid]) if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


@dataclass(frozen=True, slots=True)
class Distribution:
    kind: str  # KIND_COMPUTER or KIND_SAME_ORDERS
    outcomes: tuple[Outcome, ...]

    @property
    def games(self) -> int:
        return len(self.outcomes)

    def ending_counts(self) -> Counter[int]:
        return Counter(o.ending for o in self.outcomes)

    def scores(self, role: int) -> list[int]:
        return [o.scores[role] for o in self.outcomes]

    def track_values(self, track: int) -> list[int]:
        return [o.tracks[track] for o in self.outcomes]

    def cleared_share(self, role: int) -> float:
        return sum(1 for o in self.outcomes if o.cleared[role]) / max(self.games, 1)

    def common_ground_share(self) -> float:
        return sum(1 for o in self.outcomes if o.common_ground) / max(self.games, 1)

    def mean_turns(self) -> float:
        return sum(o.turns for o in self.outcomes) / max(self.games, 1)


@dataclass(frozen=True, slots=True)
class Typical:
    games: int
    level: str
    this_game: Outcome
    computer: Distribution
    same_orders: Distribution
    seconds: float  # wall time; for benchmarks, never printed in the report

    @property
    def this_game_turns(self) -> int:
        return self.this_game.turns

    @property
    def dropped_orders(self) -> int:
        return sum(o.dropped_orders for o in self.same_orders.outcomes)

    @property
    def given_orders(self) -> int:
        return sum(o.given for o in self.same_orders.outcomes)

    @property
    def games_with_drops(self) -> int:
        return sum(1 for o in self.same_orders.outcomes if o.dropped_orders)

    @property
    def dropped_other(self) -> int:
        return sum(o.dropped_other for o in self.same_orders.outcomes)

    @property
    def stand_in_decisions(self) -> int:
        return sum(o.stand_in for o in self.same_orders.outcomes)

    @property
    def still_open(self) -> int:
        """Replays not over when the recorded game ended (scored at that turn)."""
        return sum(1 for o in self.same_orders.outcomes if o.ending < 0)


def other_seeds(seed: int, games: int) -> list[int]:
    """``games`` seeds derived from the game's own, never the game's own."""
    out = []
    index = 1
    while len(out) < games:
        candidate = seed * 1_000_003 + index
        index += 1
        if candidate != seed:
            out.append(candidate)
    return out


# ----------------------------------------------------------------------------- one chunk

_WORKER: dict[str, object] = {}


def _play_computer(scenario: CompiledScenario, seed: int, level: str) -> Outcome:
    players = [
        make_controller(level, seed * 31 + role, scenario, role, reasons=False)
        for role in range(len(scenario.roles))
    ]
    state, _ = play_game(scenario, seed, players)
    return outcome_of(state)


def _play_same_orders(
    scenario: CompiledScenario, seed: int, steps: Sequence[Move], level: str, turns: int
) -> Outcome:
    tally = Tally()
    state = replay(scenario, seed, steps, SameOrders(StandIns(scenario, seed, level)), tally, max_turns=turns)
    return outcome_of(state, tally)


def run_chunk(
    scenario: CompiledScenario,
    steps: Sequence[Move],
    level: str,
    kind: str,
    seeds: Sequence[int],
    turns: int,
) -> list[Outcome]:
    """Play one chunk of games; ``turns`` is how many turns the recorded game lasted."""
    if kind == KIND_COMPUTER:
        return [_play_computer(scenario, seed, level) for seed in seeds]
    return [_play_same_orders(scenario, seed, steps, level, turns) for seed in seeds]


def _init_worker(source: str, content_hash: str, steps: tuple[Move, ...], level: str, turns: int) -> None:
    """Set a worker up. A problem is kept for the tasks to report, never raised here: a pool
    whose initializer fails restarts its workers for ever."""
    # A forked worker inherits the parent's signal handlers: under a pygame window SDL catches
    # SIGTERM, and a pool cancelled with terminate() would then wait for ever on its workers.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which ends the pool
    _WORKER.update(steps=steps, level=level, turns=turns, problem="")
    scenario = _WORKER.get("scenario")
    if isinstance(scenario, CompiledScenario) and scenario.content_hash == content_hash:
        return  # forked: the parent's compiled scenario
    try:
        scenario = load_scenario(source)
    except Exception as err:  # noqa: BLE001 - reported to the parent by the first task
        _WORKER["problem"] = f"cannot load the scenario again ({err})"
        return
    if scenario.content_hash != content_hash:
        _WORKER["problem"] = "the scenario file changed while the report was being made"
        return
    _WORKER["scenario"] = scenario


def _worker_chunk(task: tuple[str, tuple[int, ...]]) -> list[Outcome] | str:
    """One chunk in a worker: its outcomes, or the worker's problem as text."""
    problem = str(_WORKER.get("problem", ""))
    if problem:
        return problem
    kind, seeds = task
    scenario = _WORKER["scenario"]
    assert isinstance(scenario, CompiledScenario)
    steps: tuple[Move, ...] = _WORKER["steps"]  # type: ignore[assignment]
    return run_chunk(scenario, steps, str(_WORKER["level"]), kind, seeds, int(_WORKER["turns"]))  # type: ignore[call-overload]


# ----------------------------------------------------------------------------- the analysis


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def analyse(
    scenario: CompiledScenario,
    seed: int,
    moves: Sequence[Move],
    final: State,
    games: int = DEFAULT_GAMES,
    level: str = DEFAULT_LEVEL,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Typical:
    """Both distributions for a finished game; ``progress(done, total)`` as games finish."""
    started = time.perf_counter()
    steps = tuple(moves)
    turns = len(final.history)
    seeds = other_seeds(seed, games)
    tasks = [
        (kind, tuple(seeds[i : i + CHUNK]))
        for kind in (KIND_COMPUTER, KIND_SAME_ORDERS)
        for i in range(0, games, CHUNK)
    ]
    total = 2 * games
    workers = default_workers() if workers is None else workers
    method = start_method(scenario) if workers > 1 and len(tasks) > 1 else None
    chunks = _in_processes(scenario, steps, level, turns, tasks, workers, method) if method else None
    if chunks is None:  # one process: asked for, nothing to split, or no processes to be had
        chunks = (run_chunk(scenario, steps, level, kind, chunk_seeds, turns) for kind, chunk_seeds in tasks)
    results: list[list[Outcome]] = []
    done = 0
    try:
        for chunk in chunks:
            results.append(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)  # may raise to cancel: the pool is ended below
    finally:
        chunks.close()
    split = len(tasks) // 2
    computer = tuple(o for chunk in results[:split] for o in chunk)
    same = tuple(o for chunk in results[split:] for o in chunk)
    return Typical(
        games,
        level,
        outcome_of(final),
        Distribution(KIND_COMPUTER, computer),
        Distribution(KIND_SAME_ORDERS, same),
        time.perf_counter() - started,
    )


def start_method(scenario: CompiledScenario) -> str | None:
    """How to start worker processes here, or None to stay in one process.

    ``fork`` is fastest (workers inherit the compiled scenario), but forking a process that
    runs other threads (a window, a report thread) can deadlock the child; then workers are
    started fresh and load the scenario from its file, checked by its content hash.
    """
    methods = multiprocessing.get_all_start_methods()
    threaded = threading.active_count() > 1
    if "fork" in methods and not threaded:
        return "fork"
    if os.path.isfile(scenario.source_path):
        return "forkserver" if "forkserver" in methods else "spawn"
    return "fork" if "fork" in methods else None


def _in_processes(
    scenario: CompiledScenario,
    steps: tuple[Move, ...],
    level: str,
    turns: int,
    tasks: list[tuple[str, tuple[int, ...]]],
    workers: int,
    method: str,
) -> Generator[list[Outcome], None, None] | None:
    """The chunks' results in task order, from a pool of processes; None if no pool can be
    started here (some sandboxes refuse the semaphores it needs)."""
    context = multiprocessing.get_context(method)
    # Set before the pool forks, so forked workers inherit the compiled scenario as it is.
    _WORKER.update(scenario=scenario, steps=steps, level=level, turns=turns)
    initargs = (scenario.source_path, scenario.content_hash, steps, level, turns)
    try:
        pool = context.Pool(workers, _init_worker, initargs)
    except OSError:
        _WORKER.clear()
        return None

    def results() -> Generator[list[Outcome], None, None]:
        try:
            with pool:
                for chunk in pool.imap(_worker_chunk, tasks):
                    if isinstance(chunk, str):
                        raise ContentError([Problem(scenario.source_path, 1, 1, chunk + "; run it again")])
                    yield chunk
        finally:
            _WORKER.clear()

    return results()
