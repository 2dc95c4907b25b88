"""Inject from the deck: pick an event, read what it does, give a reason, inject it.

The list shows each event with its risks and how often it was drawn; the detail beside it has
the story and the effects, so the facilitator knows what the table will see before choosing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.i18n import text, tr, trn
from game.shells.window import decisions
from game.shells.window.facwidgets import ListRow
from game.shells.window.scenes.facilitator.section import Section
from game.shells.window.textinput import TextInput
from game.shells.window.widgets import Button, ScrollArea, Widget
from game.story.outlook import risk_labels

if TYPE_CHECKING:
    from game.shells.window.scenes.facilitator.scene import FacilitatorScene

Rect = pygame.Rect


class InjectSection(Section):
    def __init__(self, scene: FacilitatorScene) -> None:
        super().__init__(scene)
        self.event = 0
        self.event_area = ScrollArea()
        self.event_rows = [
            ListRow(f"event.{i}", text(e.headline), "", self._pick_event(i))
            for i, e in enumerate(self.match.sc.model.events)
        ]
        self.inject_reason = TextInput(
            "inject.reason", lambda: tr("ui.fac.reason_placeholder"), on_submit=self.on_inject
        )
        self.inject_button = Button(
            "inject.go", lambda: tr("ui.fac.inject.go"), self.on_inject, kind="primary"
        )

    def _pick_event(self, index: int) -> Callable[[], None]:
        def pick() -> None:
            self.event = index
            self.scene.form.focus(self.inject_reason.key)
            self.invalidate()

        return pick

    def on_inject(self) -> None:
        outcome = decisions.inject(self.session, self.event, self.inject_reason.value)
        if outcome.ok:
            self.inject_reason.set("")
        elif not self.inject_reason.value.strip():
            self.scene.form.focus(self.inject_reason.key)  # what is missing: type it here
        self.scene.after_decision(outcome)

    # ------------------------------------------------------------------ layout

    def layout(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        view = self.layout_deck(rect, areas)
        dx = view.right + self.p.theme.pad
        self.layout_detail(Rect(dx, rect.y, rect.right - dx, rect.height))
        return [*self.event_rows, self.inject_reason, self.inject_button]

    def layout_deck(self, rect: Rect, areas: list[ScrollArea]) -> Rect:
        """The deck down the left, each event with its risks and draws; returns the list's view."""
        p = self.p
        t = p.theme
        s = self.state()
        title_h = p.line_height("small_bold") + t.px(6)
        list_w = round(rect.width * 0.42)
        self.place_text(tr("ui.fac.inject.deck"), Rect(rect.x, rect.y, list_w - t.px(12), 0), "section", "")
        view = Rect(rect.x, rect.y + title_h, list_w, rect.height - title_h)
        self.event_area.reset(view)
        y = 0
        for i, row in enumerate(self.event_rows):
            row.selected = i == self.event
            drawn = s.drawn[i]
            risks = ", ".join(self.match.sc.model.events[i].risks)
            row.detail = risks + ("  ·  " + trn("ui.fac.inject.drawn", drawn) if drawn else "")
            row_h = row.needed_height(p, list_w - t.px(12))
            self.event_area.place(row, Rect(0, y, list_w - t.px(12), row_h))
            y += row_h + t.px(4)
        self.event_area.apply()
        areas.append(self.event_area)
        return view

    def layout_detail(self, detail: Rect) -> None:
        """The chosen event (headline, story, effects, risks), the reason box and the button."""
        p = self.p
        t = p.theme
        dx = detail.x
        bh = self.inject_button.preferred_height(p)
        ih = self.inject_reason.preferred_height(p)
        label_h = p.wrapped_height(tr("ui.fac.inject.reason"), "body_bold", detail.width)
        bottom = detail.bottom - bh - t.gap - ih - t.px(4) - label_h
        event = self.match.sc.model.events[self.event]
        y = detail.y
        y += self.add_text(text(event.headline), Rect(dx, y, detail.width, 0), "heading") + t.px(4)
        story = Rect(dx, y, detail.width, max(0, bottom - y - t.gap))
        effects = tr("ui.fac.inject.effects", effects=decisions.event_effects(self.session, self.event))
        risks = f"{tr('text.risks')}: {risk_labels(self.match.sc, event.risks)}"
        rh = p.wrapped_height(risks, "small", detail.width)  # risk names can take two lines
        eh = p.wrapped_height(effects, "small", detail.width) + rh
        story.height = max(0, story.height - eh - t.gap)
        if story.height >= p.line_height("body"):  # a very small window: the headline is enough
            self.place_text(text(event.text), story, "body", "text")
        y = story.bottom + t.gap
        y += self.add_text(effects, Rect(dx, y, detail.width, eh - rh), "small", "dim")
        self.add_text(risks, Rect(dx, y, detail.width, rh), "small", "dim")
        y = bottom
        self.add_text(tr("ui.fac.inject.reason"), Rect(dx, y, detail.width, 0), "body_bold")
        y += label_h + t.px(4)
        self.inject_reason.rect = Rect(dx, y, detail.width, ih)
        y += ih + t.gap
        bw = self.inject_button.preferred_width(p) + t.px(20)
        self.inject_button.rect = Rect(detail.right - bw, y, bw, bh)
        self.inject_button.enabled = self.inject_reason.enabled = not self.over
        if self.over:
            self.add_text(tr("ui.fac.over"), Rect(dx, y, detail.width - bw - t.gap, bh), "small", "worse")
