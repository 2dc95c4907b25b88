"""Search over the engine's pure API from a role's view: sampled futures, rollouts, halving.

The view is a redacted copy of the state (other roles' secrets removed, its generator reseeded),
so playing it forward with the engine (``resolve_legal``: ``resolve_turn`` without checking orders
drawn from the legal ones) only ever uses what the role may know. Each sampled
future fixes the generator and the others' orders (drawn from their observed habits); every
option is tried on the same futures (common random numbers), so options are compared on the
same luck rather than on different luck.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from game.ai.levels import Level
from game.ai.opponents import OpponentModel
from game.ai.orders_space import draw_orders
from game.ai.stance import Stance
from game.ai.valuation import (
    add_effects,
    effective,
    landed_worth,
    outlook,
    raw_deltas,
    remaining_upkeeps,
    worth,
)
from game.engine import PHASE_ANSWERS, State, answer_proposals
from game.engine.turn import resolve_legal
from game.scenario.runtime import CompiledScenario


@dataclass(slots=True)
class Tally:
    """Results of one option over sampled futures: each leaf's worth and the turns it leaves."""

    values: list[float] = field(default_factory=list)
    remaining: list[float] = field(
        default_factory=list
    )  # upkeeps still to come after the leaf; 0 if the game ended
    tracks: list[float] = field(default_factory=list)

    def add(self, value: float, remaining: float, tracks: Sequence[float]) -> None:
        self.values.append(value)
        self.remaining.append(remaining)
        if not self.tracks:
            self.tracks = [0.0] * len(tracks)
        acc = self.tracks
        for i, v in enumerate(tracks):
            acc[i] += v

    @property
    def n(self) -> int:
        return len(self.values)

    def outcomes(self, drift: float) -> list[float]:
        """Each leaf's worth, a game still running credited with ``drift`` per turn to come."""
        if not drift:
            return self.values
        return [v + drift * r for v, r in zip(self.values, self.remaining, strict=True)]

    def score(self, drift: float, risk: float) -> float:
        """Mean outcome, less ``risk`` times its standard deviation."""
        if not self.values:
            return float("-inf")
        outcomes = self.outcomes(drift)
        mean = sum(outcomes) / len(outcomes)
        if risk <= 0 or len(outcomes) < 2:
            return mean
        var = sum((v - mean) ** 2 for v in outcomes) / (len(outcomes) - 1)
        return mean - risk * math.sqrt(var)

    def mean_tracks(self) -> list[float]:
        return [v / self.n for v in self.tracks] if self.values else []


@dataclass(slots=True)
class Context:
    """Everything one decision's search needs; built from the view alone."""

    view: State
    role: int
    stance: Stance
    level: Level
    model: OpponentModel
    rng: random.Random

    drift_sum: float = 0.0
    drift_turns: int = 0
    # Worked out on first use (none of them draws on ``rng``): a decision that plays nothing
    # forward (the easy level, answers judged on effects) never needs them.
    _habits: list[Sequence[float] | None] | None = None
    _answers: dict[int, bool] | None = None
    _root: float | None = None
    _depth_weights: dict[int, list[float]] = field(default_factory=dict)

    @property
    def scenario(self) -> CompiledScenario:
        return self.view.scenario

    @property
    def habits(self) -> list[Sequence[float] | None]:
        """Per role: rollout weights per action (one's own from its orders' effects)."""
        if self._habits is None:
            habits: list[Sequence[float] | None] = list(self.model.weights)
            habits[self.role] = own_habit(self.view, self.role, self.stance, self.level, self.model)
            self._habits = habits
        return self._habits

    @property
    def my_answers(self) -> dict[int, bool]:
        """Term -> would accept (a quick judgement, used inside rollouts)."""
        if self._answers is None:
            view, tail = self.view, self.level.tail
            self._answers = {
                t: quick_accept(view, self.stance, t, tail) for t in range(len(view.scenario.terms))
            }
        return self._answers

    @property
    def root_value(self) -> float:
        """The outlook of the view itself, the baseline of the drift."""
        if self._root is None:
            self._root = outlook(self.stance, self.view, self.level.tail)
        return self._root

    @property
    def drift(self) -> float:
        """Value a turn of play adds, on average over the futures tried: the price of an early ending.

        Never below zero: a player that saw things getting worse would otherwise welcome a
        rupture or a quagmire that freezes the score, which no government or coalition would.
        """
        if not self.drift_turns:
            return 0.0
        return min(max(self.drift_sum / self.drift_turns, 0.0), self.level.drift)

    def risk_adjusted(self, tally: Tally) -> float:
        return tally.score(self.drift, self.level.risk * self.stance.caution / 10)

    def record(self, tally: Tally, path: Sequence[State]) -> None:
        """Judge one rollout and add it to ``tally`` (and to the drift estimate).

        ``path`` holds the state after each turn played. Its worth blends the outlook after every
        turn, nearer turns weighing more (``level.depth_decay``): what is seen after one turn is
        sure, later turns depend on rough guesses about everyone's play.
        """
        weights = self.depth_weights(len(path))
        value = 0.0
        remaining = 0.0
        last: State | None = None
        judged = 0.0
        for weight, state in zip(weights, path, strict=True):
            if state is not last:
                judged = outlook(self.stance, state, self.level.tail)
                last = state
                if not state.terminal:
                    self.drift_sum += judged - self.root_value
                    self.drift_turns += state.turn - self.view.turn
            value += weight * judged
            if not state.terminal:
                remaining += weight * max(state.turns - state.turn + 1, 0)
        tally.add(value, remaining, path[-1].tracks)

    def depth_weights(self, depth: int) -> list[float]:
        """Each turn's share of a rollout's worth, worked out once per depth (every rollout asks)."""
        found = self._depth_weights.get(depth)
        if found is None:
            decay = self.level.depth_decay
            raw = [decay**d for d in range(depth)]
            total = sum(raw)
            found = self._depth_weights[depth] = [w / total for w in raw]
        return found

    def accept_chance(self, to: int, term: int) -> float:
        """How likely ``to`` accepts ``term``: one's own quick judgement, or the others' record."""
        if to == self.role:
            return 1.0 if self.my_answers.get(term, False) else 0.0
        return self.model.chance(to, term)


def make_context(
    view: State, role: int, stance: Stance, level: Level, model: OpponentModel, rng: random.Random
) -> Context:
    return Context(view, role, stance, level, model, rng)


def static_gain(view: State, stance: Stance, action_index: int, tail: int, model: OpponentModel) -> float:
    """Value points an order tends to bring, read from its effects (no simulation)."""
    action = view.scenario.actions[action_index]
    chance = model.chance(action.to, action.term) if action.to >= 0 else 0.5
    return landed_worth(stance, view, raw_deltas(view, action, chance, tail))


def own_habit(view: State, role: int, stance: Stance, level: Level, model: OpponentModel) -> list[float]:
    """Rollout weights for one's own later orders: better-looking orders more often."""
    weights = [0.0] * len(view.scenario.actions)
    for index in view.scenario.actions_by_role[role]:
        gain = static_gain(view, stance, index, level.tail, model)
        weights[index] = math.exp(max(min(gain / level.habit_temperature, 6.0), -6.0))
    return weights


def accept_deltas(view: State, term_index: int, tail: int) -> tuple[list[float], list[float]]:
    """Expected track changes of accepting and of refusing a term (accept includes its ongoing effects)."""
    term = view.scenario.terms[term_index]
    n = len(view.scenario.track_ids)
    yes, no = [0.0] * n, [0.0] * n
    add_effects(view, term.on_accept, 1.0, yes)
    horizon = min(tail, remaining_upkeeps(view))
    add_effects(view, term.ongoing, min(horizon, term.sunset) if term.sunset else horizon, yes)
    add_effects(view, term.on_reject, 1.0, no)
    return effective(view, yes), effective(view, no)


def quick_accept(view: State, stance: Stance, term_index: int, tail: int) -> bool:
    yes, no = accept_deltas(view, term_index, tail)
    return worth(stance, yes) > worth(stance, no)


# ----------------------------------------------------------------------------- playing forward


def others_orders(ctx: Context, state: State, prng: random.Random) -> list[tuple[int, ...]]:
    """Orders for every role but one's own (left empty), drawn from their habits."""
    return [
        () if role == ctx.role else draw_orders(state, role, ctx.habits[role], prng)
        for role in range(len(ctx.scenario.roles))
    ]


def sampled_answers(ctx: Context, state: State, prng: random.Random) -> dict[int, dict[int, bool]]:
    answers: dict[int, dict[int, bool]] = {}
    for term, _, to, _ in state.proposals:
        yes = prng.random() < ctx.accept_chance(to, term)
        answers.setdefault(to, {})[term] = yes
    return answers


MASK = (1 << 64) - 1


def dice_for(
    seed: int, state: State, orders: Sequence[Sequence[int]]
) -> dict[tuple[int, int], tuple[int, int]]:
    """Fixed dice for every check in ``orders``: in one sampled future, the same order rolls the
    same dice whatever else is ordered, so options are compared on the same luck (and the
    game's generator is left to the news and to exposure)."""
    actions = state.scenario.actions
    out = {}
    for role, role_orders in enumerate(orders):
        for a in role_orders:
            if actions[a].check is not None:
                z = (seed ^ (state.turn * 0x9E3779B97F4A7C15) ^ ((a + 1) * 0xBF58476D1CE4E5B9)) & MASK
                z = ((z ^ (z >> 30)) * 0x94D049BB133111EB) & MASK
                z ^= z >> 31
                out[(role, a)] = (z % 6 + 1, (z >> 8) % 6 + 1)
    return out


def play_turn(state: State, orders: list[tuple[int, ...]], seed: int) -> State:
    """One turn of the search: its orders are drawn from the legal ones of ``state`` (the
    sets of ``order_sets``, the draws of ``draw_orders``), so the engine need not check them."""
    return resolve_legal(state, orders, dice_for(seed, state, orders))


def play_on(ctx: Context, state: State, turns: int, prng: random.Random, seed: int) -> list[State]:
    """Play ``turns`` more turns with every role (oneself included) following its habit.

    Returns the state after each turn; once the game is over its last state stands for the rest.
    """
    roles = range(len(ctx.scenario.roles))
    habits = ctx.habits
    path = []
    for _ in range(turns):
        if not state.terminal:
            if state.phase == PHASE_ANSWERS:
                state = answer_proposals(state, sampled_answers(ctx, state, prng))
            state = play_turn(state, [draw_orders(state, r, habits[r], prng) for r in roles], seed)
        path.append(state)
    return path


@dataclass(frozen=True, slots=True)
class Future:
    """One sampled future: the generator's seed and the others' orders for the decision's turn."""

    seed: int
    others: list[tuple[int, ...]]
    rng_state: int


def sample_futures(ctx: Context, root: State, count: int) -> list[Future]:
    futures = []
    for _ in range(count):
        seed = ctx.rng.getrandbits(62)
        prng = random.Random(seed)
        futures.append(Future(seed, others_orders(ctx, root, prng), prng.getrandbits(64)))
    return futures


def future_start(root: State, future: Future) -> State:
    """The root with the future's generator: one copy per future, shared by every option tried
    on it (the engine never changes the state it is given)."""
    state = root.clone()
    state.rng = future.rng_state
    return state


def try_orders(ctx: Context, start: State, mine: tuple[int, ...], future: Future, turns: int) -> list[State]:
    """The decision's turn with ``mine`` against the future's orders, then ``turns - 1`` more.

    ``start`` is the root as ``future_start`` gives it."""
    orders = list(future.others)
    orders[ctx.role] = mine
    state = play_turn(start, orders, future.seed)
    if turns <= 1:
        return [state]
    return [state, *play_on(ctx, state, turns - 1, random.Random(future.seed + 1), future.seed)]


# ----------------------------------------------------------------------------- orders


def first_cut(ctx: Context, sets: Sequence[tuple[int, ...]], samples: int) -> list[Tally]:
    """Every set of orders played for one turn on the same few futures, judged on the outlook."""
    futures = sample_futures(ctx, ctx.view, samples)
    tallies = [Tally() for _ in sets]
    for future in futures:
        start = future_start(ctx.view, future)
        for tally, mine in zip(tallies, sets, strict=True):
            ctx.record(tally, try_orders(ctx, start, mine, future, 1))
    return tallies


def halving(ctx: Context, sets: Sequence[tuple[int, ...]]) -> list[Tally]:
    """Successive halving: each round plays every surviving set on fresh shared futures, then keeps the better half."""
    level = ctx.level
    tallies = [Tally() for _ in sets]
    alive = list(range(len(sets)))
    while True:
        for future in sample_futures(ctx, ctx.view, level.rollouts):
            start = future_start(ctx.view, future)
            for i in alive:
                ctx.record(tallies[i], try_orders(ctx, start, sets[i], future, level.horizon))
        if len(alive) <= 2:
            return tallies
        alive.sort(key=lambda i: ctx.risk_adjusted(tallies[i]), reverse=True)
        alive = alive[: (len(alive) + 1) // 2]


# ----------------------------------------------------------------------------- answers


def answer_futures(ctx: Context, term: int, yes: bool, seeds: Sequence[int], turns: int) -> Tally:
    """Accepting or refusing ``term``, then ``turns`` turns played on by habit, on shared seeds."""
    tally = Tally()
    for seed in seeds:
        prng = random.Random(seed)
        answers = sampled_answers(ctx, ctx.view, prng)
        answers.setdefault(ctx.role, {})[term] = yes
        state = ctx.view.clone()
        state.rng = prng.getrandbits(64)
        state = answer_proposals(state, answers)
        ctx.record(tally, play_on(ctx, state, turns, prng, seed))
    return tally
