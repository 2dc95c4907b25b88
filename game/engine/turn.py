"""One turn of DESIGN §1: news, answers, orders, resolution, consequences, upkeep.

Every public function takes a state and returns a new one; the argument is never changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from game.engine import rng
from game.engine.beats import fire_beats
from game.engine.effects import apply_effects, breach
from game.engine.log import (
    AG_IN_FORCE,
    L_AGREEMENT,
    L_ANSWER,
    L_CAPITAL,
    L_CHECK,
    L_EVENT,
    L_ORDER,
    L_PROPOSAL,
    L_SKIPPED,
    SKIP_CAPITAL,
    SKIP_PROPOSAL,
    SKIP_REQUIRES,
    Line,
    Programme,
    Proposal,
    Roll,
)
from game.engine.orders import IllegalMove, check_orders
from game.engine.state import PHASE_ANSWERS, PHASE_ORDERS, PHASE_OVER, State, TurnRecord
from game.engine.upkeep import consequences, upkeep
from game.engine.view import legality_view
from game.scenario.runtime import (
    ACTION_PROPOSE,
    C_ROLE,
    PART_BASE,
    PART_FAILURE,
    PART_PARTIAL,
    PART_SUCCESS,
    TERM_ACCEPT,
    TERM_REJECT,
    CAction,
    CompiledScenario,
)

Dice = Mapping[tuple[int, int], tuple[int, int]]  # (role, action) -> physical dice rolled


def new_game(scenario: CompiledScenario, seed: int) -> State:
    """The state at the start of turn 1, with its news already drawn."""
    n_actions = len(scenario.actions)
    n_terms = len(scenario.terms)
    postures = [p.start for p in scenario.postures]
    s = State(
        scenario=scenario,
        seed=seed,
        rng=rng.seed_state(seed),
        turn=0,
        phase=PHASE_ORDERS,
        tracks=list(scenario.track_start),
        turn_start=list(scenario.track_start),
        flags=[int(f) for f in scenario.flag_start],
        postures=postures,
        posture_public=postures[:],
        capital=[r.capital_start for r in scenario.roles],
        standing=[r.standing for r in scenario.roles],
        agreements=[0] * n_terms,
        agreement_since=[0] * n_terms,
        proposed=[0] * n_terms,
        broken=[0] * n_terms,
        proposals=(),
        programmes=(),
        used=[0] * n_actions,
        last_used=[0] * n_actions,
        exposed=[0] * n_actions,
        active=[0] * n_actions,
        rule_last=[-1] * len(scenario.rules),
        drawn=[0] * len(scenario.events),
        scheduled=(),
        news=-1,
        journal=(),
        history=(),
        ending=-1,
        decisions=0,
        credibility=_trust_table(scenario),
        breaker=[-1] * n_terms,
        streak=[0] * n_actions,
        flag_since=[0 if f else -1 for f in scenario.flag_start],
        beats_done=[0] * len(scenario.beats),
    )
    log: list[Line] = []
    begin_turn(s, log)
    s.journal = tuple(log)
    return s


def _trust_table(scenario: CompiledScenario) -> list[int]:
    if scenario.credibility is None:
        return []
    n = len(scenario.roles)
    return [scenario.credibility.start] * (n * n)


# ----------------------------------------------------------------------------- news


def begin_turn(s: State, log: list[Line]) -> None:
    """Advance the clock and draw the news; proposals on the table open the answers phase."""
    s.turn += 1
    s.turn_start = s.tracks[:]
    s.news = draw_event(s, log)
    if s.scenario.beats:
        fire_beats(s, log)
    s.phase = PHASE_ANSWERS if s.proposals else PHASE_ORDERS


def draw_event(s: State, log: list[Line]) -> int:
    # Every event that may come now and its weight, from the generated table (compile_code).
    candidates, total = s.scenario.code.weights(s)
    if not total:
        return -1
    s.rng, pick = rng.below(s.rng, total)
    for index, weight in candidates:
        pick -= weight
        if pick < 0:
            fire_event(s, index, log, injected=False)
            return index
    raise AssertionError("unreachable: weighted pick overran")  # pragma: no cover


def fire_event(s: State, index: int, log: list[Line], *, injected: bool) -> None:
    event = s.scenario.events[index]
    s.drawn[index] += 1
    log.append((L_EVENT, index, int(injected), event.cause))
    apply_effects(s, event.effects, event.cause, log)


# ----------------------------------------------------------------------------- answers


def pending_answers(s: State, role: int) -> list[tuple[int, int]]:
    """(term, from role) of the proposals this role must answer now."""
    if s.phase != PHASE_ANSWERS:
        return []
    return [(term, sender) for term, sender, to, _ in s.proposals if to == role]


def answer_proposals(state: State, answers: Mapping[int, Mapping[int, bool]]) -> State:
    """Apply every role's answers (role -> term -> accepted); unanswered proposals lapse as refused."""
    if state.phase != PHASE_ANSWERS:
        raise IllegalMove(f"there are no proposals to answer now (phase: {state.phase})")
    for role, terms in answers.items():
        if not terms:
            continue  # nothing answered: nothing to refuse
        asked = {term for term, _, to, _ in state.proposals if to == role}
        for term in terms:
            if term not in asked:
                name = state.scenario.terms[term].id if 0 <= term < len(state.scenario.terms) else term
                raise IllegalMove(
                    f"no proposal of {name!r} is waiting for this role", state.scenario.role_ids[role]
                )
    s = state.clone()
    log = list(s.journal)
    for term, _, to, _ in s.proposals:
        accepted = bool(answers.get(to, {}).get(term, False))
        compiled = s.scenario.terms[term]
        s.proposed[term] = 0
        log.append((L_ANSWER, term, (to, int(accepted)), (C_ROLE, to)))
        if accepted and s.agreements[term] != AG_IN_FORCE:
            s.agreements[term] = AG_IN_FORCE
            s.agreement_since[term] = s.turn
            log.append((L_AGREEMENT, term, AG_IN_FORCE, compiled.causes[TERM_ACCEPT]))
            apply_effects(s, compiled.on_accept, compiled.causes[TERM_ACCEPT], log)
        elif not accepted:
            apply_effects(s, compiled.on_reject, compiled.causes[TERM_REJECT], log)
    s.proposals = ()
    s.phase = PHASE_ORDERS
    s.journal = tuple(log)
    return s


# ----------------------------------------------------------------------------- resolution


def resolve_turn(state: State, orders: Sequence[Sequence[int]], dice: Dice | None = None) -> State:
    """Reveal and resolve every role's orders, then consequences and upkeep; the next turn begins.

    ``orders`` holds one sequence of action indexes per role (in scenario order). An illegal
    set of orders raises IllegalMove before anything changes.
    """
    refuse_orders(state, orders, dice)
    return resolve_legal(state, orders, dice)


def refuse_orders(state: State, orders: Sequence[Sequence[int]], dice: Dice | None) -> None:
    """Raise IllegalMove for orders (or dice) that ``resolve_turn`` may not take; else nothing."""
    scenario = state.scenario
    if state.phase != PHASE_ORDERS:
        raise IllegalMove(f"orders are not taken now (phase: {state.phase})")
    if len(orders) != len(scenario.roles):
        raise IllegalMove(f"expected orders for {len(scenario.roles)} roles, got {len(orders)}")
    for role, role_orders in enumerate(orders):
        reason = check_orders(state, role, role_orders, lambda role=role: legality_view(state, role))
        if reason:
            raise IllegalMove(reason, scenario.role_ids[role])
    if dice:
        for (role, action), (d1, d2) in dice.items():
            if not (1 <= d1 <= 6 and 1 <= d2 <= 6):
                raise IllegalMove(f"dice must show 1 to 6, got {d1} and {d2}")
            if action not in orders[role]:
                raise IllegalMove(
                    f"dice given for an order that was not made ({scenario.actions[action].id})"
                )


def resolve_legal(state: State, orders: Sequence[Sequence[int]], dice: Dice | None = None) -> State:
    """``resolve_turn`` for orders known to be legal, not checked again: each role's drawn from
    ``legal_action_indexes`` of this very state within its action points and capital, dice only
    for orders made (the computer players' search plays hundreds of its own turns a decision).
    Orders from anyone else go through ``resolve_turn``."""
    scenario = state.scenario
    s = state.clone()
    log = list(s.journal)
    actions = scenario.actions
    queue = sorted(
        [
            (actions[a].category, role, slot, a)
            for role, role_orders in enumerate(orders)
            for slot, a in enumerate(role_orders)
        ]
    )
    for *_, a in queue:
        resolve_action(s, actions[a], log, dice)
    consequences(s, log)
    upkeep(s, log)
    given = tuple([o if type(o) is tuple else tuple(o) for o in orders])
    s.history = s.history + (
        TurnRecord(s.turn, s.news, given, tuple(log), tuple(s.tracks), tuple(state.tracks)),
    )
    if s.phase != PHASE_OVER:
        log = []
        begin_turn(s, log)
        s.journal = tuple(log)
    else:
        s.journal = ()
    return s


def resolve_action(s: State, action: CAction, log: list[Line], dice: Dice | None) -> None:
    role = action.role
    cause = action.causes[PART_BASE]
    if action.capital > s.capital[role]:
        log.append((L_SKIPPED, action.index, SKIP_CAPITAL, cause))
        return
    if action.kind == ACTION_PROPOSE:
        if s.agreements[action.term] == AG_IN_FORCE or s.proposed[action.term]:
            log.append((L_SKIPPED, action.index, SKIP_PROPOSAL, cause))
            return
    elif action.requires is not None and not action.requires(s):
        log.append((L_SKIPPED, action.index, SKIP_REQUIRES, cause))
        return
    log.append((L_ORDER, action.index, role, cause))
    if action.capital:
        s.capital[role] -= action.capital
        log.append((L_CAPITAL, role, -action.capital, cause))
    index = action.index
    s.streak[index] = s.streak[index] + 1 if s.used[index] and s.last_used[index] == s.turn - 1 else 1
    s.used[index] += 1
    s.last_used[index] = s.turn
    if action.kind == ACTION_PROPOSE:
        s.proposed[action.term] = 1
        s.proposals = s.proposals + (Proposal(action.term, role, action.to, s.turn),)
        log.append((L_PROPOSAL, action.term, (role, action.to), cause))
        return
    if action.covert:
        s.programmes = s.programmes + (Programme(index, s.turn, action.exposure.turns),)  # type: ignore[union-attr]
        s.active[index] += 1
    worn = action.fatigue_after and s.streak[index] > action.fatigue_after
    apply_effects(s, action.tired_effects if worn else action.effects, cause, log)
    check = action.check
    if check is not None:
        modifier = 0
        for mod in check.modifiers:
            if mod.when(s):
                modifier += mod.add
        given = dice.get((role, index)) if dice else None
        if given is None:
            s.rng, d1, d2 = rng.two_dice(s.rng)
        else:
            d1, d2 = given
        total = d1 + d2 + modifier
        if total >= check.target:
            part, effects = PART_SUCCESS, check.success
        elif total >= check.partial_from:
            part, effects = PART_PARTIAL, check.partial
        else:
            part, effects = PART_FAILURE, check.failure
        roll = Roll(d1, d2, modifier, total, part, given is not None)
        log.append((L_CHECK, index, roll, action.causes[part]))
        apply_effects(s, effects, action.causes[part], log)
    if action.breaks and not action.covert:
        for term in action.breaks:
            if s.agreements[term] == AG_IN_FORCE:
                breach(s, term, cause, log)
