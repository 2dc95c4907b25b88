"""The projector while the game is hosted over the network: the public board, the join codes
with QR codes, who has decided (never what) and the deadline; F9 opens the facilitator's panel
on the same game.

The scene knows nothing of the web server: it reads a ``BoardSource`` (the host passes one)
for the codes and the table's progress, and the public view of the session for the board.
Drawing never changes game state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import pygame

from game.engine import PUBLIC
from game.i18n import tr
from game.shells.window.app import App, Scene
from game.shells.window.board import (
    TrackRow,
    draw_footer,
    draw_section_title,
    draw_top_bar,
    fill_rows,
    footer_height,
    place_rows,
    top_bar_height,
)
from game.shells.window.widgets import ScrollArea
from game.story.words import phase_name

Rect = pygame.Rect


@dataclass(frozen=True, slots=True)
class JoinCode:
    name: str
    code: str
    url: str
    matrix: tuple[tuple[int, ...], ...]  # the QR code's modules, 1 = dark


@dataclass(frozen=True, slots=True)
class TeamState:
    name: str
    done: bool
    computer: bool


class BoardSource(Protocol):
    """What the host tells the projector (read while the host's lock is held)."""

    join_url: str

    def codes(self) -> list[JoinCode]: ...

    def teams(self) -> list[TeamState]: ...

    def deadline(self) -> int | None: ...

    def paused(self) -> bool: ...


class HostBoardScene(Scene):
    name = "hostboard"

    def __init__(self, app: App, source: BoardSource) -> None:
        super().__init__(app)
        assert app.match is not None
        self.session = app.match.session
        self.source = source
        self.rows: dict[int, TrackRow] = {}
        self.area = ScrollArea()
        self.qr_cache: dict[str, pygame.Surface] = {}
        self.track_rect = Rect(0, 0, 0, 0)
        self.side = Rect(0, 0, 0, 0)

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        top = top_bar_height(p) + t.pad
        bottom = h - footer_height(p) - t.pad
        split = round(w * 0.52)
        self.track_rect = Rect(t.pad * 2, top + p.line_height("small_bold") + t.pad, split - t.pad * 3, 0)
        self.track_rect.height = bottom - self.track_rect.y
        self.side = Rect(split + t.pad, top, w - split - t.pad * 3, bottom - top)
        rows = fill_rows(self.rows, self.session.view(PUBLIC))
        place_rows(rows, self.track_rect, p, self.area)
        self.form.set(rows, [self.area])

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        surface.fill(p.pal.bg)
        view = self.session.view(PUBLIC)
        if view.terminal:
            center = tr("host.game_over")
        else:
            center = tr("host.turn_of", turn=view.turn, turns=view.turns) + " · " + phase_name(view.phase)
        badge = tr("host.paused") if self.source.paused() else tr("host.window.badge")
        draw_top_bar(
            surface, p, "Common Ground", center, badge, p.pal.worse if self.source.paused() else None, 0
        )
        draw_section_title(
            surface,
            p,
            tr("text.tracks"),
            (self.track_rect.x, self.track_rect.y - p.line_height("small_bold") - t.px(6)),
            self.track_rect.width,
        )
        self.form.draw(surface, p)
        y = self.draw_teams(surface, self.side.y)
        self.draw_codes(surface, y + t.pad)
        draw_footer(surface, p, tr("host.window.footer"))

    def draw_teams(self, surface: pygame.Surface, y: int) -> int:
        p = self.p
        t = p.theme
        pal = p.pal
        rect = self.side
        y += draw_section_title(surface, p, tr("host.teams.title"), (rect.x, y), rect.width)
        seconds = self.source.deadline()
        if seconds is not None:
            left = f"{seconds // 60}:{seconds % 60:02d}" if seconds else tr("ui.timer.up")
            p.draw_text(
                surface,
                f"{tr('ui.timer.left')}: {left}",
                (rect.x, y),
                "heading",
                pal.worse if seconds <= 60 else None,
            )
            y += p.line_height("heading") + t.px(4)
        x = rect.x
        line = p.line_height("body_bold") + t.px(10)
        for team in self.source.teams():
            state = (
                tr("host.teams.computer")
                if team.computer
                else tr("host.teams.done")
                if team.done
                else tr("host.teams.deciding")
            )
            label = f"{team.name}: {state}"
            w = p.width(label, "body_bold") + t.px(20)
            if x > rect.x and x + w > rect.right:
                x, y = rect.x, y + line
            chip = Rect(x, y, min(w, rect.width), line - t.px(4))
            p.panel(
                surface, chip, pal.panel_hi if team.done else pal.panel, pal.better if team.done else pal.line
            )
            color = pal.better if team.done and not team.computer else (pal.dim if team.computer else None)
            p.draw_text(
                surface,
                label,
                (x + t.px(10), y + t.px(3)),
                "body_bold",
                color,
                max_width=chip.width - t.px(16),
            )
            x += w + t.gap
        return y + line

    def draw_codes(self, surface: pygame.Surface, y: int) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        rect = self.side
        y += draw_section_title(surface, p, tr("host.codes.title"), (rect.x, y), rect.width)
        y += p.draw_wrapped(
            surface,
            tr("host.codes.help", url=self.source.join_url),
            Rect(rect.x, y, rect.width, 400),
            "small",
            pal.dim,
        )
        codes = self.source.codes()
        if not codes:
            return
        columns = 3 if len(codes) > 4 else max(1, len(codes))
        gap = t.pad
        cell_w = (rect.width - gap * (columns - 1)) // columns
        label_h = p.line_height("small_bold") + p.line_height("small")
        rows = (len(codes) + columns - 1) // columns
        room = (rect.bottom - y - t.pad) // max(1, rows) - label_h - gap
        size = max(40, min(cell_w, room))
        for i, join in enumerate(codes):
            cx = rect.x + (i % columns) * (cell_w + gap)
            cy = y + t.px(6) + (i // columns) * (size + label_h + gap)
            image = self.qr_image(join, size)
            surface.blit(image, (cx + (cell_w - image.get_width()) // 2, cy))
            ty = cy + image.get_height() + t.px(2)
            p.draw_text(
                surface, join.name, (cx + cell_w // 2, ty), "small_bold", align="center", max_width=cell_w
            )
            p.draw_text(
                surface,
                join.code,
                (cx + cell_w // 2, ty + p.line_height("small_bold")),
                "small",
                align="center",
                max_width=cell_w,
            )

    def qr_image(self, join: JoinCode, size: int) -> pygame.Surface:
        """The QR code drawn in black on white with its quiet zone, whole modules only."""
        key = f"{join.url}@{size}"
        cached = self.qr_cache.get(key)
        if cached is not None:
            return cached
        modules = len(join.matrix) + 4
        scale = max(1, size // modules)
        image = pygame.Surface((modules * scale, modules * scale))
        image.fill((255, 255, 255))
        for r, row in enumerate(join.matrix):
            for c, dark in enumerate(row):
                if dark:
                    image.fill((0, 0, 0), Rect((c + 2) * scale, (r + 2) * scale, scale, scale))
        self.qr_cache[key] = image
        return image
