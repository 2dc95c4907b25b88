"""Whole games played through the window with scripted input, and the paths around them:
keyboard only, mouse only, solo and shared screen, saves, continue, and problems shown as
messages instead of crashes.

The solo keyboard game draws every frame (every key press, every frame of every resolution's
animation); the other whole games use a quiet driver, which draws each screen the script
stops at, and the solo test checks that a quiet driver plays the very same game."""

from __future__ import annotations

import json
import random

import pygame

from game.session import codec
from game.shells.window.screenshots import make_app
from game.shells.window.script import Driver, play_to_end


def moves_of(app) -> list[dict]:  # noqa: ANN001
    session = app.match.session
    return [codec.encode(session.scenario, move) for move in session.moves]


def test_solo_game_by_keyboard_only_reaches_an_ending() -> None:
    # The teaching file's six months: every frame of a whole game is drawn here, twice as fast as
    # the default's twelve (the default's whole games are played by mouse below).
    app = make_app((1280, 720), scenario="teaching")
    seen = play_to_end(app, "keyboard")
    quiet = make_app((1280, 720), scenario="teaching")
    assert play_to_end(quiet, "keyboard", quiet=True) == seen, "a quiet driver passes the same screens"
    assert moves_of(quiet) == moves_of(app), "and plays the same moves"
    assert quiet.frames * 10 < app.frames, "while drawing a small part of the frames"
    assert seen[:3] == ["title", "setup", "intro"]
    assert seen[-1] == "end"
    assert "handoff" not in seen and "play:public" not in seen, "solo play needs no hand-off"
    session = app.match.session
    assert session.terminal
    assert seen.count("resolution") == session.state.turn
    # The human's orders really went through the window: at least one non-empty order set.
    human = session.human_roles()[0]
    given = [m.orders[human] for m in session.moves if m.kind == "orders"]
    assert any(given)


def test_shared_screen_game_by_mouse_only_at_a_small_window() -> None:
    app = make_app((960, 540), roles="us=human,mexico=human,civil=human")
    rng = random.Random(3)

    def choose(cards: list[int]) -> list[int]:
        return rng.sample(cards, min(2, len(cards)))

    seen = play_to_end(app, "mouse", choose=choose, quiet=True)
    assert seen[-1] == "end"
    session = app.match.session
    # Every private screen came right after a hand-off screen (its briefing, the first time).
    private = [i for i, name in enumerate(seen) if name in ("play:orders", "play:answers")]
    assert len(private) >= 3 * session.state.turn
    for i in private:
        before = seen[i - 1] if seen[i - 1] != "briefing" else seen[i - 2]
        assert before == "handoff", seen[max(0, i - 3) : i + 1]
    assert seen.count("handoff") == len(private)
    assert seen.count("briefing") == 3, "each team sees its briefing once, on its first private screen"


def test_watching_computers_play_to_the_end() -> None:
    app = make_app((1280, 720), roles="random")
    seen = play_to_end(app, "mouse", quiet=True)
    assert seen[-1] == "end" and "handoff" not in seen


def test_turn_limit_from_setup_survives_save_and_continue() -> None:
    app = make_app((1280, 720))
    d = Driver(app)
    d.press("new", "keyboard")
    d.focus("turns")
    for _ in range(9):
        d.key(pygame.K_LEFT)
    assert d.widget("turns").value == 3
    d.press("start", "keyboard")
    d.press("begin", "keyboard")
    assert app.match.sc.model.turns == 3
    d.press("give", "keyboard")
    d.press("yes", "keyboard")
    d.settle()
    d.press("continue", "keyboard")
    # Back to the title: Continue offers the autosave, which keeps the 3-turn limit.
    app.go.title()
    d.settle()
    assert "continue" in d.keys()
    d.press("continue", "mouse")
    assert app.match.sc.model.turns == 3 and app.match.session.state.turn == 2
    seen = play_to_end(app, "keyboard", quiet=True)
    assert seen[-1] == "end" and app.match.session.state.turn <= 3


def test_save_by_name_and_load_it_back() -> None:
    app = make_app((1280, 720))
    d = Driver(app)
    d.press("new", "keyboard")
    d.press("start", "keyboard")
    d.press("begin", "keyboard")
    d.key(pygame.K_s, pygame.KMOD_CTRL)
    field = d.widget("field")
    for _ in range(len(field.value)):
        d.key(pygame.K_BACKSPACE)
    d.type_text("seminar one")
    d.key(pygame.K_RETURN)
    assert "seminar one" in app.toast_text
    d.key(pygame.K_ESCAPE)
    d.press("title", "keyboard")
    d.press("yes", "keyboard")
    assert d.scene.name == "title" and app.match is None
    d.press("load", "mouse")
    names = [w.label for w in d.scene.form.widgets if w.key.startswith("item.")]
    assert "seminar one" in names
    d.click(f"item.{names.index('seminar one')}")
    assert d.scene.name == "play" and app.match.session.name == "seminar one"


def test_a_broken_save_is_a_message_not_a_crash(tmp_path) -> None:  # noqa: ANN001
    from game.session.store import saves_dir

    (saves_dir() / "broken.json").write_text('{"save_version": 2, "format": "nope"', encoding="utf-8")
    app = make_app((1280, 720))
    d = Driver(app)
    d.press("load", "keyboard")
    d.press("item.0", "keyboard")
    assert d.scene.name == "dialog"
    assert "cannot be loaded" in d.scene.body and "broken.json" in d.scene.body
    d.press("ok", "keyboard")
    assert d.scene.name == "title"


def test_load_from_the_command_line_and_a_bad_one(tmp_path) -> None:  # noqa: ANN001
    app = make_app((1280, 720))
    d = Driver(app)
    d.press("new", "keyboard")
    d.press("start", "keyboard")
    d.press("begin", "keyboard")
    from game.session.store import save_session

    good = tmp_path / "good.json"
    save_session(app.match.session, good)
    from game.session.store import save_named
    from game.shells.window.start import LaunchOptions

    save_named(app.match.session, "by-name")
    cases = ((str(good), "play"), ("by-name", "play"), (str(tmp_path / "missing.json"), "dialog"))
    for load, expect in cases:
        app2 = make_app((1280, 720))
        app2.options = LaunchOptions(load=load)
        from game.shells.window.scenes.title import TitleScene

        app2.reset(TitleScene(app2, app2.options, app2.library))
        app2.step([], 0.0)
        app2.step([], 0.0)
        assert app2.top.name == expect


def test_bad_scenario_and_bad_roles_are_messages(tmp_path) -> None:  # noqa: ANN001
    from game.shells.window.scenes.title import TitleScene
    from game.shells.window.start import LaunchOptions

    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: Bad Id\n", encoding="utf-8")
    app = make_app((1280, 720))
    app.options = LaunchOptions(scenario=str(bad))
    app.reset(TitleScene(app, app.options, app.library))
    app.step([], 0.0)
    app.step([], 0.0)
    assert app.top.name == "dialog" and "bad.yaml:" in app.top.body
    app = make_app((1280, 720), roles="us=human,nobody=hard")
    assert app.top.name == "dialog" and "nobody" in app.top.body


def test_autosave_after_every_turn() -> None:
    from game.session.store import latest_autosave

    app = make_app((1280, 720), roles="us=human,mexico=normal,civil=normal")
    d = Driver(app)
    d.settle()
    d.press("begin", "keyboard")
    for turn in (1, 2):
        if d.scene.mode == "answers":
            d.press(next(k for k in d.keys() if k.startswith("accept.")), "keyboard")
            d.press("send", "keyboard")
        d.press("give", "keyboard")
        d.press("yes", "keyboard")
        path = latest_autosave()
        assert path is not None
        saved = json.loads(path.read_text(encoding="utf-8"))
        assert sum(1 for m in saved["moves"] if m["type"] == "orders") == turn
        d.settle()
        d.press("continue", "keyboard")
