"""The news column: a line of news (with its tone and risks), the column drawn scrolled, and
the widget that lets the keyboard scroll it. Shared by the play screen and the resolution."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.shells.window.painter import Painter
from game.shells.window.widgets import ScrollArea, Widget
from game.story.headlines import Headline

Rect = pygame.Rect


# ----------------------------------------------------------------------------- headlines


@dataclass(frozen=True, slots=True)
class NewsLine:
    text: str
    risks: tuple[str, ...] = ()  # the article's risks, by code and name ('R4 Civilian harm')
    major: bool = False
    tone: str = "normal"  # normal, reason (a computer's explanation), warning, running, secret

    @property
    def style(self) -> str:
        if self.major:
            return "body_bold"
        return "small" if self.tone in ("reason", "running", "coming") else "body"

    @property
    def body(self) -> str:
        return self.text + (f"  ({', '.join(self.risks)})" if self.risks else "")


def news_lines(items: list[Headline]) -> list[NewsLine]:
    return [NewsLine(h.text, h.risks, h.major) for h in items]


class NewsBox(Widget):
    """The news column as one stop for the keyboard: in focus, the arrows and Page Up / Down
    scroll it (the wheel does too, over it); at either end the arrows move on as usual."""

    def __init__(self, area: ScrollArea) -> None:
        super().__init__("news")
        self.news_area = area

    def key_down(self, event: pygame.event.Event) -> bool:
        view = self.news_area.view.height
        steps = {
            pygame.K_DOWN: max(20, view // 6),
            pygame.K_UP: -max(20, view // 6),
            pygame.K_PAGEDOWN: max(40, view - 40),
            pygame.K_PAGEUP: -max(40, view - 40),
        }
        step = steps.get(event.key)
        return step is not None and self.news_area.scroll(step)

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        if focused:
            p.focus_ring(surface, self.rect)


TONE_COLORS = {"reason": "dim", "warning": "worse", "secret": "covert", "running": "text", "coming": "text"}


def draw_marker(surface: pygame.Surface, p: Painter, line: NewsLine, at: tuple[int, int]) -> None:
    """The shape before a news line: a warning triangle, a square for big news, a dot."""
    t = p.theme
    pal = p.pal
    x, y = at
    if line.tone == "warning":
        p.warning_sign(surface, (x + t.px(9), y), t.px(16), pal.worse)
    elif line.tone == "running":
        pygame.draw.circle(surface, pal.text, (x + t.px(8), y), max(3, t.px(5)), max(1, t.px(2)))
    elif line.major:
        size = t.px(9)
        color = pal.covert if line.tone == "secret" else pal.text
        pygame.draw.rect(surface, color, Rect(x + t.px(4), y - size // 2, size, size))
    elif line.tone == "reason":
        pygame.draw.circle(surface, pal.dim, (x + t.px(8), y), max(2, t.px(2)))
    elif line.tone == "coming":  # a hollow square: a date on the calendar, not news yet
        size = t.px(9)
        pygame.draw.rect(surface, pal.text, Rect(x + t.px(4), y - size // 2, size, size), max(1, t.px(2)))
    else:
        color = pal.covert if line.tone == "secret" else pal.text
        pygame.draw.circle(surface, color, (x + t.px(8), y), max(2, t.px(3)))


def draw_news(
    surface: pygame.Surface, p: Painter, lines: list[NewsLine], area: ScrollArea, rect: Rect
) -> None:
    """Headlines in a scrollable column: big news marked with a square, risk ids after each."""
    t = p.theme
    pal = p.pal
    area.reset(rect)
    marker = t.px(20)
    y = 0
    layout = []
    width = rect.width - marker - t.px(10)
    for line in lines:
        h = p.wrapped_height(line.body, line.style, width)
        layout.append((y, line, line.style, line.body, h))
        y += h + t.px(6)
    area.extend(y)
    area.apply()
    previous = surface.get_clip()
    surface.set_clip(rect)
    for top, line, style, body, h in layout:
        sy = area.y(top)
        if sy + h < rect.y or sy > rect.bottom:
            continue
        draw_marker(surface, p, line, (rect.x, sy + p.line_height(style) // 2))
        color = TONE_COLORS.get(line.tone)
        p.draw_wrapped(
            surface,
            body,
            Rect(rect.x + marker, sy, width, h + 2),
            style,
            getattr(pal, color) if color else None,
        )
    surface.set_clip(previous)
    area.draw_scrollbar(surface, p)
