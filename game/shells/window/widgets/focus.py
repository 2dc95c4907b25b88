"""The form: a scene's widgets in Tab order, and the focus, hover, click and scroll logic.

Tab / Shift+Tab walk the widgets in order, the arrow keys move to the nearest widget in that
direction, Enter or Space activates, the mouse hovers and clicks, the wheel scrolls the area
under it. It reads events, never polled mouse state, so posted events in tests behave like
real ones.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.shells.window.painter import Painter
from game.shells.window.widgets.base import Widget
from game.shells.window.widgets.scroll import ScrollArea

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class Form:
    """A scene's focusable widgets, in Tab order, with hover, focus and activation."""

    def __init__(self) -> None:
        self.widgets: list[Widget] = []
        self.focus_key: str | None = None
        self.hover_key: str | None = None
        self.areas: list[ScrollArea] = []
        self.mouse_pos: tuple[int, int] = (-1, -1)  # from events, so posted events work too

    def set(self, widgets: Sequence[Widget], areas: Sequence[ScrollArea] = ()) -> None:
        """New widgets after a layout; focus stays on the widget with the same key if any."""
        self.widgets = [w for w in widgets if w.visible]
        self.areas = list(areas)
        keys = [w.key for w in self.widgets if w.focusable and w.enabled]
        if self.focus_key not in keys:
            self.focus_key = keys[0] if keys else None

    @property
    def focused(self) -> Widget | None:
        return self.get(self.focus_key)

    @property
    def hovered(self) -> Widget | None:
        return self.get(self.hover_key)

    def get(self, key: str | None) -> Widget | None:
        if key is None:
            return None
        return next((w for w in self.widgets if w.key == key), None)

    def focus(self, key: str) -> None:
        widget = self.get(key)
        if widget is not None:
            self.focus_key = key
            if widget.area is not None:
                widget.area.reveal(widget)

    def _candidates(self) -> list[Widget]:
        return [w for w in self.widgets if w.focusable and w.enabled and w.visible]

    def move(self, step: int) -> bool:
        """Tab / Shift+Tab: the next widget that is a tab stop (from wherever the focus is)."""
        items = [w for w in self._candidates() if w.tab_stop or w.key == self.focus_key]
        if not items:
            return False
        keys = [w.key for w in items]
        index = keys.index(self.focus_key) if self.focus_key in keys else (-1 if step > 0 else 0)
        for turn in range(1, len(keys) + 1):
            widget = items[(index + step * turn) % len(keys)]
            if widget.tab_stop:
                self.focus(widget.key)
                return True
        return False

    def move_direction(self, dx: int, dy: int) -> bool:
        """Focus the nearest widget in a direction (so grids and columns work with arrows)."""
        current = self.focused
        items = self._candidates()
        if current is None:
            return self.move(1)
        cx, cy = current.rect.center
        best: tuple[float, Widget] | None = None
        for widget in items:
            if widget is current:
                continue
            wx, wy = widget.rect.center
            along = (wx - cx) * dx + (wy - cy) * dy
            if along <= 0:
                continue
            across = abs((wx - cx) * dy) + abs((wy - cy) * dx)
            # Stay in the same row or column when possible: sideways distance costs more.
            overlap = (
                widget.rect.left < current.rect.right and widget.rect.right > current.rect.left
                if dy
                else widget.rect.top < current.rect.bottom and widget.rect.bottom > current.rect.top
            )
            score = along + across * (0.5 if overlap else 3.0)
            if best is None or score < best[0]:
                best = (score, widget)
        if best is None:
            return False
        self.focus(best[1].key)
        return True

    def hit(self, pos: tuple[int, int]) -> Widget | None:
        for widget in reversed(self.widgets):
            if widget.hit(pos):
                return widget
        return None

    def handle(self, event: pygame.event.Event) -> bool:
        """Navigation, hover, clicks and scrolling; True when the event was used."""
        if event.type == pygame.MOUSEMOTION:
            self.mouse_pos = event.pos
            widget = self.hit(event.pos)
            key = widget.key if widget is not None else None
            changed = key != self.hover_key
            self.hover_key = key
            return changed
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.mouse_pos = event.pos
            widget = self.hit(event.pos)
            if widget is None:
                return False
            if widget.focusable and widget.enabled:
                self.focus_key = widget.key
            if widget.enabled:
                widget.click(event.pos)
            return True
        if event.type == pygame.MOUSEWHEEL:
            pos = self.mouse_pos
            for area in self.areas:
                if area.view.collidepoint(pos):
                    return area.scroll(-event.y * max(20, area.view.height // 8))
            return False
        if event.type != pygame.KEYDOWN:
            return False
        # The keyboard is in use: what the mouse last pointed at no longer speaks for the
        # player (the detail pane and "why it moved" follow the focus until the mouse moves).
        self.hover_key = None
        focused = self.focused
        if focused is not None and focused.key_down(event):
            return True
        if event.key == pygame.K_TAB:
            return self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        if event.key == pygame.K_DOWN:
            return self.move_direction(0, 1) or self.move(1)
        if event.key == pygame.K_UP:
            return self.move_direction(0, -1) or self.move(-1)
        if event.key == pygame.K_RIGHT:
            return self.move_direction(1, 0)
        if event.key == pygame.K_LEFT:
            return self.move_direction(-1, 0)
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            area = (
                focused.area
                if focused is not None and focused.area is not None
                else (self.areas[0] if self.areas else None)
            )
            if area is not None:
                sign = 1 if event.key == pygame.K_PAGEDOWN else -1
                return area.scroll(sign * max(40, area.view.height - 40))
            return False
        if event.key in ACTIVATE_KEYS and focused is not None:
            focused.activate()
            return True
        return False

    def draw(self, surface: pygame.Surface, p: Painter, keyboard_focus: bool = True) -> None:
        """Draw every widget, each clipped to its scroll area."""
        focus_key = self.focus_key if keyboard_focus else None
        for widget in self.widgets:
            if not widget.visible:
                continue
            clip = widget.area.view if widget.area is not None else None
            if clip is not None:
                if not widget.rect.colliderect(clip):
                    continue
                previous = surface.get_clip()
                surface.set_clip(clip.inflate(8, 8).clip(previous) if previous else clip.inflate(8, 8))
                widget.draw(surface, p, widget.key == focus_key, widget.key == self.hover_key)
                surface.set_clip(previous)
            else:
                widget.draw(surface, p, widget.key == focus_key, widget.key == self.hover_key)
        for area in self.areas:
            area.draw_scrollbar(surface, p)
