"""The play screen: tracks, news, roles - and the public board, a role's answers or its orders.

Three modes share one layout; the scene draws what they share and a pane fills the main panel:

* ``public`` - the projected board (or, with no human, the computer game): what everyone may
  see, and a button for the next step (pass the screen on, or play the turn).
* ``answers`` - a role's private screen to accept or reject the proposals put to it.
* ``orders`` - a role's private screen: action cards by category with cost, odds and
  requirements, the details of the card in focus, and the orders chosen so far.

What is shown always comes from ``session.view(viewer)``, so a covert order of another role
never reaches this screen until it is exposed. Choosing a card asks the engine
(``check_orders``) whether the set is allowed; the screen holds no rules of its own.
"""

from __future__ import annotations

import pygame

from game.engine import PUBLIC, State
from game.i18n import tr
from game.shells.window.app import App, Scene
from game.shells.window.board import (
    NewsBox,
    TrackRow,
    draw_footer,
    draw_news,
    draw_roles,
    draw_section_title,
    draw_top_bar,
    draw_why,
    fill_rows,
    footer_height,
    place_rows,
    roles_height,
    top_bar_height,
)
from game.shells.window.deliberation import draw_pill, pill_width
from game.shells.window.scenes.play.answers import AnswersPane
from game.shells.window.scenes.play.news import board_news, news_height
from game.shells.window.scenes.play.orders import OrdersPane
from game.shells.window.scenes.play.pane import Pane
from game.shells.window.scenes.play.public import PublicPane
from game.shells.window.widgets import Button, ScrollArea
from game.story.words import phase_name, role_name

FOOTER_KEYS = {
    "public": "ui.play.footer.public",
    "orders": "ui.w.play.footer.orders",
    "answers": "ui.play.footer.answers",
}

Rect = pygame.Rect
PANES: dict[str, type[Pane]] = {"orders": OrdersPane, "answers": AnswersPane, "public": PublicPane}


class PlayScene(Scene):
    """The board every mode shares (top bar, tracks, news, roles) around the pane of its mode."""

    name = "play"

    def __init__(self, app: App, mode: str, role: int | None, notice: str | None = None) -> None:
        super().__init__(app)
        assert app.match is not None
        self.match = app.match
        self.mode = mode
        self.role = role
        self.notice = notice
        self.rows: dict[int, TrackRow] = {}
        self.track_area = ScrollArea()
        self.news_area = ScrollArea()
        self.news_box = NewsBox(self.news_area)
        self.menu_button = Button("menu", lambda: tr("ui.menu"), self.open_menu, kind="quiet", style="body")
        self.s: State = self.match.view(self.viewer)
        self.pane: Pane = PANES.get(mode, PublicPane)(self)  # any other mode: the public board
        self._brief_on_enter = False  # a role's first private screen opens on its briefing
        if self.private and role is not None and role not in self.match.briefed and self.match.hot_seat():
            self.match.briefed.add(role)
            self._brief_on_enter = True

    # ------------------------------------------------------------------ who is looking

    @property
    def viewer(self) -> int:
        if self.private and self.role is not None:
            return self.role
        return self.match.viewer() if self.match.humans() and not self.match.hot_seat() else PUBLIC

    @property
    def private(self) -> bool:
        return self.mode in ("orders", "answers")

    @property
    def status(self) -> str:
        """The pane's last refusal or reminder (empty when all is well)."""
        return self.pane.status

    @property
    def selected(self) -> list[int]:
        """The orders chosen so far, in order (none outside the orders mode)."""
        return self.pane.selected if isinstance(self.pane, OrdersPane) else []

    def enter(self) -> None:
        super().enter()
        if self._brief_on_enter and self.role is not None:
            self._brief_on_enter = False
            self.app.go.briefing(self.role)

    # ------------------------------------------------------------------ actions and keys

    def open_menu(self) -> None:
        self.app.go.game_menu()

    def show_briefing(self) -> None:
        if self.private and self.role is not None:
            self.app.go.briefing(self.role)

    def handle(self, event: pygame.event.Event) -> bool:
        """Escape opens the menu and Ctrl+S saves in every mode; the pane has its own keys."""
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.open_menu()
                return True
            if event.key == pygame.K_s and event.mod & pygame.KMOD_CTRL:
                self.app.go.save_game()
                return True
            if self.pane.handle_key(event):
                return True
        return super().handle(event)

    # ------------------------------------------------------------------ layout

    def layout(self) -> None:
        self.s = self.match.view(self.viewer)
        rows = self.layout_tracks()
        self.layout_right()
        widgets = self.pane.layout(self.main_inner())
        self.news_box.rect = Rect(self.news_rect)
        self.form.set(
            [*widgets, self.news_box, *rows, self.menu_button],
            [*self.pane.areas(), self.news_area, self.track_area],
        )
        if self.form.focus_key is None:
            self.form.focus_key = widgets[0].key if widgets else None

    def layout_tracks(self) -> list[TrackRow]:
        """The menu button, and the tracks down the left (a row each, scrolled when many)."""
        p = self.p
        t = p.theme
        w, h = self.app.size
        top = top_bar_height(p)
        bottom = h - footer_height(p)
        mb_w = self.menu_button.preferred_width(p)
        mb_h = self.menu_button.preferred_height(p)
        self.menu_button.rect = Rect(w - t.pad - mb_w, (top - mb_h) // 2, mb_w, mb_h)
        left_w = max(t.px(300), round(w * 0.33))
        self.tracks_rect = Rect(t.pad, top + t.pad, left_w, bottom - top - 2 * t.pad)
        title_h = p.line_height("small_bold") + t.px(6)
        rows = fill_rows(self.rows, self.s)
        tracks = self.tracks_rect
        place_rows(
            rows,
            Rect(tracks.x, tracks.y + title_h, tracks.width, tracks.height - title_h),
            p,
            self.track_area,
        )
        return rows

    def layout_right(self) -> None:
        """The right column: the news (as tall as it needs, within the pane's share), roles, main panel."""
        p = self.p
        t = p.theme
        w, h = self.app.size
        top = top_bar_height(p)
        bottom = h - footer_height(p)
        title_h = p.line_height("small_bold") + t.px(6)
        rx = self.tracks_rect.right + t.pad
        self.right = Rect(rx, top + t.pad, w - rx - t.pad, bottom - top - 2 * t.pad)
        own = self.role if self.private and self.match.hot_seat() else None  # its secrets: its eyes only
        self.news = board_news(self.s, self.match, own)
        pad_x, pad_y = t.px(10), t.px(8)
        wanted = title_h + 2 * pad_y + news_height(p, self.news, self.right.width - 2 * pad_x)
        room_left = self.right.height - roles_height(p, self.s, self.right.width) - 2 * t.gap
        news_h = max(
            p.line_height("body")
            + title_h
            + 2 * pad_y,  # one line and its scroll bar: a crowded board comes first
            min(
                wanted,
                round(self.right.height * self.pane.news_share),
                room_left - self.pane.wanted_height(self.right.width),
            ),
        )
        self.news_rect = Rect(self.right.x, self.right.y, self.right.width, news_h)
        self.roles_rect = Rect(
            self.right.x,
            self.news_rect.bottom + t.gap,
            self.right.width,
            roles_height(p, self.s, self.right.width),
        )
        self.main_rect = Rect(
            self.right.x,
            self.roles_rect.bottom + t.gap,
            self.right.width,
            self.right.bottom - self.roles_rect.bottom - t.gap,
        )
        self.news_inner = Rect(
            self.news_rect.x + pad_x,
            self.news_rect.y + pad_y + title_h,
            self.news_rect.width - 2 * pad_x,
            news_h - 2 * pad_y - title_h,
        )
        self.news_area.reset(self.news_inner)  # the wheel and keys scroll it before it is drawn
        self.news_area.extend(news_height(p, self.news, self.news_inner.width))
        self.news_area.apply()

    def main_inner(self) -> Rect:
        t = self.p.theme
        return self.main_rect.inflate(-2 * t.px(12), -2 * t.px(10))

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        surface.fill(pal.bg)
        self.draw_top(surface)
        tracks = self.tracks_rect
        draw_section_title(surface, p, tr("text.tracks"), (tracks.x, tracks.y), tracks.width)
        p.panel(surface, self.news_rect, pal.panel)
        draw_section_title(
            surface,
            p,
            tr("text.news"),
            (self.news_rect.x + t.px(10), self.news_rect.y + t.px(8)),
            self.news_rect.width - t.px(20),
        )
        draw_news(surface, p, self.news, self.news_area, self.news_inner)
        labels = [self.match.seat_label(r) for r in range(len(self.s.scenario.roles))]
        draw_roles(surface, p, self.s, self.roles_rect, labels, self.viewer)
        p.panel(surface, self.main_rect, pal.panel)
        self.pane.draw(surface, self.main_inner())
        self.form.draw(surface, p)
        self.draw_tooltip(surface)
        draw_footer(surface, p, tr(FOOTER_KEYS[self.mode]))

    def badge(self) -> tuple[str, tuple[int, int, int] | None]:
        """Whose screen this is: a role's private one (in the covert colour), public, or solo."""
        sc = self.s.scenario
        if self.private and self.role is not None and self.match.hot_seat():
            return tr("ui.badge.private", role=role_name(sc, self.role, short=False)), self.p.pal.covert
        if self.viewer == PUBLIC:
            return tr("ui.badge.public"), None
        return tr("ui.w.badge.solo", role=role_name(sc, self.viewer)), None

    def draw_top(self, surface: pygame.Surface) -> None:
        """The top bar: the game, the turn and phase, whose screen, and the deliberation pill."""
        p = self.p
        t = p.theme
        s = self.s
        phase = phase_name(s.phase)
        center = tr("text.turn_header", turn=min(s.turn, s.turns), turns=s.turns, phase=phase)
        badge, color = self.badge()
        timer = self.match.timer
        timer_w = pill_width(p, timer)
        reserved = self.menu_button.rect.width + t.gap + (timer_w + t.gap if timer_w else 0)
        draw_top_bar(surface, p, tr("ui.title.game"), center, badge, color, reserved)
        draw_pill(surface, p, timer, self.menu_button.rect.x - t.gap, top_bar_height(p))

    def draw_tooltip(self, surface: pygame.Surface) -> None:
        """'Why it moved' for the track under the mouse, or else the one with keyboard focus."""
        form = self.form
        key = form.hover_key if (form.hover_key or "").startswith("track.") else None
        if key is None and (form.focus_key or "").startswith("track."):
            key = form.focus_key
        if key is None:
            return
        row = form.get(key)
        if not isinstance(row, TrackRow):
            return
        bounds = Rect(
            0,
            top_bar_height(self.p),
            surface.get_width(),
            surface.get_height() - top_bar_height(self.p) - footer_height(self.p),
        )
        draw_why(surface, self.p, self.s, row.index, row.rect, bounds)
