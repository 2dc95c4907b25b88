"""Drawing helpers over the theme: cached text, wrapping, panels and the shapes fonts lack.

The bundled font has no arrows, check marks or dice, so those are drawn as shapes: they scale
with the window and can never turn into a missing-glyph box. Rendered text is cached (the
same labels are drawn every frame), which keeps a full frame well inside its budget.
"""

from __future__ import annotations

from collections import OrderedDict

import pygame

from game.session.untrusted import UNSAFE, printable
from game.shells.window.theme import FONT_BOLD, FONT_REGULAR, STYLES, Color, Theme

Rect = pygame.Rect

TEXT_CACHE_LIMIT = 3000
ELLIPSIS = "…"


def drawable(value: str) -> str:
    """One line of text as a font can draw it: control and bidi characters dropped (pygame
    refuses NUL outright; the others would draw as boxes), tabs and newlines made spaces.

    The one place the window cleans untrusted text (scenario titles, save names, reasons):
    every measure and draw below goes through it.
    """
    if UNSAFE.search(value) is None and "\t" not in value and "\n" not in value:
        return value
    return printable(value, "").replace("\t", " ").replace("\n", " ")


class Painter:
    """The drawing context every widget and scene uses: theme, fonts and text caches."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._text: OrderedDict[tuple[str, str, Color], pygame.Surface] = OrderedDict()
        self._wrap: dict[tuple[str, str, int], list[str]] = {}

    def retheme(self, theme: Theme) -> None:
        """A new window size or setting: sizes change, so the caches start over."""
        if theme.sizes != self.theme.sizes:
            self._text.clear()
            self._wrap.clear()
        elif theme.palette != self.theme.palette:
            self._text.clear()
        self.theme = theme

    def clear_text(self) -> None:
        """Drop cached text (after a language change)."""
        self._text.clear()
        self._wrap.clear()

    @property
    def pal(self):  # noqa: ANN201 - the palette; short because every draw call uses it
        return self.theme.palette

    # ------------------------------------------------------------------ fonts and text

    def font(self, style: str) -> pygame.font.Font:
        size = self.theme.sizes[style]
        bold = STYLES[style][1]
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(FONT_BOLD if bold else FONT_REGULAR, size)
            self._fonts[key] = font
        return font

    def line_height(self, style: str) -> int:
        return self.font(style).get_linesize()

    def text(self, value: str, style: str = "body", color: Color | None = None) -> pygame.Surface:
        color = color or self.pal.text
        key = (value, style, color)
        surface = self._text.get(key)
        if surface is None:
            surface = self.font(style).render(drawable(value), True, color)
            self._text[key] = surface
            if len(self._text) > TEXT_CACHE_LIMIT:
                self._text.popitem(last=False)
        else:
            self._text.move_to_end(key)
        return surface

    def width(self, value: str, style: str = "body") -> int:
        return self.font(style).size(drawable(value))[0]

    def fit(self, value: str, style: str, width: int) -> str:
        """The text, cut with an ellipsis if it is wider than ``width``."""
        value = drawable(value)
        font = self.font(style)
        if font.size(value)[0] <= width:
            return value
        low, high = 0, len(value)
        while low < high:
            mid = (low + high + 1) // 2
            if font.size(value[:mid].rstrip() + ELLIPSIS)[0] <= width:
                low = mid
            else:
                high = mid - 1
        return value[:low].rstrip() + ELLIPSIS

    def wrap(self, value: str, style: str, width: int) -> list[str]:
        """Greedy word wrap; paragraphs (newlines) are kept. Cached by text, style and width."""
        key = (value, style, width)
        lines = self._wrap.get(key)
        if lines is not None:
            return lines
        font = self.font(style)
        lines = []
        for paragraph in value.split("\n"):
            words = drawable(paragraph).split(" ")
            line = ""
            for word in words:
                candidate = f"{line} {word}" if line else word
                if font.size(candidate)[0] <= width or not line:
                    line = candidate
                else:
                    lines.append(line)
                    line = word
                while font.size(line)[0] > width and len(line) > 1:  # one very long word
                    cut = len(line)
                    while cut > 1 and font.size(line[:cut])[0] > width:
                        cut -= 1
                    lines.append(line[:cut])
                    line = line[cut:]
            lines.append(line)
        self._wrap[key] = lines
        return lines

    def draw_text(
        self,
        surface: pygame.Surface,
        value: str,
        pos: tuple[int, int],
        style: str = "body",
        color: Color | None = None,
        align: str = "left",
        max_width: int | None = None,
    ) -> Rect:
        """Draw one line; ``pos`` is the top-left, top-centre or top-right point by ``align``."""
        if max_width is not None:
            value = self.fit(value, style, max_width)
        image = self.text(value, style, color)
        rect = image.get_rect()
        if align == "center":
            rect.midtop = pos
        elif align == "right":
            rect.topright = pos
        else:
            rect.topleft = pos
        surface.blit(image, rect)
        return rect

    def draw_wrapped(
        self,
        surface: pygame.Surface,
        value: str,
        rect: Rect,
        style: str = "body",
        color: Color | None = None,
        max_lines: int | None = None,
        align: str = "left",
    ) -> int:
        """Draw wrapped text inside ``rect`` (clipped to its height); returns the height used."""
        lines = self.wrap(value, style, max(10, rect.width))
        step = self.line_height(style)
        limit = min(
            len(lines),
            max_lines or len(lines),
            max(1, rect.height // step) if rect.height else len(lines),
        )
        for i in range(limit):
            line = lines[i]
            if i == limit - 1 and limit < len(lines):
                line = self.fit(line + " " + ELLIPSIS, style, rect.width)
            x = rect.centerx if align == "center" else rect.x
            self.draw_text(surface, line, (x, rect.y + i * step), style, color, align=align)
        return limit * step

    def wrapped_height(self, value: str, style: str, width: int) -> int:
        return len(self.wrap(value, style, max(10, width))) * self.line_height(style)

    # ------------------------------------------------------------------ surfaces and shapes

    def panel(
        self,
        surface: pygame.Surface,
        rect: Rect,
        color: Color | None = None,
        border: Color | None = None,
    ) -> None:
        radius = self.theme.radius
        pygame.draw.rect(surface, color or self.pal.panel, rect, border_radius=radius)
        if border is not None:
            pygame.draw.rect(surface, border, rect, width=max(1, self.theme.px(1)), border_radius=radius)

    def focus_ring(self, surface: pygame.Surface, rect: Rect) -> None:
        width = self.theme.focus_width
        ring = rect.inflate(width * 2 + 2, width * 2 + 2)
        pygame.draw.rect(surface, self.pal.focus, ring, width=width, border_radius=self.theme.radius + width)

    def triangle(
        self, surface: pygame.Surface, center: tuple[int, int], size: int, up: bool, color: Color
    ) -> None:
        """An up or down arrowhead: the shape that says 'rose' or 'fell' without colour."""
        x, y = center
        half = max(3, size // 2)
        if up:
            points = [(x - half, y + half // 2 + 1), (x + half, y + half // 2 + 1), (x, y - half)]
        else:
            points = [(x - half, y - half // 2 - 1), (x + half, y - half // 2 - 1), (x, y + half)]
        pygame.draw.polygon(surface, color, points)

    def chevron(
        self,
        surface: pygame.Surface,
        center: tuple[int, int],
        size: int,
        direction: str,
        color: Color,
    ) -> None:
        """A small left/right/down pointer for choices and menus."""
        x, y = center
        half = max(3, size // 2)
        if direction == "left":
            points = [(x + half // 2, y - half), (x + half // 2, y + half), (x - half // 2 - 1, y)]
        elif direction == "right":
            points = [(x - half // 2, y - half), (x - half // 2, y + half), (x + half // 2 + 1, y)]
        else:
            points = [(x - half, y - half // 2), (x + half, y - half // 2), (x, y + half // 2 + 1)]
        pygame.draw.polygon(surface, color, points)

    def check_mark(self, surface: pygame.Surface, rect: Rect, color: Color) -> None:
        w = max(2, rect.height // 6)
        points = [
            (rect.x + rect.width * 0.15, rect.y + rect.height * 0.55),
            (rect.x + rect.width * 0.4, rect.y + rect.height * 0.8),
            (rect.x + rect.width * 0.85, rect.y + rect.height * 0.22),
        ]
        pygame.draw.lines(surface, color, False, points, w)

    def cross(self, surface: pygame.Surface, rect: Rect, color: Color) -> None:
        w = max(2, rect.height // 6)
        inner = rect.inflate(-rect.width // 3, -rect.height // 3)
        pygame.draw.line(surface, color, inner.topleft, inner.bottomright, w)
        pygame.draw.line(surface, color, inner.topright, inner.bottomleft, w)

    def checkbox(self, surface: pygame.Surface, rect: Rect, checked: bool, enabled: bool = True) -> None:
        pal = self.pal
        pygame.draw.rect(surface, pal.panel, rect, border_radius=max(2, rect.height // 5))
        pygame.draw.rect(
            surface,
            pal.text if enabled else pal.line,
            rect,
            width=max(1, rect.height // 10),
            border_radius=max(2, rect.height // 5),
        )
        if checked:
            pygame.draw.rect(
                surface, pal.primary, rect.inflate(-2, -2), border_radius=max(2, rect.height // 5)
            )
            self.check_mark(surface, rect, pal.primary_text)

    def die(self, surface: pygame.Surface, rect: Rect, value: int, color: Color | None = None) -> None:
        """A die face with pips (1-6), drawn rather than taken from a font."""
        pal = self.pal
        pygame.draw.rect(surface, color or (250, 250, 250), rect, border_radius=max(3, rect.width // 6))
        pygame.draw.rect(
            surface,
            (40, 40, 40),
            rect,
            width=max(1, rect.width // 18),
            border_radius=max(3, rect.width // 6),
        )
        r = max(2, rect.width // 10)
        cx, cy = rect.center
        d = rect.width // 4
        spots = {
            1: [(0, 0)],
            2: [(-1, -1), (1, 1)],
            3: [(-1, -1), (0, 0), (1, 1)],
            4: [(-1, -1), (1, -1), (-1, 1), (1, 1)],
            5: [(-1, -1), (1, -1), (0, 0), (-1, 1), (1, 1)],
            6: [(-1, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (1, 1)],
        }.get(value, [])
        for dx, dy in spots:
            pygame.draw.circle(surface, (25, 25, 25), (cx + dx * d, cy + dy * d), r)
        del pal

    def change(
        self,
        surface: pygame.Surface,
        pos: tuple[int, int],
        delta: int,
        good: str,
        style: str = "small_bold",
    ) -> int:
        """'▲ +5' in the better/worse colour; returns the width drawn. Nothing for no change."""
        if not delta:
            return 0
        color = self.change_color(delta, good)
        size = self.line_height(style)
        tri = max(6, size // 2)
        x, y = pos
        self.triangle(surface, (x + tri // 2 + 1, y + size // 2), tri, delta > 0, color)
        rect = self.draw_text(surface, f"{delta:+d}", (x + tri + self.theme.px(4), y), style, color)
        return rect.right - x

    def change_width(self, delta: int, style: str = "small_bold") -> int:
        if not delta:
            return 0
        tri = max(6, self.line_height(style) // 2)
        return tri + self.theme.px(4) + self.width(f"{delta:+d}", style)

    def change_color(self, delta: int, good: str) -> Color:
        if good == "neutral" or not delta:
            return self.pal.neutral
        better = (delta > 0) == (good == "high")
        return self.pal.better if better else self.pal.worse
