"""The shared board: news, tracks with their ending marks and the change since the board last
seen, endings coming near, what runs every turn, proposals on the table, capital, trust.

Read from the story layer (``game.story.outlook``, ``trust``, ``headlines``) on a redacted view,
so the board never shows what its viewer may not know. ``linear`` (``--plain``) gives the same
facts as plain sentences: no table, bar or box.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from game.engine.log import AG_IN_FORCE, L_TRACK
from game.engine.move import Move
from game.engine.state import State
from game.engine.view import PUBLIC
from game.i18n import text, tr
from game.shells.text.console import plain
from game.shells.text.phrases import mark_phrase, near_lines, running_lines
from game.shells.text.sense import SENSE_STYLE, change_sense, sense_words
from game.story.calendar import coming_beats, coming_line
from game.story.facts import tell
from game.story.headlines import headlines
from game.story.outlook import changes_since_seen, marks_on, risk_labels
from game.story.requirements import condition_text
from game.story.thresholds import Threshold
from game.story.trust import trust_facts, trust_line
from game.story.words import role_name

CONSEQUENCE_KINDS = ("rule", "exposed", "agreement", "ending")
BAR_WIDTH = 20


def bar(value: int, marks: list[Threshold], width: int = BAR_WIDTH) -> str:
    """A 0-100 bar with each ending that the track alone can bring marked by a '|'."""
    filled = round(value / 100 * width)
    cells = ["\u2588"] * filled + ["\u00b7"] * (width - filled)
    for mark in marks:
        if mark.alone and not mark.final:
            cells[min(width - 1, max(0, round(mark.at / 100 * width)))] = "|"
    return "".join(cells)


def mark_cell(mark: Threshold) -> str:
    """'≥85', with '*' when it counts only with another mark and '(end)' when judged last."""
    sign = "\u2265" if mark.op in (">=", ">") else "\u2264"
    cell = f"{sign}{mark.at}" + ("" if mark.alone else "*")
    return cell + (" " + tr("tui.mark.end_short") if mark.final else "")


def ending_lines(s: State) -> list[str]:
    """How the game can end, each ending's condition in words (any turn, or after the last)."""
    sc = s.scenario
    out = []
    for ending in sc.model.endings:
        name = text(ending.name)
        when = condition_text(sc, ending.when)
        if ending.timing == "final":
            key = "tui.endings.final" if when else "tui.endings.otherwise"
        else:
            key = "tui.endings.anytime"
        out.append(plain(tr(key, ending=name, when=when)))
    return out


def news_lines(s: State) -> list[str]:
    """Last turn's big consequences, then this turn's news, each with its risks by name."""
    items = []
    if s.history:
        items.extend(
            h for h in headlines(s, s.history[-1].entries) if h.major and h.kind in CONSEQUENCE_KINDS
        )
    if not s.terminal:
        items.extend(headlines(s, s.current))
    out = []
    for item in items:
        risks = f" [dim]({plain(risk_labels(s.scenario, item.risks))})[/dim]" if item.risks else ""
        out.append(f"{'[bold]■[/bold] ' if item.major else '· '}{plain(item.text)}{risks}")
    return out


def tracks_table(s: State, reader: int | None) -> Table:
    table = Table(title=tr("tui.tracks"), title_justify="left", show_edge=False, pad_edge=False)
    table.add_column(tr("tui.track"), no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("", justify="right")
    table.add_column(tr("tui.change"), justify="right")
    table.add_column(tr("tui.ends_at"))
    since = changes_since_seen(s)
    for i, track in enumerate(s.scenario.model.tracks):
        if track.hidden:
            continue
        marks = marks_on(s.scenario, i)
        delta = since[i]
        style = SENSE_STYLE[change_sense(s, reader, L_TRACK, i, delta)]
        change = Text(f"{delta:+d}", style=style) if delta else Text("")
        cells = ", ".join(mark_cell(mark) for mark in marks)
        table.add_row(Text(text(track.name)), bar(s.tracks[i], marks), str(s.tracks[i]), change, Text(cells))
    return table


def track_sentences(s: State, reader: int | None) -> list[str]:
    """The tracks for ``--plain``: value, change since last seen in words, ending marks."""
    since = changes_since_seen(s)
    out = []
    for i, track in enumerate(s.scenario.model.tracks):
        if track.hidden:
            continue
        line = plain(tr("tui.plain.track", track=text(track.name), value=s.tracks[i]))
        if since[i]:
            sense = sense_words(change_sense(s, reader, L_TRACK, i, since[i]), reader is not None)
            key = "tui.plain.up" if since[i] > 0 else "tui.plain.down"
            line += " " + plain(tr(key, n=abs(since[i]), sense=sense))
        else:
            line += " " + plain(tr("tui.plain.unchanged"))
        ends = [plain_mark(s, m) for m in marks_on(s.scenario, i)]
        if ends:
            line += " " + plain(tr("tui.plain.ends", marks="; ".join(ends)))
        out.append(line)
    return out


def plain_mark(s: State, mark: Threshold) -> str:
    """'Diplomatic rupture: Sovereignty tension at 55 or above, only with another mark'."""
    words = tr(
        "tui.plain.mark",
        ending=text(s.scenario.model.endings[mark.ending].name),
        mark=mark_phrase(s.scenario, mark),
    )
    if not mark.alone:
        words += tr("tui.plain.together")
    if mark.final:
        words += " " + tr("tui.mark.at_end")
    return words


def situation_lines(s: State) -> list[str]:
    """What runs every turn, the proposals on the table, everyone's capital."""
    sc = s.scenario
    m = sc.model
    lines = running_lines(s)
    if not any(s.agreements[t] == AG_IN_FORCE for t in range(len(sc.terms))):
        lines.append(plain(tr("tui.no_agreements")))
    for term, sender, to, _ in s.proposals:
        words = tr(
            "tui.on_table", sender=role_name(sc, sender), term=text(m.terms[term].name), to=role_name(sc, to)
        )
        lines.append(plain(words))
    capital = ", ".join(f"{role_name(sc, r)} {s.capital[r]}" for r in range(len(sc.roles)))
    lines.append(plain(tr("tui.capital_all", capital=capital)))
    return lines


def trust_lines(s: State, moves: list[Move], viewer: int | None) -> list[str]:
    if s.scenario.credibility is None:
        return []
    story = tell(s, moves)
    return [plain(trust_line(s, fact)) for fact in trust_facts(s, story, viewer)]


def board(
    s: State, moves: list[Move], reader: int | None, linear: bool, endings: bool = False
) -> list[RenderableType]:
    """The whole board, as renderables (boxes and a table) or, linear, as plain lines; with
    ``endings``, how the game can end too (the first board, and the board asked for)."""
    news = news_lines(s)
    how = ending_lines(s) if endings else []
    near = near_lines(s)
    situation = situation_lines(s)
    trust = trust_lines(s, moves, reader)
    coming = coming_lines(s, reader)
    if linear:
        out: list[RenderableType] = []
        for title, lines in (
            (tr("tui.news"), news),
            (tr("tui.tracks"), track_sentences(s, reader)),
            (tr("tui.near.title"), near),
            (tr("tui.endings.title"), how),
            (tr("tui.situation"), situation),
            (tr("tui.trust"), trust),
            (tr("calendar.title"), coming),
        ):
            if lines:
                out.append(plain(title))
                out.extend(lines)
        return out
    parts: list[RenderableType] = []
    if news:
        parts.append(Panel("\n".join(news), title=tr("tui.news"), title_align="left"))
    parts.append(tracks_table(s, reader))
    parts.append(f"[dim]{plain(tr('tui.mark.legend'))}[/dim]")
    if how:
        parts.append(Panel("\n".join(how), title=tr("tui.endings.title"), title_align="left"))
    parts.extend(near)
    parts.append(Panel("\n".join(situation + trust), title=tr("tui.situation"), title_align="left"))
    if coming:
        parts.append(Panel("\n".join(coming), title=tr("calendar.title"), title_align="left"))
    return parts


def coming_lines(s: State, reader: int | None) -> list[str]:
    """The scheduled beats still to come, as this screen's viewer may know them."""
    viewer = reader if reader is not None else PUBLIC
    out = []
    for c in coming_beats(s, viewer):
        risks = f" [dim]({plain(risk_labels(s.scenario, c.risks))})[/dim]" if c.risks else ""
        out.append(f"· {plain(coming_line(c))}{risks}")
    return out
