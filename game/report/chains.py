"""Which article risks materialized, and the causal chain behind each, read from the log.

A risk *materialized* when a consequence carrying it made the situation worse: a consequence
rule or a news item that moved a track the wrong way, a covert programme exposed, an agreement
broken, a posture's or a covert programme's running costs, a failed check, a delayed effect
landing, or the game ending in an ending that names the risk. Plain choices (an order's intended
effects, an accepted agreement) are not materializations: they are what the teams chose.

Each link of a chain says what happened, on which turns, the harm it did, where it came from
(the order and its turn, the facilitator's reason) and, for a rule, a news item or the ending,
the tracks its condition read, their values at that moment and what had pushed them there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from game.engine.log import (
    AG_BREACHED,
    L_AGREEMENT,
    L_ENDING,
    L_EVENT,
    L_EXPOSED,
    L_NOTE,
    L_ORDER,
    L_POSTURE,
    L_RULE,
    L_TRACK,
    Entry,
)
from game.engine.state import State
from game.i18n import text, tr
from game.report.model import Contributor, Driver, Link, RiskReport, TrackMove
from game.scenario.conditions import ConditionError, tokenize
from game.scenario.runtime import (
    C_ACTION,
    C_DELAYED,
    C_EVENT,
    C_POSTURE,
    C_PROGRAMME,
    C_RULE,
    PART_FAILURE,
    PART_PARTIAL,
    PROG_EXPOSED,
    PROG_ONGOING,
    CompiledScenario,
)
from game.story.words import cause_label, role_name, root_cause

MAX_PUSHES = 3

Cause = tuple[Any, ...]


def records(s: State) -> Iterator[tuple[int, tuple[Entry, ...]]]:
    """(turn, entries) of every resolved turn, then the turn in progress if it has begun."""
    for record in s.history:
        yield record.turn, record.entries
    if not s.terminal and s.current:
        yield s.turn, s.current


def condition_tracks(sc: CompiledScenario, source: str | None) -> list[tuple[int, bool]]:
    """The tracks a condition reads: (track index, read as this turn's change ``delta.x``)."""
    if not source:
        return []
    try:
        tokens = tokenize(source)
    except ConditionError:  # pragma: no cover - compiled once already, so it parses
        return []
    out: list[tuple[int, bool]] = []
    for token in tokens:
        if token.kind != "name":
            continue
        name, is_delta = token.text, False
        if name.startswith("delta."):
            name, is_delta = name[6:], True
        index = sc.track_index.get(name)
        if index is not None and (index, is_delta) not in out:
            out.append((index, is_delta))
    return out


def is_bad(sc: CompiledScenario, track: int, delta: int) -> bool:
    good = sc.model.tracks[track].good
    if good == "neutral" or not delta:
        return False
    return (delta > 0) != (good == "high")


def track_move(sc: CompiledScenario, track: int, delta: int) -> TrackMove:
    model = sc.model.tracks[track]
    return TrackMove(text(model.name), delta, model.good)


@dataclass(slots=True)
class Unit:
    """Everything one cause did in one turn, and what it is in the chain."""

    turn: int
    kind: str
    label: str
    risks: tuple[str, ...]
    harm: Counter[int] = field(default_factory=Counter)  # track -> sum of moves the wrong way
    always: bool = False  # materializes even without harm (exposure, breach, ending)
    origin: str = ""
    drivers: tuple[Driver, ...] = ()


class Walker:
    """Walks the log once, keeping track values and who pushed them, and collects the units."""

    def __init__(self, s: State, notes: dict[int, str]) -> None:
        self.s = s
        self.sc = s.scenario
        self.notes = notes
        self.values = list(self.sc.track_start)
        self.pushed: list[Counter[str]] = [Counter() for _ in self.values]
        self.pushed_turn: list[Counter[str]] = [Counter() for _ in self.values]
        self.units: dict[tuple[int, Cause], Unit] = {}
        # action -> the (turn, role) of each time it was ordered
        self.order_turns: dict[int, list[tuple[int, int]]] = defaultdict(list)
        # (posture, option) -> (turn it was taken, why)
        self.posture_set: dict[tuple[int, int], tuple[int, str]] = {}
        self.labels: dict[Cause, str] = {}
        self.last_note = ""

    def label(self, cause: Cause) -> str:
        found = self.labels.get(cause)
        if found is None:
            found = self.labels[cause] = cause_label(self.sc, cause, self.notes)
        return found

    def walk(self) -> list[Unit]:
        for turn, entries in records(self.s):
            for counter in self.pushed_turn:
                counter.clear()
            for entry in entries:
                self.entry(turn, entry)
        return list(self.units.values())

    # ------------------------------------------------------------------ entries

    def entry(self, turn: int, entry: Entry) -> None:
        kind, subject, value, cause = entry
        sc = self.sc
        m = sc.model
        if kind == L_TRACK:
            self.track(turn, subject, value, cause)
        elif kind == L_NOTE:
            self.last_note = str(value)
        elif kind == L_ORDER:
            self.order_turns[subject].append((turn, value))
        elif kind == L_POSTURE:
            self.posture_set[(subject, value)] = (turn, self.label(cause))
        elif kind == L_RULE:
            rule = m.rules[subject]
            unit = self.unit(turn, cause, "consequence", text(rule.headline))
            unit.drivers = self.drivers(rule.when)
        elif kind == L_EVENT:
            event = m.events[subject]
            injected = bool(value)
            unit = self.unit(turn, cause, "inject" if injected else "news", text(event.headline))
            if injected:
                unit.origin = tr("report.chain.injected", reason=self.last_note)
            else:
                unit.drivers = self.drivers(event.when)
        elif kind == L_EXPOSED:
            action = sc.actions[subject]
            exposure = m.actions[subject].exposure
            unit = self.unit(
                turn, cause, "exposure", text(exposure.headline) if exposure else self.label(cause)
            )
            unit.always = True
            unit.origin = self.ordered_in_secret(subject, action.role, turn)
        elif kind == L_AGREEMENT and value == AG_BREACHED:
            term = sc.terms[subject]
            breach_cause = term.causes[3]
            unit = self.unit(turn, breach_cause, "breach", text(m.terms[subject].breach.headline))
            unit.always = True
            unit.origin = tr("report.chain.broken_by", label=self.label(cause))
        elif kind == L_ENDING:
            ending = m.endings[subject]
            unit = self.unit(turn, cause, "ending", text(ending.name), risks=tuple(ending.risks))
            unit.always = bool(ending.risks)
            unit.drivers = self.drivers(ending.when)

    def track(self, turn: int, track: int, delta: int, cause: Cause) -> None:
        self.values[track] += delta
        origin, _ = root_cause(cause)
        label = (
            cause_label(self.sc, origin, self.notes) if cause and cause[0] == C_DELAYED else self.label(cause)
        )
        self.pushed[track][label] += delta
        self.pushed_turn[track][label] += delta
        if not cause:
            return
        head = cause[0]
        unit: Unit | None = None
        if head == C_DELAYED:
            unit = self.unit(turn, cause, "delayed", self.label(cause))
            at = cause[2]
            unit.origin = tr(
                "report.chain.from_turn", label=cause_label(self.sc, origin, self.notes), turn=at
            )
        elif head in (C_RULE, C_EVENT):
            unit = self.units.get((turn, cause))
        elif head == C_PROGRAMME:
            action = self.sc.actions[cause[1]]
            if cause[2] == PROG_EXPOSED:
                unit = self.units.get((turn, cause))
            elif cause[2] == PROG_ONGOING:
                unit = self.unit(turn, cause, "programme", self.label(cause))
                unit.origin = self.ordered_in_secret(action.index, action.role, turn)
        elif head == C_POSTURE:
            unit = self.unit(turn, cause, "posture", self.label(cause))
            since = self.posture_set.get((cause[1], cause[2]))
            if since is not None:
                unit.origin = tr("report.chain.posture_since", turn=since[0], label=since[1])
        elif head == C_ACTION and cause[2] in (PART_FAILURE, PART_PARTIAL):
            unit = self.unit(turn, cause, "failure", self.label(cause))
        elif head == "term" and cause[2] == 3:
            unit = self.units.get((turn, cause))
        if unit is not None and is_bad(self.sc, track, delta):
            unit.harm[track] += delta

    # ------------------------------------------------------------------ helpers

    def unit(
        self, turn: int, cause: Cause, kind: str, label: str, risks: tuple[str, ...] | None = None
    ) -> Unit:
        key = (turn, cause)
        found = self.units.get(key)
        if found is None:
            found = Unit(turn, kind, label, self.sc.risks_of(cause) if risks is None else risks)
            self.units[key] = found
        return found

    def ordered_in_secret(self, action: int, role: int, turn: int) -> str:
        given = [t for t, _ in self.order_turns.get(action, []) if t <= turn]
        when = given[-1] if given else turn
        return tr(
            "report.chain.secret_order",
            role=role_name(self.sc, role),
            action=text(self.sc.model.actions[action].name),
            turn=when,
        )

    def drivers(self, source: str | None) -> tuple[Driver, ...]:
        out = []
        for track, is_delta in condition_tracks(self.sc, source):
            pushed = self.pushed_turn[track] if is_delta else self.pushed[track]
            if is_delta:
                value = sum(pushed.values())
                keep = [(label, d) for label, d in pushed.items() if d and (d > 0) == (value > 0)]
            else:
                value = self.values[track]
                keep = [(label, d) for label, d in pushed.items() if is_bad(self.sc, track, d)]
                if self.sc.model.tracks[track].good == "neutral":
                    keep = [(label, d) for label, d in pushed.items() if d]
            keep.sort(key=lambda item: (-abs(item[1]), item[0]))
            name = text(self.sc.model.tracks[track].name)
            if is_delta:
                name = tr("report.chain.change_of", track=name)
            out.append(
                Driver(name, value, tuple(Contributor(label, d, ()) for label, d in keep[:MAX_PUSHES]))
            )
        return tuple(out)


def materialized(unit: Unit) -> bool:
    return bool(unit.risks) and (unit.always or bool(unit.harm))


def risk_reports(s: State, notes: dict[int, str]) -> tuple[RiskReport, ...]:
    """One entry per article risk of the scenario, in the scenario's order."""
    sc = s.scenario
    units = [u for u in Walker(s, notes).walk() if materialized(u)]
    out = []
    for risk in sc.model.risks:
        mine = [u for u in units if risk.id in u.risks]
        groups: dict[tuple[str, str], list[Unit]] = {}
        for unit in mine:
            groups.setdefault((unit.kind, unit.label), []).append(unit)
        chain = []
        for (kind, label), members in groups.items():
            harm: Counter[int] = Counter()
            for unit in members:
                harm.update(unit.harm)
            first = members[0]
            chain.append(
                Link(
                    kind,
                    label,
                    tuple(sorted({u.turn for u in members})),
                    tuple(track_move(sc, t, d) for t, d in sorted(harm.items()) if d),
                    first.origin,
                    first.drivers,
                )
            )
        chain.sort(key=lambda link: (link.turns[0], _KIND_ORDER.get(link.kind, 9)))
        turns = tuple(sorted({u.turn for u in mine}))
        out.append(RiskReport(risk.id, text(risk.name), text(risk.article), bool(chain), turns, tuple(chain)))
    return tuple(out)


_KIND_ORDER = {
    "inject": 0,
    "news": 1,
    "failure": 2,
    "exposure": 3,
    "breach": 4,
    "programme": 5,
    "posture": 6,
    "delayed": 7,
    "consequence": 8,
    "ending": 10,
}
