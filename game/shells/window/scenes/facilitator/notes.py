"""Observer notes: what the facilitator sees at the table, written down at the turn it happens.

A note is a move that changes nothing in the game (``Session.note``): it is kept in the save and
shown in the after-action report under its turn, and no team's screen ever shows it - only this
panel, which is the facilitator's. The notes written so far are listed below the field, newest
first, so the facilitator can see what is already on record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import IllegalMove
from game.i18n import tr, trn
from game.report.observe import written_notes
from game.shells.window import decisions
from game.shells.window.scenes.facilitator.section import Section
from game.shells.window.textinput import TextInput
from game.shells.window.widgets import Button, ScrollArea, Widget

if TYPE_CHECKING:
    from game.shells.window.scenes.facilitator.scene import FacilitatorScene

Rect = pygame.Rect
MAX_NOTE = 1_000
SHOWN = 12  # the newest notes listed under the field


def add_note(session: object, text: str) -> decisions.Outcome:
    """Keep an observer note at this turn; refused (with the reason) if it is empty or too long."""
    if not text.strip():
        return decisions.Outcome(False, tr("ui.fac.notes.need_text"))
    try:
        session.note(text)  # type: ignore[attr-defined]
    except IllegalMove as err:
        return decisions.Outcome(False, tr("ui.fac.refused", why=err.reason))
    return decisions.Outcome(True, tr("ui.fac.notes.done", turn=session.state.turn))  # type: ignore[attr-defined]


class NotesSection(Section):
    def __init__(self, scene: FacilitatorScene) -> None:
        super().__init__(scene)
        self.field = TextInput(
            "notes.text", lambda: tr("ui.fac.notes.placeholder"), max_length=MAX_NOTE, on_submit=self.on_add
        )
        self.add_button = Button("notes.add", lambda: tr("ui.fac.notes.add"), self.on_add, kind="primary")

    def on_add(self) -> None:
        outcome = add_note(self.session, self.field.value)
        if outcome.ok:
            self.field.set("")
        else:
            self.scene.form.focus(self.field.key)
        self.scene.report(outcome)  # a note changes nothing on the board: no refresh needed

    def layout(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        y = self.heading(rect, tr("ui.fac.notes.title"), tr("ui.fac.notes.intro")) + t.gap
        y += self.add_text(tr("ui.fac.notes.label"), Rect(rect.x, y, rect.width, 0), "body_bold") + t.px(4)
        ih = self.field.preferred_height(p)
        bw = self.add_button.preferred_width(p) + t.px(20)
        self.field.rect = Rect(rect.x, y, rect.width - bw - t.gap, ih)
        self.add_button.rect = Rect(rect.right - bw, y, bw, max(ih, self.add_button.preferred_height(p)))
        y += max(ih, self.add_button.rect.height) + t.pad
        notes = written_notes(self.session.moves)
        self.place_text(trn("ui.fac.notes.count", len(notes)), Rect(rect.x, y, rect.width, 0), "section", "")
        y += p.line_height("small_bold") + t.px(8)
        for note in reversed(notes[-SHOWN:]):
            line = tr("ui.fac.notes.line", turn=note["turn"], text=note["text"])
            height = min(p.wrapped_height(line, "small", rect.width), rect.bottom - y)
            if height < p.line_height("small"):
                break
            self.add_text(line, Rect(rect.x, y, rect.width, height), "small")
            y += height + t.px(6)
        return [self.field, self.add_button]
