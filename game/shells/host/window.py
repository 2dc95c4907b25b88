"""The host's window: the projector and the facilitator's console over the hosted game.

The window runs in the main thread while the web server runs in its own; every frame is drawn
and every key handled while holding the room's lock, so the window's facilitator panel (F9)
and the devices never touch the Session at the same moment. The window is woken whenever the
room changes (a team gave its orders, a turn resolved) and draws the board again.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import pygame
import segno

from game.i18n import tr
from game.shells.host.boardview import join_links
from game.shells.host.room import Room
from game.shells.window.app import App, open_window
from game.shells.window.flow import Match
from game.shells.window.scenes.hostboard import HostBoardScene, JoinCode, TeamState
from game.shells.window.theme import Settings
from game.story.words import role_name

WINDOW_SIZE = (1280, 720)


class RoomBoard:
    """The room as the projector scene reads it (a BoardSource)."""

    def __init__(self, room: Room, base_url: str) -> None:
        self.room = room
        self.base_url = base_url
        self.join_url = base_url + "/"
        self._qr: dict[str, tuple[tuple[int, ...], ...]] = {}

    def codes(self) -> list[JoinCode]:
        if not self.room.codes_shown:
            return []
        return [
            JoinCode(link["name"], link["code"], link["url"], self.matrix(link["url"]))
            for link in join_links(self.room, self.base_url, facilitator=False)
        ]

    def matrix(self, url: str) -> tuple[tuple[int, ...], ...]:
        if url not in self._qr:
            self._qr[url] = tuple(tuple(row) for row in segno.make(url, error="m").matrix)
        return self._qr[url]

    def teams(self) -> list[TeamState]:
        session = self.room.session
        waiting = self.room.waiting()
        return [
            TeamState(role_name(session.scenario, role), role not in waiting, not seat.human)
            for role, seat in enumerate(session.seats)
        ]

    def deadline(self) -> int | None:
        return self.room.deadline.seconds_left() if self.room.waiting() else None

    def paused(self) -> bool:
        return self.room.paused


class HostApp(App):
    """The window's app, each frame under the room's lock; a change in the room redraws it."""

    def __init__(self, surface: pygame.Surface, settings: Settings, room: Room) -> None:
        super().__init__(surface, settings)
        self.room = room
        self.seen_version = -1

    def step(self, events: Sequence[pygame.event.Event], dt: float, clock_dt: float | None = None) -> bool:
        with self.room.lock:
            if self.room.version != self.seen_version:
                self.seen_version = self.room.version
                self.refresh()
                self.dirty = True
            return super().step(events, dt, clock_dt)


def run_window(room: Room, base_url: str) -> int:
    """Open the window on the hosted game; returns when it is closed."""
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
    pygame.display.init()
    pygame.font.init()
    wake = pygame.event.custom_type()
    settings = Settings()
    settings.large_text = True  # a projector: large text, light colours (F2 switches back)
    settings.palette = "light"
    try:
        surface = open_window(WINDOW_SIZE, settings, "Common Ground - " + tr("host.window.badge"))
        app = HostApp(surface, settings, room)
        with room.lock:
            app.match = Match(room.session, autosave_enabled=False)  # the room autosaves
            app.push(HostBoardScene(app, RoomBoard(room, base_url)))
        room.listeners.append(lambda: _post(wake))
        return app.run()
    finally:
        pygame.quit()


def _post(kind: int) -> None:
    """Wake the idle window from the server's thread (SDL's event queue is thread-safe)."""
    try:
        if pygame.display.get_init():
            pygame.event.post(pygame.event.Event(kind))
    except pygame.error:
        pass
