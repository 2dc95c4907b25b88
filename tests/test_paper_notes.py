"""A paper game's observer notes: typed back in under their turn, kept in the save, shown in the
report at that turn; a note that does not fit points at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.move import NOTE
from game.errors import ContentError
from game.kit.paper import load_paper
from game.kit.paper_play import play_paper
from game.report import build_report, render
from game.session.store import load_session

RECORD = """\
paper: 1
scenario: teaching
seed: 7
record:
  - turn: 1
    notes:
      - The US team read its briefing aloud before choosing.
    orders:
      us: [us_security_dialogue]
      mexico: [mx_implementation_group]
      civil: [cs_binational_dialogue]
  - turn: 2
    notes:
      - Mexico's team asked what Article 76 requires.
      - "The coalition waited for the others: a question for the debrief"
    orders:
      us: [us_notify_congress]
"""


def test_paper_notes_land_in_the_save_and_the_report_at_their_turn(tmp_path: Path) -> None:
    source = tmp_path / "paper.yaml"
    source.write_text(RECORD, encoding="utf-8")
    played = play_paper(load_paper(source))
    notes = [(m.turn, m.reason) for m in played.session.moves if m.kind == NOTE]
    assert notes == [
        (1, "The US team read its briefing aloud before choosing."),
        (2, "Mexico's team asked what Article 76 requires."),
        (2, "The coalition waited for the others: a question for the debrief"),
    ]
    report = build_report(played.session)
    by_turn = {t.turn: t.notes for t in report.timeline}
    assert by_turn[1] == ("The US team read its briefing aloud before choosing.",)
    assert len(by_turn[2]) == 2
    assert "Article 76 requires" in render(report, "md")


def test_the_paper_command_keeps_the_notes(tmp_path: Path) -> None:
    from game.shells.cli import main

    source = tmp_path / "paper.yaml"
    source.write_text(RECORD, encoding="utf-8")
    save = tmp_path / "save.json"
    assert main(["paper", str(source), "--out", str(save)]) == 0
    assert sum(1 for m in load_session(save).moves if m.kind == NOTE) == 3


@pytest.mark.parametrize(("bad", "line"), [('      - ""', 7), ("      - 12", 7)])
def test_an_empty_or_non_text_note_points_at_its_line(tmp_path: Path, bad: str, line: int) -> None:
    source = tmp_path / "paper.yaml"
    source.write_text(
        RECORD.replace("      - The US team read its briefing aloud before choosing.", bad), encoding="utf-8"
    )
    with pytest.raises(ContentError) as err:
        load_paper(source)
    assert err.value.problems[0].line == line, err.value.problems
