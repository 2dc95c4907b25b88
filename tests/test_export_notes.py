"""The export carries the facilitator's observer notes as decisions of kind 'note'."""

from __future__ import annotations

import csv
import io

from game.kit.export import export_document, export_text
from game.scenario.load import load_scenario
from game.session.seats import Seat
from game.session.table import Session


def test_notes_are_exported_after_their_turns_decisions() -> None:
    sc = load_scenario("teaching")
    session = Session.new(sc, 5, [Seat("random") for _ in sc.role_ids])
    session.advance()
    session.note("First turn: the room split on consent, =SUM(A1)")
    while not session.terminal:
        session.advance()
    rows = export_document(session)["decisions"]
    notes = [r for r in rows if r["kind"] == "note"]
    assert len(notes) == 1 and notes[0]["reason"].startswith("First turn") and notes[0]["id"] == "note_1"
    index = rows.index(notes[0])
    assert all(r["turn"] <= notes[0]["turn"] for r in rows[:index])
    assert all(r["turn"] > notes[0]["turn"] for r in rows[index + 1 :])
    table = list(csv.DictReader(io.StringIO(export_text(session, "csv").lstrip("\ufeff"))))
    [row] = [r for r in table if r["kind"] == "note"]
    assert row["record"] == "decision" and row["reason"].endswith("=SUM(A1)")
