"""The crisis's calendar as a viewer may know it: the scheduled beats still to come.

A beat is a decision point the roles should see coming (the USMCA review in month 7, the
midterms, the War Powers deadlines after US forces deploy). Set turns are known to all from the
scenario; a beat that follows a flag is dated once the flag is set, counted from the turn the
viewer saw it set (a flag the viewer may not see dates nothing: its beats are not listed).
A dated beat whose condition failed on its turn waits, and comes with the first news after
that in which it holds (``game.engine.beats``): it is listed for the next turn. Whether a beat's
condition will hold is not judged here, only said in words: the condition may
read what this viewer cannot see.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.log import L_FLAG
from game.engine.state import State
from game.engine.view import FACILITATOR
from game.i18n import text, tr, trn
from game.scenario.models_dynamics import Beat as BeatModel
from game.scenario.runtime import CompiledScenario
from game.story.requirements import condition_text


@dataclass(frozen=True, slots=True)
class Coming:
    """A beat still to come: its turn if dated, else how long after which flag it would come."""

    beat: int
    turn: int | None  # the turn it is due, or None while its flag is not set
    headline: str
    condition: str  # the condition in words ('' if none)
    after_flag: str = ""  # the flag it waits for, by name, while not dated
    turns_after: int = 0
    risks: tuple[str, ...] = ()


def coming_beats(s: State, viewer: int) -> list[Coming]:
    """The beats still to come in this view, the dated ones soonest first, then those waiting."""
    sc = s.scenario
    if s.terminal or not sc.model.beats:
        return []
    seen = _flags_seen_set(s)
    dated: list[Coming] = []
    waiting: list[Coming] = []
    for beat, model in zip(sc.beats, sc.model.beats, strict=True):
        if s.beats_done[beat.index]:
            continue
        words = text(model.headline), condition_words(sc, model)
        risks = tuple(model.risks)
        if beat.turn >= 0:
            if s.turn < beat.turn <= s.turns:
                dated.append(Coming(beat.index, beat.turn, *words, risks=risks))
            continue
        if not _may_see_flag(sc, beat.after_flag, viewer):
            continue
        since = seen.get(beat.after_flag)
        if since is None:
            flag = text(sc.model.flags[beat.after_flag].name)
            waiting.append(Coming(beat.index, None, *words, flag, beat.turns, risks))
            continue
        due = max(since + beat.turns, s.turn + 1)  # past due, it waits for its condition: next turn
        if due <= s.turns:
            dated.append(Coming(beat.index, due, *words, risks=risks))
    dated.sort(key=lambda c: (c.turn, c.beat))
    return dated + waiting


def coming_line(c: Coming) -> str:
    """'Turn 7: The USMCA joint review' or '2 turns after US forces deployed: ...', with its
    condition when it has one."""
    if c.turn is not None:
        line = tr("calendar.at_turn", turn=c.turn, headline=c.headline)
    else:
        line = trn("calendar.after_flag", c.turns_after, flag=c.after_flag, headline=c.headline)
    return line + (tr("calendar.only_if", condition=c.condition) if c.condition else "")


def condition_words(sc: CompiledScenario, model: BeatModel) -> str:
    """The author's few words for the beat's condition, or the condition spelt out (a covert
    order named only as covert)."""
    if model.when_text is not None:
        return text(model.when_text)
    return condition_text(sc, model.when, discreet=True)


def _may_see_flag(sc: CompiledScenario, flag: int, viewer: int) -> bool:
    model = sc.model.flags[flag]
    if model.public or viewer == FACILITATOR:
        return True
    return 0 <= viewer < len(sc.role_ids) and sc.role_ids[viewer] in model.visible_to


def _flags_seen_set(s: State) -> dict[int, int]:
    """flag -> the turn it was first set, from the lines of this view (a set hidden from the
    viewer is not among them)."""
    out: dict[int, int] = {}
    records = [(r.turn, r.log) for r in s.history] + [(s.turn, s.journal)]
    for turn, log in records:
        for kind, subject, value, _ in log:
            if kind == L_FLAG and value and subject not in out:
                out[subject] = turn
    for flag, since in enumerate(s.flag_since):
        if since == 0 and flag not in out:  # set from the start: no line says so
            out[flag] = 0
    return out
