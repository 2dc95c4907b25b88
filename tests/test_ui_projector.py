"""The window at the back of a room: projector mode (large text, light colours) at 1280x720
and 1920x1080, every bundled scenario (the six-team seminar included), English and Spanish.

The key screens of a shared-screen game - hand-off, a team's orders and answers, the
resolution, the public board, every section of the facilitator's panel, every tab of the
end - are drawn, and the painter records every label it had to cut and every wrapped text it
had to leave lines out of. Any record fails the test, with the screen and the text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pygame
import pytest

from game.i18n import set_language
from game.scenario.load import bundled_scenarios, load_scenario
from game.shells.window.painter import Painter
from game.shells.window.screenshots import make_app
from game.shells.window.theme import Settings, Theme
from game.shells.window.tour import all_human, key_screens

SIZES = ((1280, 720), (1920, 1080))
KEY_SCREENS = {"handoff", "orders", "answers", "resolution", "public", "facilitator-dice", "end-outcome"}
# Each scenario's tests in one test process (pytest-xdist --dist loadgroup), so the Spanish
# 1280x720 tour both checks read is made once.
SCENARIOS = [
    pytest.param(path, id=path.stem, marks=pytest.mark.xdist_group(f"projector-{path.stem}"))
    for path in sorted(bundled_scenarios())
]
Tour = dict[str, tuple[list[str], list[str]]]  # screen -> (labels cut, every text drawn)


@cache
def tour(path: Path, lang: str, size: tuple[int, int]) -> Tour:
    """Each key screen of a projector game drawn once: what the painter cut and what it drew."""
    scenario = load_scenario(path)
    app = make_app(size, roles=all_human(scenario), projector=True, lang=lang, scenario=str(path))
    drawn: list[str] = []
    original = Painter.text

    def record(painter: Painter, value: str, style: str = "body", color=None):  # noqa: ANN001, ANN202
        drawn.append(value)
        return original(painter, value, style, color)

    seen: Tour = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Painter, "text", record)
        for name in key_screens(app):
            drawn.clear()
            app.painter.clipped = []
            app.draw()
            clipped, texts = seen.setdefault(name, ([], []))
            clipped.extend(sorted(set(app.painter.clipped)))
            texts.extend(drawn)
            app.painter.clipped = None
    set_language("en")
    return seen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("path", SCENARIOS)
def test_no_label_is_cut_on_a_projector(path: Path, lang: str, size: tuple[int, int]) -> None:
    seen = tour(path, lang, size)
    assert KEY_SCREENS <= set(seen), f"the tour missed {KEY_SCREENS - set(seen)}"
    clipped = {name: lines for name, (lines, _) in seen.items() if lines}
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


@pytest.mark.parametrize("path", SCENARIOS)
def test_no_english_on_spanish_screens(path: Path) -> None:
    found: dict[str, set[str]] = {}
    for name, (_, texts) in tour(path, "es", (1280, 720)).items():
        for line in "\n".join(texts).splitlines():
            if ENGLISH.search(line):
                found.setdefault(name, set()).add(line)
    assert not found, "\n".join(f"{name}: {sorted(lines)[:6]}" for name, lines in found.items())
