"""The window draws untrusted text without crashing: NUL (which pygame refuses), escape codes and
bidi overrides in titles, names and texts are dropped in one place, the painter."""

from __future__ import annotations

import dataclasses

import pygame
import pytest

from game.scenario import load as scenario_load
from game.scenario.runtime import CompiledScenario
from game.session.untrusted import UNSAFE
from game.shells.window import start as window_start
from game.shells.window.painter import Painter, drawable
from game.shells.window.screenshots import make_app
from game.shells.window.script import play_to_end
from game.shells.window.theme import Settings, Theme

NASTY = "\x00\x1b[31m\u202e\x9b"


def spoiled(scenario: CompiledScenario) -> CompiledScenario:
    m = scenario.model

    def spoil(item: object, *fields: str) -> object:
        update = {}
        for f in fields:
            value = getattr(item, f)
            update[f] = {k: v + NASTY for k, v in value.items()} if isinstance(value, dict) else value + NASTY
        return item.model_copy(update=update)  # type: ignore[attr-defined]

    roles = [spoil(r, "name", "short") for r in m.roles]
    roles = [
        r.model_copy(  # type: ignore[attr-defined]
            update={
                "objectives": [spoil(o, "text") for o in r.objectives],  # type: ignore[attr-defined]
                "briefing": spoil(r.briefing, "situation", "pressures", "success"),  # type: ignore[attr-defined]
            }
        )
        for r in roles
    ]
    model = m.model_copy(
        update={
            "title": f"Min{NASTY}imal",
            "roles": roles,
            "tracks": [spoil(t, "name") for t in m.tracks],
            "actions": [spoil(a, "name", "tends") for a in m.actions],
            "endings": [spoil(e, "name", "narrative") for e in m.endings],
        }
    )
    return dataclasses.replace(scenario, model=model)


def test_drawable_text_has_nothing_a_font_cannot_draw() -> None:
    assert drawable("Min\x00imal\x1b[31m \u202eok\tand\nmore") == "Minimal[31m ok and more"
    plain = "Señor — ¿ya?"
    assert drawable(plain) is plain


def test_the_painter_measures_cuts_wraps_and_draws_a_nul() -> None:
    pygame.font.init()
    painter = Painter(Theme.for_window((1280, 720), Settings()))
    value = "Min\x00imal title\x1b[31m with \u202ea long tail " * 3
    assert painter.text(value).get_width() > 0
    assert painter.width(value) == painter.width(drawable(value))
    assert UNSAFE.search(painter.fit(value, "body", 120)) is None
    assert all(UNSAFE.search(line) is None for line in painter.wrap(value, "body", 200))


@pytest.mark.parametrize("roles", ["random", None], ids=["computers", "solo"])
def test_a_scenario_with_nul_and_escape_codes_plays_to_the_end_in_the_window(
    roles: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = scenario_load.load_scenario
    monkeypatch.setattr(window_start, "load_scenario", lambda path=None: spoiled(real(path)))
    app = make_app((1280, 720), roles=roles)
    seen = play_to_end(app, "keyboard", quiet=True)  # every screen it stops at is drawn
    assert seen[-1] == "end"
    assert app.match.session.scenario.model.title.startswith("Min\x00")
