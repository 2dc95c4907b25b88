"""A written inject: a headline of the facilitator's own and the tracks it moves.

For what the deck does not hold (news from the room, a turn of events the seminar wants to
test). Every track can be moved, hidden ones too, each change shown in the board's colours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import tr
from game.shells.window import decisions
from game.shells.window.board import visible_tracks
from game.shells.window.facwidgets import StepChoice
from game.shells.window.scenes.facilitator.section import CHANGES, Section, change_label
from game.shells.window.textinput import TextInput
from game.shells.window.widgets import Button, ScrollArea, Widget

if TYPE_CHECKING:
    from game.shells.window.scenes.facilitator.scene import FacilitatorScene

Rect = pygame.Rect


class CustomSection(Section):
    def __init__(self, scene: FacilitatorScene) -> None:
        super().__init__(scene)
        self.headline = TextInput("custom.headline", lambda: tr("ui.fac.custom.placeholder"), max_length=160)
        self.custom_area = ScrollArea()
        self.custom_changes = {
            i: StepChoice(
                f"custom.track.{i}",
                lambda i=i: self.track_label(i),
                [(d, change_label(d)) for d in CHANGES],
                0,
                lambda _value: self.invalidate(),
                tone=lambda value, i=i: self.tone(i, value),
            )
            for i in range(len(self.match.sc.model.tracks))
        }
        self.custom_button = Button(
            "custom.go", lambda: tr("ui.fac.custom.go"), self.on_custom, kind="primary"
        )
        self.custom_clear = Button("custom.clear", lambda: tr("ui.fac.custom.clear"), self.on_clear)

    def on_custom(self) -> None:
        changes = {i: int(c.value) for i, c in self.custom_changes.items() if c.value}  # type: ignore[arg-type]
        outcome = decisions.custom_inject(self.session, self.headline.value, changes)
        if outcome.ok:
            self.headline.set("")
            self.on_clear()
        elif not self.headline.value.strip():
            self.scene.form.focus(self.headline.key)
        self.scene.after_decision(outcome)

    def on_clear(self) -> None:
        for choice in self.custom_changes.values():
            choice.set_options(choice.options, 0)
        self.invalidate()

    def layout(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        y = self.heading(rect, tr("ui.fac.custom.title"), tr("ui.w.fac.custom.intro")) + t.gap
        y += self.add_text(tr("ui.fac.custom.headline"), Rect(rect.x, y, rect.width, 0), "body_bold")
        y += t.px(4)
        ih = self.headline.preferred_height(p)
        self.headline.rect = Rect(rect.x, y, rect.width, ih)
        y += ih + t.pad
        self.place_text(tr("ui.fac.custom.changes"), Rect(rect.x, y, rect.width, 0), "section", "")
        y += p.line_height("small_bold") + t.px(8)
        bh = self.custom_button.preferred_height(p)
        view = Rect(rect.x, y, rect.width, rect.bottom - bh - t.gap - y)
        choices = self.layout_changes(view)
        areas.append(self.custom_area)
        by = rect.bottom - bh
        self.button_row([self.custom_button, self.custom_clear], rect, by)
        self.custom_button.enabled = not self.over
        return [self.headline, *choices, self.custom_button, self.custom_clear]

    def layout_changes(self, view: Rect) -> list[StepChoice]:
        """A change per track, the board's tracks first, in one or two columns."""
        p = self.p
        t = p.theme
        s = self.state()
        self.custom_area.reset(view)
        tracks = visible_tracks(s) + [i for i in range(len(s.tracks)) if i not in set(visible_tracks(s))]
        columns = 2 if view.width >= t.px(620) else 1
        half = (view.width - t.px(12) - t.gap) // 2
        room = round(half * StepChoice.LABEL_SHARE) - t.px(24)
        if any(p.least_width(self.custom_changes[i].label, "body") > room for i in tracks):
            columns = 1  # a track's name would be cut in two columns
        cw = (view.width - t.px(12) - t.gap * (columns - 1)) // columns
        row_h = p.line_height("body") + t.px(14)
        choices = []
        for n, index in enumerate(tracks):
            choice = self.custom_changes[index]
            col, row = n % columns, n // columns
            self.custom_area.place(choice, Rect(col * (cw + t.gap), row * (row_h + t.px(4)), cw, row_h))
            choices.append(choice)
        self.custom_area.apply()
        return choices
