"""The report's two comparisons with other games as template values: "how typical" and "what if".

Part of the shared context (see ``game.report.context``): sentences worded, shares and ranks
formatted, charts drawn, so the HTML and Markdown templates only lay them out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.i18n import tr, trn
from game.report.model import Report, TurnReport
from game.report.sentences import (
    column_titles,
    drops_sentence,
    ending_rows,
    ending_sentence,
    level_name,
    signed,
    sparkline,
)
from game.report.svg import BLUE, ORANGE, SKY, Bar, Line, bar_chart, histogram, line_chart
from game.report.typical import Typical, median, percentile_rank

if TYPE_CHECKING:
    from game.report.whatif import Comparison

Ctx = dict[str, Any]

STATS = ("yours", "median_computer", "rank_computer", "median_same", "rank_same")


TYPICAL_WORDS = {
    "read": "report.typical.read",
    "endings": "report.typical.endings",
    "scores": "report.typical.scores",
    "scores_note": "report.typical.scores_note",
    "tracks": "report.typical.tracks",
    "rank_note": "report.typical.rank_note",
}
WHATIF_WORDS = {
    "method": "report.whatif.method",
    "no_divergence": "report.whatif.no_divergence",
    "where": "report.whatif.where",
    "outcome": "report.whatif.outcome",
    "tracks": "report.whatif.tracks",
    "side_by_side": "report.whatif.side_by_side",
    "original": "report.whatif.original",
    "changed": "report.whatif.changed",
    "not_played": "report.whatif.not_played",
}


def standing(values: list[int], mine: int, prefix: str) -> Ctx:
    """Where ``mine`` stands among ``values``: their median and its percentile, formatted."""
    return {
        f"median_{prefix}": f"{median(values):g}",
        f"rank_{prefix}": f"{percentile_rank(values, mine):.0f}",
    }


def typical_section(report: Report) -> Ctx:
    """The "how typical" section; ``data`` None with the sentence saying why it is missing."""
    data = report.typical
    if data is None:
        return {"data": None, "absent": report.typical_note or tr("report.typical.none")}
    computer, same = tr("report.typical.computer"), tr("report.typical.same")
    rows = ending_rows(report, data)
    chart = bar_chart(
        tr("report.typical.endings"),
        [Bar(name, (a, b), mine) for name, a, b, mine in rows],
        [(computer, SKY), (same, ORANGE)],
    )
    yours = tr("report.yes") if data.this_game.common_ground else tr("report.no")
    common = tr(
        "report.typical.common",
        computer=f"{data.computer.common_ground_share():.0%}",
        same=f"{data.same_orders.common_ground_share():.0%}",
        yours=yours,
    )
    tracks = []
    for i, s in enumerate(report.series):
        mine = data.this_game.tracks[i]
        a, b = data.computer.track_values(i), data.same_orders.track_values(i)
        tracks.append(
            {"name": s.name, "mine": mine, **standing(a, mine, "computer"), **standing(b, mine, "same")}
        )
    words = TYPICAL_WORDS
    return {
        "data": True,
        "intro": trn(
            "report.typical.intro", data.games, games=f"{data.games:,}", level=level_name(data.level)
        ),
        "words": {w: tr(key) for w, key in words.items()},
        "ending": ending_sentence(report, data),
        "computer": computer,
        "same": same,
        "endings": [
            {"name": name, "computer": f"{a:.0%}", "same": f"{b:.0%}", "mine": mine}
            for name, a, b, mine in rows
        ],
        "endings_chart": chart,
        "columns": column_titles("ending", "role", "track", *STATS),
        "roles": role_scores(report, data, computer, same),
        "common": common,
        "tracks": tracks,
        "drops": drops_sentence(data),
    }


def role_scores(report: Report, data: Typical, computer: str, same: str) -> list[Ctx]:
    """Each role's score among the two kinds of other games: figures, percentiles, medians."""
    roles = []
    for r, role in enumerate(report.roles):
        mine = data.this_game.scores[r]
        charts = []
        for dist, name, color in ((data.computer, computer, SKY), (data.same_orders, same, ORANGE)):
            values = dist.scores(r)
            svg = histogram(
                f"{role.name}: {name}",
                values,
                mine,
                role.threshold,
                color=color,
                marker_label=tr("report.typical.marker", score=mine),
            )
            caption = tr(
                "report.typical.rank",
                name=name,
                rank=round(percentile_rank(values, mine)),
                median=f"{median(values):g}",
                cleared=f"{dist.cleared_share(r):.0%}",
            )
            charts.append({"svg": svg, "caption": caption})
        a, b = data.computer.scores(r), data.same_orders.scores(r)
        roles.append(
            {
                "name": role.name,
                "mine": mine,
                "your_score": tr("report.typical.your_score", score=mine),
                "charts": charts,
                **standing(a, mine, "computer"),
                **standing(b, mine, "same"),
            }
        )
    return roles


# ----------------------------------------------------------------------------- what if


def whatif_section(report: Report) -> Ctx | None:
    c = report.whatif
    if c is None:
        return None
    before = ", ".join(c.before) or tr("report.pass")
    after = ", ".join(c.after) or tr("report.pass")
    section: Ctx = {
        "question": tr("report.whatif.question", role=c.role, turn=c.turn, after=after, before=before),
        "words": {w: tr(key) for w, key in WHATIF_WORDS.items()},
        "diverged": c.diverged,
    }
    if not c.diverged:
        return section
    notes = []
    if c.recomputed:
        notes.append(tr("report.whatif.recomputed", roles=", ".join(c.recomputed)))
    if c.dropped_orders:
        notes.append(tr("report.whatif.dropped", n=c.dropped_orders))
    if c.stand_in:
        notes.append(trn("report.whatif.stand_in", c.stand_in))
    return section | {
        "columns": column_titles("turn", "what", "track", "change"),
        "partings": [
            {"turn": p.turn, "what": p.what, "original": p.original, "changed": p.whatif} for p in c.partings
        ],
        "outcomes": outcome_rows(c),
        "gaps": gap_rows(c),
        "turns": side_by_side(c),
        "notes": " ".join(notes),
    }


def outcome_rows(c: Comparison) -> list[Ctx]:
    """How each game ended: the ending, then each role's score and whether it cleared."""
    rows = [
        {
            "label": tr("report.whatif.ending"),
            "original": tr("report.ending_line", ending=c.original.ending, turn=c.original.turns),
            "changed": tr("report.ending_line", ending=c.whatif.ending, turn=c.whatif.turns),
        }
    ]
    for (name, a, threshold, ok_a), (_, b, _, ok_b) in zip(c.original.scores, c.whatif.scores, strict=True):
        rows.append(
            {
                "label": tr("report.whatif.score_of", role=name, threshold=threshold),
                "original": f"{a} {'✓' if ok_a else '✗'}",
                "changed": f"{b} {'✓' if ok_b else '✗'}",
            }
        )
    return rows


def gap_rows(c: Comparison) -> list[Ctx]:
    """The tracks that ended furthest apart, largest gap first, with both games' lines."""
    by_name = {s.name: (s, t) for s, t in zip(c.original.series, c.whatif.series, strict=True)}
    original, changed = tr("report.whatif.original"), tr("report.whatif.changed")
    rows = []
    for name, a, b, _ in c.gaps:
        sa, sb = by_name[name]
        chart = line_chart(
            tr("report.whatif.chart", track=name),
            [Line(original, sa.values, BLUE), Line(changed, sb.values, ORANGE, "5 3")],
            height=170,
            legend=True,
        )
        rows.append(
            {
                "name": name,
                "original": a,
                "changed": b,
                "change": signed(b - a),
                "chart": chart,
                "spark_original": sparkline(sa.values),
                "spark_changed": sparkline(sb.values),
            }
        )
    return rows


def turn_cell(turn: TurnReport | None, other: TurnReport | None) -> Ctx | None:
    """One game's turn, each line marked ``shared`` if the other game had it too (None: not played)."""
    if turn is None:
        return None
    theirs = {(o.role, o.action) for o in other.orders} if other is not None else set()
    said = {h.text for h in other.happenings} if other is not None else set()
    news = None
    if turn.news:
        news = {"text": turn.news, "shared": other is not None and other.news == turn.news}
    return {
        "news": news,
        "decisions": [
            {"event": d.event or tr("report.decision.adjust"), "reason": d.reason} for d in turn.decisions
        ],
        "orders": [
            {"role": o.role, "action": o.action, "shared": (o.role, o.action) in theirs} for o in turn.orders
        ],
        "major": [{"text": h.text, "shared": h.text in said} for h in turn.happenings if h.major],
    }


def side_by_side(c: Comparison) -> list[Ctx]:
    """Both games turn by turn from the changed turn; ``differs`` marks the turns that are not alike."""
    a = {t.turn: t for t in c.original.timeline}
    b = {t.turn: t for t in c.whatif.timeline}
    rows = []
    for turn in sorted(set(a) | set(b)):
        ta, tb = a.get(turn), b.get(turn)
        differs = (
            ta is None
            or tb is None
            or (ta.orders, ta.happenings, ta.news) != (tb.orders, tb.happenings, tb.news)
        )
        rows.append(
            {"turn": turn, "differs": differs, "original": turn_cell(ta, tb), "changed": turn_cell(tb, ta)}
        )
    return rows
