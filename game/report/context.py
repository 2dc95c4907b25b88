"""The after-action report as plain, already-worded values: what the HTML and Markdown templates read.

Built once per rendering from a ``Report``: every sentence is translated here, every number is
formatted here (a change with a true minus, in both formats), every chart is drawn here (SVG from
``svg.py``, the one place that marks markup safe; sparklines for Markdown). The templates only lay
these values out and escape them for their format, so no section is worded twice.

The context is built as dicts and lists and handed over as namespaces (``plain``), so that a
template's ``row.items`` or ``series.values`` is the value and never a dict method. The templates
read it under StrictUndefined: a name that a template expects and the context lacks fails loudly
instead of printing nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import Any

from game.i18n import language, tr
from game.report.context_compare import typical_section, whatif_section
from game.report.context_debrief import DEBRIEF_BUILDERS, DEBRIEF_NOTES, DEBRIEF_TITLES
from game.report.model import Link, OrderLine, Report, Series, TrackMove, TurnReport
from game.report.sentences import (
    change,
    column_titles,
    materialized_on,
    materialized_risks,
    session_facts,
    signed,
    sparkline,
    turn_list,
)
from game.report.svg import BLUE, GREEN, RED, Line, line_chart

Ctx = dict[str, Any]

SECTION_TITLES = {
    "summary": "report.h.summary",
    "objectives": "report.h.objectives",
    "findings": "report.h.findings",
    "timeline": "report.h.timeline",
    "tracks": "report.h.tracks",
    "risks": "report.h.risks",
    "secrets": "report.h.secrets",
    "typical": "report.h.typical",
    "whatif": "report.h.whatif",
    "questions": "report.h.questions",
} | DEBRIEF_TITLES
# Sections with a sentence under their title that says what they are for.
SECTION_NOTES = {
    "objectives": "report.objectives_note",
    "findings": "report.findings_note",
    "timeline": "report.timeline_note",
    "tracks": "report.tracks_note",
    "risks": "report.risks_note",
    "secrets": "report.secrets_note",
    "questions": "report.questions_note",
} | DEBRIEF_NOTES
OUTCOME_KEYS = {
    "success": "report.outcome.success",
    "partial": "report.outcome.partial",
    "failure": "report.outcome.failure",
    "base": "report.outcome.base",
}
LINK_KINDS = {
    "beat": "report.link.beat",
    "consequence": "report.link.consequence",
    "news": "report.link.news",
    "inject": "report.link.inject",
    "exposure": "report.link.exposure",
    "breach": "report.link.breach",
    "posture": "report.link.posture",
    "programme": "report.link.programme",
    "failure": "report.link.failure",
    "delayed": "report.link.delayed",
    "ending": "report.link.ending",
}
GOOD_KEYS = {"high": "report.good.high", "low": "report.good.low", "neutral": "report.good.neutral"}
# Sections that do not start a new page in print.
MINOR = ("summary", "secrets")


def chips(moves: Sequence[TrackMove]) -> list[Ctx]:
    """Track moves: the track, the change, and whether it is good news (None: neither way)."""
    return [{"track": m.track, "delta": signed(m.delta), "better": m.better} for m in moves]


def plain(value: Any) -> Any:
    """Dicts (nested in dicts and lists) as namespaces: attributes only, no methods to shadow them."""
    if isinstance(value, dict):
        return SimpleNamespace(**{key: plain(item) for key, item in value.items()})
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def report_context(report: Report) -> Ctx:
    """Everything both templates read, in the report's language (the one set now)."""
    builders: dict[str, Callable[[Report], Ctx | None]] = {
        "summary": summary_section,
        "objectives": objectives_section,
        "findings": findings_section,
        "timeline": timeline_section,
        "tracks": tracks_section,
        "risks": risks_section,
        "secrets": secrets_section,
        "typical": typical_section,
        "whatif": whatif_section,
        "questions": questions_section,
    } | DEBRIEF_BUILDERS
    sections = []
    for name, build in builders.items():
        data = build(report)
        if data is None:  # a section with nothing to say is left out, from the contents too
            continue
        note = tr(SECTION_NOTES[name]) if name in SECTION_NOTES else ""
        frame = {"id": name, "title": tr(SECTION_TITLES[name]), "note": note, "major": name not in MINOR}
        sections.append(frame | data)
    sub = [report.scenario_title] + ([report.session_name] if report.session_name else [])
    context = {
        "lang": language(),
        "title": report.title,
        "page_title": f"{report.title} - {report.scenario_title}",
        "subtitle": " · ".join(sub),
        "meta": tr("report.meta", seed=report.seed, played=report.turns_played, limit=report.turn_limit),
        "seats": ", ".join(f"{r.name}: {r.seat}" for r in report.roles),
        "banner": tr("report.banner"),
        "contents": tr("report.contents"),
        "sections": sections,
        "footer": tr("report.footer", scenario=report.scenario_id, seed=report.seed),
    }
    return {key: plain(value) for key, value in context.items()}


def summary_section(report: Report) -> Ctx:
    if report.finished:
        ending = tr("report.ending_line", ending=report.ending, turn=report.turns_played)
    else:
        ending = tr("report.unfinished", turn=report.turns_played)
    cols = ("role", "played_by", "score", "needed", "objectives_met")
    return {
        "finished": report.finished,
        "ending": ending,
        "narrative": report.ending_narrative if report.finished else "",
        "common_ground": tr(
            "report.common_ground.yes" if report.common_ground else "report.common_ground.no"
        ),
        "columns": column_titles(*cols),
        "roles": [
            {"name": r.name, "seat": r.seat, "score": r.score, "threshold": r.threshold, "cleared": r.cleared}
            for r in report.roles
        ],
        "met": tr("report.met"),
        "not_met": tr("report.not_met"),
        "facts": session_facts(report),
        "materialized_label": tr("report.materialized_list"),
        "materialized": [
            {"id": r.id, "name": r.name, "harm": tr("report.harm_short", harm=r.harm)}
            for r in materialized_risks(report)
        ],
    }


def objectives_section(report: Report) -> Ctx:
    cols = ("objective", "weight", "start", "end", "change")
    roles = []
    for role in report.roles:
        rows = []
        for o in role.objectives:
            delta = o.end - o.start
            trend = "good" if delta > 0 else "bad" if delta < 0 else ""
            rows.append(
                {
                    "text": o.text,
                    "weight": o.weight,
                    "start": o.start,
                    "end": o.end,
                    "change": change(delta),
                    "trend": trend,
                }
            )
        roles.append(
            {
                "name": role.name,
                "status": tr("report.score_line", score=role.score, threshold=role.threshold),
                "cleared": role.cleared,
                "objectives": rows,
                "end_note": tr("report.role_end", capital=role.capital, standing=role.standing),
            }
        )
    return {"columns": column_titles(*cols), "roles": roles}


def findings_section(report: Report) -> Ctx:
    groups = []
    for title, items, empty in (
        ("report.strengths", report.strengths, "report.none_strengths"),
        ("report.improvements", report.improvements, "report.none_improvements"),
    ):
        found = [
            {
                "track": f.track,
                "start": f.start,
                "end": f.end,
                "change": signed(f.end - f.start),
                "because": "; ".join(f"{c.label} ({signed(c.delta)})" for c in f.because),
            }
            for f in items
        ]
        groups.append({"title": tr(title), "empty": tr(empty), "findings": found})
    return {"because": tr("report.because"), "groups": groups}


def order_context(order: OrderLine, first: bool) -> Ctx:
    """One order: ``first`` is False when it follows another order of the same role."""
    secret = ""
    if order.covert:
        exposed = order.exposed_turn
        secret = tr("report.secret_to_end") if exposed is None else tr("report.secret_until", turn=exposed)
    roll = None
    if order.roll is not None:
        r = order.roll
        mod = f" {signed(r.modifier)}" if r.modifier else ""
        roll = {
            "dice": f"{r.d1}+{r.d2}{mod} = {r.total}",
            "outcome": tr(OUTCOME_KEYS[r.outcome]),
            "source": tr("report.dice.physical") if r.physical else tr("report.dice.computer"),
            "detail": r.outcome_text,
        }
    reason = tr("report.computer_reason", reason=order.reason) if order.reason else ""
    return {
        "role": order.role,
        "first": first,
        "action": order.action,
        "secret": secret,
        "skipped": order.skipped,
        "worn": order.worn,
        "reason": reason,
        "roll": roll,
    }


def turn_context(turn: TurnReport) -> Ctx:
    title = tr("report.turn", n=turn.turn) + ("" if turn.complete else " " + tr("report.turn_in_progress"))
    decisions = [
        {
            "what": tr("report.decision.inject", event=d.event)
            if d.kind == "inject"
            else tr("report.decision.adjust"),
            "reason": d.reason,
            "moves": chips(d.moves),
        }
        for d in turn.decisions
    ]
    answers = [
        {"text": h.text, "reason": tr("report.computer_reason", reason=h.reason) if h.reason else ""}
        for h in turn.happenings
        if h.kind == "answer"
    ]
    orders = [
        order_context(o, i == 0 or turn.orders[i - 1].role != o.role) for i, o in enumerate(turn.orders)
    ]
    followed = [
        {"text": h.text, "risks": list(h.risks), "major": h.major, "secret": h.secret}
        for h in turn.happenings
        if h.kind != "answer"
    ]
    news = tr("report.news", headline=turn.news) if turn.news else ""
    return {
        "number": turn.turn,
        "title": title,
        "news": news,
        "news_risks": list(turn.news_risks),
        "decisions": decisions,
        "answers": answers,
        "orders": orders,
        "followed": followed,
        "moves": chips(turn.moves),
        "notes": list(turn.notes),
    }


def timeline_section(report: Report) -> Ctx:
    words = {
        "facilitator": "report.facilitator",
        "consequences": "report.consequences",
        "net_changes": "report.net_changes",
        "secret": "report.secret",
        "observer": "report.observer",
    }
    return {
        "turns": [turn_context(t) for t in report.timeline],
        "words": {w: tr(key) for w, key in words.items()},
        "columns": column_titles("role", "orders", "check"),
    }


def series_context(item: Series) -> Ctx:
    start, end = item.values[0], item.values[-1]
    better = TrackMove(item.name, end - start, item.good).better
    chart = line_chart(
        tr("report.chart.track", track=item.name, start=start, end=end),
        [Line(item.name, item.values, BLUE)],
        marks=item.adjusted,
        end_color=GREEN if better else RED if better is False else BLUE,
    )
    return {
        "name": item.name,
        "hidden": tr("report.hidden_track") if item.hidden else "",
        "start": start,
        "end": end,
        "change": change(end - start),
        "good": tr(GOOD_KEYS[item.good]),
        "chart": chart,
        "spark": sparkline(item.values),
        "adjusted": bool(item.adjusted),
        "by_turn": list(item.values),
    }


def tracks_section(report: Report) -> Ctx:
    turns = len(report.series[0].values) if report.series else 0
    return {
        "series": [series_context(s) for s in report.series],
        "turns": list(range(turns)),
        "values_title": tr("report.values_table"),
        "columns": column_titles("track", "trend"),
        "note_md": tr("report.tracks_note_md"),
    }


def link_context(link: Link) -> Ctx:
    turns = turn_list(link.turns)
    when = tr("report.on_turns", turns=turns) if len(link.turns) > 1 else tr("report.on_turn", turn=turns)
    drivers = []
    for driver in link.drivers:
        line = tr("report.driver", track=driver.track, value=driver.value)
        pushes = "; ".join(f"{c.label} ({signed(c.delta)})" for c in driver.pushes)
        if pushes:
            line += " " + tr("report.driver_pushed", pushes=pushes)
        drivers.append(line)
    return {
        "kind": tr(LINK_KINDS[link.kind]),
        "when": when,
        "label": link.label,
        "origin": link.origin,
        "moves": chips(link.moves),
        "drivers": drivers,
    }


def risks_section(report: Report) -> Ctx:
    risks = [
        {
            "id": r.id,
            "name": r.name,
            "article": r.article,
            "materialized": r.materialized,
            "status": materialized_on(r.turns) if r.materialized else tr("report.no"),
            "harm": tr("report.harm", harm=r.harm) if r.materialized else "",
            "points": r.harm if r.materialized else "",
            "chain": [link_context(link) for link in r.chain] if r.materialized else [],
        }
        for r in report.risks
    ]
    cols = ("risk", "article", "materialized", "harm")
    return {"columns": column_titles(*cols), "risks": risks}


def secrets_section(report: Report) -> Ctx | None:
    if not report.secrets:
        return None
    rows = [
        {
            "turn": s.turn,
            "role": s.role or tr("report.private_fact"),
            "what": s.what,
            "came_out": tr("report.exposed_on", turn=s.exposed_turn)
            if s.exposed_turn is not None
            else tr("report.never"),
        }
        for s in report.secrets
    ]
    cols = ("turn", "role", "secret", "came_out")
    return {"columns": column_titles(*cols), "rows": rows}


def questions_section(report: Report) -> Ctx:
    questions = [
        {
            "text": q.text,
            "risks": list(q.risks),
            "seen": tr("report.q_materialized", risks=", ".join(q.materialized)) if q.materialized else "",
        }
        for q in report.questions
    ]
    return {"questions": questions}
