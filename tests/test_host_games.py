"""Whole games over the host on loopback: several teams as WebSocket clients play every bundled
scenario to its ending, and every message sent to every device is checked for another role's
secrets against the true state of the game at the moment the message was built.

A team's message may hold only what ``redact(state, role)`` holds: no other role's unexposed
covert order, no covert posture shown at its true value, no hidden track, no private flag it
may not see, and never another role's objectives, briefing or personas. The board is held to
the public view. The checker is shown to catch a leak (the facilitator's messages, which may
see everything, do contain covert orders), so the test can fail.
"""

from __future__ import annotations

import asyncio
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from game.engine import PUBLIC, State
from game.scenario.load import bundled_scenarios, load_scenario
from game.scenario.runtime import CompiledScenario
from game.session.seats import Seat
from game.session.store import load_session, saves_dir
from game.session.table import Session
from game.shells.host import views
from game.shells.host.device import Device
from game.shells.host.room import open_room
from game.shells.host.server import Host
from game.shells.host.serving import LocalHost

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"


@dataclass
class Sent:
    """A message as built for a seat, with the true state of the game when it was built."""

    seat: str
    state: State
    text: str


@dataclass
class Recorder:
    sent: list[Sent] = field(default_factory=list)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """Every message the host builds, in any language, for any seat."""
    recorder = Recorder()
    original = views.message

    def record(room: Any, seat: str, lang: str, base_url: str) -> dict[str, Any]:
        built = original(room, seat, lang, base_url)
        recorder.sent.append(Sent(seat, room.session.state, json.dumps(built, ensure_ascii=False)))
        return built

    monkeypatch.setattr(views, "message", record)
    return recorder


def all_languages(value: object) -> list[str]:
    if isinstance(value, dict):
        return [str(v) for v in value.values() if v]
    return [str(value)] if value else []


def always_secret(sc: CompiledScenario, viewer: int) -> list[str]:
    """Texts a viewer never receives: other roles' objectives, briefings and personas."""
    out: list[str] = []
    for role, model in enumerate(sc.model.roles):
        if role == viewer:
            continue
        for objective in model.objectives:
            out += all_languages(objective.text)
        for part in (model.briefing.situation, model.briefing.pressures, model.briefing.success):
            out += all_languages(part)
        for persona in model.personas:
            out += all_languages(persona.name) + all_languages(persona.description)
    for index in sc.secrets.hidden_tracks:
        out += all_languages(sc.model.tracks[index].name)
    for index in sc.secrets.private_flags:
        if viewer not in sc.secrets.flag_viewers[index]:
            out += all_languages(sc.model.flags[index].name)
    if viewer >= 0:  # a text the viewer's own role has too (a shared objective) is not another's secret
        mine = sc.model.roles[viewer]
        own = [t for o in mine.objectives for t in all_languages(o.text)]
        own += [
            t
            for part in (mine.briefing.situation, mine.briefing.pressures, mine.briefing.success)
            for t in all_languages(part)
        ]
        out = [t for t in out if t not in own]
    public = public_texts(sc)
    return [t for t in out if t not in public]


def public_texts(sc: CompiledScenario) -> set[str]:
    """Texts anyone may read (a secret objective worded like a track's description is no leak)."""
    m = sc.model
    items: list[object] = [t.name for t in m.tracks if not t.hidden] + [
        t.description for t in m.tracks if not t.hidden
    ]
    items += [e.headline for e in m.events] + [e.text for e in m.events]
    items += [t.name for t in m.terms] + [t.text for t in m.terms] + [r.name for r in m.roles]
    return {text for item in items for text in all_languages(item)}


def secret_now(state: State, viewer: int) -> list[str]:
    """Texts secret from this viewer in this state: other roles' covert orders not yet exposed."""
    sc = state.scenario
    out: list[str] = []
    for index in sc.secrets.covert_actions:
        action = sc.actions[index]
        if action.role != viewer and not state.exposed[index]:
            out += all_languages(sc.model.actions[index].name)
    return out


def leaks(text: str, secrets: list[str]) -> list[str]:
    return [s for s in secrets if len(s) > 3 and (s in text or str(escape(s)) in text)]


def check_postures(sent: Sent, viewer: int) -> list[str]:
    """A covert posture the viewer does not own is shown at its public value."""
    data = json.loads(sent.text)["data"]
    state = sent.state
    sc = state.scenario
    wrong = []
    for shown, posture in zip(data["situation"]["postures"], sc.postures, strict=True):
        value = (
            state.postures[posture.index] if posture.owner == viewer else state.posture_public[posture.index]
        )
        names = all_languages(sc.model.postures[posture.index].options[value].name)
        if shown["option"] not in names:
            wrong.append(f"{shown['name']}: {shown['option']} instead of {names}")
    return wrong


def check_messages(recorder: Recorder, sc: CompiledScenario) -> int:
    """Fails on any secret in a team's or the board's message; returns how many were checked."""
    checked = 0
    never: dict[int, list[str]] = {}  # always_secret by viewer: the same for the whole game
    for sent in recorder.sent:
        if sent.seat == "facilitator":
            continue
        viewer = PUBLIC if sent.seat == "board" else sc.role_ids.index(sent.seat)
        if viewer not in never:
            never[viewer] = always_secret(sc, viewer)
        found = leaks(sent.text, never[viewer] + secret_now(sent.state, viewer))
        found += check_postures(sent, viewer)
        assert not found, f"{sent.seat} on turn {sent.state.turn} was sent {found}"
        if viewer != PUBLIC:
            data = json.loads(sent.text)["data"]
            own = {sc.actions[a].id for a in sc.actions_by_role[viewer]}
            listed = {a["id"] for group in data["orders"]["groups"] for a in group["actions"]}
            assert listed <= own, f"{sent.seat} was shown orders of another role"
        checked += 1
    return checked


def facilitator_saw_a_covert_order(recorder: Recorder) -> bool:
    """The checker's own check: a facilitator message holding a covert order (whose name the
    checker would have caught in a team's message)."""
    for sent in recorder.sent:
        if sent.seat == "facilitator" and leaks(sent.text, secret_now(sent.state, PUBLIC)):
            return True
    return False


async def play_game(local: LocalHost, room: Any, seed: int, lang_of: dict[str, str]) -> list[Device]:
    sc = room.session.scenario
    teams = []
    for role in room.session.human_roles():
        seat = sc.role_ids[role]
        teams.append(
            await Device(local.base_url, f"/ws/{room.codes.by_seat[seat]}", lang_of.get(seat, "en")).open()
        )
    watchers = [
        await Device(local.base_url, "/ws/board").open(),
        await Device(local.base_url, f"/ws/{room.codes.by_seat['facilitator']}", "es").open(),
    ]
    listening = [asyncio.create_task(device.listen()) for device in watchers]
    await asyncio.wait_for(
        asyncio.gather(*(team.play(random.Random(seed * 100 + n)) for n, team in enumerate(teams))), 240
    )
    async with asyncio.timeout(30):
        while not all(watcher.data.get("over") for watcher in watchers):  # their listeners read on
            await asyncio.sleep(0.02)
    for device in teams + watchers:
        await device.close()
    await asyncio.gather(*listening)
    return teams


def host_game(sc: CompiledScenario, seed: int, seats: list[Seat]) -> tuple[Any, Any]:
    session = Session.new(sc, seed, seats)
    room = open_room(session, saves_dir() / "autosave.json")
    return room, (lambda base: Host(room, base, "en").app())


@pytest.mark.parametrize("path", [*bundled_scenarios(), FIXTURE], ids=lambda p: p.stem)
def test_teams_play_a_whole_game_and_no_message_holds_another_roles_secret(
    path: Path, recorded: Recorder
) -> None:
    sc = load_scenario(path)
    seeds = (3, 11, 23, 31, 47) if path == FIXTURE else (5,)  # the fixture's games are the quick ones
    for seed in seeds:
        room, app_for = host_game(sc, seed, [Seat("human")] * len(sc.roles))
        languages = {sc.role_ids[0]: "es"}
        with LocalHost(app_for) as local:
            teams = asyncio.run(play_game(local, room, seed, languages))
        state = room.session.state
        assert state.terminal and state.ending >= 0
        for team in teams:
            assert team.data["over"] and team.data["ending"]["name"]
            assert "score" in team.data["ending"]
        # every move was autosaved: the save loads and is the same game
        saved = load_session(saves_dir() / "autosave.json")
        assert saved.state.fingerprint() == state.fingerprint()
    assert check_messages(recorded, sc) > 20
    if sc.secrets.covert_actions and path == FIXTURE:
        assert facilitator_saw_a_covert_order(recorded)


def test_computer_seats_and_a_single_team(recorded: Recorder) -> None:
    """One team of people at the seminar table with computer players in the other seats."""
    sc = load_scenario("cartel_mission_seminar")
    seats = [Seat("human") if r in (0, 3) else Seat("normal") for r in range(len(sc.roles))]
    room, app_for = host_game(sc, 2, seats)
    assert room.seat_ids() == [sc.role_ids[0], sc.role_ids[3], "facilitator"]
    with LocalHost(app_for) as local:
        teams = asyncio.run(play_game(local, room, 2, {}))
    assert len(teams) == 2 and room.session.state.terminal
    reasons = [
        order["reason"]
        for sent in recorded.sent
        if sent.seat == sc.role_ids[0]
        for order in ((json.loads(sent.text)["data"]["last_turn"] or {}).get("orders", []))
    ]
    assert any(reasons), "computer players' reasons reach the teams with their revealed orders"
    check_messages(recorded, sc)


def test_the_checker_catches_a_leak(recorded: Recorder) -> None:
    sc = load_scenario(FIXTURE)
    state = Session.new(sc, 1, [Seat("human")] * 2).state
    name = sc.model.actions[sc.secrets.covert_actions[0]].name
    text = json.dumps({"data": {"note": str(name.get("en") if isinstance(name, dict) else name)}})
    assert leaks(text, secret_now(state, 1))
    assert not leaks(text, secret_now(state, 0))  # its own covert order is no secret to north
    assert leaks("Keep calm.", always_secret(sc, 1)) and not leaks("Keep calm.", always_secret(sc, 0))
