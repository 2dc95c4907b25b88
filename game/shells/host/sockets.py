"""One WebSocket per device, and the hub that pushes fresh views to every device after a change.

A device connects to ``/ws/CODE`` (a team or the facilitator) or ``/ws/board``; the socket is
refused unless its ``Origin`` is this host (a page elsewhere cannot drive a team's seat through
a visitor's browser) and its code opens a seat now. Each message a device sends is checked
(``messages.parse``) and carried out on the room under its lock; a refusal goes back to that
device alone, in its language. Any change bumps the room's version and wakes the hub, which
sends each device the message for its seat and language (built once per seat and language).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.websockets import WebSocket, WebSocketDisconnect

from game.shells.host import messages
from game.shells.host.codes import Guard, normalise
from game.shells.host.render import speaking
from game.shells.host.room import Refused, Room
from game.shells.host.views import BOARD_SEAT, MessageCache

CLOSE_FORBIDDEN, CLOSE_UNKNOWN = 4403, 4404
log = logging.getLogger("commonground.host")
TICK_SECONDS = 1.0


@dataclass(eq=False)
class Device:
    socket: WebSocket
    seat: str
    lang: str
    sent: tuple[int, int, int] | None = None  # the stamp of the last view it was sent
    fmt: str = "html"  # "data" for a scripted device
    code: str = ""  # the code it joined with ('' for the board): a replaced code is let go


def origin_allowed(socket: WebSocket) -> bool:
    """The page that opened the socket was served by this host (same host and port)."""
    origin = socket.headers.get("origin")
    host = socket.headers.get("host")
    if not origin or not host:
        return False
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()


class Hub:
    def __init__(self, room: Room, base_url: str, lang: str, guard: Guard, languages: list[str]) -> None:
        self.room = room
        self.lang = lang
        self.guard = guard
        self.languages = languages
        self.cache = MessageCache(room, base_url)
        self.devices: set[Device] = set()
        self.wake = asyncio.Event()
        self.loop: asyncio.AbstractEventLoop | None = None

    # ------------------------------------------------------------------ waking

    def start(self) -> list[asyncio.Task[None]]:
        self.loop = asyncio.get_running_loop()
        self.room.listeners.append(self.poke_threadsafe)
        return [asyncio.create_task(self.pusher()), asyncio.create_task(self.ticker())]

    def poke_threadsafe(self) -> None:
        """Room.changed() may run in the window's thread or in this loop: wake the pusher."""
        loop = self.loop
        if loop is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(self.wake.set)
        except RuntimeError:  # the loop is shutting down
            pass

    async def pusher(self) -> None:
        while True:
            await self.wake.wait()
            self.wake.clear()
            try:
                await self.push()
            except Exception:  # a bug in one view must not stop every device's updates
                log.exception("could not send the views")

    async def ticker(self) -> None:
        last = time.monotonic()
        while True:
            await asyncio.sleep(TICK_SECONDS)
            now = time.monotonic()
            try:
                with self.room.lock:
                    self.room.tick(now - last)
            except Exception:  # the clock must keep running
                log.exception("the deadline could not be checked")
            last = now

    async def push(self) -> None:
        """Send every device whose seat's message changed since it last heard."""
        outgoing = []
        replaced = []
        with self.room.lock:
            self.room.settle()  # a change made at the window may have let the table move on
            for device in list(self.devices):
                if device.code and self.room.codes.by_seat.get(device.seat) != device.code:
                    replaced.append(device)  # the facilitator gave this seat a new code
                    self.devices.discard(device)
                    continue
                stamp, text = self.cache.text(device.seat, device.lang, device.sent, device.fmt)
                if text:
                    device.sent = stamp
                    outgoing.append((device, text))
        for device in replaced:
            try:
                await device.socket.close(code=CLOSE_UNKNOWN)
            except (RuntimeError, OSError):
                pass
        if outgoing:
            await asyncio.gather(*(self._send(device, text) for device, text in outgoing))

    async def _send(self, device: Device, text: str) -> None:
        try:
            await device.socket.send_text(text)
        except (RuntimeError, WebSocketDisconnect, OSError):
            self.devices.discard(device)

    # ------------------------------------------------------------------ one device

    def seat_of(self, socket: WebSocket) -> str | None:
        code = socket.path_params.get("code", "")
        if code == BOARD_SEAT:
            return BOARD_SEAT
        address = socket.client.host if socket.client else "?"
        if self.guard.wait_seconds(address):
            return None
        seat = self.room.seat_for_code(normalise(code))
        if seat is None:
            self.guard.missed(address)
        return seat

    def language_of(self, socket: WebSocket) -> str:
        asked = socket.query_params.get("lang", "")
        return asked if asked in self.languages else self.lang

    async def serve(self, socket: WebSocket) -> None:
        if not origin_allowed(socket):
            await socket.close(code=CLOSE_FORBIDDEN)
            return
        seat = self.seat_of(socket)
        if seat is None:
            await socket.close(code=CLOSE_UNKNOWN)
            return
        await socket.accept()
        fmt = "data" if socket.query_params.get("format") == "data" else "html"
        code = "" if seat == BOARD_SEAT else normalise(socket.path_params.get("code", ""))
        device = Device(socket, seat, self.language_of(socket), fmt=fmt, code=code)
        self.devices.add(device)
        self._count(seat, +1)
        try:
            await self._first_view(device)
            while True:
                raw = await socket.receive_text()
                await self.received(device, raw)
        except WebSocketDisconnect:
            pass
        finally:
            self.devices.discard(device)
            self._count(seat, -1)

    def _count(self, seat: str, step: int) -> None:
        with self.room.lock:
            self.room.devices[seat] += step
            if self.room.devices[seat] <= 0:
                del self.room.devices[seat]
            self.room.status_changed()

    async def _first_view(self, device: Device) -> None:
        with self.room.lock:
            stamp, text = self.cache.text(device.seat, device.lang, None, device.fmt)
        device.sent = stamp
        await device.socket.send_text(text)

    async def received(self, device: Device, raw: str) -> None:
        """Carry out one message from a device; tell that device alone if it was refused."""
        if device.seat == BOARD_SEAT:
            return  # the projector only listens
        try:
            message = messages.parse(raw, device.seat)
        except messages.BadMessage as err:
            await self._error(device, str(err))
            return
        if isinstance(message, messages.Language):
            if message.lang in self.languages:
                device.lang = message.lang
                device.sent = None
                self.wake.set()
            return
        refusal = ""
        with self.room.lock:
            try:
                outcome = messages.handle(self.room, device.seat, message)
            except Refused as refused:
                with speaking(device.lang):
                    refusal = refused.words(self.room.session)
            else:
                if outcome is not None:
                    key, values = outcome
                    self.room.fac_status = (True, key, values)
                    self.room.changed()
        if refusal:
            await self._error(device, refusal)

    async def _error(self, device: Device, words: str) -> None:
        try:
            await device.socket.send_text(json.dumps({"type": "error", "text": words}, ensure_ascii=False))
        except (RuntimeError, WebSocketDisconnect, OSError):
            self.devices.discard(device)
