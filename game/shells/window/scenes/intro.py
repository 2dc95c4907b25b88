"""Before turn 1: the situation, the source, who plays what - and, in solo play, your briefing.

At a shared screen the briefings stay private: each team reads its own on its first private
screen, after the hand-off.
"""

from __future__ import annotations

import pygame

from game.i18n import text, tr, trn
from game.shells.window.app import App, Scene
from game.shells.window.board import draw_footer, draw_section_title, footer_height
from game.shells.window.scenes.briefing import draw_briefing
from game.shells.window.widgets import Button, ScrollArea
from game.story.words import role_name

Rect = pygame.Rect


class IntroScene(Scene):
    name = "intro"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.begin = Button("begin", lambda: tr("ui.intro.begin"), self.on_begin, kind="primary")
        self.quit = Button("menu", lambda: tr("ui.main_menu"), self.on_menu)
        self.area = ScrollArea()
        self.form.focus_key = "begin"

    def on_begin(self) -> None:
        match = self.app.match
        assert match is not None
        if not match.hot_seat():
            match.briefed.update(match.humans())
        self.app.go.advance()

    def on_menu(self) -> None:
        self.app.go.title()

    def handle(self, event: pygame.event.Event) -> bool:
        if (
            event.type == pygame.KEYDOWN
            and event.key in (pygame.K_DOWN, pygame.K_UP)
            and self.area.max_offset
        ):
            return self.area.scroll(
                (1 if event.key == pygame.K_DOWN else -1) * self.p.line_height("body") * 2
            )
        return super().handle(event)

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        bottom = h - footer_height(p) - t.pad
        bh = self.begin.preferred_height(p)
        bw = self.begin.preferred_width(p) + t.px(40)
        self.begin.rect = Rect(w - t.pad * 2 - bw, bottom - bh, bw, bh)
        self.quit.rect = Rect(t.pad * 2, bottom - bh, self.quit.preferred_width(p), bh)
        top = t.pad * 2 + p.line_height("title") + t.gap
        self.body = Rect(t.pad * 2, top, w - t.pad * 4, bottom - bh - t.pad - top)
        self.area.reset(self.body)
        scratch = pygame.Surface((1, 1))
        self.area.extend(self.draw_body(scratch, Rect(self.body.x, self.body.y, self.body.width, 1), 0))
        self.area.apply()
        self.form.set([self.quit, self.begin], [self.area])

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        surface.fill(p.pal.bg)
        match = self.app.match
        assert match is not None
        p.draw_text(
            surface,
            text(match.sc.model.title),
            (t.pad * 2, t.pad * 2),
            "title",
            max_width=surface.get_width() - 4 * t.pad,
        )
        self.draw_body(surface, self.body, self.area.offset)
        self.area.draw_scrollbar(surface, p)
        self.form.draw(surface, p)
        draw_footer(surface, p, tr("ui.intro.footer"))

    def draw_body(self, surface: pygame.Surface, rect: Rect, offset: int) -> int:
        """Two columns when there is a briefing (solo), one otherwise; returns the height needed."""
        t = self.p.theme
        match = self.app.match
        assert match is not None
        solo = len(match.humans()) == 1
        left = Rect(
            rect.x,
            rect.y,
            round(rect.width * (0.48 if solo else 0.7)) - (t.pad if solo else 0),
            rect.height,
        )
        clip = surface.get_clip()
        surface.set_clip(rect)
        y = self.draw_scenario(surface, left, rect.y - offset, solo)
        height = y + offset - rect.y
        surface.set_clip(clip)
        if solo:
            right = Rect(
                left.right + t.pad * 2,
                rect.y,
                rect.right - left.right - t.pad * 2 - t.px(14),
                rect.height,
            )
            height = max(height, self.draw_solo_briefing(surface, right, offset))
            surface.set_clip(clip)
        return height

    def draw_scenario(self, surface: pygame.Surface, left: Rect, y: int, solo: bool) -> int:
        """The scenario's introduction, its source, who plays whom and the seed; returns y below."""
        p = self.p
        t = p.theme
        pal = p.pal
        match = self.app.match
        assert match is not None
        sc = match.sc
        m = sc.model
        width = left.width - t.px(14)
        y += p.draw_wrapped(surface, text(m.intro), Rect(left.x, y, width, 4000), "body") + t.gap
        source = f"{tr('text.source')}: {text(m.source.title)}"
        if m.source.publisher:
            source += f" - {text(m.source.publisher)}"
        y += p.draw_wrapped(surface, source, Rect(left.x, y, width, 400), "small", pal.dim) + t.pad
        y += draw_section_title(surface, p, tr("ui.setup.players"), (left.x, y), width)
        for role in range(len(sc.roles)):
            line = f"{role_name(sc, role, short=False)}: {match.seat_label(role)}"
            y += p.draw_wrapped(surface, line, Rect(left.x, y, width, 400), "body") + t.px(2)
        y += t.gap
        meta = trn("ui.intro.meta", m.turns, seed=match.session.seed)
        y += p.draw_wrapped(surface, meta, Rect(left.x, y, width, 400), "small", pal.dim) + t.gap
        if not solo and match.humans():
            private = tr("ui.intro.private")
            y += p.draw_wrapped(surface, private, Rect(left.x, y, width, 400), "body", pal.better)
        return y

    def draw_solo_briefing(self, surface: pygame.Surface, right: Rect, offset: int) -> int:
        """The solo player's briefing in the right column, scrolled with the left; returns its height."""
        p = self.p
        t = p.theme
        match = self.app.match
        assert match is not None
        role = match.humans()[0]
        surface.set_clip(right)
        yy = right.y - offset
        p.draw_text(
            surface,
            tr("ui.briefing.title", role=role_name(match.sc, role, short=False)),
            (right.x, yy),
            "heading",
            max_width=right.width,
        )
        yy += p.line_height("heading") + t.gap
        used = draw_briefing(
            surface,
            p,
            match.session.view(role),
            role,
            Rect(right.x, max(yy, right.y), right.width, right.bottom - max(yy, right.y)),
            max(0, right.y - yy),
        )
        return p.line_height("heading") + t.gap + used
