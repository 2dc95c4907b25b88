"""The three strengths of computer player, as search budgets.

* ``easy``   - greedy on what each order tends to do (no simulation), with noisy judgement: it
  sees the obvious, misjudges close calls and never looks past the turn.
* ``normal`` - shallow search: every affordable set of orders is played out for one turn on a few
  sampled futures (the others' orders drawn from their observed habits) and judged on the outlook.
* ``hard``   - the normal search as a first cut, then determinized rollouts of several turns for
  the best few sets, narrowed by successive halving on common random numbers, judged by the
  persona's values and the role's objective score; proposals are answered the same way.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Level:
    name: str
    first_cut: int  # sampled futures per order set in the one-turn look (0: no simulation)
    keep: int  # order sets carried on to rollouts (0: no rollouts)
    rollouts: int  # rollouts per surviving set in each round of successive halving
    horizon: int  # turns played out per rollout, the decision's own turn included
    tail: int  # turns of ongoing effects counted at the end of a lookahead
    noise: float  # value points of error in judging an option (easy)
    answer_samples: int  # sampled futures per answer (0: judged on effects alone)
    risk: float  # how much a cautious persona (caution 10) discounts spread, per point of std dev
    view_turns: int | None  # turns of history the player reads (None: all)
    drift: float = 2.0  # value points per turn a still-running game is credited with, at most
    habit_temperature: float = 1.5  # value points: how sharply its own rollout habit prefers good orders
    seen_weight: float = 2.0  # how much each order seen from another role raises its expected habit
    width: int = (
        0  # with screen "both": how many of the best sets by their orders' effects are simulated (0: all)
    )
    depth_decay: float = 1.0  # weight of each further turn of a rollout in its worth (1: all equal)
    screen: str = "static"  # how order sets are ranked first: "greedy" (no sets: order by order),
    # "static" (by what their orders tend to do) or "simulate" (each played for one turn)


LEVELS: dict[str, Level] = {
    "easy": Level(
        "easy",
        first_cut=0,
        keep=0,
        rollouts=0,
        horizon=0,
        tail=1,
        noise=2.5,
        answer_samples=0,
        risk=0.0,
        view_turns=2,
        screen="greedy",
    ),
    "normal": Level(
        "normal",
        first_cut=3,
        keep=0,
        rollouts=0,
        horizon=1,
        tail=2,
        noise=0.0,
        answer_samples=4,
        risk=0.3,
        view_turns=None,
        screen="simulate",
    ),
    "hard": Level(
        "hard",
        first_cut=2,
        width=48,
        keep=8,
        rollouts=10,
        horizon=3,
        tail=2,
        noise=0.0,
        answer_samples=12,
        risk=0.3,
        view_turns=None,
        depth_decay=0.5,
        screen="both",
    ),
}
