"""Fuzzing the scenario loader with damaged real scenarios: a CompiledScenario or a ContentError.

Each case starts from a real scenario file and damages it one to four times: bit flips,
truncation, inserted tabs, tags, anchors and aliases, huge numbers, control characters and
escapes, YAML punctuation, lines deleted, doubled or re-indented, values replaced. Whatever comes
out must be either a compiled scenario - whose texts are clean and on which a whole game with
random players runs to a score - or a ContentError whose problems (at most 50 and a count) each
name the file and a line and column inside it, in one printable line. Any other exception fails.

The budget keeps this file to about 15 s; ``COMMONGROUND_FUZZ_SCALE=10`` runs ten times as many
cases, and ``bench/fuzz.py --minutes N`` runs the same strategies for as long as asked.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ai.random_player import RandomPlayer
from game.engine.scoring import result
from game.errors import ContentError, Problem
from game.scenario.characters import VALUE_FORBIDDEN
from game.scenario.load import load_scenario_text
from game.scenario.problems import MAX_PROBLEMS
from game.scenario.runtime import CompiledScenario
from game.scenario.texts import ONE_LINE_FIELDS
from game.scenario.yaml_loader import decode_text
from game.session.runner import play_game

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASES: dict[str, bytes] = {
    "small": (FIXTURES / "saves" / "small.yaml").read_bytes(),
    "minimal": (FIXTURES / "minimal.yaml").read_bytes(),
}
SOURCE = "fuzz.yaml"
SCALE = float(os.environ.get("COMMONGROUND_FUZZ_SCALE", "1"))

CONTROLS = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127, *range(0x80, 0xA0))]
BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
PIECES = [
    *("\t", "  ", "\t- ", "\n\t", " \t"),
    *("!!float ", "!!str ", "!!int ", "!!bool ", "!!null ", "!!map ", "!!seq ", "!!binary ", "!!set "),
    *("!!python/object/apply:os.system ", "!x ", "! ", "!<tag:yaml.org,2002:str> "),
    *("&a ", "*a", "&a [1, 2, 3]", "*nothing", "<<: *a", "&b {x: *a}", "[*a, *a, *a]"),
    *("9" * 16, "9" * 400, "-" + "9" * 30, "1.0e999", "-1.5e400", "1e5", ".nan", ".inf", "-.inf"),
    *("0x1F", "0o17", "1_000", "-0", "+7", "00012", "3.", ".5", "1.0e15", "99999999999999"),
    *('"\\0"', '"\\e[31m"', '"\\u202e"', '"\\x85"', '"\\ud800"', '"\\r"', '"\\t"', '"\\n"', '"\\L"'),
    *(": ", "- ", "[", "]", "{", "}", ",", "? ", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! x\n"),
    *("|\n", ">-\n", "|+\n", "#", "'", '"', "\\", "\ufeff", "\u2028", "\u2029", "\r", "\r\n"),
    *("é", "ñ", "😀", "\u0301", "\u200b", "no", "null", "~", "true", "yes", "='x'"),
    *('"tension < 90"', "'trust'", '"' + "9" * 320 + '"', '"1 * 1000000 * 1000000"', '"(((((x)))))"'),
]


def budget(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )


def piece() -> st.SearchStrategy[bytes]:
    text = st.sampled_from(PIECES + CONTROLS + BIDI) | st.text(max_size=10)
    return text.map(lambda t: t.encode("utf-8", "surrogatepass"))


# ----------------------------------------------------------------------------- damage


def at(draw: st.DrawFn, data: bytearray) -> int:
    return draw(st.integers(0, len(data)))


def flip(draw: st.DrawFn, data: bytearray) -> bytearray:
    if data:
        data[draw(st.integers(0, len(data) - 1))] ^= 1 << draw(st.integers(0, 7))
    return data


def truncate(draw: st.DrawFn, data: bytearray) -> bytearray:
    return data[: at(draw, data)]


def insert(draw: st.DrawFn, data: bytearray) -> bytearray:
    where = at(draw, data)
    return data[:where] + draw(piece()) + data[where:]


def replace(draw: st.DrawFn, data: bytearray) -> bytearray:
    where, new = at(draw, data), draw(piece())
    return data[:where] + new + data[where + max(1, len(new)) :]


def delete(draw: st.DrawFn, data: bytearray) -> bytearray:
    where = at(draw, data)
    return data[:where] + data[where + draw(st.integers(1, 60)) :]


def replace_value(draw: st.DrawFn, data: bytearray) -> bytearray:
    """The value after a random ``key: `` becomes a random piece (a tag, a number, an escape ...)."""
    starts = [i + 2 for i in range(len(data) - 1) if data[i : i + 2] == b": "]
    if not starts:
        return data
    start = draw(st.sampled_from(starts))
    end = start
    while end < len(data) and data[end : end + 1] not in (b",", b"}", b"]", b"\n"):
        end += 1
    return data[:start] + draw(piece()) + data[end:]


def line_edit(draw: st.DrawFn, data: bytearray) -> bytearray:
    """A line deleted, doubled, or indented by one more or one less space, or by a tab."""
    lines = bytes(data).split(b"\n")
    i = draw(st.integers(0, len(lines) - 1))
    kind = draw(st.sampled_from(["delete", "double", "indent", "dedent", "tab"]))
    if kind == "delete":
        del lines[i]
    elif kind == "double":
        lines.insert(i, lines[i])
    elif kind == "indent":
        lines[i] = b" " + lines[i]
    elif kind == "dedent":
        lines[i] = lines[i][1:] if lines[i].startswith(b" ") else lines[i]
    else:
        lines[i] = b"\t" + lines[i].lstrip(b" ")
    return bytearray(b"\n".join(lines))


def alias_value(draw: st.DrawFn, data: bytearray) -> bytearray:
    """An anchor on one value and an alias to it in place of another."""
    starts = [i + 2 for i in range(len(data) - 1) if data[i : i + 2] == b": "]
    if len(starts) < 2:
        return data
    first, second = sorted(draw(st.lists(st.sampled_from(starts), min_size=2, max_size=2, unique=True)))
    end = second
    while end < len(data) and data[end : end + 1] not in (b",", b"}", b"]", b"\n"):
        end += 1
    return data[:first] + b"&z " + data[first:second] + b"*z" + data[end:]


DAMAGE: list[Callable[[st.DrawFn, bytearray], bytearray]] = [
    flip,
    truncate,
    insert,
    insert,
    replace,
    delete,
    replace_value,
    replace_value,
    line_edit,
    alias_value,
]


def damaged_scenario(bases: dict[str, bytes] | None = None) -> st.SearchStrategy[bytes]:
    pool = bases or BASES

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        data = bytearray(pool[draw(st.sampled_from(list(pool)))])  # shrinks toward the first, smallest
        for _ in range(draw(st.integers(1, 4))):
            data = draw(st.sampled_from(DAMAGE))(draw, data)
        return bytes(data)

    return build()


# ----------------------------------------------------------------------------- the invariant


def check_scenario_bytes(data: bytes) -> None:
    """Loaded and playable, or refused with problems inside the file; nothing else."""
    try:
        text = decode_text(data, SOURCE)
    except ContentError as err:
        check_problems(err.problems, [len(line) for line in data.split(b"\n")])
        return
    try:
        scenario = load_scenario_text(text, SOURCE)
    except ContentError as err:
        check_problems(err.problems, [len(line) for line in text.removeprefix("\ufeff").split("\n")])
        return
    check_playable(scenario)


def check_problems(problems: list[Problem], line_lengths: list[int]) -> None:
    assert 1 <= len(problems) <= MAX_PROBLEMS + 1
    for problem in problems:
        where = str(problem)
        assert problem.path == SOURCE, where
        assert 1 <= problem.line <= len(line_lengths), where
        assert 1 <= problem.column <= line_lengths[problem.line - 1] + 1, where
        assert problem.message.strip() and "\n" not in problem.message, where
        assert not VALUE_FORBIDDEN.search(problem.message), where


def check_playable(scenario: CompiledScenario) -> None:
    """Every text drawable, and a whole game with random players ends with a score."""
    assert isinstance(scenario, CompiledScenario)
    for field, text in texts_of(scenario.model.model_dump()):
        assert not VALUE_FORBIDDEN.search(text), (field, text)
        if field in ONE_LINE_FIELDS:
            assert "\n" not in text and "\t" not in text, (field, text)
    players = [RandomPlayer(seed) for seed in range(len(scenario.roles))]
    state, _ = play_game(scenario, 7, players)
    scores = result(state)
    assert state.terminal and scores is not None


def texts_of(value: Any, field: str = "") -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(field, value)]
    if isinstance(value, dict):
        return [
            pair for key, item in value.items() for pair in texts_of(item, field if len(key) == 2 else key)
        ]
    if isinstance(value, list):
        return [pair for item in value for pair in texts_of(item, field)]
    return []


# ----------------------------------------------------------------------------- the suite and bench/fuzz.py


def run(check: Callable[[Any], Any]) -> Callable[[Any], None]:
    def body(value: Any) -> None:
        check(value)

    return body


# name: (strategy, check, examples in the suite). bench/fuzz.py runs the same for minutes.
FUZZ: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], None], int]] = {
    "damaged scenarios": (damaged_scenario(), check_scenario_bytes, 600),
    "random text": (
        (st.text(max_size=300) | st.binary(max_size=300)).map(
            lambda v: v if isinstance(v, bytes) else v.encode("utf-8", "surrogatepass")
        ),
        check_scenario_bytes,
        300,
    ),
}


def suite_test(name: str) -> Callable[[], None]:
    strategy, check, examples = FUZZ[name]
    return budget(examples)(given(strategy)(run(check)))


test_damaged_real_scenarios = suite_test("damaged scenarios")
test_random_text_and_bytes = suite_test("random text")


def test_the_undamaged_bases_load_and_play() -> None:
    """The starting points are good files, so a refusal comes from the damage."""
    for data in BASES.values():
        check_playable(load_scenario_text(decode_text(data, SOURCE), SOURCE))
