"""A saved game as rows for researchers and gradebooks: one per decision, one per change.

Read from the facts of the game (``game.story.facts.tell``: the one pass over the log) and worded
with ``game.story.words``, so a row says what the report says. Every column is documented in
``docs/export.md``; ids are the scenario's own, names and labels are in the current language.
CSV is one table with a ``record`` column (``decision`` or ``change``); JSON is one document with
the game's frame (scenario, seed, seats, tracks, scores) and the two lists, with typed values.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from game.engine import result
from game.engine.log import L_EVENT, L_NOTE, L_ORDER, L_SKIPPED
from game.engine.move import NOTE
from game.i18n import language, text, tr
from game.kit.export_changes import change_rows
from game.scenario.runtime import OUTCOME_NAMES, CompiledScenario
from game.story.facts import Order, Story, TurnStory, tell
from game.story.words import action_name, role_name

EXPORT_FORMATS = ("csv", "json")
EXPORT_VERSION = 1
SHARED = ("record", "turn", "position", "kind", "id", "name")
DECISION_COLUMNS = SHARED + (
    "role",
    "reason",
    "accepted",
    "dice",
    "modifier",
    "total",
    "needed",
    "partial_from",
    "part",
    "physical_dice",
    "skipped",
    "covert",
    "exposed_turn",
)
CHANGE_COLUMNS = SHARED + (
    "delta",
    "value",
    "after",
    "cause_kind",
    "cause_id",
    "cause_part",
    "cause_role",
    "cause_label",
    "risks",
    "secret_during_play",
    "secret_role",
    "delayed_from",
)
COLUMNS = tuple(dict.fromkeys(DECISION_COLUMNS + CHANGE_COLUMNS))

Row = dict[str, Any]


def export_document(session: Any) -> dict[str, Any]:
    """The whole export as one JSON-ready document."""
    state = session.state
    sc: CompiledScenario = state.scenario
    story = tell(state, session.moves)
    scores = result(state).scores
    return {
        "format": "commonground-export",
        "export_version": EXPORT_VERSION,
        "language": language(),
        "scenario": {"id": sc.id, "title": text(sc.model.title), "hash": sc.content_hash, "turns": sc.turns},
        "seed": session.seed,
        "seats": [str(seat) for seat in session.seats],
        "turns_played": len(state.history),
        "ending": sc.model.endings[state.ending].id if state.ending >= 0 else None,
        "tracks": [
            {"id": t.id, "name": text(t.name), "start": sc.track_start[i], "end": state.tracks[i]}
            for i, t in enumerate(sc.model.tracks)
        ],
        "roles": [
            {
                "id": sc.role_ids[r],
                "name": role_name(sc, r, short=False),
                "score": score.score,
                "threshold": score.threshold,
                "cleared": score.cleared,
            }
            for r, score in enumerate(scores)
        ],
        "decisions": with_notes(list(decision_rows(story)), session.moves),
        "changes": list(change_rows(story)),
    }


def export_text(session: Any, fmt: str) -> str:
    """The export as CSV (one table, a ``record`` column) or as a JSON document."""
    if fmt == "json":
        return json.dumps(export_document(session), indent=1, ensure_ascii=False) + "\n"
    if fmt != "csv":
        raise ValueError(f"unknown export format {fmt!r} (choose from: {', '.join(EXPORT_FORMATS)})")
    document = export_document(session)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="raise")
    writer.writeheader()
    for row in document["decisions"] + document["changes"]:
        writer.writerow({key: cell(value) for key, value in row.items()})
    return buffer.getvalue()


def cell(value: Any) -> str:
    """A value in a CSV cell: true/false, numbers as digits, lists joined by ';', None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    return str(value)


# ----------------------------------------------------------------------------- decisions


def decision_rows(story: Story) -> Iterator[Row]:
    """Each turn's decisions in the order they happened: facilitator decisions, answers, orders."""
    for turn in story.turns:
        rows = list(facilitator_rows(story, turn)) + list(answer_rows(story, turn))
        rows += [order_row(story, turn, order) for order in turn.orders]
        rows.sort(key=lambda row: (row["position"] is None, row["position"] or 0))
        yield from rows


def with_notes(rows: list[Row], moves: Any) -> list[Row]:
    """The facilitator's observer notes as decisions of kind ``note`` (text in ``reason``), each
    after the other decisions of its turn: a note changes nothing, so it has no log position."""
    notes = []
    for number, move in enumerate(m for m in moves if m.kind == NOTE):
        row = _row(move.turn, None, "note", f"note_{number + 1}", tr("report.observer"))
        row["reason"] = move.reason
        notes.append(row)
    return sorted(rows + notes, key=lambda row: row["turn"])  # stable: a turn's notes come last


def _row(turn: int, position: int | None, kind: str, ident: str, name: str) -> Row:
    row: Row = dict.fromkeys(DECISION_COLUMNS)
    row.update(record="decision", turn=turn, position=position, kind=kind, id=ident, name=name)
    return row


def facilitator_rows(story: Story, turn: TurnStory) -> Iterator[Row]:
    """A facilitator's decision: an inject (the event that follows its note) or an adjudication."""
    sc = story.scenario
    beats = turn.beats
    for position, beat in enumerate(beats):
        if beat.kind != L_NOTE:
            continue
        following = beats[position + 1] if position + 1 < len(beats) else None
        if following is not None and following.kind == L_EVENT and following.value:
            event = sc.model.events[following.subject]
            row = _row(turn.turn, beat.at, "facilitator", event.id, text(event.headline))
        else:
            row = _row(turn.turn, beat.at, "facilitator", "adjust", tr("report.decision.adjust"))
        row["reason"] = str(beat.value)
        yield row


def answer_rows(story: Story, turn: TurnStory) -> Iterator[Row]:
    sc = story.scenario
    at = {(b.subject, b.value[0]): b.at for b in turn.beats if b.kind == "answer"}
    for answer in turn.answers:
        term = sc.model.terms[answer.term]
        row = _row(turn.turn, at.get((answer.term, answer.role)), "answer", term.id, text(term.name))
        row.update(role=sc.role_ids[answer.role], accepted=answer.accepted, reason=answer.reason)
        yield row


def order_row(story: Story, turn: TurnStory, order: Order) -> Row:
    sc = story.scenario
    at = next(
        (b.at for b in turn.beats if b.kind in (L_ORDER, L_SKIPPED) and b.subject == order.action), None
    )
    row = _row(turn.turn, at, "order", sc.actions[order.action].id, action_name(sc, order.action))
    row.update(
        role=sc.role_ids[order.role],
        reason=order.reason,
        skipped=order.skipped or None,
        covert=order.covert,
        exposed_turn=order.exposed_on if order.covert else None,
    )
    if order.dice is not None:
        dice = order.dice
        row.update(
            dice=f"{dice.d1}+{dice.d2}",
            modifier=dice.modifier,
            total=dice.total,
            needed=dice.target,
            partial_from=dice.partial_from if dice.partial_from < dice.target else None,
            part=OUTCOME_NAMES[dice.part],
            physical_dice=dice.physical,
        )
    return row
