"""Paused: the facilitator stopped the game to talk. The board is hidden and the timer frozen.

A full screen, not an overlay, so nothing of the game shows behind it while the room talks.
Enter, Space, Esc or the button resumes; F9 still opens the facilitator's panel over it.
"""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.shells.window.app import App, Scene
from game.shells.window.board import draw_footer
from game.shells.window.widgets import Button

Rect = pygame.Rect


class PauseScene(Scene):
    name = "paused"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.resume = Button("resume", lambda: tr("ui.pause.resume"), self.on_resume, kind="primary")

    def on_resume(self) -> None:
        if self.app.top is self:
            self.app.pop()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.on_resume()
            return True
        return super().handle(event)

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        bw = min(w - 4 * t.pad, self.resume.preferred_width(p) + t.px(80))
        bh = self.resume.preferred_height(p) + t.px(10)
        self.resume.rect = Rect((w - bw) // 2, round(h * 0.64), bw, bh)
        self.form.set([self.resume])
        self.form.focus_key = "resume"

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        w, h = surface.get_size()
        surface.fill(pal.bg)
        # Two bars: the pause sign, drawn (the font has no such glyph).
        bar_h = t.px(90)
        bar_w = t.px(26)
        top = round(h * 0.18)
        for dx in (-t.px(24), t.px(24)):
            bar = Rect(0, top, bar_w, bar_h)
            bar.centerx = w // 2 + dx
            pygame.draw.rect(surface, pal.dim, bar, border_radius=t.px(5))
        y = top + bar_h + t.pad * 2
        p.draw_text(surface, tr("ui.pause.title"), (w // 2, y), "display", align="center")
        y += p.line_height("display") + t.pad
        p.draw_wrapped(
            surface,
            tr("ui.pause.body"),
            Rect(4 * t.pad, y, w - 8 * t.pad, round(h * 0.64) - y - t.pad),
            "heading",
            pal.dim,
            align="center",
        )
        self.form.draw(surface, p)
        draw_footer(surface, p, tr("ui.pause.footer"))
