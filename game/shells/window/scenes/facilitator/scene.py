"""The facilitator's panel (F9, or Facilitator in the menu): run the session from one place.

Inject an event from the deck or write one; adjudicate (move a track with a written reason);
enter the dice the table rolled; pause; undo; set and run the deliberation timer. Every
decision is the session's own operation, so it lands in the log with its reason, in the save
and in the report (see ``game.shells.window.decisions``).

The panel is an overlay with its own look - a banner "Facilitator - not for the teams' eyes"
and a frame in another colour - so nobody mistakes it for the teams' screen. It reads the game
as the facilitator sees it, but a covert order still shows only as "a secret order of ..."
until the facilitator chooses to reveal it here; and closing the panel returns to the screen
below, which draws from its own (public or role) view as before.

This module is the frame: the section tabs, Pause and Close, the status line and the texts a
section asks for. Each section (a module beside this one) lays out and runs its own tab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.i18n import tr
from game.shells.window import decisions
from game.shells.window.app import App, Scene
from game.shells.window.board import draw_section_title
from game.shells.window.cards import Toggle
from game.shells.window.scenes.facilitator.adjudicate import AdjudicateSection
from game.shells.window.scenes.facilitator.custom import CustomSection
from game.shells.window.scenes.facilitator.dice import DiceSection
from game.shells.window.scenes.facilitator.frame import draw_banner_text, draw_frame, draw_table
from game.shells.window.scenes.facilitator.inject import InjectSection
from game.shells.window.scenes.facilitator.section import Section, TextSource
from game.shells.window.scenes.facilitator.timer import TimerSection
from game.shells.window.scenes.facilitator.undo import UndoSection
from game.shells.window.textinput import route_text_input
from game.shells.window.widgets import Button, ScrollArea, Widget

if TYPE_CHECKING:
    from game.session.table import Session

Rect = pygame.Rect
SECTIONS = ("inject", "custom", "adjudicate", "dice", "timer", "undo")
SECTION_KEYS = {
    "inject": "ui.fac.section.inject",
    "custom": "ui.fac.section.custom",
    "adjudicate": "ui.fac.section.adjudicate",
    "dice": "ui.fac.section.dice",
    "timer": "ui.fac.section.timer",
    "undo": "ui.fac.section.undo",
}


def toggle_panel(app: App) -> None:
    """F9: open the panel over the current screen, or close it."""
    top = app.top
    if isinstance(top, FacilitatorScene):
        top.close()
        return
    if app.match is None or app.find(FacilitatorScene) is not None:
        return  # no game, or one of the panel's own confirmations is open
    app.push(FacilitatorScene(app))


class FacilitatorScene(Scene):
    overlay = True
    name = "facilitator"

    def __init__(self, app: App, section: str = "inject") -> None:
        super().__init__(app)
        assert app.match is not None
        self.match = app.match
        self.section = section
        self.status = ""
        self.status_ok = True
        self.texts: list[tuple[TextSource, Rect, str, str]] = []
        self.box = Rect(0, 0, 0, 0)
        self.banner = Rect(0, 0, 0, 0)
        self.content = Rect(0, 0, 0, 0)
        self.status_rect = Rect(0, 0, 0, 0)
        self.tabs = [
            Toggle(f"section.{name}", tr(SECTION_KEYS[name]), self._go(name), mark=False) for name in SECTIONS
        ]
        self.pause_button = Button("pause", lambda: tr("ui.fac.pause"), self.on_pause)
        self.close_button = Button("close", lambda: tr("ui.fac.close"), self.close, kind="quiet")
        self.dice = DiceSection(self)
        self.sections: dict[str, Section] = {
            "inject": InjectSection(self),
            "custom": CustomSection(self),
            "adjudicate": AdjudicateSection(self),
            "dice": self.dice,
            "timer": TimerSection(self),
            "undo": UndoSection(self),
        }

    # ------------------------------------------------------------------ reading the game

    @property
    def session(self) -> Session:
        return self.match.session

    @property
    def over(self) -> bool:
        return self.session.terminal

    @property
    def reveal(self) -> bool:
        """Whether the dice list names covert orders (hidden again each time the panel opens)."""
        return self.dice.reveal

    @property
    def dice_rows(self) -> list[tuple[int, int]]:
        """(role, action) of each order whose dice the table may enter."""
        return self.dice.rows

    # ------------------------------------------------------------------ opening and closing

    def enter(self) -> None:
        super().enter()
        try:
            pygame.key.start_text_input()  # typed characters arrive as TEXTINPUT events
        except pygame.error:  # pragma: no cover - no video system
            pass

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop()

    def _go(self, section: str) -> Callable[[], None]:
        def go() -> None:
            self.section = section
            self.status = ""
            self.invalidate()

        return go

    def on_pause(self) -> None:
        self.close()
        self.app.go.pause()

    def report(self, outcome: decisions.Outcome) -> None:
        self.status = outcome.message
        self.status_ok = outcome.ok
        self.invalidate()

    def after_decision(self, outcome: decisions.Outcome) -> None:
        """The game changed: every screen reads it again; an ending goes to the end screen."""
        self.report(outcome)
        if not outcome.ok:
            return
        self.app.refresh()
        if self.over:
            self.close()
            self.app.go.advance()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            return route_text_input(self.form.focused, event)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return super().handle(event)

    # ------------------------------------------------------------------ layout

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        margin = t.pad
        self.box = Rect(margin, margin, w - 2 * margin, h - 2 * margin)
        banner_h = p.line_height("heading") + t.px(18)
        self.banner = Rect(self.box.x, self.box.y, self.box.width, banner_h)
        cw = self.close_button.preferred_width(p)
        ch = self.close_button.preferred_height(p)
        self.close_button.rect = Rect(self.banner.right - t.pad - cw, self.banner.centery - ch // 2, cw, ch)
        x, left_w = self.layout_tabs()
        # the section's content, and the status line under it
        cx = x + left_w + t.pad * 2
        status_h = p.line_height("small_bold") * 2 + t.px(8)
        self.status_rect = Rect(cx, self.box.bottom - t.pad - status_h, self.box.right - t.pad - cx, status_h)
        self.content = Rect(
            cx,
            self.banner.bottom + t.pad,
            self.box.right - t.pad - cx,
            self.status_rect.y - t.px(6) - (self.banner.bottom + t.pad),
        )
        self.texts = []
        areas: list[ScrollArea] = []
        widgets: list[Widget] = self.sections[self.section].layout(self.content, areas)
        self.form.set([*self.tabs, self.pause_button, *widgets, self.close_button], areas)

    def layout_tabs(self) -> tuple[int, int]:
        """The sections and Pause down the left, the table's progress under them; returns x, width."""
        p = self.p
        t = p.theme
        left_w = max(t.px(200), min(t.px(250), round(self.box.width * 0.2)))
        x = self.box.x + t.pad
        y = self.banner.bottom + t.pad
        tab_h = p.line_height("body_bold") + t.px(14)
        for name, tab in zip(SECTIONS, self.tabs, strict=True):
            tab.selected = name == self.section
            tab.label = tr(SECTION_KEYS[name])
            tab.rect = Rect(x, y, left_w, tab_h)
            y += tab_h + t.px(6)
        y += t.pad
        self.pause_button.rect = Rect(x, y, left_w, tab_h)
        y += tab_h + t.pad * 2
        self.left_rect = Rect(x, y, left_w, self.box.bottom - t.pad - y)
        return x, left_w

    def add_text(self, value: TextSource, rect: Rect, style: str = "body", color: str = "text") -> int:
        """Text drawn with the section (wrapped inside ``rect``); returns its height."""
        self.texts.append((value, Rect(rect), style, color))
        shown = value() if callable(value) else value
        return self.p.wrapped_height(shown, style, rect.width) if shown else 0

    def button_row(self, buttons: list[Button], rect: Rect, y: int) -> int:
        """Buttons left to right from ``rect.x``; returns the row's height."""
        p = self.p
        x = rect.x
        h = max(b.preferred_height(p) for b in buttons)
        for button in buttons:
            bw = button.preferred_width(p) + p.theme.px(12)
            button.rect = Rect(x, y, bw, h)
            x += bw + p.theme.gap
        return h

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        draw_frame(surface, p, self.box, self.banner)
        draw_banner_text(surface, p, self.banner, self.close_button.rect, self.session)
        # the line between the sections and the content
        x = self.content.x - t.pad
        pygame.draw.line(surface, pal.line, (x, self.content.y), (x, self.box.bottom - t.pad), 1)
        draw_table(surface, p, self.left_rect, self.session)
        self.draw_texts(surface)
        self.sections[self.section].draw(surface)
        if self.status:
            p.draw_wrapped(
                surface,
                self.status,
                self.status_rect,
                "small_bold",
                pal.better if self.status_ok else pal.worse,
                max_lines=2,
            )
        self.form.draw(surface, p)

    def draw_texts(self, surface: pygame.Surface) -> None:
        """The section's texts: a section title, or text wrapped in its box (or as tall as it needs)."""
        p = self.p
        pal = p.pal
        colors = {"text": pal.text, "dim": pal.dim, "worse": pal.worse, "better": pal.better}
        for value, rect, style, color in self.texts:
            shown = value() if callable(value) else value
            if not shown:
                continue
            if style == "section":
                draw_section_title(surface, p, shown, rect.topleft, rect.width)
            elif rect.height:
                p.draw_wrapped(surface, shown, rect, style, colors.get(color, pal.text))
            else:
                tall = Rect(rect.x, rect.y, rect.width, 4000)
                p.draw_wrapped(surface, shown, tall, style, colors.get(color, pal.text))
