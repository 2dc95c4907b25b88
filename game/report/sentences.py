"""Sentences shared by the HTML and Markdown reports: the facts of a session, the "how typical" analysis,
and the way a change is written (one way in both formats)."""

from __future__ import annotations

from collections.abc import Sequence

from game.i18n import tr, trn
from game.report.model import Report, RiskReport
from game.report.typical import Typical
from game.story.words import LEVEL_KEYS


def signed(value: int) -> str:
    """A change with its sign, written with a true minus (U+2212): "+3", "−4"."""
    return f"{value:+d}".replace("-", "\u2212")


def change(value: int) -> str:
    """A change that may be none: "0" rather than "+0"."""
    return signed(value) if value else "0"


COLUMN_TITLES = {
    "article": "report.col.article",
    "came_out": "report.col.came_out",
    "change": "report.col.change",
    "check": "report.col.check",
    "end": "report.col.end",
    "ending": "report.col.ending",
    "harm": "report.col.harm",
    "materialized": "report.col.materialized",
    "median_computer": "report.col.median_computer",
    "median_same": "report.col.median_same",
    "needed": "report.col.needed",
    "objective": "report.col.objective",
    "objectives_met": "report.col.objectives_met",
    "orders": "report.col.orders",
    "played_by": "report.col.played_by",
    "rank_computer": "report.col.rank_computer",
    "rank_same": "report.col.rank_same",
    "risk": "report.col.risk",
    "role": "report.col.role",
    "score": "report.col.score",
    "secret": "report.col.secret",
    "start": "report.col.start",
    "track": "report.col.track",
    "trend": "report.col.trend",
    "turn": "report.col.turn",
    "weight": "report.col.weight",
    "what": "report.col.what",
    "yours": "report.col.yours",
}


def column_titles(*names: str) -> dict[str, str]:
    """Table headings by name: ``column_titles("role", "score")["role"]`` is "Role"."""
    return {name: tr(COLUMN_TITLES[name]) for name in names}


SPARK = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[int]) -> str:
    """A 0-100 series as block characters: the chart of a track where there are no charts (Markdown)."""
    return "".join(SPARK[min(len(SPARK) - 1, max(v, 0) * len(SPARK) // 101)] for v in values)


def session_facts(report: Report) -> list[str]:
    """Injects, adjudications, dice and covert programmes, one sentence each."""
    counts = report.counts
    return [
        tr("report.count.injects", n=counts.get("injects", 0)),
        tr("report.count.adjustments", n=counts.get("adjustments", 0)),
        tr(
            "report.count.dice",
            physical=counts.get("physical_dice", 0),
            computer=counts.get("computer_dice", 0),
        ),
        tr("report.count.covert", n=counts.get("covert", 0), exposed=counts.get("exposures", 0)),
    ]


def materialized_risks(report: Report) -> list[RiskReport]:
    """The risks that came true, the most harmful first."""
    return sorted((r for r in report.risks if r.materialized), key=lambda r: -r.harm)


def level_name(level: str) -> str:
    """A computer player's level in the report's language ("easy" is "fácil" in Spanish);
    a level the catalog does not name is shown as given."""
    key = LEVEL_KEYS.get(level)
    return tr(key) if key else level


def ending_sentence(report: Report, data: Typical) -> str:
    """How often this game's ending came up in each distribution."""
    mine = report.this_ending
    n = max(data.games, 1)
    a = data.computer.ending_counts().get(mine, 0) / n
    b = data.same_orders.ending_counts().get(mine, 0) / n
    return tr("report.typical.ending", ending=report.ending, computer=f"{a:.0%}", same=f"{b:.0%}")


def drops_sentence(data: Typical) -> str:
    """What the replays under other seeds could not repeat, counted."""
    share = data.dropped_orders / data.given_orders if data.given_orders else 0.0
    text = trn(
        "report.typical.drops",
        data.dropped_orders,
        dropped=f"{data.dropped_orders:,}",
        given=f"{data.given_orders:,}",
        share=f"{share:.1%}",
        games=f"{data.games_with_drops:,}",
        total=f"{data.games:,}",
    )
    if data.dropped_other:
        text += " " + trn("report.typical.dropped_other", data.dropped_other, n=f"{data.dropped_other:,}")
    if data.still_open:
        text += " " + trn(
            "report.typical.still_open", data.still_open, n=f"{data.still_open:,}", turn=data.this_game_turns
        )
    if data.stand_in_decisions:
        text += " " + trn(
            "report.typical.stand_ins",
            data.stand_in_decisions,
            n=f"{data.stand_in_decisions:,}",
            level=level_name(data.level),
        )
    return text


def turn_list(turns: Sequence[int]) -> str:
    """Turns as short ranges: 1, 2, 3, 5, 7, 8 -> "1-3, 5, 7-8" (with an en dash)."""
    out: list[str] = []
    ordered = sorted(set(turns))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(f"{ordered[i]}\u2013{ordered[j]}")
        else:
            out.extend(str(t) for t in ordered[i : j + 1])
        i = j + 1
    return ", ".join(out)


def materialized_on(turns: Sequence[int]) -> str:
    """The "yes, turn 4" or "yes, turns 3-5, 9" of a risk: the word agrees with the count."""
    return trn("report.yes_turns", len(set(turns)), turns=turn_list(turns))


def ending_rows(report: Report, data: Typical) -> list[tuple[str, float, float, bool]]:
    """(ending, share among computer games, share among replays, is this game's) per ending,
    plus a row for replays not over when the recorded game ended, if there were any."""
    n = max(data.games, 1)
    a, b = data.computer.ending_counts(), data.same_orders.ending_counts()
    rows = [
        (name, a.get(i, 0) / n, b.get(i, 0) / n, i == report.this_ending)
        for i, name in enumerate(report.ending_names)
    ]
    if a.get(-1, 0) or b.get(-1, 0):
        rows.append(
            (
                tr("report.typical.open_row", turn=data.this_game_turns),
                a.get(-1, 0) / n,
                b.get(-1, 0) / n,
                False,
            )
        )
    return rows
