"""The host's pages and sockets on loopback: codes, clear refusals, guessing, origins, drafts
shared by a team's devices, checked messages, and the facilitator's decisions from a device."""

from __future__ import annotations

import asyncio
import http.client
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from game.scenario.load import load_scenario
from game.session.seats import Seat
from game.session.store import saves_dir
from game.session.table import Session
from game.shells.host.codes import Guard, shown
from game.shells.host.device import Device, next_error
from game.shells.host.room import Room, open_room
from game.shells.host.server import Host
from game.shells.host.serving import LocalHost


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def hosted() -> Iterator[tuple[LocalHost, Room, Clock]]:
    sc = load_scenario("teaching")
    room = open_room(Session.new(sc, 4, [Seat("human")] * 3), saves_dir() / "autosave.json")
    clock = Clock()
    with LocalHost(
        lambda base: Host(room, base, "en", Guard(limit=8, window=60, clock=clock)).app()
    ) as local:
        yield local, room, clock


def fetch(local: LocalHost, path: str, form: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    parts = urlsplit(local.base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    if form is None:
        connection.request("GET", path)
    else:
        body = urlencode(form)
        connection.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    headers = {k.lower(): v for k, v in response.getheaders()}
    text = response.read().decode("utf-8")
    connection.close()
    return response.status, headers, text


def code_of(room: Room, seat: str) -> str:
    return room.codes.by_seat[seat]


# ----------------------------------------------------------------------------- pages


def test_join_page_takes_a_typed_code_to_its_seat(hosted: tuple[LocalHost, Room, Clock]) -> None:
    local, room, _ = hosted
    status, headers, text = fetch(local, "/")
    assert status == 200 and '<form method="post"' in text and 'for="code"' in text
    typed = shown(code_of(room, "us")).lower()  # as a person types it: lower case, with the dash
    status, headers, _ = fetch(local, "/", {"code": typed})
    assert status == 303 and headers["location"] == f"/t/{code_of(room, 'us')}"
    status, headers, _ = fetch(local, "/", {"code": code_of(room, "facilitator")})
    assert status == 303 and headers["location"] == f"/f/{code_of(room, 'facilitator')}"
    status, headers, _ = fetch(local, f"/t/{code_of(room, 'facilitator')}")
    assert status == 303 and headers["location"].startswith("/f/")


def test_a_team_page_shows_its_own_briefing_and_no_one_elses(hosted: tuple[LocalHost, Room, Clock]) -> None:
    local, room, _ = hosted
    status, headers, text = fetch(local, f"/t/{code_of(room, 'mexico')}")
    sc = room.session.scenario
    assert status == 200
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["referrer-policy"] == "no-referrer" and headers["cache-control"] == "no-store"
    assert sc.model.roles[1].objectives[0].text["en"] in text
    assert sc.model.roles[0].briefing.situation["en"] not in text
    assert code_of(room, "us") not in text and code_of(room, "facilitator") not in text
    assert 'type="checkbox" name="order"' in text and "<label" in text and 'lang="en"' in text


def test_wrong_and_replaced_codes_get_clear_pages(hosted: tuple[LocalHost, Room, Clock]) -> None:
    local, room, _ = hosted
    status, _, text = fetch(local, "/t/ABCDEFGHJK")
    assert status == 404 and "No seat in the game running now has this code" in text
    old = code_of(room, "civil")
    with room.lock:
        room.codes.renew("civil")
    status, _, text = fetch(local, f"/t/{old}")
    assert status == 410 and "replaced by a new one" in text
    assert fetch(local, f"/t/{code_of(room, 'civil')}")[0] == 200


def test_guessing_is_slowed_down_then_allowed_again(hosted: tuple[LocalHost, Room, Clock]) -> None:
    local, room, clock = hosted
    for n in range(8):
        assert fetch(local, f"/t/WRONGCODE{n}")[0] == 404
    status, _, text = fetch(local, f"/t/{code_of(room, 'us')}")
    assert status == 429 and "Try again in" in text  # even a right code, so guessing gains nothing
    clock.now += 61
    assert fetch(local, f"/t/{code_of(room, 'us')}")[0] == 200


def test_the_board_shows_team_codes_only_while_the_facilitator_shows_them(
    hosted: tuple[LocalHost, Room, Clock],
) -> None:
    local, room, _ = hosted
    _, _, text = fetch(local, "/board")
    assert shown(code_of(room, "us")) in text and "<svg" in text
    assert code_of(room, "facilitator") not in text and shown(code_of(room, "facilitator")) not in text
    room.codes_shown = False
    room.changed()
    _, _, text = fetch(local, "/board")
    assert shown(code_of(room, "us")) not in text


def test_spanish_on_one_device(hosted: tuple[LocalHost, Room, Clock]) -> None:
    local, room, _ = hosted
    status, headers, text = fetch(local, f"/t/{code_of(room, 'us')}?lang=es")
    assert status == 200 and 'lang="es"' in text and "Dar estas órdenes" in text
    assert "cg_lang=es" in headers["set-cookie"]


# ----------------------------------------------------------------------------- sockets


def test_sockets_from_another_origin_or_with_a_wrong_code_are_refused(
    hosted: tuple[LocalHost, Room, Clock],
) -> None:
    local, room, _ = hosted
    url = local.base_url.replace("http", "ws") + f"/ws/{code_of(room, 'us')}"

    async def attempt(origin: str | None, address: str = url) -> int:
        try:
            async with connect(address, origin=origin) as socket:  # type: ignore[arg-type]
                await socket.recv()
                return 101
        except InvalidStatus as refused:
            return refused.response.status_code

    assert asyncio.run(attempt("http://evil.example")) == 403
    assert asyncio.run(attempt(None)) == 403
    assert asyncio.run(attempt(local.base_url, url.replace(code_of(room, "us"), "ABCDEFGHJK"))) == 403
    assert asyncio.run(attempt(local.base_url)) == 101


async def two_devices(local: LocalHost, room: Room, seat: str) -> tuple[Device, Device]:
    path = f"/ws/{code_of(room, seat)}"
    return await Device(local.base_url, path).open(), await Device(local.base_url, path).open()


def available(data: dict[str, Any]) -> list[str]:
    return [
        a["id"] for g in data["orders"]["groups"] for a in g["actions"] if a["available"] and a["ap"] == 1
    ]


def test_two_devices_of_a_team_share_its_draft_and_a_reload_finds_it(
    hosted: tuple[LocalHost, Room, Clock],
) -> None:
    local, room, _ = hosted

    async def scenario() -> None:
        first, second = await two_devices(local, room, "us")
        pick = available(first.data)[:1]
        await first.send({"type": "draft", "orders": pick})
        await second.wait_for(lambda d: d["orders"]["chosen"] == pick)
        await first.close()
        again = await Device(local.base_url, f"/ws/{code_of(room, 'us')}").open()  # the page reloaded
        assert again.data["orders"]["chosen"] == pick and again.data["step"] == "order"
        await again.send({"type": "submit", "orders": pick})
        await second.wait_for(lambda d: d["step"] == "given" and d["orders"]["given"])
        await second.send({"type": "change"})
        changed = await again.wait_for(lambda d: d["step"] == "order")
        assert changed["orders"]["chosen"] == pick  # taking orders back keeps the draft
        for device in (second, again):
            await device.close()

    asyncio.run(scenario())


def test_bad_messages_are_refused_and_change_nothing(hosted: tuple[LocalHost, Room, Clock]) -> None:
    local, room, _ = hosted
    mexico_order = room.session.scenario.actions[room.session.scenario.actions_by_role[1][0]].id

    async def scenario() -> list[str]:
        us = await Device(local.base_url, f"/ws/{code_of(room, 'us')}").open()
        for bad in (
            {"type": "submit", "orders": [], "extra": 1},
            {"type": "submit", "orders": [mexico_order]},
            {"type": "inject", "event": "x", "reason": "team sending a decision"},
            {"type": "submit", "orders": "not a list"},
            {"type": "draft", "orders": ["a" * 5000]},
        ):
            await us.send(bad)
            await next_error(us)
        await us.close()
        return us.errors

    errors = asyncio.run(scenario())
    assert len(errors) == 5
    assert "That is not an order of your team." in errors
    assert not room.session.pending_orders


def test_facilitator_decisions_from_a_device(hosted: tuple[LocalHost, Room, Clock]) -> None:
    local, room, _ = hosted
    sc = room.session.scenario

    async def scenario() -> None:
        fac = await Device(local.base_url, f"/ws/{code_of(room, 'facilitator')}").open()
        us = await Device(local.base_url, f"/ws/{code_of(room, 'us')}").open()
        event = sc.model.events[0]
        await fac.send({"type": "inject", "event": event.id, "reason": ""})
        assert "Write the reason first" in await next_error(fac)
        await fac.send({"type": "inject", "event": event.id, "reason": "The press breaks the story early"})
        await us.wait_for(lambda d: any(event.headline["en"] in item["text"] for item in d["news"]))
        track = sc.model.tracks[0]
        before = room.session.state.tracks[0]
        await fac.send({"type": "adjust", "changes": {track.id: 5}, "reason": "A ruling"})
        await us.wait_for(lambda d: d["tracks"][0]["value"] == min(100, before + 5))
        await fac.send({"type": "pause", "paused": True})
        await us.wait_for(lambda d: d["paused"])
        await us.send({"type": "submit", "orders": []})
        assert "paused" in await next_error(us)
        await fac.send({"type": "pause", "paused": False})
        await us.wait_for(lambda d: not d["paused"])
        await fac.send({"type": "undo", "what": "last"})
        await us.wait_for(lambda d: d["tracks"][0]["value"] == before)
        for device in (fac, us):
            await device.close()

    asyncio.run(scenario())
    assert [m.kind for m in room.session.moves] == ["inject"]


def test_holding_a_turn_for_the_tables_dice(hosted: tuple[LocalHost, Room, Clock]) -> None:
    local, room, _ = hosted
    sc = room.session.scenario
    checked = next(
        a for a in sc.actions_by_role[0] if sc.actions[a].check is not None and sc.actions[a].ap == 1
    )

    async def scenario() -> dict[str, Any]:
        fac = await Device(local.base_url, f"/ws/{code_of(room, 'facilitator')}").open()
        teams = [
            await Device(local.base_url, f"/ws/{code_of(room, seat)}").open()
            for seat in ("us", "mexico", "civil")
        ]
        await fac.send({"type": "hold", "held": True})
        await fac.wait_for(lambda d: d["hold"])
        await teams[0].send({"type": "submit", "orders": [sc.actions[checked].id]})
        for team in teams[1:]:
            await team.send({"type": "submit", "orders": []})
        await fac.wait_for(lambda d: d["step"] == "resolve" and d["dice_orders"])
        await fac.send({"type": "dice", "role": "us", "action": sc.actions[checked].id, "d1": 6, "d2": 6})
        await fac.wait_for(lambda d: d["dice_orders"][0]["dice"] == [6, 6])
        await fac.send({"type": "resolve"})
        done = await teams[0].wait_for(lambda d: d["last_turn"] is not None)
        for device in (fac, *teams):
            await device.close()
        return done

    seen = asyncio.run(scenario())
    us_name = room.session.scenario.model.roles[0].short
    us_name = us_name["en"] if isinstance(us_name, dict) else us_name
    order = next(o for o in seen["last_turn"]["orders"] if o["role"] == us_name)
    assert order["dice"] and "6" in order["dice"]
    assert room.session.moves[-1].dice == {(0, checked): (6, 6)}


def test_a_device_holding_a_replaced_code_is_let_go(hosted: tuple[LocalHost, Room, Clock]) -> None:
    local, room, _ = hosted

    async def scenario() -> bool:
        fac = await Device(local.base_url, f"/ws/{code_of(room, 'facilitator')}").open()
        civil = await Device(local.base_url, f"/ws/{code_of(room, 'civil')}").open()
        await fac.send({"type": "renew", "seat": "civil"})
        try:
            async with asyncio.timeout(10):
                while True:
                    await civil.receive()
        except Exception:  # noqa: BLE001 - the host closed the socket
            closed = civil.socket is not None and civil.socket.close_code == 4404
        await fac.close()
        return closed

    assert asyncio.run(scenario())
