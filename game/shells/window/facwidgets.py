"""The facilitator panel's own widgets: a die to set by hand, and a row of the event deck.

A die is set with the keys 1-6, stepped with Left/Right (or a click), cleared with Backspace
or 0: the facilitator copies the dice the table rolled. Neither widget knows any rule.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.shells.window.painter import Painter
from game.shells.window.widgets import Choice, Widget

Rect = pygame.Rect


class DieField(Widget):
    """One die of the table's roll: 0 (not entered) or 1-6."""

    def __init__(self, key: str, value: int, on_change: Callable[[int], None]) -> None:
        super().__init__(key)
        self.value = value
        self.on_change = on_change

    def set(self, value: int) -> None:
        value = max(0, min(6, value))
        if value != self.value:
            self.value = value
            self.on_change(value)

    def step(self, delta: int) -> None:
        if self.value == 0:
            self.set(1 if delta > 0 else 6)
        else:
            self.set((self.value - 1 + delta) % 6 + 1)

    def activate(self) -> None:
        self.step(1)

    def key_down(self, event: pygame.event.Event) -> bool:
        char = getattr(event, "unicode", "") or ""
        if char in ("1", "2", "3", "4", "5", "6"):
            self.set(int(char))
            return True
        if char == "0" or event.key in (pygame.K_BACKSPACE, pygame.K_DELETE):
            self.set(0)
            return True
        if event.key == pygame.K_RIGHT:
            self.step(1)
            return True
        if event.key == pygame.K_LEFT:
            self.step(-1)
            return True
        return False

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        pal = p.pal
        rect = self.rect
        if self.value:
            p.die(surface, rect, self.value)
        else:
            p.panel(surface, rect, pal.panel_hi if hovered else pal.bg, pal.line)
            p.draw_text(
                surface,
                "?",
                (rect.centerx, rect.centery - p.line_height("heading") // 2),
                "heading",
                pal.dim,
                align="center",
            )
        if focused:
            p.focus_ring(surface, rect)


class ListRow(Widget):
    """A row to pick in a list (an event of the deck): a title, a detail line, a mark if chosen."""

    def __init__(self, key: str, title: str, detail: str, on_pick: Callable[[], None]) -> None:
        super().__init__(key)
        self.title = title
        self.detail = detail
        self.on_pick = on_pick
        self.selected = False

    def activate(self) -> None:
        self.on_pick()

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        t = p.theme
        pal = p.pal
        fill = pal.panel_hi if (hovered or focused or self.selected) else pal.bg
        p.panel(surface, self.rect, fill, pal.primary if self.selected else pal.line)
        if self.selected:
            pygame.draw.rect(surface, pal.primary, self.rect, width=max(2, t.px(3)), border_radius=t.radius)
        x = self.rect.x + t.px(10)
        width = self.rect.width - t.px(20)
        y = self.rect.y + t.px(5)
        y += p.draw_wrapped(surface, self.title, Rect(x, y, width, 10_000), "body_bold")
        p.draw_wrapped(surface, self.detail, Rect(x, y, width, 10_000), "small", pal.dim)
        if focused:
            p.focus_ring(surface, self.rect)

    def needed_height(self, p: Painter, width: int) -> int:
        """As tall as its title and detail wrapped in ``width`` (a headline is never cut)."""
        inner = width - p.theme.px(20)
        detail = p.wrapped_height(self.detail, "small", inner) if self.detail else p.line_height("small")
        return p.wrapped_height(self.title, "body_bold", inner) + detail + p.theme.px(12)


class StepChoice(Choice):
    """A change to a track (-25 to +25): a long label, a short value in the track's colours.

    The plain Choice gives its label less than half the width; a track's name needs more.
    ``tone(value)`` gives the colour of a value (better / worse for that track).
    """

    LABEL_SHARE = 0.66

    def __init__(
        self,
        key: str,
        label: str | Callable[[], str],
        options: list[tuple[object, str]],
        value: object,
        on_change: Callable[[object], None] | None = None,
        tone: Callable[[object], tuple[int, int, int] | None] | None = None,
    ) -> None:
        super().__init__(key, label, options, value, on_change)
        self.tone = tone

    def click(self, pos: tuple[int, int]) -> None:
        middle = self.rect.x + round(self.rect.width * self.LABEL_SHARE)
        value_mid = (middle + self.rect.right) // 2
        self.step(-1 if pos[0] < value_mid else 1)

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        if not self.visible:
            return
        pal = p.pal
        t = p.theme
        p.panel(surface, self.rect, pal.panel_hi if hovered else pal.panel, pal.line)
        label_w = round(self.rect.width * self.LABEL_SHARE)
        lh = p.line_height("body")
        y = self.rect.centery - lh // 2
        p.draw_text(
            surface,
            self.label,
            (self.rect.x + t.px(10), y),
            "body",
            pal.dim,
            max_width=label_w - t.px(14),
        )
        value_rect = Rect(self.rect.x + label_w, self.rect.y, self.rect.width - label_w, self.rect.height)
        arrow = max(8, lh // 2)
        p.chevron(surface, (value_rect.x + arrow, self.rect.centery), arrow, "left", pal.text)
        p.chevron(surface, (value_rect.right - arrow, self.rect.centery), arrow, "right", pal.text)
        value = self.value
        color = (self.tone(value) if self.tone else None) or pal.text
        shown = self.options[self.index][1] if self.options else ""
        p.draw_text(
            surface,
            shown,
            (value_rect.centerx, y),
            "body_bold",
            color,
            align="center",
            max_width=value_rect.width - arrow * 4,
        )
        if focused:
            p.focus_ring(surface, self.rect)
