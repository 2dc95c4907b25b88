"""The table's dice: roll real dice at the table and copy them in, order by order.

With the table's dice on, the board waits for the facilitator before the turn is played. Each
order with a check gets two dice to set (or the computer rolls it). A covert order shows only
as "a secret order of ..." unless the facilitator reveals the names, after a warning - the
panel may be on the projector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import tr
from game.shells.window import decisions
from game.shells.window.cards import Toggle
from game.shells.window.facwidgets import DieField
from game.shells.window.painter import Painter
from game.shells.window.scenes.dialogs import ConfirmDialog
from game.shells.window.scenes.facilitator.section import Section
from game.shells.window.widgets import Button, Choice, ScrollArea, Widget
from game.story.words import odds_line

if TYPE_CHECKING:
    from game.shells.window.scenes.facilitator.scene import FacilitatorScene

Rect = pygame.Rect
Fields = tuple[DieField, DieField, Button]  # the two dice and "the computer rolls"
RowText = tuple[int, str, str, int, int]  # (row, label, detail, content y, label width)


def die_size(p: Painter) -> int:
    return p.line_height("heading") + p.theme.px(16)


def dice_line_height(p: Painter) -> int:
    """One order's row: as tall as a die, or as its two lines of text."""
    return max(die_size(p), p.line_height("body_bold") + p.line_height("small")) + p.theme.px(12)


class DiceSection(Section):
    def __init__(self, scene: FacilitatorScene) -> None:
        super().__init__(scene)
        self.reveal = False  # covert orders by name in the list
        self.table_dice = Choice(
            "dice.table",
            lambda: tr("ui.fac.dice.table"),
            [(False, tr("ui.off")), (True, tr("ui.on"))],
            self.match.table_dice,
            self.on_table_dice,
        )
        self.reveal_button = Toggle(
            "dice.reveal", tr("ui.fac.dice.reveal"), self.on_reveal, selected=False, mark=False
        )
        self.dice_area = ScrollArea()
        self.dice_fields: dict[tuple[int, int], Fields] = {}
        self.rows: list[tuple[int, int]] = []  # (role, action) of each order with a check
        self.row_texts: list[RowText] = []

    # ------------------------------------------------------------------ decisions

    def on_table_dice(self, value: object) -> None:
        self.match.table_dice = bool(value)
        self.scene.app.refresh()
        self.scene.report(
            decisions.Outcome(True, tr("ui.fac.dice.table_on" if value else "ui.fac.dice.table_off"))
        )

    def on_reveal(self) -> None:
        """Secret orders by name - after a warning, since the panel may be on the projector."""
        if self.reveal:
            self.reveal = False
            self.invalidate()
            return

        def show() -> None:
            self.reveal = True
            self.invalidate()

        app = self.scene.app
        app.push(
            ConfirmDialog(
                app,
                tr("ui.fac.dice.reveal_title"),
                tr("ui.w.fac.dice.reveal_body"),
                show,
                yes=tr("ui.fac.dice.reveal_yes"),
            )
        )

    def on_die(self, role: int, action: int) -> None:
        d1, d2, _ = self.dice_fields[(role, action)]
        if d1.value and d2.value:
            self.scene.report(decisions.set_dice(self.session, role, action, d1.value, d2.value, self.reveal))
        elif (role, action) in self.session.pending_dice:
            self.scene.report(decisions.clear_dice(self.session, role, action))
        else:
            self.invalidate()

    def on_computer_rolls(self, role: int, action: int) -> None:
        d1, d2, _ = self.dice_fields[(role, action)]
        d1.value = d2.value = 0
        self.scene.report(decisions.clear_dice(self.session, role, action))

    # ------------------------------------------------------------------ layout

    def layout(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        session = self.session
        y = self.heading(rect, tr("ui.fac.dice.title"), tr("ui.fac.dice.intro")) + t.gap
        row_h = p.line_height("body") + t.px(16)
        self.table_dice.rect = Rect(rect.x, y, min(rect.width, t.px(640)), row_h)
        y += row_h + t.gap
        self.reveal_button.selected = self.reveal
        self.reveal_button.label = tr("ui.fac.dice.hide" if self.reveal else "ui.fac.dice.reveal")
        self.button_row([self.reveal_button], rect, y)
        y += self.reveal_button.rect.height + t.pad
        self.rows = decisions.orders_with_checks(session)
        self.row_texts = []
        view = Rect(rect.x, y, rect.width, rect.bottom - y)
        self.dice_area.reset(view)
        areas.append(self.dice_area)
        widgets: list[Widget] = [self.table_dice, self.reveal_button]
        if not self.rows:
            none = "ui.fac.dice.none_all_in" if session.ready_to_resolve() else "ui.fac.dice.none"
            self.add_text(tr(none), view, "body", "dim")
            return widgets
        line_h = dice_line_height(p)
        for n, (role, action) in enumerate(self.rows):
            widgets += self.layout_row(n, role, action, n * (line_h + t.px(4)))
        self.dice_area.extend(len(self.rows) * (line_h + t.px(4)))
        self.dice_area.apply()
        return widgets

    def fields(self, role: int, action: int) -> Fields:
        """The order's two dice and its button, kept between layouts (they hold what was typed)."""
        fields = self.dice_fields.get((role, action))
        if fields is None:
            d1, d2 = self.session.pending_dice.get((role, action), (0, 0))
            fields = (
                DieField(f"die.{role}.{action}.1", d1, lambda _v, r=role, a=action: self.on_die(r, a)),
                DieField(f"die.{role}.{action}.2", d2, lambda _v, r=role, a=action: self.on_die(r, a)),
                Button(
                    f"die.{role}.{action}.clear",
                    lambda: tr("ui.fac.dice.computer"),
                    lambda r=role, a=action: self.on_computer_rolls(r, a),
                    kind="quiet",
                    style="small_bold",
                ),
            )
            self.dice_fields[(role, action)] = fields
        return fields

    def layout_row(self, n: int, role: int, action: int, top: int) -> list[Widget]:
        """One order at content y ``top``: its name and odds, two dice, "the computer rolls"."""
        p = self.p
        t = p.theme
        session = self.session
        first, second, clear = self.fields(role, action)
        die = die_size(p)
        line_h = dice_line_height(p)
        cw = clear.preferred_width(p)
        ch = clear.preferred_height(p)
        right = self.dice_area.view.width - t.px(14)
        clear_rect = Rect(right - cw, top + (line_h - ch) // 2, cw, ch)
        second_rect = Rect(clear_rect.x - t.pad - die, top + (line_h - die) // 2, die, die)
        first_rect = Rect(second_rect.x - t.gap - die, second_rect.y, die, die)
        self.dice_area.place(first, first_rect)
        self.dice_area.place(second, second_rect)
        self.dice_area.place(clear, clear_rect)
        clear.enabled = (role, action) in session.pending_dice
        label = decisions.order_label(session, role, action, self.reveal)
        self.row_texts.append((n, label, self.row_detail(role, action), top + t.px(6), first_rect.x - t.pad))
        return [first, second, clear]

    def row_detail(self, role: int, action: int) -> str:
        """The odds (unless the order is secret) and the dice entered, or that the computer rolls."""
        s = self.session.state
        entered = self.session.pending_dice.get((role, action))
        detail = (
            tr("ui.fac.dice.entered", d1=entered[0], d2=entered[1], total=sum(entered))
            if entered
            else tr("ui.fac.dice.computer_note")
        )
        covert = s.scenario.actions[action].covert and not self.reveal
        if not covert:
            detail = odds_line(s, s.scenario.actions[action]) + "  ·  " + detail
        return detail

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        """Each order's box (in the covert colour if secret), name and detail, scrolled."""
        p = self.p
        t = p.theme
        pal = p.pal
        area = self.dice_area
        for n, label, detail, content_y, label_w in self.row_texts:
            clip = surface.get_clip()
            surface.set_clip(area.view)
            x = area.view.x + t.px(10)
            y = area.y(content_y)
            if label:
                _, action = self.rows[n]
                box = Rect(area.view.x, y - t.px(6), area.view.width - t.px(14), dice_line_height(p))
                secret = self.session.scenario.actions[action].covert
                p.panel(surface, box, pal.panel, pal.covert if secret else pal.line)
                p.draw_text(surface, label, (x, y), "body_bold", pal.text, max_width=label_w - t.px(10))
            if detail:
                y += p.line_height("body_bold")
                p.draw_text(surface, detail, (x, y), "small", pal.dim, max_width=label_w - t.px(10))
            surface.set_clip(clip)
