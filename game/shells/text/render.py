"""Rich renderables for the terminal game: pure functions of a (redacted) state.

Scenario text is untrusted: every piece of it placed in markup goes through ``plain`` (escaped,
control and bidi characters replaced); ``Text`` objects hold it literally.
"""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from game.engine import State, legal_action_indexes, result, role_score, why_not
from game.engine.log import AG_IN_FORCE
from game.i18n import text, tr
from game.scenario.runtime import ACTION_PROPOSE
from game.shells.text.console import plain
from game.story.headlines import headlines
from game.story.why import last_change, track_changes
from game.story.words import (
    action_name,
    action_tends,
    category_name,
    cost_line,
    odds_line,
    reason_text,
    role_name,
)

SPARK = "▁▂▃▄▅▆▇█"


def bar(value: int, width: int = 20) -> str:
    filled = round(value / 100 * width)
    return "█" * filled + "·" * (width - filled)


def change_text(delta: int, good: str) -> Text:
    if not delta:
        return Text("")
    better = (delta > 0) == (good == "high") if good != "neutral" else None
    style = "green" if better else "red" if better is False else "yellow"
    return Text(f"{delta:+d}", style=style)


def tracks_table(s: State) -> Table:
    table = Table(title=tr("text.tracks"), title_justify="left", show_edge=False, pad_edge=False)
    table.add_column(tr("text.track"))
    table.add_column("", no_wrap=True)
    table.add_column("", justify="right")
    table.add_column(tr("text.change"), justify="right")
    for i, track in enumerate(s.scenario.model.tracks):
        if track.hidden:
            continue
        value = s.tracks[i]
        table.add_row(
            Text(text(track.name)), bar(value), str(value), change_text(last_change(s, i), track.good)
        )
    return table


def situation_panel(s: State) -> Panel:
    """Postures, agreements, proposals on the table, capital of every role: the public board."""
    sc = s.scenario
    m = sc.model
    lines: list[str] = []
    for posture in sc.postures:
        option = m.postures[posture.index].options[s.postures[posture.index]]
        lines.append(
            f"{plain(text(m.postures[posture.index].name))}: [bold]{plain(text(option.name))}[/bold]"
        )
    in_force = [text(m.terms[t].name) for t in range(len(sc.terms)) if s.agreements[t] == AG_IN_FORCE]
    lines.append(plain(tr("text.agreements") + ": " + (", ".join(in_force) if in_force else tr("text.none"))))
    for term, sender, to, _ in s.proposals:
        lines.append(
            plain(
                tr(
                    "text.on_table",
                    sender=role_name(sc, sender),
                    term=text(m.terms[term].name),
                    to=role_name(sc, to),
                )
            )
        )
    capital = ", ".join(f"{role_name(sc, r)} {s.capital[r]}" for r in range(len(sc.roles)))
    lines.append(plain(tr("text.capital_all") + ": " + capital))
    return Panel("\n".join(lines), title=tr("text.situation"), title_align="left")


CONSEQUENCE_KINDS = ("rule", "exposed", "agreement", "ending")


def news_panel(s: State) -> Panel | None:
    """What the table has to react to: last turn's consequences, then this turn's news."""
    items = []
    if s.history:
        items.extend(
            h for h in headlines(s, s.history[-1].entries) if h.major and h.kind in CONSEQUENCE_KINDS
        )
    items.extend(headlines(s, s.current))
    if not items:
        return None
    lines = []
    for item in items:
        risks = f" [dim]({plain(', '.join(item.risks))})[/dim]" if item.risks else ""
        mark = "[bold]■[/bold] " if item.major else "  · "
        lines.append(f"{mark}{plain(item.text)}{risks}")
    return Panel("\n".join(lines), title=tr("text.news"), title_align="left")


def objectives_table(s: State, role: int) -> Table:
    sc = s.scenario
    model = sc.model.roles[role]
    score = role_score(s, role)
    table = Table(
        title=tr("text.objectives", score=score.score, threshold=score.threshold),
        title_justify="left",
        show_edge=False,
    )
    table.add_column(tr("text.objective"))
    table.add_column(tr("text.weight"), justify="right")
    table.add_column(tr("text.now"), justify="right")
    for objective, value in zip(model.objectives, score.objectives, strict=True):
        table.add_row(Text(text(objective.text)), str(objective.weight), str(value))
    return table


def orders_table(s: State, role: int) -> tuple[Table, list[int]]:
    """Every action of the role, numbered; unavailable ones dimmed with the reason."""
    sc = s.scenario
    legal = set(legal_action_indexes(s, role))
    numbered: list[int] = []
    table = Table(show_edge=False, pad_edge=False, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(tr("text.order"), ratio=3)
    table.add_column(tr("text.cost"), no_wrap=True)
    table.add_column(tr("text.odds_tends"), ratio=3)
    for category in range(4):
        indexes = [a for a in sc.actions_by_role[role] if sc.actions[a].category == category]
        simple = [a for a in indexes if sc.actions[a].kind != ACTION_PROPOSE]
        proposals = [a for a in indexes if sc.actions[a].kind == ACTION_PROPOSE]
        if not indexes:
            continue
        table.add_row("", Text(category_name(category), style="bold underline"), "", "")
        for index in simple + proposals:
            action = sc.actions[index]
            odds = odds_line(s, action)
            detail = plain(action_tends(sc, index)) + (f"\n[cyan]{plain(odds)}[/cyan]" if odds else "")
            name = plain(action_name(sc, index)) + (
                f" [magenta]{tr('text.covert_tag')}[/magenta]" if action.covert else ""
            )
            if index in legal:
                numbered.append(index)
                table.add_row(str(len(numbered)), name, Text(cost_line(action)), detail)
            else:
                reason = reason_text(sc, why_not(s, action)) if why_not(s, action) else tr("text.not_now")
                table.add_row(
                    "",
                    Text.from_markup(f"[dim]{name}[/dim]"),
                    Text(cost_line(action), style="dim"),
                    Text(reason, style="dim"),
                )
    return table, numbered


def programmes_line(s: State, role: int) -> str:
    sc = s.scenario
    running = [
        f"{action_name(sc, a)} ({tr('text.turns_left', n=left)})"
        for a, _, left in s.programmes
        if sc.actions[a].role == role
    ]
    return ", ".join(running)


def why_panel(s: State, track: int) -> Panel:
    sc = s.scenario
    model = sc.model.tracks[track]
    changes = track_changes(s, track, turns=2)
    if not changes:
        body = tr("text.why.none")
    else:
        body = "\n".join(
            f"{plain(tr('text.turn_n', n=c.turn))}: {c.delta:+d}  {plain(c.label)}"
            + (f" [dim]({plain(', '.join(c.risks))})[/dim]" if c.risks else "")
            for c in changes
        )
    title = plain(tr("text.why.title", track=text(model.name), value=s.tracks[track]))
    return Panel(body, title=title, title_align="left")


def sparkline(values: list[int]) -> str:
    return "".join(SPARK[min(len(SPARK) - 1, v * len(SPARK) // 101)] for v in values)


def end_screen(s: State) -> Group:

    sc = s.scenario
    m = sc.model
    outcome = result(s)
    ending = m.endings[s.ending]
    parts: list = [
        Panel(
            Text(text(ending.narrative)),
            title=plain(tr("text.ending", name=text(ending.name), turn=s.turn)),
            title_align="left",
        ),
    ]
    scores = Table(title=tr("text.scores"), title_justify="left", show_edge=False)
    scores.add_column(tr("text.role"))
    scores.add_column(tr("text.score"), justify="right")
    scores.add_column(tr("text.threshold"), justify="right")
    scores.add_column("")
    scores.add_column(tr("text.objectives_short"))
    for r, score in enumerate(outcome.scores):
        detail = "; ".join(
            f"{text(o.text)} {v}" for o, v in zip(m.roles[r].objectives, score.objectives, strict=True)
        )
        scores.add_row(
            Text(role_name(sc, r, short=False)),
            str(score.score),
            str(score.threshold),
            "[green]✓[/green]" if score.cleared else "[red]✗[/red]",
            Text(detail),
        )
    parts.append(scores)
    parts.append(
        Text(
            tr("text.common_ground.yes") if outcome.common_ground else tr("text.common_ground.no"),
            style="bold",
        )
    )
    chart = Table(title=tr("text.tracks_over_time"), title_justify="left", show_edge=False)
    chart.add_column(tr("text.track"))
    chart.add_column(tr("text.start"), justify="right")
    chart.add_column("", no_wrap=True)
    chart.add_column(tr("text.end"), justify="right")
    for i, track in enumerate(m.tracks):
        if track.hidden:
            continue
        values = [track.start] + [record.tracks[i] for record in s.history]
        chart.add_row(Text(text(track.name)), str(track.start), sparkline(values), str(s.tracks[i]))
    parts.append(chart)
    chain = []
    for record in s.history:
        major = [plain(h.text) for h in headlines(s, record.entries) if h.major]
        if major:
            chain.append(f"[bold]{plain(tr('text.turn_n', n=record.turn))}[/bold]: " + " → ".join(major))
    if chain:
        parts.append(Panel("\n".join(chain), title=tr("text.chain"), title_align="left"))
    return Group(*parts)
