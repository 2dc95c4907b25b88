"""A one-line text box that reads what the keyboard *types* (pygame's TEXTINPUT events).

TEXTINPUT carries the characters the system composed - accents made with dead keys, 'ñ',
input methods - which a key's ``unicode`` cannot always give. Key presses are still read for
editing (Backspace, Delete, Left, Right, Home, End) and for Enter, which submits. A printable
key press is swallowed while the box has the focus, so Space types a space instead of pressing
a button. The box draws a placeholder when empty and keeps the caret in view.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.shells.window.painter import Painter
from game.shells.window.widgets import Widget

EDIT_KEYS = (
    pygame.K_BACKSPACE,
    pygame.K_DELETE,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_HOME,
    pygame.K_END,
)


class TextInput(Widget):
    """Free text (a reason, a headline); ``value`` is what was typed."""

    def __init__(
        self,
        key: str,
        placeholder: str | Callable[[], str] = "",
        value: str = "",
        max_length: int = 200,
        on_submit: Callable[[], None] | None = None,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(key)
        self._placeholder = placeholder
        self.value = value
        self.cursor = len(value)
        self.max_length = max_length
        self.on_submit = on_submit
        self.on_change = on_change

    @property
    def placeholder(self) -> str:
        return self._placeholder() if callable(self._placeholder) else self._placeholder

    def set(self, value: str) -> None:
        self.value = value[: self.max_length]
        self.cursor = len(self.value)

    # ------------------------------------------------------------------ input

    def text_input(self, typed: str) -> bool:
        """Characters from a TEXTINPUT event, inserted at the caret."""
        typed = "".join(ch for ch in typed if ch.isprintable())
        room = self.max_length - len(self.value)
        if not typed or room <= 0:
            return False
        typed = typed[:room]
        self.value = self.value[: self.cursor] + typed + self.value[self.cursor :]
        self.cursor += len(typed)
        self._changed()
        return True

    def key_down(self, event: pygame.event.Event) -> bool:
        key = event.key
        if key == pygame.K_BACKSPACE:
            if self.cursor > 0:
                self.value = self.value[: self.cursor - 1] + self.value[self.cursor :]
                self.cursor -= 1
                self._changed()
            return True
        if key == pygame.K_DELETE:
            if self.cursor < len(self.value):
                self.value = self.value[: self.cursor] + self.value[self.cursor + 1 :]
                self._changed()
            return True
        if key == pygame.K_LEFT:
            self.cursor = max(0, self.cursor - 1)
            return True
        if key == pygame.K_RIGHT:
            self.cursor = min(len(self.value), self.cursor + 1)
            return True
        if key == pygame.K_HOME:
            self.cursor = 0
            return True
        if key == pygame.K_END:
            self.cursor = len(self.value)
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.on_submit is not None:
                self.on_submit()
            return True
        if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            return False  # shortcuts pass through (Ctrl+Q, Alt+Enter)
        char = getattr(event, "unicode", "") or ""
        # The character itself arrives as TEXTINPUT; swallow the key so Space does not press.
        return bool(char) and char.isprintable()

    def activate(self) -> None:
        if self.on_submit is not None:
            self.on_submit()

    def click(self, pos: tuple[int, int]) -> None:
        """A click only focuses the box (the form does that), so the user can type."""

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        if not self.visible:
            return
        pal = p.pal
        t = p.theme
        rect = self.rect
        p.panel(surface, rect, pal.bg, pal.text if focused else pal.line)
        inner = rect.inflate(-2 * t.px(10), 0)
        lh = p.line_height("body")
        y = rect.centery - lh // 2
        clip = surface.get_clip()
        surface.set_clip(inner.clip(clip) if clip else inner)
        if not self.value:
            p.draw_text(surface, self.placeholder, (inner.x, y), "body", pal.dim)
            caret_x = inner.x
        else:
            start = self.view_start(p, inner.width)
            shown = self.value[start:]
            p.draw_text(surface, shown, (inner.x, y), "body")
            caret_x = inner.x + p.width(self.value[start : self.cursor], "body")
        surface.set_clip(clip)
        if focused:
            pygame.draw.line(
                surface,
                pal.text,
                (caret_x + 1, y + t.px(2)),
                (caret_x + 1, y + lh - t.px(2)),
                max(1, t.px(2)),
            )
            p.focus_ring(surface, rect)

    def view_start(self, p: Painter, width: int) -> int:
        """The first character drawn, so the caret stays inside the box on long text."""
        start = 0
        while start < self.cursor and p.width(self.value[start : self.cursor], "body") > width - 4:
            start += 1
        return start

    def preferred_height(self, p: Painter) -> int:
        return p.line_height("body") + p.theme.px(16)


def route_text_input(form_focused: Widget | None, event: pygame.event.Event) -> bool:
    """Give a TEXTINPUT event to the focused widget if it is a text box; True if used."""
    if event.type == pygame.TEXTINPUT and isinstance(form_focused, TextInput):
        return form_focused.text_input(event.text)
    return False
