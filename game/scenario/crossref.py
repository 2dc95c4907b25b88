"""The cross-reference index: every table's ids, the names conditions may use, and the checks
that need them (unknown ids with a suggestion, duplicates, risks, conditions).

Each problem carries the YAML path of the value that caused it, so the loader can report
PATH:LINE:COL; a condition's problem also carries the offset of the exact character.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

from game.scenario import conditions as cond
from game.scenario import models as m
from game.scenario.runtime import Getter
from game.scenario.yaml_loader import YamlPath

AGREEMENT_IN_FORCE = 1
RESERVED_NAMES = {"turn", "turns", "and", "or", "not", "true", "false"}


def propose_action_id(term: str, proposer: str, addressee: str) -> str:
    """Proposals are orders too; their ids cannot clash with action ids (those have no ':')."""
    return f"propose:{term}:{proposer}:{addressee}"


class Reporter:
    """Collects (path, message, offset, key) problems; the loader turns them into PATH:LINE:COL."""

    def __init__(self) -> None:
        self.items: list[tuple[YamlPath, str, int, bool]] = []

    def add(self, path: YamlPath, message: str, offset: int = 0, *, key: bool = False) -> None:
        self.items.append((path, message, offset, key))


class Index:
    """Positions of every id by table, and the checks that look ids up; problems go to ``report``."""

    def __init__(self, scenario: m.Scenario, report: Reporter) -> None:
        self.s = scenario
        self.report = report
        self.track_index = {t.id: i for i, t in enumerate(scenario.tracks)}
        self.role_index = {r.id: i for i, r in enumerate(scenario.roles)}
        self.flag_index = {f.id: i for i, f in enumerate(scenario.flags)}
        self.posture_index = {p.id: i for i, p in enumerate(scenario.postures)}
        self.action_index = {a.id: i for i, a in enumerate(scenario.actions)}
        self.term_index = {t.id: i for i, t in enumerate(scenario.terms)}
        self.event_index = {e.id: i for i, e in enumerate(scenario.events)}
        self.risk_ids = {r.id for r in scenario.risks}
        self.names = cond.Namespace(condition_refs(scenario), condition_hints(scenario))
        self.used_names: set[str] = set()  # every name some condition reads

    def condition(
        self, source: str | None, path: YamlPath, expect: cond.ValueType = cond.BOOL
    ) -> Getter | None:
        """A compiled condition, or None (with a problem at its exact character) if it is wrong."""
        if source is None:
            return None
        try:
            compiled = cond.compile_condition(source, self.names, expect)
            self.used_names |= compiled.names
            return compiled.fn
        except cond.ConditionError as err:
            self.report.add(path, f"condition: {err.message}", err.offset)
            return None

    def need(self, getter: Getter | None) -> Getter:
        """A required condition that failed to compile still needs a stand-in to keep going."""
        return getter if getter is not None else (lambda s: False)

    def lookup(self, table: dict[str, int], name: str, what: str, path: YamlPath) -> int:
        if name in table:
            return table[name]
        close = difflib.get_close_matches(name, list(table), n=1, cutoff=0.7)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        self.report.add(path, f"unknown {what} {name!r}{hint}")
        return 0

    def risks(self, ids: Iterable[str], path: YamlPath) -> tuple[str, ...]:
        out = []
        for i, rid in enumerate(ids):
            if rid not in self.risk_ids:
                self.report.add(path + (i,), f"unknown risk {rid!r} (define it under 'risks')")
            out.append(rid)
        return tuple(out)

    def unique(self, items: Sequence[Any], path: YamlPath, what: str) -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in seen:
                self.report.add(
                    path + (i, "id"), f"duplicate {what} id {item.id!r} (first at item {seen[item.id] + 1})"
                )
            else:
                seen[item.id] = i


def condition_refs(s: m.Scenario) -> dict[str, cond.Ref]:
    """Every name a condition of this scenario may use, and where the state keeps its value."""
    refs: dict[str, cond.Ref] = {
        "turn": cond.Ref(cond.NUM, "turn"),
        "turns": cond.Ref(cond.NUM, "turns", constant=s.turns),
    }
    for i, track in enumerate(s.tracks):
        refs[track.id] = cond.Ref(cond.NUM, "tracks", i)
        refs[f"delta.{track.id}"] = cond.Ref(cond.NUM, "tracks", i, minus="turn_start")
    for i, flag in enumerate(s.flags):
        refs[f"flag.{flag.id}"] = cond.Ref(cond.BOOL, "flags", i)
    for i, posture in enumerate(s.postures):
        choices = tuple(o.id for o in posture.options)
        refs[f"posture.{posture.id}"] = cond.Ref(cond.STR, "postures", i, choices=choices)
    for i, term in enumerate(s.terms):
        refs[f"agreement.{term.id}"] = cond.Ref(cond.BOOL, "agreements", i, equals=AGREEMENT_IN_FORCE)
        refs[f"proposed.{term.id}"] = cond.Ref(cond.BOOL, "proposed", i)
        refs[f"broken.{term.id}"] = cond.Ref(cond.BOOL, "broken", i)
    for i, role in enumerate(s.roles):
        refs[f"capital.{role.id}"] = cond.Ref(cond.NUM, "capital", i)
        refs[f"standing.{role.id}"] = cond.Ref(cond.NUM, "standing", i)
    for i, action in enumerate(s.actions):
        refs[f"used.{action.id}"] = cond.Ref(cond.NUM, "used", i)
        refs[f"streak.{action.id}"] = cond.Ref(cond.NUM, "streak", i)
        if action.covert:
            refs[f"exposed.{action.id}"] = cond.Ref(cond.BOOL, "exposed", i)
            refs[f"active.{action.id}"] = cond.Ref(cond.BOOL, "active", i)
    for i, event in enumerate(s.events):
        refs[f"event.{event.id}"] = cond.Ref(cond.NUM, "drawn", i)
    for i, ending in enumerate(s.endings):
        refs[f"ending.{ending.id}"] = cond.Ref(cond.BOOL, "ending", equals=i)
    for i, beat in enumerate(s.beats):
        refs[f"beat.{beat.id}"] = cond.Ref(cond.NUM, "beats_done", i)
    if s.credibility is not None:
        n = len(s.roles)
        for h, holder in enumerate(s.roles):
            for o, other in enumerate(s.roles):
                if h != o:
                    refs[f"credibility.{holder.id}.{other.id}"] = cond.Ref(cond.NUM, "credibility", h * n + o)
    return refs


def condition_hints(s: m.Scenario) -> dict[str, list[str]]:
    """The ids each ``kind.`` prefix knows, listed when a misspelt name has no close match."""
    return {
        "flag": [f.id for f in s.flags],
        "posture": [p.id for p in s.postures],
        "agreement": [t.id for t in s.terms],
        "proposed": [t.id for t in s.terms],
        "broken": [t.id for t in s.terms],
        "capital": [r.id for r in s.roles],
        "standing": [r.id for r in s.roles],
        "used": [a.id for a in s.actions],
        "exposed": [a.id for a in s.actions if a.covert],
        "active": [a.id for a in s.actions if a.covert],
        "event": [e.id for e in s.events],
        "ending": [e.id for e in s.endings],
        "streak": [a.id for a in s.actions],
        "beat": [b.id for b in s.beats],
        "credibility": [f"{h.id}.{o.id}" for h in s.roles for o in s.roles if h.id != o.id],
        "delta": [t.id for t in s.tracks],
    }
