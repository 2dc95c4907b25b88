"""Undo: take back the last move or the last turn played, after saying what will be lost.

Undo is a rewind of the session (the save keeps the record straight). The screens below may
show a state that no longer exists, so after a rewind the panel closes onto the board.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.i18n import tr, trn
from game.shells.window import decisions
from game.shells.window.scenes.dialogs import ConfirmDialog
from game.shells.window.scenes.facilitator.section import Section
from game.shells.window.widgets import Button, ScrollArea, Widget

if TYPE_CHECKING:
    from game.shells.window.scenes.facilitator.scene import FacilitatorScene

Rect = pygame.Rect


class UndoSection(Section):
    def __init__(self, scene: FacilitatorScene) -> None:
        super().__init__(scene)
        self.undo_last_button = Button("undo.last", lambda: tr("ui.fac.undo.last"), self.on_undo_last)
        self.undo_turn_button = Button("undo.turn", self.undo_turn_label, self.on_undo_turn)

    def undo_turn_label(self) -> str:
        turn = decisions.last_resolved_turn(self.session)
        if turn is None:
            return tr("ui.fac.undo.turn_none")
        return tr("ui.fac.undo.turn", turn=turn)

    def on_undo_last(self) -> None:
        what = decisions.describe_last_move(self.session)
        self.confirm_rewind(tr("ui.fac.undo.confirm_last", what=what), decisions.undo_last)

    def on_undo_turn(self) -> None:
        turn = decisions.last_resolved_turn(self.session)
        self.confirm_rewind(tr("ui.fac.undo.confirm_turn", turn=turn), decisions.undo_turn)

    def confirm_rewind(self, question: str, step: Callable) -> None:  # noqa: ANN001
        """Ask first (undo loses what the teams gave this turn), then rewind with ``step``."""
        body = question + self.pending_note()
        app = self.scene.app
        dialog = ConfirmDialog(
            app, tr("ui.fac.undo.title"), body, lambda: self.rewind(step), yes=tr("ui.fac.undo.yes")
        )
        app.push(dialog)

    def pending_note(self) -> str:
        given = decisions.given_this_turn(self.session)
        return (" " + trn("ui.fac.undo.pending", given)) if given else ""

    def rewind(self, step: Callable) -> None:  # noqa: ANN001 - decisions.undo_last / undo_turn
        """Undo, then show the game from the board: the screens below may be out of date."""
        app = self.scene.app
        outcome = step(self.session)
        self.scene.close()
        if outcome.ok:
            app.go.after_undo()
        app.toast(outcome.message)

    def layout(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        session = self.session
        y = self.heading(rect, tr("ui.fac.undo.title"), tr("ui.fac.undo.intro")) + t.pad
        what = decisions.describe_last_move(session)
        y += self.add_text(
            tr("ui.fac.undo.last_is", what=what) if what else tr("ui.fac.undo.nothing"),
            Rect(rect.x, y, rect.width, 0),
            "body",
        ) + t.px(4)
        y += self.button_row([self.undo_last_button], rect, y) + t.pad
        self.undo_last_button.enabled = bool(session.history)
        turn = decisions.last_resolved_turn(session)
        y += self.add_text(
            tr("ui.fac.undo.turn_is", turn=turn) if turn is not None else tr("ui.fac.undo.no_turn"),
            Rect(rect.x, y, rect.width, 0),
            "body",
        ) + t.px(4)
        y += self.button_row([self.undo_turn_button], rect, y) + t.pad
        self.undo_turn_button.enabled = turn is not None
        given = decisions.given_this_turn(session)
        if given:
            self.add_text(trn("ui.fac.undo.pending", given), Rect(rect.x, y, rect.width, 0), "small", "worse")
        return [self.undo_last_button, self.undo_turn_button]
