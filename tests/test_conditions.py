"""The condition language: parsing, typing, compiling, and hostile strings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.conditions import (
    BOOL,
    NUM,
    ConditionError,
    Namespace,
    Ref,
    compile_condition,
    parse,
)

NAMES = Namespace(
    {
        "trust": Ref(NUM, "tracks", 0),
        "harm": Ref(NUM, "tracks", 1),
        "turn": Ref(NUM, "turn"),
        "turns": Ref(NUM, "turns", constant=12),
        "flag.leak": Ref(BOOL, "flags", 0),
        "posture.us": Ref("text", "postures", 0, choices=("advisory", "joint", "unilateral")),
        "agreement.pact": Ref(BOOL, "agreements", 0, equals=1),
        "delta.trust": Ref(NUM, "tracks", 0, minus="turn_start"),
    },
    {"flag": ["leak"], "posture": ["us"]},
)


def state(
    trust: int = 50,
    harm: int = 10,
    leak: int = 0,
    posture: int = 0,
    pact: int = 0,
    turn: int = 1,
    start: int = 50,
):
    return SimpleNamespace(
        tracks=[trust, harm],
        flags=[leak],
        postures=[posture],
        agreements=[pact],
        turn=turn,
        turn_start=[start, harm],
    )


def check(source: str, s=None, expect=BOOL):
    return compile_condition(source, NAMES, expect).fn(s or state())


def test_comparisons_and_logic() -> None:
    assert check("trust >= 50 and harm < 20")
    assert not check("trust > 50 or harm > 20")
    assert check("not flag.leak")
    assert check("flag.leak", state(leak=1))
    assert check('posture.us == "joint"', state(posture=1))
    assert check('"unilateral" != posture.us')
    assert check("agreement.pact", state(pact=1))
    assert not check("agreement.pact", state(pact=2))
    assert check("(trust - harm) * 2 >= 80")
    assert check("delta.trust == -5", state(trust=45, start=50))
    assert check("turn < turns")
    assert check("-harm < 0")


def test_precedence_is_and_over_or() -> None:
    assert check("trust > 90 and harm > 90 or trust == 50")
    assert not check("trust > 90 and (harm > 90 or trust == 50)")


def test_measures_are_numbers_and_booleans_count_as_one() -> None:
    assert check("100 - 2 * harm", expect=NUM) == 80
    assert check("agreement.pact * 100", state(pact=1), expect=NUM) == 100
    assert check("trust >= 50", expect=NUM) == 1


@pytest.mark.parametrize(
    ("source", "message", "offset"),
    [
        ("trust >= ", "ends too early", 9),
        ("trsut >= 50", "did you mean 'trust'", 0),
        ('posture.us == "sideways"', "never 'sideways'", 14),
        ("trust >= 50 and", "ends too early", 15),
        ("trust and harm", "needs true/false", 6),
        ("1 < trust < 3", "cannot be chained", 10),
        ("trust = 5", "unexpected character '='", 6),
        ('trust == "high"', "'trust' is a number, not text", 0),
        ("flag.nope", "unknown name 'flag.nope'", 0),
        ("(trust > 1", "missing ')'", 10),
        ("", "empty", 0),
    ],
)
def test_errors_say_what_and_where(source: str, message: str, offset: int) -> None:
    with pytest.raises(ConditionError) as info:
        compile_condition(source, NAMES)
    assert message in info.value.message
    assert info.value.offset == offset


def test_a_measure_must_not_be_a_condition_and_vice_versa() -> None:
    with pytest.raises(ConditionError, match="must give true/false"):
        compile_condition("trust + 1", NAMES, BOOL)


HOSTILE = [
    "__import__('os').system('echo hacked')",
    "open('/etc/passwd').read()",
    "trust.__class__.__mro__",
    "().__class__.__bases__[0].__subclasses__()",
    "lambda: 1",
    "exec('1')",
    "eval('trust')",
    "trust if 1 else 2",
    "[x for x in range(10)]",
    "trust; import os",
    "trust >= 50 # comment",
    "trust ** 1000000",
    "9" * 600,
    "(" * 200 + "trust" + ")" * 200,
    "not " * 200 + "flag.leak",
    "- " * 200 + "trust",
    "\x00trust",
    "trust >= 50\nand harm",
]


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_strings_are_refused_never_run(source: str) -> None:
    with pytest.raises(ConditionError):
        compile_condition(source, NAMES)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120))
def test_any_text_either_compiles_or_is_a_condition_error(source: str) -> None:
    try:
        compiled = compile_condition(source, NAMES)
    except ConditionError:
        return
    assert isinstance(compiled.fn(state()), bool)


ATOMS = st.sampled_from(["trust", "harm", "turn", "3", "50", "flag.leak", "agreement.pact", "(trust - harm)"])
OPS = st.sampled_from([" and ", " or ", " >= ", " < ", " + ", " - ", " * ", " == "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ATOMS, OPS), min_size=1, max_size=6), ATOMS)
def test_generated_expressions_never_crash(parts: list[tuple[str, str]], last: str) -> None:
    source = "".join(a + o for a, o in parts) + last
    try:
        tree = parse(source)
    except ConditionError:
        return
    assert tree
    for expect in (BOOL, NUM):
        try:
            compiled = compile_condition(source, NAMES, expect)
        except ConditionError:
            continue
        compiled.fn(state())


@pytest.mark.parametrize(
    ("source", "offset"),
    [
        ("trust < " + "9" * 320, 8),
        ("trust < " + "9" * 320 + " * 1.5", 8),
        ("trust < 1.5 * " + "9" * 320, 14),
        ("trust < 1.5 + " + "9" * 320, 14),
        ("trust < " + "9" * 400 + ".0", 8),
        ("trust < 1000001", 8),
        ("trust < 1000000.5", 8),
        ("harm * 0 < " + "9" * 400 + ".0 * 0", 11),
    ],
)
def test_numbers_are_bounded_where_they_are_written(source: str, offset: int) -> None:
    """A 320-digit number crashed constant folding (OverflowError); a 400-digit float gave
    infinity, and infinity times zero NaN, which crashed scoring in every game."""
    with pytest.raises(ConditionError) as info:
        compile_condition(source, NAMES)
    assert "too large" in info.value.message and "1,000,000" in info.value.message
    assert info.value.offset == offset


def test_the_largest_allowed_numbers_still_work() -> None:
    assert check("trust < 1000000 and -1000000 < harm and 999999.5 > 0.000001")
    assert check("1000000 * 999 - trust", expect=NUM) == 998_999_950


@pytest.mark.parametrize(
    ("source", "offset"),
    [
        ("trust" + " * 1000" * 4 + " > 1", 20),
        ("1000000 * 1000000 > trust", 8),
        ("(1000000 + 1000000) * 1000 > trust", 20),
        ("(trust * 1000000) * (harm * 1000) > 1", 18),
        ("-(1000000 * -1000000) > 1", 10),
    ],
)
def test_arithmetic_that_can_grow_too_large_is_refused(source: str, offset: int) -> None:
    """Small numbers multiplied can still reach infinity as floats: refused at the operator."""
    with pytest.raises(ConditionError) as info:
        compile_condition(source, NAMES)
    assert "can grow too large" in info.value.message
    assert info.value.offset == offset


@pytest.mark.parametrize(
    "source", ["trust\u00a0< 5", "trust < \u0661\u0660", "trust\u2003< 5", "trust\x0b< 5"]
)
def test_only_plain_spaces_and_ascii_digits(source: str) -> None:
    with pytest.raises(ConditionError) as info:
        compile_condition(source, NAMES)
    assert "U+" in info.value.message


def test_unicode_letters_in_names_are_refused_with_their_code() -> None:
    with pytest.raises(ConditionError) as info:
        compile_condition("trust < 5 and tr\u00fcst > 1", NAMES)
    assert info.value.offset == 16 and "'ü'" in info.value.message


def test_the_longest_chains_compile_and_deep_in_a_program_are_refused_not_crashed() -> None:
    chain = "1 +" * 166 + " 1"
    assert compile_condition(chain, NAMES, NUM).fn(state()) == 167

    def from_deep_inside(frames: int) -> str:
        if frames:
            return from_deep_inside(frames - 1)
        try:
            compile_condition(chain, NAMES, NUM)
        except ConditionError as err:
            return err.message
        return "compiled"

    assert "too many operators" in from_deep_inside(700)
