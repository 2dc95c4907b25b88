"""Loading scenarios: a good file loads; each kind of broken file is reported at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.errors import ContentError, Problem
from game.scenario.load import load_scenario, load_scenario_text
from game.scenario.problems import MAX_PROBLEMS
from game.scenario.yaml_loader import MAX_BYTES, load_yaml_text

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"
GOOD = FIXTURE.read_text(encoding="utf-8")


def test_the_good_file_loads_and_compiles() -> None:
    scenario = load_scenario(FIXTURE)
    assert scenario.id == "minimal"
    assert scenario.track_ids == ("tension", "trust", "secret_meter")
    assert scenario.model.roles[0].short == "no"  # quoted "no" is text
    assert [a.id for a in scenario.actions][:4] == ["talk", "secret_op", "protest", "mend"]
    assert "propose:pact:south:north" in scenario.action_index  # proposals become orders
    assert len(scenario.content_hash) == 64


def test_unquoted_no_stays_text() -> None:
    doc = load_yaml_text("a: no\nb: yes\nc: on\nd: true\ne: false\nf: NO\n")
    assert doc.data == {"a": "no", "b": "yes", "c": "on", "d": True, "e": False, "f": "NO"}


def load_broken(tmp_path: Path, old: str, new: str) -> list[str]:
    assert old in GOOD, old
    path = tmp_path / "broken.yaml"
    path.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_scenario(path)
    for problem in info.value.problems:
        assert problem.path == str(path)
    return [str(p).split(":", 1)[1] for p in info.value.problems]


def line_of(text: str, needle: str) -> int:
    return (
        GOOD.replace(*text)
        .splitlines()
        .index(next(ln for ln in GOOD.replace(*text).splitlines() if needle in ln))
        + 1
    )


CASES = [
    # (what, old, new, needle on the reported line, words in the message)
    ("a misspelt key", "    tends: Calms.", "    tendz: Calms.", "tendz", "unknown key 'tendz'"),
    ("a wrong type", "start: 40, good: low", "start: high, good: low", "start: high", "whole number"),
    (
        "a duplicate key",
        "    tends: Risky.",
        "    tends: Risky.\n    tends: Again.",
        "tends: Again",
        "duplicate key 'tends'",
    ),
    (
        "an unknown role",
        "    role: south\n    category: public",
        "    role: nobody\n    category: public",
        "role: nobody",
        "unknown role 'nobody'",
    ),
    ("a duplicate id", "  - id: mend", "  - id: talk", "id: talk\n", "duplicate action id 'talk'"),
    (
        "a bad condition",
        'requires: "tension < 90"',
        'requires: "tensoin < 90"',
        "tensoin",
        "did you mean 'tension'",
    ),
    (
        "a missing translation",
        'title: {en: "Minimal", es: "Mínimo"}',
        'title: {en: "Minimal"}',
        "title:",
        "missing translation: es",
    ),
    (
        "an unknown risk",
        "risks: [R1], headline: Tension high",
        "risks: [R9], headline: Tension high",
        "Tension high",
        "unknown risk 'R9'",
    ),
    (
        "an effect of two kinds",
        "effects: [{track: tension, add: 6}",
        "effects: [{track: tension, flag: leak, add: 6}",
        "flag: leak, add: 6",
        "exactly one of",
    ),
    (
        "an unknown posture option",
        "{posture: north_posture, set: hidden}",
        "{posture: north_posture, set: sideways}",
        "sideways",
        "no option 'sideways'",
    ),
    ("an out-of-range number", "chance: 30", "chance: 300", "chance: 300", "less than or equal to 100"),
    (
        "a missing required key",
        "    tends: Raises tension.\n",
        "",
        "  - id: protest",
        "missing required key 'tends'",
    ),
    ("a bad id", "  - id: mend", "  - id: Mend-It", "Mend-It", "lowercase letters"),
    (
        "a python tag",
        "    tends: Calms.",
        "    tends: !!python/object/apply:os.system ['echo hi']",
        "python/object",
        "not allowed",
    ),
    ("a YAML syntax error", "    tends: Calms.", "    tends: [Calms.", "tends: [Calms.", "YAML syntax"),
    (
        "a breach of an unknown term",
        "    breaks: [pact]",
        "    breaks: [pakt]",
        "breaks: [pakt]",
        "did you mean 'pact'",
    ),
]


@pytest.mark.parametrize(("what", "old", "new", "needle", "words"), CASES, ids=[c[0] for c in CASES])
def test_broken_files_point_at_the_right_line(
    tmp_path: Path, what: str, old: str, new: str, needle: str, words: str
) -> None:
    problems = load_broken(tmp_path, old, new)
    text = GOOD.replace(old, new, 1)
    lines = text.splitlines()
    first_line_of_needle = needle.split("\n")[0]
    candidates = [i + 1 for i, ln in enumerate(lines) if first_line_of_needle in ln]
    if needle.endswith("\n"):
        candidates = [
            i + 1 for i, ln in enumerate(lines) if ln.rstrip().endswith(first_line_of_needle.strip())
        ]
    matching = [p for p in problems if words in p]
    assert matching, f"{what}: expected {words!r} in {problems}"
    reported_line = int(matching[0].split(":")[0])
    assert reported_line in candidates, (
        f"{what}: reported line {reported_line}, expected one of {candidates}: {problems}"
    )


def test_a_condition_error_points_at_the_column(tmp_path: Path) -> None:
    problems = load_broken(tmp_path, 'requires: "tension < 90"', 'requires: "tension < 90 and flag.lek"')
    line = next(i + 1 for i, ln in enumerate(GOOD.splitlines()) if "requires:" in ln)
    col = GOOD.splitlines()[line - 1].index('"tension') + 1 + 1 + len("tension < 90 and ")
    assert problems[0].startswith(f"{line}:{col}:"), problems


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(
        GOOD.replace("role: south", "role: nobody").replace("    tends: Calms.", "    tendz: Calms.")
    )
    with pytest.raises(ContentError) as info:
        load_scenario(path)
    assert len(info.value.problems) >= 1
    path.write_text(GOOD.replace("role: south", "role: nobody").replace('"tension < 90"', '"tensoin < 90"'))
    with pytest.raises(ContentError) as info:
        load_scenario(path)
    messages = " ".join(p.message for p in info.value.problems)
    assert "nobody" in messages and "tensoin" in messages


def test_no_fallback_ending_is_an_error(tmp_path: Path) -> None:
    problems = load_broken(
        tmp_path, "  - {id: nothing, name: Nothing, narrative: Nothing settled., timing: final}\n", ""
    )
    assert any("fallback" in p for p in problems)


def test_alias_bomb_is_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(ContentError, match="too many values"):
        load_yaml_text("\n".join(lines))


@pytest.mark.parametrize(
    "text", ["[" * 2000 + "]" * 2000, "a:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(400))]
)
def test_deep_nesting_is_refused(text: str) -> None:
    with pytest.raises(ContentError):
        load_yaml_text(text)


def test_too_large_files_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        handle.seek(MAX_BYTES + 10)
        handle.write(b"\n")
    with pytest.raises(ContentError, match="too large"):
        load_scenario(path)


def test_not_utf8_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(GOOD.replace('"Mínimo"', '"M\u00ednimo"').encode("latin-1"))
    with pytest.raises(ContentError) as info:
        load_scenario(path)
    assert info.value.problems[0].line == 4
    assert "UTF-8" in info.value.problems[0].message


@pytest.mark.parametrize("text", ["", "just text", "- a\n- b\n", "42"])
def test_a_file_that_is_not_a_mapping(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(text)
    with pytest.raises(ContentError):
        load_scenario(path)


def test_bundled_scenarios_all_load() -> None:
    from game.scenario.load import bundled_scenarios

    paths = bundled_scenarios()
    assert paths
    for path in paths:
        load_scenario(path)


def test_a_pipe_or_device_is_refused_without_waiting(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    for path in (pipe, Path("/dev/zero")):
        with pytest.raises(ContentError, match="not a regular file"):
            load_scenario(path)


# ----------------------------------------------------------------------------- hostile values


def refused(text: str) -> list[Problem]:
    with pytest.raises(ContentError) as info:
        load_scenario_text(text, "hostile.yaml")
    return info.value.problems


def position_of(text: str, needle: str, plus: int = 0) -> tuple[int, int]:
    """Line and column (1-based) of the first ``needle`` in ``text``, moved ``plus`` to the right."""
    index = text.index(needle) + plus
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def only(problems: list[Problem], words: str) -> Problem:
    matching = [p for p in problems if words in p.message]
    assert len(matching) == 1, [str(p) for p in problems]
    return matching[0]


@pytest.mark.parametrize(
    "number",
    ["9" * 320, "9" * 320 + " * 1.5", "1.5 * " + "9" * 320, "9" * 400 + ".0", "1000001", "0.5 + 1000000.5"],
)
def test_a_huge_number_in_a_condition_is_refused_at_the_number(number: str) -> None:
    """320 digits used to crash validate (OverflowError); 400 digits of float passed and crashed scoring."""
    text = GOOD.replace('requires: "tension < 90"', f'requires: "tension < {number}"', 1)
    problem = only(refused(text), "too large")
    digits = next(part for part in number.split() if len(part) > 3)
    assert (problem.line, problem.column) == position_of(text, digits)
    assert "1,000,000" in problem.message


def test_a_measure_that_could_reach_infinity_is_refused() -> None:
    """Each number is small, but the product is not: refused where it grows too large, not at run time."""
    measure = "trust" + " * 1000" * 30 + " * 1.5"
    text = GOOD.replace("measure: trust}", f'measure: "{measure}"}}', 1)
    problem = only(refused(text), "can grow too large")
    third_times = len("trust * 1000 * 1000 ")
    assert (problem.line, problem.column) == position_of(text, "trust * 1000", third_times)


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("turns: 4", "turns: " + "9" * 500, "too large"),
        ("turns: 4", "turns: 1.0e999", "too large"),
        ("turns: 4", "turns: -1.5e400", "too large"),
        ("priority: 10", "priority: 99999999", "priority"),
    ],
)
def test_numbers_in_the_file_are_bounded(old: str, new: str, fragment: str) -> None:
    text = GOOD.replace(old, new, 1)
    problem = only(refused(text), fragment)
    assert (problem.line, problem.column) == position_of(text, new.split(": ")[1])


@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\0", "U+0000"),
        ("\\e", "U+001B"),
        ("\\x1b[31m", "U+001B"),
        ("\\x07", "U+0007"),
        ("\\r", "U+000D"),
        ("\\x7f", "U+007F"),
        ("\\x85", "U+0085"),
        ("\\x9b", "U+009B"),
        ("\\u202e", "U+202E"),
        ("\\u2066", "U+2066"),
        ("\\u2028", "U+2028"),
    ],
)
def test_control_characters_in_text_are_refused_where_they_are(escape: str, code: str) -> None:
    """A NUL in a title validated, then killed the window (pygame cannot draw it)."""
    text = GOOD.replace('title: {en: "Minimal"', f'title: {{en: "Min{escape}imal"', 1)
    problem = only(refused(text), code)
    assert (problem.line, problem.column) == position_of(text, escape)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("\u202e", "U+202E"),
        ("\u2067", "U+2067"),
        ("\u2028", "U+2028"),
        ("\x85", "U+0085"),
        ("\x1b", "U+001B"),
    ],
)
def test_raw_control_characters_anywhere_in_the_file_are_refused(raw: str, code: str) -> None:
    """Even in a comment: a bidirectional override makes the file read differently from what it is."""
    text = GOOD.replace("# A small", f"# A {raw}small", 1).replace("name: Trust,", f"name: Tr{raw}ust,", 1)
    problems = refused(text)
    assert [(p.line, p.column) for p in problems if code in p.message] == [
        position_of(text, raw),
        position_of(text, f"Tr{raw}", 2),
    ]


def test_a_line_break_in_a_one_line_text_is_refused() -> None:
    text = GOOD.replace("name: Trust,", 'name: "Tr\\nust",', 1)
    problem = only(refused(text), "one line")
    assert (problem.line, problem.column) == position_of(text, "\\nust")


def test_multi_line_text_may_hold_line_breaks_and_tabs() -> None:
    text = GOOD.replace("description: Trust.,", 'description: "Trust.\\n\\tIndented.",', 1)
    scenario = load_scenario_text(text, "multi.yaml")
    assert scenario.model.tracks[1].description == "Trust.\n\tIndented."


def test_a_very_long_plain_text_is_refused() -> None:
    text = GOOD.replace("description: Trust.,", f"description: {'x' * 5000},", 1)
    assert "at most 4000 characters" in only(refused(text), "4000").message


def test_a_wrong_amount_is_reported_at_the_amount() -> None:
    """It used to point at the track id and say "got 'tension'"."""
    text = GOOD.replace("{track: tension, add: -5}", "{track: tension, add: five}", 1)
    problem = only(refused(text), "whole number")
    assert problem.message == "expected a whole number, got 'five'"
    assert (problem.line, problem.column) == position_of(text, "five")


def test_a_wrong_flag_value_is_reported_at_the_value() -> None:
    text = GOOD.replace("{flag: private_note, set: true}", "{flag: private_note, set: maybe}", 1)
    problem = only(refused(text), "true or false")
    assert problem.message == "expected true or false, got 'maybe'"
    assert (problem.line, problem.column) == position_of(text, "maybe")


@pytest.mark.parametrize(
    ("written", "needle"),
    [
        ('"tensoin < 90"', "tensoin"),
        ("'tensoin < 90'", "tensoin"),
        ("tensoin < 90", "tensoin"),
        ('"tension < 90 and tensoin < 3"', "tensoin"),
        ('"\\x74ension < 90 and tensoin < 3"', "tensoin"),
        ("'posture.north_posture == ''open'' or tensoin < 3'", "tensoin"),
        (">-\n      tension < 90 and\n      tensoin < 3", "tensoin"),
        ("|\n      tension < 90 and\n      tensoin < 3", "tensoin"),
        ("tension < 90 and\n      tensoin < 3", "tensoin"),
        ('"tension < 90 and\n      tensoin < 3"', "tensoin"),
    ],
)
def test_a_condition_error_is_reported_at_the_exact_character(written: str, needle: str) -> None:
    """At the name, not one column left at the quote; on its own line when the text spans lines."""
    text = GOOD.replace('requires: "tension < 90"', f"requires: {written}", 1)
    problem = only(refused(text), "tensoin")
    assert (problem.line, problem.column) == position_of(text, needle), str(problem)


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("format: 1\nid: x\ntracks:\n  - id: a\n    name: b\n   start: 3\n", (6, 4), "starts at line 4"),
        ("a:\n  b: 1\n  c: 2\n d: 3\n", (4, 2), "starts at line 1"),
        ("a: 1\n\tb: 2\n", (2, 1), "tab"),
        ("a: [1, 2\nb: 3\n", (1, 4), "noticed at line 2"),
        ('a: "abc\nb: 3\n', (1, 4), "noticed at line 3"),
        ("a: {x: 1\n", (1, 4), "noticed at line 2"),
    ],
)
def test_yaml_syntax_errors_point_where_the_problem_is(text: str, where: tuple[int, int], words: str) -> None:
    """A bad indent at line 6 was reported at line 4, where the list starts; an unclosed
    bracket or quote is still reported where it opens."""
    with pytest.raises(ContentError) as info:
        load_yaml_text(text, "syntax.yaml")
    problem = info.value.problems[0]
    assert (problem.line, problem.column) == where, str(problem)
    assert words in problem.message


@pytest.mark.parametrize(
    "tagged",
    [
        "turns: !!float 4",
        "turns: !!int 4",
        "turns: !!str 4",
        "turns: !!int '4'",
        "turns: !local 4",
        "turns: ! 4",
    ],
)
def test_explicit_tags_are_refused(tagged: str) -> None:
    """``!!float 4`` used to be read as 4: a tag is refused rather than half honoured."""
    text = GOOD.replace("turns: 4", tagged, 1)
    problem = only(refused(text), "tag")
    assert (problem.line, problem.column) == position_of(text, tagged.split(": ")[1])
    assert "not allowed" in problem.message


def test_tags_on_collections_are_refused_too() -> None:
    text = GOOD.replace("risks:\n", "risks: !!seq\n", 1)
    assert "not allowed" in only(refused(text), "tag").message


def test_the_problems_of_one_file_are_capped() -> None:
    """29,000 unknown keys printed 29,000 lines: the first 50 are listed, then how many more."""
    text = GOOD + "".join(f"k{i}: 1\n" for i in range(29_000))
    problems = refused(text)
    assert len(problems) == MAX_PROBLEMS + 1
    assert all("unknown key" in p.message for p in problems[:-1])
    assert problems[-1].message == "… and 28,950 more problems"
    assert problems[-1].line == problems[-2].line + 1


@pytest.mark.parametrize("text", ["a: &a [1, *a]\n", "a: &a {b: 1, c: *a}\n", "a: &a [[[*a]]]\n"])
def test_a_value_that_contains_itself_is_refused_at_its_anchor(text: str) -> None:
    with pytest.raises(ContentError) as info:
        load_yaml_text(text, "loop.yaml")
    problem = info.value.problems[0]
    assert (problem.line, problem.column) == (1, 4) and "alias of itself" in problem.message
