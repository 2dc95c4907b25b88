"""Fields that hold a value: a choice stepped with Left/Right, and a one-line text box.

Both use the keys they need while focused (``key_down``) and leave the rest to the form, so
Tab and the arrows up and down still move between widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.shells.window.painter import Painter
from game.shells.window.widgets.base import Widget

Rect = pygame.Rect


class Choice(Widget):
    """One value from a list: Left/Right (or a click on either half) steps through it."""

    def __init__(
        self,
        key: str,
        label: str | Callable[[], str],
        options: Sequence[tuple[object, str]],
        value: object,
        on_change: Callable[[object], None] | None = None,
    ) -> None:
        super().__init__(key)
        self._label = label
        self.options = list(options)
        self.index = next((i for i, (v, _) in enumerate(self.options) if v == value), 0)
        self.on_change = on_change

    @property
    def label(self) -> str:
        return self._label() if callable(self._label) else self._label

    @property
    def value(self) -> object:
        return self.options[self.index][0] if self.options else None

    def set_options(self, options: Sequence[tuple[object, str]], value: object) -> None:
        self.options = list(options)
        self.index = next((i for i, (v, _) in enumerate(self.options) if v == value), 0)

    def step(self, delta: int) -> None:
        if not self.options or not self.enabled:
            return
        self.index = (self.index + delta) % len(self.options)
        if self.on_change is not None:
            self.on_change(self.value)

    def activate(self) -> None:
        self.step(1)

    def click(self, pos: tuple[int, int]) -> None:
        value_left = self.rect.x + self.rect.width * 0.45
        self.step(-1 if pos[0] < value_left + self.rect.height else 1)

    def key_down(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_LEFT:
            self.step(-1)
            return True
        if event.key == pygame.K_RIGHT:
            self.step(1)
            return True
        return False

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        if not self.visible:
            return
        pal = p.pal
        t = p.theme
        p.panel(surface, self.rect, pal.panel_hi if hovered else pal.panel, pal.line)
        label_w = round(self.rect.width * 0.45)
        lh = p.line_height("body")
        y = self.rect.centery - lh // 2
        p.draw_text(
            surface,
            self.label,
            (self.rect.x + t.px(12), y),
            "body",
            pal.dim if self.label else None,
            max_width=label_w - t.px(16),
        )
        value_rect = Rect(self.rect.x + label_w, self.rect.y, self.rect.width - label_w, self.rect.height)
        arrow = max(8, lh // 2)
        color = pal.text if self.enabled else pal.line
        p.chevron(surface, (value_rect.x + arrow, self.rect.centery), arrow, "left", color)
        p.chevron(surface, (value_rect.right - arrow, self.rect.centery), arrow, "right", color)
        text = self.options[self.index][1] if self.options else ""
        inner = value_rect.width - arrow * 4
        p.draw_text(
            surface,
            text,
            (value_rect.centerx, y),
            "body_bold",
            color,
            align="center",
            max_width=inner,
        )
        if focused:
            p.focus_ring(surface, self.rect)


class TextField(Widget):
    """A one-line text box; ``allowed`` filters what may be typed (e.g. digits for a seed)."""

    def __init__(
        self,
        key: str,
        label: str | Callable[[], str],
        value: str = "",
        allowed: Callable[[str], bool] | None = None,
        max_length: int = 40,
        on_submit: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(key)
        self._label = label
        self.value = value
        self.allowed = allowed or (lambda ch: ch.isprintable())
        self.max_length = max_length
        self.on_submit = on_submit

    @property
    def label(self) -> str:
        return self._label() if callable(self._label) else self._label

    def key_down(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_BACKSPACE:
            self.value = self.value[:-1]
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.on_submit is not None:
                self.on_submit()
            return True
        if event.key in (pygame.K_TAB, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN):
            return False
        char = getattr(event, "unicode", "") or ""
        if char and len(char) == 1 and self.allowed(char) and len(self.value) < self.max_length:
            self.value += char
            return True
        return bool(char) and char.isprintable()

    def activate(self) -> None:
        if self.on_submit is not None:
            self.on_submit()

    def click(self, pos: tuple[int, int]) -> None:
        """Clicking only focuses the field (so the player can type)."""

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        pal = p.pal
        t = p.theme
        p.panel(surface, self.rect, pal.panel, pal.text if focused else pal.line)
        label_w = round(self.rect.width * 0.45) if self.label else 0
        lh = p.line_height("body")
        y = self.rect.centery - lh // 2
        if self.label:
            p.draw_text(
                surface,
                self.label,
                (self.rect.x + t.px(12), y),
                "body",
                pal.dim,
                max_width=label_w - t.px(16),
            )
        x = self.rect.x + label_w + t.px(12)
        shown = p.fit(self.value, "body_bold", self.rect.right - x - t.px(16), record=False)
        r = p.draw_text(surface, shown, (x, y), "body_bold")
        if focused:
            pygame.draw.line(
                surface, pal.text, (r.right + 2, y + 2), (r.right + 2, y + lh - 2), max(1, t.px(2))
            )
            p.focus_ring(surface, self.rect)
