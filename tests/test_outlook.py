"""What a role has in sight at the point of decision (game.story.outlook), on named cases."""

from __future__ import annotations

from game.engine.turn import new_game
from game.engine.view import PUBLIC, redact
from game.i18n import text
from game.scenario.load import load_scenario
from game.story.outlook import (
    TYPICAL_FLOOR,
    answer_preview,
    baseline,
    near_endings,
    risk_label,
    running,
    typical_move,
)
from game.story.words import effect_words

SCENARIO = load_scenario("cartel_mission")


def _ending(ending_id: str) -> int:
    return next(i for i, e in enumerate(SCENARIO.model.endings) if e.id == ending_id)


def _with(**tracks: int):  # noqa: ANN202
    s = new_game(SCENARIO, 1).clone()
    for name, value in tracks.items():
        s.tracks[SCENARIO.track_index[name]] = value
    return s


def test_an_ending_one_typical_turn_away_is_warned_of() -> None:
    near = near_endings(_with(sovereignty_tension=83))
    assert [n.ending for n in near][:1] == [_ending("rupture")]
    assert near[0].distance == 2
    tension = SCENARIO.track_index["sovereignty_tension"]
    assert any(mark.track == tension and mark.at == 85 and now == 83 for mark, now in near[0].marks)


def test_a_far_ending_is_not_warned_of_and_a_met_one_is_not_near() -> None:
    assert _ending("rupture") not in [n.ending for n in near_endings(_with(sovereignty_tension=40))]
    assert _ending("rupture") not in [n.ending for n in near_endings(_with(sovereignty_tension=90))]


def test_no_warning_is_read_from_a_hidden_track() -> None:
    tension = SCENARIO.track_index["sovereignty_tension"]
    near = near_endings(_with(sovereignty_tension=83), hidden=frozenset({tension}))
    assert _ending("rupture") not in [n.ending for n in near]


def test_a_typical_turn_is_at_least_the_floor() -> None:
    s = new_game(SCENARIO, 1)
    assert typical_move(s, 0) >= TYPICAL_FLOOR


def test_the_baseline_before_any_orders_is_the_start() -> None:
    assert baseline(new_game(SCENARIO, 1)) == tuple(SCENARIO.track_start)


def test_every_posture_is_listed_with_what_it_does_each_turn() -> None:
    s = redact(new_game(SCENARIO, 1), PUBLIC)
    postures = [r for r in running(s) if r.kind == "posture"]
    assert len(postures) == len(SCENARIO.postures)
    for item in postures:
        option = SCENARIO.postures[item.index].options[s.postures[item.index]]
        assert item.effects == tuple(effect_words(SCENARIO, e) for e in option.ongoing)
    assert not [r for r in running(s) if r.kind == "agreement"], "no agreement is in force at the start"


def test_an_agreement_in_force_is_listed_with_its_sunset() -> None:
    s = new_game(SCENARIO, 1).clone()
    term = SCENARIO.terms[0]
    s.agreements[term.index], s.agreement_since[term.index] = 1, 2
    found = [r for r in running(s) if r.kind == "agreement"]
    assert [r.index for r in found] == [term.index]
    assert found[0].sunset == (2 + term.sunset - 1 if term.sunset else 0)


def test_a_proposal_preview_says_what_accepting_and_rejecting_do() -> None:
    for term in SCENARIO.terms:
        preview = answer_preview(SCENARIO, term.index)
        assert preview.accept == tuple(effect_words(SCENARIO, e) for e in term.on_accept)
        assert preview.reject == tuple(effect_words(SCENARIO, e) for e in term.on_reject)
        assert preview.each_turn == tuple(effect_words(SCENARIO, e) for e in term.ongoing)


def test_a_risk_is_named_beside_its_code() -> None:
    risk = SCENARIO.model.risks[6]
    assert risk_label(SCENARIO, risk.id) == f"{risk.id} {text(risk.name)}"
    assert risk_label(SCENARIO, "R99") == "R99"
