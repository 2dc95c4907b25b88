"""Fuzzing the three readers of untrusted text: whatever comes in, only a ContentError comes out.

The scenario loader, the condition parser (through the scenario loader, so its error positions
are checked too) and the save loader get random text and random damage to good files. Any
other exception - a crash the window or terminal game would show as a traceback - fails.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.errors import ContentError
from game.scenario.load import load_scenario_text
from game.session import store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "saves"
SMALL = FIXTURES / "small.yaml"
GOOD_YAML = SMALL.read_text(encoding="utf-8")
REQUIRES = 'requires: "tension < 90"'
REQUIRES_LINE = GOOD_YAML[: GOOD_YAML.index(REQUIRES)].count("\n") + 1

# COMMONGROUND_FUZZ=5000 for a deeper run; the default keeps the suite fast.
FUZZ = settings(
    max_examples=int(os.environ.get("COMMONGROUND_FUZZ", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

YAML_BITS = st.sampled_from(
    [
        "&a ",
        "*a",
        "!!python/object:os.system ",
        "!!str ",
        "<<: ",
        "? ",
        "- ",
        ": ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "\n",
        "  ",
        "\t",
        "'",
        '"',
        "#",
        "---\n",
        "...\n",
        "%YAML 1.1\n",
        "|\n",
        ">\n",
        "\x00",
        "\ufeff",
        "é",
        "~",
        "1e999",
        "0x1F",
        ".inf",
        "no",
        "null",
        "9" * 30,
    ]
)


@st.composite
def damaged_yaml(draw: st.DrawFn) -> str:
    text = GOOD_YAML
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.one_of(YAML_BITS, st.text(max_size=12)))
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    return text


def load_yaml_or_refuse(text: str) -> None:
    try:
        load_scenario_text(text, "fuzz.yaml")
    except ContentError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.path == "fuzz.yaml" and problem.line >= 1 and problem.column >= 1
            assert problem.message and "\n" not in problem.message


@FUZZ
@given(st.text(max_size=400))
def test_scenario_loader_random_text(text: str) -> None:
    load_yaml_or_refuse(text)


@FUZZ
@given(damaged_yaml())
def test_scenario_loader_damaged_scenario(text: str) -> None:
    load_yaml_or_refuse(text)


CONDITION_BITS = st.sampled_from(
    [
        "tension",
        "trust",
        "secret_meter",
        "turn",
        "turns",
        "flag.leak",
        "posture.north_posture",
        "agreement.pact",
        "delta.trust",
        "and",
        "or",
        "not",
        "true",
        "false",
        "(",
        ")",
        "<",
        "<=",
        ">",
        ">=",
        "==",
        "!=",
        "+",
        "-",
        "*",
        "/",
        "**",
        "'open'",
        "'x'",
        "0",
        "7",
        "90",
        "1.5",
        "99999999999999999999",
        "__import__",
        ".",
        ",",
        "[",
        "]",
        "lambda",
        ":",
        "\\",
        "\u202e",
        "١٠",
        " ",
        "tension.__class__",
        "len(",
        "x",
    ]
)


@FUZZ
@given(st.lists(CONDITION_BITS, max_size=25).map(" ".join) | st.text(max_size=80))
def test_condition_parser_through_the_loader(condition: str) -> None:
    """A random condition in a requires: field is accepted or refused on that line."""
    text = GOOD_YAML.replace(REQUIRES, "requires: " + json.dumps(condition), 1)
    try:
        scenario = load_scenario_text(text, "fuzz.yaml")
    except ContentError as err:
        lines = {problem.line for problem in err.problems}
        assert lines == {REQUIRES_LINE}, [str(p) for p in err.problems]
        return
    # accepted: the compiled condition must run on a real state without raising
    from game.engine import legal_action_indexes, new_game

    legal_action_indexes(new_game(scenario, 1), scenario.role_index["south"])


# ----------------------------------------------------------------------------- saves


@pytest.fixture(scope="module")
def good_save(tmp_path_factory: pytest.TempPathFactory) -> str:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_corpus", FIXTURES.parents[1] / "corpus" / "make_corpus.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    doc = module.base_document(until_turn=3)
    doc["scenario"]["path"] = str(SMALL)
    doc["pending"] = {"orders": {"north": ["secret_op"]}, "dice": [["north", "secret_op", 4, 5]]}
    return json.dumps(doc, indent=1)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.text(max_size=20)
    | st.sampled_from(
        ["north", "south", "talk", "secret_op", "pact", "orders", "answers", "adjust", "inject"]
    ),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _paths(value: object, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, path + (index,))
    return found


def load_or_refuse(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.json"
    path.write_bytes(data)
    try:
        store.load_session(path)
    except ContentError as err:
        assert err.problems and all(p.line >= 1 and p.column >= 1 and p.message for p in err.problems)
    assert path.read_bytes() == data


@FUZZ
@given(data=st.data())
def test_save_loader_damaged_json_values(tmp_path: Path, good_save: str, data: st.DataObject) -> None:
    """Replace or delete a random value anywhere in a good save: refused, or a valid game."""
    doc = json.loads(good_save)
    for _ in range(data.draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        target = data.draw(st.sampled_from(paths))
        parent = doc
        for part in target[:-1]:
            parent = parent[part]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[target[-1]]
        else:
            parent[target[-1]] = data.draw(JSON_VALUES)
    load_or_refuse(tmp_path, json.dumps(doc).encode("utf-8"))


@FUZZ
@given(data=st.data())
def test_save_loader_damaged_bytes(tmp_path: Path, good_save: str, data: st.DataObject) -> None:
    """Bit flips, truncation and inserted bytes anywhere in a good save."""
    raw = bytearray(good_save.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        action = data.draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        if action == "flip":
            raw[at] ^= 1 << data.draw(st.integers(0, 7))
        elif action == "truncate":
            del raw[at:]
            if not raw:
                break
        elif action == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        else:
            del raw[at : at + data.draw(st.integers(1, 30))]
            if not raw:
                break
    load_or_refuse(tmp_path, bytes(raw))


@FUZZ
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_save_loader_random_bytes(tmp_path: Path, data: bytes) -> None:
    load_or_refuse(tmp_path, data)
