"""Loading scenarios: a good file loads; each kind of broken file is reported at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.errors import ContentError
from game.scenario.load import load_scenario
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
