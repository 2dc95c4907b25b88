"""How fast hostile files are refused: every corpus file, and large files under the size cap.

    python bench/hostile.py

A refusal must be quick so that a crafted file cannot stall a seminar: budget 1 s in-process
per file (the command line adds Python's own start). The tests check that each file is refused,
and how; this script measures how long it takes. It is a benchmark, not a test.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.shells.cli import main  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
BUDGET = 1.0


def refuse(command: str, path: Path) -> float:
    """Seconds ``commonground COMMAND PATH`` takes in-process to refuse the file (exit 2)."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        started = time.perf_counter()
        code = main([command, str(path)])
        elapsed = time.perf_counter() - started
    if code != 2:
        raise SystemExit(f"{path}: expected exit 2, got {code}")
    return elapsed


def large_cases(folder: Path) -> list[tuple[str, Path]]:
    cases = {
        "values.yaml": ("validate", "a: [" + "1," * 300_000 + "1]\n"),
        "aliases.yaml": ("validate", "a: &a [1, 2, 3, 4, 5, 6, 7, 8]\nb: [" + "*a," * 40_000 + "*a]\n"),
        "values.json": ("replay", '{"save_version": 2, "x": [' + "0," * 400_000 + "0]}"),
        "long_line.json": ("replay", '{"save_version": 2, "name": "' + "x" * 9_000_000 + '"}'),
    }
    out = []
    for name, (command, text) in cases.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append((command, path))
    return out


def main_bench() -> int:
    timings: list[tuple[float, str]] = []
    for folder, command in (("scenarios", "validate"), ("saves", "replay")):
        for path in sorted((CORPUS / folder).iterdir()):
            if path.suffix in (".yaml", ".yml", ".json"):
                timings.append((refuse(command, path), f"{folder}/{path.name}"))
    with tempfile.TemporaryDirectory() as tmp:
        for command, path in large_cases(Path(tmp)):
            timings.append((refuse(command, path), f"large/{path.name}"))
    values = [t for t, _ in timings]
    worst = sorted(timings, reverse=True)[:5]
    print(
        f"hostile files refused: {len(values)}; median {statistics.median(values) * 1000:.1f} ms, "
        f"slowest {max(values) * 1000:.0f} ms (budget {BUDGET * 1000:.0f} ms each)"
    )
    for seconds, name in worst:
        print(f"  {seconds * 1000:7.1f} ms  {name}")
    over = [name for seconds, name in timings if seconds > BUDGET]
    print("all within budget" if not over else f"OVER BUDGET: {', '.join(over)}")
    return 0


if __name__ == "__main__":
    sys.exit(main_bench())
