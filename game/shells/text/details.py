"""The orders prompt's look-ups: an order's details (``i KEY``) and why a track moved (``w TRACK``).

Both read the story layer: requirements in words, risks by name, odds as bands of the roll,
changes with their true cause (an undisclosed one stays undisclosed).
"""

from __future__ import annotations

from game.engine import State, legal_action_indexes
from game.engine.log import L_TRACK
from game.i18n import text, tr
from game.scenario.runtime import ACTION_PLAIN, CompiledScenario
from game.shells.text.console import plain
from game.shells.text.orders import order_keys, unavailable
from game.shells.text.phrases import change_phrase, mark_phrase
from game.story.fatigue import wear_now, wear_rule
from game.story.outlook import marks_on, risk_labels
from game.story.requirements import requirement_text
from game.story.why import track_changes
from game.story.words import action_description, action_name, action_tends, cost_line, odds_line


def details_lines(s: State, role: int, word: str) -> list[str]:
    """Everything about the order with key ``word``: what it does, costs, needs and risks."""
    sc = s.scenario
    keys = order_keys(sc, role)
    by_key = {key: index for index, key in keys.items()}
    index = by_key.get(int(word)) if word.isdigit() else None
    if index is None:
        return [f"[bold red]{plain(tr('tui.error', what=tr('tui.bad_key', number=word, n=len(keys))))}[/]"]
    action = sc.actions[index]
    out = [f"[bold]{keys[index]}  {plain(action_name(sc, index))}[/bold]  {plain(cost_line(action))}"]
    out.append(plain(action_description(sc, index)))
    out.append(plain(tr("tui.tends", what=action_tends(sc, index))))
    odds = odds_line(s, action)
    if odds:
        out.append(f"[cyan]{plain(odds)}[/cyan]")
    needs = requirement_text(sc, index)
    if needs:
        out.append(plain(tr("tui.orders.needs", what=needs)))
    out.extend(plain(line) for line in (wear_rule(sc, index), wear_now(s, index)) if line)
    if index not in legal_action_indexes(s, role):
        out.append(f"[dim]{plain(tr('tui.orders.unavailable', why=unavailable(s, index)))}[/dim]")
    if action.kind == ACTION_PLAIN:
        model = sc.model.actions[index]
        if model.risks:
            out.append(f"[dim]{plain(tr('tui.risks', risks=risk_labels(sc, model.risks)))}[/dim]")
        if action.covert:
            out.append(f"[magenta]{plain(tr('tui.covert_note'))}[/magenta]")
    return out


def find_track(sc: CompiledScenario, name: str) -> int | None:
    """A visible track by number (as listed), id, name, or the start of its name."""
    name = name.strip().lower()
    visible = [i for i, t in enumerate(sc.model.tracks) if not t.hidden]
    if name.isdigit() and 1 <= int(name) <= len(visible):
        return visible[int(name) - 1]
    for i in visible:
        track = sc.model.tracks[i]
        if name in (track.id, text(track.name).lower()) or text(track.name).lower().startswith(name):
            return i
    return None


def why_lines(s: State, track: int, reader: int, linear: bool) -> list[str]:
    """Why a track is where it is: its changes of the last two turns, each under its cause."""
    sc = s.scenario
    model = sc.model.tracks[track]
    out = [f"[bold]{plain(tr('tui.why.title', track=text(model.name), value=s.tracks[track]))}[/bold]"]
    changes = track_changes(s, track, turns=2)
    if not changes:
        out.append(plain(tr("tui.why.none")))
    for change in changes:
        risks = f" [dim]({plain(risk_labels(sc, change.risks))})[/dim]" if change.risks else ""
        moved = change_phrase(s, reader, L_TRACK, track, change.delta, linear) if change.delta else ""
        out.append(f"  {plain(tr('tui.turn_n', n=change.turn))}: {moved} - {plain(change.label)}{risks}")
    for mark in marks_on(sc, track):
        out.append(
            plain(
                tr(
                    "tui.why.mark",
                    mark=mark_phrase(sc, mark),
                    ending=text(sc.model.endings[mark.ending].name),
                )
            )
        )
    return out
