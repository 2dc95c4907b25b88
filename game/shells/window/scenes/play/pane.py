"""What a mode of the play screen puts in the main panel: its widgets, its drawing, its keys.

The scene around a pane draws what every mode shares (tracks, news, roles, the top bar); the
pane reads the game through the scene, so it sees exactly the view the scene was given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import State
from game.shells.window.widgets import ScrollArea, Widget

if TYPE_CHECKING:
    from game.shells.window.flow import Match
    from game.shells.window.painter import Painter
    from game.shells.window.scenes.play.scene import PlayScene

Rect = pygame.Rect


class Pane:
    """The main panel of the play screen in one mode (orders, answers or the public board)."""

    news_share = 0.4  # how much of the right column the news may take above this pane

    def __init__(self, scene: PlayScene) -> None:
        self.scene = scene
        self.area = ScrollArea()  # the pane's scrolling list (cards, proposals), if it has one
        self.status = ""  # a refusal or a reminder, shown until the next choice

    @property
    def p(self) -> Painter:
        return self.scene.p

    @property
    def s(self) -> State:
        """The view the scene read at its last layout (a role's own, or the public one)."""
        return self.scene.s

    @property
    def match(self) -> Match:
        return self.scene.match

    @property
    def role(self) -> int:
        return self.scene.role or 0

    def invalidate(self) -> None:
        self.scene.invalidate()

    def layout(self, inner: Rect) -> list[Widget]:
        """Place the pane's widgets inside ``inner``; they come first in the Tab order."""
        raise NotImplementedError

    def draw(self, surface: pygame.Surface, inner: Rect) -> None:
        """Draw what is not a widget (headings, texts); the scene's form draws the widgets."""
        raise NotImplementedError

    def wanted_height(self, width: int) -> int:
        """The least height the pane needs to show everything (0: it takes what is left)."""
        return 0

    def areas(self) -> list[ScrollArea]:
        """The pane's scrolling parts (the mouse wheel scrolls the one under it)."""
        return [self.area]

    def handle_key(self, event: pygame.event.Event) -> bool:
        """The mode's own keys (a KEYDOWN the scene did not use); True if used."""
        return False
