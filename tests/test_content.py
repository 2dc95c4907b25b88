"""The bundled content: size, coverage of the article's risks, reachability and endings.

The default scenario (cartel_mission) must be deep enough for a seminar afternoon; the seminar
variant and the teaching scenario share its vocabulary. Reachability is shown by playing
seeded random games through the real engine, never by reading the YAML alone.

Run this file as a script to search new seeds for ``ENDING_SEEDS`` after a content change:

    python tests/test_content.py
"""

from __future__ import annotations

import statistics
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from game.ai.random_player import RandomPlayer
from game.engine import result
from game.engine.log import AG_IN_FORCE
from game.engine.state import State
from game.i18n import text
from game.scenario.load import load_scenario
from game.scenario.runtime import ACTION_PLAIN, CompiledScenario
from game.session.runner import play_game

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "game" / "scenarios"
RISKS = tuple(f"R{i}" for i in range(1, 13))
DESIGN_ENDINGS = (
    "rupture",
    "quagmire",
    "backlash",
    "accountability",
    "joint_framework",
    "balloon",
    "status_quo",
)
LANGUAGES = ["en", "es"]
FILES = {
    "cartel_mission": "cartel_mission.yaml",
    "cartel_mission_seminar": "cartel_mission_seminar.yaml",
    "teaching": "teaching.yaml",
}

# One seed per ending, found by `python tests/test_content.py` (random play, seeded as below).
ENDING_SEEDS: dict[str, dict[str, int]] = {
    "cartel_mission": {
        "rupture": 1,
        "quagmire": 9,
        "backlash": 0,
        "accountability": 5,
        "joint_framework": 15,
        "partners_little_progress": 13,
        "long_road": 21,
        "balloon": 29,
        "shaky_gains": 20,
        "status_quo": 2,
    },
    "cartel_mission_seminar": {
        "rupture": 3,
        "quagmire": 8,
        "backlash": 0,
        "accountability": 25,
        "joint_framework": 286,
        "partners_little_progress": 1,
        "long_road": 15,
        "balloon": 7,
        "shaky_gains": 12,
        "status_quo": 10,
    },
    "teaching": {
        "rupture": 1,
        "quagmire": 0,
        "backlash": 5,
        "accountability": 6,
        "joint_framework": 22,
        "long_road": 20,
        "balloon": 2,
        "shaky_gains": 48,
        "status_quo": 62,
    },
}


@pytest.fixture(scope="module")
def scenarios() -> dict[str, CompiledScenario]:
    return {name: load_scenario(SCENARIOS / file) for name, file in FILES.items()}


@pytest.fixture(scope="module")
def default(scenarios: dict[str, CompiledScenario]) -> CompiledScenario:
    return scenarios["cartel_mission"]


def random_game(scenario: CompiledScenario, seed: int) -> State:
    """One game of random play, seeded the way the test seeds were searched."""
    players = [RandomPlayer(seed * 31 + role) for role in range(len(scenario.roles))]
    state, _ = play_game(scenario, seed, players)
    return state


def random_games(scenario: CompiledScenario, count: int, first: int = 0) -> Iterator[State]:
    for seed in range(first, first + count):
        yield random_game(scenario, seed)


def plain_actions(scenario: CompiledScenario) -> list[str]:
    return [a.id for a in scenario.actions if a.kind == ACTION_PLAIN]


# ----------------------------------------------------------------------------- size and depth


def test_default_scenario_is_the_bundled_default(default: CompiledScenario) -> None:
    from game.scenario.load import DEFAULT_SCENARIO

    assert DEFAULT_SCENARIO == "cartel_mission" == default.id
    assert default.turns == 12
    assert default.role_ids == ("us", "mexico", "civil")


def test_default_scenario_has_the_size_the_issue_asks_for(default: CompiledScenario) -> None:
    model = default.model
    assert len(model.tracks) >= 14
    assert len(model.actions) >= 36
    for role in default.role_ids:
        assert sum(a.role == role for a in model.actions) >= 10, role
    assert {a.category for a in model.actions} == {"diplomatic", "legal", "public", "policy"}
    assert len(model.terms) >= 6
    assert len(model.rules) >= 25
    assert len(model.events) >= 24
    assert len(model.endings) >= 7


@pytest.mark.parametrize("name", list(FILES))
def test_every_action_says_what_it_is_costs_and_tends_to_do(
    scenarios: dict[str, CompiledScenario], name: str
) -> None:
    model = scenarios[name].model
    for action in model.actions:
        for lang in model.languages:
            assert text(action.description, lang).strip(), (action.id, lang)
            assert text(action.tends, lang).strip(), (action.id, lang)
        assert action.cost.ap >= 1, action.id
        assert action.effects or action.check is not None, f"{action.id} does nothing"


@pytest.mark.parametrize("name", list(FILES))
def test_no_action_is_free_of_a_price(scenarios: dict[str, CompiledScenario], name: str) -> None:
    """No action is always right: it costs capital, worsens a track, can fail or can be exposed."""
    model = scenarios[name].model
    good = {t.id: t.good for t in model.tracks}

    def hurts(effects: list) -> bool:
        for effect in effects:
            track = getattr(effect, "track", None)
            add = getattr(effect, "add", None)
            if track is None or add is None:
                if getattr(effect, "capital", None) is not None and effect.add < 0:
                    return True
                if getattr(effect, "standing", None) is not None and effect.add < 0:
                    return True
                continue
            if (good[track] == "high" and add < 0) or (good[track] == "low" and add > 0):
                return True
        return False

    for action in model.actions:
        priced = (
            action.cost.capital > 0
            or hurts(action.effects)
            or action.check is not None
            or action.exposure is not None
            or bool(action.breaks)
        )
        assert priced, f"{action.id} has no downside at all"


def test_default_scenario_has_delayed_effects_and_covert_choices(default: CompiledScenario) -> None:
    model = default.model
    delayed = [a.id for a in model.actions if any(e.delay for e in a.effects)]
    assert len(delayed) >= 6, delayed
    # Demand-side programmes pay off turns later, never at once.
    for action_id in ("us_treatment_funding", "cs_health_campaign", "cs_treatment_services"):
        action = next(a for a in model.actions if a.id == action_id)
        demand = [e for e in action.effects if getattr(e, "track", None) == "drug_demand"]
        assert demand and all(e.delay >= 1 for e in demand), action_id
    covert = [a for a in model.actions if a.covert]
    assert {a.role for a in covert} >= {"us", "mexico"}
    assert all(a.exposure is not None and a.exposure.effects for a in covert)


@pytest.mark.parametrize("name", list(FILES))
def test_roles_have_briefings_objectives_and_personas(
    scenarios: dict[str, CompiledScenario], name: str
) -> None:
    model = scenarios[name].model
    for role in model.roles:
        for part in (role.briefing.situation, role.briefing.pressures, role.briefing.success):
            for lang in model.languages:
                assert len(text(part, lang).split()) >= 8, (role.id, lang)
        assert len(role.objectives) >= 3, role.id
        assert 2 <= len(role.personas) <= 4, role.id  # civil society has four: one welcomes outside help
        assert len({p.caution for p in role.personas}) == len(role.personas), (
            f"{role.id}: personas should differ in caution"
        )


def test_seminar_variant_has_six_roles_on_the_same_crisis(
    scenarios: dict[str, CompiledScenario],
) -> None:
    seminar, default = scenarios["cartel_mission_seminar"], scenarios["cartel_mission"]
    assert seminar.id.startswith("cartel_mission")
    assert len(seminar.roles) == 6
    assert seminar.turns == default.turns
    assert set(seminar.track_ids) == set(default.track_ids)
    assert [e.id for e in seminar.model.endings] == [e.id for e in default.model.endings]
    for role in seminar.role_ids:
        assert sum(a.role == role for a in seminar.model.actions) >= 6, role


def test_teaching_scenario_is_short(scenarios: dict[str, CompiledScenario]) -> None:
    teaching, default = scenarios["teaching"], scenarios["cartel_mission"]
    assert teaching.turns == 6
    assert len(teaching.model.actions) < len(default.model.actions) // 2
    assert len(teaching.model.tracks) < len(default.model.tracks)
    assert set(DESIGN_ENDINGS) <= {e.id for e in teaching.model.endings}


@pytest.mark.parametrize("name", list(FILES))
def test_words_for_people(scenarios: dict[str, CompiledScenario], name: str) -> None:
    model = scenarios[name].model
    intro_en, intro_es = text(model.intro, "en").lower(), text(model.intro, "es").lower()
    assert "article" in intro_en or "reports" in intro_en
    assert "artículo" in intro_es or "reportes" in intro_es
    assert model.source.title and model.source.note
    assert 8 <= len(model.debrief.questions) <= 12
    assert all(q.risks for q in model.debrief.questions)
    assert set(DESIGN_ENDINGS) <= {e.id for e in model.endings}


# ----------------------------------------------------------------------------- languages


def admits_text_map(annotation: object) -> bool:
    """Whether a field's type is scenario Text (the only dict in the format is a text map)."""
    if typing.get_origin(annotation) is dict:
        return True
    return any(admits_text_map(arg) for arg in typing.get_args(annotation))


def text_fields(value: object, where: str = "") -> Iterator[tuple[str, object]]:
    """(where, value) for every Text field that is set anywhere inside a model."""
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            item = getattr(value, name)
            here = f"{where}.{name}" if where else name
            if admits_text_map(field.annotation):
                if item is not None:
                    yield here, item
            else:
                yield from text_fields(item, here)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from text_fields(item, f"{where}[{i}]")


def test_the_text_walk_reaches_every_kind_of_text(default: CompiledScenario) -> None:
    names = {where.rsplit(".", 1)[-1] for where, _ in text_fields(default.model)}
    assert names >= {
        "title", "intro", "name", "short", "description", "tends", "text", "headline",
        "narrative", "label", "situation", "pressures", "success", "article", "note",
    }  # fmt: skip


@pytest.mark.parametrize("name", list(FILES))
def test_every_text_is_in_english_and_spanish(scenarios: dict[str, CompiledScenario], name: str) -> None:
    """Every bundled text is a translated map; a long one left in English is an oversight."""
    model = scenarios[name].model
    assert model.languages == LANGUAGES
    fields = list(text_fields(model))
    assert len(fields) > 200
    for where, value in fields:
        assert isinstance(value, dict) and list(value) == LANGUAGES, f"{where}: {value!r}"
        english, spanish = value["en"], value["es"]
        assert spanish.strip(), where
        if len(english) >= 20:
            assert spanish != english, f"{where} is not translated: {english!r}"


def test_the_same_english_is_translated_the_same_way(
    scenarios: dict[str, CompiledScenario],
) -> None:
    """The three scenarios share wording; a shared English text has one Spanish version."""
    seen: dict[str, tuple[str, str]] = {}
    for name, scenario in scenarios.items():
        for where, value in text_fields(scenario.model):
            assert isinstance(value, dict)
            first = seen.setdefault(value["en"], (value["es"], f"{name}:{where}"))
            assert first[0] == value["es"], f"{name}:{where} differs from {first[1]}"


# ----------------------------------------------------------------------------- the article's risks


@pytest.mark.parametrize("name", list(FILES))
def test_every_risk_is_drawn_on_by_at_least_two_rules_or_events(
    scenarios: dict[str, CompiledScenario], name: str
) -> None:
    model = scenarios[name].model
    assert [r.id for r in model.risks] == list(RISKS)
    for risk in RISKS:
        users = [r.id for r in model.rules if risk in r.risks] + [
            e.id for e in model.events if risk in e.risks
        ]
        assert len(users) >= 2, f"{name}: {risk} is drawn on only by {users}"


@pytest.mark.parametrize("name", list(FILES))
def test_debrief_questions_reach_every_risk(scenarios: dict[str, CompiledScenario], name: str) -> None:
    asked = {risk for q in scenarios[name].model.debrief.questions for risk in q.risks}
    assert asked == set(RISKS)


# ----------------------------------------------------------------------------- reachability


@pytest.mark.parametrize(
    "name,games", [("cartel_mission", 300), ("cartel_mission_seminar", 300), ("teaching", 300)]
)
def test_every_action_is_legal_and_taken_in_random_play(
    scenarios: dict[str, CompiledScenario], name: str, games: int
) -> None:
    """Each action (proposals too) is ordered in some seeded game, so the engine found it legal."""
    scenario = scenarios[name]
    taken: set[int] = set()
    for state in random_games(scenario, games):
        for record in state.history:
            for orders in record.orders:
                taken.update(orders)
    missing = [a.id for a in scenario.actions if a.index not in taken]
    assert not missing, f"never taken in {games} games: {missing}"


@pytest.mark.parametrize("name", list(FILES))
def test_every_ending_is_reached_under_its_seed(scenarios: dict[str, CompiledScenario], name: str) -> None:
    scenario = scenarios[name]
    seeds = ENDING_SEEDS[name]
    assert set(seeds) == {e.id for e in scenario.model.endings}
    for ending, seed in seeds.items():
        assert result(random_game(scenario, seed)).ending == ending, (
            f"seed {seed} no longer ends in {ending!r}; run `python tests/test_content.py` for new seeds"
        )


def test_default_random_play_keeps_every_ending_between_1_and_50_percent(
    default: CompiledScenario,
) -> None:
    counts = dict.fromkeys((e.id for e in default.model.endings), 0)
    turns = []
    games = 600
    for state in random_games(default, games, first=10_000):
        counts[result(state).ending or ""] += 1
        turns.append(state.turn)
    for ending, count in counts.items():
        assert 0.01 * games <= count <= 0.5 * games, f"{ending}: {count} of {games}"
    assert statistics.mean(turns) >= 9.5, "games should usually run most of the twelve turns"


# ----------------------------------------------------------------------------- trade-offs, measured


def test_secret_mission_tempts_but_backfires_when_exposed(default: CompiledScenario) -> None:
    """US score: a secret mission that stays secret pays; one that leaks costs more than none."""
    mission = default.action_index["us_covert_mission"]
    scores: dict[str, list[int]] = {"hidden": [], "exposed": [], "never": []}
    for state in random_games(default, 800, first=20_000):
        key = "exposed" if state.exposed[mission] else ("hidden" if state.used[mission] else "never")
        scores[key].append(result(state).score_of("us"))
    hidden, exposed, never = (statistics.mean(scores[k]) for k in ("hidden", "exposed", "never"))
    assert hidden > never > exposed, (hidden, never, exposed)


def test_consent_agreement_pays_for_mexico(default: CompiledScenario) -> None:
    consent = default.term_index["consent_requirement"]
    with_consent, without = [], []
    for state in random_games(default, 500, first=30_000):
        score = result(state).score_of("mexico")
        (with_consent if state.agreements[consent] == AG_IN_FORCE else without).append(score)
    assert statistics.mean(with_consent) > statistics.mean(without) + 5


def find_ending_seeds(name: str, limit: int = 5000) -> dict[str, int | None]:
    """The first seed of random play that reaches each ending (used to fill ENDING_SEEDS)."""
    scenario = load_scenario(SCENARIOS / FILES[name])
    wanted = [e.id for e in scenario.model.endings]
    found: dict[str, int] = {}
    for seed in range(limit):
        ending = result(random_game(scenario, seed)).ending
        if ending is not None:
            found.setdefault(ending, seed)
        if len(found) == len(wanted):
            break
    return {e: found.get(e) for e in wanted}


if __name__ == "__main__":  # pragma: no cover - a helper for content writers
    for scenario_name in FILES:
        print(scenario_name, find_ending_seeds(scenario_name))
