"""Where the endings sit on the tracks: thresholds read from the endings' parsed conditions.

``rupture: sovereignty_tension >= 85 or (trust <= 10 and sovereignty_tension >= 55)`` marks 85
on sovereignty tension (enough alone), 55 on it and 10 on trust (each only together with the
rest). The conditions are parsed by the scenario's own grammar (``game.scenario.conditions``),
never matched by pattern on the text, so any condition the game accepts is read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.scenario.conditions import ConditionError, Node, parse
from game.scenario.runtime import CompiledScenario

_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
_NEGATE = {"<": ">=", ">=": "<", ">": "<=", "<=": ">", "==": "!=", "!=": "=="}


@dataclass(frozen=True, slots=True)
class Threshold:
    """One mark on a track: the ending, the comparison (``>=`` ...) and the value."""

    track: int
    ending: int
    op: str
    value: int
    alone: bool  # the comparison is enough for the ending by itself (no 'and' around it)
    final: bool  # the ending is judged only at the last turn

    @property
    def at(self) -> int:
        """The first value on the board that meets the comparison (``< 60`` is met at 59)."""
        if self.op == ">":
            return self.value + 1
        if self.op == "<":
            return self.value - 1
        return self.value


def thresholds(sc: CompiledScenario) -> list[Threshold]:
    """Every track comparison in every ending's condition, in the endings' order."""
    out: list[Threshold] = []
    for index, ending in enumerate(sc.model.endings):
        if not ending.when:
            continue
        try:
            tree = parse(ending.when)
        except ConditionError:  # pragma: no cover - a loaded scenario's conditions parse
            continue
        for track, op, value, alone in _comparisons(sc, tree, alone=True, negated=False):
            out.append(Threshold(track, index, op, value, alone, ending.timing == "final"))
    return out


def by_track(sc: CompiledScenario) -> dict[int, list[Threshold]]:
    marks: dict[int, list[Threshold]] = {}
    for mark in thresholds(sc):
        marks.setdefault(mark.track, []).append(mark)
    return marks


def _comparisons(
    sc: CompiledScenario, node: Node, alone: bool, negated: bool
) -> list[tuple[int, str, int, bool]]:
    kind = node[0]
    if kind == "not":
        return _comparisons(sc, node[2], alone, not negated)
    if kind in ("and", "or"):
        # Under 'not', De Morgan swaps them: not (a or b) is (not a) and (not b).
        joins = (kind == "and") != negated
        found = _comparisons(sc, node[2], alone and not joins, negated)
        return found + _comparisons(sc, node[3], alone and not joins, negated)
    if kind != "cmp":
        return []
    op, left, right = node[2], node[3], node[4]
    if left[0] == "num" and right[0] == "name":
        left, right, op = right, left, _FLIP[op]
    if left[0] != "name" or right[0] != "num" or left[2] not in sc.track_index:
        return []
    if negated:
        op = _NEGATE[op]
    if op in ("==", "!="):
        return []  # an exact value is not a line on a board
    return [(sc.track_index[left[2]], op, int(right[2]), alone)]
