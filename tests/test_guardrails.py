"""The guardrail: no tactical or targeting mechanics, in the format or in the words.

Two checks. The scenario format has no field in which a target, a place, a unit or a weapon
could be written down (force is only a policy posture). And no text of a scenario - actions,
events, rules, terms, postures, endings, briefings, debrief, introduction - uses the vocabulary
of targeting or tactics. The risk quotes and the source note are left out of the word check on
purpose: they quote the source article, which itself speaks of targeting cartels.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from game.scenario import models
from game.scenario.load import bundled_scenarios, load_scenario

ROOT = Path(__file__).resolve().parents[1]

# Field names that would let a scenario describe a target, a place, a unit or a weapon.
FORBIDDEN_FIELDS = {
    "target_list", "targets", "target_id", "victim", "victims", "person", "people",
    "place", "places", "location", "locations", "coordinates", "latitude", "longitude",
    "map", "region", "city", "site", "sites", "area", "zone", "route", "routes",
    "unit", "units", "troops", "force_size", "squad", "asset", "assets",
    "weapon", "weapons", "munition", "munitions", "ordnance", "payload", "strike", "strikes",
}  # fmt: skip

# Words that describe targeting or tactics, in English ...
TACTICAL_WORDS = (
    r"target\w*", r"strikes?", r"airstrikes?", r"drones?", r"bomb\w*", r"missiles?", r"munitions?",
    r"weapons?", r"snipers?", r"ambush\w*", r"raids?", r"raiding", r"assassinat\w*", r"kill list",
    r"hit list", r"coordinates", r"grid reference", r"convoys?", r"safe ?houses?", r"hideouts?",
    r"firepower", r"lethal", r"special forces", r"commandos?", r"platoons?", r"squads?",
    r"battalions?", r"brigades?", r"artillery", r"helicopters?", r"gunships?", r"rifles?",
    r"ammunition", r"explosives?", r"high-value", r"decapitat\w*", r"kinetic", r"neutrali[sz]\w*",
    r"take out", r"kill zone", r"rules of engagement", r"night raids?", r"precision",
)  # fmt: skip
# ... and in Spanish. Phrases where a word alone is innocent: "objetivo" is also an objective,
# "blanco" also white or "the target of criticism", "armas" is needed for "tráfico de armas"
# (the English list likewise allows "arms" and "guns"), "abatir" also means to bring down
# poverty, and "brigadas de búsqueda" are the searching families' own brigades.
TACTICAL_WORDS_ES = (
    r"objetivos? militar(es)?", r"objetivos? de alto valor", r"alto valor",
    r"blancos? militar(es)?", r"fijar (el |los |un )?blancos?", r"listas? de (objetivos|blancos)",
    r"ataques? con dron(es)?", r"ataques? aéreos?", r"dron(es)?", r"bombarde\w*", r"bombas?",
    r"misiles?", r"munici(ón|ones)", r"armamento", r"francotirador\w*", r"emboscad\w*",
    r"redadas?", r"incursi(ón|ones)", r"asesinatos? selectivos?", r"ejecuci(ón|ones) selectivas?",
    r"coordenadas", r"convoy(es)?", r"casas? de seguridad", r"escondites?", r"guaridas?",
    r"potencia de fuego", r"letal(es)?", r"fuerzas especiales", r"comandos?", r"pelot(ón|ones)",
    r"escuadr(a|as|ón|ones)", r"batall(ón|ones)", r"artillería", r"helicópteros?",
    r"artillad[oa]s?", r"fusiles?", r"explosivos?", r"descabeza\w*", r"cinétic[oa]s?",
    r"neutraliza\w*", r"abatid[oa]s?", r"zonas? de muerte", r"reglas de (enfrentamiento|combate)",
    r"(ataques?|operativos?) de precisión", r"precisión quirúrgica",
)  # fmt: skip
TACTICAL = re.compile(r"\b(" + "|".join(TACTICAL_WORDS + TACTICAL_WORDS_ES) + r")\b", re.IGNORECASE)


def model_classes() -> Iterator[type[BaseModel]]:
    """Every pydantic model reachable from the Scenario model."""
    seen: set[type[BaseModel]] = set()
    stack: list[object] = [models.Scenario]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            if item in seen:
                continue
            seen.add(item)
            yield item
            for field in item.model_fields.values():
                stack.append(field.annotation)
        else:
            stack.extend(typing.get_args(item))


def test_the_format_has_no_field_for_targets_places_units_or_weapons() -> None:
    classes = list(model_classes())
    assert models.Action in classes and models.Exposure in classes  # the walk reaches the content
    for cls in classes:
        for name in cls.model_fields:
            assert name not in FORBIDDEN_FIELDS, f"{cls.__name__}.{name}"
            if name == "target":
                # The only 'target' is the number a 2d6 check must reach, never a thing to hit.
                assert cls is models.Check
                assert cls.model_fields[name].annotation is not str


def test_the_check_target_is_a_dice_number() -> None:
    with pytest.raises(ValueError):
        models.Check.model_validate({"target": "a place", "success": {"text": "x"}, "failure": {"text": "y"}})
    with pytest.raises(ValueError):
        models.Check.model_validate({"target": 14, "success": {"text": "x"}, "failure": {"text": "y"}})


def texts(value: object) -> Iterator[str]:
    """Every text (plain or per language) inside a model, a list or a map."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, str):
        yield value


def described_texts(scenario: models.Scenario) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the game shows but the article's own words (risks, source)."""
    for kind in (
        "actions",
        "events",
        "rules",
        "terms",
        "postures",
        "endings",
        "flags",
        "tracks",
        "roles",
    ):
        for item in getattr(scenario, kind):
            for text in texts(item.model_copy(update={"risks": []}) if hasattr(item, "risks") else item):
                yield f"{kind}:{item.id}", text
    for text in texts(scenario.debrief):
        yield "debrief", text
    for text in texts(scenario.intro):
        yield "intro", text


def test_the_word_list_catches_what_it_should() -> None:
    assert TACTICAL.search("Plan a drone strike on the convoy")
    assert TACTICAL.search("targeting cartel leaders")
    assert not TACTICAL.search("Curb southbound arms trafficking and fund treatment")
    assert TACTICAL.search("Planear un ataque con dron contra el convoy")
    assert TACTICAL.search("fijar objetivos militares y objetivos de alto valor")
    assert TACTICAL.search("un bombardeo")
    assert TACTICAL.search("el dron y los drones")
    assert TACTICAL.search("un ataque con dron")
    assert TACTICAL.search("Un francotirador")
    assert TACTICAL.search("la estrategia de descabezamiento de los cárteles")
    assert not TACTICAL.search("Frenar el tráfico de armas hacia el sur y financiar el tratamiento")
    assert not TACTICAL.search("Tus objetivos secretos: reducir el poder de los cárteles")
    assert not TACTICAL.search("La política es blanco de críticas; abatir la pobreza")


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_no_mechanic_is_described_in_tactical_words(path: Path) -> None:
    scenario = load_scenario(path).model
    found = [
        f"{where}: {match.group(0)!r} in {text[:70]!r}"
        for where, text in described_texts(scenario)
        for match in [TACTICAL.search(text)]
        if match and not re.fullmatch(r"[a-z0-9_]+", text)  # ids and conditions are not prose
    ]
    assert not found, "\n".join(found)
