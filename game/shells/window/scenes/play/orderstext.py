"""Drawing the orders pane's two texts that change with every choice: what is left and chosen,
and the card in focus described in full (scrolled when long)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import tr, trn
from game.shells.window.scenes.play.details import draw_card_details
from game.story.words import action_name

if TYPE_CHECKING:
    from game.shells.window.scenes.play.orders import OrdersPane

Rect = pygame.Rect


def draw_chosen(self: OrdersPane, surface: pygame.Surface) -> None:
    """Resources left, then the orders chosen so far (or why the last card was refused)."""
    p = self.p
    t = p.theme
    pal = p.pal
    box = self.bottom_text_rect
    y = box.y
    p.draw_text(surface, self.resources_text(), (box.x, y), "body_bold", max_width=box.width)
    y += p.line_height("body_bold")
    if self.stacked:  # the second line goes beside the buttons
        y = self.give.rect.centery - p.line_height("small") // 2
        box = Rect(box.x, y, self.brief_button.rect.x - box.x - t.gap, box.height)
    if self.status:
        p.draw_text(surface, self.status, (box.x, y), "small_bold", pal.worse, max_width=box.width)
        return
    chosen = "; ".join(action_name(self.match.sc, a) for a in self.selected) or tr("ui.w.orders.none_chosen")
    line = tr("ui.orders.chosen", names=chosen)
    if self.selected and p.width(line, "small") > box.width:
        line = trn("ui.w.orders.chosen_count", len(self.selected))  # the cards carry their numbers
    p.draw_text(surface, line, (box.x, y), "small", pal.dim, max_width=box.width)


def draw_details(self: OrdersPane, surface: pygame.Surface) -> None:
    """The card in focus (or under the mouse) described beside the list, or a hint."""
    p = self.p
    t = p.theme
    pal = p.pal
    form = self.scene.form
    key = form.hover_key if (form.hover_key or "").startswith("card.") else form.focus_key
    rect = self.detail_rect
    x = rect.x - t.pad // 2
    pygame.draw.line(surface, pal.line, (x, rect.y), (x, rect.bottom), 1)
    if not (key or "").startswith("card."):
        p.draw_wrapped(surface, tr("ui.orders.details_hint"), rect, "small", pal.dim)
        return
    index = int((key or "card.0").split(".")[1])
    area = self.detail_area
    if key != self.detail_key:  # another card: its description from the top
        self.detail_key, area.offset = key, 0
    area.reset(rect)
    area.extend(
        draw_card_details(surface, p, self.match.sc, self.s, index, self.cards.get(index), rect, area.offset)
    )
    area.apply()
    area.draw_scrollbar(surface, p)
