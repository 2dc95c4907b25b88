"""What may end the game and what acts every turn, for the browser pages: read from
``game.story.outlook`` (the window and the terminal read the same), never re-derived here.

Each part works on the seat's redacted view, so a posture option or an ending judged on a track
the seat may not see is never given away.
"""

from __future__ import annotations

from typing import Any

from game.engine import State
from game.i18n import text, tr, trn
from game.scenario.runtime import CompiledScenario
from game.story.outlook import answer_preview, marks_on, near_endings, risk_label, running


def marks(sc: CompiledScenario, track: int) -> list[str]:
    """The ending marks on one track in words: '≤ 18: The US public turns away'."""
    shown = []
    for mark in marks_on(sc, track):
        name = text(sc.model.endings[mark.ending].name)
        key = "host.mark.alone" if mark.alone else "host.mark.with_others"
        key = "host.mark.final" if mark.final else key
        shown.append(tr(key, op=_op(mark.op), value=mark.value, ending=name))
    return shown


def near(view: State) -> list[str]:
    """Warnings of endings one typical turn could bring, nearest first."""
    sc = view.scenario
    out = []
    for coming in near_endings(view):
        where = ", ".join(
            tr(
                "host.near.mark",
                track=text(sc.model.tracks[m.track].name),
                now=now,
                op=_op(m.op),
                value=m.value,
            )
            for m, now in coming.marks
        )
        name = text(sc.model.endings[coming.ending].name)
        out.append(trn("host.near.item", coming.distance, ending=name, where=where))
    return out


def ongoing(view: State) -> list[dict[str, Any]]:
    """Postures (as this seat knows them) and agreements in force, each with what it does a turn."""
    out = []
    for item in running(view):
        when = ""
        if item.kind == "agreement":
            when = tr("host.running.since", turn=item.since)
            if item.sunset:
                when = tr("host.running.until", turn=item.since, last=item.sunset)
        out.append({"kind": item.kind, "name": item.name, "when": when, "effects": list(item.effects)})
    return out


def preview(sc: CompiledScenario, term: int) -> dict[str, Any]:
    """What accepting or rejecting a proposal does, at once and every turn after."""
    found = answer_preview(sc, term)
    return {
        "accept": list(found.accept),
        "reject": list(found.reject),
        "each_turn": list(found.each_turn),
        "sunset": trn("host.preview.sunset", found.sunset) if found.sunset else "",
    }


def risk_names(sc: CompiledScenario, codes: list[str] | tuple[str, ...]) -> list[str]:
    """'R7 Balloon effect' for each code: no bare code during play."""
    return [risk_label(sc, code) for code in codes]


def _op(op: str) -> str:
    return {">=": "≥", "<=": "≤", "==": "=", "!=": "≠"}.get(op, op)
