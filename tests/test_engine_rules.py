"""Named rule cases on a small fixture scenario: one test per rule of the turn, named after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import (
    FACILITATOR,
    PHASE_ANSWERS,
    PHASE_ORDERS,
    PUBLIC,
    IllegalMove,
    adjust_tracks,
    answer_proposals,
    check_odds,
    inject_event,
    legal_action_indexes,
    new_game,
    redact,
    resolve_turn,
    result,
)
from game.engine.log import AG_BREACHED, AG_ENDED, AG_IN_FORCE, L_CHECK, L_EXPOSED, L_NOTE, L_ORDER, L_TRACK
from game.scenario.load import load_scenario

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"


@pytest.fixture(scope="module")
def sc():
    return load_scenario(FIXTURE)


def ids(sc, *names: str) -> tuple[int, ...]:
    return tuple(sc.action_index[n] for n in names)


def track(s, name: str) -> int:
    return s.tracks[s.scenario.track_index[name]]


def test_new_game_draws_news_and_starts_in_orders(sc) -> None:
    s = new_game(sc, seed=1)
    assert s.turn == 1 and s.phase == PHASE_ORDERS
    assert s.news >= 0 or not any(e.when is None for e in sc.events)


def test_resolve_does_not_change_its_argument(sc) -> None:
    s = new_game(sc, seed=1)
    before = s.fingerprint()
    resolve_turn(s, [ids(sc, "talk"), ids(sc, "protest")])
    assert s.fingerprint() == before


def test_illegal_orders_are_refused_and_nothing_changes(sc) -> None:
    s = new_game(sc, seed=1)
    before = s.fingerprint()
    with pytest.raises(IllegalMove, match="not an order for"):
        resolve_turn(s, [ids(sc, "protest"), ()])
    with pytest.raises(IllegalMove, match="ordered twice"):
        resolve_turn(s, [ids(sc, "talk", "talk"), ()])
    with pytest.raises(IllegalMove, match="action points"):
        resolve_turn(s, [ids(sc, "talk", "secret_op", "propose:pact:north:south"), ()])
    with pytest.raises(IllegalMove, match="expected orders for 2 roles"):
        resolve_turn(s, [()])
    assert s.fingerprint() == before


def test_delayed_effect_lands_a_turn_later_with_its_cause(sc) -> None:
    s = new_game(sc, seed=2)
    trust0 = track(s, "trust")
    s1 = resolve_turn(s, [ids(sc, "talk"), ()])
    assert track(s1, "trust") - trust0 == sum(
        v for k, i, v, c in s1.history[-1].entries if k == L_TRACK and i == 1
    )
    assert not any(k == L_TRACK and i == 1 and c[0] == "action" for k, i, v, c in s1.history[-1].entries)
    s2 = resolve_turn(s1, [(), ()])
    landed = [
        (v, c) for k, i, v, c in s2.history[-1].entries if k == L_TRACK and i == 1 and c[0] == "delayed"
    ]
    assert landed == [(3, ("delayed", ("action", sc.action_index["talk"], 0), 1))]


def test_proposal_is_answered_next_turn_and_accepting_puts_it_in_force(sc) -> None:
    s = resolve_turn(new_game(sc, seed=3), [(), ids(sc, "propose:pact:south:north")])
    assert s.phase == PHASE_ANSWERS
    with pytest.raises(IllegalMove):
        resolve_turn(s, [(), ()])
    trust = track(s, "trust")
    s = answer_proposals(s, {0: {0: True}})
    assert s.phase == PHASE_ORDERS and s.agreements[0] == AG_IN_FORCE
    assert track(s, "trust") == min(100, trust + 10)


def test_rejecting_applies_the_rejection_price(sc) -> None:
    s = resolve_turn(new_game(sc, seed=3), [(), ids(sc, "propose:pact:south:north")])
    tension = track(s, "tension")
    s = answer_proposals(s, {0: {0: False}})
    assert s.agreements[0] == 0 and track(s, "tension") == tension + 3


def test_sunset_ends_an_agreement(sc) -> None:
    s = resolve_turn(new_game(sc, seed=3), [(), ids(sc, "propose:pact:south:north")])
    s = answer_proposals(s, {0: {0: True}})
    for _ in range(3):
        assert s.agreements[0] == AG_IN_FORCE
        s = resolve_turn(s, [(), ()])
    assert s.agreements[0] in (AG_ENDED,) or s.terminal


def test_cooldown_makes_an_action_unavailable(sc) -> None:
    s = resolve_turn(new_game(sc, seed=4), [(), ids(sc, "mend")])
    assert sc.action_index["mend"] not in legal_action_indexes(s, 1)
    with pytest.raises(IllegalMove, match="not available again until turn 3"):
        resolve_turn(s, [(), ids(sc, "mend")])


def test_covert_order_is_hidden_from_others_until_exposed(sc) -> None:
    secret = sc.action_index["secret_op"]
    for seed in range(40):
        s = resolve_turn(new_game(sc, seed=seed), [(secret,), ()])
        if not any(k == L_EXPOSED for k, *_ in s.history[-1].entries):
            break
    else:  # pragma: no cover
        pytest.fail("every seed exposed the programme at once")
    own = redact(s, 0)
    other = redact(s, 1)
    public = redact(s, PUBLIC)
    assert secret in own.history[-1].orders[0]
    assert secret not in other.history[-1].orders[0] and secret not in public.history[-1].orders[0]
    assert not any(k in (L_ORDER, L_CHECK) and i == secret for k, i, *_ in other.history[-1].entries)
    assert other.programmes == () and own.programmes
    assert other.postures[0] == 0 and own.postures[0] == 1  # the covert posture stays hidden
    assert other.used[secret] == 0 and other.seed == 0 and other.rng != s.rng
    # the hidden track keeps its start value for everyone but the facilitator
    assert other.tracks[2] == 10 and redact(s, FACILITATOR).tracks[2] == s.tracks[2]


def test_exposure_reveals_the_programme_and_breaches_the_pact(sc) -> None:
    secret = sc.action_index["secret_op"]
    for seed in range(200):
        s = resolve_turn(new_game(sc, seed=seed), [(), ids(sc, "propose:pact:south:north")])
        s = answer_proposals(s, {0: {0: True}})
        s = resolve_turn(s, [(secret,), ()])
        for _ in range(3):
            if s.terminal or s.exposed[secret]:
                break
            if s.phase == PHASE_ANSWERS:
                s = answer_proposals(s, {})
            s = resolve_turn(s, [(), ()])
        if s.exposed[secret]:
            break
    else:  # pragma: no cover
        pytest.fail("no seed exposed the programme")
    assert s.broken[0] and s.agreements[0] == AG_BREACHED
    other = redact(s, 1)
    assert any(secret in orders[0] for orders in [r.orders for r in other.history])
    assert other.postures[0] == s.postures[0]


def test_physical_dice_replace_the_roll(sc) -> None:
    secret = sc.action_index["secret_op"]
    s = new_game(sc, seed=5)
    low = resolve_turn(s, [(secret,), ()], dice={(0, secret): (1, 1)})
    high = resolve_turn(s, [(secret,), ()], dice={(0, secret): (6, 6)})
    check_low = next(v for k, i, v, c in low.history[-1].entries if k == L_CHECK)
    check_high = next(v for k, i, v, c in high.history[-1].entries if k == L_CHECK)
    assert check_low[:2] == (1, 1) and check_low[4] == 3 and check_low[5] is True
    assert check_high[:2] == (6, 6) and check_high[4] == 1
    with pytest.raises(IllegalMove, match="1 to 6"):
        resolve_turn(s, [(secret,), ()], dice={(0, secret): (0, 7)})


def test_odds_are_those_of_two_dice(sc) -> None:
    s = new_game(sc, seed=5)
    check = sc.actions[sc.action_index["secret_op"]].check
    success, partial, failure, modifier = check_odds(s, check)
    assert modifier == 0
    assert success == pytest.approx(15 / 36)
    assert partial == pytest.approx(11 / 36)
    assert failure == pytest.approx(10 / 36)


def test_facilitator_adjustment_is_logged_with_its_reason(sc) -> None:
    s = new_game(sc, seed=6)
    with pytest.raises(IllegalMove, match="reason"):
        adjust_tracks(s, {0: 5}, "  ")
    s2 = adjust_tracks(s, {0: 5}, "A minister resigns")
    assert track(s2, "tension") == track(s, "tension") + 5
    assert (L_NOTE, 0, "A minister resigns", ("facilitator", 0)) in s2.current
    s3 = inject_event(s2, 0, "Storm injected")
    assert s3.drawn[0] == s2.drawn[0] + 1


def test_rule_with_cooldown_and_ending_priority(sc) -> None:
    s = new_game(sc, seed=7)
    s = adjust_tracks(s, {0: 60}, "push tension up")
    s = resolve_turn(s, [(), ()])
    assert s.terminal and result(s).ending == "break"


def test_fallback_ending_at_the_turn_limit(sc) -> None:
    s = new_game(sc, seed=8)
    while not s.terminal:
        if s.phase == PHASE_ANSWERS:
            s = answer_proposals(s, {})
        s = resolve_turn(s, [(), ()])
    assert s.turn == sc.turns
    assert result(s).ending in ("nothing", "deal")


def test_capital_income_is_capped(sc) -> None:
    s = new_game(sc, seed=9)
    for _ in range(3):
        s = resolve_turn(s, [(), ()])
    assert s.capital == [6, 6]


def test_a_private_flag_is_seen_by_the_roles_named_and_no_one_else(sc) -> None:
    secret = sc.action_index["secret_op"]
    s = resolve_turn(new_game(sc, seed=1), [(secret,), ()])
    flag = 1  # private_note, visible_to: [north]
    assert s.flags[flag] == 1
    assert redact(s, 0).flags[flag] == 1
    assert redact(s, 1).flags[flag] == 0 and redact(s, PUBLIC).flags[flag] == 0


def test_a_covert_posture_hides_the_cause_of_its_ongoing_effects(sc) -> None:
    secret = sc.action_index["secret_op"]
    for seed in range(40):
        s = resolve_turn(new_game(sc, seed=seed), [(secret,), ()])
        if not s.exposed[secret]:
            break
    posture_cause = ("posture", 0, 1)
    assert any(c == posture_cause for k, i, v, c in s.history[-1].entries if k == L_TRACK)
    other = redact(s, 1)
    assert not any(c == posture_cause for k, i, v, c in other.history[-1].entries)
    assert any(c == ("hidden",) for k, i, v, c in other.history[-1].entries if k == L_TRACK)


def test_orders_are_judged_on_what_the_role_can_see() -> None:
    from game.scenario.load import load_scenario_text

    text = FIXTURE.read_text().replace(
        'requires: "tension < 90"', 'requires: "posture.north_posture == \\"open\\""'
    )
    sc = load_scenario_text(text, "fixture")
    secret, mend = sc.action_index["secret_op"], sc.action_index["mend"]
    for seed in range(40):
        s = resolve_turn(new_game(sc, seed=seed), [(secret,), ()])
        if not s.exposed[secret]:
            break
    # North's posture is secretly "hidden"; South still sees "open" and may order Mend ...
    assert mend in legal_action_indexes(redact(s, 1), 1)
    after = resolve_turn(s, [(), (mend,)])  # ... the order is accepted, not refused
    skipped = [v for k, i, v, c in after.history[-1].entries if k == "skipped" and i == mend]
    assert skipped == ["requires"]  # and at resolution it cannot go ahead


def test_objectives_can_score_the_ending() -> None:
    from game.scenario.load import load_scenario_text

    text = FIXTURE.read_text().replace(
        'measure: "100 - tension"}]', 'measure: "100 - 100 * ending.break"}]', 1
    )
    sc = load_scenario_text(text, "fixture")
    s = adjust_tracks(new_game(sc, seed=7), {0: 60}, "push")
    s = resolve_turn(s, [(), ()])
    assert result(s).ending == "break" and result(s).scores[0].score == 0
