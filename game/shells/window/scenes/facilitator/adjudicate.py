"""Adjudicate: move one track by a ruling, with a written reason the log and report keep.

For what the rules do not foresee (a team's argument the facilitator accepts, a correction).
The preview says where the track will land before the ruling is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import text, tr
from game.shells.window import decisions
from game.shells.window.board import visible_tracks
from game.shells.window.facwidgets import StepChoice
from game.shells.window.scenes.facilitator.section import CHANGES, Section, change_label
from game.shells.window.textinput import TextInput
from game.shells.window.widgets import Button, Choice, ScrollArea, Widget

if TYPE_CHECKING:
    from game.shells.window.scenes.facilitator.scene import FacilitatorScene

Rect = pygame.Rect


class AdjudicateSection(Section):
    def __init__(self, scene: FacilitatorScene) -> None:
        super().__init__(scene)
        self.track_choice = Choice(
            "adjudicate.track",
            lambda: tr("ui.fac.adjudicate.track"),
            [],
            None,
            lambda _value: self.invalidate(),
        )
        self.amount = StepChoice(
            "adjudicate.amount",
            lambda: tr("ui.fac.adjudicate.change"),
            [(d, change_label(d)) for d in CHANGES],
            0,
            lambda _value: self.invalidate(),
            tone=lambda value: self.tone(self.track_choice.value, value),
        )
        self.ruling_reason = TextInput(
            "adjudicate.reason", lambda: tr("ui.fac.reason_placeholder"), on_submit=self.on_ruling
        )
        self.ruling_button = Button(
            "adjudicate.go", lambda: tr("ui.fac.adjudicate.go"), self.on_ruling, kind="primary"
        )

    def on_ruling(self) -> None:
        track = self.track_choice.value
        if track is None:
            return
        outcome = decisions.adjudicate(
            self.session,
            int(track),  # type: ignore[call-overload]
            int(self.amount.value),  # type: ignore[call-overload]
            self.ruling_reason.value,
        )
        if outcome.ok:
            self.ruling_reason.set("")
            self.amount.set_options(self.amount.options, 0)
        elif not self.ruling_reason.value.strip() and self.amount.value:
            self.scene.form.focus(self.ruling_reason.key)
        self.scene.after_decision(outcome)

    def ruling_preview(self) -> str:
        track = self.track_choice.value
        if track is None:
            return ""
        s = self.session.state
        before = s.tracks[int(track)]  # type: ignore[call-overload]
        delta = int(self.amount.value)  # type: ignore[call-overload]
        after = max(0, min(100, before + delta))
        name = text(s.scenario.model.tracks[int(track)].name)  # type: ignore[call-overload]
        if not delta:
            return tr("ui.w.fac.adjudicate.preview_none", track=name, value=before)
        return tr("ui.fac.adjudicate.preview", track=name, before=before, after=after)

    def layout(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        s = self.state()
        sc = s.scenario
        y = self.heading(rect, tr("ui.fac.adjudicate.title"), tr("ui.fac.adjudicate.intro")) + t.gap
        options = [(i, f"{text(sc.model.tracks[i].name)} ({s.tracks[i]})") for i in visible_tracks(s)]
        self.track_choice.set_options(options, self.track_choice.value)
        row_h = p.line_height("body") + t.px(16)
        width = min(rect.width, t.px(820))
        self.track_choice.rect = Rect(rect.x, y, width, row_h)
        y += row_h + t.gap
        self.amount.rect = Rect(rect.x, y, width, row_h)
        y += row_h + t.gap
        y += self.add_text(self.ruling_preview, Rect(rect.x, y, rect.width, 0), "body_bold") + t.gap
        y += self.add_text(tr("ui.fac.adjudicate.reason"), Rect(rect.x, y, rect.width, 0), "body_bold")
        y += t.px(4)
        ih = self.ruling_reason.preferred_height(p)
        self.ruling_reason.rect = Rect(rect.x, y, rect.width, ih)
        y += ih + t.gap
        self.button_row([self.ruling_button], rect, y)
        self.ruling_button.enabled = not self.over
        return [self.track_choice, self.amount, self.ruling_reason, self.ruling_button]
