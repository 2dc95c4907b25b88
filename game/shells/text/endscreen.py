"""The end of the game: the ending, every role's score, the tracks over the turns, and - as a
debrief should - every order each role gave, the secret ones revealed.

The orders are read from the story of the whole game (``game.story.facts.tell`` on the full
state: the game is over, nothing is secret any more), so they are the orders really given.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from game.engine import result
from game.engine.move import Move
from game.engine.state import State
from game.i18n import text, tr, trn
from game.shells.text.console import plain
from game.story.facts import Order, tell
from game.story.headlines import headlines
from game.story.words import action_name, role_name

SPARK = "▁▂▃▄▅▆▇█"
PART_WORDS = {1: "tui.part.success", 2: "tui.part.partial", 3: "tui.part.failure"}


def sparkline(values: list[int]) -> str:
    return "".join(SPARK[min(len(SPARK) - 1, v * len(SPARK) // 101)] for v in values)


def order_words(s: State, order: Order) -> str:
    """'United States: Authorize a secret mission (secret - revealed at the end) - failure'."""
    sc = s.scenario
    words = tr("tui.end.order", role=role_name(sc, order.role), action=action_name(sc, order.action))
    if order.covert:
        if order.exposed_on is None:
            words += " " + tr("tui.end.secret_kept")
        else:
            words += " " + tr("tui.end.secret_until", turn=order.exposed_on)
    if order.dice is not None:
        words += " " + tr(
            "tui.end.roll",
            total=order.dice.total,
            target=order.dice.target,
            outcome=tr(PART_WORDS[order.dice.part]),
        )
    if order.skipped:
        words += " " + tr("tui.end.skipped")
    if order.worn:
        words += " " + trn("tui.end.worn", order.worn)
    return words


def orders_by_turn(full: State, moves: Sequence[Move]) -> list[tuple[int, list[str]]]:
    story = tell(full, moves)
    return [(turn.turn, [order_words(full, o) for o in turn.orders]) for turn in story.turns if turn.orders]


def score_rows(s: State) -> list[tuple[str, int, int, bool, str]]:
    m = s.scenario.model
    rows = []
    for r, score in enumerate(result(s).scores):
        detail = "; ".join(
            f"{text(o.text)} {v}" for o, v in zip(m.roles[r].objectives, score.objectives, strict=True)
        )
        rows.append(
            (role_name(s.scenario, r, short=False), score.score, score.threshold, score.cleared, detail)
        )
    return rows


def chain_lines(s: State) -> list[str]:
    out = []
    for record in s.history:
        major = [plain(h.text) for h in headlines(s, record.entries) if h.major]
        if major:
            out.append(f"[bold]{plain(tr('tui.turn_n', n=record.turn))}[/bold]: " + " → ".join(major))
    return out


def end_linear(s: State, full: State, moves: Sequence[Move]) -> list[str]:
    """The end screen as plain lines for ``--plain``."""
    m = s.scenario.model
    ending = m.endings[s.ending]
    out = [plain(tr("tui.ending", name=text(ending.name), turn=s.turn)), plain(text(ending.narrative))]
    out.append(plain(tr("tui.scores")))
    for name, score, threshold, cleared, detail in score_rows(s):
        key = "tui.end.score_cleared" if cleared else "tui.end.score_missed"
        out.append(plain(tr(key, role=name, score=score, threshold=threshold, detail=detail)))
    out.append(plain(tr("tui.common_ground.yes" if result(s).common_ground else "tui.common_ground.no")))
    out.append(plain(tr("tui.tracks_over_time")))
    for i, track in enumerate(m.tracks):
        if not track.hidden:
            out.append(plain(tr("tui.end.track", track=text(track.name), start=track.start, end=s.tracks[i])))
    out.append(plain(tr("tui.end.orders")))
    for turn, orders in orders_by_turn(full, moves):
        out.extend(plain(tr("tui.end.turn_order", turn=turn, order=o)) for o in orders)
    chain = chain_lines(s)
    if chain:
        out.append(plain(tr("tui.chain")))
        out.extend(chain)
    return out


def end_screen(s: State, full: State, moves: Sequence[Move]) -> list[RenderableType]:
    """The end screen in boxes and tables. ``s`` is the reader's view, ``full`` the whole game."""
    m = s.scenario.model
    ending = m.endings[s.ending]
    title = plain(tr("tui.ending", name=text(ending.name), turn=s.turn))
    parts: list[RenderableType] = [Panel(Text(text(ending.narrative)), title=title, title_align="left")]
    scores = Table(title=tr("tui.scores"), title_justify="left", show_edge=False)
    for name, justify in (("tui.role", "left"), ("tui.score", "right"), ("tui.threshold", "right")):
        scores.add_column(tr(name), justify=justify)  # type: ignore[arg-type]
    scores.add_column("")
    scores.add_column(tr("tui.objectives_short"))
    for name, score, threshold, cleared, detail in score_rows(s):
        mark = "[green]✓[/green]" if cleared else "[red]✗[/red]"
        scores.add_row(Text(name), str(score), str(threshold), mark, Text(detail))
    parts.append(scores)
    common = "tui.common_ground.yes" if result(s).common_ground else "tui.common_ground.no"
    parts.append(Text(tr(common), style="bold"))
    chart = Table(title=tr("tui.tracks_over_time"), title_justify="left", show_edge=False)
    chart.add_column(tr("tui.track"))
    chart.add_column(tr("tui.start"), justify="right")
    chart.add_column("", no_wrap=True)
    chart.add_column(tr("tui.end"), justify="right")
    for i, track in enumerate(m.tracks):
        if not track.hidden:
            values = [track.start] + [record.tracks[i] for record in s.history]
            chart.add_row(Text(text(track.name)), str(track.start), sparkline(values), str(s.tracks[i]))
    parts.append(chart)
    orders = [
        f"[bold]{plain(tr('tui.turn_n', n=turn))}[/bold]  " + plain(o)
        for turn, given in orders_by_turn(full, moves)
        for o in given
    ]
    if orders:
        parts.append(Panel("\n".join(orders), title=tr("tui.end.orders"), title_align="left"))
    chain = chain_lines(s)
    if chain:
        parts.append(Panel("\n".join(chain), title=tr("tui.chain"), title_align="left"))
    return parts
