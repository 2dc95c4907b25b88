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
from game.report.model import Report
from game.report.sentences import materialized_risks, signed, turn_list

Ctx = dict[str, object]
BLANK_ROWS = 3
DEBRIEF_TITLES = {"plan": "report.h.plan", "feedback": "report.h.feedback"}
DEBRIEF_NOTES = {"plan": "report.plan_note", "feedback": "report.feedback_note"}


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


DEBRIEF_BUILDERS = {"plan": plan_section, "feedback": feedback_section}
