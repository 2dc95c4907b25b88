"""The deliberation timer: how long the teams have to decide, started and stopped from here.

The board shows the same clock as a pill and a countdown, so the room sees the time left
while the facilitator runs it from the panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import tr
from game.shells.window.deliberation import MINUTES
from game.shells.window.scenes.facilitator.section import Section
from game.shells.window.widgets import Button, Choice, ScrollArea, Widget

if TYPE_CHECKING:
    from game.shells.window.scenes.facilitator.scene import FacilitatorScene

Rect = pygame.Rect


class TimerSection(Section):
    def __init__(self, scene: FacilitatorScene) -> None:
        super().__init__(scene)
        self.minutes = Choice(
            "timer.minutes",
            lambda: tr("ui.fac.timer.minutes"),
            [(m, str(m)) for m in MINUTES],
            self.match.timer.minutes,
            self.on_minutes,
        )
        self.timer_toggle = Button("timer.start", self.timer_label, self.on_timer_toggle, kind="primary")
        self.timer_restart = Button("timer.restart", lambda: tr("ui.fac.timer.restart"), self.on_restart)
        self.timer_add = Button("timer.add", lambda: tr("ui.fac.timer.add"), self.on_add_minute)
        self.clock_at = (0, 0)  # where the big clock is drawn

    def timer_label(self) -> str:
        timer = self.match.timer
        return tr("ui.fac.timer.stop") if timer.on else tr("ui.fac.timer.start")

    def timer_state(self) -> str:
        timer = self.match.timer
        if timer.expired:
            return tr("ui.fac.timer.state_up")
        if timer.on:
            return tr("ui.fac.timer.state_on", turn=self.session.state.turn)
        return tr("ui.fac.timer.state_off")

    def on_minutes(self, value: object) -> None:
        self.match.timer.set_minutes(int(value))  # type: ignore[call-overload]
        self.scene.app.dirty = True
        self.invalidate()

    def on_timer_toggle(self) -> None:
        timer = self.match.timer
        if timer.on:
            timer.stop()
        else:
            timer.start(self.session.state.turn)
        self.scene.app.refresh()

    def on_restart(self) -> None:
        self.match.timer.restart(self.session.state.turn)
        self.scene.app.refresh()

    def on_add_minute(self) -> None:
        self.match.timer.add(60)
        self.scene.app.refresh()

    def layout(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        y = self.heading(rect, tr("ui.fac.timer.title"), tr("ui.w.fac.timer.intro")) + t.gap
        row_h = p.line_height("body") + t.px(16)
        self.minutes.rect = Rect(rect.x, y, min(rect.width, t.px(480)), row_h)
        y += row_h + t.pad
        self.clock_at = (rect.x, y)
        y += p.line_height("display") + t.px(2)
        y += self.add_text(self.timer_state, Rect(rect.x, y, rect.width, 0), "body", "dim") + t.pad
        self.button_row([self.timer_toggle, self.timer_restart, self.timer_add], rect, y)
        enabled = not self.over
        for button in (self.timer_toggle, self.timer_restart, self.timer_add):
            button.enabled = enabled
        return [self.minutes, self.timer_toggle, self.timer_restart, self.timer_add]

    def draw(self, surface: pygame.Surface) -> None:
        """The time left, large; in the warning colour in the last minute and when it is up."""
        p = self.p
        pal = p.pal
        timer = self.match.timer
        shown = timer.text()
        if not shown:
            return
        tone = pal.worse if timer.expired or (timer.on and timer.left <= 60) else pal.text
        p.draw_text(
            surface, shown if not timer.expired else tr("ui.timer.up"), self.clock_at, "display", tone
        )
