"""Report benchmark: `commonground report SAVE` on a finished 3-role and a 6-role seminar game.

    python bench/report.py [--repeats N] [--keep FOLDER]

Budgets (issue 14): <= 8 s for the 3-role game (cartel_mission), <= 12 s for the seminar game
(cartel_mission_seminar, six roles), at the report's own sample sizes (1,000 games of each
"how typical" distribution). Each game is played once by `normal` computer players (seed 11)
and saved; the report is then run as the command a facilitator types, in a fresh process, so
the figure includes start-up. Wall time is what the facilitator waits; the CPU time of the
command and its worker processes is quoted beside it because the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.scenario.load import load_scenario  # noqa: E402
from game.session.runner import play_seats  # noqa: E402
from game.session.seats import Seat  # noqa: E402
from game.session.writing import save_session  # noqa: E402

GAMES = (("cartel_mission", 8.0), ("cartel_mission_seminar", 12.0))


def make_save(name: str, folder: Path) -> Path:
    scenario = load_scenario(name)
    session = play_seats(scenario, 11, [Seat("normal")] * len(scenario.roles))
    return save_session(session, folder / f"{name}.json")


def time_report(save: Path, out: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its workers) of one report."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "game", "report", str(save), "--out", str(out)],
        check=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="write the saves and reports here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        for name, budget in GAMES:
            save = make_save(name, folder)
            runs = [time_report(save, folder / f"{name}.md") for _ in range(args.repeats)]
            wall = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            print(
                f"report {name}: median {wall:.1f} s wall, {cpu:.1f} s CPU over {args.repeats} runs "
                f"on {os.cpu_count()} cores (budget <= {budget:.0f} s)"
            )


if __name__ == "__main__":
    main()
