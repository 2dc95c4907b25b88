"""Computer players' reasons read true, over many random states of every bundled scenario.

Random players play each scenario some turns; then ``easy``, ``normal`` and now and then
``hard`` decide from each role's view, and every reason they give is checked: the tracks it
names are ones the order (or the term answered) can move itself; no track within
``NEAR`` points of its floor is said to need to come down (nor one near its ceiling to go up);
and every kind of phrase shows up in at least three wordings. What a choice can move is read
here from the scenario's YAML model, not from the compiled tables the players use, so the two
are checked against each other.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from game.ai import make_controller
from game.ai.phrases import PHRASES, say
from game.ai.random_player import RandomPlayer
from game.ai.reasons import order_head, situation
from game.ai.stance import build_stance
from game.engine import (
    PHASE_ANSWERS,
    State,
    answer_proposals,
    new_game,
    pending_answers,
    redact,
    resolve_turn,
)
from game.i18n import set_language, text
from game.scenario.load import load_scenario
from game.scenario.runtime import ACTION_PROPOSE, CompiledScenario

ROOT = Path(__file__).resolve().parents[1]
# Every bundled scenario, and the recorded copy of the default one with trust between roles (so
# that a proposer's broken word shows in reasons too).
PATHS = (
    *sorted((ROOT / "game" / "scenarios").glob("*.yaml")),
    ROOT / "tests" / "fixtures" / "speed" / "cartel_mission_dynamics.yaml",
)
GAMES = 8  # random games per scenario
# One test process for the whole module (pytest-xdist --dist loadgroup), so the module's random
# games and their reasons are made once, not once per worker.
pytestmark = pytest.mark.xdist_group("ai_reasons")
NEAR = 5  # within this of 0 or 100 a track is at its end
HEADS = ("order", "propose", "accept", "reject", "random")  # one wording: screens cut them off
VARIED = sorted(k for k, v in PHRASES["en"].items() if k not in HEADS)


@dataclass(frozen=True)
class Said:
    """One reason, with what it explains and the view it was given from."""

    scenario: CompiledScenario
    view: State
    kind: str  # "order", "answer" or "hold"
    index: int  # the action or the term
    reason: str
    why: str  # the reason without its head (the order's or term's name)


def wordings(key: str, lang: str = "en") -> tuple[str, ...]:
    found = PHRASES[lang][key]
    return (found,) if isinstance(found, str) else tuple(found)


def level_of(count: int, answering: bool = False) -> str:
    """Mostly ``easy`` and ``normal`` orders, now and then ``hard`` (the slow one); answers,
    quick at every level, by all three in turn."""
    if answering:
        return ("easy", "normal", "hard")[count % 3]
    return "hard" if count % 10 == 9 else ("easy", "normal", "easy")[count % 3]


def decide(sc: CompiledScenario, state: State, seed: int, count: int) -> Iterator[Said]:
    """Every role's decision from its view of ``state``, by a level that changes each call."""
    for role in range(len(sc.roles)):
        level = level_of(count + role, state.phase == PHASE_ANSWERS)
        player = make_controller(level, seed * 10 + role, sc, role)
        view = redact(state, role, player.view_turns)
        if state.phase == PHASE_ANSWERS:
            if pending_answers(state, role):
                for term, reason in player.answer(view, role).reasons.items():
                    yield said(sc, view, "answer", term, reason)
            continue
        decided = player.orders(view, role)
        if not decided.actions:
            yield Said(sc, view, "hold", -1, decided.reasons[0], decided.reasons[0])
            continue
        for action, reason in zip(decided.actions, decided.reasons, strict=True):
            yield said(sc, view, "order", action, reason)


def said(sc: CompiledScenario, view: State, kind: str, index: int, reason: str) -> Said:
    if kind == "order":
        head = order_head(sc, index)
    else:
        name = text(sc.model.terms[index].name)
        heads = [say(key, term=name, why="") for key in ("accept", "reject")]
        head = next((h for h in heads if reason.startswith(h)), heads[0])
    assert reason.startswith(head), reason
    return Said(sc, view, kind, index, reason, reason[len(head) :])


def random_game(sc: CompiledScenario, seed: int) -> Iterator[Said]:
    """A game of random players; the computer players are asked every other turn and at some
    of the proposals, from the same states."""
    players = [RandomPlayer(seed * 31 + r) for r in range(len(sc.roles))]
    state, count = new_game(sc, seed), seed
    while not state.terminal:
        if (state.turn + seed) % 2 == 0 or state.phase == PHASE_ANSWERS and count % 2:
            yield from decide(sc, state, seed, count)
            count += 1
        if state.phase == PHASE_ANSWERS:
            asked = [r for r in range(len(sc.roles)) if pending_answers(state, r)]
            state = answer_proposals(state, {r: players[r].answer(state, r).accepted for r in asked})
        else:
            state = resolve_turn(state, [p.orders(state, r).actions for r, p in enumerate(players)])


@pytest.fixture(scope="module")
def reasons() -> list[Said]:
    set_language("en")
    out: list[Said] = []
    for path in PATHS:
        sc = load_scenario(path)
        for seed in range(GAMES):
            out.extend(random_game(sc, 500 + seed))
    return out


# ----------------------------------------------------------------------------- what a choice can move


def walk(model: Any, node: Any, out: set[str], seen: set[tuple[str, str]]) -> None:
    """Track ids that a piece of the YAML model moves, following postures and agreements."""
    if isinstance(node, list):
        for item in node:
            walk(model, item, out, seen)
        return
    if not isinstance(node, dict):
        return
    if isinstance(node.get("track"), str) and ("add" in node or "set" in node):
        out.add(node["track"])
    for kind, key in (("posture", "posture"), ("agreement", "agreement")):
        if isinstance(node.get(key), str) and "set" in node and (kind, node[key]) not in seen:
            seen.add((kind, node[key]))
            if kind == "posture":
                posture = next(p for p in model.postures if p.id == node[key])
                walk(model, [o.model_dump()["ongoing"] for o in posture.options], out, seen)
            else:
                term = next(t for t in model.terms if t.id == node[key]).model_dump()
                walk(model, [term["ongoing"], term["breach"]["effects"]], out, seen)
    for key, value in node.items():
        if key == "breaks":
            for term in (t.model_dump() for t in model.terms if t.id in value):
                walk(model, term["breach"]["effects"], out, seen)
        else:
            walk(model, value, out, seen)


def can_move(sc: CompiledScenario, kind: str, index: int) -> set[str]:
    """The names of the tracks an order or a term can move, read from the YAML model."""
    model = sc.model
    term = sc.actions[index].term if kind == "order" and sc.actions[index].kind == ACTION_PROPOSE else None
    ids: set[str] = set()
    if kind == "answer" or term is not None:
        dump = model.terms[index if term is None else term].model_dump()
        walk(model, [dump["on_accept"], dump["on_reject"], dump["ongoing"]], ids, set())
    else:
        walk(model, model.actions[index].model_dump(), ids, set())
    return {text(t.name) for t in model.tracks if t.id in ids}


def named(sc: CompiledScenario, why: str) -> set[str]:
    return {text(t.name) for t in sc.model.tracks if text(t.name) in why}


def test_a_reason_names_only_tracks_its_choice_can_move(reasons: list[Said]) -> None:
    wrong = [
        f"{s.reason!r} (it moves {sorted(can_move(s.scenario, s.kind, s.index))})"
        for s in reasons
        if s.kind != "hold" and not named(s.scenario, s.why) <= can_move(s.scenario, s.kind, s.index)
    ]
    head = f"{len(wrong)} reasons name a track their choice cannot move, e.g.\n"
    assert not wrong, head + "\n".join(wrong[:8])


def test_the_model_walk_finds_what_the_compiled_orders_move(reasons: list[Said]) -> None:
    """The check above is only as good as its reading of the YAML: on the default scenario it
    finds a track for almost every order, and postures and agreements add to it."""
    sc = reasons[0].scenario
    moved = [can_move(sc, "order", a.index) for a in sc.actions]
    assert sum(1 for m in moved if m) >= 0.9 * len(moved)
    assert all(can_move(sc, "answer", t.index) for t in sc.terms)


# ----------------------------------------------------------------------------- the words


def track_names(sc: CompiledScenario) -> tuple[str, ...]:
    return tuple(text(t.name) for t in sc.model.tracks)


@cache
def pattern(template: str, names: tuple[str, ...]) -> re.Pattern[str]:
    """A wording as a regular expression: the track's name and a value are caught by name."""
    tracks = "|".join(re.escape(name) for name in names)
    out = ""
    for literal, field, _, _ in string.Formatter().parse(template):
        out += re.escape(literal)
        if field == "track":
            out += f"(?P<track>{tracks})"
        elif field == "value":
            out += r"(?P<value>\d+)"
        elif field is not None:
            out += ".+?" if field != "why" else ".*"
    return re.compile(out)


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}


def used(said: Said) -> set[tuple[str, int]]:
    """The (phrase, wording) pairs a reason reads as."""
    return {
        (key, k)
        for key in VARIED
        for k, template in enumerate(wordings(key))
        if pattern(template, track_names(said.scenario)).search(said.reason)
    }


def test_no_track_at_its_end_is_said_to_need_to_go_further(reasons: list[Said]) -> None:
    wrong = []
    for s in reasons:
        tracks = {text(t.name): i for i, t in enumerate(s.scenario.model.tracks)}
        for key, end in (("why.lower", lambda v: v <= NEAR), ("why.raise", lambda v: v >= 100 - NEAR)):
            for template in wordings(key):
                for found in pattern(template, track_names(s.scenario)).finditer(s.why):
                    value = s.view.tracks[tracks[found["track"]]]
                    assert int(found["value"]) == value, s.reason  # "(now 44)" is what the role sees
                    if end(value):
                        wrong.append(s.reason)
    assert not wrong, f"{len(wrong)} reasons urge a track past its end, e.g.\n" + "\n".join(wrong[:8])


def test_every_phrase_is_worded_at_least_three_ways(reasons: list[Said]) -> None:
    seen: dict[str, set[int]] = {}
    times: Counter[str] = Counter()
    for s in reasons:
        for key, k in used(s):
            seen.setdefault(key, set()).add(k)
            times[key] += 1
    common = {"hold", "odds", "why.plan", "why.lower", "why.raise", "why.high", "why.low", "why.rising"}
    assert common <= set(seen), f"never said: {sorted(common - set(seen))}"
    few = {key: sorted(ks) for key, ks in seen.items() if len(ks) < 3 and times[key] >= 12}
    assert not few, f"phrases said often in fewer than three wordings: {few}"


def test_the_wordings_can_be_told_apart_and_mean_the_same_in_both_languages(reasons: list[Said]) -> None:
    """Each wording reads as itself alone (so the count above is a true count); Spanish has as
    many wordings as English with the same blanks, and speaks impersonally."""
    sc = reasons[0].scenario
    track = text(sc.model.tracks[0].name)
    sample = {"track": track, "value": 44, "delta": 5, "pct": 37, "why": "W", "sender": "S"}
    for key in VARIED:
        english, spanish = wordings(key), wordings(key, "es")
        assert len(english) >= 3 and len(set(english)) == len(english), key
        assert len(spanish) == len(english) and len(set(spanish)) == len(spanish), key
        for en, es in zip(english, spanish, strict=True):
            assert fields(en) == fields(es), (key, es)
            assert not re.search(r"\b(tú|tu|tus|te|ti|contigo|vosotros|os|puedes|debes|tienes)\b", es), es
        for k, template in enumerate(english):
            said = Said(sc, reasons[0].view, "hold", -1, template.format(**sample), "")
            assert used(said) == {(key, k)}, (key, k, used(said))


def test_a_track_near_its_floor_is_kept_low_not_urged_down() -> None:
    sc = load_scenario(PATHS[0])
    stance = build_stance(sc, 0, None)
    track = next(i for i, w in enumerate(stance.track_weight) if w < 0)
    state = new_game(sc, 1)
    keep_low, lower = wordings("why.keep_low"), wordings("why.lower")
    for value, right in ((3, keep_low), (NEAR, keep_low), (NEAR + 1, lower), (35, lower)):
        state.tracks = list(state.tracks)
        state.tracks[track] = state.turn_start[track] = value
        said = [situation(state, stance, track, pick) for pick in range(3)]
        name = text(sc.model.tracks[track].name)
        assert said == [right[k].format(track=name, value=value) for k in range(3)], value


def test_reasons_in_spanish_use_spanish_wordings() -> None:
    """A random game in Spanish: every reason reads as one of the Spanish wordings, none as an
    English one (a wording missing from the Spanish table would fall back to English)."""
    set_language("es")
    sc = load_scenario(PATHS[0])
    names = track_names(sc)  # in Spanish now
    spanish = [pattern(t, names) for k in VARIED for t in wordings(k, "es")]
    english = [pattern(t, names) for k in VARIED for t in wordings(k)]
    seen = [said for seed in (900, 901, 902) for said in random_game(sc, seed)]
    assert len(seen) > 50
    for s in seen:
        assert any(p.search(s.reason) for p in spanish), s.reason
        assert not any(p.search(s.reason) for p in english), s.reason
