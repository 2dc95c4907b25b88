"""The risks a game made felt, and how much (the balance benchmark's measures, ``game.story.risks``).

A risk is felt when the world's reaction carrying it (a rule, a news item, a beat, an ending)
made a track worse; its points are the track points those reactions cost. A good ending does
not name a risk as felt: the joint framework answers the question of a joint effort.
"""

from __future__ import annotations

import pytest

from game.engine.log import L_ENDING
from game.scenario.load import load_scenario
from game.session.runner import play_seats
from game.session.seats import Seat
from game.story.facts import tell
from game.story.risks import FELT_KINDS, felt_points, felt_risks, materialized

SCENARIOS = ["cartel_mission", "cartel_mission_seminar", "teaching"]


def _stories(name: str, games: int):  # noqa: ANN202
    scenario = load_scenario(name)
    seats = [Seat("random") for _ in scenario.roles]
    for seed in range(games):
        session = play_seats(scenario, seed, seats)
        yield scenario, tell(session.state, session.moves)


@pytest.mark.parametrize("name", SCENARIOS)
def test_points_are_given_exactly_to_the_risks_felt(name: str) -> None:
    for _, story in _stories(name, 12):
        points = felt_points(story)
        assert set(points) == felt_risks(story)
        assert all(value >= 1 for value in points.values())


@pytest.mark.parametrize("name", SCENARIOS)
def test_each_felt_consequence_costs_at_least_a_point_and_choices_cost_none(name: str) -> None:
    for _, story in _stories(name, 6):
        felt = [c for c in materialized(story) if c.kind in FELT_KINDS]
        chosen = [c for c in materialized(story) if c.kind not in FELT_KINDS]
        points = felt_points(story)
        for risk in {r for c in felt for r in c.risks}:
            assert points[risk] >= sum(risk in c.risks for c in felt)
        only_chosen = {r for c in chosen for r in c.risks} - {r for c in felt for r in c.risks}
        assert not only_chosen & set(points)  # a failed check or a leak of one's own is not felt


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_joint_framework_names_no_risk_as_felt(name: str) -> None:
    scenario = load_scenario(name)
    framework = next(e for e in scenario.model.endings if e.id == "joint_framework")
    assert framework.risks == []


def test_a_reprisal_needs_a_us_deployment_or_retaliation_already_rising() -> None:
    """R11 is felt through choices: the cornered cartels strike back only at a deployed US."""
    scenario = load_scenario("cartel_mission")
    rules = {r.id: r for r in scenario.model.rules}
    assert "flag.us_forces_deployed" in str(rules["cornered_cartels"].when)
    events = {e.id: e for e in scenario.model.events}
    assert "retaliation" in str(events["reprisal_plot"].when)


def test_an_ending_line_counts_one_point_when_it_names_risks() -> None:
    for scenario, story in _stories("cartel_mission", 30):
        endings = [c for c in materialized(story) if c.beat.kind == L_ENDING]
        for c in endings:
            assert set(c.risks) == set(scenario.model.endings[c.beat.subject].risks)
