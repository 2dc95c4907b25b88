"""The end: the ending's story, each role's objective scores, every track over the turns, the
chain of key decisions and consequences, and the debrief questions.

It shows the public record (or the solo player's) by default; "Reveal the secrets" switches to
the full record, covert orders included, for the debrief.
"""

from __future__ import annotations

import pygame

from game.engine import FACILITATOR, PUBLIC, State
from game.i18n import text, tr
from game.shells.window.app import App, Scene
from game.shells.window.board import (
    draw_footer,
    draw_top_bar,
    footer_height,
    top_bar_height,
)
from game.shells.window.cards import Toggle
from game.shells.window.scenes.end.facts import EndFacts, end_facts
from game.shells.window.scenes.end.outcome import draw_charts, draw_outcome
from game.shells.window.scenes.end.record import draw_chain, draw_debrief
from game.shells.window.scenes.feedback import FeedbackScene
from game.shells.window.widgets import Button, ScrollArea

Rect = pygame.Rect
TABS = ("outcome", "tracks", "chain", "debrief")
TAB_KEYS = {
    "outcome": "ui.end.tab.outcome",
    "tracks": "ui.end.tab.tracks",
    "chain": "ui.end.tab.chain",
    "debrief": "ui.end.tab.debrief",
}


class EndScene(Scene):
    name = "end"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        assert app.match is not None
        self.match = app.match
        self.tab = "outcome"
        self.reveal = False
        self.area = ScrollArea()
        self.tabs = [
            Toggle(f"tab.{name}", "", lambda name=name: self.set_tab(name), mark=False) for name in TABS
        ]
        self.reveal_button = Button("reveal", self.reveal_label, self.toggle_reveal)
        self.new_button = Button("new", lambda: tr("ui.end.new"), self.on_new, kind="primary")
        self.menu_button = Button("title", lambda: tr("ui.main_menu"), self.on_title)
        self.save_button = Button("save", lambda: tr("ui.menu.save"), self.on_save)
        self.report_button = Button("report", lambda: tr("ui.report.button"), self.on_report)
        self.feedback_button = Button("feedback", lambda: tr("ui.feedback.button"), self.on_feedback)
        self.content_height = 0
        self._facts: tuple[int, EndFacts] | None = None

    @property
    def viewer(self) -> int:
        if self.reveal:
            return FACILITATOR
        humans = self.match.humans()
        return humans[0] if len(humans) == 1 else PUBLIC

    def state(self) -> State:
        return self.match.session.view(self.viewer)

    def reveal_label(self) -> str:
        return tr("ui.end.hide") if self.reveal else tr("ui.end.reveal")

    def set_tab(self, name: str) -> None:
        self.tab = name
        self.area.offset = 0
        self.invalidate()

    def toggle_reveal(self) -> None:
        self.reveal = not self.reveal
        self.invalidate()

    def on_new(self) -> None:
        self.app.go.new_game()

    def on_title(self) -> None:
        self.app.go.title()

    def on_report(self) -> None:
        self.app.go.report()

    def on_save(self) -> None:
        self.app.go.save_game()

    def on_feedback(self) -> None:
        self.app.push(FeedbackScene(self.app))

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            if (
                event.key in (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4)
                and not event.mod & pygame.KMOD_CTRL
            ):
                self.set_tab(TABS[event.key - pygame.K_1])
                return True
            if event.key == pygame.K_ESCAPE:
                self.app.go.game_menu()
                return True
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
                return self.area.scroll(
                    (1 if event.key == pygame.K_PAGEDOWN else -1) * max(40, self.area.view.height - 40)
                )
            if event.key == pygame.K_s and event.mod & pygame.KMOD_CTRL:
                self.on_save()
                return True
        return super().handle(event)

    # ------------------------------------------------------------------ layout

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        top = top_bar_height(p) + t.pad
        x = t.pad * 2
        tab_h = p.line_height("body_bold") + t.px(14)
        for name, tab in zip(TABS, self.tabs, strict=True):
            tab.label = f"{TABS.index(name) + 1}  {tr(TAB_KEYS[name])}"
            tab.selected = name == self.tab
            tw = tab.preferred_width(p)
            tab.rect = Rect(x, top, tw, tab_h)
            x += tw + t.gap
        rw = self.reveal_button.preferred_width(p)
        self.reveal_button.rect = Rect(w - t.pad * 2 - rw, top, rw, tab_h)
        bottom = h - footer_height(p) - t.pad
        bh = self.new_button.preferred_height(p)
        buttons = [
            self.feedback_button,
            self.report_button,
            self.save_button,
            self.menu_button,
            self.new_button,
        ]
        bx = w - t.pad * 2
        for button in reversed(buttons):
            bw = button.preferred_width(p)
            bx -= bw
            button.rect = Rect(bx, bottom - bh, bw, bh)
            bx -= t.gap
        body_top = top + tab_h + t.pad
        self.body = Rect(t.pad * 2, body_top, w - t.pad * 4, bottom - bh - t.pad - body_top)
        self.area.reset(self.body)
        scratch = pygame.Surface((1, 1))
        self.area.extend(self.draw_tab(scratch, measure=True))
        self.area.apply()
        self.form.set([*self.tabs, self.reveal_button, *buttons], [self.area])
        if self.form.focus_key == "tab.outcome" and not getattr(self, "_focused_once", False):
            self._focused_once = True
            self.form.focus_key = "new"

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        s = self.state()
        ending = s.scenario.model.endings[s.ending]
        badge = tr("ui.badge.facilitator") if self.reveal else ""
        surface.fill(p.pal.bg)
        draw_top_bar(
            surface,
            p,
            tr("ui.title.game"),
            tr("text.ending", name=text(ending.name), turn=s.turn),
            badge,
            p.pal.covert if self.reveal else None,
            0,
        )
        clip = surface.get_clip()
        surface.set_clip(self.body)
        self.draw_tab(surface)
        surface.set_clip(clip)
        self.area.draw_scrollbar(surface, p)
        self.form.draw(surface, p)
        draw_footer(surface, p, tr("ui.end.footer"))

    def draw_tab(self, surface: pygame.Surface, measure: bool = False) -> int:
        """Draw the chosen tab into the body (scrolled); returns the height it needs."""
        body = self.body
        rect = Rect(
            body.x,
            body.y - (0 if measure else self.area.offset),
            body.width - self.p.theme.px(16),
            body.height,
        )
        s = self.state()
        if self.tab == "outcome":
            return draw_outcome(self.p, surface, self.match, rect)
        facts = self.facts()
        if self.tab == "tracks":
            return draw_charts(self.p, surface, s, facts, rect)
        if self.tab == "chain":
            return draw_chain(self.p, surface, s, facts, rect)
        return draw_debrief(self.p, surface, s, facts, rect)

    def facts(self) -> EndFacts:
        """The end's facts for the eyes in use (read once per view, not every frame)."""
        if self._facts is None or self._facts[0] != self.viewer:
            self._facts = (self.viewer, end_facts(self.state(), self.match.session.moves))
        return self._facts[1]
