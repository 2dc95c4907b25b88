"""The orders pane: a role's action cards by category, the chosen orders, and Give.

Cards show cost, odds and what they need; choosing one asks the engine (``check_orders``)
whether the new set is allowed, and a refusal is told in the player's words. The pane holds no
rules of its own. The card in focus is described beside the list (``details``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import IllegalMove, check_orders, legal_action_indexes, why_not
from game.i18n import tr
from game.scenario.runtime import ACTION_PROPOSE
from game.shells.window.cards import ActionCard, Toggle
from game.shells.window.requirements import requirement_text
from game.shells.window.scenes.dialogs import ConfirmDialog
from game.shells.window.scenes.play.orderstext import draw_chosen, draw_details
from game.shells.window.scenes.play.pane import Pane
from game.shells.window.widgets import Button, ScrollArea, Widget
from game.story.fatigue import wear_tag
from game.story.words import action_name, category_name, cost_line, odds_line, reason_text, role_name

if TYPE_CHECKING:
    from game.shells.window.scenes.play.scene import PlayScene

Rect = pygame.Rect
CATEGORY_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4)
SUBMIT_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)  # with Ctrl: give the orders from anywhere


class OrdersPane(Pane):
    """A role's private screen: choose orders within its action points and capital, then give."""

    news_share = 0.27  # the cards need the room

    def __init__(self, scene: PlayScene) -> None:
        super().__init__(scene)
        self.selected: list[int] = []
        self.cards: dict[int, ActionCard] = {}
        self.tabs: list[Toggle] = []
        self.give = Button("give", self.give_label, self.on_give, kind="primary")
        self.brief_button = Button("briefing", lambda: tr("ui.briefing"), scene.show_briefing)
        present = self.present_categories()
        self.category = present[0] if present else 0
        self.stacked = False
        self.detail_area = ScrollArea()  # the card in focus described in full, scrolled when long
        self.detail_key: str | None = None

    # ------------------------------------------------------------------ choosing

    def toggle(self, index: int) -> None:
        """Choose or drop an order; the engine says whether the new set is allowed."""
        if index in self.selected:
            self.selected.remove(index)
            self.status = ""
        else:
            reason = check_orders(self.s, self.role, (*self.selected, index))
            if reason:
                self.status = self.refusal(index, reason)
                self.invalidate()
                return
            self.selected.append(index)
            self.status = ""
        self.invalidate()

    def refusal(self, index: int, reason: str, short: bool = False) -> str:
        """Why this card cannot join the chosen orders, in the player's words."""
        sc = self.match.sc
        action = sc.actions[index]
        ap = sc.roles[self.role].action_points
        used = sum(sc.actions[a].ap for a in self.selected)
        if used + action.ap > ap:
            return tr("ui.orders.no_ap_short" if short else "ui.orders.no_ap")
        spent = sum(sc.actions[a].capital for a in self.selected)
        if spent + action.capital > self.s.capital[self.role]:
            return tr("ui.orders.no_capital_short" if short else "ui.orders.no_capital")
        return reason_text(sc, reason) if reason else tr("text.not_now")

    def unavailable(self, index: int) -> str:
        """Why a card cannot be ordered at all this turn (its condition, or too dear)."""
        action = self.match.sc.actions[index]
        refused = why_not(self.s, action)
        if refused is not None:
            return reason_text(self.match.sc, refused)
        if action.ap > self.match.sc.roles[self.role].action_points:
            return tr("ui.orders.no_ap")
        return tr("text.not_now")

    def give_label(self) -> str:
        return tr("ui.orders.give") if self.selected else tr("ui.orders.pass")

    def on_give(self) -> None:
        """Ask first, then hand the orders to the session (which may still refuse them)."""
        names = ", ".join(action_name(self.match.sc, a) for a in self.selected) or tr("text.pass")
        app = self.scene.app

        def confirmed() -> None:
            try:
                self.match.session.submit_orders(self.role, tuple(self.selected))
            except IllegalMove as err:
                self.status = reason_text(self.match.sc, err.reason)
                self.invalidate()
                return
            self.match.autosave()  # the save holds orders given: Continue keeps them
            app.go.advance()

        app.push(
            ConfirmDialog(
                app,
                tr("ui.w.orders.confirm_title"),
                tr("text.confirm_orders", names=names),
                confirmed,
                yes=tr("ui.orders.confirm_yes"),
                no=tr("ui.orders.confirm_no"),
            )
        )

    def areas(self) -> list[ScrollArea]:
        return [self.area, self.detail_area]

    # ------------------------------------------------------------------ categories and keys

    def handle_key(self, event: pygame.event.Event) -> bool:
        """1-4 show a category and put the focus on its first card, Down from a tab enters the
        cards, Ctrl+Enter gives the orders, B the briefing (other Ctrl or Alt keys are the app's)."""
        if event.key in SUBMIT_KEYS and event.mod & pygame.KMOD_CTRL:
            self.on_give()
            return True
        if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            return False
        if event.key in CATEGORY_KEYS:
            self.set_category(event.key - pygame.K_1)
            return True
        if event.key == pygame.K_DOWN and (self.scene.form.focus_key or "").startswith("tab."):
            return self.focus_first_card()
        on_card = (self.scene.form.focus_key or "").startswith("card.")
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and on_card and self.detail_area.max_offset:
            view = self.detail_area.view.height
            return self.detail_area.scroll(max(40, view - 40) * (1 if event.key == pygame.K_PAGEDOWN else -1))
        if event.key == pygame.K_b:
            self.scene.show_briefing()
            return True
        return False

    def present_categories(self) -> list[int]:
        """The categories this role has actions in (a tab each)."""
        sc = self.match.sc
        mine = sc.actions_by_role[self.role]
        return [c for c in range(4) if any(sc.actions[a].category == c for a in mine)]

    def set_category(self, category: int) -> None:
        sc = self.match.sc
        if any(sc.actions[a].category == category for a in sc.actions_by_role[self.role]):
            self.category = category
            self.area.offset = 0
            self.invalidate()
            self.focus_first_card()

    def focus_first_card(self) -> bool:
        """The focus on the category's first card that can be chosen (else its first card)."""
        cards = self.category_cards()
        first = next((c for c in cards if c.tab_stop), cards[0] if cards else None)
        if first is None:
            return False
        self.scene.form.focus_key = first.key
        self.scene.form.hover_key = None
        self.area.reveal(first)
        return True

    def category_cards(self) -> list[ActionCard]:
        sc = self.match.sc
        return [self.cards[a] for a in self.card_order() if sc.actions[a].category == self.category]

    def card_order(self) -> list[int]:
        """The role's actions, plain ones first then proposals, in scenario order."""
        sc = self.match.sc
        indexes = sc.actions_by_role[self.role]
        return [a for a in indexes if sc.actions[a].kind != ACTION_PROPOSE] + [
            a for a in indexes if sc.actions[a].kind == ACTION_PROPOSE
        ]

    # ------------------------------------------------------------------ texts

    def resources_text(self) -> str:
        """Action points and capital left after the orders chosen so far."""
        sc = self.match.sc
        ap = sc.roles[self.role].action_points
        capital = self.s.capital[self.role]
        return tr(
            "ui.orders.resources",
            ap_left=ap - sum(sc.actions[a].ap for a in self.selected),
            ap=ap,
            capital_left=capital - sum(sc.actions[a].capital for a in self.selected),
            capital=capital,
        )

    def programmes_line(self) -> str:
        """This role's covert programmes still running (only its own eyes see them)."""
        if self.scene.role is None:
            return ""
        sc = self.match.sc
        running = [
            f"{action_name(sc, a)} ({tr('text.turns_left', n=left)})"
            for a, _, left in self.s.programmes
            if sc.actions[a].role == self.scene.role
        ]
        return tr("ui.w.programmes", running=", ".join(running)) if running else ""

    # ------------------------------------------------------------------ layout

    def layout(self, inner: Rect) -> list[Widget]:
        p = self.p
        t = p.theme
        y = inner.y + p.line_height("heading") + t.px(4)
        if self.programmes_line():
            y += p.line_height("small")
        y = self.layout_tabs(inner, y)
        bottom_h = self.bottom_height(inner)
        list_w = round(inner.width * 0.58)
        self.cards_rect = Rect(inner.x, y, list_w, inner.bottom - bottom_h - t.gap - y)
        self.detail_rect = Rect(
            inner.x + list_w + t.pad, y, inner.width - list_w - t.pad, self.cards_rect.height
        )
        cards = self.layout_cards(list_w)
        self.layout_buttons(inner, bottom_h)
        return [*self.tabs, *cards, self.give, self.brief_button]

    def layout_tabs(self, inner: Rect, y: int) -> int:
        """A tab per category, with how many cards it has and how many are chosen; returns y below."""
        p = self.p
        t = p.theme
        sc = self.match.sc
        mine = sc.actions_by_role[self.role]
        self.tabs = []
        present = self.present_categories()
        tab_h = p.line_height("body_bold") + t.px(12)
        x = inner.x
        for c in present:
            count = sum(1 for a in mine if sc.actions[a].category == c)
            chosen = sum(1 for a in self.selected if sc.actions[a].category == c)
            label = f"{c + 1} {category_name(c)} ({count})" + (f" · {chosen}" if chosen else "")
            tab = Toggle(
                f"tab.{c}",
                label,
                lambda c=c: self.set_category(c),
                selected=c == self.category,
                mark=False,
            )
            tab.style = "small_bold"
            tw = min(
                tab.preferred_width(p),
                (inner.width - t.gap * (len(present) - 1)) // max(1, len(present)),
            )
            tab.rect = Rect(x, y, tw, tab_h)
            x += tw + t.gap
            self.tabs.append(tab)
        return y + tab_h + t.gap

    def bottom_height(self, inner: Rect) -> int:
        """Resources beside the buttons when they fit there, else on a line of their own above."""
        p = self.p
        t = p.theme
        button_h = self.give.preferred_height(p)
        beside = inner.width - self.give.preferred_width(p) - self.brief_button.preferred_width(p)
        self.stacked = p.width(self.resources_text(), "body_bold") > beside - t.px(60)
        if self.stacked:
            return p.line_height("body_bold") + t.px(4) + button_h
        return button_h + p.line_height("small") + t.px(6)

    def layout_cards(self, list_w: int) -> list[ActionCard]:
        """Every card told what it may show; the category's cards in rows as tall as the tallest."""
        p = self.p
        t = p.theme
        legal = set(legal_action_indexes(self.s, self.role))
        # Two columns of cards while a card stays about 12 characters of body text wide.
        columns = 2 if (list_w - t.gap) // 2 >= 12.5 * p.theme.sizes["body"] else 1
        gap = t.gap
        card_w = (list_w - t.px(12) - gap * (columns - 1)) // columns
        self.area.reset(self.cards_rect)
        for index in self.card_order():
            self.refresh_card(index, index in legal)
        cards = self.category_cards()
        y_row = 0
        for start in range(0, len(cards), columns):
            row = cards[start : start + columns]
            height = max(card.needed_height(p, card_w) for card in row)
            for col, card in enumerate(row):
                self.area.place(card, Rect(col * (card_w + gap), y_row, card_w, height))
            y_row += height + gap
        self.area.apply()
        return cards

    def refresh_card(self, index: int, legal: bool) -> None:
        """A card's name, cost, odds and note as of now, and whether it can join the chosen ones."""
        sc = self.match.sc
        s = self.s
        card = self.cards.get(index)
        if card is None:
            card = self.cards[index] = ActionCard(self, index)
        action = sc.actions[index]
        card.name = action_name(sc, index)
        card.cost = cost_line(action)
        card.odds = odds_line(s, action)
        card.covert = action.covert
        card.legal = legal or index in self.selected
        card.blocked = (
            card.legal
            and index not in self.selected
            and check_orders(s, self.role, (*self.selected, index)) is not None
        )
        card.selected = self.selected.index(index) + 1 if index in self.selected else 0
        if not card.legal:
            card.note = self.unavailable(index)
        elif card.blocked:
            card.note = self.refusal(index, "", short=True)
        else:
            requirement = requirement_text(sc, index)
            notes = [wear_tag(s, index), tr("ui.orders.requires", what=requirement) if requirement else ""]
            card.note = "  ·  ".join(note for note in notes if note)
        card.visible = action.category == self.category
        card.tab_stop = (card.legal and not card.blocked) or bool(card.selected)

    def layout_buttons(self, inner: Rect, bottom_h: int) -> None:
        """Give and Briefing at the bottom right; the text box for resources and choices beside."""
        p = self.p
        t = p.theme
        by = inner.bottom - self.give.preferred_height(p)
        gw = self.give.preferred_width(p) + t.px(30)
        self.give.rect = Rect(inner.right - gw, by, gw, self.give.preferred_height(p))
        bw = self.brief_button.preferred_width(p)
        self.brief_button.rect = Rect(self.give.rect.x - t.gap - bw, by, bw, self.give.preferred_height(p))
        self.bottom_text_rect = Rect(
            inner.x, inner.bottom - bottom_h, self.brief_button.rect.x - inner.x - t.gap, bottom_h
        )
        if self.stacked:
            self.bottom_text_rect.width = inner.width

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface, inner: Rect) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        p.draw_text(
            surface,
            tr("ui.w.orders.heading", role=role_name(self.match.sc, self.role), turn=self.s.turn),
            (inner.x, inner.y),
            "heading",
            max_width=inner.width,
        )
        programmes = self.programmes_line()
        if programmes:
            p.draw_text(
                surface,
                programmes,
                (inner.x, inner.y + p.line_height("heading") + t.px(2)),
                "small",
                pal.covert,
                max_width=inner.width,
            )
        if not self.category_cards():
            p.draw_text(
                surface, tr("text.no_orders"), (self.cards_rect.x, self.cards_rect.y), "body", pal.dim
            )
        self.draw_details(surface)
        self.draw_chosen(surface)

    def draw_chosen(self, surface: pygame.Surface) -> None:
        draw_chosen(self, surface)

    def draw_details(self, surface: pygame.Surface) -> None:
        draw_details(self, surface)
