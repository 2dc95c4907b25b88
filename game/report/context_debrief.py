"""The report's closing sections: the improvement plan and the participant feedback form.

An exercise's after-action report ends in an improvement plan (HSEEP's shape): what to sustain,
what to improve, who does it and by when. Its first rows are filled in from this game's own
findings (tracks that ended better or worse, and why) and from the article risks that
materialized, so the debrief starts from evidence; the actions, owners and dates are left blank
for the room to write. The feedback form has the same questions as the printed kit's
(``game.report.feedback``).
"""

from __future__ import annotations

from game.i18n import tr, trn
from game.report.feedback import feedback_form
from game.report.feedback_answers import OPEN_NAMES, RATING_NAMES
from game.report.model import Report
from game.report.sentences import materialized_risks, signed, turn_list

Ctx = dict[str, object]
BLANK_ROWS = 3
DEBRIEF_TITLES = {
    "schedule": "report.h.schedule",
    "plan": "report.h.plan",
    "answers": "report.h.answers",
    "feedback": "report.h.feedback",
}
DEBRIEF_NOTES = {
    "schedule": "report.schedule_note",
    "plan": "report.plan_note",
    "answers": "report.answers_note",
    "feedback": "report.feedback_note",
}


def schedule_section(report: Report) -> Ctx | None:
    """The injects schedule against the game: played or not, and each expected response seen or not."""
    if not report.schedule:
        return None
    rows = [
        {
            "turn": line.turn,
            "headline": line.headline,
            "objective": line.objective,
            "objective_name": line.objective_name,
            "response": line.response,
            "played": line.played,
            "window": line.window,
            "seen": [{"words": words, "met": met} for words, met in line.seen],
            "status": line.status,
            "status_word": line.status_word,
        }
        for line in report.schedule
    ]
    met = sum(1 for line in report.schedule if line.status == "met")
    columns = {
        name: tr(key)
        for name, key in (
            ("turn", "report.schedule.col.turn"),
            ("inject", "report.schedule.col.inject"),
            ("expected", "report.schedule.col.expected"),
            ("done", "report.schedule.col.done"),
        )
    }
    summary = trn("report.schedule.summary", met, total=len(report.schedule))
    return {"rows": rows, "columns": columns, "summary": summary}


def plan_section(report: Report) -> Ctx:
    """Rows to sustain (strengths), then to improve (areas for improvement, materialized risks)."""
    rows: list[dict[str, object]] = []
    for finding in report.strengths:
        because = "; ".join(f"{c.label} ({signed(c.delta)})" for c in finding.because)
        rows.append(_row("sustain", _finding(finding.track, finding.start, finding.end, because)))
    for finding in report.improvements:
        because = "; ".join(f"{c.label} ({signed(c.delta)})" for c in finding.because)
        rows.append(_row("improve", _finding(finding.track, finding.start, finding.end, because)))
    for risk in materialized_risks(report):
        turns = sorted(set(risk.turns))
        words = trn(
            "report.plan.risk", len(turns), id=risk.id, name=risk.name, turns=turn_list(turns), harm=risk.harm
        )
        rows.append(_row("improve", words))
    rows += [_row("", "") for _ in range(BLANK_ROWS)]
    for number, row in enumerate(rows, start=1):
        row["number"] = number
    columns = {
        name: tr(key)
        for name, key in (
            ("number", "report.plan.col.number"),
            ("kind", "report.plan.col.kind"),
            ("observation", "report.plan.col.observation"),
            ("action", "report.plan.col.action"),
            ("who", "report.plan.col.who"),
            ("when", "report.plan.col.when"),
        )
    }
    return {"columns": columns, "rows": rows}


def _row(kind: str, observation: str) -> dict[str, object]:
    word = {"sustain": tr("report.plan.sustain"), "improve": tr("report.plan.improve")}.get(kind, "")
    return {"kind": kind, "kind_word": word, "observation": observation}


def _finding(track: str, start: int, end: int, because: str) -> str:
    words = tr("report.plan.track", track=track, start=start, end=end, change=signed(end - start))
    return f"{words} {tr('report.plan.because', because=because)}" if because else words


def feedback_section(report: Report) -> Ctx:
    """The participant feedback form, the same questions as the printed one."""
    form = feedback_form()
    return {
        "intro": form.intro,
        "fields": list(form.fields),
        "scale": [{"point": n, "words": words} for n, words in enumerate(form.scale, start=1)],
        "ratings": [{"number": r.number, "text": r.text, "objective": r.objective} for r in form.ratings],
        "open": list(form.open_questions),
        "scale_note": tr("report.feedback.scale", low=form.scale[0], high=form.scale[-1]),
    }


def answers_section(report: Report) -> Ctx | None:
    """What the participants answered on the feedback form (kept beside the save), if anyone did."""
    answers = report.feedback
    if answers is None or not answers.sheets:
        return None
    form = feedback_form()
    sheets = answers.sheets
    ratings = []
    for rating, name in zip(form.ratings, RATING_NAMES, strict=True):
        given = [s.ratings[name] for s in sheets if name in s.ratings]
        mean = f"{sum(given) / len(given):.1f}" if given else "–"
        counts = [sum(1 for g in given if g == point) for point in range(1, 6)]
        ratings.append(
            {"number": rating.number, "text": rating.text, "objective": rating.objective, "mean": mean}
            | {"answered": len(given), "counts": counts}
        )
    open_answers = [
        {"question": question, "answers": [s.answers[name] for s in sheets if s.answers.get(name)]}
        for question, name in zip(form.open_questions, OPEN_NAMES, strict=True)
    ]
    words = {"mean": tr("report.answers.mean"), "answered": tr("report.answers.answered")}
    return {
        "summary": trn("report.answers.summary", len(sheets)),
        "skipped": trn("report.answers.skipped", answers.skipped) if answers.skipped else "",
        "ratings": ratings,
        "open": [item for item in open_answers if item["answers"]],
        "points": list(range(1, 6)),
        "words": words,
    }


DEBRIEF_BUILDERS = {
    "schedule": schedule_section,
    "plan": plan_section,
    "answers": answers_section,
    "feedback": feedback_section,
}
