"""From a validated model to runtime tables, checking every cross-reference on the way.

The work is split by table: ``crossref`` (the ids and the condition names), ``compile_effects``,
``compile_roles`` (roles, postures), ``compile_actions`` (actions, terms, proposals),
``compile_rules`` (rules, events, endings, risks by cause) and ``texts``. This module runs them
in order and assembles the flat tables the engine's hot path reads. Each problem carries the
YAML path of the value that caused it, so the loader can report PATH:LINE:COL.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from game.scenario import models as m
from game.scenario.compile_actions import compile_action, compile_term, proposal_actions
from game.scenario.compile_code import hot_code
from game.scenario.compile_dynamics import compile_beat, compile_credibility, with_fatigue
from game.scenario.compile_roles import compile_posture, compile_role
from game.scenario.compile_rules import cause_risks, compile_endings, compile_event, compile_rule
from game.scenario.crossref import RESERVED_NAMES, Index, Reporter
from game.scenario.runtime import (
    ACTION_PLAIN,
    ACTION_PROPOSE,
    CAction,
    CBeat,
    CompiledScenario,
    CRule,
    CTerm,
    Getter,
    Secrets,
)
from game.scenario.texts import check_texts

_TABLES = (
    ("risks", "risk"),
    ("tracks", "track"),
    ("roles", "role"),
    ("flags", "flag"),
    ("postures", "posture"),
    ("actions", "action"),
    ("terms", "term"),
    ("rules", "rule"),
    ("events", "event"),
    ("beats", "beat"),
    ("endings", "ending"),
)

OrderRow = tuple[int, int, int, bool, int, Getter | None, int]


class Compiler:
    """Compiles one scenario; every problem found is in ``report`` afterwards."""

    def __init__(self, scenario: m.Scenario) -> None:
        self.s = scenario
        self.report = Reporter()
        self.ix = Index(scenario, self.report)

    def compile(self, content_hash: str, source_path: str) -> CompiledScenario:
        s, ix = self.s, self.ix
        self.check_ids()
        check_texts(s, self.report)
        roles = tuple(compile_role(ix, i, r) for i, r in enumerate(s.roles))
        postures = tuple(compile_posture(ix, i, p) for i, p in enumerate(s.postures))
        terms = tuple(compile_term(ix, i, t) for i, t in enumerate(s.terms))
        actions = [with_fatigue(compile_action(ix, i, a), a.fatigue) for i, a in enumerate(s.actions)]
        actions.extend(proposal_actions(ix, len(actions)))
        rules = tuple(compile_rule(ix, i, r) for i, r in enumerate(s.rules))
        events = tuple(compile_event(ix, i, e) for i, e in enumerate(s.events))
        beats = tuple(compile_beat(ix, i, b) for i, b in enumerate(s.beats))
        endings, fallback = compile_endings(ix)
        for i, question in enumerate(s.debrief.questions):
            ix.risks(question.risks, ("debrief", "questions", i, "risks"))
        by_role = self.actions_by_role(actions)
        orders = order_table(actions, terms, by_role)
        rule_rows = rule_table(rules)
        secrets = self.secrets(actions)
        event_rows = tuple((e.index, e.weight, e.once, e.when, e.weight_modifiers) for e in events)
        return CompiledScenario(
            model=s,
            content_hash=content_hash,
            source_path=source_path,
            track_ids=tuple(t.id for t in s.tracks),
            track_start=tuple(t.start for t in s.tracks),
            role_ids=tuple(r.id for r in s.roles),
            flag_ids=tuple(f.id for f in s.flags),
            flag_start=tuple(f.start for f in s.flags),
            roles=roles,
            postures=postures,
            actions=tuple(actions),
            terms=terms,
            rules=rules,
            events=events,
            endings=endings,
            fallback_ending=fallback,
            secrets=secrets,
            beats=beats,
            beats_by_turn=beats_by_turn(beats, s.turns),
            credibility=compile_credibility(ix),
            dynamic=self.dynamic(actions, beats),
            action_index={a.id: a.index for a in actions},
            track_index=dict(ix.track_index),
            role_index=dict(ix.role_index),
            term_index=dict(ix.term_index),
            event_index=dict(ix.event_index),
            actions_by_role=tuple(tuple(x) for x in by_role),
            order_table=orders,
            needs_view=needs_view(actions, orders, secrets, s),
            risks_by_cause=cause_risks(s, actions),
            rule_table=rule_rows,
            event_table=event_rows,
            code=hot_code(ix.names, orders, [r.action_points for r in roles], rule_rows, event_rows, endings),
        )

    def dynamic(self, actions: Sequence[CAction], beats: Sequence[Any]) -> bool:
        read = any(n.startswith(("streak.", "beat.", "credibility.")) for n in self.ix.used_names)
        tired = any(a.fatigue_after for a in actions)
        return read or tired or bool(beats) or self.s.credibility is not None

    def check_ids(self) -> None:
        """Unique ids in every table, flags seen by known roles, track ids that are not keywords."""
        s, ix = self.s, self.ix
        for name, what in _TABLES:
            ix.unique(getattr(s, name), (name,), what)
        for i, flag in enumerate(s.flags):
            for j, role in enumerate(flag.visible_to):
                ix.lookup(ix.role_index, role, "role", ("flags", i, "visible_to", j))
            if flag.public and flag.visible_to:
                self.report.add(
                    ("flags", i, "visible_to"), "'visible_to' is only for flags with public: false"
                )
        for i, track in enumerate(s.tracks):
            if track.id in RESERVED_NAMES:
                self.report.add(("tracks", i, "id"), f"{track.id!r} is a reserved word; pick another id")
            ix.risks(track.risks, ("tracks", i, "risks"))

    def actions_by_role(self, actions: Sequence[CAction]) -> list[list[int]]:
        """Each role's orders by index; a role with no plain action is a problem."""
        by_role: list[list[int]] = [[] for _ in self.s.roles]
        for action in actions:
            by_role[action.role].append(action.index)
        for i, role in enumerate(self.s.roles):
            if not any(actions[a].kind == ACTION_PLAIN for a in by_role[i]):
                self.report.add(("roles", i, "id"), f"role {role.id!r} has no actions")
        return by_role

    def secrets(self, actions: Sequence[CAction]) -> Secrets:
        s, role_index = self.s, self.ix.role_index
        return Secrets(
            covert_actions=tuple(a.index for a in actions if a.covert),
            hidden_tracks=frozenset(i for i, t in enumerate(s.tracks) if t.hidden),
            private_flags=frozenset(i for i, f in enumerate(s.flags) if not f.public),
            flag_viewers=tuple(
                frozenset(role_index[r] for r in f.visible_to if r in role_index) for f in s.flags
            ),
            covert_postures=any(o.covert for p in s.postures for o in p.options),
            others_covert=tuple(
                tuple(a.index for a in actions if a.covert and a.role != role) for role in range(len(s.roles))
            ),
        )


def order_table(
    actions: Sequence[CAction], terms: Sequence[CTerm], by_role: list[list[int]]
) -> tuple[tuple[OrderRow, ...], ...]:
    """Per role, (index, ap, capital, once, cooldown, requirement, term or -1) for each order."""

    def row(a: CAction) -> OrderRow:
        proposal = a.kind == ACTION_PROPOSE
        requires = terms[a.term].requires if proposal else a.requires
        return (a.index, a.ap, a.capital, a.once, a.cooldown, requires, a.term if proposal else -1)

    return tuple(tuple(row(actions[a]) for a in indexes) for indexes in by_role)


def rule_table(rules: Sequence[CRule]) -> tuple[tuple[Any, ...], ...]:
    """Rules as (index, when, once, cooldown, delay, effects with the rule's delay added, cause,
    percent chance)."""
    return tuple(
        (
            r.index,
            r.when,
            r.once,
            r.cooldown,
            r.delay,
            tuple(dataclasses.replace(e, delay=e.delay + r.delay) for e in r.effects),
            r.cause,
            r.chance,
        )
        for r in rules
    )


def needs_view(
    actions: Sequence[CAction], orders: Sequence[Sequence[OrderRow]], secrets: Secrets, s: m.Scenario
) -> tuple[bool, ...]:
    """Per action, whether its requirement reads a cell that its role's view may change
    (``engine.view.redact``); a requirement without a list of its reads counts as one that does."""
    requirement = {row[0]: row[5] for rows in orders for row in rows}
    hidden_by_role = [view_hidden_cells(actions, secrets, s, role) for role in range(len(s.roles))]
    out = []
    for action in actions:
        requires = requirement[action.index]
        reads = getattr(requires, "reads", None)
        out.append(
            requires is not None and (reads is None or not reads.isdisjoint(hidden_by_role[action.role]))
        )
    return tuple(out)


def view_hidden_cells(
    actions: Sequence[CAction], secrets: Secrets, s: m.Scenario, role: int
) -> frozenset[tuple[str, int]]:
    """The cells (attribute, index) that ``role``'s view may show otherwise than the state."""
    cells = set()
    for a in secrets.covert_actions:
        if actions[a].role != role:
            cells.update((attr, a) for attr in ("used", "last_used", "streak", "active"))
    cells.update(("capital", other) for other in range(len(s.roles)) if other != role)
    for index, posture in enumerate(s.postures):
        if posture.owner != s.roles[role].id:
            cells.add(("postures", index))
    cells.update(cell for t in secrets.hidden_tracks for cell in (("tracks", t), ("turn_start", t)))
    cells.update(("flags", f) for f in secrets.private_flags if role not in secrets.flag_viewers[f])
    return frozenset(cells)


def beats_by_turn(beats: Sequence[CBeat], turns: int) -> tuple[tuple[CBeat, ...], ...]:
    """Per turn, the beats that may come then: at that turn, or after a flag (any turn)."""
    return tuple(
        tuple(b for b in beats if b.turn < 0 or (b.turn == turn and turn <= turns))
        for turn in range(turns + 2)
    )
