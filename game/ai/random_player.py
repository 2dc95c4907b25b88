"""A uniformly random legal player: the baseline for balance runs and benchmarks."""

from __future__ import annotations

import random

from game.ai.base import Answers, Orders
from game.ai.phrases import say
from game.engine import State, legal_action_indexes, pending_answers


class RandomPlayer:
    """Picks legal orders at random until its action points or capital run out."""

    name = "random"
    view_turns = 0  # reads no history: its view stays cheap

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)

    def answer(self, view: State, role: int) -> Answers:
        return Answers({term: self.rng.random() < 0.5 for term, _ in pending_answers(view, role)})

    def orders(self, view: State, role: int) -> Orders:
        actions = view.scenario.actions
        ap = view.scenario.roles[role].action_points
        capital = view.capital[role]
        legal = legal_action_indexes(view, role)
        pick = self.rng.random
        chosen: list[int] = []
        while legal and ap > 0:
            index = legal.pop(int(pick() * len(legal)))
            action = actions[index]
            if action.ap <= ap and action.capital <= capital:
                chosen.append(index)
                ap -= action.ap
                capital -= action.capital
        why = say("random")
        return Orders(tuple(chosen), tuple(why for _ in chosen))
