"""The table sees what happened and why, through real posted events and what is drawn: the
news scrolls, the public board shows every revealed order, the keyboard goes where a player
expects, Continue brings back the turn in progress, quitting asks, the consequences are in
sight (ending marks and warnings, running effects, answer previews, risk names, dice against
their target), and a covert team learns its result on its own screen only."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import set_language, tr
from game.scenario.load import load_scenario, scenario_path
from game.scenario.runtime import ACTION_PROPOSE
from game.session import store
from game.shells.window.board import TrackRow
from game.shells.window.scenes.title import TitleScene
from game.shells.window.screenshots import make_app
from game.shells.window.script import Driver
from game.shells.window.tour import all_human, choose_cards
from game.story.outlook import marks_on
from game.story.words import action_name

if TYPE_CHECKING:
    from conftest import Recorder

THREE = "us=human,mexico=human,civil=human"
COVERT = "us_covert_mission"
OPEN = "us_tariff_pressure"


def hot_seat(roles: str = THREE, size: tuple[int, int] = (1280, 720)) -> tuple[object, Driver]:
    app = make_app(size, roles=roles)
    d = Driver(app)
    d.settle()
    d.press("begin", "keyboard")
    return app, d


def open_private(d: Driver) -> None:
    d.press("ready", "keyboard")
    if d.scene.name == "briefing":
        d.press("close", "keyboard")


def give(d: Driver, *action_ids: str) -> None:
    open_private(d)
    sc = d.scene.match.sc
    for action_id in action_ids:
        index = sc.action_index[action_id]
        d.key(pygame.K_1 + sc.actions[index].category)
        d.click(f"card.{index}")
    d.press("give", "keyboard")
    d.press("yes", "keyboard")


def to_board(d: Driver) -> None:
    """From the resolution to the public board."""
    d.settle()
    if not d.scene.done:
        d.key(pygame.K_SPACE)
    d.press("continue", "keyboard")


# ----------------------------------------------------------------------------- the board


def test_the_news_scrolls_by_wheel_and_by_keyboard() -> None:
    app, d = hot_seat(size=(960, 540))
    give(d, COVERT, OPEN)
    give(d)
    give(d)
    to_board(d)
    d.press("next", "keyboard")
    open_private(d)  # a team's orders: the cards take the room, the news scrolls
    scene = d.scene
    area = scene.news_area
    assert area.max_offset > 0, "the test needs more news than the panel holds"
    assert area in scene.form.areas, "the news area takes the wheel"
    d.move(area.view.center)
    d.wheel(-1)
    assert area.offset > 0
    d.wheel(5)
    assert area.offset == 0
    d.focus("news")
    d.key(pygame.K_PAGEDOWN)
    assert area.offset > 0 and d.scene.form.focus_key == "news"


def test_the_public_board_shows_every_revealed_order_of_six_teams(recorder: Recorder) -> None:

    path = scenario_path("cartel_mission_seminar")
    sc = load_scenario(path)
    app = make_app((1280, 720), roles=all_human(sc), projector=True, scenario=str(path))
    d = Driver(app)
    d.settle()
    d.press("begin", "keyboard")

    while d.scene.name == "handoff":
        open_private(d)
        choose_cards(d, propose=False)
        d.press("give", "keyboard")
        d.press("yes", "keyboard")
    to_board(d)
    assert d.scene.name == "play" and d.scene.mode == "public"
    drawn = " ".join(recorder.frame(app).split())  # wrapped lines read as one text
    given = [a for m in app.match.session.moves if m.kind == "orders" for orders in m.orders for a in orders]
    assert len(given) >= 6
    for action in given:
        assert action_name(sc, action) in drawn, f"{action_name(sc, action)} is not on the board"


def test_ending_marks_on_the_tracks_and_a_warning_when_one_is_near(recorder: Recorder) -> None:
    app, d = hot_seat()
    sc = app.match.sc
    open_private(d)
    rows = [w for w in d.scene.form.widgets if isinstance(w, TrackRow)]
    assert any(row.marks for row in rows), "endings sit on some tracks"
    support = sc.track_index["us_support"]
    session = app.match.session
    # A ruling puts US public support one step above the backlash ending's mark.

    mark = min(m.at for m in marks_on(sc, support) if m.op in ("<=", "<"))
    session.adjust({support: mark + 2 - session.state.tracks[support]}, "A poll collapses")
    app.refresh()
    drawn = recorder.frame(app)
    assert "Close to an ending" in drawn and f"at {mark} or less" in drawn
    row = next(r for r in d.scene.form.widgets if isinstance(r, TrackRow) and r.index == support)
    assert row.near and mark in row.marks


def test_postures_run_in_the_news_on_every_screen(recorder: Recorder) -> None:
    app, d = hot_seat()
    open_private(d)
    assert "Every turn - US posture" in recorder.frame(app)


def test_risks_by_name_and_the_ruling_names_its_track(recorder: Recorder) -> None:
    app, d = hot_seat()
    sc = app.match.sc
    trust = sc.track_index["trust"]
    app.match.session.adjust({trust: 6}, "The summit went well")
    app.refresh()
    open_private(d)
    drawn = recorder.frame(app)
    assert "The summit went well" in drawn and "Bilateral trust +6" in drawn
    news = [line for line in d.scene.news if line.risks]
    assert news and all(" " in risk for line in news for risk in line.risks), "codes come with names"


# ----------------------------------------------------------------------------- the keyboard


def test_tab_skips_cards_that_cannot_be_chosen_and_keys_go_into_the_cards() -> None:
    app, d = hot_seat()
    open_private(d)
    scene = d.scene
    pane = scene.pane
    chosen = [w for w in scene.form.widgets if w.key.startswith("card.") and w.tab_stop][:2]
    for card in chosen:  # every action point spent: the other cards cannot be chosen now
        d.focus(card.key)
        d.key(pygame.K_SPACE)
    cards = [w for w in scene.form.widgets if w.key.startswith("card.")]
    blocked = [c for c in cards if not c.legal or c.blocked]
    assert blocked, "cards that cannot join the orders chosen"
    reached = set()
    for _ in range(len(scene.form.widgets) + 2):
        d.key(pygame.K_TAB)
        reached.add(scene.form.focus_key)
    assert not {c.key for c in blocked} & reached, "Tab never stops on a card that cannot be chosen"
    d.focus("tab." + str(pane.category))
    d.key(pygame.K_DOWN)
    assert (scene.form.focus_key or "").startswith("card."), "Down from a tab enters the cards"
    other = next(c for c in pane.present_categories() if c != pane.category)
    d.key(pygame.K_1 + other)
    focused = scene.form.focused
    assert focused is not None and focused.key.startswith("card.")
    assert app.match.sc.actions[int(focused.key.split(".")[1])].category == other


def test_the_detail_pane_follows_the_focus_not_a_stale_hover(recorder: Recorder) -> None:
    app, d = hot_seat()
    open_private(d)
    scene = d.scene
    usable = [w for w in scene.form.widgets if w.key.startswith("card.") and w.tab_stop]
    first, second = usable[0], usable[1]
    d.move(first.rect.center)
    assert scene.form.hover_key == first.key
    d.focus(second.key)
    drawn = recorder.frame(app)
    name = action_name(app.match.sc, second.index)
    assert scene.pane.detail_key == second.key and name in drawn


def test_ctrl_enter_gives_the_orders() -> None:
    app, d = hot_seat()
    open_private(d)
    d.key(pygame.K_RETURN, pygame.KMOD_CTRL)
    assert d.scene.name == "dialog"
    d.press("yes", "keyboard")
    assert 0 in app.match.session.pending_orders


# ----------------------------------------------------------------------------- around the game


def test_continue_brings_back_orders_given_the_timer_and_table_dice() -> None:
    app, d = hot_seat()
    give(d, OPEN)
    match = app.match
    match.table_dice = True
    match.timer.set_minutes(5)
    match.timer.start(1)
    match.timer.tick(30.0, 1, True)
    match.remember()
    left = match.timer.left
    app.go.title()
    d.settle()
    assert d.scene.form.focus_key == "continue", "Continue is the main button: Enter continues"
    d.key(pygame.K_RETURN)
    again = app.match
    assert again is not match
    us = again.sc.role_ids.index("us")
    assert again.session.pending_orders.get(us) == (again.sc.action_index[OPEN],)
    assert again.table_dice and again.timer.minutes == 5 and again.timer.on
    assert abs(again.timer.left - left) < 0.1, "as it was (less the frames the hand-off has counted)"
    assert d.scene.name == "handoff" and d.scene.role != us, "the next team's turn, not the US's again"


def test_quitting_asks_first_by_ctrl_q_and_by_closing_the_window() -> None:
    app, d = hot_seat()
    d.key(pygame.K_q, pygame.KMOD_CTRL)
    assert app.running and d.scene.name == "dialog"
    d.press("no", "keyboard")
    d.frame([pygame.event.Event(pygame.QUIT)])
    assert app.running and d.scene.name == "dialog"
    d.key(pygame.K_q, pygame.KMOD_CTRL)
    assert not app.running, "asked twice: quit"


def test_main_menu_after_load_shows_the_title(tmp_path) -> None:  # noqa: ANN001

    app = make_app((1280, 720), roles="random")
    session = app.match.session if app.match else None
    assert session is not None
    while not session.terminal:
        session.advance()
    path = store.save_named(session, "finished")
    app.options.load = str(path)

    app.reset(TitleScene(app, app.options, app.library))
    d = Driver(app)
    d.frame()
    d.settle()
    assert d.scene.name == "end"
    d.press("title", "keyboard")
    d.press("yes", "keyboard") if d.scene.name == "dialog" else None
    d.settle()
    assert d.scene.name == "title"


def test_a_thinking_cue_while_the_computer_decides(recorder: Recorder) -> None:
    app = make_app((1280, 720), roles="us=human,mexico=hard,civil=hard")
    d = Driver(app)
    d.settle()
    d.press("begin", "keyboard")
    before = app.busy_shown
    recorder.seen.clear()
    d.press("give", "keyboard")
    d.press("yes", "keyboard")
    assert app.busy_shown > before and tr("ui.thinking") in recorder.seen


# ----------------------------------------------------------------------------- decisions


def test_answers_show_what_accepting_and_rejecting_do(recorder: Recorder) -> None:
    app, d = hot_seat()
    sc = app.match.sc
    proposal = next(a for a in sc.actions_by_role[0] if sc.actions[a].kind == ACTION_PROPOSE)
    give(d, sc.actions[proposal].id)
    give(d)
    give(d)
    to_board(d)
    while d.scene.name == "play" and d.scene.mode == "public":
        d.press("next", "keyboard")
    open_private(d)
    assert d.scene.mode == "answers"
    drawn = recorder.frame(app)
    assert "If you accept:" in drawn and "If you reject:" in drawn


def test_the_resolution_shows_a_roll_against_its_target(recorder: Recorder) -> None:
    app, d = hot_seat()
    give(d, OPEN)
    give(d)
    give(d)
    d.settle()
    if not d.scene.done:
        d.key(pygame.K_SPACE)
    drawn = recorder.frame(app)
    assert " against " in drawn and "2d6: success" in drawn


def test_a_covert_team_learns_its_result_on_its_own_screen_only(recorder: Recorder) -> None:
    app, d = hot_seat()
    sc = app.match.sc
    covert = action_name(sc, sc.action_index[COVERT])
    give(d, COVERT)
    give(d)
    give(d)
    d.settle()
    if not d.scene.done:
        d.key(pygame.K_SPACE)
    public = recorder.frame(app)
    d.press("continue", "keyboard")
    public += recorder.frame(app)
    title = "Only your team sees this"
    assert title not in public and covert not in public
    us = sc.role_ids.index("us")
    shown_to_others = ""
    while True:
        while d.scene.name == "play" and d.scene.mode == "public":
            d.press("next", "keyboard")
        assert d.scene.name == "handoff"
        shown_to_others += recorder.frame(app)
        role = d.scene.role
        open_private(d)
        drawn = recorder.frame(app)
        if role == us:
            assert title in drawn and f"Your secret order: {covert}" in drawn
            break
        assert title not in drawn and covert not in drawn
        d.press("give", "keyboard")
        d.press("yes", "keyboard")
    assert title not in shown_to_others


def test_spanish_role_names_read_as_labels(recorder: Recorder) -> None:
    app = make_app((1280, 720), roles=THREE, lang="es")
    d = Driver(app)
    d.settle()
    d.press("begin", "keyboard")
    drawn = recorder.frame(app)
    assert "Pasen la pantalla a: Gobierno de Estados Unidos" in drawn
    open_private(d)
    drawn = recorder.frame(app)
    assert "Estados Unidos - órdenes del turno 1" in drawn and "Tú" not in drawn
    set_language("en")
