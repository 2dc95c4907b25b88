"""A whole four-team seminar session run through the window, scripted as a facilitator would:
a timer per turn, the table's dice every turn, an inject, an adjudication, a written inject, a
pause - then the end screen's report. Every decision must be in the save's moves and the log."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pygame
import pytest

from game.engine.log import L_CHECK, L_NOTE
from game.session import codec
from game.shells.window import decisions
from game.shells.window.screenshots import make_app
from game.shells.window.script import Driver, play_step

FOUR_TEAMS = "white_house=human,intel=human,mx_presidency=human,civil=human,congress=easy,mx_senate=easy"


def with_checks(rng: random.Random):  # noqa: ANN201
    """Teams choose orders that carry a dice check when they can (so the table rolls)."""

    def choose(cards: list[int]) -> list[int]:
        return rng.sample(cards, min(2, len(cards)))

    return choose


def enter_table_dice(d: Driver, rng: random.Random) -> int:
    """In the panel: two dice for every order with a check, by keyboard. Returns how many."""
    d.key(pygame.K_F9)
    d.click("section.dice")
    rows = list(d.scene.dice_rows)
    for role, action in rows:
        for n in (1, 2):
            d.focus(f"die.{role}.{action}.{n}")
            value = str(rng.randint(1, 6))
            d.key(pygame.K_0 + int(value), unicode=value)
    d.key(pygame.K_F9)
    return len(rows)


def facilitate(d: Driver, turn: int) -> None:
    """This turn's facilitator decision, made on the public board before the resolution."""
    if turn == 2:
        d.key(pygame.K_F9)
        d.click("section.inject")
        d.click("event.3")
        d.text("The teams ignored the succession risk")
        d.press("inject.go", "mouse")
        assert d.scene.status_ok, d.scene.status
        d.key(pygame.K_ESCAPE)
    elif turn == 3:
        d.key(pygame.K_F9)
        d.click("section.adjudicate")
        d.focus("adjudicate.amount")
        for _ in range(5):
            d.key(pygame.K_LEFT)
        d.click("adjudicate.reason")
        d.text("The joint statement was vague: trust falls")
        d.key(pygame.K_RETURN)
        assert d.scene.status_ok, d.scene.status
        d.key(pygame.K_F9)
    elif turn == 4:
        d.key(pygame.K_F9)
        d.click("section.custom")
        d.click("custom.headline")
        d.text("A court in Texas hears the first arms-trafficking suit")
        d.focus("custom.track.0")
        d.key(pygame.K_RIGHT)
        d.key(pygame.K_RIGHT)
        d.press("custom.go", "keyboard")
        assert d.scene.status_ok, d.scene.status
        d.click("pause")
        assert d.scene.name == "paused"
        d.press("resume", "mouse")


def test_a_four_team_session_with_inject_adjudication_dice_and_report(
    monkeypatch: pytest.MonkeyPatch, private_saves_folder: Path
) -> None:
    from game.shells.window.scenes import report

    monkeypatch.setattr(report, "GAMES", 4)
    monkeypatch.setattr(report, "open_in_browser", lambda path: None)
    app = make_app((1280, 720), roles=FOUR_TEAMS, scenario="cartel_mission_seminar")
    d = Driver(app, quiet=True)  # draws each screen the script stops at, not every key press
    d.settle()
    session = app.match.session
    assert len(session.human_roles()) == 4 and len(session.scenario.roles) == 6
    d.press("begin", "keyboard")
    # Before the first team decides: a six-minute timer and the table's own dice.
    d.key(pygame.K_F9)
    d.click("section.timer")
    d.focus("timer.minutes")
    for _ in range(2):
        d.key(pygame.K_LEFT)
    d.press("timer.start", "keyboard")
    d.click("section.dice")
    d.focus("dice.table")
    d.key(pygame.K_RIGHT)
    d.key(pygame.K_F9)
    assert app.match.timer.on and app.match.timer.minutes == 6 and app.match.table_dice
    rng = random.Random(5)
    rolled = 0
    for _ in range(900):
        d.settle()
        scene = d.scene
        name = scene.name
        if name == "end":
            break
        if name == "handoff":
            d.press("ready", "keyboard")
        elif name == "briefing":
            d.press("close", "keyboard")
        elif name == "dialog":
            d.press("yes" if d.widget("yes") else "ok", "keyboard")
        elif name == "resolution":
            if not scene.done:
                d.key(pygame.K_SPACE)
            d.press("continue", "keyboard")
        elif name == "play" and scene.mode == "public" and session.ready_to_resolve():
            facilitate(d, session.state.turn)
            rolled += enter_table_dice(d, rng)
            d.frame(dt=30.0)  # half a minute of argument at the tables
            d.press("next", "keyboard")
        elif name == "play":
            play_step(d, scene, "keyboard", with_checks(rng), rng)
        else:
            raise AssertionError(f"unexpected scene {name}")
    assert d.scene.name == "end"
    kinds = [m.kind for m in session.moves]
    assert kinds.count("inject") == 1 and kinds.count("adjust") == 2
    saved = [codec.encode(session.scenario, m) for m in session.moves]
    physical = [die for m in saved if m["type"] == "orders" for die in m.get("dice", [])]
    assert rolled >= 3 and len(physical) == rolled, "every die entered was used"
    human_ids = {session.scenario.role_ids[r] for r in session.human_roles()}
    assert {die[0] for die in physical} <= human_ids
    checks = {
        (e[1], e[2][0], e[2][1])
        for record in session.state.history
        for e in record.entries
        if e[0] == L_CHECK
    }
    index = session.scenario.action_index
    assert all((index[a], d1, d2) in checks for _, a, d1, d2 in physical)
    notes = [e[2] for r in session.state.history for e in r.entries if e[0] == L_NOTE]
    assert notes == [
        "The teams ignored the succession risk",
        "The joint statement was vague: trust falls",
        "A court in Texas hears the first arms-trafficking suit",
    ]
    # The autosave carries every facilitator decision.
    saved = json.loads((private_saves_folder / "saves" / "autosave.json").read_text(encoding="utf-8"))
    assert [m["type"] for m in saved["moves"]] == kinds
    assert decisions.describe_last_move(session).startswith("the resolution of turn")
    # The debrief document, from the end screen.
    d.press("report", "keyboard")
    job = d.scene.job
    assert job.wait(90)
    d.frame()
    html = job.paths[0].read_text(encoding="utf-8")
    for note in notes:
        assert note.replace("'", "&#x27;") in html or note in html
