"""The computer player for solo play: one class, three strengths, any persona of the role.

It implements the controller protocol (``answer`` and ``orders``) and decides only from the
redacted view it is handed. Its randomness is its own seeded ``random.Random``, so the same seed
and the same view give the same decision.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from game.ai.base import Answers, Orders
from game.ai.levels import Level
from game.ai.opponents import OpponentModel, watch
from game.ai.orders_space import MAX_SETS, OrderBudget, order_sets
from game.ai.reasons import answer_reason, hold_reason, order_reason, weigh_trust
from game.ai.search import (
    Context,
    Tally,
    accept_deltas,
    answer_futures,
    first_cut,
    halving,
    make_context,
    static_gain,
)
from game.ai.stance import Stance, build_stance
from game.ai.valuation import expected_deltas, exposure_chance, worth
from game.engine import State, legal_action_indexes, pending_answers
from game.scenario.memo import IdentityMemo
from game.scenario.runtime import CompiledScenario

# Stances by (role, persona), per scenario object (each role's view has its own copy of the
# scenario): a stance is a pure function of the three, and every new player asked for it again.
_STANCES: IdentityMemo[CompiledScenario, dict[tuple[int, str | None], Stance]] = IdentityMemo(64)


def _no_stances(_: CompiledScenario) -> dict[tuple[int, str | None], Stance]:
    return {}


class ComputerPlayer:
    """A search-based player of one level; ``persona`` is a persona id of the role, or None.

    With ``reasons`` False it gives its decisions without their reasons: the same decisions
    (no reason is drawn on the decision's randomness), for games only their results are read
    from (the report's "how typical" games), where putting reasons into words is wasted work.
    """

    def __init__(
        self,
        level: Level,
        seed: int,
        scenario: CompiledScenario | None = None,
        role: int = 0,
        persona: str | None = None,
        reasons: bool = True,
    ) -> None:
        self.level = level
        self.reasons = reasons
        self.persona = persona
        self.name = level.name if persona is None else f"{level.name}:{persona}"
        self.view_turns = level.view_turns
        self.seed = seed
        if scenario is not None:
            self.stance_for(scenario, role)  # an unknown persona fails here, at setup

    def stance_for(self, scenario: CompiledScenario, role: int) -> Stance:
        """The stance, from the role's own objectives and persona in the scenario of its view
        (which holds no other role's). Kept beside the scenario it was built from (``_STANCES``),
        so a scenario freed and another one given the same id never gets a stale stance, and a
        thousand games of the same scenario build it once."""
        stances = _STANCES.get(scenario, _no_stances)
        key = (role, self.persona)
        found = stances.get(key)
        if found is None:
            found = stances[key] = build_stance(scenario, role, self.persona)
        return found

    def decision_rng(self, view: State, role: int, call: int) -> random.Random:
        """The randomness of one decision: a function of the seed and the moment, nothing else.

        So the same seed and the same view always give the same decision, however the game got
        there (undo, replay, a what-if from a saved game).
        """
        return random.Random(((self.seed * 1_000_003 + view.turn) * 31 + role) * 4 + call)

    def context(self, view: State, role: int, call: int) -> Context:
        stance = self.stance_for(view.scenario, role)
        level = self.level
        model = watch(view, role, level.seen_weight)
        return make_context(view, role, stance, level, model, self.decision_rng(view, role, call))

    # ------------------------------------------------------------------ answers

    def answer(self, view: State, role: int) -> Answers:
        pending = pending_answers(view, role)
        if not pending:
            return Answers({})
        ctx = self.context(view, role, 0)
        level = self.level
        accepted: dict[int, bool] = {}
        reasons: dict[int, str] = {}
        for term, sender in pending:
            yes, no = accept_deltas(view, term, level.tail)
            fallback = None
            if level.answer_samples:
                seeds = [ctx.rng.getrandbits(62) for _ in range(level.answer_samples)]
                turns = max(level.horizon, 1)
                with_it = answer_futures(ctx, term, True, seeds, turns)
                without = answer_futures(ctx, term, False, seeds, turns)
                take = ctx.risk_adjusted(with_it) > ctx.risk_adjusted(without)
                fallback = _difference(with_it, without)
            else:
                gain = worth(ctx.stance, yes) - worth(ctx.stance, no)
                take = gain + ctx.rng.gauss(0.0, level.noise) > 0
            reason = answer_reason(view, ctx.stance, term, take, yes, no, fallback) if self.reasons else ""
            take, reason = weigh_trust(view, role, sender, term, take, reason)
            accepted[term] = take
            reasons[term] = reason
        return Answers(accepted, reasons if self.reasons else {})

    # ------------------------------------------------------------------ orders

    def orders(self, view: State, role: int) -> Orders:
        level = self.level
        if level.screen == "greedy":
            legal = orders_in_sets(view, role)
            if not legal:
                return Orders((), (hold_reason(view, role),))
            ctx = self.context(view, role, 1)
            return self.explain(ctx, self.greedy(ctx, legal), None)
        sets = order_sets(view, role)
        if len(sets) == 1:
            return Orders((), (hold_reason(view, role),))
        ctx = self.context(view, role, 1)
        tallies: list[Tally] | None = None
        ranked: list[int] = []
        if level.screen in ("static", "both"):
            gains = {a: static_gain(view, ctx.stance, a, level.tail, ctx.model) for s in sets for a in s}
            ranked = sorted(range(len(sets)), key=lambda i: sum(gains[a] for a in sets[i]), reverse=True)
        if level.screen in ("simulate", "both"):
            pool = ranked[: level.width] if ranked and level.width else list(range(len(sets)))
            tallies = first_cut(ctx, [sets[i] for i in pool], level.first_cut)
            order = sorted(range(len(pool)), key=lambda k: ctx.risk_adjusted(tallies[k]), reverse=True)
            simulated = [pool[k] for k in order]
            ranked = _interleave(ranked, simulated) if ranked else simulated
            tallies = _by_set(tallies, pool, len(sets))
        if not level.keep:
            best = ranked[0]
            return self.explain(ctx, sets[best], _difference(tallies[best], tallies[0]) if tallies else None)
        finalists = [sets[i] for i in ranked[: level.keep]]
        deep = halving(ctx, finalists)
        most = max(t.n for t in deep)
        last = sorted(
            (i for i, t in enumerate(deep) if t.n == most),
            key=lambda i: ctx.risk_adjusted(deep[i]),
            reverse=True,
        )
        runner_up = deep[last[1]] if len(last) > 1 else None
        return self.explain(ctx, finalists[last[0]], _difference(deep[last[0]], runner_up))

    def greedy(self, ctx: Context, legal: Sequence[int]) -> tuple[int, ...]:
        """Easy: orders by what they tend to do, judged with noise, best first while affordable."""
        view, role = ctx.view, ctx.role
        level = ctx.level
        noisy = {
            a: static_gain(view, ctx.stance, a, level.tail, ctx.model) + ctx.rng.gauss(0.0, level.noise)
            for a in legal
        }
        budget = OrderBudget(view, role)
        for a in sorted(legal, key=lambda a: noisy[a], reverse=True):
            if noisy[a] > 0:
                budget.add(a)
        return tuple(budget.chosen)

    def explain(self, ctx: Context, chosen: Sequence[int], fallback: Sequence[float] | None) -> Orders:
        view = ctx.view
        if not self.reasons:
            return Orders(tuple(chosen))
        if not chosen:
            return Orders((), (hold_reason(view, ctx.role),))
        reasons = []
        for a in chosen:
            action = view.scenario.actions[a]
            chance = ctx.model.chance(action.to, action.term) if action.to >= 0 else 0.5
            deltas = expected_deltas(view, action, chance, ctx.level.tail)
            exposure = exposure_chance(view, action) if action.covert else 0.0
            reasons.append(order_reason(view, ctx.stance, action, deltas, fallback, exposure))
        return Orders(tuple(chosen), tuple(reasons))


def orders_in_sets(view: State, role: int) -> list[int]:
    """The orders found in ``order_sets(view, role)``, in order, without listing the sets.

    Every legal order the role can afford alone heads a set of its own, unless the sets reach
    ``MAX_SETS`` first: when they could (by a count of the sets the action points allow, or an
    order costing no action point), the sets are listed as before. The easy level needs only
    these orders, and listing some hundred sets was half of its decision.
    """
    actions = view.scenario.actions
    ap, capital = view.scenario.roles[role].action_points, view.capital[role]
    fits = [
        a for a in legal_action_indexes(view, role) if actions[a].ap <= ap and actions[a].capital <= capital
    ]
    cheapest = min((actions[a].ap for a in fits), default=1)
    if cheapest > 0:
        most = min(ap // cheapest, len(fits))
        if sum(math.comb(len(fits), k) for k in range(most + 1)) <= MAX_SETS:
            return sorted(fits)
    return sorted({a for s in order_sets(view, role) for a in s})


def _interleave(first: list[int], second: list[int]) -> list[int]:
    """Both rankings taken in turn, without repeats: the best of each come first."""
    out: list[int] = []
    seen: set[int] = set()
    for k in range(max(len(first), len(second))):
        for ranking in (second, first):
            if k < len(ranking) and ranking[k] not in seen:
                seen.add(ranking[k])
                out.append(ranking[k])
    return out


def _by_set(tallies: list[Tally], pool: list[int], count: int) -> list[Tally]:
    """Tallies indexed by set (an empty tally for sets that were not simulated)."""
    out = [Tally() for _ in range(count)]
    for tally, i in zip(tallies, pool, strict=True):
        out[i] = tally
    return out


def _difference(best: Tally, other: Tally | None) -> list[float] | None:
    if other is None or not best.n or not other.n:
        return None
    return [a - b for a, b in zip(best.mean_tracks(), other.mean_tracks(), strict=True)]


__all__ = ["ComputerPlayer", "OpponentModel"]
