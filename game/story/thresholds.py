"""Where the endings sit on the tracks, and how far a game is from each: read from the endings'
parsed conditions.

``rupture: sovereignty_tension >= 85 or (trust <= 10 and sovereignty_tension >= 55)`` marks 85
on sovereignty tension (enough alone), 55 on it and 10 on trust (each only together with the
rest). The conditions are parsed by the scenario's own grammar (``game.scenario.conditions``),
never matched by pattern on the text, so any condition the game accepts is read the same way.
The printed board, the window's tracks (a warning when an ending is near) and the balance
benchmark (how close a game came, turn by turn) read them here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from game.scenario.conditions import ConditionError, Namespace, Node, compile_node, parse
from game.scenario.crossref import condition_hints, condition_refs
from game.scenario.memo import IdentityMemo
from game.scenario.runtime import CompiledScenario

FAR = 100  # the distance of a part that does not hold and is not a track: no nearer than a track's span

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
    """Every track comparison in every ending's condition, in the endings' order (worked out
    once per scenario: every page and screen asks for them at every update)."""
    return list(_marks_of(sc)[0])


def by_track(sc: CompiledScenario) -> dict[int, list[Threshold]]:
    return _marks_of(sc)[1]


# Per scenario: its marks, and the same by track.
Marks = tuple[tuple[Threshold, ...], dict[int, list[Threshold]]]
_MARKS: IdentityMemo[CompiledScenario, Marks] = IdentityMemo()


def _marks_of(sc: CompiledScenario) -> Marks:
    return _MARKS.get(sc, _build_marks)


def _build_marks(sc: CompiledScenario) -> Marks:
    marks = tuple(_find_thresholds(sc))
    per_track: dict[int, list[Threshold]] = {}
    for mark in marks:
        per_track.setdefault(mark.track, []).append(mark)
    return marks, per_track


def _find_thresholds(sc: CompiledScenario) -> list[Threshold]:
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


# ----------------------------------------------------------------------------- distances


def ending_distance(s: Any, ending: int) -> int:
    """Track points between the state and the ending's condition: 0 when it holds now; parts
    that are not a track compared with a number count 0 if they hold, ``FAR`` if not."""
    tree = _tree(s.scenario, ending)
    return 0 if tree is None else _distance(s, tree, negated=False)


def nearest_ending(s: Any, timing: str = "anytime") -> tuple[int, int]:
    """(ending, distance) of the nearest ending of that timing; (-1, FAR) when there is none."""
    best = (-1, FAR)
    for index, ending in enumerate(s.scenario.model.endings):
        if ending.when and ending.timing == timing:
            distance = ending_distance(s, index)
            if distance < best[1]:
                best = (index, distance)
    return best


def _tree(sc: CompiledScenario, ending: int) -> Node | None:
    source = sc.model.endings[ending].when
    return _parsed(source) if source else None


@cache
def _parsed(source: str) -> Node | None:
    try:
        return parse(source)
    except ConditionError:  # pragma: no cover - a loaded scenario's conditions parse
        return None


# Per scenario (kept alive beside its entry, so its id is not reused): the names its conditions
# may use, and each part of an ending's condition compiled on its own.
_NAMES: IdentityMemo[CompiledScenario, tuple[Namespace, dict[Node, Any]]] = IdentityMemo()


def _compiled(sc: CompiledScenario) -> tuple[Namespace, dict[Node, Any]]:
    return _NAMES.get(sc, lambda sc: (Namespace(condition_refs(sc.model), condition_hints(sc.model)), {}))


def _distance(s: Any, node: Node, negated: bool) -> int:
    kind = node[0]
    if kind == "not":
        return _distance(s, node[2], not negated)
    if kind in ("and", "or"):
        parts = (_distance(s, node[2], negated), _distance(s, node[3], negated))
        return max(parts) if (kind == "and") != negated else min(parts)
    measured = _track_gap(s, node, negated)
    if measured is not None:
        return measured
    holds = bool(_leaf(s.scenario, node)(s))
    return 0 if holds != negated else FAR


def _track_gap(s: Any, node: Node, negated: bool) -> int | None:
    found = _comparisons(s.scenario, node, alone=True, negated=negated) if node[0] == "cmp" else []
    if not found:
        return None
    track, op, value, _ = found[0]
    now = s.tracks[track]
    need = {">=": value - now, ">": value + 1 - now, "<=": now - value, "<": now - value + 1}.get(op, 0)
    return max(0, need)


def _leaf(sc: CompiledScenario, node: Node) -> Any:
    names, leaves = _compiled(sc)
    found = leaves.get(node)
    if found is None:
        found = leaves[node] = compile_node(node, names)
    return found
