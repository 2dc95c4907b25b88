"""Nothing lost: the host killed mid-turn and resumed with ``--load`` keeps its codes, the
orders teams had given and the drafts they were working on; and the deadline's two choices
for a late team (pass, or a computer player decides), with time passed in, never slept."""

from __future__ import annotations

import asyncio
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from game.scenario.load import load_scenario
from game.session.seats import Seat
from game.session.store import saves_dir
from game.session.table import Session
from game.shells.host.device import Device, decide
from game.shells.host.room import open_room

LINE = re.compile(r"^(\S+)\s+(http://\S+)$")


def start_host(home: Path, *args: str) -> tuple[subprocess.Popen[str], dict[str, str]]:
    """The real command, headless on loopback; returns the process and seat -> address."""
    env = {**os.environ, "COMMONGROUND_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable,
        "-m",
        "game",
        "host",
        *args,
        "--headless",
        "--bind",
        "127.0.0.1",
        "--port",
        "0",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    seats: dict[str, str] = {}
    assert process.stdout is not None
    for line in process.stdout:
        found = LINE.match(line.strip())
        if found:
            seats[found.group(1)] = found.group(2)
        if line.startswith("autosave"):
            break
    if "board" not in seats:
        process.kill()
        raise AssertionError(f"the host did not start: {process.stderr.read() if process.stderr else ''}")
    return process, seats


def socket_path(url: str) -> tuple[str, str]:
    base, _, code = url.rpartition("/")
    return base.rsplit("/", 1)[0], f"/ws/{code}"


async def open_teams(seats: dict[str, str], roles: list[str]) -> list[Device]:
    devices = []
    for role in roles:
        base, path = socket_path(seats[role])
        devices.append(await Device(base, path).open())
    return devices


async def drain(devices: list[Device], seconds: float = 0.05) -> None:
    for device in devices:
        try:
            async with asyncio.timeout(seconds):
                while True:
                    await device.receive()
        except TimeoutError:
            pass


async def play_until_orders_of(devices: list[Device], turn: int, rng: random.Random) -> None:
    """Every team decides what it is asked until the orders of ``turn`` are open to all."""
    acted: dict[int, Any] = {}
    async with asyncio.timeout(60):
        while not all(d.data["turn"] == turn and d.data["step"] == "order" for d in devices):
            for n, device in enumerate(devices):
                key = (device.version, device.data["turn"], device.data["step"])
                decision = decide(device.data, rng) if acted.get(n) != key else None
                if decision is not None and not (
                    device.data["turn"] == turn and device.data["step"] == "order"
                ):
                    acted[n] = key
                    await device.send(decision)
            await drain(devices)


def test_killed_mid_turn_and_resumed_with_nothing_lost(tmp_path: Path) -> None:
    process, seats = start_host(tmp_path, "cartel_mission_seminar", "--seed", "9")
    roles = [seat for seat in seats if seat not in ("facilitator", "board")]
    assert len(roles) == 6 and all("/t/" in seats[r] for r in roles) and "/f/" in seats["facilitator"]
    rng = random.Random(4)

    async def before_the_kill() -> tuple[dict[str, list[str]], list[str]]:
        devices = await open_teams(seats, roles)
        await play_until_orders_of(devices, 2, rng)
        given: dict[str, list[str]] = {}
        for role, device in zip(roles[:3], devices[:3], strict=True):
            decision = decide(device.data, rng)
            assert decision is not None
            await device.send(decision)
            await device.wait_for(lambda d: d["step"] == "given")
            given[role] = device.data["orders"]["chosen"]
        drafting = devices[3]
        pick = [a["id"] for g in drafting.data["orders"]["groups"] for a in g["actions"] if a["available"]][
            :1
        ]
        await drafting.send({"type": "draft", "orders": pick})
        await drafting.wait_for(lambda d: d["orders"]["chosen"] == pick)
        return given, pick

    try:
        given, draft = asyncio.run(before_the_kill())
    finally:
        process.kill()  # no goodbye: as if the laptop's battery died mid-turn
        process.wait(timeout=10)

    process, again = start_host(tmp_path, "--load", "autosave")
    try:
        assert {k: urlsplit(v).path for k, v in again.items()} == {
            k: urlsplit(v).path for k, v in seats.items()
        }

        async def after() -> list[Device]:
            devices = await open_teams(again, roles)
            for role, device in zip(roles, devices, strict=True):
                assert device.data["turn"] == 2
                if role in given:
                    assert device.data["step"] == "given" and device.data["orders"]["chosen"] == given[role]
                else:
                    assert device.data["step"] == "order"
            assert devices[3].data["orders"]["chosen"] == draft
            await asyncio.wait_for(
                asyncio.gather(*(d.play(random.Random(n)) for n, d in enumerate(devices))), 240
            )
            for device in devices:
                await device.close()
            return devices

        finished = asyncio.run(after())
        assert all(device.data["over"] for device in finished)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_port_in_use_is_bad_input(tmp_path: Path) -> None:
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    env = {**os.environ, "COMMONGROUND_HOME": str(tmp_path)}
    command = [
        sys.executable,
        "-m",
        "game",
        "host",
        "teaching",
        "--headless",
        "--bind",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    finished = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    taken.close()
    assert (
        finished.returncode == 2
        and "try another --port" in finished.stderr
        and "Traceback" not in finished.stderr
    )


# ----------------------------------------------------------------------------- the deadline


def deadline_room(policy: str) -> Any:
    sc = load_scenario("teaching")
    room = open_room(Session.new(sc, 6, [Seat("human")] * 3), saves_dir() / "autosave.json")
    room.deadline.set(1, policy, room.round())
    return room


def test_a_late_team_passes_when_time_runs_out() -> None:
    room = deadline_room("pass")
    sc = room.session.scenario
    room.submit_orders(0, [])
    assert room.waiting() == (1, 2)
    assert not room.tick(59.0)
    assert room.tick(1.5)  # time is up: the others pass, and the turn resolves
    assert room.session.state.turn == 2 and room.session.moves[-1].orders[1:] == ((), ())
    assert any(key == "host.notice.passed" for _, key, _ in room.notices)
    assert room.deadline.seconds_left() == 60  # the next round starts with the full time
    assert sc.role_ids  # the scenario is untouched


def test_a_computer_player_decides_for_a_late_team() -> None:
    room = deadline_room("computer")
    room.submit_orders(0, [])
    room.paused = True
    assert not room.tick(120.0)  # a paused game's clock stands still
    room.paused = False
    assert room.tick(61.0)
    move = room.session.moves[-1]
    assert move.kind == "orders" and (move.orders[1] or move.orders[2])
    assert move.order_reasons, "the stand-in says why, as computer players do"
