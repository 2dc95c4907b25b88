"""A scripted device: one WebSocket to a seat, speaking the same messages a browser page sends.

The load benchmark and the tests play whole games with these; it is also the protocol's
reference in code. A device keeps the last view it received (``data``) and every refusal, and
``decide`` gives the orders or answers a hurried team might: random, but within its action
points and capital, from the orders its view shows as available.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect


class Device:
    def __init__(self, base_url: str, path: str, lang: str = "en", fmt: str = "data") -> None:
        """``base_url`` is ``http://HOST:PORT``; ``path`` is ``/ws/CODE`` or ``/ws/board``;
        ``fmt`` "data" (the view as data) or "html" (the rendered view, as a browser's page)."""
        self.origin = base_url
        self.url = base_url.replace("http://", "ws://", 1) + path + f"?lang={lang}&format={fmt}"
        self.socket: ClientConnection | None = None
        self.data: dict[str, Any] = {}
        self.version = -1
        self.statuses = 0
        self.stamp: tuple[int, ...] = (-1, -1)  # (version, status) of the last view or status heard
        self.errors: list[str] = []

    async def open(self) -> Device:
        self.socket = await connect(self.url, origin=self.origin, max_size=8 * 1024 * 1024)  # type: ignore[arg-type]
        await self.receive()
        return self

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def send(self, message: dict[str, Any]) -> None:
        assert self.socket is not None
        await self.socket.send(json.dumps(message))

    async def receive(self) -> dict[str, Any]:
        assert self.socket is not None
        text = await self.socket.recv()
        message = json.loads(text)
        if "stamp" in message:
            self.stamp = tuple(message["stamp"])
        if message["type"] == "error":
            self.errors.append(message["text"])
        elif message["type"] == "status" and self.data:
            self.data["teams"] = message["teams"]
            self.statuses += 1
        elif message["type"] == "view":
            self.version = message["version"]
            self.data = message.get("data", {})
        return message

    async def play(self, rng: random.Random) -> None:
        """Play this seat to the end of the game: answer and give orders whenever the view asks
        (a refused decision is followed by a pass, as a team out of time would)."""
        acted: tuple[Any, ...] | None = None
        refused = len(self.errors)
        while not self.data.get("over"):
            asked = (self.version, self.data.get("turn"), self.data.get("step"), self.data.get("phase"))
            if asked != acted:
                decision = decide(self.data, rng)
                if decision is not None:
                    acted = asked
                    await self.send(decision)
            await self.receive()
            if len(self.errors) > refused:
                refused = len(self.errors)
                if self.data.get("step") == "order":
                    await self.send({"type": "submit", "orders": []})

    async def listen(self) -> None:
        """Receive until the socket closes (run as a task beside the game)."""
        try:
            while True:
                await self.receive()
        except Exception:  # noqa: BLE001 - closed by the host or by the test
            return

    async def wait_for(
        self, check: Callable[[dict[str, Any]], bool], timeout: float = 10.0
    ) -> dict[str, Any]:
        """Receive until the view satisfies ``check`` (the current one may already)."""
        if self.data and check(self.data):
            return self.data
        async with asyncio.timeout(timeout):
            while True:
                message = await self.receive()
                if message["type"] == "view" and check(self.data):
                    return self.data


async def next_error(device: Device, timeout: float = 10.0) -> str:
    """Receive until the host refuses something this device sent; that refusal."""
    seen = len(device.errors)
    async with asyncio.timeout(timeout):
        while len(device.errors) == seen:
            await device.receive()
    return device.errors[-1]


def decide(data: dict[str, Any], rng: random.Random) -> dict[str, Any] | None:
    """The message a hurried team sends for the step its view asks of it (None: nothing to do)."""
    step = data.get("step")
    if step == "answer":
        return {"type": "answers", "answers": {p["id"]: rng.random() < 0.5 for p in data["proposals"]}}
    if step != "order":
        return None
    orders = data["orders"]
    ap, capital = orders["ap"], orders["capital"]
    available = [a for group in orders["groups"] for a in group["actions"] if a["available"]]
    rng.shuffle(available)
    chosen = []
    for action in available:
        if action["ap"] <= ap and action["capital"] <= capital and rng.random() < 0.8:
            chosen.append(action["id"])
            ap -= action["ap"]
            capital -= action["capital"]
    return {"type": "submit", "orders": chosen}
