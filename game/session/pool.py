"""Games played on every core: a pool of worker processes that each hold the compiled scenario.

Used by ``simulate --workers`` and the balance benchmark. A task is a plain value (seeds, seats);
the work is a module-level function ``work(scenario, task, data)`` returning a picklable result.
Results come back in task order, so the outcome is the same whatever the number of workers.
Workers are forked when that is safe (no other thread runs): they inherit the compiled scenario;
otherwise they start fresh and load the scenario from its file, checked by its content hash.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from game.errors import BadInput
from game.scenario.load import load_scenario
from game.scenario.runtime import CompiledScenario

Work = Callable[[CompiledScenario, Any, Any], Any]
_WORKER: dict[str, Any] = {}


def cores() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def start_method(scenario: CompiledScenario) -> str | None:
    """``fork`` when nothing else runs; a fresh start when the scenario can be loaded from its
    file; None (stay in one process) otherwise."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    if os.path.isfile(scenario.source_path):
        return "forkserver" if "forkserver" in methods else "spawn"
    return None


def run_all(
    scenario: CompiledScenario, work: Work, tasks: Sequence[Any], data: Any = None, workers: int = 1
) -> Iterator[Any]:
    """``work(scenario, task, data)`` for every task, in order; in ``workers`` processes if > 1."""
    method = start_method(scenario) if workers > 1 and len(tasks) > 1 else None
    if method is None:
        for task in tasks:
            yield work(scenario, task, data)
        return
    context = multiprocessing.get_context(method)
    _WORKER.update(scenario=scenario)  # forked workers inherit it as it is
    initargs = (scenario.source_path, scenario.content_hash, work, data)
    try:
        pool = context.Pool(min(workers, len(tasks)), _init, initargs)
    except OSError:  # some sandboxes refuse a pool's semaphores: one process then
        _WORKER.clear()
        yield from (work(scenario, task, data) for task in tasks)
        return
    with pool:
        for result in pool.imap(_task, tasks):
            if isinstance(result, _Problem):
                raise BadInput(result.message)
            yield result
    _WORKER.clear()


class _Problem:
    """A worker that could not start, reported by its first task (a failing initializer would
    make the pool restart its workers for ever)."""

    def __init__(self, message: str) -> None:
        self.message = message


def _init(source: str, content_hash: str, work: Work, data: Any) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's, which ends the pool
    _WORKER.update(work=work, data=data, problem="")
    inherited = _WORKER.get("scenario")
    if isinstance(inherited, CompiledScenario) and inherited.content_hash == content_hash:
        return
    try:
        scenario = load_scenario(source)
    except Exception as err:  # noqa: BLE001 - told to the parent by the first task
        _WORKER["problem"] = f"a worker cannot load the scenario ({err})"
        return
    if scenario.content_hash != content_hash:
        _WORKER["problem"] = "the scenario file changed while the games were being played"
        return
    _WORKER["scenario"] = scenario


def _task(task: Any) -> Any:
    if _WORKER.get("problem"):
        return _Problem(str(_WORKER["problem"]))
    return _WORKER["work"](_WORKER["scenario"], task, _WORKER["data"])
