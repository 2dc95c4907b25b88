"""The facilitator's panel through real posted events: inject, custom inject, adjudication,
the table's dice, pause, undo and the deliberation timer; and the secrecy of the public screen
while the panel is in use (a recording painter captures every string drawn)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pytest

from game.engine.log import L_CHECK, L_NOTE
from game.i18n import text
from game.session import codec
from game.shells.window.screenshots import make_app
from game.shells.window.script import Driver, play_to_end
from game.story.words import action_name

THREE = "us=human,mexico=human,civil=human"
COVERT_CHECK = "us_covert_mission"  # the US's covert order with a dice check
TARIFFS = "us_tariff_pressure"  # an open US order with a dice check

if TYPE_CHECKING:
    from conftest import Recorder


def hot_seat(size: tuple[int, int] = (1280, 720)) -> tuple[object, Driver]:
    app = make_app(size, roles=THREE)
    d = Driver(app)
    d.settle()
    d.press("begin", "keyboard")
    assert d.scene.name == "handoff"
    return app, d


def give(d: Driver, *action_ids: str) -> None:
    """The team whose hand-off is showing gives these orders through its private screen."""
    d.press("ready", "keyboard")
    if d.scene.name == "briefing":
        d.press("close", "keyboard")
    sc = d.scene.match.sc
    for action_id in action_ids:
        index = sc.action_index[action_id]
        d.key(pygame.K_1 + sc.actions[index].category)
        d.click(f"card.{index}")
    assert [sc.actions[a].id for a in d.scene.selected] == list(action_ids), d.scene.status
    d.press("give", "keyboard")
    d.press("yes", "keyboard")


def open_panel(d: Driver, section: str) -> None:
    d.key(pygame.K_F9)
    assert d.scene.name == "facilitator"
    d.click(f"section.{section}")


# ----------------------------------------------------------------------------- injects


def test_inject_from_the_deck_needs_a_reason_and_lands_in_the_log_and_the_news() -> None:
    app, d = hot_seat()
    session = app.match.session
    open_panel(d, "inject")
    event = 5
    d.click(f"event.{event}")
    assert d.scene.form.focus_key == "inject.reason", "picking an event moves to its reason"
    d.press("inject.go", "mouse")
    assert session.moves == [] and "reason" in d.scene.status, "no reason, no inject"
    d.text("Raise the stakes before the vote")
    d.key(pygame.K_RETURN)  # Enter in the reason box injects
    move = codec.encode(session.scenario, session.moves[-1])
    headline = text(app.match.sc.model.events[event].headline)
    assert move["type"] == "inject" and move["reason"] == "Raise the stakes before the vote"
    assert move["event"] == app.match.sc.model.events[event].id
    assert headline in d.scene.status
    d.key(pygame.K_ESCAPE)
    assert d.scene.name == "handoff", "closing the panel returns to the screen below"
    d.press("ready", "keyboard")
    d.press("close", "keyboard")
    news = [line.text for line in d.scene.news]
    assert any(headline in line for line in news)
    assert "Facilitator: Raise the stakes before the vote" in news


def test_custom_inject_is_an_adjustment_whose_reason_is_the_headline() -> None:
    app, d = hot_seat()
    session = app.match.session
    sc = app.match.sc
    trust = sc.track_index["trust"]
    before = session.state.tracks[trust]
    open_panel(d, "custom")
    d.focus(f"custom.track.{trust}")
    for _ in range(4):
        d.key(pygame.K_LEFT)
    assert d.widget(f"custom.track.{trust}").value == -4
    d.press("custom.go", "keyboard")
    assert not session.moves and "headline" in d.scene.status.lower()
    d.click("custom.headline")
    d.text("A leaked memo describes the mission's legal basis")
    d.press("custom.go", "mouse")
    move = codec.encode(session.scenario, session.moves[-1])
    assert move == {
        "type": "adjust",
        "turn": 1,
        "changes": {sc.track_ids[trust]: -4},
        "reason": "A leaked memo describes the mission's legal basis",
    }
    assert session.state.tracks[trust] == before - 4
    notes = [e for e in session.state.current if e[0] == L_NOTE]
    assert notes[-1][2] == "A leaked memo describes the mission's legal basis"
    assert d.widget(f"custom.track.{trust}").value == 0, "the form is cleared for the next one"


def test_adjudication_needs_a_written_reason_and_moves_one_track() -> None:
    app, d = hot_seat()
    session = app.match.session
    sc = app.match.sc
    open_panel(d, "adjudicate")
    d.focus("adjudicate.track")
    d.key(pygame.K_RIGHT)  # the second visible track
    track = d.widget("adjudicate.track").value
    before = session.state.tracks[track]
    d.focus("adjudicate.amount")
    for _ in range(6):
        d.key(pygame.K_RIGHT)
    d.press("adjudicate.go", "keyboard")
    assert not session.moves, "a ruling without a reason is refused"
    assert "reason" in d.scene.status
    d.click("adjudicate.reason")
    d.text("   ")
    d.press("adjudicate.go", "mouse")
    assert not session.moves, "blank is no reason"
    d.click("adjudicate.reason")
    d.text("Mexico's envoy made the stronger case")
    d.press("adjudicate.go", "mouse")
    assert codec.encode(session.scenario, session.moves[-1])["changes"] == {sc.track_ids[track]: 6}
    assert session.moves[-1].reason == "Mexico's envoy made the stronger case"
    assert session.state.tracks[track] == min(100, before + 6)
    assert d.scene.status_ok and str(before) in d.scene.status


# ----------------------------------------------------------------------------- the table's dice


def test_table_dice_stop_the_game_before_resolving_and_are_used_in_the_resolution() -> None:
    app, d = hot_seat()
    session = app.match.session
    sc = app.match.sc
    tariffs = sc.action_index[TARIFFS]
    open_panel(d, "dice")
    d.focus("dice.table")
    d.key(pygame.K_RIGHT)
    assert app.match.table_dice
    d.key(pygame.K_F9)
    give(d, TARIFFS)
    give(d)
    give(d)
    assert d.scene.name == "play" and d.scene.mode == "public", "the game waits on the board"
    assert session.ready_to_resolve() and session.state.turn == 1
    open_panel(d, "dice")
    first, second = f"die.0.{tariffs}.1", f"die.0.{tariffs}.2"
    d.focus(first)
    d.key(pygame.K_6, unicode="6")
    d.focus(second)
    d.key(pygame.K_0, unicode="0")  # 0 clears
    d.key(pygame.K_5, unicode="5")
    assert session.pending_dice == {(0, tariffs): (6, 5)}
    d.key(pygame.K_F9)
    d.press("next", "keyboard")  # "Play turn 1"
    assert d.scene.name == "resolution"
    checks = [e for e in session.state.history[-1].entries if e[0] == L_CHECK and e[1] == tariffs]
    assert checks and checks[0][2][:2] == (6, 5)
    assert codec.encode(session.scenario, session.moves[-1])["dice"] == [["us", TARIFFS, 6, 5]]
    step = next(s for s in d.scene.steps if s.action == tariffs and s.dice)
    assert (step.dice.d1, step.dice.d2) == (6, 5), "the resolution shows the table's dice"


def test_a_covert_order_stays_off_the_public_screen_while_the_panel_is_used(
    monkeypatch: pytest.MonkeyPatch,
    recorder: Recorder,
) -> None:
    rec = recorder
    app, d = hot_seat()
    session = app.match.session
    sc = app.match.sc
    covert = sc.action_index[COVERT_CHECK]
    name = action_name(sc, covert)
    give(d, COVERT_CHECK)
    give(d)
    open_panel(d, "dice")
    panel = rec.frame(app)
    assert "A secret order - United States" in panel
    assert name not in panel, "the panel itself names a covert order only when asked to"
    d.focus(f"die.0.{covert}.1")
    d.key(pygame.K_3, unicode="3")
    d.focus(f"die.0.{covert}.2")
    d.key(pygame.K_4, unicode="4")
    assert session.pending_dice == {(0, covert): (3, 4)}
    assert name not in rec.frame(app)
    d.click("dice.reveal")
    assert d.scene.name == "dialog", "revealing asks first (the panel may be projected)"
    assert name not in rec.frame(app)
    d.press("yes", "keyboard")
    assert name in rec.frame(app)
    d.key(pygame.K_F9)
    assert d.scene.name == "handoff"
    assert name not in rec.frame(app)
    give(d)  # the last team: the turn resolves at once (the stop for dice is off)
    assert d.scene.name == "resolution"
    exposed = bool(session.state.exposed[covert])
    d.key(pygame.K_SPACE)
    assert (name in rec.frame(app)) == exposed
    d.press("continue", "keyboard")
    assert (name in rec.frame(app)) == exposed
    d.key(pygame.K_F9)
    assert not d.scene.reveal, "the panel opens with secrets hidden again"
    d.click("section.dice")
    assert name not in rec.frame(app)
    checks = [e for e in session.state.history[-1].entries if e[0] == L_CHECK and e[1] == covert]
    assert checks[0][2][:2] == (3, 4), "the covert order's check used the table's dice"


# ----------------------------------------------------------------------------- pause, undo


def test_pause_hides_the_board_and_stops_the_timer(
    monkeypatch: pytest.MonkeyPatch, recorder: Recorder
) -> None:
    rec = recorder
    app, d = hot_seat()
    give(d)
    open_panel(d, "timer")
    d.press("timer.start", "keyboard")
    timer = app.match.timer
    d.frame(dt=2.0)
    assert timer.left < timer.full - 2.0 + 1e-6, "it runs while the panel is open"
    d.click("pause")
    assert d.scene.name == "paused"
    left = timer.left
    shown = rec.frame(app)
    assert "Paused" in shown and "Tracks" not in shown.title() and "Sovereignty" not in shown
    for _ in range(5):
        d.frame(dt=1.0)
    assert timer.left == left, "the timer is frozen while paused"
    d.key(pygame.K_RETURN)
    assert d.scene.name == "handoff"
    d.frame(dt=1.0)
    assert left - 1.1 < timer.left < left - 0.99, "and runs again after"


def test_undo_the_last_move_and_the_last_turn_after_a_confirmation() -> None:
    app, d = hot_seat()
    session = app.match.session
    for _ in range(3):
        give(d)
    d.settle()
    d.press("continue", "keyboard")
    assert session.state.turn == 2 and d.scene.mode == "public"
    open_panel(d, "adjudicate")
    d.click("adjudicate.reason")
    d.focus("adjudicate.amount")
    d.key(pygame.K_RIGHT)
    d.click("adjudicate.reason")
    d.text("A mistaken ruling")
    d.key(pygame.K_RETURN)
    assert [m.kind for m in session.moves] == ["orders", "adjust"]
    d.click("section.undo")
    assert "A mistaken ruling" in " ".join(str(t[0]) for t in d.scene.texts)
    d.press("undo.last", "mouse")
    assert d.scene.name == "dialog"
    d.press("no", "keyboard")
    assert d.scene.name == "facilitator" and len(session.moves) == 2, "cancel undoes nothing"
    d.press("undo.last", "mouse")
    d.press("yes", "keyboard")
    assert [m.kind for m in session.moves] == ["orders"]
    assert d.scene.name == "play" and d.scene.mode == "public"
    give_next = d.widget("next")
    assert give_next is not None
    d.press("next", "keyboard")  # pass to the US: one team gives orders, then undo the turn
    give(d)
    assert 0 in session.pending_orders
    open_panel(d, "undo")
    d.press("undo.turn", "keyboard")
    assert "taken back" in d.scene.body
    d.press("yes", "mouse")
    assert session.moves == [] and session.state.turn == 1 and not session.pending_orders
    assert d.scene.name == "play" and d.scene.mode == "public"
    assert "Back to before turn 1" in app.toast_text


# ----------------------------------------------------------------------------- the timer


def test_timer_counts_down_on_the_board_redraws_once_a_second_and_never_forfeits(
    monkeypatch: pytest.MonkeyPatch,
    recorder: Recorder,
) -> None:
    rec = recorder
    app, d = hot_seat()
    timer = app.match.timer
    open_panel(d, "timer")
    d.focus("timer.minutes")
    for _ in range(7):  # 8 minutes by default, down to 1
        d.key(pygame.K_LEFT)
    assert timer.minutes == 1
    d.press("timer.start", "keyboard")
    d.key(pygame.K_ESCAPE)
    assert d.scene.name == "handoff" and "1:00" in rec.frame(app)
    drawn = app.frames
    for _ in range(10 * 60):  # ten seconds of frames
        d.frame()
    assert 9 <= app.frames - drawn <= 11, "an idle screen with a timer redraws once a second"
    assert "0:50" in rec.frame(app)
    for _ in range(49):
        d.frame(dt=1.0)
    assert "0:01" in rec.frame(app)
    d.frame(dt=1.0)
    assert timer.expired and "Time is up" in app.toast_text
    frame = rec.frame(app)
    assert "Time is up" in frame
    assert d.scene.name == "handoff" and app.match.session.roles_to_order() == [0, 1, 2], (
        "running out of time is a notice, not a forfeit"
    )
    # The next turn starts the full time again.
    for _ in range(3):
        give(d)
    d.settle()
    d.press("continue", "keyboard")
    assert app.match.session.state.turn == 2
    assert timer.on and not timer.expired and timer.text() == "1:00"
    assert "Time left for this turn" in rec.frame(app)


def test_the_panel_is_reachable_from_the_menu_by_mouse_and_works_at_a_small_window() -> None:
    app, d = hot_seat((960, 540))
    d.click("menu")
    d.click("facilitator")
    assert d.scene.name == "facilitator"
    for section in ("inject", "custom", "adjudicate", "dice", "timer", "undo"):
        d.click(f"section.{section}")
        assert d.scene.section == section
        for widget in d.scene.form.widgets:
            if widget.area is None:
                assert d.scene.box.contains(widget.rect), (section, widget.key)
    d.click("close")
    assert d.scene.name == "handoff"


def test_a_whole_game_still_plays_to_the_end_with_the_dice_stop_on() -> None:
    app = make_app((1280, 720), roles=THREE)
    app.step([], 0.0)
    Driver(app).settle()
    app.match.table_dice = True
    seen = play_to_end(app, "keyboard", quiet=True)
    assert seen[-1] == "end"
    assert seen.count("play:public") >= app.match.session.state.turn


def test_orders_a_ruling_makes_impossible_go_back_to_their_team(scenario) -> None:  # noqa: ANN001
    """After a decision, a given order the engine no longer accepts is handed back (the team
    chooses again) instead of failing when the turn is resolved."""
    from game.engine import pending_answers
    from game.session.seats import Seat
    from game.session.table import Session
    from game.shells.window import decisions

    seats = [Seat("human")] + [Seat("random")] * (len(scenario.roles) - 1)
    session = Session.new(scenario, 4, seats)

    def answer() -> None:
        asked = pending_answers(session.state, 0)
        if asked:
            session.submit_answers(0, {term: False for term, _ in asked})
        session.apply_answers()

    while session.state.turn < 3:
        if session.phase == "answers":
            answer()
        else:
            session.submit_orders(0, ())
            session.resolve()
    if session.phase == "answers":
        answer()
    support = scenario.track_index["us_support"]
    retaliation = scenario.track_index["retaliation"]
    campaign = scenario.action_index["us_open_campaign"]
    state = session.state
    lift = {support: 60 - state.tracks[support], retaliation: 20 - state.tracks[retaliation]}
    assert decisions.custom_inject(session, "Polls swing", lift).ok
    session.submit_orders(0, (campaign,))  # allowed now: US public support is 60
    outcome = decisions.adjudicate(session, support, -25, "The rally fades")
    assert outcome.ok and "go back to their team: United States" in outcome.message
    assert 0 not in session.pending_orders and session.roles_to_order() == [0]
    session.submit_orders(0, ())
    session.resolve()  # the turn resolves with the team's new orders
    assert session.state.turn == 4
