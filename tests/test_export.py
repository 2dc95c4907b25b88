"""The export for researchers and gradebooks: it opens with Python's csv module, every change of
the log is in it exactly once, and the deltas of each track add up to the game's final minus start."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from game.engine.log import L_ANSWER, L_CAPITAL, L_STANDING, L_TRACK
from game.kit.export import CHANGE_COLUMNS, COLUMNS, DECISION_COLUMNS, export_document, export_text
from game.scenario.load import bundled_scenarios, load_scenario
from game.session.runner import play_seats
from game.session.seats import Seat
from game.session.store import save_session
from game.session.table import Session
from game.story.facts import tell

SCENARIOS = [p.stem for p in bundled_scenarios()]
DOCS = Path(__file__).resolve().parents[1] / "docs" / "export.md"


@pytest.fixture(scope="module", params=SCENARIOS)
def game(request: pytest.FixtureRequest) -> Session:
    sc = load_scenario(request.param)
    return play_seats(sc, 13, [Seat("normal")] * len(sc.roles))


def rows_of(session: Session) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export_text(session, "csv"))))


def log_changes(session: Session) -> Counter[tuple[int, str, int, int]]:
    """(turn, kind, subject, value) of every change entry in the whole log."""
    state = session.state
    records = [(r.turn, r.entries) for r in state.history] + (
        [(state.turn, state.current)] if state.current else []
    )
    kinds = {"track", "capital", "standing", "flag", "posture", "agreement", "trust"}
    return Counter(
        (turn, entry.kind, entry.subject, int(entry.value))
        for turn, entries in records
        for entry in entries
        if entry.kind in kinds
    )


def test_the_csv_opens_and_has_every_change_once(game: Session) -> None:
    rows = rows_of(game)
    assert rows and list(rows[0]) == list(COLUMNS)
    sc = game.scenario
    ids = {
        "track": sc.track_ids, "capital": sc.role_ids, "standing": sc.role_ids, "flag": sc.flag_ids,
        "posture": tuple(p.id for p in sc.postures), "agreement": tuple(t.id for t in sc.model.terms),
        "trust": tuple(f"{h}.{o}" for h in sc.role_ids for o in sc.role_ids),  # holder * roles + other
    }  # fmt: skip
    exported: Counter[tuple[int, str, int, int]] = Counter()
    for row in (r for r in rows if r["record"] == "change"):
        subject = ids[row["kind"]].index(row["id"])
        if row["kind"] in ("track", "capital", "standing", "trust"):
            value = int(row["delta"])
        elif row["kind"] == "flag":
            value = int(row["value"] == "true")
        elif row["kind"] == "posture":
            value = [o.id for o in sc.model.postures[subject].options].index(row["value"])
        else:
            value = ["none", "in_force", "ended", "breached"].index(row["value"])
        exported[(int(row["turn"]), row["kind"], subject, value)] += 1
    assert exported == log_changes(game)
    assert sum(len(t.changes) for t in tell(game.state, game.moves).turns) == sum(exported.values())


def test_deltas_add_up_to_final_minus_start(game: Session) -> None:
    rows = [r for r in rows_of(game) if r["record"] == "change"]
    sc = game.scenario
    for index, track in enumerate(sc.track_ids):
        moved = sum(int(r["delta"]) for r in rows if r["kind"] == L_TRACK and r["id"] == track)
        assert moved == game.state.tracks[index] - sc.track_start[index], track
        last = [int(r["after"]) for r in rows if r["kind"] == L_TRACK and r["id"] == track]
        assert not last or last[-1] == game.state.tracks[index]
    for kind, start, end in (
        (L_CAPITAL, [r.capital_start for r in sc.roles], game.state.capital),
        (L_STANDING, [r.standing for r in sc.roles], game.state.standing),
    ):
        for index, role in enumerate(sc.role_ids):
            moved = sum(int(r["delta"]) for r in rows if r["kind"] == kind and r["id"] == role)
            assert moved == end[index] - start[index], (kind, role)


def test_one_row_per_decision(game: Session) -> None:
    rows = [r for r in rows_of(game) if r["record"] == "decision"]
    story = tell(game.state, game.moves)
    assert sum(r["kind"] == "order" for r in rows) == sum(len(t.orders) for t in story.turns)
    answers = sum(1 for t in story.turns for b in t.beats if b.kind == L_ANSWER)
    assert sum(r["kind"] == "answer" for r in rows) == answers
    checks = [r for r in rows if r["dice"]]
    for row in checks:
        d1, d2 = (int(x) for x in row["dice"].split("+"))
        assert d1 + d2 + int(row["modifier"]) == int(row["total"])
        assert row["part"] in ("success", "partial", "failure")
    covert = [r for r in rows if r["covert"] == "true"]
    assert all(r["role"] for r in covert)


def test_json_is_one_document_with_typed_values(game: Session) -> None:
    document = json.loads(export_text(game, "json"))
    assert document["format"] == "commonground-export" and document["seed"] == game.seed
    assert set(document["decisions"][0]) == set(DECISION_COLUMNS)
    assert set(document["changes"][0]) == set(CHANGE_COLUMNS)
    change = document["changes"][0]
    assert isinstance(change["turn"], int) and isinstance(change["risks"], list)
    assert document == export_document(game)
    assert [t["end"] for t in document["tracks"]] == list(game.state.tracks)


def test_every_column_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column}` |" in text, column


def test_facilitator_decisions_are_rows() -> None:
    sc = load_scenario("teaching")
    session = Session.new(sc, 3, [Seat("normal")] * len(sc.roles))
    session.inject(2, "to test the export")
    session.adjust({0: 5}, "a strong argument")
    session.advance()
    rows = [r for r in rows_of(session) if r["kind"] == "facilitator"]
    assert [(r["id"], r["reason"]) for r in rows] == [
        (sc.model.events[2].id, "to test the export"),
        ("adjust", "a strong argument"),
    ]
    labels = [r["cause_label"] for r in rows_of(session) if r["cause_kind"] == "facilitator"]
    assert labels and all("a strong argument" in label for label in labels)


def test_export_command(game: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.shells.cli import main

    save = save_session(game, tmp_path / "game.json")
    out = tmp_path / "game.csv"
    assert main(["export", str(save), "--format", "csv", "--out", str(out)]) == 0
    assert out.read_bytes().startswith("\ufeff".encode())  # so that a spreadsheet reads it as UTF-8
    with open(out, encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(rows_of(game))
    capsys.readouterr()
    assert main(["export", str(save), "--format", "json", "--lang", "es"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["language"] == "es"
    assert main(["export", str(tmp_path / "missing.json")]) == 2
    assert main(["export", str(save), "--out", str(tmp_path / "no" / "x.csv")]) == 2
    assert "Traceback" not in capsys.readouterr().err
