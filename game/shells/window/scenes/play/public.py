"""The public pane: the situation everyone may see, and the button for the next step.

At a shared screen (or watching the computer play) this is the board between private turns:
postures, agreements in force, proposals on the table and last turn's orders - as the public
view has them, so a covert order appears only once it is exposed. Its button passes the
screen on or plays the turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine.log import AG_IN_FORCE, L_ORDER
from game.i18n import text, tr
from game.session.table import ANSWER, APPLY_ANSWERS, ORDER, RESOLVE
from game.shells.window.board import draw_section_title
from game.shells.window.deliberation import draw_countdown
from game.shells.window.scenes.play.pane import Pane
from game.shells.window.widgets import Button, Widget
from game.story.words import action_name, role_name

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

    def situation_lines(self) -> list[tuple[str, str]]:
        """(text, style) lines: postures, agreements, proposals, then last turn's orders."""
        s = self.s
        sc = s.scenario
        m = sc.model
        lines: list[tuple[str, str]] = []
        for posture in sc.postures:
            option = m.postures[posture.index].options[s.postures[posture.index]]
            lines.append((f"{text(m.postures[posture.index].name)}: {text(option.name)}", "body_bold"))
        in_force = [text(m.terms[i].name) for i in range(len(sc.terms)) if s.agreements[i] == AG_IN_FORCE]
        agreements = ", ".join(in_force) if in_force else tr("text.none")
        lines.append((tr("text.agreements") + ": " + agreements, "body"))
        for term, sender, to, _ in s.proposals:
            on_table = tr(
                "ui.w.on_table",
                sender=role_name(sc, sender),
                term=text(m.terms[term].name),
                to=role_name(sc, to),
            )
            lines.append((on_table, "body"))
        if s.history:
            record = s.history[-1]
            orders = [
                tr("headline.order", role=role_name(sc, value), action=action_name(sc, subject))
                for kind, subject, value, _ in record.entries
                if kind == L_ORDER
            ]
            lines.append(("", "gap"))
            lines.append((tr("ui.public.last_orders", turn=record.turn), "small_bold"))
            lines.extend((order, "small") for order in orders or [tr("text.none")])
        return lines

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
        """The situation everyone may see: postures, agreements, proposals, and what comes next."""
        p = self.p
        t = p.theme
        y = inner.y
        y += draw_section_title(surface, p, tr("text.situation"), (inner.x, y), inner.width)
        limit = self.next_button.rect.y - t.gap
        for value, style in self.situation_lines():
            if style == "gap":
                y += t.gap
                continue
            if y >= limit:
                break
            y += p.draw_wrapped(surface, value, Rect(inner.x, y, inner.width, limit - y), style) + t.px(4)
        hint = self.hint()
        if hint and y < limit:
            self.draw_hint(surface, inner, hint, y, limit)
        self.draw_bottom(surface, inner)

    def draw_hint(self, surface: pygame.Surface, inner: Rect, hint: str, y: int, limit: int) -> None:
        """Under the situation; narrowed beside the button when it would run into it."""
        p = self.p
        t = p.theme
        button = self.next_button.rect
        width = (
            button.x - inner.x - t.gap if button.y < y + t.gap + p.line_height("small") * 2 else inner.width
        )
        p.draw_wrapped(surface, hint, Rect(inner.x, y + t.gap, width, limit - y), "small", p.pal.dim)

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
