"""Buttons: a label that does one thing when pressed, and a row of them laid out together."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.shells.window.painter import Painter
from game.shells.window.widgets.base import Widget

Rect = pygame.Rect


class Button(Widget):
    def __init__(
        self,
        key: str,
        label: str | Callable[[], str],
        on_press: Callable[[], None],
        kind: str = "normal",
        style: str = "body_bold",
    ) -> None:
        super().__init__(key)
        self._label = label
        self.on_press = on_press
        self.kind = kind  # normal, primary, quiet
        self.style = style

    @property
    def label(self) -> str:
        return self._label() if callable(self._label) else self._label

    @label.setter
    def label(self, value: str) -> None:
        self._label = value

    def preferred_width(self, p: Painter) -> int:
        return p.width(self.label, self.style) + p.theme.px(36)

    def preferred_height(self, p: Painter) -> int:
        return p.line_height(self.style) + p.theme.px(16)

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        if not self.visible:
            return
        pal = p.pal
        if not self.enabled:
            fill, fg, border = pal.panel, pal.line, pal.line
        elif self.kind == "primary":
            fill, fg, border = pal.primary, pal.primary_text, pal.primary
            if hovered:
                fill = tuple(min(255, c + 30) for c in pal.primary)  # type: ignore[assignment]
        elif self.kind == "quiet":
            fill, fg, border = (pal.panel_hi if hovered else pal.bg), pal.text, pal.line
        else:
            fill, fg, border = (pal.panel_hi if hovered else pal.panel), pal.text, pal.line
        p.panel(surface, self.rect, fill, border)
        label, style = p.fit_label(self.label, self.style, self.rect.width - p.theme.px(12))
        image = p.text(label, style, fg)
        surface.blit(image, image.get_rect(center=self.rect.center))
        if focused:
            p.focus_ring(surface, self.rect)

    def activate(self) -> None:
        if self.enabled and self.visible:
            self.on_press()


def row_of_buttons(buttons: Sequence[Button], p: Painter, right: int, y: int, gap: int) -> None:
    """Lay buttons out in a row, right-aligned at ``right``, each at its preferred size."""
    x = right
    for button in reversed(buttons):
        w = button.preferred_width(p)
        h = button.preferred_height(p)
        x -= w
        button.rect = Rect(x, y, w, h)
        x -= gap
