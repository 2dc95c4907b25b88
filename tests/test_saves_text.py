"""Untrusted text in saves: control and text-direction characters are refused where they sit."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from game.errors import ContentError
from game.session import jsonread, store
from game.session.untrusted import UNSAFE, char_name, find_unsafe, printable

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS / "corpus" / "saves"

_spec = importlib.util.spec_from_file_location("make_corpus", TESTS / "corpus" / "make_corpus.py")
assert _spec and _spec.loader
make_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_corpus)

HOSTILE = [
    "\x00",
    "\x1b",
    "\x07",
    "\r",
    "\x7f",
    "\x85",
    "\x9b",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u2028",
]


@pytest.mark.parametrize("char", HOSTILE)
def test_every_listed_character_is_unsafe_and_replaced_on_output(char: str) -> None:
    assert UNSAFE.search(f"a{char}b")
    assert printable(f"a{char}b") == "a\ufffdb"
    assert printable(f"a{char}b", "") == "ab"


def test_tab_newline_and_ordinary_text_stay() -> None:
    text = "Señor «ya» — 北京\tfin\nnext ٣ עברית"
    assert printable(text) is text
    assert find_unsafe({"moves": [{"reason": "two\nlines"}]}, frozenset({"reason"})) is None
    assert find_unsafe({"name": "two\nlines"}) == (("name",), "\n", False)


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("hostile_name_escape.json", ("name",)),
        ("hostile_seat_escape.json", ("seats", 1)),
        ("hostile_scenario_path_nul.json", ("scenario", "path")),
        ("hostile_title_escape.json", ("scenario", "title")),
    ],
)
def test_the_problem_points_at_the_value_that_holds_the_character(name: str, where: tuple) -> None:
    path = CORPUS / name
    text = path.read_text(encoding="utf-8")
    with pytest.raises(ContentError) as info:
        store.load_session(path)
    problem = info.value.problems[0]
    assert (problem.line, problem.column) == jsonread.position(text, jsonread.locate(text, where))
    assert "control or text-direction characters" in problem.message
    assert UNSAFE.search(str(problem)) is None, "the message itself never carries the character"


def test_a_key_holding_a_control_character_points_at_the_key() -> None:
    path = CORPUS / "hostile_key_escape.json"
    text = path.read_text(encoding="utf-8")
    with pytest.raises(ContentError) as info:
        store.load_session(path)
    problem = info.value.problems[0]
    line = text.splitlines()[problem.line - 1]
    assert line[problem.column - 1 :].startswith('"north\\u001b[0m"')


def test_a_version_1_save_is_checked_too(tmp_path: Path) -> None:
    doc = make_corpus.v1_document()
    doc["seats"][0] = "human\u202e"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ContentError, match=r"seats\[0\]: the text holds U\+202E"):
        store.load_session(path)


def test_a_reason_typed_with_control_characters_is_saved_cleaned_and_loads(tmp_path: Path) -> None:
    """Text typed at the table is the program's own: cleaned on the way out, never refused."""
    session = make_corpus.small_game(until_turn=2)
    session.adjust({0: 1}, "ruled \x1b[31mso\u202e")
    loaded = store.load_session(store.save_session(session, tmp_path / "g.json"))
    adjust = [m for m in loaded.moves if m.kind == "adjust"][-1]
    assert adjust.reason == "ruled \ufffd[31mso\ufffd"
    assert loaded.state.fingerprint() == session.state.fingerprint()


def test_char_names_say_what_the_character_is() -> None:
    assert char_name("\x1b") == "U+001B (ESC)"
    assert char_name("\u202e") == "U+202E (RIGHT-TO-LEFT OVERRIDE)"
    assert char_name("\x9b") == "U+009B (a C1 control code)"
