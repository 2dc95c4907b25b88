"""A long fuzzing run of the scenario layer, with the strategies of the two fuzz test files.

    python bench/fuzz.py --minutes N [--only WORD] [--bundled] [--batch N]

tests/test_fuzz_conditions.py and tests/test_fuzz_yaml.py each list their strategies in FUZZ
(name: strategy, check, examples in the suite); this runs every one in turn, in batches of fresh
random cases, until the time is up, and prints how many cases each ran. A case that fails - any
exception but a ContentError from the loader, or a broken promise such as a problem outside the
file - is shrunk by Hypothesis and written as a scenario to tests/corpus/scenarios/fuzz-NNN.yaml,
listed in tests/corpus/EXPECTED.tsv with a FIXME fragment, so tests/test_hostile.py fails on it
until the defect is fixed and the FIXME replaced by the message the file must be refused with
(better still: move the case into tests/corpus/make_corpus.py under a name that says what it is).

``--bundled`` damages the bundled scenarios too (slower cases; a find there may be too large for
the corpus and need cutting down by hand). Hypothesis's example database is not used.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import test_fuzz_conditions as conditions  # noqa: E402
import test_fuzz_yaml as yaml_fuzz  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
Target = tuple[Any, Callable[[Any], None], int]


def targets(bundled: bool, only: str | None) -> dict[str, Target]:
    found: dict[str, Target] = {**conditions.FUZZ, **yaml_fuzz.FUZZ}
    if bundled:
        bases = dict(yaml_fuzz.BASES)
        for path in sorted((ROOT / "game" / "scenarios").glob("*.yaml"), key=lambda p: p.stat().st_size):
            bases[path.stem] = path.read_bytes()
        found["damaged bundled scenarios"] = (
            yaml_fuzz.damaged_scenario(bases),
            yaml_fuzz.check_scenario_bytes,
            100,
        )
    return {name: target for name, target in found.items() if not only or only in name}


def as_scenario(name: str, value: Any) -> bytes:
    """The failing case as a scenario file that ``commonground validate`` can be run on."""
    if isinstance(value, bytes):
        return value
    condition, written = condition_of(name, value), None
    if name == "condition positions in YAML":
        forms = conditions.yaml_forms(condition)
        written = forms[value[1] % len(forms)]
    value_text = written or json.dumps(condition, ensure_ascii=False)
    return conditions.GOOD_YAML.replace(conditions.REQUIRES, "requires: " + value_text, 1).encode("utf-8")


def condition_of(name: str, value: Any) -> str:
    if name == "condition trees":
        return conditions.to_text(value)
    if name == "condition huge numbers":
        return value[1].format(value[0])
    if name == "condition products":
        return " * ".join(value) + " * 1.5"
    if name == "condition nesting":
        repeats, (opened, closed, innermost, after, _, _) = value
        return opened * repeats + innermost + closed * repeats + after
    if name == "condition positions in YAML":
        return value[0]
    return str(value)


def save_case(name: str, value: Any, error: BaseException) -> Path:
    folder = CORPUS / "scenarios"
    taken = {int(p.stem.split("-")[1]) for p in folder.glob("fuzz-*.yaml") if p.stem.split("-")[1].isdigit()}
    number = next(n for n in range(1, 10_000) if n not in taken)
    path = folder / f"fuzz-{number:03d}.yaml"
    path.write_bytes(as_scenario(name, value))
    summary = " ".join(f"{type(error).__name__}: {error}".split())[:100]
    with open(CORPUS / "EXPECTED.tsv", "a", encoding="utf-8") as listed:
        listed.write(f"scenarios/{path.name}\tFIXME ({name}) {summary}\n")
    return path


def run_batch(name: str, target: Target, examples: int, counts: dict[str, int]) -> None:
    strategy, check, _ = target
    failing: list[tuple[Any, BaseException]] = []

    def body(value: Any) -> None:
        counts[name] += 1
        try:
            check(value)
        except Exception as err:
            failing.append((value, err))  # the last one is the shrunk case Hypothesis reports
            raise

    test = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )(given(strategy)(body))
    try:
        test()
    except Exception as err:
        value, error = failing[-1] if failing else (None, err)
        path = save_case(name, value, error)
        counts[f"{name} crashes"] = counts.get(f"{name} crashes", 0) + 1
        print(f"  FOUND ({name}): {type(error).__name__}: {str(error)[:200]} -> {path.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to search (default 10)")
    parser.add_argument("--only", help="only the strategies whose name contains this")
    parser.add_argument("--bundled", action="store_true", help="damage the bundled scenarios too")
    parser.add_argument("--batch", type=float, default=2.0, help="batch size, in suites' worth of cases")
    args = parser.parse_args(argv)
    chosen = targets(args.bundled, args.only)
    if not chosen:
        parser.error(f"no strategy's name contains {args.only!r}")
    counts = {name: 0 for name in chosen}
    started = time.monotonic()
    deadline = started + args.minutes * 60
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        for name, target in chosen.items():
            if time.monotonic() >= deadline:
                break
            run_batch(name, target, max(1, int(target[2] * args.batch)), counts)
        total = sum(counts[name] for name in chosen)
        print(f"round {rounds}: {total:,} cases in {(time.monotonic() - started) / 60:.1f} min", flush=True)
    report(chosen, counts, time.monotonic() - started)
    return 1 if any(counts.get(f"{name} crashes") for name in chosen) else 0


def report(chosen: dict[str, Target], counts: dict[str, int], seconds: float) -> None:
    print(f"\nfuzzed for {seconds / 60:.1f} minutes")
    for name in chosen:
        print(f"  {name:32} {counts[name]:>12,} cases  {counts.get(f'{name} crashes', 0):>3} crashes")
    total = sum(counts[name] for name in chosen)
    crashes = sum(counts.get(f"{name} crashes", 0) for name in chosen)
    print(f"  {'total':32} {total:>12,} cases  {crashes:>3} crashes")


if __name__ == "__main__":
    sys.exit(main())
