"""The terminal's sentences about the game, read from the story layer (``game.story``).

Each returns rich markup with every piece of scenario text escaped, so the same lines serve the
coloured screen and ``--plain`` (whose console drops every style). ``linear`` asks for the words
a screen reader needs where the coloured screen relies on colour: "Cartel power down 3, good for
you" instead of a green "-3".
"""

from __future__ import annotations

from game.engine.log import L_TRACK
from game.engine.state import State
from game.i18n import text, tr, trn
from game.scenario.runtime import PART_FAILURE, PART_PARTIAL, PART_SUCCESS, CompiledScenario
from game.shells.text.console import plain
from game.shells.text.sense import SENSE_STYLE, change_name, change_sense, sense_words
from game.story.facts import Dice
from game.story.outlook import NearEnding, Running, answer_preview, near_endings, running
from game.story.thresholds import Threshold
from game.story.words import bands_line

PART_KEYS = {
    PART_SUCCESS: "tui.part.success",
    PART_PARTIAL: "tui.part.partial",
    PART_FAILURE: "tui.part.failure",
}


def change_phrase(s: State, reader: int | None, kind: str, subject: int, delta: int, linear: bool) -> str:
    """One change: coloured by whether it is good for the reader, or said in words."""
    name = change_name(s, kind, subject)
    sense = change_sense(s, reader, kind, subject, delta)
    if linear:
        if kind != L_TRACK and not sense:  # another role's capital: no good or bad to say
            return plain(
                tr("tui.change.up_plain" if delta > 0 else "tui.change.down_plain", name=name, n=abs(delta))
            )
        key = "tui.change.up" if delta > 0 else "tui.change.down"
        words = tr(key, name=name, n=abs(delta), sense=sense_words(sense, reader is not None))
        return plain(words)
    return f"[{SENSE_STYLE[sense]}]{plain(name)} {delta:+d}[/]"


def changes_phrase(s: State, reader: int | None, changes: list[tuple[str, int, int]], linear: bool) -> str:
    """Several changes (kind, subject, delta) on one line, joined."""
    join = "; " if linear else ", "
    return join.join(
        change_phrase(s, reader, kind, subject, delta, linear) for kind, subject, delta in changes
    )


def dice_phrase(sc: CompiledScenario, action: int, dice: Dice) -> str:
    """'roll 7 against target 8: partial' with the dice, the outcome's text and its bands."""
    outcome = tr(PART_KEYS[dice.part])
    head = tr("tui.dice.roll", total=dice.total, target=dice.target, outcome=outcome)
    modifier = f"{dice.modifier:+d}" if dice.modifier else ""
    detail = tr("tui.dice.detail", d1=dice.d1, d2=dice.d2, modifier=modifier)
    if dice.physical:
        detail += tr("tui.dice.physical")
    model = sc.model.actions[action].check if action < len(sc.model.actions) else None
    said = {PART_SUCCESS: "success", PART_PARTIAL: "partial", PART_FAILURE: "failure"}[dice.part]
    result = getattr(model, said, None) if model is not None else None
    story = f" - {text(result.text)}" if result is not None and text(result.text) else ""
    bands = bands_line(dice.target, dice.partial_from, 0)
    return plain(f"{head} {detail}{story}") + f" [dim]({plain(bands)})[/dim]"


def mark_phrase(sc: CompiledScenario, mark: Threshold) -> str:
    """'US public support at 18 or below'."""
    key = "tui.mark.above" if mark.op in (">=", ">") else "tui.mark.below"
    return tr(key, track=text(sc.model.tracks[mark.track].name), at=mark.at)


def near_phrase(s: State, near: NearEnding) -> str:
    sc = s.scenario
    marks = tr("tui.and").join(
        tr("tui.near.mark", mark=mark_phrase(sc, mark), value=value) for mark, value in near.marks
    )
    ending = text(sc.model.endings[near.ending].name)
    return plain(trn("tui.near.line", near.distance, ending=ending, marks=marks))


def near_lines(s: State) -> list[str]:
    """Warnings for the endings one typical turn could bring ('' list when none is near)."""
    return [f"[bold yellow]{near_phrase(s, near)}[/]" for near in near_endings(s)]


def running_phrase(s: State, item: Running) -> str:
    """'US posture: Unilateral pressure - every turn: Mission creep +5' (and since, until)."""
    effects = ", ".join(item.effects) if item.effects else tr("tui.running.nothing")
    if item.kind == "agreement":
        if item.sunset:
            words = tr("tui.running.agreement_until", name=item.name, since=item.since, until=item.sunset)
        else:
            words = tr("tui.running.agreement", name=item.name, since=item.since)
    else:
        words = item.name
    return plain(tr("tui.running.line", what=words, effects=effects))


def running_lines(s: State) -> list[str]:
    return [running_phrase(s, item) for item in running(s)]


def preview_lines(sc: CompiledScenario, term: int) -> list[str]:
    """What accepting and refusing a proposal does, at once and every turn after."""
    preview = answer_preview(sc, term)
    none = tr("tui.preview.nothing")
    out = [tr("tui.preview.accept", effects=", ".join(preview.accept) or none)]
    if preview.each_turn:
        out.append(tr("tui.preview.each_turn", effects=", ".join(preview.each_turn)))
    if preview.sunset:
        out.append(trn("tui.preview.sunset", preview.sunset))
    out.append(tr("tui.preview.reject", effects=", ".join(preview.reject) or none))
    return [plain(line) for line in out]
