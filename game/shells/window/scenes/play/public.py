"""The public pane: the situation everyone may see, and the button for the next step.

At a shared screen (or watching the computer play) this is the board between private turns:
postures, agreements in force, proposals on the table and last turn's orders - as the public
view has them, so a covert order appears only once it is exposed. Its button passes the
screen on or plays the turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import tr
from game.session.table import ANSWER, APPLY_ANSWERS, ORDER, RESOLVE
from game.shells.window.board import draw_section_title
from game.shells.window.deliberation import draw_countdown
from game.shells.window.scenes.play.pane import Pane
from game.shells.window.scenes.play.situation import draw_situation, fits, needed_height, situation_blocks
from game.shells.window.widgets import Button, Widget
from game.story.words import role_name

if TYPE_CHECKING:
    from game.shells.window.scenes.play.scene import PlayScene

Rect = pygame.Rect


class PublicPane(Pane):
    def __init__(self, scene: PlayScene) -> None:
        super().__init__(scene)
        self.next_button = Button("next", self.next_label, self.on_next, kind="primary")

    def next_label(self) -> str:
        step, role = self.match.next_step()
        if step in (ANSWER, ORDER) and role is not None:
            key = "ui.w.public.pass_answers" if step == ANSWER else "ui.w.public.pass_orders"
            return tr(key, role=role_name(self.match.sc, role))
        if step in (RESOLVE, APPLY_ANSWERS):
            return tr("ui.public.play_turn", n=self.s.turn)
        return tr("ui.continue")

    def on_next(self) -> None:
        self.scene.app.go.advance(play_turn=True)

    def layout(self, inner: Rect) -> list[Widget]:
        p = self.p
        t = p.theme
        bh = self.next_button.preferred_height(p)
        nw = min(inner.width, self.next_button.preferred_width(p) + t.px(40))
        self.next_button.rect = Rect(inner.right - nw, inner.bottom - bh, nw, bh)
        self.area.reset(Rect(inner.x, inner.y, inner.width, inner.bottom - bh - t.gap - inner.y))
        return [self.next_button]

    # ------------------------------------------------------------------ what is shown

    def wanted_height(self, width: int) -> int:
        """The board must show every revealed order: the news gives way to it (and scrolls)."""
        p = self.p
        t = p.theme
        inner = width - 2 * t.px(12)
        blocks = situation_blocks(self.s, self.match.session.moves, self.hint())
        title = p.line_height("small_bold") + t.px(6)
        return (
            title
            + needed_height(p, blocks, inner)
            + t.gap
            + self.next_button.preferred_height(p)
            + 2 * t.px(10)
        )

    def hint(self) -> str:
        """What happens next, for a table looking at the board."""
        step, role = self.match.next_step()
        if step in (ANSWER, ORDER) and role is not None:
            return tr("ui.public.hint_private")
        if step == RESOLVE and self.match.table_dice:
            return tr("ui.fac.dice.board_hint")
        if not self.match.humans():
            return tr("ui.public.hint_watch")
        return ""

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface, inner: Rect) -> None:
        """What the table has just done (proposals, every revealed order) and what comes next."""
        p = self.p
        t = p.theme
        y = inner.y + draw_section_title(surface, p, tr("text.situation"), (inner.x, inner.y), inner.width)
        room = Rect(inner.x, y, inner.width, self.next_button.rect.y - t.gap - y)
        moves = self.match.session.moves
        blocks = situation_blocks(self.s, moves, self.hint())
        if not fits(p, blocks, room):  # the orders first: the button says what comes next
            blocks = situation_blocks(self.s, moves, "")
        draw_situation(surface, p, blocks, room)
        self.draw_bottom(surface, inner)

    def draw_bottom(self, surface: pygame.Surface, inner: Rect) -> None:
        """Beside the button: the deliberation clock, or a save that failed."""
        p = self.p
        t = p.theme
        button = self.next_button.rect
        if self.match.timer.shown and not self.match.save_error:
            clock = Rect(inner.x, button.y, button.x - inner.x - t.gap, button.height)
            draw_countdown(surface, p, self.match.timer, clock)
        if self.match.save_error:
            p.draw_text(
                surface,
                self.match.save_error,
                (inner.x, button.y + t.px(8)),
                "small",
                p.pal.worse,
                max_width=button.x - inner.x - t.gap,
            )
