"""The widget every control is made of: a rectangle that can be focused, drawn and activated.

It holds no game rules; a scene tells it what to show and what to call. ``area`` is the scroll
area it sits in (if any), so hits and drawing are clipped to what is in view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.shells.window.painter import Painter

if TYPE_CHECKING:
    from game.shells.window.widgets.scroll import ScrollArea

Rect = pygame.Rect


class Widget:
    """Something on screen that can be focused and activated."""

    focusable = True
    tab_stop = (
        True  # Tab stops here; False: only the arrows and the mouse reach it (a card that cannot be chosen)
    )

    def __init__(self, key: str) -> None:
        self.key = key
        self.rect = Rect(0, 0, 0, 0)
        self.enabled = True
        self.visible = True
        self.area: ScrollArea | None = None

    def hit(self, pos: tuple[int, int]) -> bool:
        if not self.visible or not self.rect.collidepoint(pos):
            return False
        return self.area is None or self.area.view.collidepoint(pos)

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        raise NotImplementedError

    def activate(self) -> None:
        """Enter, Space or a click."""

    def click(self, pos: tuple[int, int]) -> None:
        self.activate()

    def key_down(self, event: pygame.event.Event) -> bool:
        """Keys a focused widget uses itself (typing, Left/Right on a choice); True if used."""
        return False
