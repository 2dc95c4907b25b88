"""Computer players: legal, explained, reproducible decisions made from the role's view alone."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from game.ai import KINDS, LEVELS, ComputerPlayer, PersonaError, make_controller
from game.ai.orders_space import order_sets
from game.ai.stance import build_stance
from game.engine import (
    PHASE_ANSWERS,
    answer_proposals,
    check_orders,
    legal_action_indexes,
    new_game,
    pending_answers,
    redact,
    resolve_turn,
)
from game.i18n import text
from game.scenario.load import load_scenario_text
from game.scenario.runtime import ACTION_PROPOSE, CompiledScenario
from game.session.runner import computer_session, play_game, view_for
from game.session.seats import parse_seats

SCENARIOS = Path(__file__).resolve().parents[1] / "game" / "scenarios"

LEVEL_NAMES = ("easy", "normal", "hard")


def test_every_level_is_a_kind_and_builds() -> None:
    assert set(LEVEL_NAMES) <= set(KINDS) and "random" in KINDS
    for name in LEVEL_NAMES:
        assert make_controller(name, 1).name == name
        assert make_controller(name.upper(), 1).name == name
    with pytest.raises(ValueError, match="unknown player"):
        make_controller("wizard", 1)


def test_personas_are_chosen_by_id_and_unknown_ones_refused(scenario: CompiledScenario) -> None:
    for role, compiled in enumerate(scenario.roles):
        for persona in compiled.personas:
            player = make_controller("hard", 3, scenario, role, persona=persona.id)
            assert player.name == f"hard:{persona.id}"
        with pytest.raises(PersonaError, match="no persona"):
            make_controller("normal", 3, scenario, role, persona="no_such_persona")


def test_seats_accept_any_level_per_role(scenario: CompiledScenario) -> None:
    roles = scenario.role_ids
    spec = ",".join(
        f"{role}={level}" for role, level in zip(roles, ("hard", "random", "normal"), strict=False)
    )
    seats = parse_seats(spec, scenario, "random", KINDS)
    assert [s.kind for s in seats][: len(roles)] == ["hard", "random", "normal"][: len(roles)]


def test_persona_values_change_what_a_player_cares_about(scenario: CompiledScenario) -> None:
    for role, compiled in enumerate(scenario.roles):
        plain = build_stance(scenario, role)
        assert plain.persona is None and abs(sum(w for _, w in plain.terms) - 1) < 1e-9
        slopes = {build_stance(scenario, role, p.id).track_weight for p in compiled.personas}
        assert plain.track_weight not in slopes or not compiled.personas
        assert len(slopes) == len(compiled.personas)  # personas of a role differ from each other


def test_without_personas_the_objectives_are_the_value() -> None:
    data = yaml.safe_load((SCENARIOS / "cartel_mission.yaml").read_text(encoding="utf-8"))
    for role in data["roles"]:
        role.pop("personas", None)
    scenario = load_scenario_text(yaml.safe_dump(data, allow_unicode=True), "no_personas.yaml")
    state = new_game(scenario, 5)
    for role, compiled in enumerate(scenario.roles):
        stance = build_stance(scenario, role)
        total = sum(w for _, w in compiled.objectives)
        expected = sum(min(max(m(state), 0), 100) * w for m, w in compiled.objectives) / total
        assert stance.value(state) == pytest.approx(expected)
        player = make_controller("hard", 2, scenario, role)
        decided = player.orders(redact(state, role, player.view_turns), role)
        assert check_orders(state, role, decided.actions) is None


def test_order_sets_are_affordable_and_never_propose_a_term_twice(scenario: CompiledScenario) -> None:
    state = new_game(scenario, 11)
    for role in range(len(scenario.roles)):
        sets = order_sets(redact(state, role), role)
        assert sets[0] == () and len(sets) == len(set(sets))
        for chosen in sets:
            assert check_orders(state, role, chosen) is None
            terms = [scenario.actions[a].term for a in chosen if scenario.actions[a].kind == ACTION_PROPOSE]
            assert len(terms) == len(set(terms))


@pytest.mark.parametrize("level", LEVEL_NAMES)
def test_decisions_are_legal_and_each_carries_a_reason(scenario: CompiledScenario, level: str) -> None:
    """A whole game per level: every order set passes the engine, every choice has its line."""
    players = [make_controller(level, 40 + r, scenario, r) for r in range(len(scenario.roles))]
    model = scenario.model
    seen_answers = 0
    state = new_game(scenario, 2024)
    while not state.terminal:
        if state.phase == PHASE_ANSWERS:
            answers = {}
            for role, player in enumerate(players):
                pending = {term for term, _ in pending_answers(state, role)}
                if not pending:
                    continue
                decided = player.answer(view_for(state, role, player), role)
                assert set(decided.accepted) == pending
                for term in pending:
                    reason = decided.reasons[term]
                    assert text(model.terms[term].name) in reason and "\n" not in reason
                    seen_answers += 1
                answers[role] = decided.accepted
            state = answer_proposals(state, answers)
            continue
        orders = []
        for role, player in enumerate(players):
            decided = player.orders(view_for(state, role, player), role)
            assert check_orders(state, role, decided.actions) is None
            assert len(decided.reasons) == max(len(decided.actions), 1)
            for action, reason in zip(decided.actions, decided.reasons, strict=False):
                compiled = scenario.actions[action]
                name = (
                    model.terms[compiled.term].name
                    if compiled.kind == ACTION_PROPOSE
                    else model.actions[action].name
                )
                assert text(name) in reason and "\n" not in reason and len(reason) < 200
            orders.append(decided.actions)
        state = resolve_turn(state, orders)
    if level != "easy":
        assert seen_answers  # the searching levels put proposals to each other and answer them


def test_computer_players_make_proposals(scenario: CompiledScenario) -> None:
    players = [make_controller("normal", 9 + r, scenario, r) for r in range(len(scenario.roles))]
    _, moves = play_game(scenario, 77, players)
    proposed = [a for m in moves if m.kind == "orders" for o in m.orders for a in o]
    assert any(scenario.actions[a].kind == ACTION_PROPOSE for a in proposed)


def test_same_seed_same_decisions_and_no_global_random(scenario: CompiledScenario) -> None:
    def game(global_seed: int) -> tuple[object, list[tuple[str, ...]]]:
        random.seed(global_seed)  # the players must not care
        players = [make_controller("hard", 5 + r, scenario, r) for r in range(len(scenario.roles))]
        table, reasons = computer_session(scenario, 314, players), []
        while table.state.turn <= 4 and not table.terminal:
            table.advance()
            move = table.moves[-1]
            reasons.extend(r for rs in move.order_reasons.values() for r in rs)
            reasons.extend(r for rs in move.answer_reasons.values() for r in rs.values())
        return table.state.fingerprint(), reasons

    assert game(1) == game(2)


def test_a_decision_depends_on_the_view_not_on_what_came_before(scenario: CompiledScenario) -> None:
    state = new_game(scenario, 8)
    view = redact(state, 0, None)
    fresh = make_controller("hard", 21, scenario, 0)
    used = make_controller("hard", 21, scenario, 0)
    used.orders(redact(new_game(scenario, 9), 0, None), 0)  # an earlier, unrelated decision
    assert fresh.orders(view, 0) == used.orders(view, 0)


def test_others_secrets_do_not_change_a_decision(scenario: CompiledScenario) -> None:
    """Whatever another role does in secret, a player sees (and decides on) the same view."""
    covert = [a for a in scenario.actions if a.covert]
    if not covert:
        pytest.skip("this scenario has no covert orders")
    secret = covert[0]
    state = new_game(scenario, 12)
    for _ in range(4):
        if secret.index in legal_action_indexes(state, secret.role):
            break
        state = resolve_turn(state, [() for _ in scenario.roles])
    else:
        pytest.skip("the covert order never became available")
    quiet = [() for _ in scenario.roles]
    with_secret = quiet[:]
    with_secret[secret.role] = (secret.index,)
    after_secret = resolve_turn(state, with_secret)
    after_quiet = resolve_turn(state, quiet)
    for role in range(len(scenario.roles)):
        if role == secret.role:
            continue
        view = redact(after_secret, role, None)
        assert not any(scenario.actions[p[0]].role == secret.role for p in view.programmes)
        player = make_controller("hard", 4, scenario, role)
        twin = make_controller("hard", 4, scenario, role)
        tampered = after_secret.clone()
        tampered.rng ^= 0xDEADBEEF  # the true generator is a secret of the game itself
        tampered.seed += 1
        assert player.orders(view, role) == twin.orders(redact(tampered, role, None), role)
    assert after_quiet.fingerprint() != after_secret.fingerprint()


def test_reasons_read_in_the_scenarios_words(scenario: CompiledScenario) -> None:
    tracks = [text(t.name) for t in scenario.model.tracks]
    players = [make_controller("hard", 70 + r, scenario, r) for r in range(len(scenario.roles))]
    _, moves = play_game(scenario, 99, players)
    reasons = [r for m in moves if m.kind == "orders" for rs in m.order_reasons.values() for r in rs]
    naming_a_track = [r for r in reasons if any(t in r for t in tracks)]
    assert len(naming_a_track) >= 0.8 * len(reasons)  # almost every reason says which track it serves


def test_levels_are_budgeted_in_rising_order() -> None:
    easy, normal, hard = (LEVELS[n] for n in LEVEL_NAMES)
    assert easy.first_cut == 0 and easy.noise > 0
    assert normal.first_cut > 0 and normal.keep == 0
    assert hard.keep > 0 and hard.horizon > normal.horizon and hard.answer_samples > normal.answer_samples
    assert isinstance(make_controller("hard", 1), ComputerPlayer)


def test_screens_show_a_reason_once_beside_the_order_it_explains(scenario: CompiledScenario) -> None:
    """The resolution screen names the order, so the reason shown under it drops the name; a
    proposal's headline carries the reason of the order that made it."""
    from game.ai.reasons import order_head
    from game.engine.move import orders_move
    from game.shells.window.scenes.resolution import build_steps
    from game.story.words import computer_reason

    civil = scenario.role_ids.index("civil")
    proposal = next(
        a.index
        for a in scenario.actions
        if a.role == civil and a.kind == ACTION_PROPOSE and a.requires is None
    )
    state = new_game(scenario, 3)
    orders = [() for _ in scenario.roles]
    orders[civil] = (proposal,)
    after = resolve_turn(state, orders)
    reason = order_head(scenario, proposal) + "oversight is low"
    move = orders_move(state.turn, orders, reasons={civil: (reason,)})
    computer = [role == civil for role in range(len(scenario.roles))]
    steps, _ = build_steps(after, [move], len(state.current), computer)
    step = next(s for s in steps if s.action == proposal)
    assert step.reason == reason
    assert computer_reason(scenario, civil, proposal, reason) == "Civil society, why: oversight is low"
