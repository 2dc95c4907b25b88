"""The causal chain behind each article risk that materialized, for the report.

Which risks materialized is decided once, in ``game.story.risks``. Here each of those
consequences becomes a link of its risk's chain: what happened, on which turns, the harm it did,
where it came from (the order and its turn, the facilitator's reason) and, for a rule, a news
item or the ending, the tracks its condition read, their values at that moment and what had
pushed them there. The walk reads the story's changes in the order they happened.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from game.engine.log import L_NOTE, L_POSTURE, L_TRACK
from game.i18n import text, tr
from game.report.model import Contributor, Driver, Link, RiskReport
from game.report.timeline import track_move
from game.scenario.conditions import ConditionError, tokenize
from game.scenario.runtime import C_DELAYED, C_POSTURE, C_PROGRAMME, Cause, CompiledScenario
from game.story.facts import Change, Story, TurnStory
from game.story.risks import ENDING, KINDS, Consequence, consequences, is_bad
from game.story.words import cause_label, role_name

MAX_PUSHES = 3
_KIND_ORDER = {kind: position for position, kind in enumerate(KINDS)} | {ENDING: len(KINDS) + 1}


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


@dataclass(slots=True)
class Described:
    """A materialized consequence in words: its label, origin and drivers."""

    consequence: Consequence
    label: str
    origin: str = ""
    drivers: tuple[Driver, ...] = ()


@dataclass(slots=True)
class Walker:
    """Walks the story's changes in order, keeping each track's value and who pushed it."""

    story: Story
    values: list[int] = field(default_factory=list)
    pushed: list[Counter[str]] = field(default_factory=list)
    pushed_turn: list[Counter[str]] = field(default_factory=list)
    labels: dict[Cause, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        sc = self.story.scenario
        self.values = list(sc.track_start)
        self.pushed = [Counter() for _ in self.values]
        self.pushed_turn = [Counter() for _ in self.values]

    def label(self, cause: Cause) -> str:
        found = self.labels.get(cause)
        if found is None:
            found = self.labels[cause] = cause_label(self.story.scenario, cause, self.story.notes)
        return found

    def walk(self) -> list[Described]:
        by_turn: dict[int, list[Consequence]] = {}
        for item in consequences(self.story):
            if item.materialized:
                by_turn.setdefault(item.turn, []).append(item)
        out: list[Described] = []
        for turn in self.story.turns:
            for counter in self.pushed_turn:
                counter.clear()
            pending = sorted(by_turn.get(turn.turn, ()), key=lambda c: c.beat.at)
            for change in turn.changes:
                while pending and pending[0].beat.at < change.at:
                    out.append(self.describe(turn, pending.pop(0)))
                self.track(change)
            out.extend(self.describe(turn, item) for item in pending)
        return out

    def track(self, change: Change) -> None:
        if change.kind != L_TRACK:
            return
        self.values[change.subject] += change.value
        label = self.label(change.origin)
        self.pushed[change.subject][label] += change.value
        self.pushed_turn[change.subject][label] += change.value

    # ------------------------------------------------------------------ words

    def describe(self, turn: TurnStory, item: Consequence) -> Described:
        sc = self.story.scenario
        m = sc.model
        beat, kind = item.beat, item.kind
        found = Described(item, self.label(item.cause))
        if kind == "consequence":
            found.label = text(m.rules[beat.subject].headline)
            found.drivers = self.drivers(m.rules[beat.subject].when)
        elif kind == "beat":
            found.label = text(m.beats[beat.subject].headline)
            found.drivers = self.drivers(m.beats[beat.subject].when)
        elif kind in ("news", "inject"):
            found.label = text(m.events[beat.subject].headline)
            if kind == "inject":
                found.origin = tr("report.chain.injected", reason=self.note_before(turn, beat.at))
            else:
                found.drivers = self.drivers(m.events[beat.subject].when)
        elif kind == "exposure":
            exposure = m.actions[beat.subject].exposure
            found.label = text(exposure.headline) if exposure else found.label
            found.origin = self.ordered_in_secret(beat.subject, turn.turn)
        elif kind == "breach" and beat.kind != "upkeep":
            found.label = text(m.terms[beat.subject].breach.headline)
            found.origin = tr("report.chain.broken_by", label=self.label(beat.cause))
        elif kind == ENDING:
            found.label = text(m.endings[beat.subject].name)
            found.drivers = self.drivers(m.endings[beat.subject].when)
        elif kind == "delayed":
            origin, at = item.cause[1], item.cause[2]
            while origin and origin[0] == C_DELAYED:
                origin = origin[1]
            found.origin = tr("report.chain.from_turn", label=self.label(origin), turn=at)
        elif kind == "programme" and item.cause[0] == C_PROGRAMME:
            found.origin = self.ordered_in_secret(item.cause[1], turn.turn)
        elif kind == "posture" and item.cause[0] == C_POSTURE:
            found.origin = self.posture_since(item.cause, turn.turn)
        return found

    def note_before(self, turn: TurnStory, at: int) -> str:
        notes = [b for b in turn.beats if b.kind == L_NOTE and b.at < at]
        return str(notes[-1].value) if notes else ""

    def ordered_in_secret(self, action: int, turn: int) -> str:
        sc = self.story.scenario
        given = [
            t.turn
            for t in self.story.turns
            if t.turn <= turn
            for o in t.orders
            if o.action == action and not o.skipped
        ]
        return tr(
            "report.chain.secret_order",
            role=role_name(sc, sc.actions[action].role),
            action=text(sc.model.actions[action].name),
            turn=given[-1] if given else turn,
        )

    def posture_since(self, cause: Cause, turn: int) -> str:
        """When and by what the posture was last set to the option whose costs these are."""
        since = None
        for story_turn in self.story.turns:
            if story_turn.turn > turn:
                break
            for change in story_turn.changes:
                if change.kind == L_POSTURE and (change.subject, change.value) == (cause[1], cause[2]):
                    since = (story_turn.turn, self.label(change.cause))
        return "" if since is None else tr("report.chain.posture_since", turn=since[0], label=since[1])

    def drivers(self, source: str | None) -> tuple[Driver, ...]:
        sc = self.story.scenario
        out = []
        for track, is_delta in condition_tracks(sc, source):
            pushed = self.pushed_turn[track] if is_delta else self.pushed[track]
            if is_delta:
                value = sum(pushed.values())
                keep = [(label, d) for label, d in pushed.items() if d and (d > 0) == (value > 0)]
            else:
                value = self.values[track]
                keep = [(label, d) for label, d in pushed.items() if is_bad(sc, track, d)]
                if sc.model.tracks[track].good == "neutral":
                    keep = [(label, d) for label, d in pushed.items() if d]
            keep.sort(key=lambda item: (-abs(item[1]), item[0]))
            name = text(sc.model.tracks[track].name)
            if is_delta:
                name = tr("report.chain.change_of", track=name)
            out.append(
                Driver(name, value, tuple(Contributor(label, d, ()) for label, d in keep[:MAX_PUSHES]))
            )
        return tuple(out)


def risk_reports(story: Story) -> tuple[RiskReport, ...]:
    """One entry per article risk of the scenario, in the scenario's order."""
    sc = story.scenario
    described = Walker(story).walk()
    out = []
    for risk in sc.model.risks:
        mine = [d for d in described if risk.id in d.consequence.risks]
        groups: dict[tuple[str, str], list[Described]] = {}
        for item in mine:
            groups.setdefault((item.consequence.kind, item.label), []).append(item)
        chain = [_link(sc, kind, label, members) for (kind, label), members in groups.items()]
        chain.sort(key=lambda link: (link.turns[0], _KIND_ORDER.get(link.kind, 9)))
        turns = tuple(sorted({d.consequence.turn for d in mine}))
        out.append(RiskReport(risk.id, text(risk.name), text(risk.article), bool(chain), turns, tuple(chain)))
    return tuple(out)


def _link(sc: CompiledScenario, kind: str, label: str, members: list[Described]) -> Link:
    harm: Counter[int] = Counter()
    for item in members:
        harm.update(dict(item.consequence.harm))
    first = members[0]
    return Link(
        kind,
        label,
        tuple(sorted({d.consequence.turn for d in members})),
        tuple(track_move(sc, t, d) for t, d in sorted(harm.items()) if d),
        first.origin,
        first.drivers,
    )
