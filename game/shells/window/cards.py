"""The play screen's own widgets: an action card, and a two-way choice (Accept / Reject, tabs).

A card shows what the scene tells it (name, cost, odds, what it needs or why it cannot be
chosen); choosing it asks the scene, which asks the engine. No rules here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import pygame

from game.i18n import tr
from game.shells.window.painter import Painter
from game.shells.window.widgets import Button, Widget

Rect = pygame.Rect


class Chooser(Protocol):
    def toggle(self, index: int) -> None: ...


class ActionCard(Widget):
    """One order a role may give: name, cost, odds, and what it needs (or why it cannot)."""

    def __init__(self, scene: Chooser, index: int) -> None:
        super().__init__(f"card.{index}")
        self.scene = scene
        self.index = index
        self.name = ""
        self.cost = ""
        self.odds = ""
        self.note = ""
        self.covert = False
        self.legal = True  # could be ordered now, on its own
        self.blocked = False  # legal, but not together with the orders already chosen
        self.selected = 0  # 0, or its position among the chosen orders (1, 2, ...)

    def activate(self) -> None:
        self.scene.toggle(self.index)

    def _text_width(self, p: Painter) -> int:
        t = p.theme
        return (
            self.rect.width - t.px(10) - t.px(20) - t.px(10) - t.px(10) - (t.px(24) if self.selected else 0)
        )

    def _tag_width(self, p: Painter) -> int:
        return p.width(tr("ui.covert"), "small_bold") + p.theme.px(10) + p.theme.gap if self.covert else 0

    def _lines(self, p: Painter, width: int) -> tuple[list[str], list[str], list[str]]:
        """The name, cost and odds, and the note, each wrapped whole: two cards never look the
        same for want of room (a proposal's term and addressee are both in its name)."""
        names = p.wrap(self.name, "body_bold", width)
        joined = f"{self.cost}  ·  {self.odds}" if self.odds else self.cost
        if p.width(joined, "small") <= width:
            meta = [joined]
        else:
            meta = [
                *p.wrap(self.cost, "small", width),
                *(p.wrap(self.odds, "small", width) if self.odds else []),
            ]
        notes = p.wrap(self.note, "small", width - self._tag_width(p)) if self.note else []
        if self.covert and not notes:
            notes = [""]
        return names, meta, notes

    def needed_height(self, p: Painter, width: int) -> int:
        t = p.theme
        self.rect.width = width
        names, meta, notes = self._lines(p, self._text_width(p))
        return (
            t.px(16)
            + len(names) * p.line_height("body_bold")
            + (len(meta) + len(notes)) * p.line_height("small")
        )

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        t = p.theme
        pal = p.pal
        rect = self.rect
        usable = self.legal and not self.blocked
        fill = pal.panel_hi if (hovered or self.selected) else pal.panel
        border = pal.primary if self.selected else (pal.covert if self.covert else pal.line)
        p.panel(surface, rect, fill, border)
        if self.selected:
            pygame.draw.rect(surface, pal.primary, rect, width=max(2, t.px(3)), border_radius=t.radius)
        box = t.px(20)
        x = rect.x + t.px(10)
        y = rect.y + t.px(8)
        p.checkbox(
            surface,
            Rect(x, y + t.px(1), box, box),
            bool(self.selected),
            usable or bool(self.selected),
        )
        tx = x + box + t.px(10)
        width = self._text_width(p)
        names, meta, notes = self._lines(p, width)
        name_color = pal.text if usable or self.selected else pal.dim
        for line in names:
            p.draw_text(surface, line, (tx, y), "body_bold", name_color)
            y += p.line_height("body_bold")
        for line in meta:
            self._draw_meta_line(surface, p, line, (tx, y), width, False, usable)
            y += p.line_height("small")
        for i, line in enumerate(notes):
            if i == 0:
                self._draw_meta_line(surface, p, line, (tx, y), width, True, usable)
            else:
                indent = self._tag_width(p)
                self._draw_meta_line(surface, p, line, (tx + indent, y), width - indent, False, usable, True)
            y += p.line_height("small")
        if self.selected:
            self._draw_position(surface, p)
        if focused:
            p.focus_ring(surface, rect)

    def _draw_meta_line(
        self,
        surface: pygame.Surface,
        p: Painter,
        line: str,
        at: tuple[int, int],
        room: int,
        is_note: bool,
        usable: bool,
        note_rest: bool = False,
    ) -> None:
        """Cost, odds or the note; the note of a covert card follows a 'covert' tag."""
        t = p.theme
        pal = p.pal
        tx, y = at
        color = pal.dim
        if (is_note or note_rest) and not self.legal:
            color = pal.worse
        elif not usable and not self.selected:
            color = pal.line if pal.name == "dark" else pal.dim
        if is_note and self.covert:
            tag = tr("ui.covert")
            tag_w = p.width(tag, "small_bold") + t.px(10)
            tag_rect = Rect(tx, y, tag_w, p.line_height("small_bold"))
            pygame.draw.rect(surface, pal.covert, tag_rect, width=1, border_radius=t.px(4))
            p.draw_text(
                surface,
                tag,
                (tag_rect.centerx, tag_rect.y),
                "small_bold",
                pal.covert,
                align="center",
            )
            if line:
                p.draw_text(
                    surface,
                    line,
                    (tag_rect.right + t.gap, y),
                    "small",
                    color,
                    max_width=room - tag_w - t.gap,
                )
        elif line:
            p.draw_text(surface, line, (tx, y), "small", color, max_width=room)

    def _draw_position(self, surface: pygame.Surface, p: Painter) -> None:
        """The card's place among the chosen orders (1, 2, ...) in a disc at the top right."""
        t = p.theme
        r = t.px(11)
        center = (self.rect.right - r - t.px(6), self.rect.y + r + t.px(6))
        pygame.draw.circle(surface, p.pal.primary, center, r)
        p.draw_text(
            surface,
            str(self.selected),
            (center[0], center[1] - p.line_height("small_bold") // 2),
            "small_bold",
            p.pal.primary_text,
            align="center",
        )


class Toggle(Button):
    """A button that shows whether it is the chosen one of a pair (Accept / Reject)."""

    def __init__(
        self,
        key: str,
        label: str,
        on_press: Callable[[], None],
        selected: bool = False,
        mark: bool = True,
    ) -> None:
        super().__init__(key, label, on_press)
        self.selected = selected
        self.mark = mark  # draw a check mark on the chosen one (not on tabs)

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        self.kind = "primary" if self.selected else "normal"
        super().draw(surface, p, focused, hovered)
        if self.selected and self.mark:
            size = self.rect.height // 2
            p.check_mark(
                surface,
                Rect(self.rect.x + size // 2, self.rect.y + size // 2, size, size),
                p.pal.primary_text,
            )
