"""The injects schedule (MSEL): each planned inject, the objective it tests and the response expected.

The list is the scenario's companion schedule (``game.scenario.msel``) against the game so far
(``game.story.schedule``): played or not, and whether the teams have given the responses
expected. An inject due and not yet drawn can be played from here; it goes through the same
decision as an inject from the deck, with a written reason naming the schedule. Below the
list, the crisis's calendar as the facilitator knows it (``game.story.calendar``): the scheduled
beats still to come, each with the article's risks it carries (as the terminal and the browser
show them), so the room can be told what the next decision point is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.engine import FACILITATOR
from game.i18n import tr
from game.report.observe import ScheduleLine, live_schedule, schedule_reason
from game.shells.window import decisions
from game.shells.window.facwidgets import ListRow
from game.shells.window.scenes.facilitator.section import Section
from game.shells.window.sight import risk_names
from game.shells.window.widgets import Button, ScrollArea, Widget
from game.story.calendar import coming_beats, coming_line

if TYPE_CHECKING:
    from game.shells.window.scenes.facilitator.scene import FacilitatorScene

Rect = pygame.Rect


class ScheduleSection(Section):
    def __init__(self, scene: FacilitatorScene) -> None:
        super().__init__(scene)
        self.chosen = 0
        self.area = ScrollArea()
        self.rows: list[ListRow] = []
        self.lines: tuple[ScheduleLine, ...] = ()
        self.play_button = Button(
            "schedule.play", lambda: tr("ui.fac.schedule.play"), self.on_play, kind="primary"
        )

    def _pick(self, index: int) -> Callable[[], None]:
        def pick() -> None:
            self.chosen = index
            self.invalidate()

        return pick

    def on_play(self) -> None:
        if not self.lines:
            return
        line = self.lines[self.chosen]
        event = self.session.scenario.event_index[line.event_id]
        self.scene.after_decision(decisions.inject(self.session, event, schedule_reason(line)))

    def layout(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        y = self.heading(rect, tr("ui.fac.schedule.title"), tr("ui.fac.schedule.intro")) + t.gap
        self.lines = live_schedule(self.session)
        list_w = round(rect.width * 0.45) if self.lines else rect.width
        bottom = self.layout_calendar(Rect(rect.x, y, list_w, rect.bottom - y))
        if not self.lines:
            self.add_text(tr("ui.fac.schedule.none"), Rect(rect.x, y, rect.width, 0), "body", "dim")
            return []
        self.chosen = min(self.chosen, len(self.lines) - 1)
        self.rows = [
            ListRow(
                f"schedule.{i}",
                tr("ui.fac.schedule.row", turn=line.turn, headline=line.headline),
                "",
                self._pick(i),
            )
            for i, line in enumerate(self.lines)
        ]
        view = Rect(rect.x, y, list_w, bottom - y)
        self.area.reset(view)
        row_y = 0
        for i, (row, line) in enumerate(zip(self.rows, self.lines, strict=True)):
            row.selected = i == self.chosen
            row.detail = f"{line.objective} {line.objective_name}  ·  {line.status_word}"
            row_h = row.needed_height(p, list_w - t.px(12))  # a headline is wrapped whole, never cut
            self.area.place(row, Rect(0, row_y, list_w - t.px(12), row_h))
            row_y += row_h + t.px(4)
        self.area.apply()
        areas.append(self.area)
        dx = view.right + t.pad
        self.layout_detail(Rect(dx, y, rect.right - dx, rect.bottom - y), self.lines[self.chosen])
        return [*self.rows, self.play_button]

    def layout_calendar(self, column: Rect) -> int:
        """The beats still to come at the foot of the column, as many as fit in half of it
        (soonest first); returns the top of what was placed, where the list above must stop."""
        p = self.p
        t = p.theme
        state = self.state()
        lines = [
            f"{coming_line(c)} ({', '.join(risk_names(state.scenario, c.risks))})"
            for c in coming_beats(state, FACILITATOR)
        ] or [tr("calendar.none")]
        room = column.height // 2
        title_h = p.wrapped_height(tr("calendar.title"), "body_bold", column.width) + t.px(4)
        heights: list[int] = []
        for line in lines:
            h = p.wrapped_height(f"\u00b7 {line}", "small", column.width) + t.px(2)
            if title_h + sum(heights) + h > room:
                break
            heights.append(h)
        if not heights:
            return column.bottom
        top = column.bottom - title_h - sum(heights)
        y = top
        self.place_text(tr("calendar.title"), Rect(column.x, y, column.width, title_h), "body_bold")
        y += title_h
        for line, h in zip(lines, heights, strict=False):
            self.place_text(f"\u00b7 {line}", Rect(column.x, y, column.width, h), "small", "dim")
            y += h
        return top - t.gap

    def layout_detail(self, detail: Rect, line: ScheduleLine) -> None:
        p = self.p
        t = p.theme
        x, w = detail.x, detail.width
        y = detail.y
        y += self.add_text(line.headline, Rect(x, y, w, 0), "heading") + t.px(4)
        y += self.add_text(f"{line.objective}: {line.objective_name}", Rect(x, y, w, 0), "small_bold") + t.gap
        y += self.add_text(tr("ui.fac.schedule.expected"), Rect(x, y, w, 0), "body_bold") + t.px(4)
        bh = self.play_button.preferred_height(p)
        room = max(0, detail.bottom - bh - t.gap - y)
        used = min(p.wrapped_height(line.response, "body", w), room // 2)
        self.add_text(line.response, Rect(x, y, w, used), "body")
        y += used + t.gap
        done = [line.played, f"{line.status_word} ({line.window})"] + [words for words, _ in line.seen]
        for words in done:
            height = min(p.wrapped_height(words, "small", w), detail.bottom - bh - t.gap - y)
            if height < p.line_height("small"):
                break
            self.add_text(words, Rect(x, y, w, height), "small", "dim")
            y += height + t.px(2)
        bw = self.play_button.preferred_width(p) + t.px(20)
        self.play_button.rect = Rect(detail.right - bw, detail.bottom - bh, bw, bh)
        self.play_button.enabled = line.played_turn is None and not self.over
