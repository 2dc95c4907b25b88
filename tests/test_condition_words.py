"""Every condition of every bundled scenario is said in words, never shown as its source.

The board's "how the game can end", the orders' requirements and the printed kit all word
conditions through ``game.story.requirements``; a name it does not know used to fall back to
the condition's source text (the framework ending read "credibility.mexico.us >= 35").
"""

from __future__ import annotations

import re

import pytest

from game.i18n import set_language
from game.scenario.load import load_scenario
from game.story.requirements import condition_text

SCENARIOS = ("cartel_mission", "cartel_mission_seminar", "teaching")
# A dotted name as conditions write them (flag.x, credibility.a.b): never in worded text.
SOURCE_NAME = re.compile(r"\b[a-z_]+\.[a-z_]+\b")


def conditions(sc):  # noqa: ANN001, ANN201
    m = sc.model
    for group in (m.actions, m.rules, m.events, m.endings, m.beats, m.terms):
        for item in group:
            for field in ("requires", "when"):
                source = getattr(item, field, None)
                if isinstance(source, str) and source:
                    yield f"{item.id}.{field}", source


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", SCENARIOS)
def test_every_condition_is_worded(name: str, lang: str) -> None:
    sc = load_scenario(name)
    set_language(lang)
    try:
        found = list(conditions(sc))
        assert len(found) > 20
        for where, source in found:
            words = condition_text(sc, source)
            assert words != source, f"{where}: shown as its source: {source}"
            assert not SOURCE_NAME.search(words), f"{where}: {words!r}"
    finally:
        set_language("en")


def test_credibility_reads_as_one_roles_trust_in_another() -> None:
    sc = load_scenario("teaching")
    framework = next(e for e in sc.model.endings if e.id == "joint_framework")
    assert "Mexico's trust in United States at least 35" in condition_text(sc, framework.when)
    set_language("es")
    try:
        assert "la confianza de México en Estados Unidos" in condition_text(sc, framework.when)
    finally:
        set_language("en")
