"""The summary of a batch of games, as ``simulate`` prints it (rich tables on a terminal)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from game.i18n import text, tr, trn
from game.session.batch import Summary


def print_summary(summary: Summary) -> None:

    data = summary.as_json()
    model = summary.scenario.model
    console = Console()
    n = data["games"]
    players = ", ".join(f"{r}={p}" for r, p in data["players"].items())
    console.print(
        trn(
            "simulate.header",
            n,
            title=f"[bold]{escape(text(model.title))}[/bold]",
            games=f"{n:,}",
            seed=data["seed"],
            players=escape(players),
        )
    )
    endings = Table(title=tr("simulate.endings"), title_justify="left", show_edge=False)
    endings.add_column(tr("simulate.col.ending"))
    endings.add_column(tr("simulate.col.games"), justify="right")
    endings.add_column(tr("simulate.col.share"), justify="right")
    endings.add_column("")
    for ending in model.endings:
        count = data["endings"][ending.id]
        share = count / n
        endings.add_row(text(ending.name), f"{count:,}", f"{share:6.1%}", "█" * round(share * 40))
    console.print(endings)
    scores = Table(title=tr("simulate.scores"), title_justify="left", show_edge=False)
    scores.add_column(tr("simulate.col.role"))
    scores.add_column(tr("simulate.col.mean_score"), justify="right")
    scores.add_column(tr("simulate.col.cleared"), justify="right")
    for role in model.roles:
        scores.add_row(text(role.name), f"{data['scores'][role.id]:.1f}", f"{data['cleared'][role.id]:.1%}")
    console.print(scores)
    console.print(
        escape(tr("simulate.common_ground", share=f"{data['common_ground']:.1%}", turns=data["mean_turns"]))
    )
    tracks = Table(title=tr("simulate.tracks"), title_justify="left", show_edge=False)
    tracks.add_column(tr("simulate.col.track"))
    tracks.add_column(tr("simulate.col.start"), justify="right")
    tracks.add_column(tr("simulate.col.end"), justify="right")
    for track in model.tracks:
        tracks.add_row(text(track.name), str(track.start), f"{data['tracks'][track.id]:.1f}")
    console.print(tracks)
