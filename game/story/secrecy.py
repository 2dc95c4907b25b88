"""Who knew what, and when: one definition of "this was secret" for every reader of a game.

During play, a change or an order is hidden from the other roles while its cause is a covert
order (or the covert programme it started) that has not yet come to light, or a covert posture
its owner has not been exposed in. Redacted views apply that rule to the present
(``game.engine.view``); the story of a finished game applies it to the turn each thing
happened, from the turns each covert programme was exposed (read from the log).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.log import L_EXPOSED
from game.engine.state import State
from game.scenario.runtime import C_ACTION, C_DELAYED, C_POSTURE, C_PROGRAMME, PROG_ONGOING, Cause


@dataclass(frozen=True, slots=True)
class Exposures:
    """Covert action -> the turns it came to light, in order; and each role's first exposure."""

    turns: dict[int, tuple[int, ...]]
    by_role: dict[int, int]

    def after(self, action: int, turn: int) -> int | None:
        """When a covert order given on ``turn`` came to light: an earlier exposure of the same
        programme counts (it was known already), else the first one since; None if never."""
        found = self.turns.get(action, ())
        earlier = [t for t in found if t < turn]
        if earlier:
            return earlier[0]
        later = [t for t in found if t >= turn]
        return later[0] if later else None

    def known_by(self, action: int, turn: int) -> bool:
        """Had this covert programme come to light by the end of ``turn``?"""
        return any(t <= turn for t in self.turns.get(action, ()))


def exposures_of(s: State) -> Exposures:
    turns: dict[int, list[int]] = {}
    by_role: dict[int, int] = {}
    actions = s.scenario.actions
    records = [(r.turn, r.log) for r in s.history]  # the lines as written: no entries made
    if not s.terminal and s.journal:
        records.append((s.turn, s.journal))
    for turn, lines in records:
        for kind, subject, _, _ in lines:
            if kind == L_EXPOSED:
                turns.setdefault(subject, []).append(turn)
                by_role.setdefault(actions[subject].role, turn)
    return Exposures({a: tuple(t) for a, t in turns.items()}, by_role)


def secret_owner_then(s: State, cause: Cause, turn: int, exposures: Exposures) -> int:
    """The role that alone knew of this cause on ``turn``, or -1 when the table knew of it."""
    while cause and cause[0] == C_DELAYED:
        cause = cause[1]
    if not cause:
        return -1
    sc = s.scenario
    if cause[0] == C_ACTION or (cause[0] == C_PROGRAMME and cause[2] == PROG_ONGOING):
        action = sc.actions[cause[1]]
        if action.covert and not exposures.known_by(action.index, turn):
            return action.role
    elif cause[0] == C_POSTURE:
        posture = sc.postures[cause[1]]
        exposed = exposures.by_role.get(posture.owner)
        if posture.options[cause[2]].covert and (exposed is None or exposed > turn):
            return posture.owner
    return -1
