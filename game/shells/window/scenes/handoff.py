"""The hand-off: 'Pass to the Government of Mexico - press Enter when ready'.

Shown before each human role's private screen at a shared screen, so nothing secret is on
display while the laptop changes hands. It shows no game state at all.
"""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.shells.window.app import App, Scene
from game.shells.window.board import draw_footer
from game.shells.window.deliberation import draw_pill
from game.shells.window.widgets import Button
from game.story.words import role_name

Rect = pygame.Rect


class HandoffScene(Scene):
    name = "handoff"

    def __init__(self, app: App, role: int, mode: str) -> None:
        super().__init__(app)
        assert app.match is not None
        self.role = role
        self.mode = mode
        self.ready = Button(
            "ready",
            lambda: tr("ui.w.handoff.ready", role=role_name(app.match.sc, role)),
            self.on_ready,
            kind="primary",
        )
        self.menu = Button("menu", lambda: tr("ui.menu"), self.on_menu, kind="quiet", style="body")

    def on_ready(self) -> None:
        self.app.go.play(self.mode, self.role)

    def on_menu(self) -> None:
        self.app.go.game_menu()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.on_menu()
            return True
        return super().handle(event)

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        bw = min(w - 4 * t.pad, self.ready.preferred_width(p) + t.px(60))
        bh = self.ready.preferred_height(p) + t.px(10)
        self.ready.rect = Rect((w - bw) // 2, round(h * 0.62), bw, bh)
        mw = self.menu.preferred_width(p)
        self.menu.rect = Rect(w - t.pad - mw, t.pad, mw, self.menu.preferred_height(p))
        self.form.set([self.ready, self.menu])
        self.form.focus_key = "ready"

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        match = self.app.match
        assert match is not None
        w, h = surface.get_size()
        surface.fill(pal.bg)
        sc = match.sc
        step = (
            tr("ui.handoff.answers")
            if self.mode == "answers"
            else tr("ui.handoff.orders", turn=match.session.state.turn)
        )
        y = round(h * 0.2)
        p.draw_text(surface, step, (w // 2, y), "heading", pal.dim, align="center", max_width=w - 4 * t.pad)
        y += p.line_height("heading") + t.pad
        title = tr("ui.w.handoff.pass", role=role_name(sc, self.role, short=False))
        y += p.draw_wrapped(surface, title, Rect(2 * t.pad, y, w - 4 * t.pad, h), "display", align="center")
        y += t.pad
        p.draw_wrapped(
            surface,
            tr("ui.handoff.press"),
            Rect(4 * t.pad, y, w - 8 * t.pad, h),
            "heading",
            align="center",
        )
        order = [r for r in match.humans()]
        waiting = ", ".join(role_name(sc, r) for r in order if r != self.role and self._still_to_go(r))
        if waiting:
            p.draw_text(
                surface,
                tr("ui.handoff.then", roles=waiting),
                (w // 2, self.ready.rect.bottom + t.pad),
                "body",
                pal.dim,
                align="center",
                max_width=w - 4 * t.pad,
            )
        draw_pill(surface, p, match.timer, self.menu.rect.x - t.gap, self.menu.rect.centery * 2)
        self.form.draw(surface, p)
        draw_footer(surface, p, tr("ui.handoff.footer"))

    def _still_to_go(self, role: int) -> bool:
        session = self.app.match.session  # type: ignore[union-attr]
        if self.mode == "answers":
            return role in session.roles_to_answer()
        return role in session.roles_to_order()
