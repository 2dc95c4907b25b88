"""The facilitator panel's Observer notes and Injects schedule tabs, through real posted events;
a note written there is never drawn on a team's or the public screen (a recording painter)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import FACILITATOR
from game.engine.move import INJECT, NOTE
from game.i18n import text
from game.scenario.msel import schedule_of
from game.shells.window.screenshots import make_app
from game.shells.window.script import Driver
from game.story.calendar import coming_beats

if TYPE_CHECKING:
    from conftest import Recorder

THREE = "us=human,mexico=human,civil=human"


def hot_seat() -> tuple[object, Driver]:
    app = make_app((1280, 720), roles=THREE)
    d = Driver(app)
    d.settle()
    d.press("begin", "keyboard")
    assert d.scene.name == "handoff"
    return app, d


def open_panel(d: Driver, section: str) -> None:
    d.key(pygame.K_F9)
    assert d.scene.name == "facilitator"
    d.click(f"section.{section}")


def test_a_note_typed_in_the_panel_is_kept_and_never_drawn_for_the_teams(recorder: Recorder) -> None:
    app, d = hot_seat()
    session = app.match.session
    open_panel(d, "notes")
    d.press("notes.add", "mouse")
    assert not session.moves and "Write the note first" in d.scene.status
    d.focus("notes.text")
    d.text("Mexico's team quoted Article 76 before choosing")
    d.key(pygame.K_RETURN)
    assert [(m.kind, m.reason) for m in session.moves] == [
        (NOTE, "Mexico's team quoted Article 76 before choosing")
    ]
    assert "Note kept under turn 1" in d.scene.status
    panel = recorder.frame(app)
    assert "Article 76 before choosing" in panel, "the panel lists the notes written"
    d.key(pygame.K_ESCAPE)
    assert d.scene.name == "handoff"
    assert "Article 76 before choosing" not in recorder.frame(app)
    d.press("ready", "keyboard")
    if d.scene.name == "briefing":
        d.press("close", "keyboard")
    assert "Article 76 before choosing" not in recorder.frame(app), "a team's private screen"


def test_the_schedule_tab_lists_the_injects_and_plays_one_with_its_reason(recorder: Recorder) -> None:
    app, d = hot_seat()
    session = app.match.session
    msel = schedule_of(session.scenario)
    assert msel is not None
    open_panel(d, "schedule")
    panel = recorder.frame(app)
    first = msel.injects[0]
    headline = text(session.scenario.model.events[first.event].headline)
    assert "Injects schedule (MSEL)" in panel and first.response["en"][:30] in panel
    d.click("schedule.0")
    d.press("schedule.play", "mouse")
    move = session.moves[-1]
    assert move.kind == INJECT and move.event == first.event
    assert f"Scheduled inject '{first.id}'" in move.reason and first.objective in move.reason
    assert headline in d.scene.status


def test_the_schedule_tab_shows_the_calendar_of_beats_to_come(recorder: Recorder) -> None:
    app, d = hot_seat()
    session = app.match.session
    open_panel(d, "schedule")
    panel = " ".join(recorder.frame(app).split())  # lines as wrapped on screen, joined again
    coming = coming_beats(session.view(FACILITATOR), FACILITATOR)
    assert coming, "the default scenario has dated beats ahead at its start"
    assert "Coming up" in panel
    assert coming[0].headline in panel, "the soonest beat is listed first"
    assert f"Turn {coming[0].turn}" in panel
    assert "R2 " in panel.split("Coming up", 1)[1], "each beat names the risks it carries"
