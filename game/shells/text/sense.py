"""Whether a change is good or bad for the one reading the screen, said in words.

For a role, read from its own objectives (their measures and weights, as its view of the
scenario carries them): a track is good to raise if raising it lifts the role's weighted score.
For the public screen, which has no objectives, the track's own ``good`` direction stands in.
``--plain`` says these words beside every change; the coloured screen uses them for colour.
"""

from __future__ import annotations

from game.engine.log import L_CAPITAL, L_STANDING, L_TRACK
from game.engine.state import State
from game.i18n import text, tr

GOOD, BAD, NEUTRAL = 1, -1, 0


def track_sense(s: State, role: int | None, track: int) -> int:
    """+1 if a rise of the track is good for ``role`` (or, with no role, by the track's own
    direction), -1 if bad, 0 if it does not matter to the role's objectives."""
    model = s.scenario.model.tracks[track]
    compiled = s.scenario.roles[role].objectives if role is not None and role >= 0 else ()
    if not compiled:
        return {"high": GOOD, "low": BAD}.get(model.good, NEUTRAL)
    raised = s.shallow()
    raised.tracks = s.tracks[:]
    raised.tracks[track] += 1
    gain = sum(weight * (float(measure(raised)) - float(measure(s))) for measure, weight in compiled)
    return GOOD if gain > 0 else BAD if gain < 0 else NEUTRAL


def change_sense(s: State, role: int | None, kind: str, subject: int, delta: int) -> int:
    """GOOD, BAD or NEUTRAL for one change (a track, a role's capital or standing) and the reader."""
    if not delta:
        return NEUTRAL
    if kind == L_TRACK:
        direction = track_sense(s, role, subject)
    elif kind in (L_CAPITAL, L_STANDING):
        direction = GOOD if role is not None and subject == role else NEUTRAL
    else:
        direction = NEUTRAL
    return direction * (1 if delta > 0 else -1)


def sense_words(sense: int, for_role: bool) -> str:
    """'good for you' / 'bad for you' / 'no matter to your objectives'; for the public screen
    'good on this track' and so on."""
    if for_role:
        key = {GOOD: "tui.sense.good_you", BAD: "tui.sense.bad_you"}.get(sense, "tui.sense.neutral_you")
    else:
        key = {GOOD: "tui.sense.good", BAD: "tui.sense.bad"}.get(sense, "tui.sense.neutral")
    return tr(key)


SENSE_STYLE = {GOOD: "green", BAD: "red", NEUTRAL: "yellow"}


def change_name(s: State, kind: str, subject: int) -> str:
    """What moved: a track's name, or a role's capital or standing."""
    sc = s.scenario
    if kind == L_TRACK:
        return text(sc.model.tracks[subject].name)
    key = "tui.change.capital" if kind == L_CAPITAL else "tui.change.standing"
    return tr(key, role=text(sc.model.roles[subject].short))
