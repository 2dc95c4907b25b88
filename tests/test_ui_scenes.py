"""Every screen of the window renders headless, at 1280x720 and at a small window, and what it
draws respects the hot-seat secrets (a recording painter captures every string drawn)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pytest

from game.engine import PUBLIC
from game.shells.window.screenshots import make_app
from game.shells.window.script import Driver
from game.story.words import action_name

SIZES = [(1280, 720), (960, 540)]

if TYPE_CHECKING:
    from conftest import Recorder


def drawn_something(app) -> bool:  # noqa: ANN001
    """The frame is not a blank fill: it has many colours."""
    surface = app.surface
    w, h = surface.get_size()
    colours = {tuple(surface.get_at((x, y)))[:3] for x in range(0, w, 37) for y in range(0, h, 29)}
    return len(colours) > 8


@pytest.mark.parametrize("size", SIZES)
def test_every_scene_renders(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch, recorder: Recorder
) -> None:
    rec = recorder
    app = make_app(size)
    d = Driver(app)
    shown: dict[str, str] = {"title": rec.frame(app)}
    assert "Common Ground" in shown["title"] and "New game" in shown["title"]
    d.press("new", "keyboard")
    shown["setup"] = rec.frame(app)
    assert "who plays each role" in shown["setup"].lower()
    d.press("start", "keyboard")
    shown["intro"] = rec.frame(app)
    d.press("begin", "keyboard")
    shown["orders"] = rec.frame(app)
    assert "Give no orders (pass)" in shown["orders"] and "1 AP" in shown["orders"]
    assert drawn_something(app)
    d.key(pygame.K_b)
    shown["briefing"] = rec.frame(app)
    assert "Situation:" in shown["briefing"]
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_F1)
    shown["help"] = rec.frame(app)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_ESCAPE)
    shown["menu"] = rec.frame(app)
    assert "Save game" in shown["menu"]
    d.key(pygame.K_ESCAPE)
    d.press("give", "keyboard")
    shown["confirm"] = rec.frame(app)
    d.press("yes", "keyboard")
    assert d.scene.name == "resolution"
    shown["resolution"] = rec.frame(app)
    d.settle()
    assert drawn_something(app)
    for name, text in shown.items():
        assert text, f"{name} drew no text"
        assert "ui." not in text and "text." not in text, f"{name} shows a catalog key: {text}"


def test_the_why_panel_shows_causes_with_risk_ids(
    monkeypatch: pytest.MonkeyPatch, recorder: Recorder
) -> None:
    rec = recorder
    app = make_app((1280, 720))
    d = Driver(app)
    d.press("new", "keyboard")
    d.press("start", "keyboard")
    d.press("begin", "keyboard")
    d.press("give", "keyboard")
    d.press("yes", "keyboard")
    d.settle()
    d.press("continue", "keyboard")
    while d.scene.mode == "answers":
        key = next(k for k in d.keys() if k.startswith("reject."))
        d.press(key, "keyboard")
        d.press("send", "keyboard")
    s = d.scene.s
    from game.story.why import track_changes

    moved = [i for i in range(len(s.tracks)) if any(c.risks for c in track_changes(s, i, turns=2))]
    assert moved, "some track moved in turn 1 for a reason tied to the article's risks"
    d.move(d.widget(f"track.{moved[0]}").rect.center)
    text = rec.frame(app)
    assert "Why " in text and "Turn " in text
    risks = {r for c in track_changes(s, moved[0], turns=2) for r in c.risks}
    assert any(risk in text for risk in risks)
    # Keyboard focus shows the same panel.
    d.move((1, 1))
    d.scene.form.focus(f"track.{moved[0]}")
    assert "Why " in rec.frame(app)


def test_end_scene_tabs_and_reveal(monkeypatch: pytest.MonkeyPatch, recorder: Recorder) -> None:
    from game.shells.window.script import play_to_end

    rec = recorder
    app = make_app((960, 540), roles="random")
    play_to_end(app, "keyboard", quiet=True)
    d = Driver(app)
    assert d.scene.name == "end"
    outcome = rec.frame(app)
    assert "needed" in outcome and ("cleared" in outcome)
    for tab, words in (
        ("tracks", "same 0-100 scale"),
        ("chain", "Turn 1"),
        ("debrief", "QUESTIONS FOR THE DEBRIEF"),
    ):
        d.press(f"tab.{tab}", "mouse")
        assert words in rec.frame(app)
        assert drawn_something(app)
    d.press("reveal", "mouse")
    assert "Everything revealed" in rec.frame(app)


def test_projector_mode_and_spanish(monkeypatch: pytest.MonkeyPatch, recorder: Recorder) -> None:
    rec = recorder
    app = make_app((1280, 720), projector=True, lang="es")
    assert app.painter.theme.sizes["body"] > 17
    assert app.painter.pal.name == "light"
    d = Driver(app)
    assert "Nueva partida" in rec.frame(app)
    d.press("new", "keyboard")
    d.press("start", "keyboard")
    d.press("begin", "keyboard")
    text = rec.frame(app)
    assert "INDICADORES" in text and "No dar órdenes (pasar)" in text
    d.key(pygame.K_F2)  # projector mode off again
    assert app.painter.pal.name == "dark" and app.painter.theme.sizes["body"] == 17


def test_resizing_relays_out_every_scene(monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app((1280, 720))
    d = Driver(app)
    d.press("new", "keyboard")
    d.press("start", "keyboard")
    d.press("begin", "keyboard")
    give = d.widget("give")
    assert give is not None and give.rect.right <= 1280
    pygame.display.set_mode((900, 520), pygame.RESIZABLE)
    d.frame([pygame.event.Event(pygame.VIDEORESIZE, size=(900, 520), w=900, h=520)])
    give = d.widget("give")
    assert app.size == (900, 520)
    assert give is not None and give.rect.right <= 900 and give.rect.bottom <= 520
    for widget in d.scene.form.widgets:
        if widget.area is None:
            assert widget.rect.right <= 900 and widget.rect.bottom <= 520, widget.key
    d.key(pygame.K_F11)  # full screen, and back to the window's size
    assert app.settings.fullscreen and app.size != (900, 520)
    d.key(pygame.K_F11)
    assert not app.settings.fullscreen and app.size == (900, 520)


def test_hand_off_and_public_screens_keep_covert_orders_secret(
    monkeypatch: pytest.MonkeyPatch,
    recorder: Recorder,
) -> None:
    """A covert order chosen on a private screen never shows on the hand-off or public screens
    (unless it was exposed), but its owner sees it on their next private screen."""
    rec = recorder
    app = make_app((1280, 720), roles="us=human,mexico=human,civil=human")
    d = Driver(app)
    d.settle()
    d.press("begin", "keyboard")
    sc = app.match.sc
    covert = [a for a in sc.secrets.covert_actions if sc.actions[a].role == 0]
    assert covert, "the default scenario gives the US a covert action"
    name = action_name(sc, covert[0])
    handoff = rec.frame(app)
    assert d.scene.name == "handoff" and "Tracks" not in handoff and name not in handoff
    d.press("ready", "keyboard")
    d.press("close", "keyboard")
    d.key(pygame.K_1 + sc.actions[covert[0]].category)
    d.click(f"card.{covert[0]}")
    assert d.scene.selected == [covert[0]]
    assert name in rec.frame(app)
    d.press("give", "mouse")
    d.press("yes", "mouse")
    for _ in range(2):
        assert name not in rec.frame(app)
        d.press("ready", "keyboard")
        d.press("close", "keyboard")
        assert name not in rec.frame(app)
        d.press("give", "keyboard")
        d.press("yes", "keyboard")
    assert d.scene.name == "resolution" and d.scene.viewer == PUBLIC
    exposed = bool(app.match.session.state.exposed[covert[0]])
    d.key(pygame.K_SPACE)
    assert (name in rec.frame(app)) == exposed
    d.press("continue", "keyboard")
    assert d.scene.name == "play" and d.scene.mode == "public"
    assert (name in rec.frame(app)) == exposed
    d.press("next", "keyboard")
    for _ in range(12):
        scene = d.scene
        if scene.name in ("handoff", "briefing"):
            d.press("ready" if scene.name == "handoff" else "close", "keyboard")
        elif scene.mode == "answers":
            for key in [k for k in d.keys() if k.startswith("reject.")]:
                d.press(key, "keyboard")
            d.press("send", "keyboard")
        elif scene.role != 0:
            d.press("give", "keyboard")
            d.press("yes", "keyboard")
        else:
            text = rec.frame(app)
            assert "Your covert programmes running" in text and name in text
            return
    raise AssertionError("never reached the US's next private orders screen")
