"""What each seat may see. Screens and computer players get a *redacted state*, never the raw one.

A redacted state is an ordinary State with every secret of the other roles taken out: their
unexposed covert programmes and the effects those set up, covert postures (shown at their
public value), hidden tracks (shown at their start value), private flags, the true random
generator and seed, and the log entries that would give any of it away. Because bots and
screens only ever hold such a state, secrecy holds by construction.
"""

from __future__ import annotations

from typing import Any

from game.engine import rng
from game.engine.state import (
    L_CAPITAL,
    L_FLAG,
    L_POSTURE,
    L_STANDING,
    L_TRACK,
    Entry,
    State,
    TurnRecord,
)
from game.scenario.runtime import C_ACTION, C_DELAYED, C_PROGRAMME, PROG_ONGOING

PUBLIC = -1  # the projected screen: what every team may see
FACILITATOR = -2  # sees everything
HIDDEN_CAUSE: tuple[Any, ...] = ("hidden",)
_SHOWN_WITH_HIDDEN_CAUSE = {L_TRACK, L_CAPITAL, L_STANDING}


def secret_owner(s: State, cause: tuple[Any, ...]) -> int:
    """The role that may still see this cause, or -1 when it is no secret (any more)."""
    while cause and cause[0] == C_DELAYED:
        cause = cause[1]
    if not cause:
        return -1
    if cause[0] == C_ACTION or (cause[0] == C_PROGRAMME and cause[2] == PROG_ONGOING):
        action = s.scenario.actions[cause[1]]
        if action.covert and not s.exposed[action.index]:
            return action.role
    return -1


def filter_entry(s: State, entry: Entry, viewer: int) -> Entry | None:
    """The entry as this viewer may see it: whole, with its cause hidden, or not at all."""
    if viewer == FACILITATOR:
        return entry
    kind, subject, value, cause = entry
    scenario = s.scenario
    if kind == L_TRACK and subject in scenario.secrets.hidden_tracks:
        return None
    if kind == L_FLAG and subject in scenario.secrets.private_flags:
        return None
    if kind == L_POSTURE:
        posture = scenario.postures[subject]
        if posture.options[value].covert and viewer != posture.owner and s.posture_public[subject] != value:
            return None
    owner = secret_owner(s, cause)
    if owner < 0 or owner == viewer:
        return entry
    if kind in _SHOWN_WITH_HIDDEN_CAUSE:
        return (kind, subject, value, HIDDEN_CAUSE)
    return None


def secrets_live(s: State) -> bool:
    """Has any covert order been given and not yet exposed? If not, no cause is secret."""
    used, exposed = s.used, s.exposed
    return any(used[i] and not exposed[i] for i in s.scenario.secrets.covert_actions)


def filter_entries(s: State, entries: tuple[Entry, ...], viewer: int) -> tuple[Entry, ...]:
    if viewer == FACILITATOR or not entries:
        return entries
    secrets = s.scenario.secrets
    if not secrets_live(s) and not secrets.hidden_tracks and not secrets.private_flags and not secrets.covert_postures:
        return entries
    out = []
    for entry in entries:
        shown = filter_entry(s, entry, viewer)
        if shown is not None:
            out.append(shown)
    return tuple(out)


def redact(state: State, viewer: int, history: int | None = None) -> State:
    """A copy of the state holding only what ``viewer`` (a role index, PUBLIC or FACILITATOR) may know.

    ``history`` keeps only that many most recent turn records (None: all). With 0 the view
    carries no log at all (not even this turn's entries so far): computer players that do not
    read the log ask for that, which keeps their view cheap.
    """
    if viewer == FACILITATOR:
        return state
    s = state.clone()
    scenario = s.scenario
    secrets = scenario.secrets
    actions = scenario.actions
    if s.programmes:
        kept = tuple(p for p in s.programmes if actions[p[0]].role == viewer or s.exposed[p[0]])
        if len(kept) != len(s.programmes):
            for index, _, _ in s.programmes:
                if actions[index].role != viewer and not s.exposed[index]:
                    s.active[index] -= 1
            s.programmes = kept
    for index in secrets.covert_actions:
        if actions[index].role != viewer and not s.exposed[index]:
            s.used[index] = 0
            s.last_used[index] = 0
    if s.scheduled and secrets_live(state):
        s.scheduled = tuple(item for item in s.scheduled if secret_owner(state, item[2]) in (-1, viewer))
    for posture in scenario.postures:
        if posture.owner != viewer:
            s.postures[posture.index] = s.posture_public[posture.index]
    for index in secrets.hidden_tracks:
        s.tracks[index] = s.turn_start[index] = scenario.track_start[index]
    for index in secrets.private_flags:
        s.flags[index] = int(scenario.flag_start[index])
    s.seed = 0
    s.rng = rng.seed_state(s.turn * 7919 + viewer + 17)
    s.current = filter_entries(state, s.current, viewer) if history != 0 else ()
    records = s.history if history is None else (s.history[-history:] if history > 0 else ())
    s.history = tuple(redact_record(state, record, viewer) for record in records)
    return s


def redact_record(state: State, record: TurnRecord, viewer: int) -> TurnRecord:
    scenario = state.scenario
    actions = scenario.actions
    hidden = scenario.secrets.hidden_tracks
    tracks = record.tracks
    if hidden:
        tracks = tuple(scenario.track_start[i] if i in hidden else v for i, v in enumerate(tracks))
    return TurnRecord(
        record.turn,
        record.news,
        tuple(
            tuple(a for a in orders if secret_owner(state, actions[a].causes[0]) in (-1, viewer))
            for orders in record.orders
        ),
        filter_entries(state, record.entries, viewer),
        tracks,
    )
