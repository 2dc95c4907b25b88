"""The window at the back of a room: projector mode (large text, light colours) at 1280x720
and 1920x1080, every bundled scenario (the six-team seminar included), English and Spanish.

The key screens of a shared-screen game - hand-off, a team's orders and answers, the
resolution, the public board, every section of the facilitator's panel, every tab of the
end - are drawn, and the painter records every label it had to cut and every wrapped text it
had to leave lines out of. Any record fails the test, with the screen and the text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from game.scenario.load import bundled_scenarios, load_scenario
from game.shells.window.painter import Painter
from game.shells.window.screenshots import make_app
from game.shells.window.theme import Settings, Theme
from game.shells.window.tour import all_human, key_screens

SCENARIOS = sorted(bundled_scenarios())
SIZES = ((1280, 720), (1920, 1080))
KEY_SCREENS = {"handoff", "orders", "answers", "resolution", "public", "facilitator-dice", "end-outcome"}


def tour(path: Path, lang: str, size: tuple[int, int], draw: callable) -> set[str]:  # type: ignore[valid-type]
    scenario = load_scenario(path)
    app = make_app(size, roles=all_human(scenario), projector=True, lang=lang, scenario=str(path))
    seen = set()
    for name in key_screens(app):
        seen.add(name)
        draw(app, name)
    return seen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_no_label_is_cut_on_a_projector(path: Path, lang: str, size: tuple[int, int]) -> None:
    clipped: dict[str, list[str]] = {}

    def draw(app, name: str) -> None:  # noqa: ANN001
        app.painter.clipped = []
        app.draw()
        if app.painter.clipped:
            clipped.setdefault(name, []).extend(sorted(set(app.painter.clipped)))
        app.painter.clipped = None

    seen = tour(path, lang, size, draw)
    assert KEY_SCREENS <= seen, f"the tour missed {KEY_SCREENS - seen}"
    assert not clipped, "\n".join(f"{name}: {line}" for name, lines in clipped.items() for line in lines[:8])


def test_a_cut_label_is_recorded() -> None:
    """The check above can fail: a label too wide even shrunk is cut and recorded; one a little
    too wide is drawn smaller and whole."""
    pygame.font.init()
    p = Painter(Theme.for_window((1280, 720), Settings(large_text=True, palette="light")))
    p.clipped = []
    surface = pygame.Surface((400, 100))
    label = "Demanda de drogas en Estados Unidos"
    p.draw_text(surface, label, (0, 0), "body", max_width=round(p.width(label, "body") * 0.9))
    assert p.clipped == [], "a little too wide: shrunk, not cut"
    p.draw_text(surface, label, (0, 0), "body", max_width=p.width(label, "body") // 2)
    assert len(p.clipped) == 1 and label in p.clipped[0]
    p.draw_wrapped(surface, label + " " + label, pygame.Rect(0, 0, 120, p.line_height("body")), "body")
    assert len(p.clipped) == 2 and "lines left out" in p.clipped[1]


ENGLISH = re.compile(r"\b(the|and|of|your|turn|orders|with|from|players?|secret|press)\b", re.IGNORECASE)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_no_english_on_spanish_screens(path: Path, recorder) -> None:  # noqa: ANN001
    found: dict[str, set[str]] = {}

    def draw(app, name: str) -> None:  # noqa: ANN001
        for line in recorder.frame(app).splitlines():
            if ENGLISH.search(line):
                found.setdefault(name, set()).add(line)

    tour(path, "es", (1280, 720), draw)
    assert not found, "\n".join(f"{name}: {sorted(lines)[:6]}" for name, lines in found.items())
