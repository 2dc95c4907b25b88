"""Observer notes: a facilitator move that changes nothing, kept in the save (format version 3,
older saves still load), shown in the report at its turn, and never in a team's or the public view."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game.engine import FACILITATOR, PUBLIC, IllegalMove, redact
from game.engine.move import NOTE, apply_move, note_move
from game.i18n import set_language
from game.report import build_report, render
from game.scenario.load import load_scenario
from game.session import codec, store
from game.session.saveformat import SAVE_VERSION
from game.session.seats import Seat
from game.session.table import Session
from game.shells.host.room import open_room
from game.shells.host.views import BOARD_SEAT, message

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "saves"


@pytest.fixture(scope="module")
def teaching():  # noqa: ANN201
    return load_scenario("teaching")


def computer_game(sc, seed: int) -> Session:  # noqa: ANN001
    return Session.new(sc, seed, [Seat("random") for _ in sc.role_ids])


def test_a_note_changes_nothing_in_the_game(teaching) -> None:  # noqa: ANN001
    session = computer_game(teaching, 3)
    session.advance()
    before = session.state.fingerprint()
    state = session.state
    session.note("  The US team asked who must be told.  ")
    assert session.state is state and session.state.fingerprint() == before
    assert (
        session.moves[-1].kind == NOTE and session.moves[-1].reason == "The US team asked who must be told."
    )


@pytest.mark.parametrize("text", ["", "   ", "x" * 1001])
def test_an_empty_or_overlong_note_is_refused(teaching, text: str) -> None:  # noqa: ANN001
    state = computer_game(teaching, 1).state
    with pytest.raises(IllegalMove):
        apply_move(state, note_move(state.turn, text))


def test_a_note_for_another_turn_is_refused(teaching) -> None:  # noqa: ANN001
    state = computer_game(teaching, 1).state
    with pytest.raises(IllegalMove):
        apply_move(state, note_move(state.turn + 1, "late"))


def test_the_codec_keeps_a_note_as_written(teaching) -> None:  # noqa: ANN001
    move = note_move(2, "Mexico's team read Article 76 aloud — «¿y el Senado?»")
    saved = codec.encode(teaching, move)
    assert saved == {"type": "note", "turn": 2, "text": move.reason}
    assert codec.decode(teaching, saved) == move


def test_notes_are_saved_loaded_and_replayed(teaching, tmp_path: Path) -> None:  # noqa: ANN001
    session = computer_game(teaching, 5)
    session.note("Before the first news: the room is quiet.")
    while not session.terminal:
        session.advance()
        if session.state.turn == 3 and len([m for m in session.moves if m.kind == NOTE]) == 1:
            session.note("Turn 3: a long argument about consent.")
    session.note("After the ending: good debrief on oversight.")
    path = store.save_session(session, tmp_path / "noted.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["save_version"] == SAVE_VERSION == 3
    assert [m["text"] for m in doc["moves"] if m["type"] == "note"][
        -1
    ] == "After the ending: good debrief on oversight."
    loaded = store.load_session(path)
    assert [m for m in loaded.moves if m.kind == NOTE] == [m for m in session.moves if m.kind == NOTE]
    assert loaded.state.fingerprint() == session.state.fingerprint()


def test_a_version_2_save_still_loads(tmp_path: Path) -> None:
    saved = FIXTURES / "v2_game.json"
    raw = json.loads(saved.read_text(encoding="utf-8"))
    assert raw["save_version"] == 2 and not any(m["type"] == "note" for m in raw["moves"])
    session = store.load_session(saved)
    assert session.terminal and len(session.moves) == len(raw["moves"])
    written = json.loads(store.save_session(session, tmp_path / "again.json").read_text(encoding="utf-8"))
    assert written["save_version"] == 3 and written["moves"] == raw["moves"]


def test_a_version_2_save_with_a_note_is_refused(tmp_path: Path) -> None:
    """A note needs version 3: a file claiming version 2 with one is not a save this format wrote."""
    raw = json.loads((FIXTURES / "v2_game.json").read_text(encoding="utf-8"))
    raw["moves"].append({"type": "note", "turn": raw["moves"][-1]["turn"], "text": "x"})
    raw["snapshot"]["moves"] += 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    (tmp_path / "small.yaml").write_text(
        (FIXTURES / "small.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(Exception) as err:  # noqa: PT011 - the store's ContentError, reported with its place
        store.load_session(bad)
    assert "note" in str(err.value) or "moves" in str(err.value)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_report_shows_each_note_at_its_turn(teaching, lang: str) -> None:  # noqa: ANN001
    session = computer_game(teaching, 8)
    session.advance()
    session.advance()
    turn = session.state.turn
    session.note(f"Marker-{turn}: the coalition changed its mind <b>|</b>")
    while not session.terminal:
        session.advance()
    session.note("Marker-end: closing remark")
    set_language(lang)
    report = build_report(session)
    noted = {t.turn: t.notes for t in report.timeline if t.notes}
    assert noted[turn] == (f"Marker-{turn}: the coalition changed its mind <b>|</b>",)
    assert noted[report.timeline[-1].turn][-1] == "Marker-end: closing remark", (
        "a note after the end goes last"
    )
    html, md = render(report, "html"), render(report, "md")
    assert "Marker-end: closing remark" in html and "&lt;b&gt;|&lt;/b&gt;" in html
    assert "\\<b\\>\\|\\</b\\>" in md
    label = {"en": "Observer note", "es": "Nota de observación"}[lang]
    assert html.count(label) >= 2 and md.count(label) >= 2
    set_language("en")


def _views(played: Session) -> dict[str, str]:
    """Everything a team's device, the projector and the engine's role views carry, as text.

    The room is opened on a copy with every seat a team, so that it waits instead of playing on."""
    sc = played.scenario
    session = Session.from_moves(sc, played.seed, [Seat("human") for _ in sc.role_ids], played.moves)
    room = open_room(session, None)
    out = {BOARD_SEAT: json.dumps(message(room, BOARD_SEAT, "en", "http://x"), ensure_ascii=False)}
    for role, role_id in enumerate(session.scenario.role_ids):
        out[role_id] = json.dumps(message(room, role_id, "en", "http://x"), ensure_ascii=False)
        out[f"state:{role_id}"] = repr(redact(session.state, role))
    out["state:public"] = repr(redact(session.state, PUBLIC))
    out["facilitator"] = json.dumps(message(room, "facilitator", "en", "http://x"), ensure_ascii=False)
    out["state:facilitator"] = repr(redact(session.state, FACILITATOR))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_a_note_never_reaches_a_team_or_the_public_over_random_games(teaching, seed: int) -> None:  # noqa: ANN001
    rng = random.Random(seed)
    session = computer_game(teaching, seed)
    markers: list[str] = []
    while True:
        if rng.random() < 0.6:
            marker = f"OBSERVER-{seed}-{len(markers)}-{rng.randrange(10**9)}"
            session.note(marker)
            markers.append(marker)
        views = _views(session)
        for seat, shown in views.items():
            if seat.startswith("state:"):
                assert not any(m in shown for m in markers), f"{seat} holds a note"
            elif seat != "facilitator":
                assert not any(m in shown for m in markers), f"the {seat} device was sent a note"
        assert all(m in views["facilitator"] for m in markers), "the facilitator's page lists every note"
        if session.terminal:
            break
        session.advance()
    assert markers, "the test wrote notes"


def test_the_text_game_keeps_a_note(teaching, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from rich.console import Console

    from game.shells.text.app import TextGame

    session = Session.new(teaching, 2, [Seat("human"), Seat("random"), Seat("random")])
    game = TextGame(session, Console(record=True, width=100), lambda _prompt: "")
    state = session.state
    for line in ("note The US team hesitated over notification", "note"):
        assert game.command(state, 0, line.lower().split(), line)  # a command of the orders prompt
    assert [m.reason for m in session.moves if m.kind == NOTE] == ["The US team hesitated over notification"]
    out = game.console.export_text()
    assert "Observer note kept under turn 1." in out and "an observer note needs some text" in out
