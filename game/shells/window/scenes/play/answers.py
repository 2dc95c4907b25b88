"""The answers pane: a role's private screen to accept or reject the proposals put to it.

Each proposal is a block with its terms and an Accept / Reject pair; Send hands every answer
to the session at once, and only when each proposal has one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import IllegalMove, pending_answers
from game.i18n import text, tr
from game.shells.window.cards import Toggle
from game.shells.window.scenes.play.pane import Pane
from game.shells.window.sight import preview_text
from game.shells.window.widgets import Button, Widget
from game.story.words import reason_text, role_name

if TYPE_CHECKING:
    from game.shells.window.scenes.play.scene import PlayScene

Rect = pygame.Rect
Block = tuple[int, int, int, str, str]  # (content y, height, term, title, body)


class AnswersPane(Pane):
    def __init__(self, scene: PlayScene) -> None:
        super().__init__(scene)
        self.answers: dict[int, bool] = {}
        self.toggles: list[Toggle] = []
        self.proposal_blocks: list[Block] = []
        self.send = Button("send", lambda: tr("ui.answers.send"), self.on_send, kind="primary")
        self.brief_button = Button("briefing", lambda: tr("ui.briefing"), scene.show_briefing)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_b:
            self.scene.show_briefing()
            return True
        return False

    def choose_answer(self, term: int, accepted: bool) -> None:
        self.answers[term] = accepted
        self.invalidate()

    def on_send(self) -> None:
        asked = [term for term, _ in pending_answers(self.s, self.role)]
        if any(term not in self.answers for term in asked):
            self.status = tr("ui.answers.all")
            self.invalidate()
            return
        try:
            self.match.session.submit_answers(self.role, {term: self.answers[term] for term in asked})
        except IllegalMove as err:
            self.status = reason_text(self.match.sc, err.reason)
            self.invalidate()
            return
        self.match.autosave()  # the save holds answers given: Continue keeps them
        self.scene.app.go.advance()

    # ------------------------------------------------------------------ layout

    def layout(self, inner: Rect) -> list[Widget]:
        p = self.p
        t = p.theme
        y = inner.y + p.line_height("heading") + t.gap
        bh = self.send.preferred_height(p)
        self.area.reset(Rect(inner.x, y, inner.width, inner.bottom - bh - t.gap - y))
        self.toggles = []
        self.proposal_blocks = []
        cy = 0
        for term, sender in pending_answers(self.s, self.role):
            cy += self.layout_block(term, sender, cy, inner.width - t.px(14), bh) + t.gap
        self.area.extend(cy)
        self.area.apply()
        sw = self.send.preferred_width(p) + t.px(30)
        self.send.rect = Rect(inner.right - sw, inner.bottom - bh, sw, bh)
        bw = self.brief_button.preferred_width(p)
        self.brief_button.rect = Rect(self.send.rect.x - t.gap - bw, inner.bottom - bh, bw, bh)
        self.send.enabled = True
        return [*self.toggles, self.send, self.brief_button]

    def layout_block(self, term: int, sender: int, cy: int, width: int, bh: int) -> int:
        """One proposal at content y ``cy``: its title, terms and Accept / Reject; returns its height."""
        p = self.p
        t = p.theme
        m = self.match.sc.model
        title = tr(
            "ui.w.proposal_from", sender=role_name(self.match.sc, sender), term=text(m.terms[term].name)
        )
        body = text(m.terms[term].text) + "\n" + preview_text(self.match.sc, term, own=True)
        th = p.wrapped_height(title, "body_bold", width - t.px(20))
        body_h = p.wrapped_height(body, "body", width - t.px(20))
        block_h = t.px(10) + th + t.px(4) + body_h + t.gap + bh + t.px(10)
        accept = Toggle(
            f"accept.{term}",
            tr("ui.answers.accept"),
            lambda term=term: self.choose_answer(term, True),
            self.answers.get(term) is True,
        )
        reject = Toggle(
            f"reject.{term}",
            tr("ui.answers.reject"),
            lambda term=term: self.choose_answer(term, False),
            self.answers.get(term) is False,
        )
        aw = max(accept.preferred_width(p), reject.preferred_width(p)) + t.px(24)
        by = cy + block_h - t.px(10) - bh
        self.area.place(accept, Rect(t.px(10), by, aw, bh))
        self.area.place(reject, Rect(t.px(10) + aw + t.gap, by, aw, bh))
        self.toggles += [accept, reject]
        self.proposal_blocks.append((cy, block_h, term, title, body))
        return block_h

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface, inner: Rect) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        p.draw_text(
            surface,
            tr("ui.w.answers.heading", role=role_name(self.match.sc, self.role)),
            (inner.x, inner.y),
            "heading",
            max_width=inner.width,
        )
        self.draw_blocks(surface)
        if self.status:
            p.draw_text(
                surface,
                self.status,
                (inner.x, self.send.rect.y + t.px(8)),
                "small_bold",
                pal.worse,
                max_width=self.brief_button.rect.x - inner.x - t.gap,
            )

    def draw_blocks(self, surface: pygame.Surface) -> None:
        """Each proposal's box and text, scrolled with its buttons (the form draws those)."""
        p = self.p
        t = p.theme
        pal = p.pal
        area = self.area
        clip = surface.get_clip()
        surface.set_clip(area.view)
        width = area.view.width - t.px(14)
        for cy, block_h, term, title, body in self.proposal_blocks:
            box = Rect(area.view.x, area.y(cy), width, block_h)
            chosen = term in self.answers
            p.panel(surface, box, pal.panel_hi, pal.primary if chosen else pal.line)
            y = box.y + t.px(10)
            y += p.draw_wrapped(
                surface, title, Rect(box.x + t.px(10), y, box.width - t.px(20), 400), "body_bold"
            ) + t.px(4)
            p.draw_wrapped(surface, body, Rect(box.x + t.px(10), y, box.width - t.px(20), 1000), "body")
        surface.set_clip(clip)
