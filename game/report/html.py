"""The after-action report as one standalone HTML page: inline CSS and SVG, no network.

Everything that came from a scenario or a save (names, headlines, a facilitator's reasons) is
escaped: a save file is untrusted input and must not be able to put markup in the page.
The print stylesheet gives an A4/Letter document with page breaks between the main parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from game.i18n import language, tr
from game.report.model import (
    Finding,
    Link,
    OrderLine,
    Report,
    RiskReport,
    RoleReport,
    Series,
    TrackMove,
    TurnReport,
)
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
from game.report.svg import (
    BLUE,
    GREEN,
    ORANGE,
    RED,
    SKY,
    Bar,
    Line,
    bar_chart,
    histogram,
    line_chart,
)
from game.report.typical import Typical, median, percentile_rank

if TYPE_CHECKING:
    from game.report.whatif import Comparison


def e(value: object) -> str:
    return escape(str(value), quote=True)


def render_html(report: Report) -> str:
    parts = [
        head(report),
        '<body><main class="report">',
        header(report),
        toc(report),
        summary(report),
        objectives(report),
        findings(report),
        timeline(report),
        tracks(report),
        risks(report),
        secrets(report),
        typical(report),
        whatif(report),
        questions(report),
        f"<footer><p>{e(tr('report.footer', scenario=report.scenario_id, seed=report.seed))}</p></footer>",
        "</main></body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


CSS = """
:root { --ink:#1d1d1f; --muted:#5b5b60; --line:#d9d9de; --soft:#f4f4f6; --good:#00785a; --bad:#b8420a;
  --accent:#0062a0; --fac:#8a5a00; --secret:#6b2f86; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; color: var(--ink); background: #fff;
  font-family: "Atkinson Hyperlegible", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  line-height: 1.45; }
main.report { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.9rem; margin: 0 0 .2rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.08rem; margin: 1.3rem 0 .4rem; }
h4 { font-size: .98rem; margin: .9rem 0 .3rem; }
p { margin: .35rem 0 .6rem; }
.sub { color: var(--muted); margin: 0 0 .8rem; }
.banner { border: 1px solid var(--secret); color: var(--secret); background: #faf5fc; padding: .45rem .7rem;
  border-radius: 6px; font-size: .92rem; }
nav.toc { background: var(--soft); border-radius: 8px; padding: .6rem 1rem; margin: 1rem 0; font-size: .93rem; }
nav.toc ol { margin: .2rem 0; padding-left: 1.3rem; columns: 2; }
.ending { border-left: 6px solid var(--accent); background: var(--soft); padding: .7rem 1rem; border-radius: 0 8px 8px 0; }
.ending strong { font-size: 1.15rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .9rem; font-size: .93rem; }
th, td { text-align: left; padding: .3rem .45rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.met { color: var(--good); font-weight: 700; }
.notmet { color: var(--bad); font-weight: 700; }
.good { color: var(--good); }
.bad { color: var(--bad); }
.chips { display: flex; flex-wrap: wrap; gap: .3rem; margin: .3rem 0; }
.chip { display: inline-block; border: 1px solid var(--line); border-radius: 999px; padding: .05rem .5rem;
  font-size: .82rem; background: #fff; white-space: nowrap; }
.chip.good { border-color: #9bd3c2; background: #eef8f4; }
.chip.bad { border-color: #efb99b; background: #fdf2ec; }
.risk { font-size: .75rem; font-weight: 700; color: var(--accent); border: 1px solid #b7d3ea; border-radius: 4px;
  padding: 0 .25rem; margin-left: .2rem; white-space: nowrap; }
.badge { font-size: .75rem; font-weight: 700; border-radius: 4px; padding: .05rem .35rem; white-space: nowrap; }
.badge.secret { color: #fff; background: var(--secret); }
.badge.fac { color: #fff; background: var(--fac); }
.badge.dice { color: var(--ink); background: #ffe9b3; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; margin: .5rem 0; break-inside: avoid; }
.finding .because { color: var(--muted); font-size: .9rem; margin: .15rem 0 0; padding-left: 1.1rem; }
.turn { border: 1px solid var(--line); border-radius: 8px; margin: .8rem 0; padding: .2rem .9rem .6rem; break-inside: avoid-page; }
.turn h3 { margin-top: .6rem; }
.news { font-weight: 600; }
.decision { border-left: 4px solid var(--fac); background: #fdf7ea; padding: .35rem .6rem; margin: .4rem 0; border-radius: 0 6px 6px 0; }
.why { color: var(--muted); font-size: .86rem; }
ul.happen { margin: .3rem 0; padding-left: 1.2rem; }
ul.happen li.major { font-weight: 600; }
.grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: .5rem 1rem; }
.grid figure { margin: 0; break-inside: avoid; }
figcaption { font-size: .85rem; font-weight: 600; margin: .2rem 0 0; }
figcaption .delta, figcaption.why { font-weight: 400; }
svg.chart { width: 100%; height: auto; display: block; }
.chain { list-style: none; padding-left: 0; margin: .3rem 0 1rem; border-left: 3px solid var(--line); }
.chain > li { position: relative; padding: .25rem 0 .45rem 1rem; }
.chain > li::before { content: ""; position: absolute; left: -7px; top: .6rem; width: 11px; height: 11px;
  border-radius: 50%; background: #fff; border: 2px solid var(--bad); }
.chain .kind { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.drivers { font-size: .88rem; color: var(--muted); margin: .1rem 0 0; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.side-a { border-top: 4px solid var(--accent); }
.side-b { border-top: 4px solid var(--fac); }
tr.differs td { background: #fffaf0; }
tr.differs td strong { color: #7a3b00; }
tr.same-role td { border-top: none; }
tr:has(+ tr.same-role) td { border-bottom-color: transparent; }
.note { color: var(--muted); font-size: .9rem; }
.questions li { margin: .45rem 0; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .6rem; }
@media (max-width: 720px) { .cols, .pair { grid-template-columns: 1fr; } .grid { grid-template-columns: 1fr 1fr; }
  nav.toc ol { columns: 1; } }
@media print {
  @page { size: auto; margin: 14mm 12mm 16mm; }
  html { font-size: 10.5pt; }
  main.report { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2, h3, h4 { break-after: avoid; }
  p { orphans: 3; widows: 3; }
  .pair { break-inside: avoid; }
  section.major { break-before: page; }
  .turn, .card, figure, tr, .chain > li, svg { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"""


def head(report: Report) -> str:
    title = f"{report.title} - {report.scenario_title}"
    return (
        f'<!DOCTYPE html>\n<html lang="{e(language())}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="Common Ground"><title>{e(title)}</title><style>{CSS}</style></head>'
    )


def risk_tags(risks: Sequence[str]) -> str:
    return "".join(f'<span class="risk">{e(r)}</span>' for r in risks)


def signed(value: int) -> str:
    return f"{value:+d}".replace("-", "−")


def move_chip(move: TrackMove) -> str:
    better = move.better
    cls = "" if better is None else (" good" if better else " bad")
    return f'<span class="chip{cls}">{e(move.track)} {signed(move.delta)}</span>'


def chips(moves: Sequence[TrackMove]) -> str:
    if not moves:
        return ""
    return '<div class="chips">' + "".join(move_chip(m) for m in moves) + "</div>"


# ----------------------------------------------------------------------------- header and summary


def header(report: Report) -> str:
    sub = [report.scenario_title]
    if report.session_name:
        sub.append(report.session_name)
    meta = tr(
        "report.meta",
        seed=report.seed,
        played=report.turns_played,
        limit=report.turn_limit,
    )
    seats = ", ".join(f"{r.name}: {r.seat}" for r in report.roles)
    return (
        f"<header><h1>{e(report.title)}</h1>"
        f'<p class="sub">{e(" · ".join(sub))}<br>{e(meta)}<br>{e(seats)}</p>'
        f'<p class="banner">{e(tr("report.banner"))}</p></header>'
    )


SECTIONS = (
    ("summary", "report.h.summary"),
    ("objectives", "report.h.objectives"),
    ("findings", "report.h.findings"),
    ("timeline", "report.h.timeline"),
    ("tracks", "report.h.tracks"),
    ("risks", "report.h.risks"),
    ("secrets", "report.h.secrets"),
    ("typical", "report.h.typical"),
    ("whatif", "report.h.whatif"),
    ("questions", "report.h.questions"),
)


def toc(report: Report) -> str:
    items = []
    for anchor, key in SECTIONS:
        if anchor == "whatif" and report.whatif is None:
            continue
        if anchor == "secrets" and not report.secrets:
            continue
        items.append(f'<li><a href="#{anchor}">{e(tr(key))}</a></li>')
    return f'<nav class="toc" aria-label="{e(tr("report.contents"))}"><strong>{e(tr("report.contents"))}</strong><ol>{"".join(items)}</ol></nav>'


def summary(report: Report) -> str:
    out = [f'<section id="summary"><h2>{e(tr("report.h.summary"))}</h2>']
    if report.finished:
        out.append(
            f'<div class="ending"><strong>{e(tr("report.ending_line", ending=report.ending, turn=report.turns_played))}</strong>'
            f"<p>{e(report.ending_narrative)}</p></div>"
        )
    else:
        out.append(
            f'<div class="ending"><strong>{e(tr("report.unfinished", turn=report.turns_played))}</strong></div>'
        )
    key = "report.common_ground.yes" if report.common_ground else "report.common_ground.no"
    out.append(f"<p><strong>{e(tr(key))}</strong></p>")
    out.append(roles_table(report.roles))
    facts = session_facts(report)
    out.append("<ul>" + "".join(f"<li>{e(f)}</li>" for f in facts) + "</ul>")
    materialized = materialized_risks(report)
    if materialized:
        out.append(f'<p>{e(tr("report.materialized_list"))}</p><div class="chips">')
        out.append(
            "".join(
                f'<a class="chip bad" href="#risk-{e(r.id)}">{e(r.id)} {e(r.name)} '
                f'<span class="why">({e(tr("report.harm_short", harm=r.harm))})</span></a>'
                for r in materialized
            )
        )
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


def roles_table(roles: Sequence[RoleReport]) -> str:
    rows = [
        f"<tr><th>{e(tr('report.col.role'))}</th><th>{e(tr('report.col.played_by'))}</th>"
        f'<th class="num">{e(tr("report.col.score"))}</th><th class="num">{e(tr("report.col.needed"))}</th>'
        f"<th>{e(tr('report.col.objectives_met'))}</th></tr>"
    ]
    for role in roles:
        met = (
            f'<span class="met">✓ {e(tr("report.met"))}</span>'
            if role.cleared
            else f'<span class="notmet">✗ {e(tr("report.not_met"))}</span>'
        )
        rows.append(
            f'<tr><td>{e(role.name)}</td><td>{e(role.seat)}</td><td class="num">{role.score}</td>'
            f'<td class="num">{role.threshold}</td><td>{met}</td></tr>'
        )
    return "<table>" + "".join(rows) + "</table>"


def objectives(report: Report) -> str:
    out = [
        f'<section id="objectives" class="major"><h2>{e(tr("report.h.objectives"))}</h2><p class="note">{e(tr("report.objectives_note"))}</p>'
    ]
    for role in report.roles:
        status = tr("report.score_line", score=role.score, threshold=role.threshold)
        cls = "met" if role.cleared else "notmet"
        out.append(f'<div class="card"><h3>{e(role.name)} <span class="{cls}">— {e(status)}</span></h3>')
        out.append(
            f'<table><tr><th>{e(tr("report.col.objective"))}</th><th class="num">{e(tr("report.col.weight"))}</th>'
            f'<th class="num">{e(tr("report.col.start"))}</th><th class="num">{e(tr("report.col.end"))}</th>'
            f'<th class="num">{e(tr("report.col.change"))}</th></tr>'
        )
        for o in role.objectives:
            delta = o.end - o.start
            cls = "good" if delta > 0 else "bad" if delta < 0 else ""
            out.append(
                f'<tr><td>{e(o.text)}</td><td class="num">{o.weight}</td><td class="num">{o.start}</td>'
                f'<td class="num">{o.end}</td><td class="num {cls}">{signed(delta) if delta else "0"}</td></tr>'
            )
        out.append("</table>")
        out.append(
            f'<p class="note">{e(tr("report.role_end", capital=role.capital, standing=role.standing))}</p></div>'
        )
    out.append("</section>")
    return "".join(out)


def finding_html(item: Finding) -> str:
    because = "; ".join(f"{c.label} ({signed(c.delta)})" for c in item.because)
    return (
        f'<div class="finding"><strong>{e(item.track)}</strong>: {item.start} → {item.end} '
        f"({signed(item.end - item.start)})"
        + (f'<p class="because">{e(tr("report.because"))} {e(because)}</p>' if because else "")
        + "</div>"
    )


def findings(report: Report) -> str:
    out = [
        f'<section id="findings" class="major"><h2>{e(tr("report.h.findings"))}</h2><p class="note">{e(tr("report.findings_note"))}</p><div class="cols">'
    ]
    for title, items, empty in (
        (tr("report.strengths"), report.strengths, tr("report.none_strengths")),
        (tr("report.improvements"), report.improvements, tr("report.none_improvements")),
    ):
        out.append(f"<div><h3>{e(title)}</h3>")
        out.append(
            "".join(f'<div class="card">{finding_html(f)}</div>' for f in items) or f"<p>{e(empty)}</p>"
        )
        out.append("</div>")
    out.append("</div></section>")
    return "".join(out)


# ----------------------------------------------------------------------------- timeline


def order_row(order: OrderLine, first: bool = True) -> str:
    notes = []
    if order.covert:
        if order.exposed_turn is None:
            notes.append(f'<span class="badge secret">{e(tr("report.secret_to_end"))}</span>')
        else:
            notes.append(
                f'<span class="badge secret">{e(tr("report.secret_until", turn=order.exposed_turn))}</span>'
            )
    roll = ""
    if order.roll is not None:
        r = order.roll
        mod = f" {signed(r.modifier)}" if r.modifier else ""
        source = tr("report.dice.physical") if r.physical else tr("report.dice.computer")
        roll = (
            f'<span class="badge dice">{r.d1}+{r.d2}{mod} = {r.total}</span> '
            f'{e(tr("report.outcome." + r.outcome))} <span class="why">({e(source)})</span>'
        )
        if r.outcome_text:
            roll += f'<div class="why">{e(r.outcome_text)}</div>'
    if order.skipped:
        notes.append(f'<span class="why">{e(order.skipped)}</span>')
    why = (
        f'<div class="why">{e(tr("report.computer_reason", reason=order.reason))}</div>'
        if order.reason
        else ""
    )
    role = e(order.role) if first else ""
    cls = "" if first else ' class="same-role"'
    return f"<tr{cls}><td>{role}</td><td>{e(order.action)} {' '.join(notes)}{why}</td><td>{roll}</td></tr>"


def turn_html(turn: TurnReport) -> str:
    title = tr("report.turn", n=turn.turn) + ("" if turn.complete else " " + tr("report.turn_in_progress"))
    out = [f'<article class="turn" id="turn-{turn.turn}"><h3>{e(title)}</h3>']
    if turn.news:
        out.append(
            f'<p class="news">{e(tr("report.news", headline=turn.news))}{risk_tags(turn.news_risks)}</p>'
        )
    for d in turn.decisions:
        if d.kind == "inject":
            what = tr("report.decision.inject", event=d.event)
        else:
            what = tr("report.decision.adjust")
        out.append(
            f'<div class="decision"><span class="badge fac">{e(tr("report.facilitator"))}</span> {e(what)} '
            f"— <em>{e(d.reason)}</em>{chips(d.moves)}</div>"
        )
    answers = [h for h in turn.happenings if h.kind in ("answer",)]
    if answers:
        out.append('<ul class="happen">')
        for h in answers:
            why = (
                f' <span class="why">({e(tr("report.computer_reason", reason=h.reason))})</span>'
                if h.reason
                else ""
            )
            out.append(f"<li>{e(h.text)}{why}</li>")
        out.append("</ul>")
    if turn.orders:
        out.append(
            f"<table><tr><th>{e(tr('report.col.role'))}</th><th>{e(tr('report.col.orders'))}</th>"
            f"<th>{e(tr('report.col.check'))}</th></tr>"
            + "".join(
                order_row(o, i == 0 or turn.orders[i - 1].role != o.role) for i, o in enumerate(turn.orders)
            )
            + "</table>"
        )
    rest = [h for h in turn.happenings if h.kind != "answer"]
    if rest:
        out.append(f'<h4>{e(tr("report.consequences"))}</h4><ul class="happen">')
        for h in rest:
            cls = ' class="major"' if h.major else ""
            secret = f' <span class="badge secret">{e(tr("report.secret"))}</span>' if h.secret else ""
            out.append(f"<li{cls}>{e(h.text)}{risk_tags(h.risks)}{secret}</li>")
        out.append("</ul>")
    if turn.moves:
        out.append(f'<p class="note">{e(tr("report.net_changes"))}</p>{chips(turn.moves)}')
    out.append("</article>")
    return "".join(out)


def timeline(report: Report) -> str:
    out = [
        f'<section id="timeline" class="major"><h2>{e(tr("report.h.timeline"))}</h2>',
        f'<p class="note">{e(tr("report.timeline_note"))}</p>',
    ]
    out.extend(turn_html(t) for t in report.timeline)
    out.append("</section>")
    return "".join(out)


# ----------------------------------------------------------------------------- tracks


def track_figure(item: Series) -> str:
    start, end = item.values[0], item.values[-1]
    better = TrackMove(item.name, end - start, item.good).better
    color = GREEN if better else RED if better is False else BLUE
    chart = line_chart(
        tr("report.chart.track", track=item.name, start=start, end=end),
        [Line(item.name, item.values, BLUE)],
        marks=item.adjusted,
        end_color=color,
    )
    good = tr(f"report.good.{item.good}")
    hidden = f" {tr('report.hidden_track')}" if item.hidden else ""
    return (
        f"<figure>{chart}<figcaption>{e(item.name)}{e(hidden)} "
        f'<span class="delta">{start} → {end} ({signed(end - start) if end != start else "0"}; {e(good)})</span></figcaption></figure>'
    )


def tracks(report: Report) -> str:
    out = [
        f'<section id="tracks" class="major"><h2>{e(tr("report.h.tracks"))}</h2>',
        f'<p class="note">{e(tr("report.tracks_note"))}</p><div class="grid">',
    ]
    out.extend(track_figure(s) for s in report.series)
    out.append("</div>")
    turns = len(report.series[0].values) if report.series else 0
    header = "".join(f'<th class="num">{i}</th>' for i in range(turns))
    out.append(
        f"<h3>{e(tr('report.values_table'))}</h3><table><tr><th>{e(tr('report.col.track'))}</th>{header}</tr>"
    )
    for s in report.series:
        cells = "".join(f'<td class="num">{v}</td>' for v in s.values)
        out.append(f"<tr><td>{e(s.name)}</td>{cells}</tr>")
    out.append("</table></section>")
    return "".join(out)


# ----------------------------------------------------------------------------- risks


def link_html(link: Link) -> str:
    turns = turn_list(link.turns)
    when = tr("report.on_turns", turns=turns) if len(link.turns) > 1 else tr("report.on_turn", turn=turns)
    out = [
        f'<li><span class="kind">{e(tr("report.link." + link.kind))} · {e(when)}</span><br><strong>{e(link.label)}</strong>'
    ]
    if link.origin:
        out.append(f'<div class="drivers">{e(link.origin)}</div>')
    out.append(chips(link.moves))
    for driver in link.drivers:
        pushes = "; ".join(f"{c.label} ({signed(c.delta)})" for c in driver.pushes)
        line = tr("report.driver", track=driver.track, value=driver.value)
        if pushes:
            line += " " + tr("report.driver_pushed", pushes=pushes)
        out.append(f'<div class="drivers">{e(line)}</div>')
    out.append("</li>")
    return "".join(out)


def risks(report: Report) -> str:
    out = [
        f'<section id="risks" class="major"><h2>{e(tr("report.h.risks"))}</h2>',
        f'<p class="note">{e(tr("report.risks_note"))}</p>',
        f"<table><tr><th>{e(tr('report.col.risk'))}</th><th>{e(tr('report.col.article'))}</th>"
        f"<th>{e(tr('report.col.materialized'))}</th></tr>",
    ]
    for risk in report.risks:
        if risk.materialized:
            status = (
                f'<a href="#risk-{e(risk.id)}" class="bad">{e(materialized_on(risk.turns))}</a>'
                f'<div class="why">{e(tr("report.harm", harm=risk.harm))}</div>'
            )
        else:
            status = f'<span class="good">{e(tr("report.no"))}</span>'
        out.append(
            f'<tr><td><strong>{e(risk.id)}</strong> {e(risk.name)}</td><td class="why">{e(risk.article)}</td><td>{status}</td></tr>'
        )
    out.append("</table>")
    for risk in report.risks:
        if risk.materialized:
            out.append(risk_chain(risk))
    out.append("</section>")
    return "".join(out)


def risk_chain(risk: RiskReport) -> str:
    return (
        f'<div class="card" id="risk-{e(risk.id)}"><h3>{e(risk.id)} · {e(risk.name)}</h3>'
        f'<p class="why">“{e(risk.article)}”</p><ol class="chain">'
        + "".join(link_html(link) for link in risk.chain)
        + "</ol></div>"
    )


def secrets(report: Report) -> str:
    if not report.secrets:
        return ""
    out = [
        f'<section id="secrets"><h2>{e(tr("report.h.secrets"))}</h2><p class="note">{e(tr("report.secrets_note"))}</p>',
        f"<table><tr><th>{e(tr('report.col.turn'))}</th><th>{e(tr('report.col.role'))}</th>"
        f"<th>{e(tr('report.col.secret'))}</th><th>{e(tr('report.col.came_out'))}</th></tr>",
    ]
    for item in report.secrets:
        came = (
            tr("report.exposed_on", turn=item.exposed_turn)
            if item.exposed_turn is not None
            else tr("report.never")
        )
        out.append(
            f'<tr><td class="num">{item.turn}</td><td>{e(item.role or tr("report.private_fact"))}</td>'
            f"<td>{e(item.what)}</td><td>{e(came)}</td></tr>"
        )
    out.append("</table></section>")
    return "".join(out)


# ----------------------------------------------------------------------------- how typical


def typical(report: Report) -> str:
    out = [f'<section id="typical" class="major"><h2>{e(tr("report.h.typical"))}</h2>']
    data = report.typical
    if data is None:
        out.append(f"<p>{e(report.typical_note or tr('report.typical.none'))}</p></section>")
        return "".join(out)
    out.append(
        f"<p>{e(tr('report.typical.intro', games=f'{data.games:,}', level=level_name(data.level)))}</p>"
    )
    out.append(f'<p class="note">{e(tr("report.typical.read"))}</p>')
    computer_name = tr("report.typical.computer")
    same_name = tr("report.typical.same")
    out.append(f"<p><strong>{e(ending_sentence(report, data))}</strong></p>")
    bars = [Bar(name, (a, b), mine) for name, a, b, mine in ending_rows(report, data)]
    out.append(f"<h3>{e(tr('report.typical.endings'))}</h3>")
    out.append(bar_chart(tr("report.typical.endings"), bars, [(computer_name, SKY), (same_name, ORANGE)]))
    out.append(f"<h3>{e(tr('report.typical.scores'))}</h3>")
    out.append(f'<p class="note">{e(tr("report.typical.scores_note"))}</p>')
    for r, role in enumerate(report.roles):
        mine = data.this_game.scores[r]
        out.append(
            f'<h4>{e(role.name)} — {e(tr("report.typical.your_score", score=mine))}</h4><div class="pair">'
        )
        for dist, name, color in (
            (data.computer, computer_name, SKY),
            (data.same_orders, same_name, ORANGE),
        ):
            values = dist.scores(r)
            rank = percentile_rank(values, mine)
            chart = histogram(
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
                rank=round(rank),
                median=f"{median(values):g}",
                cleared=f"{dist.cleared_share(r):.0%}",
            )
            out.append(f'<figure>{chart}<figcaption class="why">{e(caption)}</figcaption></figure>')
        out.append("</div>")
    out.append(
        f"<p>{e(tr('report.typical.common', computer=f'{data.computer.common_ground_share():.0%}', same=f'{data.same_orders.common_ground_share():.0%}', yours=tr('report.yes') if data.this_game.common_ground else tr('report.no')))}</p>"
    )
    out.append(typical_tracks(report, data))
    out.append(f'<p class="note">{e(drops_sentence(data))}</p></section>')
    return "".join(out)


def typical_tracks(report: Report, data: Typical) -> str:
    rows = [
        f"<h3>{e(tr('report.typical.tracks'))}</h3><table><tr><th>{e(tr('report.col.track'))}</th>"
        f'<th class="num">{e(tr("report.col.yours"))}</th>'
        f'<th class="num">{e(tr("report.col.median_computer"))}</th><th class="num">{e(tr("report.col.rank_computer"))}</th>'
        f'<th class="num">{e(tr("report.col.median_same"))}</th><th class="num">{e(tr("report.col.rank_same"))}</th></tr>'
    ]
    for i, s in enumerate(report.series):
        mine = data.this_game.tracks[i]
        a, b = data.computer.track_values(i), data.same_orders.track_values(i)
        rows.append(
            f'<tr><td>{e(s.name)}</td><td class="num"><strong>{mine}</strong></td>'
            f'<td class="num">{median(a):g}</td><td class="num">{percentile_rank(a, mine):.0f}</td>'
            f'<td class="num">{median(b):g}</td><td class="num">{percentile_rank(b, mine):.0f}</td></tr>'
        )
    rows.append("</table>")
    rows.append(f'<p class="note">{e(tr("report.typical.rank_note"))}</p>')
    return "".join(rows)


# ----------------------------------------------------------------------------- what if


def whatif(report: Report) -> str:
    c = report.whatif
    if c is None:
        return ""
    before = ", ".join(c.before) or tr("report.pass")
    after = ", ".join(c.after) or tr("report.pass")
    out = [
        f'<section id="whatif" class="major"><h2>{e(tr("report.h.whatif"))}</h2>',
        f"<p><strong>{e(tr('report.whatif.question', role=c.role, turn=c.turn, after=after, before=before))}</strong></p>",
        f'<p class="note">{e(tr("report.whatif.method"))}</p>',
    ]
    if not c.diverged:
        out.append(f"<p>{e(tr('report.whatif.no_divergence'))}</p></section>")
        return "".join(out)
    out.append(
        f'<h3>{e(tr("report.whatif.where"))}</h3><table><tr><th class="num">{e(tr("report.col.turn"))}</th>'
        f"<th>{e(tr('report.col.what'))}</th><th>{e(tr('report.whatif.original'))}</th><th>{e(tr('report.whatif.changed'))}</th></tr>"
    )
    for p in c.partings:
        out.append(
            f'<tr><td class="num">{p.turn}</td><td>{e(p.what)}</td><td>{e(p.original)}</td><td>{e(p.whatif)}</td></tr>'
        )
    out.append("</table>")
    out.append(
        f"<h3>{e(tr('report.whatif.outcome'))}</h3><table><tr><th></th><th>{e(tr('report.whatif.original'))}</th><th>{e(tr('report.whatif.changed'))}</th></tr>"
    )
    out.append(
        f"<tr><td>{e(tr('report.whatif.ending'))}</td><td>{e(tr('report.ending_line', ending=c.original.ending, turn=c.original.turns))}</td>"
        f"<td>{e(tr('report.ending_line', ending=c.whatif.ending, turn=c.whatif.turns))}</td></tr>"
    )
    for (name, a, threshold, ok_a), (_, b, _, ok_b) in zip(c.original.scores, c.whatif.scores, strict=True):
        mark_a = "✓" if ok_a else "✗"
        mark_b = "✓" if ok_b else "✗"
        out.append(
            f"<tr><td>{e(tr('report.whatif.score_of', role=name, threshold=threshold))}</td>"
            f"<td>{a} {mark_a}</td><td>{b} {mark_b}</td></tr>"
        )
    out.append("</table>")
    if c.gaps:
        out.append(f'<h3>{e(tr("report.whatif.tracks"))}</h3><div class="grid">')
        by_name = {s.name: (s, t) for s, t in zip(c.original.series, c.whatif.series, strict=True)}
        for name, a, b, _ in c.gaps[:6]:
            sa, sb = by_name[name]
            chart = line_chart(
                tr("report.whatif.chart", track=name),
                [
                    Line(tr("report.whatif.original"), sa.values, BLUE),
                    Line(tr("report.whatif.changed"), sb.values, ORANGE, "5 3"),
                ],
                height=170,
                legend=True,
            )
            out.append(
                f'<figure>{chart}<figcaption>{e(name)} <span class="delta">{a} / {b}</span></figcaption></figure>'
            )
        out.append("</div>")
    out.append(f"<h3>{e(tr('report.whatif.side_by_side'))}</h3>")
    out.append(side_by_side(c))
    notes = []
    if c.recomputed:
        notes.append(tr("report.whatif.recomputed", roles=", ".join(c.recomputed)))
    if c.dropped_orders:
        notes.append(tr("report.whatif.dropped", n=c.dropped_orders))
    if c.stand_in:
        notes.append(tr("report.whatif.stand_in", n=c.stand_in))
    if notes:
        out.append(f'<p class="note">{e(" ".join(notes))}</p>')
    out.append("</section>")
    return "".join(out)


def _turn_cell(turn: TurnReport | None, other: TurnReport | None) -> str:
    """One game's turn; what the other game did not have is in bold."""
    if turn is None:
        return f'<span class="why">{e(tr("report.whatif.not_played"))}</span>'
    theirs = {(o.role, o.action) for o in other.orders} if other is not None else set()
    said = {h.text for h in other.happenings} if other is not None else set()

    def mark(words: str, shared: bool) -> str:
        return e(words) if shared else f"<strong>{e(words)}</strong>"

    orders = "<br>".join(mark(f"{o.role}: {o.action}", (o.role, o.action) in theirs) for o in turn.orders)
    major = "".join(f"<li>{mark(h.text, h.text in said)}</li>" for h in turn.happenings if h.major)
    same_news = other is not None and other.news == turn.news
    news = f'<div class="news">{mark(turn.news, same_news)}</div>' if turn.news else ""
    decisions = "".join(
        f'<div class="decision">{e(d.event or tr("report.decision.adjust"))} — {e(d.reason)}</div>'
        for d in turn.decisions
    )
    return f"{news}{decisions}<div>{orders}</div>" + (f'<ul class="happen">{major}</ul>' if major else "")


def side_by_side(c: Comparison) -> str:
    a = {t.turn: t for t in c.original.timeline}
    b = {t.turn: t for t in c.whatif.timeline}
    rows = [
        f'<table><tr><th class="num">{e(tr("report.col.turn"))}</th><th>{e(tr("report.whatif.original"))}</th>'
        f"<th>{e(tr('report.whatif.changed'))}</th></tr>"
    ]
    for turn in sorted(set(a) | set(b)):
        ta, tb = a.get(turn), b.get(turn)
        differs = (
            ta is None
            or tb is None
            or (ta.orders, ta.happenings, ta.news) != (tb.orders, tb.happenings, tb.news)
        )
        cls = ' class="differs"' if differs else ""
        rows.append(
            f'<tr{cls}><td class="num">{turn}</td><td>{_turn_cell(ta, tb)}</td><td>{_turn_cell(tb, ta)}</td></tr>'
        )
    rows.append("</table>")
    return "".join(rows)


# ----------------------------------------------------------------------------- questions


def questions(report: Report) -> str:
    out = [
        f'<section id="questions" class="major"><h2>{e(tr("report.h.questions"))}</h2>',
        f'<p class="note">{e(tr("report.questions_note"))}</p><ol class="questions">',
    ]
    for q in report.questions:
        seen = ""
        if q.materialized:
            seen = f' <span class="why">— {e(tr("report.q_materialized", risks=", ".join(q.materialized)))}</span>'
        out.append(f"<li>{e(q.text)}{risk_tags(q.risks)}{seen}</li>")
    out.append("</ol></section>")
    return "".join(out)
