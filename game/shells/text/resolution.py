"""The resolution of a turn, as the reader may see it: each item of the turn's story with the
changes it really caused, every check as a roll against its target with the outcome bands.

Read from ``game.story.facts.tell_turn`` on a redacted view: a change whose cause the reader may
not know stands under "Undisclosed cause", never under a visible order or headline; a posture's
and an agreement's running effects have lines of their own. ``secret_result`` is the covert
role's own result, for its own screen only.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.engine.log import L_CAPITAL, L_ORDER, L_STANDING, L_TRACK, Entry
from game.engine.move import Move
from game.engine.state import State
from game.i18n import tr
from game.scenario.runtime import C_POSTURE, C_PROGRAMME, C_TERM, PROG_ONGOING, TERM_ONGOING
from game.shells.text.console import plain
from game.shells.text.phrases import changes_phrase, dice_phrase
from game.story.facts import UPKEEP, Beat, Order, TurnStory, tell_turn
from game.story.fatigue import worn_line
from game.story.headlines import headline_of
from game.story.outlook import risk_labels
from game.story.words import action_name, cause_label, facilitator_notes, reason_alone, risks_of, role_name

SHOWN_KINDS = (L_TRACK, L_CAPITAL, L_STANDING)


Line = tuple[int, str]  # (indent, markup): printed wrapped, its further lines indented more


def visible_changes(s: State, beats: Sequence[Beat]) -> list[tuple[str, int, int]]:
    """The changes a screen shows - tracks the reader may see, capital, standing - summed per
    thing moved (two effects of one cause on one track read as one change), in order."""
    tracks = s.scenario.model.tracks
    total: dict[tuple[str, int], int] = {}
    for beat in beats:
        for c in beat.changes:
            if c.kind in SHOWN_KINDS and not (c.kind == L_TRACK and tracks[c.subject].hidden):
                total[(c.kind, c.subject)] = total.get((c.kind, c.subject), 0) + c.value
    return [(kind, subject, delta) for (kind, subject), delta in total.items() if delta]


def upkeep_label(s: State, beat: Beat) -> str:
    """The cause of changes that stand apart; what acts every turn says so."""
    words = cause_label(s.scenario, beat.cause, facilitator_notes(s))
    cause = beat.cause
    every_turn = bool(cause) and (
        cause[0] == C_POSTURE
        or (cause[0] == C_TERM and cause[2] == TERM_ONGOING)
        or (cause[0] == C_PROGRAMME and cause[2] == PROG_ONGOING)
    )
    return tr("tui.upkeep", label=words) if every_turn else words


def _order_of(story: TurnStory, beat: Beat) -> Order | None:
    if beat.kind != L_ORDER:
        return None
    return next((o for o in story.orders if o.action == beat.subject), None)


def beat_lines(
    s: State, story: TurnStory, beats: Sequence[Beat], reader: int | None, linear: bool
) -> list[Line]:
    """A story item: its headline (or its cause, for effects that stand apart), the dice of an
    order's check, and the changes it made; nothing when it says and changes nothing. Several
    ``beats`` are items of one cause told together (a turn's income for every role)."""
    sc = s.scenario
    beat = beats[0]
    changes = visible_changes(s, beats)
    if beat.kind == UPKEEP:
        words, risks, major = (
            upkeep_label(s, beat),
            risks_of(sc, beat.cause),
            False,
        )
    else:
        line = headline_of(sc, Entry(beat.kind, beat.subject, beat.value, beat.cause))
        if line is None or not line.text:
            if not changes:
                return []
            words, risks, major = (
                cause_label(sc, beat.cause, facilitator_notes(s)),
                line.risks if line else (),
                False,
            )
        else:
            words, risks, major = line.text, line.risks, line.major
    if beat.kind == UPKEEP and not changes:
        return []
    head = f"[bold]{plain(words)}[/bold]" if major else plain(words)
    if reader is not None and reader >= 0 and beat.secret_owner == reader:
        head += f" [magenta]{plain(tr('tui.secret_yours'))}[/magenta]"
    if risks:
        head += f" [dim]({plain(risk_labels(sc, risks))})[/dim]"
    out: list[Line] = [(0, ("■ " if major else "· ") + head)]
    order = _order_of(story, beat)
    if order is not None and order.dice is not None:
        out.append((4, dice_phrase(sc, order.action, order.dice)))
    if order is not None and order.worn:
        out.append((4, f"[yellow]{plain(worn_line(sc, order.action, order.worn))}[/yellow]"))
    if changes:
        out.append((4, changes_phrase(s, reader, changes, linear)))
    return out


def _told_together(s: State, beats: Sequence[Beat]) -> list[list[Beat]]:
    """Beats in order, those standing apart under the same words (income) joined into one."""
    groups: list[list[Beat]] = []
    label = ""
    for beat in beats:
        words = cause_label(s.scenario, beat.cause) if beat.kind == UPKEEP else ""
        if words and groups and words == label and groups[-1][0].kind == UPKEEP:
            groups[-1].append(beat)
        else:
            groups.append([beat])
        label = words
    return groups


def resolution_lines(
    s: State, moves: Sequence[Move], reader: int | None, humans: Sequence[int], linear: bool
) -> list[Line]:
    """The last resolved turn in the reader's view: what happened and why, then the computer
    players' reasons for the orders the reader may see."""
    if not s.history:
        return []
    story = tell_turn(s, moves, s.history[-1].turn)
    if story is None:
        return []
    out: list[Line] = []
    for group in _told_together(s, story.beats):
        out.extend(beat_lines(s, story, group, reader, linear))
    for order in story.orders:
        if order.reason and order.role not in humans:
            why = reason_alone(s.scenario, order.action, order.reason)
            line = tr(
                "tui.reason",
                role=role_name(s.scenario, order.role),
                action=action_name(s.scenario, order.action),
                why=why,
            )
            out.append((2, f"[dim]{plain(line)}[/dim]"))
    return out


def secret_result(s: State, moves: Sequence[Move], role: int, turn: int, linear: bool) -> list[Line]:
    """What the role's own secret orders and programmes did on ``turn``: for its eyes only."""
    story = tell_turn(s, moves, turn)
    if story is None:
        return []
    out: list[Line] = []
    for beat in story.beats:
        if beat.secret_owner == role:
            out.extend(beat_lines(s, story, [beat], role, linear))
    return out
