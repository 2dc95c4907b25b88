"""Fuzzing the condition grammar: whatever the text, a compiled condition or a ConditionError.

Five kinds of input: random token streams, random typed syntax trees printed back to text (which
must parse back to the same tree and, compiled, agree with a plain interpreter of the tree on
random states), huge numbers, arbitrary unicode, and deep nesting. A compiled condition must run
on any state within the engine's ranges and give true/false, or for a measure a finite number.
Through the scenario loader, an error must point at the very character the grammar blames,
whatever YAML quoting the condition is written in.

The budget keeps this file to about 10 s; ``COMMONGROUND_FUZZ_SCALE=10`` runs ten times as many
cases, and ``bench/fuzz.py --minutes N`` runs the same strategies for as long as asked.
"""

from __future__ import annotations

import json
import math
import os
import random
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.errors import ContentError
from game.scenario.conditions import (
    BOOL,
    MAX_DEPTH,
    MAX_MAGNITUDE,
    NUM,
    ConditionError,
    Namespace,
    Node,
    compile_condition,
    parse,
)
from game.scenario.crossref import Index, Reporter
from game.scenario.load import load_scenario, load_scenario_text
from game.scenario.positions import LineTable
from game.scenario.yaml_loader import load_yaml_text

SMALL = Path(__file__).resolve().parent / "fixtures" / "saves" / "small.yaml"
GOOD_YAML = SMALL.read_text(encoding="utf-8")
REQUIRES = 'requires: "tension < 90"'
SCENARIO = load_scenario(SMALL)
NAMES: Namespace = Index(SCENARIO.model, Reporter()).names
NUMBER_NAMES = sorted(n for n, r in NAMES.refs.items() if r.type == NUM)
BOOL_NAMES = sorted(n for n, r in NAMES.refs.items() if r.type == BOOL)
POSTURES = {n: r.choices for n, r in NAMES.refs.items() if r.type == "text"}

SCALE = float(os.environ.get("COMMONGROUND_FUZZ_SCALE", "1"))


def budget(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


def run(check: Callable[[Any], Any]) -> Callable[[Any], None]:
    """A check as a test body (Hypothesis wants tests to return None)."""

    def body(value: Any) -> None:
        check(value)

    return body


# ----------------------------------------------------------------------------- random states


def random_state(rng: random.Random) -> SimpleNamespace:
    """A state with every list a condition can read, each value within the engine's range."""
    sc = SCENARIO
    tracks, roles, actions = len(sc.track_ids), len(sc.role_ids), len(sc.actions)

    def bits(n: int) -> list[int]:
        return [rng.randint(0, 1) for _ in range(n)]

    return SimpleNamespace(
        turn=rng.randint(1, sc.turns + 1),
        turns=sc.turns,
        tracks=[rng.randint(0, 100) for _ in range(tracks)],
        turn_start=[rng.randint(0, 100) for _ in range(tracks)],
        flags=bits(len(sc.flag_ids)),
        postures=[rng.randrange(len(p.options)) for p in sc.postures],
        agreements=[rng.randint(0, 2) for _ in sc.terms],
        proposed=bits(len(sc.terms)),
        broken=bits(len(sc.terms)),
        capital=[rng.randint(0, 50) for _ in range(roles)],
        standing=[rng.randint(0, 100) for _ in range(roles)],
        used=[rng.randint(0, 40) for _ in range(actions)],
        streak=[rng.randint(0, 12) for _ in range(actions)],
        credibility=[rng.randint(0, 100) for _ in range(roles * roles)],
        beats_done=[rng.randint(0, 1) for _ in sc.beats],
        exposed=bits(actions),
        active=[rng.randint(0, 3) for _ in range(actions)],
        drawn=[rng.randint(0, 40) for _ in sc.events],
        ending=rng.randint(-1, len(sc.model.endings) - 1),
    )


STATES = [random_state(random.Random(seed)) for seed in range(12)]


# ----------------------------------------------------------------------------- the invariant


def check_condition(source: str) -> tuple[str, Any]:
    """Compile as a condition and as a measure; anything but a ConditionError fails.

    Returns what happened for the last kind tried: ("ok", compiled) or ("error", ConditionError).
    """
    outcome: tuple[str, Any] = ("error", None)
    for expect in (BOOL, NUM):
        try:
            compiled = compile_condition(source, NAMES, expect)
        except ConditionError as err:
            assert 0 <= err.offset <= len(source), (source, err.offset)
            assert err.message and "\n" not in err.message
            outcome = ("error", err)
            continue
        for state in STATES:
            value = compiled.fn(state)
            if expect == BOOL:
                assert isinstance(value, bool), (source, value)
            else:
                assert isinstance(value, int | float) and not isinstance(value, bool), (source, value)
                assert math.isfinite(value) and abs(value) <= MAX_MAGNITUDE, (source, value)
        outcome = ("ok", compiled)
    return outcome


# ----------------------------------------------------------------------------- token streams

VOCABULARY = (
    NUMBER_NAMES
    + BOOL_NAMES
    + list(POSTURES)
    + ["and", "or", "not", "true", "false", "(", ")", "(", ")", "<", "<=", ">", ">=", "==", "!="]
    + ["+", "-", "*", "/", "**", "%", "=", "!", "&&", "||", ".", ",", "[", "]", ":", ";", "\\", "#"]
    + ["0", "1", "7", "90", "100", "1.5", "0.001", "1000000", "1000001", "999999.99", "00012"]
    + ["'open'", '"hidden"', "'x'", '"', "'", "__import__", "lambda", "tension.__class__", "len"]
    + ["\u202e", "\u00a0", "\u0661", "é", "\x00", "\x1b", "ä", "𝟘", "\u2028", "ﬁ", "tr\u00fcst"]
)
SEPARATORS = [" ", " ", " ", "", "  ", "\t", "\n"]


@st.composite
def token_stream(draw: st.DrawFn) -> str:
    word = st.sampled_from(VOCABULARY)
    tokens = draw(st.lists(st.one_of(word, word, word, word, word, huge_number()), max_size=30))
    return "".join(token + draw(st.sampled_from(SEPARATORS)) for token in tokens)


def fuzz_token_stream(source: str) -> None:
    check_condition(source)


# ----------------------------------------------------------------------------- syntax trees

# Precedence of each kind of node, as the grammar parses it (higher binds tighter).
_PREC = {"or": 1, "and": 2, "not": 3, "cmp": 4, "+": 5, "-": 5, "*": 6, "neg": 7}


def precedence(node: Node) -> int:
    kind = node[0]
    if kind == "arith":
        return 7 if _is_negation(node) else _PREC[node[2]]
    return _PREC.get(kind, 8)


def _is_negation(node: Node) -> bool:
    return node[0] == "arith" and node[2] == "-" and node[3] == ("num", None, 0)


def to_text(node: Node) -> str:
    """The tree written with only the parentheses the grammar needs."""
    kind = node[0]

    def side(child: Node, minimum: int) -> str:
        text = to_text(child)
        return f"({text})" if precedence(child) < minimum else text

    if kind == "num":
        return node[2] if isinstance(node[2], str) else str(node[2])
    if kind == "str":
        return json.dumps(node[2])
    if kind == "bool":
        return "true" if node[2] else "false"
    if kind == "name":
        return node[2]
    if kind == "not":
        return "not " + side(node[2], _PREC["not"])
    if kind in ("and", "or"):
        return f"{side(node[2], _PREC[kind])} {kind} {side(node[3], _PREC[kind] + 1)}"
    if kind == "cmp":
        return f"{side(node[3], 5)} {node[2]} {side(node[4], 5)}"
    if _is_negation(node):
        return "-" + side(node[4], 7)
    level = _PREC[node[2]]
    return f"{side(node[3], level)} {node[2]} {side(node[4], level + 1)}"


def without_offsets(node: Node) -> Node:
    """The tree as the tests build it: no offsets, number texts as their values."""
    kind = node[0]
    if kind == "num":
        value = node[2]
        if isinstance(value, str):
            value = float(value) if "." in value else int(value)
        return ("num", None, value)
    if kind in ("str", "bool", "name"):
        return (kind, None, node[2])
    if kind == "not":
        return ("not", None, without_offsets(node[2]))
    if kind in ("and", "or"):
        return (kind, None, without_offsets(node[2]), without_offsets(node[3]))
    return (kind, None, node[2], without_offsets(node[3]), without_offsets(node[4]))


def number_literal() -> st.SearchStrategy[Node]:
    whole = st.integers(0, 1_000_000).map(str)
    decimal = st.tuples(st.integers(0, 999_999), st.integers(0, 10**6)).map(lambda p: f"{p[0]}.{p[1]}")
    return (whole | decimal).map(lambda text: ("num", None, text))


def number_tree() -> st.SearchStrategy[Node]:
    leaves = number_literal() | st.sampled_from(NUMBER_NAMES).map(lambda n: ("name", None, n))

    def grow(inner: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
        binary = st.tuples(st.sampled_from("+-*"), inner, inner).map(lambda t: ("arith", None, *t))
        negated = inner.map(lambda n: ("arith", None, "-", ("num", None, 0), n))
        return binary | negated

    return st.recursive(leaves, grow, max_leaves=8)


def bool_tree() -> st.SearchStrategy[Node]:
    compare = st.tuples(st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), number_tree(), number_tree())
    posture = st.sampled_from(sorted(POSTURES)).flatmap(
        lambda name: st.tuples(
            st.sampled_from(["==", "!="]),
            st.just(("name", None, name)),
            st.sampled_from((*POSTURES[name], "sideways")).map(lambda c: ("str", None, c)),
        )
    )
    leaves = (
        st.sampled_from(BOOL_NAMES).map(lambda n: ("name", None, n))
        | st.booleans().map(lambda b: ("bool", None, b))
        | (compare | posture).map(lambda t: ("cmp", None, *t))
    )

    def grow(inner: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
        binary = st.tuples(st.sampled_from(["and", "or"]), inner, inner).map(
            lambda t: (t[0], None, t[1], t[2])
        )
        return binary | inner.map(lambda n: ("not", None, n))

    return st.recursive(leaves, grow, max_leaves=8)


def interpret(node: Node, s: SimpleNamespace) -> Any:
    """What a condition means, read straight off the tree: the reference the compiler must match."""
    kind = node[0]
    if kind in ("num", "bool"):
        value = node[2]
        return (float(value) if "." in value else int(value)) if isinstance(value, str) else value
    if kind == "name":
        return read_name(node[2], s)
    if kind == "not":
        return not interpret(node[2], s)
    if kind == "and":
        return bool(interpret(node[2], s)) and bool(interpret(node[3], s))
    if kind == "or":
        return bool(interpret(node[2], s)) or bool(interpret(node[3], s))
    op, left_node, right_node = node[2], node[3], node[4]
    if kind == "cmp" and right_node[0] == "str":
        ref = NAMES.resolve(left_node[2])
        chosen = s.postures[ref.index] == ref.choices.index(right_node[2])
        return chosen if op == "==" else not chosen
    left, right = interpret(left_node, s), interpret(right_node, s)
    operations: dict[str, Callable[[Any, Any], Any]] = {
        "+": lambda a, b: a + b,
        "-": lambda a, b: a - b,
        "*": lambda a, b: a * b,
        "<": lambda a, b: a < b,
        "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b,
        "==": lambda a, b: a == b,
        "!=": lambda a, b: a != b,
    }
    return operations[op](left, right)


def read_name(name: str, s: SimpleNamespace) -> Any:
    ref = NAMES.resolve(name)
    assert ref is not None
    if ref.constant is not None:
        return ref.constant
    if ref.index is None:
        value = getattr(s, ref.attr)
        return value == ref.equals if ref.equals is not None else value
    value = getattr(s, ref.attr)[ref.index]
    if ref.minus is not None:
        return value - getattr(s, ref.minus)[ref.index]
    if ref.equals is not None:
        return value == ref.equals
    return value != 0 if ref.type == BOOL else value


def fuzz_tree(tree: Node) -> None:
    """Printed, the tree parses back to itself; compiled, it agrees with ``interpret``."""
    source = to_text(tree)
    try:
        parsed = parse(source)
    except ConditionError as err:
        assert "too long" in err.message or "nested too deeply" in err.message, (source, err.message)
        return
    assert without_offsets(parsed) == without_offsets(tree), source
    check_condition(source)
    expect = NUM if tree[0] in ("num", "arith") or (tree[0] == "name" and tree[2] in NUMBER_NAMES) else BOOL
    try:
        compiled = compile_condition(source, NAMES, expect)
    except ConditionError as err:
        allowed = ("can grow too large", "is never", "too long", "nested too deeply")
        assert any(words in err.message for words in allowed), (source, err.message)
        return
    for state in STATES:
        reference = interpret(tree, state)
        if expect == NUM and isinstance(reference, bool):
            reference = int(reference)
        assert compiled.fn(state) == reference, (source, vars(state))


# ----------------------------------------------------------------------------- huge numbers


def huge_number() -> st.SearchStrategy[str]:
    """Numbers past MAX_NUMBER: just past it, hundreds of digits, long decimals, 4,300 digits."""
    digits = st.tuples(st.integers(8, 420), st.integers(0, 2**32)).map(
        lambda t: "".join(random.Random(t[1]).choices("0123456789", k=t[0]))
    )
    return (
        st.integers(1_000_001, 10**400).map(str)
        | digits.map(lambda d: "9" + d)
        | st.tuples(digits, st.integers(1, 80)).map(lambda t: "1" + t[0] + "." + "0" * t[1])
        | st.sampled_from(["1000001", "1000000.0001", "9" * 320, "9" * 400 + ".0", "1" + "0" * 4299])
    )


HUGE_TEMPLATES = ["trust < {}", "{} * 1.5 > tension", "1.5 * {} - trust", "-{} * 0"]


def fuzz_huge_number(case: tuple[str, str]) -> None:
    """A number past the bound is refused at its first digit."""
    number, template = case
    source = template.format(number)
    for expect in (BOOL, NUM):
        try:
            compile_condition(source, NAMES, expect)
        except ConditionError as err:
            if len(source) > 500:
                assert "too long" in err.message
            else:
                assert "is too large" in err.message and err.offset == source.index(number), err.message
            continue
        raise AssertionError(f"{source[:60]}... compiled")


def fuzz_product(factors: list[str]) -> None:
    """Small numbers multiplied: compiled only if the product stays within MAX_MAGNITUDE."""
    source = " * ".join(factors) + " * 1.5"
    _, result = check_condition(source)
    if isinstance(result, ConditionError):
        assert "can grow too large" in result.message or "too long" in result.message, result.message


# ----------------------------------------------------------------------------- unicode and nesting


def fuzz_unicode(source: str) -> None:
    check_condition(source)


NESTINGS = [
    # (opened, closed, innermost, after, levels each repeat adds, what it gives)
    ("(", ")", "trust", " > 1", 1, BOOL),
    ("not ", "", "flag.leak", "", 1, BOOL),
    ("- ", "", "tension", " - 1", 1, NUM),
    ("-(", ")", "1", "", 2, NUM),
]


def fuzz_nesting(case: tuple[int, tuple[str, str, str, str, int, str]]) -> None:
    """Parentheses, 'not' and unary minus nest up to MAX_DEPTH levels, and are refused beyond it."""
    repeats, nesting = case
    opened, closed, innermost, after, levels, expect = nesting
    source = opened * repeats + innermost + closed * repeats + after
    check_condition(source)
    try:
        compile_condition(source, NAMES, expect)
    except ConditionError as err:
        assert 1 + levels * repeats > MAX_DEPTH or len(source) > 500, (source, err.message)
        return
    assert 1 + levels * repeats <= MAX_DEPTH, source


# ----------------------------------------------------------------------------- positions in the file


def yaml_forms(condition: str) -> list[str]:
    """The condition written as a YAML value in each quoting style that can hold it."""
    forms = [json.dumps(condition, ensure_ascii=False), "'" + condition.replace("'", "''") + "'"]
    if "\n" not in condition:
        forms.append(condition)
        words = condition.split(" ")
        folded = "\n      ".join(" ".join(words[i : i + 3]) for i in range(0, len(words), 3))
        forms.append(">-\n      " + folded)
        forms.append("|-\n      " + condition)
    return forms


def fuzz_position(case: tuple[str, int]) -> None:
    """A condition's error is reported at the line and column of the character it is about."""
    condition, style = case
    if not condition or len(condition) > 500:
        return  # refused as a value before it is read as a condition
    forms = yaml_forms(condition)
    written = forms[style % len(forms)]
    text = GOOD_YAML.replace(REQUIRES, "requires: " + written, 1)
    try:
        as_read = load_yaml_text(text, "fuzz.yaml").data["actions"][3]["requires"]
    except (ContentError, KeyError, TypeError):
        return  # this text cannot be written in this style (a comment sign, a control character ...)
    if as_read != condition:
        return
    try:
        load_scenario_text(text, "fuzz.yaml")
        return
    except ContentError as err:
        problems = err.problems
    try:
        compile_condition(condition, NAMES, BOOL)
        return  # the file is refused for another reason (the condition was not read as written)
    except ConditionError as wrong:
        blamed, blame = wrong.offset, wrong.message
    condition_problems = [p for p in problems if p.message.startswith("condition:")]
    assert len(condition_problems) == 1, [str(p) for p in problems]
    problem = condition_problems[0]
    assert problem.message == f"condition: {blame}"
    line, column = problem.line, problem.column
    lines = text.split("\n")
    assert 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1, str(problem)
    if blamed < len(condition) and not condition[blamed].isspace():
        index = LineTable(text).starts[line - 1] + column - 1
        written_char = text[index]
        assert written_char == condition[blamed] or written_char == "\\", (str(problem), written, blamed)


# ----------------------------------------------------------------------------- the suite and bench/fuzz.py

# name: (strategy, check, examples in the suite). bench/fuzz.py runs the same for minutes.
FUZZ: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], None], int]] = {
    "condition token streams": (token_stream(), fuzz_token_stream, 500),
    "condition trees": (bool_tree() | number_tree(), fuzz_tree, 300),
    "condition huge numbers": (
        st.tuples(huge_number(), st.sampled_from(HUGE_TEMPLATES)),
        fuzz_huge_number,
        200,
    ),
    "condition products": (
        st.lists(st.sampled_from(["1000", "1000000", "trust", "999999.5", "turns"]), min_size=2, max_size=40),
        fuzz_product,
        150,
    ),
    "condition unicode": (
        st.text(max_size=120) | st.text(st.characters(codec="utf-8"), max_size=60),
        fuzz_unicode,
        500,
    ),
    "condition nesting": (st.tuples(st.integers(0, 80), st.sampled_from(NESTINGS)), fuzz_nesting, 150),
    "condition positions in YAML": (
        st.tuples(token_stream() | bool_tree().map(to_text), st.integers(0, 4)),
        fuzz_position,
        100,
    ),
}


def suite_test(name: str) -> Callable[[], None]:
    strategy, check, examples = FUZZ[name]
    return budget(examples)(given(strategy)(run(check)))


test_random_token_streams = suite_test("condition token streams")
test_random_trees_print_parse_and_run_as_written = suite_test("condition trees")
test_huge_numbers_are_refused_where_they_are_written = suite_test("condition huge numbers")
test_products_that_could_overflow_are_refused = suite_test("condition products")
test_arbitrary_unicode = suite_test("condition unicode")
test_deep_nesting = suite_test("condition nesting")
test_errors_in_the_file_point_at_the_character = suite_test("condition positions in YAML")
