"""A scroll area: a clipped view over a list taller than the room it has.

Widgets are placed relative to the content; ``apply`` moves them with the scroll, so the form
can hit-test and draw them where they are on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.shells.window.painter import Painter

if TYPE_CHECKING:
    from game.shells.window.widgets.base import Widget

Rect = pygame.Rect


class ScrollArea:
    """A clipped viewport over content taller than it; widgets inside move with the scroll."""

    def __init__(self) -> None:
        self.view = Rect(0, 0, 0, 0)
        self.offset = 0
        self.content_height = 0
        self.items: list[tuple[Widget, Rect]] = []

    def reset(self, view: Rect) -> None:
        self.view = Rect(view)
        self.items = []
        self.content_height = 0

    def place(self, widget: Widget, rect: Rect) -> None:
        """Put a widget at ``rect`` (relative to the content's top-left)."""
        self.items.append((widget, Rect(rect)))
        widget.area = self
        self.content_height = max(self.content_height, rect.bottom)

    def extend(self, height: int) -> None:
        self.content_height = max(self.content_height, height)

    @property
    def max_offset(self) -> int:
        return max(0, self.content_height - self.view.height)

    def apply(self) -> None:
        self.offset = min(max(0, self.offset), self.max_offset)
        for widget, base in self.items:
            widget.rect = base.move(self.view.x, self.view.y - self.offset)

    def scroll(self, dy: int) -> bool:
        before = self.offset
        self.offset = min(max(0, self.offset + dy), self.max_offset)
        self.apply()
        return self.offset != before

    def reveal(self, widget: Widget) -> None:
        for item, base in self.items:
            if item is widget:
                if base.y < self.offset:
                    self.offset = base.y
                elif base.bottom > self.offset + self.view.height:
                    self.offset = base.bottom - self.view.height
                self.apply()
                return

    def y(self, content_y: int) -> int:
        """Screen y of a content y (for headers drawn inside the area)."""
        return self.view.y + content_y - self.offset

    def draw_scrollbar(self, surface: pygame.Surface, p: Painter) -> None:
        if self.max_offset <= 0:
            return
        w = max(4, p.theme.px(6))
        track = Rect(self.view.right - w, self.view.y, w, self.view.height)
        pygame.draw.rect(surface, p.pal.panel_hi, track, border_radius=w // 2)
        share = self.view.height / max(1, self.content_height)
        h = max(w * 3, round(self.view.height * share))
        y = self.view.y + round((self.view.height - h) * self.offset / self.max_offset)
        pygame.draw.rect(surface, p.pal.dim, Rect(track.x, y, w, h), border_radius=w // 2)
