"""The bundled font draws every character the window can show (no silent missing-glyph boxes),
in English and Spanish; and requirements read as words."""

from __future__ import annotations

import json
from pathlib import Path

import pygame.freetype
import pytest
from pydantic import BaseModel

from game.i18n import LOCALE_DIR, set_language
from game.scenario.load import bundled_scenarios, load_scenario
from game.shells.window.painter import ELLIPSIS
from game.shells.window.requirements import requirement_text
from game.shells.window.theme import FONT_BOLD, FONT_REGULAR

SPANISH = "áéíóúüñÁÉÍÓÚÜÑ¿¡«»"
DRAWN_BY_THE_WINDOW = "·•–—…×%+-=()/:;'\"" + ELLIPSIS


def strings_of(value: object) -> list[str]:
    """Every piece of text in a scenario model (plain strings and {lang: text} maps)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, BaseModel):
        return [s for field in type(value).model_fields for s in strings_of(getattr(value, field))]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_of(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in strings_of(v)]
    return []


def missing_glyphs(path: Path, text: str) -> set[str]:
    pygame.freetype.init()
    font = pygame.freetype.Font(str(path), 20)
    chars = sorted({c for c in text if c.isprintable() and not c.isspace()})
    return {c for c, metrics in zip(chars, font.get_metrics("".join(chars)), strict=True) if metrics is None}


def catalog_text() -> str:
    """Every catalog string the window may draw (the report's own strings go to HTML/Markdown)."""
    out = []
    for path in sorted(LOCALE_DIR.glob("*.json")):
        catalog = json.loads(path.read_text(encoding="utf-8"))
        for key, value in catalog.items():
            if not key.startswith("report."):
                out.extend(value.values() if isinstance(value, dict) else [value])
    return "".join(out)


@pytest.mark.parametrize("font", [FONT_REGULAR, FONT_BOLD], ids=["regular", "bold"])
def test_font_covers_interface_scenarios_and_spanish(font: Path) -> None:
    text = catalog_text() + SPANISH + DRAWN_BY_THE_WINDOW
    for path in bundled_scenarios():
        text += "".join(strings_of(load_scenario(path).model))
    assert not missing_glyphs(font, text)


def test_the_check_does_find_missing_glyphs() -> None:
    """Arrows, check marks and dice are not in the font: the window draws them as shapes."""
    assert missing_glyphs(FONT_REGULAR, "↑↓✓✗⚀a") == {"↑", "↓", "✓", "✗", "⚀"}


def test_font_licence_is_bundled() -> None:
    licence = FONT_REGULAR.parent / "OFL.txt"
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence.read_text(encoding="utf-8")


def test_requirements_read_as_words() -> None:
    sc = load_scenario()
    set_language("en")
    phrases = {
        sc.actions[i].id: requirement_text(sc, i)
        for i in range(len(sc.model.actions))
        if sc.model.actions[i].requires
    }
    assert phrases, "the default scenario has actions with requirements"
    for action_id, phrase in phrases.items():
        assert phrase and "." not in phrase.replace("...", ""), (action_id, phrase)
        assert "==" not in phrase and "!=" not in phrase and "posture." not in phrase, (
            action_id,
            phrase,
        )
    covert = next(sc.actions[i] for i in sc.secrets.covert_actions if sc.model.actions[i].requires)
    # The guard most covert orders carry reads as one plain clause, not two negations of logic.
    assert phrases[covert.id].endswith("not while it is already running, nor once it has come to light")
    assert "not exposed" not in phrases[covert.id]
    set_language("es")
    try:
        assert "ni una vez que haya salido a la luz" in requirement_text(sc, covert.index)
    finally:
        set_language("en")
