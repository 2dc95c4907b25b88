"""The after-action report as Markdown: the same sections as the HTML, charts as sparklines.

Text from a scenario or a save is escaped for Markdown (no stray tables, links or HTML from a
facilitator's reason), so the file renders as intended wherever it is pasted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from game.i18n import tr
from game.report.model import Finding, Link, OrderLine, Report, TrackMove, TurnReport
from game.report.sentences import (
    drops_sentence,
    ending_rows,
    ending_sentence,
    level_name,
    materialized_on,
    materialized_risks,
    session_facts,
    turn_list,
)
from game.report.typical import Typical, median, percentile_rank

SPARK = "▁▂▃▄▅▆▇█"
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def md(value: object) -> str:
    """Escape Markdown and HTML specials and keep it on one line (safe in a table cell)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def signed(value: int) -> str:
    return f"{value:+d}"


def sparkline(values: Sequence[int]) -> str:
    return "".join(SPARK[min(len(SPARK) - 1, max(v, 0) * len(SPARK) // 101)] for v in values)


def moves_text(moves: Sequence[TrackMove]) -> str:
    return ", ".join(f"{md(m.track)} {signed(m.delta)}" for m in moves)


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    align = ["---:" if i in right else "---" for i in range(len(header))]
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    out.extend("| " + " | ".join(row) + " |" for row in rows)
    out.append("")
    return out


def render_markdown(report: Report) -> str:
    lines: list[str] = []
    add = lines.append
    add(f"# {md(report.title)}")
    add("")
    sub = report.scenario_title + (f" · {report.session_name}" if report.session_name else "")
    add(
        f"**{md(sub)}** — {md(tr('report.meta', seed=report.seed, played=report.turns_played, limit=report.turn_limit))}"
    )
    add("")
    add("> " + md(tr("report.banner")))
    add("")
    summary(report, lines)
    objectives(report, lines)
    findings(report, lines)
    timeline(report, lines)
    tracks(report, lines)
    risks(report, lines)
    secrets(report, lines)
    typical(report, lines)
    whatif(report, lines)
    questions(report, lines)
    add("---")
    add("")
    add(md(tr("report.footer", scenario=report.scenario_id, seed=report.seed)))
    return "\n".join(lines).rstrip() + "\n"


def summary(report: Report, lines: list[str]) -> None:
    add = lines.append
    add(f"## {md(tr('report.h.summary'))}")
    add("")
    if report.finished:
        add(
            f"**{md(tr('report.ending_line', ending=report.ending, turn=report.turns_played))}** {md(report.ending_narrative)}"
        )
    else:
        add(f"**{md(tr('report.unfinished', turn=report.turns_played))}**")
    add("")
    add(md(tr("report.common_ground.yes" if report.common_ground else "report.common_ground.no")))
    add("")
    rows = [
        [
            md(r.name),
            md(r.seat),
            str(r.score),
            str(r.threshold),
            ("✓ " + md(tr("report.met"))) if r.cleared else ("✗ " + md(tr("report.not_met"))),
        ]
        for r in report.roles
    ]
    lines.extend(
        table(
            [
                tr("report.col.role"),
                tr("report.col.played_by"),
                tr("report.col.score"),
                tr("report.col.needed"),
                tr("report.col.objectives_met"),
            ],
            rows,
            right=(2, 3),
        )
    )
    for fact in session_facts(report):
        add(f"- {md(fact)}")
    add("")
    ranked = materialized_risks(report)
    materialized = [f"{r.id} {md(r.name)} ({md(tr('report.harm_short', harm=r.harm))})" for r in ranked]
    if materialized:
        add(f"{md(tr('report.materialized_list'))} " + "; ".join(materialized))
        add("")


def heading(lines: list[str], section: str) -> None:
    """A section's title and the sentence that says what it is for."""
    lines += [f"## {md(tr(f'report.h.{section}'))}", "", md(tr(f"report.{section}_note")), ""]


def objectives(report: Report, lines: list[str]) -> None:
    heading(lines, "objectives")
    for role in report.roles:
        status = tr("report.score_line", score=role.score, threshold=role.threshold)
        lines.append(f"### {md(role.name)} — {md(status)} {'✓' if role.cleared else '✗'}")
        lines.append("")
        rows = [
            [
                md(o.text),
                str(o.weight),
                str(o.start),
                str(o.end),
                signed(o.end - o.start) if o.end != o.start else "0",
            ]
            for o in role.objectives
        ]
        lines.extend(
            table(
                [
                    tr("report.col.objective"),
                    tr("report.col.weight"),
                    tr("report.col.start"),
                    tr("report.col.end"),
                    tr("report.col.change"),
                ],
                rows,
                right=(1, 2, 3, 4),
            )
        )
        lines.append(md(tr("report.role_end", capital=role.capital, standing=role.standing)))
        lines.append("")


def finding_line(item: Finding) -> str:
    because = "; ".join(f"{md(c.label)} ({signed(c.delta)})" for c in item.because)
    line = f"- **{md(item.track)}**: {item.start} → {item.end} ({signed(item.end - item.start)})"
    return line + (f". {md(tr('report.because'))} {because}" if because else "")


def findings(report: Report, lines: list[str]) -> None:
    heading(lines, "findings")
    for title, items, empty in (
        (tr("report.strengths"), report.strengths, tr("report.none_strengths")),
        (tr("report.improvements"), report.improvements, tr("report.none_improvements")),
    ):
        lines.append(f"### {md(title)}")
        lines.append("")
        lines.extend(finding_line(f) for f in items)
        if not items:
            lines.append(md(empty))
        lines.append("")


def order_text(order: OrderLine) -> str:
    out = md(order.action)
    if order.covert:
        out += (
            " _("
            + md(
                tr("report.secret_to_end")
                if order.exposed_turn is None
                else tr("report.secret_until", turn=order.exposed_turn)
            )
            + ")_"
        )
    if order.skipped:
        out += f" — {md(order.skipped)}"
    if order.reason:
        out += f" — _{md(tr('report.computer_reason', reason=order.reason))}_"
    return out


def roll_text(order: OrderLine) -> str:
    r = order.roll
    if r is None:
        return ""
    mod = f" {signed(r.modifier)}" if r.modifier else ""
    source = tr("report.dice.physical") if r.physical else tr("report.dice.computer")
    return f"{r.d1}+{r.d2}{mod} = {r.total}: {md(tr('report.outcome.' + r.outcome))} ({md(source)})"


def turn_lines(turn: TurnReport, lines: list[str]) -> None:
    add = lines.append
    title = tr("report.turn", n=turn.turn) + ("" if turn.complete else " " + tr("report.turn_in_progress"))
    add(f"### {md(title)}")
    add("")
    if turn.news:
        risks = f" [{', '.join(turn.news_risks)}]" if turn.news_risks else ""
        add(f"**{md(tr('report.news', headline=turn.news))}**{risks}")
        add("")
    for d in turn.decisions:
        what = (
            tr("report.decision.inject", event=d.event)
            if d.kind == "inject"
            else tr("report.decision.adjust")
        )
        moves = f" ({moves_text(d.moves)})" if d.moves else ""
        add(f"- **{md(tr('report.facilitator'))}:** {md(what)} — _{md(d.reason)}_{moves}")
    for h in turn.happenings:
        if h.kind == "answer":
            why = f" _({md(tr('report.computer_reason', reason=h.reason))})_" if h.reason else ""
            add(f"- {md(h.text)}{why}")
    if turn.decisions or any(h.kind == "answer" for h in turn.happenings):
        add("")
    if turn.orders:
        rows = [[md(o.role), order_text(o), roll_text(o)] for o in turn.orders]
        lines.extend(table([tr("report.col.role"), tr("report.col.orders"), tr("report.col.check")], rows))
    rest = [h for h in turn.happenings if h.kind != "answer"]
    if rest:
        add(f"{md(tr('report.consequences'))}:")
        add("")
        for h in rest:
            risks = f" [{', '.join(h.risks)}]" if h.risks else ""
            secret = f" _({md(tr('report.secret'))})_" if h.secret else ""
            text = f"**{md(h.text)}**" if h.major else md(h.text)
            add(f"- {text}{risks}{secret}")
        add("")
    if turn.moves:
        add(f"{md(tr('report.net_changes'))} {moves_text(turn.moves)}")
        add("")


def timeline(report: Report, lines: list[str]) -> None:
    heading(lines, "timeline")
    for turn in report.timeline:
        turn_lines(turn, lines)


def tracks(report: Report, lines: list[str]) -> None:
    lines.append(f"## {md(tr('report.h.tracks'))}")
    lines.append("")
    turns = len(report.series[0].values) if report.series else 0
    header = [tr("report.col.track"), tr("report.col.trend"), *[str(i) for i in range(turns)]]
    rows = []
    for s in report.series:
        mark = " ▲" if s.adjusted else ""
        rows.append([md(s.name) + mark, sparkline(s.values), *[str(v) for v in s.values]])
    lines.extend(table(header, rows, right=tuple(range(2, turns + 2))))
    lines.append(md(tr("report.tracks_note_md")))
    lines.append("")


def link_lines(link: Link) -> list[str]:
    turns = turn_list(link.turns)
    when = tr("report.on_turns", turns=turns) if len(link.turns) > 1 else tr("report.on_turn", turn=turns)
    out = [
        f"1. _{md(tr('report.link.' + link.kind))}, {md(when)}_: **{md(link.label)}**"
        + (f" ({moves_text(link.moves)})" if link.moves else "")
    ]
    if link.origin:
        out.append(f"   - {md(link.origin)}")
    for driver in link.drivers:
        pushes = "; ".join(f"{c.label} ({signed(c.delta)})" for c in driver.pushes)
        line = tr("report.driver", track=driver.track, value=driver.value)
        if pushes:
            line += " " + tr("report.driver_pushed", pushes=pushes)
        out.append(f"   - {md(line)}")
    return out


def risks(report: Report, lines: list[str]) -> None:
    heading(lines, "risks")
    rows = [
        [
            f"**{r.id}** {md(r.name)}",
            md(materialized_on(r.turns) if r.materialized else tr("report.no")),
            str(r.harm) if r.materialized else "",
        ]
        for r in report.risks
    ]
    lines.extend(
        table(
            [tr("report.col.risk"), tr("report.col.materialized"), tr("report.col.harm")],
            rows,
            right=(2,),
        )
    )
    for risk in report.risks:
        if not risk.materialized:
            continue
        lines.append(f"### {risk.id} · {md(risk.name)}")
        lines.append("")
        lines.append(f"> {md(risk.article)}")
        lines.append("")
        for link in risk.chain:
            lines.extend(link_lines(link))
        lines.append("")


def secrets(report: Report, lines: list[str]) -> None:
    if not report.secrets:
        return
    heading(lines, "secrets")
    rows = [
        [
            str(s.turn),
            md(s.role or tr("report.private_fact")),
            md(s.what),
            md(
                tr("report.exposed_on", turn=s.exposed_turn)
                if s.exposed_turn is not None
                else tr("report.never")
            ),
        ]
        for s in report.secrets
    ]
    lines.extend(
        table(
            [
                tr("report.col.turn"),
                tr("report.col.role"),
                tr("report.col.secret"),
                tr("report.col.came_out"),
            ],
            rows,
            right=(0,),
        )
    )


def typical(report: Report, lines: list[str]) -> None:
    add = lines.append
    add(f"## {md(tr('report.h.typical'))}")
    add("")
    data: Typical | None = report.typical
    if data is None:
        add(md(report.typical_note or tr("report.typical.none")))
        add("")
        return
    add(md(tr("report.typical.intro", games=f"{data.games:,}", level=level_name(data.level))))
    add("")
    add(md(tr("report.typical.read")))
    add("")
    add(f"**{md(ending_sentence(report, data))}**")
    add("")
    computer, same = tr("report.typical.computer"), tr("report.typical.same")
    rows = [
        [("**" + md(name) + "** ◀" if mine else md(name)), f"{a:.0%}", f"{b:.0%}"]
        for name, a, b, mine in ending_rows(report, data)
    ]
    lines.extend(table([tr("report.col.ending"), computer, same], rows, right=(1, 2)))
    rows = []
    for r, role in enumerate(report.roles):
        mine = data.this_game.scores[r]
        a, b = data.computer.scores(r), data.same_orders.scores(r)
        rows.append(
            [
                md(role.name),
                str(mine),
                f"{median(a):g}",
                f"{percentile_rank(a, mine):.0f}",
                f"{median(b):g}",
                f"{percentile_rank(b, mine):.0f}",
            ]
        )
    add(f"### {md(tr('report.typical.scores'))}")
    add("")
    lines.extend(
        table(
            [
                tr("report.col.role"),
                tr("report.col.yours"),
                tr("report.col.median_computer"),
                tr("report.col.rank_computer"),
                tr("report.col.median_same"),
                tr("report.col.rank_same"),
            ],
            rows,
            right=(1, 2, 3, 4, 5),
        )
    )
    add(
        md(
            tr(
                "report.typical.common",
                computer=f"{data.computer.common_ground_share():.0%}",
                same=f"{data.same_orders.common_ground_share():.0%}",
                yours=tr("report.yes") if data.this_game.common_ground else tr("report.no"),
            )
        )
    )
    add("")
    add(f"### {md(tr('report.typical.tracks'))}")
    add("")
    rows = []
    for i, s in enumerate(report.series):
        mine = data.this_game.tracks[i]
        a, b = data.computer.track_values(i), data.same_orders.track_values(i)
        rows.append(
            [
                md(s.name),
                str(mine),
                f"{median(a):g}",
                f"{percentile_rank(a, mine):.0f}",
                f"{median(b):g}",
                f"{percentile_rank(b, mine):.0f}",
            ]
        )
    lines.extend(
        table(
            [
                tr("report.col.track"),
                tr("report.col.yours"),
                tr("report.col.median_computer"),
                tr("report.col.rank_computer"),
                tr("report.col.median_same"),
                tr("report.col.rank_same"),
            ],
            rows,
            right=(1, 2, 3, 4, 5),
        )
    )
    add(md(tr("report.typical.rank_note")))
    add("")
    add(md(drops_sentence(data)))
    add("")


def whatif(report: Report, lines: list[str]) -> None:
    c = report.whatif
    if c is None:
        return
    add = lines.append
    add(f"## {md(tr('report.h.whatif'))}")
    add("")
    before = ", ".join(c.before) or tr("report.pass")
    after = ", ".join(c.after) or tr("report.pass")
    add(f"**{md(tr('report.whatif.question', role=c.role, turn=c.turn, after=after, before=before))}**")
    add("")
    add(md(tr("report.whatif.method")))
    add("")
    if not c.diverged:
        add(md(tr("report.whatif.no_divergence")))
        add("")
        return
    original, changed = tr("report.whatif.original"), tr("report.whatif.changed")
    add(f"### {md(tr('report.whatif.where'))}")
    add("")
    rows = [[str(p.turn), md(p.what), md(p.original), md(p.whatif)] for p in c.partings]
    lines.extend(table([tr("report.col.turn"), tr("report.col.what"), original, changed], rows, right=(0,)))
    add(f"### {md(tr('report.whatif.outcome'))}")
    add("")
    rows = [
        [
            md(tr("report.whatif.ending")),
            md(tr("report.ending_line", ending=c.original.ending, turn=c.original.turns)),
            md(tr("report.ending_line", ending=c.whatif.ending, turn=c.whatif.turns)),
        ]
    ]
    for (name, a, threshold, ok_a), (_, b, _, ok_b) in zip(c.original.scores, c.whatif.scores, strict=True):
        rows.append(
            [
                md(tr("report.whatif.score_of", role=name, threshold=threshold)),
                f"{a} {'✓' if ok_a else '✗'}",
                f"{b} {'✓' if ok_b else '✗'}",
            ]
        )
    lines.extend(table(["", original, changed], rows))
    if c.gaps:
        add(f"### {md(tr('report.whatif.tracks'))}")
        add("")
        by_name = {s.name: (s, t) for s, t in zip(c.original.series, c.whatif.series, strict=True)}
        rows = []
        for name, a, b, _ in c.gaps:
            sa, sb = by_name[name]
            rows.append(
                [
                    md(name),
                    f"{sparkline(sa.values)} {a}",
                    f"{sparkline(sb.values)} {b}",
                    signed(b - a),
                ]
            )
        lines.extend(
            table(
                [tr("report.col.track"), original, changed, tr("report.col.change")],
                rows,
                right=(3,),
            )
        )
    add(f"### {md(tr('report.whatif.side_by_side'))}")
    add("")
    a = {t.turn: t for t in c.original.timeline}
    b = {t.turn: t for t in c.whatif.timeline}
    rows = []
    for turn in sorted(set(a) | set(b)):
        rows.append([str(turn), _cell(a.get(turn)), _cell(b.get(turn))])
    lines.extend(table([tr("report.col.turn"), original, changed], rows, right=(0,)))
    notes = []
    if c.recomputed:
        notes.append(tr("report.whatif.recomputed", roles=", ".join(c.recomputed)))
    if c.dropped_orders:
        notes.append(tr("report.whatif.dropped", n=c.dropped_orders))
    if c.stand_in:
        notes.append(tr("report.whatif.stand_in", n=c.stand_in))
    if notes:
        add(md(" ".join(notes)))
        add("")


def _cell(turn: TurnReport | None) -> str:
    if turn is None:
        return md(tr("report.whatif.not_played"))
    parts = []
    if turn.news:
        parts.append(f"_{md(turn.news)}_")
    parts.extend(f"{md(d.event or tr('report.decision.adjust'))} — {md(d.reason)}" for d in turn.decisions)
    parts.extend(f"{md(o.role)}: {md(o.action)}" for o in turn.orders)
    parts.extend(f"**{md(h.text)}**" for h in turn.happenings if h.major)
    return "<br>".join(parts)


def questions(report: Report, lines: list[str]) -> None:
    heading(lines, "questions")
    for i, q in enumerate(report.questions, 1):
        risks = f" [{', '.join(q.risks)}]" if q.risks else ""
        seen = (
            f" — _{md(tr('report.q_materialized', risks=', '.join(q.materialized)))}_"
            if q.materialized
            else ""
        )
        lines.append(f"{i}. {md(q.text)}{risks}{seen}")
    lines.append("")
