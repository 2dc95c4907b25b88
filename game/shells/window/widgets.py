"""Small, dumb widgets and the focus logic that makes every one of them keyboard-reachable.

A widget knows its rectangle, how to draw itself and what to do when activated; it holds no
game rules. A :class:`Form` owns a scene's widgets: Tab / Shift+Tab walk them in order, the
arrow keys move to the nearest widget in that direction, Enter or Space activates, the mouse
hovers and clicks, the wheel scrolls. Scenes read events (never polled mouse state), so posted
events in tests behave like real ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.shells.window.painter import Painter

Rect = pygame.Rect
ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class Widget:
    """Something on screen that can be focused and activated."""

    focusable = True

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
        label = p.fit(self.label, self.style, self.rect.width - p.theme.px(12))
        image = p.text(label, self.style, fg)
        surface.blit(image, image.get_rect(center=self.rect.center))
        if focused:
            p.focus_ring(surface, self.rect)

    def activate(self) -> None:
        if self.enabled and self.visible:
            self.on_press()


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
        shown = p.fit(self.value, "body_bold", self.rect.right - x - t.px(16))
        r = p.draw_text(surface, shown, (x, y), "body_bold")
        if focused:
            pygame.draw.line(
                surface, pal.text, (r.right + 2, y + 2), (r.right + 2, y + lh - 2), max(1, t.px(2))
            )
            p.focus_ring(surface, self.rect)


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
        items = self._candidates()
        if not items:
            return False
        keys = [w.key for w in items]
        index = keys.index(self.focus_key) if self.focus_key in keys else (-1 if step > 0 else 0)
        self.focus(keys[(index + step) % len(keys)])
        return True

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


def row_of_buttons(buttons: Sequence[Button], p: Painter, right: int, y: int, gap: int) -> None:
    """Lay buttons out in a row, right-aligned at ``right``, each at its preferred size."""
    x = right
    for button in reversed(buttons):
        w = button.preferred_width(p)
        h = button.preferred_height(p)
        x -= w
        button.rect = Rect(x, y, w, h)
        x -= gap
