"""Overlay scenes: messages, confirmations, menus, a name prompt and a list to pick from.

Each is pushed over the current screen and pops itself; Esc always closes without acting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.i18n import tr
from game.shells.window.app import App, Scene
from game.shells.window.widgets import Button, ScrollArea, TextField, Widget

Rect = pygame.Rect


class Dialog(Scene):
    """A centred box with a title, wrapped body text and a row of buttons."""

    overlay = True
    name = "dialog"

    def __init__(self, app: App, title: str, body: str = "", width: int = 640) -> None:
        super().__init__(app)
        self.title = title
        self.body = body
        self.base_width = width
        self.buttons: list[Button] = []
        self.box = Rect(0, 0, 0, 0)
        self.content_top = 0

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop()

    def content_height(self, width: int) -> int:
        """Height of anything between the body and the buttons (subclasses)."""
        return 0

    def place_content(self, rect: Rect) -> list[Widget]:
        return []

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        width = min(t.px(self.base_width), w - 2 * t.pad)
        inner = width - 2 * t.pad * 2
        title_h = p.wrapped_height(self.title, "title", inner)
        body_h = p.wrapped_height(self.body, "body", inner) if self.body else 0
        button_h = max((b.preferred_height(p) for b in self.buttons), default=0)
        content_h = self.content_height(inner)
        height = (
            t.pad * 4 + title_h + t.gap + body_h + (t.gap + content_h if content_h else 0) + t.pad + button_h
        )
        height = min(height, h - 2 * t.pad)
        self.box = Rect(0, 0, width, height)
        self.box.center = (w // 2, h // 2)
        self.content_top = self.box.y + t.pad * 2 + title_h + t.gap + body_h + t.gap
        content_rect = Rect(
            self.box.x + t.pad * 2,
            self.content_top,
            inner,
            max(0, self.box.bottom - t.pad * 2 - button_h - t.pad - self.content_top),
        )
        widgets = self.place_content(content_rect)
        x = self.box.right - t.pad * 2
        y = self.box.bottom - t.pad * 2 - button_h
        for button in reversed(self.buttons):
            bw = button.preferred_width(p)
            x -= bw
            button.rect = Rect(x, y, bw, button_h)
            x -= t.gap
        self.form.set(widgets + self.buttons, self.areas())

    def areas(self) -> list[ScrollArea]:
        return []

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.cancel()
            return True
        return super().handle(event)

    def cancel(self) -> None:
        self.close()

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        p.panel(surface, self.box, p.pal.panel, p.pal.line)
        inner = self.box.width - 4 * t.pad
        y = self.box.y + t.pad * 2
        y += p.draw_wrapped(surface, self.title, Rect(self.box.x + 2 * t.pad, y, inner, 1000), "title")
        y += t.gap
        if self.body:
            p.draw_wrapped(
                surface,
                self.body,
                Rect(self.box.x + 2 * t.pad, y, inner, self.box.bottom - y - t.pad * 3),
                "body",
            )
        self.draw_content(surface)
        self.form.draw(surface, p)

    def draw_content(self, surface: pygame.Surface) -> None:
        pass


class MessageDialog(Dialog):
    """Something the player should know (a save that would not load, a bad scenario)."""

    def __init__(self, app: App, title: str, body: str, on_close: Callable[[], None] | None = None) -> None:
        super().__init__(app, title, body)
        self.on_close = on_close
        self.buttons = [Button("ok", tr("ui.ok"), self.cancel, kind="primary")]

    def cancel(self) -> None:
        self.close()
        if self.on_close is not None:
            self.on_close()


class ConfirmDialog(Dialog):
    def __init__(
        self,
        app: App,
        title: str,
        body: str,
        on_yes: Callable[[], None],
        yes: str | None = None,
        no: str | None = None,
    ) -> None:
        super().__init__(app, title, body)
        self.on_yes = on_yes
        self.buttons = [
            Button("no", no or tr("ui.cancel"), self.cancel),
            Button("yes", yes or tr("ui.ok"), self.accept, kind="primary"),
        ]
        self.form.focus_key = "yes"

    def accept(self) -> None:
        self.close()
        self.on_yes()


class MenuDialog(Dialog):
    """A vertical list of choices (the in-game menu)."""

    def __init__(self, app: App, title: str, items: Sequence[tuple[str, str, Callable[[], None]]]) -> None:
        super().__init__(app, title, width=460)
        self.items = [Button(key, label, self._run(action)) for key, label, action in items]

    def _run(self, action: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            self.close()
            action()

        return run

    def content_height(self, width: int) -> int:
        p = self.p
        return sum(b.preferred_height(p) + p.theme.gap for b in self.items)

    def place_content(self, rect: Rect) -> list[Widget]:
        p = self.p
        y = rect.y
        for button in self.items:
            h = button.preferred_height(p)
            button.rect = Rect(rect.x, y, rect.width, h)
            y += h + p.theme.gap
        return list(self.items)


class PromptDialog(Dialog):
    """Ask for a line of text (a save's name)."""

    def __init__(
        self, app: App, title: str, label: str, value: str, on_submit: Callable[[str], None]
    ) -> None:
        super().__init__(app, title)
        self.on_submit = on_submit
        self.field = TextField(
            "field",
            label,
            value,
            allowed=lambda ch: ch.isalnum() or ch in " -_",
            on_submit=self.accept,
        )
        self.buttons = [
            Button("no", tr("ui.cancel"), self.cancel),
            Button("yes", tr("ui.save"), self.accept, kind="primary"),
        ]
        self.form.focus_key = "field"

    def content_height(self, width: int) -> int:
        return self.p.line_height("body") + self.p.theme.px(20)

    def place_content(self, rect: Rect) -> list[Widget]:
        self.field.rect = Rect(rect.x, rect.y, rect.width, self.content_height(rect.width))
        return [self.field]

    def accept(self) -> None:
        value = self.field.value.strip()
        if not value:
            return
        self.close()
        self.on_submit(value)


class PickDialog(Dialog):
    """Pick one of many items (saved games); scrolls when they do not fit."""

    def __init__(
        self,
        app: App,
        title: str,
        items: Sequence[tuple[str, str]],
        on_pick: Callable[[int], None],
        empty: str = "",
    ) -> None:
        super().__init__(app, title, "" if items else empty, width=720)
        self.on_pick = on_pick
        self.area = ScrollArea()
        self.rows = [
            _PickRow(f"item.{i}", label, detail, self._pick(i)) for i, (label, detail) in enumerate(items)
        ]
        self.buttons = [Button("no", tr("ui.cancel"), self.cancel)]

    def _pick(self, index: int) -> Callable[[], None]:
        def pick() -> None:
            self.close()
            self.on_pick(index)

        return pick

    def row_height(self) -> int:
        p = self.p
        return p.line_height("body_bold") + p.line_height("small") + p.theme.px(12)

    def content_height(self, width: int) -> int:
        return min(len(self.rows), 7) * (self.row_height() + self.p.theme.px(4))

    def place_content(self, rect: Rect) -> list[Widget]:
        self.area.reset(rect)
        y = 0
        for row in self.rows:
            self.area.place(row, Rect(0, y, rect.width - self.p.theme.px(10), self.row_height()))
            y += self.row_height() + self.p.theme.px(4)
        self.area.apply()
        return list(self.rows)

    def areas(self) -> list[ScrollArea]:
        return [self.area]


class _PickRow(Widget):
    def __init__(self, key: str, label: str, detail: str, on_pick: Callable[[], None]) -> None:
        super().__init__(key)
        self.label = label
        self.detail = detail
        self.on_pick = on_pick

    def activate(self) -> None:
        self.on_pick()

    def draw(self, surface: pygame.Surface, p, focused: bool, hovered: bool) -> None:  # noqa: ANN001
        t = p.theme
        p.panel(surface, self.rect, p.pal.panel_hi if hovered or focused else p.pal.bg, p.pal.line)
        x = self.rect.x + t.px(12)
        p.draw_text(
            surface,
            self.label,
            (x, self.rect.y + t.px(5)),
            "body_bold",
            max_width=self.rect.width - t.px(24),
        )
        p.draw_text(
            surface,
            self.detail,
            (x, self.rect.y + t.px(5) + p.line_height("body_bold")),
            "small",
            p.pal.dim,
            max_width=self.rect.width - t.px(24),
        )
        if focused:
            p.focus_ring(surface, self.rect)
