"""The feedback form in the window: opened from the end screen, filled in by participants one
after another, kept beside the game's save, and read back by the after-action report."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pygame
import pytest

from game.report.feedback_answers import CSV, answers_path, read_answers
from game.session import store
from game.shells.cli import main
from game.shells.window.screenshots import make_app
from game.shells.window.script import Driver, play_to_end


@pytest.fixture
def at_the_end():  # noqa: ANN201
    app = make_app((1280, 720), roles="us=random,mexico=random,civil=random")
    seen = play_to_end(app, "keyboard", quiet=True)
    assert seen[-1] == "end"
    return app, Driver(app)


def test_participants_fill_the_form_in_turn_and_the_report_reads_it(
    at_the_end, private_saves_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # noqa: ANN001
    app, d = at_the_end
    d.click("feedback")
    assert d.scene.name == "feedback"
    d.press("fb.save", "mouse")
    assert "at least one" in d.scene.status, "an empty sheet is not kept"
    d.focus("fb.role")
    d.text("Mexico's team")
    d.click("fb.rate.authority.4")
    d.click("fb.rate.law.5")
    d.click("fb.rate.law.5")  # a second press takes it back
    d.click("fb.rate.law.2")
    d.click("fb.next")
    d.click("fb.rate.time.1")
    d.click("fb.next")
    d.focus("fb.open.learned")
    d.text("Consent is a legal question, not only a diplomatic one")
    d.press("fb.save", "mouse")
    assert "1 sheet so far" in d.scene.status, d.scene.status
    session = app.match.session
    save = store.saves_dir() / f"{session.name}.json"
    assert save.exists() and answers_path(save).exists()
    d.click("fb.rate.authority.2")
    d.press("fb.save", "mouse")
    assert "2 sheets so far" in d.scene.status
    answers = read_answers(save)
    assert answers is not None and len(answers.sheets) == 2
    first = answers.sheets[0]
    assert first.role == "Mexico's team" and first.ratings == {"authority": 4, "law": 2, "time": 1}
    assert first.answers == {"learned": "Consent is a legal question, not only a diplomatic one"}
    rows = list(csv.DictReader(io.StringIO(answers_path(save, CSV).read_text(encoding="utf-8-sig"))))
    assert rows[0]["role"] == "Mexico's team" and rows[0]["law"] == "2" and rows[1]["authority"] == "2"
    d.key(pygame.K_ESCAPE)
    assert d.scene.name == "end"
    out = save.with_name("r.md")
    assert main(["report", str(save), "--typical", "0", "--format", "md", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "What the participants answered" in page and "2 participants filled in" in page
    assert "Consent is a legal question" in page


def test_a_broken_answers_file_is_skipped_line_by_line(tmp_path: Path) -> None:
    save = tmp_path / "game.json"
    good = json.dumps({"role": "US", "ratings": {"law": 5}, "answers": {"other": "fine"}})
    lines = [
        good,
        "{not json",
        json.dumps({"ratings": {"law": 9}}),
        json.dumps({"ratings": {"law": "5"}}),
        "NaN",
    ]
    lines.append(json.dumps({"ratings": {"unknown_question": 3}, "answers": {"learned": "kept"}}))
    answers_path(save).write_text("\n".join(lines) + "\n", encoding="utf-8")
    answers = read_answers(save)
    assert answers is not None and answers.skipped == 4
    assert [s.ratings for s in answers.sheets] == [{"law": 5}, {}]
    assert answers.sheets[1].answers == {"learned": "kept"}, "a question the form does not ask is dropped"


def test_a_spreadsheet_never_runs_an_answer_as_a_formula(tmp_path: Path) -> None:
    from game.report.feedback_answers import Sheet, add_sheet

    save = tmp_path / "game.json"
    add_sheet(save, Sheet(role="=HYPERLINK(1)", answers={"other": "+1+1"}))
    rows = list(csv.reader(io.StringIO(answers_path(save, CSV).read_text(encoding="utf-8-sig"))))
    assert rows[1][0] == "'=HYPERLINK(1)" and rows[1][-1] == "'+1+1"


def test_no_answers_file_no_section() -> None:
    from game.i18n import tr
    from game.report import build_report, render
    from game.scenario.load import load_scenario
    from game.session.runner import play_seats
    from game.session.seats import Seat

    sc = load_scenario("teaching")
    report = build_report(play_seats(sc, 3, [Seat("random")] * 3))
    assert tr("report.h.answers") not in render(report, "md")
