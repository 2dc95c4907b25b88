"""A uniformly random legal player: the baseline for balance runs and benchmarks."""

from __future__ import annotations

import random

from game.ai.base import Answers, Orders
from game.ai.phrases import say
from game.engine import State, legal_action_indexes, pending_answers
from game.i18n import language


class RandomPlayer:
    """Picks legal orders at random until its action points or capital run out."""

    name = "random"
    view_turns = 0  # reads no history: its view stays cheap

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self._reason = ("", "")  # (language, the phrase): the same words at every order

    def reason(self) -> str:
        """The random player's one reason, in the current language, worded once per language."""
        lang = language()
        if self._reason[0] != lang:
            self._reason = (lang, say("random"))
        return self._reason[1]

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
        why = self.reason()
        return Orders(tuple(chosen), (why,) * len(chosen))
