"""The play screen: tracks, news, roles - and the public board, a role's answers or its orders.

Three modes share one layout:

* ``public`` - the projected board (or, with no human, the computer game): what everyone may
  see, and a button for the next step (pass the screen on, or play the turn).
* ``answers`` - a role's private screen to accept or reject the proposals put to it.
* ``orders`` - a role's private screen: action cards by category with cost, odds and
  requirements, the details of the card in focus, and the orders chosen so far.

What is shown always comes from ``session.view(viewer)``, so a covert order of another role
never reaches this screen until it is exposed. Choosing a card asks the engine
(``check_orders``) whether the set is allowed; the screen holds no rules of its own.
"""

from __future__ import annotations

import pygame

from game.engine import (
    PUBLIC,
    IllegalMove,
    State,
    check_orders,
    legal_action_indexes,
    pending_answers,
    why_not,
)
from game.engine.log import AG_IN_FORCE, L_EVENT, L_ORDER
from game.i18n import text, tr
from game.scenario.runtime import ACTION_PROPOSE
from game.shells.window.app import App, Scene
from game.shells.window.board import (
    NewsLine,
    TrackRow,
    draw_footer,
    draw_news,
    draw_roles,
    draw_section_title,
    draw_top_bar,
    draw_why,
    fill_rows,
    footer_height,
    place_rows,
    roles_height,
    top_bar_height,
)
from game.shells.window.cards import ActionCard, Toggle
from game.shells.window.deliberation import draw_countdown, draw_pill, pill_width
from game.shells.window.flow import ANSWER, APPLY_ANSWERS, ORDER, RESOLVE, advance, role_phrase
from game.shells.window.requirements import requirement_text
from game.shells.window.scenes.dialogs import ConfirmDialog
from game.shells.window.widgets import Button, ScrollArea, Widget
from game.story.words import (
    action_description,
    action_name,
    action_tends,
    category_name,
    cost_line,
    headline,
    headlines,
    odds_line,
    reason_text,
    role_name,
)

Rect = pygame.Rect
CONSEQUENCE_KINDS = ("rule", "exposed", "agreement", "ending")


# ----------------------------------------------------------------------------- the scene


class PlayScene(Scene):
    name = "play"

    def __init__(self, app: App, mode: str, role: int | None, notice: str | None = None) -> None:
        super().__init__(app)
        assert app.match is not None
        self.match = app.match
        self.mode = mode
        self.role = role
        self.notice = notice
        self.rows: dict[int, TrackRow] = {}
        self.track_area = ScrollArea()
        self.news_area = ScrollArea()
        self.main_area = ScrollArea()
        self.menu_button = Button("menu", lambda: tr("ui.menu"), self.open_menu, kind="quiet", style="body")
        self.s: State = self.match.view(self.viewer)
        self.status = ""
        # orders
        self.selected: list[int] = []
        self.cards: dict[int, ActionCard] = {}
        self.tabs: list[Button] = []
        self.category = 0
        self.give = Button("give", self.give_label, self.on_give, kind="primary")
        self.brief_button = Button("briefing", lambda: tr("ui.briefing"), self.show_briefing)
        # answers
        self.answers: dict[int, bool] = {}
        self.toggles: list[Toggle] = []
        self.send = Button("send", lambda: tr("ui.answers.send"), self.on_send, kind="primary")
        # public
        self.next_button = Button("next", self.next_label, self.on_next, kind="primary")
        if mode == "orders":
            sc = self.match.sc
            present = [
                c for c in range(4) if any(sc.actions[a].category == c for a in sc.actions_by_role[role or 0])
            ]
            self.category = present[0] if present else 0
            self.form.focus_key = None
        if (
            mode in ("orders", "answers")
            and role is not None
            and role not in self.match.briefed
            and self.match.hot_seat()
        ):
            self.match.briefed.add(role)
            self._brief_on_enter = True
        else:
            self._brief_on_enter = False

    # ------------------------------------------------------------------ who is looking

    @property
    def viewer(self) -> int:
        if self.mode in ("orders", "answers") and self.role is not None:
            return self.role
        return self.match.viewer() if self.match.humans() and not self.match.hot_seat() else PUBLIC

    @property
    def private(self) -> bool:
        return self.mode in ("orders", "answers")

    def enter(self) -> None:
        super().enter()
        if self._brief_on_enter and self.role is not None:
            self._brief_on_enter = False
            from game.shells.window.scenes.briefing import BriefingScene

            self.app.push(BriefingScene(self.app, self.role))

    # ------------------------------------------------------------------ actions

    def open_menu(self) -> None:
        from game.shells.window.scenes.menu import open_game_menu

        open_game_menu(self.app)

    def show_briefing(self) -> None:
        if self.private and self.role is not None:
            from game.shells.window.scenes.briefing import BriefingScene

            self.app.push(BriefingScene(self.app, self.role))

    def toggle(self, index: int) -> None:
        """Choose or drop an order; the engine says whether the new set is allowed."""
        if self.mode != "orders" or self.role is None:
            return
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
        action = self.match.sc.actions[index]
        ap = self.match.sc.roles[self.role or 0].action_points
        used = sum(self.match.sc.actions[a].ap for a in self.selected)
        suffix = "_short" if short else ""
        if used + action.ap > ap:
            return tr("ui.orders.no_ap" + suffix)
        spent = sum(self.match.sc.actions[a].capital for a in self.selected)
        if spent + action.capital > self.s.capital[self.role or 0]:
            return tr("ui.orders.no_capital" + suffix)
        return reason_text(self.match.sc, reason) if reason else tr("text.not_now")

    def give_label(self) -> str:
        return tr("ui.orders.give") if self.selected else tr("ui.orders.pass")

    def on_give(self) -> None:
        names = ", ".join(action_name(self.match.sc, a) for a in self.selected) or tr("text.pass")
        role = self.role
        assert role is not None

        def confirmed() -> None:
            try:
                self.match.session.submit_orders(role, tuple(self.selected))
            except IllegalMove as err:
                self.status = reason_text(self.match.sc, err.reason)
                self.invalidate()
                return
            advance(self.app)

        self.app.push(
            ConfirmDialog(
                self.app,
                tr("ui.orders.confirm_title"),
                tr("text.confirm_orders", names=names),
                confirmed,
                yes=tr("ui.orders.confirm_yes"),
                no=tr("ui.orders.confirm_no"),
            )
        )

    def choose_answer(self, term: int, accepted: bool) -> None:
        self.answers[term] = accepted
        self.invalidate()

    def on_send(self) -> None:
        role = self.role
        assert role is not None
        asked = [term for term, _ in pending_answers(self.s, role)]
        if any(term not in self.answers for term in asked):
            self.status = tr("ui.answers.all")
            self.invalidate()
            return
        try:
            self.match.session.submit_answers(role, {term: self.answers[term] for term in asked})
        except IllegalMove as err:
            self.status = reason_text(self.match.sc, err.reason)
            self.invalidate()
            return
        advance(self.app)

    def next_label(self) -> str:
        step, role = self.match.next_step()
        if step in (ANSWER, ORDER) and role is not None:
            key = "ui.public.pass_answers" if step == ANSWER else "ui.public.pass_orders"
            return tr(key, role=role_phrase(self.match.sc, role))
        if step in (RESOLVE, APPLY_ANSWERS):
            return tr("ui.public.play_turn", n=self.s.turn)
        return tr("ui.continue")

    def on_next(self) -> None:
        advance(self.app, play_turn=True)

    # ------------------------------------------------------------------ events

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.open_menu()
                return True
            if event.key == pygame.K_s and event.mod & pygame.KMOD_CTRL:
                from game.shells.window.scenes.menu import save_game

                save_game(self.app)
                return True
            if self.mode == "orders" and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
                if event.key in (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4):
                    self.set_category(event.key - pygame.K_1)
                    return True
                if event.key == pygame.K_b:
                    self.show_briefing()
                    return True
            if self.mode == "answers" and event.key == pygame.K_b:
                self.show_briefing()
                return True
        return super().handle(event)

    def set_category(self, category: int) -> None:
        if self.mode != "orders":
            return
        sc = self.match.sc
        if any(sc.actions[a].category == category for a in sc.actions_by_role[self.role or 0]):
            self.category = category
            self.main_area.offset = 0
            self.invalidate()
            first = next((c for c in self.category_cards() if c.visible), None)
            if first is not None and (self.form.focus_key or "").startswith("card."):
                self.form.focus_key = first.key

    def category_cards(self) -> list[ActionCard]:
        sc = self.match.sc
        return [self.cards[a] for a in self.card_order() if sc.actions[a].category == self.category]

    def card_order(self) -> list[int]:
        """The role's actions, plain ones first then proposals, in scenario order."""
        sc = self.match.sc
        indexes = sc.actions_by_role[self.role or 0]
        return [a for a in indexes if sc.actions[a].kind != ACTION_PROPOSE] + [
            a for a in indexes if sc.actions[a].kind == ACTION_PROPOSE
        ]

    # ------------------------------------------------------------------ layout

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        self.s = self.match.view(self.viewer)
        top = top_bar_height(p)
        bottom = h - footer_height(p)
        mb_w = self.menu_button.preferred_width(p)
        mb_h = self.menu_button.preferred_height(p)
        self.menu_button.rect = Rect(w - t.pad - mb_w, (top - mb_h) // 2, mb_w, mb_h)
        left_w = max(t.px(300), round(w * 0.33))
        self.tracks_rect = Rect(t.pad, top + t.pad, left_w, bottom - top - 2 * t.pad)
        title_h = p.line_height("small_bold") + t.px(6)
        rows = fill_rows(self.rows, self.s)
        place_rows(
            rows,
            Rect(
                self.tracks_rect.x,
                self.tracks_rect.y + title_h,
                self.tracks_rect.width,
                self.tracks_rect.height - title_h,
            ),
            p,
            self.track_area,
        )
        rx = self.tracks_rect.right + t.pad
        self.right = Rect(rx, top + t.pad, w - rx - t.pad, bottom - top - 2 * t.pad)
        self.news = self.board_news()
        news_share = 0.27 if self.mode == "orders" else 0.4
        pad_x, pad_y = t.px(10), t.px(8)
        wanted = title_h + 2 * pad_y + self.news_height(self.right.width - 2 * pad_x)
        news_h = max(
            p.line_height("body") * 2 + title_h + 2 * pad_y,
            min(wanted, round(self.right.height * news_share)),
        )
        self.news_rect = Rect(self.right.x, self.right.y, self.right.width, news_h)
        self.roles_rect = Rect(self.right.x, self.news_rect.bottom + t.gap, self.right.width, roles_height(p))
        self.main_rect = Rect(
            self.right.x,
            self.roles_rect.bottom + t.gap,
            self.right.width,
            self.right.bottom - self.roles_rect.bottom - t.gap,
        )
        self.news_inner = Rect(
            self.news_rect.x + pad_x,
            self.news_rect.y + pad_y + title_h,
            self.news_rect.width - 2 * pad_x,
            news_h - 2 * pad_y - title_h,
        )
        widgets: list[Widget]
        if self.mode == "orders":
            widgets = self.layout_orders()
        elif self.mode == "answers":
            widgets = self.layout_answers()
        else:
            widgets = self.layout_public()
        self.form.set(widgets + rows + [self.menu_button], [self.main_area, self.track_area])
        if self.form.focus_key is None:
            self.form.focus_key = widgets[0].key if widgets else None

    def news_height(self, width: int) -> int:
        """The height the news would take unscrolled (as board.draw_news lays it out)."""
        p = self.p
        t = p.theme
        text_w = width - t.px(20) - t.px(10)
        total = 0
        for line in self.news:
            style = "body_bold" if line.major else ("small" if line.tone == "reason" else "body")
            body = line.text + (f"  ({', '.join(line.risks)})" if line.risks else "")
            total += p.wrapped_height(body, style, text_w) + t.px(6)
        return total

    def board_news(self) -> list[NewsLine]:
        """Last turn's big consequences, this turn's news (with the story), answers and reasons."""
        s = self.s
        sc = s.scenario
        lines: list[NewsLine] = []
        if s.history:
            for item in headlines(s, s.history[-1].entries):
                if item.major and item.kind in CONSEQUENCE_KINDS:
                    lines.append(NewsLine(item.text, item.risks, True))
        for entry in s.current:
            item = headline(s, entry)
            if item is None or not item.text:
                continue
            lines.append(NewsLine(item.text, item.risks, item.major))
            if entry[0] == L_EVENT:
                story = text(sc.model.events[entry[1]].text)
                if story:
                    lines.append(NewsLine(story, (), False, "reason"))
        for role, _term, why in self.match.answer_reasons():
            lines.append(
                NewsLine(
                    tr("ui.reason.answer", role=role_name(sc, role), why=why),
                    (),
                    False,
                    "reason",
                )
            )
        if not lines:
            lines.append(NewsLine(tr("ui.news.none"), (), False, "reason"))
        return lines

    def main_inner(self) -> Rect:
        t = self.p.theme
        return self.main_rect.inflate(-2 * t.px(12), -2 * t.px(10))

    def layout_orders(self) -> list[Widget]:
        p = self.p
        t = p.theme
        sc = self.match.sc
        role = self.role or 0
        s = self.s
        inner = self.main_inner()
        header_h = p.line_height("heading") + t.px(4)
        y = inner.y + header_h
        if self.programmes_line():
            y += p.line_height("small")
        # category tabs
        self.tabs = []
        present = [c for c in range(4) if any(sc.actions[a].category == c for a in sc.actions_by_role[role])]
        tab_h = p.line_height("body_bold") + t.px(12)
        x = inner.x
        for c in present:
            count = sum(1 for a in sc.actions_by_role[role] if sc.actions[a].category == c)
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
        y += tab_h + t.gap
        button_h = self.give.preferred_height(p)
        beside = inner.width - self.give.preferred_width(p) - self.brief_button.preferred_width(p)
        # Resources beside the buttons when they fit there, else on a line of their own above.
        self.stacked = p.width(self.resources_text(), "body_bold") > beside - t.px(60)
        if self.stacked:
            bottom_h = p.line_height("body_bold") + t.px(4) + button_h
        else:
            bottom_h = button_h + p.line_height("small") + t.px(6)
        list_w = round(inner.width * 0.58)
        self.cards_rect = Rect(inner.x, y, list_w, inner.bottom - bottom_h - t.gap - y)
        self.detail_rect = Rect(
            inner.x + list_w + t.pad, y, inner.width - list_w - t.pad, self.cards_rect.height
        )
        # cards: two columns when wide enough, each row as tall as its tallest card
        legal = set(legal_action_indexes(s, role))
        # Two columns of cards while a card stays about 12 characters of body text wide.
        columns = 2 if (list_w - t.gap) // 2 >= 12.5 * p.theme.sizes["body"] else 1
        gap = t.gap
        card_w = (list_w - t.px(12) - gap * (columns - 1)) // columns
        self.main_area.reset(self.cards_rect)
        for index in self.card_order():
            card = self.cards.get(index)
            if card is None:
                card = self.cards[index] = ActionCard(self, index)
            action = sc.actions[index]
            card.name = action_name(sc, index)
            card.cost = cost_line(action)
            card.odds = odds_line(s, action)
            card.covert = action.covert
            card.legal = index in legal or index in self.selected
            card.blocked = (
                card.legal
                and index not in self.selected
                and check_orders(s, role, (*self.selected, index)) is not None
            )
            card.selected = self.selected.index(index) + 1 if index in self.selected else 0
            if not card.legal:
                card.note = self.unavailable(index)
            elif card.blocked:
                card.note = self.refusal(index, "", short=True)
            else:
                requirement = requirement_text(sc, index)
                card.note = tr("ui.orders.requires", what=requirement) if requirement else ""
            card.visible = action.category == self.category
        cards = self.category_cards()
        y_row = 0
        for start in range(0, len(cards), columns):
            row = cards[start : start + columns]
            height = max(card.needed_height(p, card_w) for card in row)
            for col, card in enumerate(row):
                self.main_area.place(card, Rect(col * (card_w + gap), y_row, card_w, height))
            y_row += height + gap
        self.main_area.apply()
        # bottom: chosen orders, resources, buttons
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
        return [*self.tabs, *cards, self.give, self.brief_button]

    def resources_text(self) -> str:
        """Action points and capital left after the orders chosen so far."""
        sc = self.match.sc
        role = self.role or 0
        ap = sc.roles[role].action_points
        capital = self.s.capital[role]
        return tr(
            "ui.orders.resources",
            ap_left=ap - sum(sc.actions[a].ap for a in self.selected),
            ap=ap,
            capital_left=capital - sum(sc.actions[a].capital for a in self.selected),
            capital=capital,
        )

    def unavailable(self, index: int) -> str:
        action = self.match.sc.actions[index]
        refused = why_not(self.s, action)
        if refused is not None:
            return reason_text(self.match.sc, refused)
        if action.ap > self.match.sc.roles[self.role or 0].action_points:
            return tr("ui.orders.no_ap")
        return tr("text.not_now")

    def programmes_line(self) -> str:
        if self.role is None:
            return ""
        sc = self.match.sc
        running = [
            f"{action_name(sc, a)} ({tr('text.turns_left', n=left)})"
            for a, _, left in self.s.programmes
            if sc.actions[a].role == self.role
        ]
        return tr("text.programmes", running=", ".join(running)) if running else ""

    def layout_answers(self) -> list[Widget]:
        p = self.p
        t = p.theme
        inner = self.main_inner()
        role = self.role or 0
        y = inner.y + p.line_height("heading") + t.gap
        bottom_h = self.send.preferred_height(p)
        self.main_area.reset(Rect(inner.x, y, inner.width, inner.bottom - bottom_h - t.gap - y))
        self.toggles = []
        self.proposal_blocks: list[
            tuple[int, int, int, str, str]
        ] = []  # (content y, height, term, title, body)
        cy = 0
        width = inner.width - t.px(14)
        m = self.match.sc.model
        bh = self.send.preferred_height(p)
        for term, sender in pending_answers(self.s, role):
            title = tr(
                "text.proposal_from",
                sender=role_name(self.match.sc, sender),
                term=text(m.terms[term].name),
            )
            body = text(m.terms[term].text)
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
            self.main_area.place(accept, Rect(t.px(10), by, aw, bh))
            self.main_area.place(reject, Rect(t.px(10) + aw + t.gap, by, aw, bh))
            self.toggles += [accept, reject]
            self.proposal_blocks.append((cy, block_h, term, title, body))
            cy += block_h + t.gap
        self.main_area.extend(cy)
        self.main_area.apply()
        sw = self.send.preferred_width(p) + t.px(30)
        self.send.rect = Rect(inner.right - sw, inner.bottom - bh, sw, bh)
        bw = self.brief_button.preferred_width(p)
        self.brief_button.rect = Rect(self.send.rect.x - t.gap - bw, inner.bottom - bh, bw, bh)
        self.send.enabled = True
        return [*self.toggles, self.send, self.brief_button]

    def layout_public(self) -> list[Widget]:
        p = self.p
        t = p.theme
        inner = self.main_inner()
        bh = self.next_button.preferred_height(p)
        nw = min(inner.width, self.next_button.preferred_width(p) + t.px(40))
        self.next_button.rect = Rect(inner.right - nw, inner.bottom - bh, nw, bh)
        self.main_area.reset(Rect(inner.x, inner.y, inner.width, inner.bottom - bh - t.gap - inner.y))
        return [self.next_button]

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        surface.fill(pal.bg)
        s = self.s
        sc = s.scenario
        phase = tr(f"phase.{s.phase}")
        center = tr("text.turn_header", turn=min(s.turn, s.turns), turns=s.turns, phase=phase)
        if self.private and self.role is not None and self.match.hot_seat():
            badge, color = (
                tr("ui.badge.private", role=role_name(sc, self.role, short=False)),
                pal.covert,
            )
        elif self.viewer == PUBLIC:
            badge, color = tr("ui.badge.public"), None
        else:
            badge, color = tr("ui.badge.solo", role=role_name(sc, self.viewer)), None
        timer = self.match.timer
        timer_w = pill_width(p, timer)
        draw_top_bar(
            surface,
            p,
            tr("ui.title.game"),
            center,
            badge,
            color,
            self.menu_button.rect.width + t.gap + (timer_w + t.gap if timer_w else 0),
        )
        draw_pill(surface, p, timer, self.menu_button.rect.x - t.gap, top_bar_height(p))
        draw_section_title(
            surface,
            p,
            tr("text.tracks"),
            (self.tracks_rect.x, self.tracks_rect.y),
            self.tracks_rect.width,
        )
        p.panel(surface, self.news_rect, pal.panel)
        draw_section_title(
            surface,
            p,
            tr("text.news"),
            (self.news_rect.x + t.px(10), self.news_rect.y + t.px(8)),
            self.news_rect.width - t.px(20),
        )
        draw_news(surface, p, self.news, self.news_area, self.news_inner)
        labels = [self.match.seat_label(r) for r in range(len(sc.roles))]
        draw_roles(surface, p, s, self.roles_rect, labels, self.viewer)
        p.panel(surface, self.main_rect, pal.panel)
        if self.mode == "orders":
            self.draw_orders(surface)
        elif self.mode == "answers":
            self.draw_answers(surface)
        else:
            self.draw_public(surface)
        self.form.draw(surface, p)
        self.draw_tooltip(surface)
        draw_footer(surface, p, tr(f"ui.play.footer.{self.mode}"))

    def draw_tooltip(self, surface: pygame.Surface) -> None:
        """'Why it moved' for the track under the mouse, or else the one with keyboard focus."""
        form = self.form
        key = form.hover_key if (form.hover_key or "").startswith("track.") else None
        if key is None and (form.focus_key or "").startswith("track."):
            key = form.focus_key
        if key is None:
            return
        row = form.get(key)
        if not isinstance(row, TrackRow):
            return
        bounds = Rect(
            0,
            top_bar_height(self.p),
            surface.get_width(),
            surface.get_height() - top_bar_height(self.p) - footer_height(self.p),
        )
        draw_why(surface, self.p, self.s, row.index, row.rect, bounds)

    def draw_orders(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        inner = self.main_inner()
        role = self.role or 0
        p.draw_text(
            surface,
            tr(
                "ui.orders.title",
                role=role_phrase(self.match.sc, role),
                turn=self.s.turn,
            ),
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
                surface,
                tr("text.no_orders"),
                (self.cards_rect.x, self.cards_rect.y),
                "body",
                pal.dim,
            )
        self.draw_details(surface)
        # resources and the chosen orders
        sc = self.match.sc
        box = self.bottom_text_rect
        y = box.y
        p.draw_text(surface, self.resources_text(), (box.x, y), "body_bold", max_width=box.width)
        y += p.line_height("body_bold")
        if self.stacked:  # the second line goes beside the buttons
            y = self.give.rect.centery - p.line_height("small") // 2
            box = Rect(box.x, y, self.brief_button.rect.x - box.x - t.gap, box.height)
        if self.status:
            p.draw_text(surface, self.status, (box.x, y), "small_bold", pal.worse, max_width=box.width)
        else:
            chosen = "; ".join(action_name(sc, a) for a in self.selected) or tr("ui.orders.none_chosen")
            p.draw_text(
                surface,
                tr("ui.orders.chosen", names=chosen),
                (box.x, y),
                "small",
                pal.dim,
                max_width=box.width,
            )

    def draw_details(self, surface: pygame.Surface) -> None:
        """Everything about the card in focus (or under the mouse): the full text, odds, needs."""
        p = self.p
        t = p.theme
        pal = p.pal
        form = self.form
        key = form.hover_key if (form.hover_key or "").startswith("card.") else form.focus_key
        rect = self.detail_rect
        pygame.draw.line(
            surface, pal.line, (rect.x - t.pad // 2, rect.y), (rect.x - t.pad // 2, rect.bottom), 1
        )
        if not (key or "").startswith("card."):
            p.draw_wrapped(surface, tr("ui.orders.details_hint"), rect, "small", pal.dim)
            return
        index = int((key or "card.0").split(".")[1])
        sc = self.match.sc
        action = sc.actions[index]
        clip = surface.get_clip()
        surface.set_clip(rect)
        y = rect.y
        y += p.draw_wrapped(
            surface, action_name(sc, index), Rect(rect.x, y, rect.width, 400), "heading"
        ) + t.px(2)
        tag = category_name(action.category) + (f"  ·  {tr('ui.covert')}" if action.covert else "")
        p.draw_text(
            surface,
            tag,
            (rect.x, y),
            "small_bold",
            pal.covert if action.covert else pal.dim,
            max_width=rect.width,
        )
        y += p.line_height("small_bold") + t.px(4)
        facts = [tr("ui.orders.cost", cost=cost_line(action))]
        odds = odds_line(self.s, action)
        if odds:
            facts.append(tr("ui.orders.odds", odds=odds))
        requirement = requirement_text(sc, index)
        if requirement:
            facts.append(tr("ui.orders.requires", what=requirement))
        for fact in facts:
            y += p.draw_wrapped(surface, fact, Rect(rect.x, y, rect.width, 400), "small_bold") + t.px(2)
        card = self.cards.get(index)
        if card is not None and not card.legal:
            y += p.draw_wrapped(
                surface,
                tr("ui.orders.unavailable", why=card.note),
                Rect(rect.x, y, rect.width, 400),
                "small_bold",
                pal.worse,
            ) + t.px(2)
        y += t.px(4)
        y += p.draw_wrapped(
            surface,
            action_description(sc, index),
            Rect(rect.x, y, rect.width, rect.bottom - y),
            "small",
        ) + t.px(4)
        tends = action_tends(sc, index)
        if tends and y < rect.bottom:
            y += p.draw_wrapped(
                surface,
                tr("ui.orders.tends", tends=tends),
                Rect(rect.x, y, rect.width, rect.bottom - y),
                "small",
                pal.dim,
            ) + t.px(4)
        risks = sc.model.actions[index].risks if index < len(sc.model.actions) else []
        if risks and y < rect.bottom:
            y += p.draw_wrapped(
                surface,
                f"{tr('text.risks')}: {', '.join(risks)}",
                Rect(rect.x, y, rect.width, rect.bottom - y),
                "small",
                pal.dim,
            )
        if action.covert and y < rect.bottom:
            p.draw_wrapped(
                surface,
                tr("text.covert_note"),
                Rect(rect.x, y + t.px(4), rect.width, rect.bottom - y - t.px(4)),
                "small",
                pal.covert,
            )
        surface.set_clip(clip)

    def draw_answers(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        inner = self.main_inner()
        p.draw_text(
            surface,
            tr("ui.answers.title", role=role_phrase(self.match.sc, self.role or 0)),
            (inner.x, inner.y),
            "heading",
            max_width=inner.width,
        )
        area = self.main_area
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
        if self.status:
            p.draw_text(
                surface,
                self.status,
                (inner.x, self.send.rect.y + t.px(8)),
                "small_bold",
                pal.worse,
                max_width=self.brief_button.rect.x - inner.x - t.gap,
            )

    def draw_public(self, surface: pygame.Surface) -> None:
        """The situation everyone may see: postures, agreements, proposals, and what comes next."""
        p = self.p
        t = p.theme
        pal = p.pal
        s = self.s
        sc = s.scenario
        m = sc.model
        inner = self.main_inner()
        y = inner.y
        y += draw_section_title(surface, p, tr("text.situation"), (inner.x, y), inner.width)
        lines: list[tuple[str, str]] = []
        for posture in sc.postures:
            option = m.postures[posture.index].options[s.postures[posture.index]]
            lines.append((f"{text(m.postures[posture.index].name)}: {text(option.name)}", "body_bold"))
        in_force = [text(m.terms[i].name) for i in range(len(sc.terms)) if s.agreements[i] == AG_IN_FORCE]
        lines.append(
            (
                tr("text.agreements") + ": " + (", ".join(in_force) if in_force else tr("text.none")),
                "body",
            )
        )
        for term, sender, to, _ in s.proposals:
            lines.append(
                (
                    tr(
                        "text.on_table",
                        sender=role_name(sc, sender),
                        term=text(m.terms[term].name),
                        to=role_name(sc, to),
                    ),
                    "body",
                )
            )
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
        limit = self.next_button.rect.y - t.gap
        for value, style in lines:
            if style == "gap":
                y += t.gap
                continue
            if y >= limit:
                break
            y += p.draw_wrapped(surface, value, Rect(inner.x, y, inner.width, limit - y), style) + t.px(4)
        step, role = self.match.next_step()
        hint = ""
        if step in (ANSWER, ORDER) and role is not None:
            hint = tr("ui.public.hint_private")
        elif step == RESOLVE and self.match.table_dice:
            hint = tr("ui.fac.dice.board_hint")
        elif not self.match.humans():
            hint = tr("ui.public.hint_watch")
        if hint and y < limit:
            p.draw_wrapped(
                surface,
                hint,
                Rect(
                    inner.x,
                    y + t.gap,
                    self.next_button.rect.x - inner.x - t.gap
                    if self.next_button.rect.y < y + t.gap + p.line_height("small") * 2
                    else inner.width,
                    limit - y,
                ),
                "small",
                pal.dim,
            )
        if self.match.timer.shown and not self.match.save_error:
            clock = Rect(
                inner.x,
                self.next_button.rect.y,
                self.next_button.rect.x - inner.x - t.gap,
                self.next_button.rect.height,
            )
            draw_countdown(surface, p, self.match.timer, clock)
        if self.match.save_error:
            p.draw_text(
                surface,
                self.match.save_error,
                (inner.x, self.next_button.rect.y + t.px(8)),
                "small",
                pal.worse,
                max_width=self.next_button.rect.x - inner.x - t.gap,
            )
