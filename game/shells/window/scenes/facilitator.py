"""The facilitator's panel (F9, or Facilitator in the menu): run the session from one place.

Inject an event from the deck or write one; adjudicate (move a track with a written reason);
enter the dice the table rolled; pause; undo; set and run the deliberation timer. Every
decision is the session's own operation, so it lands in the log with its reason, in the save
and in the report (see ``game.shells.window.decisions``).

The panel is an overlay with its own look - a banner "Facilitator - not for the teams' eyes"
and a frame in another colour - so nobody mistakes it for the teams' screen. It reads the game
as the facilitator sees it, but a covert order still shows only as "a secret order of ..."
until the facilitator chooses to reveal it here; and closing the panel returns to the screen
below, which draws from its own (public or role) view as before.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.engine import FACILITATOR, State
from game.i18n import text, tr, trn
from game.shells.window import decisions
from game.shells.window.app import App, Scene
from game.shells.window.board import draw_section_title, visible_tracks
from game.shells.window.cards import Toggle
from game.shells.window.deliberation import MINUTES
from game.shells.window.facwidgets import DieField, ListRow, StepChoice
from game.shells.window.scenes.dialogs import ConfirmDialog
from game.shells.window.textinput import TextInput, route_text_input
from game.shells.window.widgets import Button, Choice, ScrollArea, Widget
from game.story.words import odds_line, role_name

Rect = pygame.Rect
Color = tuple[int, int, int]
SECTIONS = ("inject", "custom", "adjudicate", "dice", "timer", "undo")
CHANGES = tuple(range(-25, 26))
TextSource = str | Callable[[], str]


def toggle_panel(app: App) -> None:
    """F9: open the panel over the current screen, or close it."""
    top = app.top
    if isinstance(top, FacilitatorScene):
        top.close()
        return
    if app.match is None or app.find(FacilitatorScene) is not None:
        return  # no game, or one of the panel's own confirmations is open
    app.push(FacilitatorScene(app))


def readable_on(color: Color) -> Color:
    """Near-black or white, whichever reads better on ``color``."""
    r, g, b = (c / 255 for c in color)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return (18, 18, 18) if luminance > 0.35 else (255, 255, 255)


def change_label(delta: int) -> str:
    return f"{delta:+d}" if delta else "0"


class FacilitatorScene(Scene):
    overlay = True
    name = "facilitator"

    def __init__(self, app: App, section: str = "inject") -> None:
        super().__init__(app)
        assert app.match is not None
        self.match = app.match
        self.section = section
        self.reveal = False  # covert orders by name in the dice list
        self.status = ""
        self.status_ok = True
        self.texts: list[tuple[TextSource, Rect, str, str]] = []
        self.box = Rect(0, 0, 0, 0)
        self.banner = Rect(0, 0, 0, 0)
        self.content = Rect(0, 0, 0, 0)
        self.status_rect = Rect(0, 0, 0, 0)
        self.tabs = [
            Toggle(f"section.{name}", tr(f"ui.fac.section.{name}"), self._go(name), mark=False)
            for name in SECTIONS
        ]
        self.pause_button = Button("pause", lambda: tr("ui.fac.pause"), self.on_pause)
        self.close_button = Button("close", lambda: tr("ui.fac.close"), self.close, kind="quiet")
        sc = self.match.sc
        # inject from the deck
        self.event = 0
        self.event_area = ScrollArea()
        self.event_rows = [
            ListRow(f"event.{i}", text(e.headline), "", self._pick_event(i))
            for i, e in enumerate(sc.model.events)
        ]
        self.inject_reason = TextInput(
            "inject.reason", lambda: tr("ui.fac.reason_placeholder"), on_submit=self.on_inject
        )
        self.inject_button = Button(
            "inject.go", lambda: tr("ui.fac.inject.go"), self.on_inject, kind="primary"
        )
        # a custom inject
        self.headline = TextInput("custom.headline", lambda: tr("ui.fac.custom.placeholder"), max_length=160)
        self.custom_area = ScrollArea()
        self.custom_changes = {
            i: StepChoice(
                f"custom.track.{i}",
                lambda i=i: self.track_label(i),
                [(d, change_label(d)) for d in CHANGES],
                0,
                lambda _value: self.invalidate(),
                tone=lambda value, i=i: self.tone(i, value),
            )
            for i in range(len(sc.model.tracks))
        }
        self.custom_button = Button(
            "custom.go", lambda: tr("ui.fac.custom.go"), self.on_custom, kind="primary"
        )
        self.custom_clear = Button("custom.clear", lambda: tr("ui.fac.custom.clear"), self.on_clear)
        # adjudicate
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
        # dice
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
        self.dice_fields: dict[tuple[int, int], tuple[DieField, DieField, Button]] = {}
        self.dice_rows: list[tuple[int, int]] = []
        # timer
        self.minutes = Choice(
            "timer.minutes",
            lambda: tr("ui.fac.timer.minutes"),
            [(m, str(m)) for m in MINUTES],
            self.match.timer.minutes,
            self.on_minutes,
        )
        self.timer_toggle = Button("timer.start", self.timer_label, self.on_timer_toggle, kind="primary")
        self.timer_restart = Button("timer.restart", lambda: tr("ui.fac.timer.restart"), self.on_restart)
        self.timer_add = Button("timer.add", lambda: tr("ui.fac.timer.add"), self.on_add_minute)
        # undo
        self.undo_last_button = Button("undo.last", lambda: tr("ui.fac.undo.last"), self.on_undo_last)
        self.undo_turn_button = Button("undo.turn", self.undo_turn_label, self.on_undo_turn)

    # ------------------------------------------------------------------ reading the game

    @property
    def session(self):  # noqa: ANN201 - the match's Session
        return self.match.session

    def state(self) -> State:
        return self.session.view(FACILITATOR)

    @property
    def over(self) -> bool:
        return self.session.terminal

    # ------------------------------------------------------------------ opening and closing

    def enter(self) -> None:
        super().enter()
        try:
            pygame.key.start_text_input()  # typed characters arrive as TEXTINPUT events
        except pygame.error:  # pragma: no cover - no video system
            pass

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop()

    def _go(self, section: str) -> Callable[[], None]:
        def go() -> None:
            self.section = section
            self.status = ""
            self.invalidate()

        return go

    def report(self, outcome: decisions.Outcome) -> None:
        self.status = outcome.message
        self.status_ok = outcome.ok
        self.invalidate()

    def after_decision(self, outcome: decisions.Outcome) -> None:
        """The game changed: every screen reads it again; an ending goes to the end screen."""
        self.report(outcome)
        if not outcome.ok:
            return
        self.app.refresh()
        if self.over:
            from game.shells.window.flow import advance

            self.close()
            advance(self.app)

    # ------------------------------------------------------------------ actions

    def _pick_event(self, index: int) -> Callable[[], None]:
        def pick() -> None:
            self.event = index
            self.form.focus(self.inject_reason.key)
            self.invalidate()

        return pick

    def on_inject(self) -> None:
        outcome = decisions.inject(self.session, self.event, self.inject_reason.value)
        if outcome.ok:
            self.inject_reason.set("")
        elif not self.inject_reason.value.strip():
            self.form.focus(self.inject_reason.key)  # what is missing: type it here
        self.after_decision(outcome)

    def on_custom(self) -> None:
        changes = {i: int(c.value) for i, c in self.custom_changes.items() if c.value}  # type: ignore[arg-type]
        outcome = decisions.custom_inject(self.session, self.headline.value, changes)
        if outcome.ok:
            self.headline.set("")
            self.on_clear()
        elif not self.headline.value.strip():
            self.form.focus(self.headline.key)
        self.after_decision(outcome)

    def on_clear(self) -> None:
        for choice in self.custom_changes.values():
            choice.set_options(choice.options, 0)
        self.invalidate()

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
            self.form.focus(self.ruling_reason.key)
        self.after_decision(outcome)

    def on_table_dice(self, value: object) -> None:
        self.match.table_dice = bool(value)
        self.app.refresh()
        self.report(decisions.Outcome(True, tr("ui.fac.dice.table_on" if value else "ui.fac.dice.table_off")))

    def on_reveal(self) -> None:
        """Secret orders by name - after a warning, since the panel may be on the projector."""
        if self.reveal:
            self.reveal = False
            self.invalidate()
            return

        def show() -> None:
            self.reveal = True
            self.invalidate()

        self.app.push(
            ConfirmDialog(
                self.app,
                tr("ui.fac.dice.reveal_title"),
                tr("ui.fac.dice.reveal_body"),
                show,
                yes=tr("ui.fac.dice.reveal_yes"),
            )
        )

    def on_die(self, role: int, action: int) -> None:
        d1, d2, _ = self.dice_fields[(role, action)]
        if d1.value and d2.value:
            self.report(decisions.set_dice(self.session, role, action, d1.value, d2.value, self.reveal))
        elif (role, action) in self.session.pending_dice:
            self.report(decisions.clear_dice(self.session, role, action))
        else:
            self.invalidate()

    def on_computer_rolls(self, role: int, action: int) -> None:
        d1, d2, _ = self.dice_fields[(role, action)]
        d1.value = d2.value = 0
        self.report(decisions.clear_dice(self.session, role, action))

    def timer_label(self) -> str:
        timer = self.match.timer
        return tr("ui.fac.timer.stop") if timer.on else tr("ui.fac.timer.start")

    def on_minutes(self, value: object) -> None:
        self.match.timer.set_minutes(int(value))  # type: ignore[call-overload]
        self.app.dirty = True
        self.invalidate()

    def on_timer_toggle(self) -> None:
        timer = self.match.timer
        if timer.on:
            timer.stop()
        else:
            timer.start(self.session.state.turn)
        self.app.refresh()

    def on_restart(self) -> None:
        self.match.timer.restart(self.session.state.turn)
        self.app.refresh()

    def on_add_minute(self) -> None:
        self.match.timer.add(60)
        self.app.refresh()

    def on_pause(self) -> None:
        from game.shells.window.scenes.pause import PauseScene

        self.close()
        if self.app.find(PauseScene) is None:  # opened over the pause screen: it stays paused
            self.app.push(PauseScene(self.app))

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
        dialog = ConfirmDialog(
            self.app, tr("ui.fac.undo.title"), body, lambda: self.rewind(step), yes=tr("ui.fac.undo.yes")
        )
        self.app.push(dialog)

    def pending_note(self) -> str:
        given = decisions.given_this_turn(self.session)
        return (" " + trn("ui.fac.undo.pending", given)) if given else ""

    def rewind(self, step: Callable) -> None:  # noqa: ANN001 - decisions.undo_last / undo_turn
        """Undo, then show the game from the board: the screens below may be out of date."""
        outcome = step(self.session)
        self.close()
        if outcome.ok:
            show_board(self.app)
        self.app.toast(outcome.message)

    # ------------------------------------------------------------------ events

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            return route_text_input(self.form.focused, event)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return super().handle(event)

    # ------------------------------------------------------------------ layout

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        margin = t.pad
        self.box = Rect(margin, margin, w - 2 * margin, h - 2 * margin)
        banner_h = p.line_height("heading") + t.px(18)
        self.banner = Rect(self.box.x, self.box.y, self.box.width, banner_h)
        cw = self.close_button.preferred_width(p)
        ch = self.close_button.preferred_height(p)
        self.close_button.rect = Rect(self.banner.right - t.pad - cw, self.banner.centery - ch // 2, cw, ch)
        # the sections, down the left
        left_w = max(t.px(200), min(t.px(250), round(self.box.width * 0.2)))
        x = self.box.x + t.pad
        y = self.banner.bottom + t.pad
        tab_h = p.line_height("body_bold") + t.px(14)
        for name, tab in zip(SECTIONS, self.tabs, strict=True):
            tab.selected = name == self.section
            tab.label = tr(f"ui.fac.section.{name}")
            tab.rect = Rect(x, y, left_w, tab_h)
            y += tab_h + t.px(6)
        y += t.pad
        self.pause_button.rect = Rect(x, y, left_w, tab_h)
        y += tab_h + t.pad * 2
        self.left_rect = Rect(x, y, left_w, self.box.bottom - t.pad - y)
        # the section's content, and the status line under it
        cx = x + left_w + t.pad * 2
        status_h = p.line_height("small_bold") * 2 + t.px(8)
        self.status_rect = Rect(cx, self.box.bottom - t.pad - status_h, self.box.right - t.pad - cx, status_h)
        self.content = Rect(
            cx,
            self.banner.bottom + t.pad,
            self.box.right - t.pad - cx,
            self.status_rect.y - t.px(6) - (self.banner.bottom + t.pad),
        )
        self.texts = []
        areas: list[ScrollArea] = []
        builder = getattr(self, f"layout_{self.section}")
        widgets: list[Widget] = builder(self.content, areas)
        self.form.set([*self.tabs, self.pause_button, *widgets, self.close_button], areas)

    def add_text(self, value: TextSource, rect: Rect, style: str = "body", color: str = "text") -> int:
        """Text drawn with the section (wrapped inside ``rect``); returns its height."""
        self.texts.append((value, Rect(rect), style, color))
        shown = value() if callable(value) else value
        return self.p.wrapped_height(shown, style, rect.width) if shown else 0

    def button_row(self, buttons: list[Button], rect: Rect, y: int) -> int:
        """Buttons left to right from ``rect.x``; returns the row's height."""
        p = self.p
        x = rect.x
        h = max(b.preferred_height(p) for b in buttons)
        for button in buttons:
            bw = button.preferred_width(p) + p.theme.px(12)
            button.rect = Rect(x, y, bw, h)
            x += bw + p.theme.gap
        return h

    # ------------------------------------------------------------------ sections: layout

    def layout_inject(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        s = self.state()
        title_h = p.line_height("small_bold") + t.px(6)
        list_w = round(rect.width * 0.42)
        self.texts.append(
            (tr("ui.fac.inject.deck"), Rect(rect.x, rect.y, list_w - t.px(12), 0), "section", "")
        )
        view = Rect(rect.x, rect.y + title_h, list_w, rect.height - title_h)
        self.event_area.reset(view)
        row_h = ListRow.height(p)
        for i, row in enumerate(self.event_rows):
            row.selected = i == self.event
            drawn = s.drawn[i]
            risks = ", ".join(self.match.sc.model.events[i].risks)
            row.detail = risks + ("  ·  " + trn("ui.fac.inject.drawn", drawn) if drawn else "")
            self.event_area.place(row, Rect(0, i * (row_h + t.px(4)), list_w - t.px(12), row_h))
        self.event_area.apply()
        areas.append(self.event_area)
        # the chosen event, the reason and the button
        dx = view.right + t.pad
        detail = Rect(dx, rect.y, rect.right - dx, rect.height)
        bh = self.inject_button.preferred_height(p)
        ih = self.inject_reason.preferred_height(p)
        label_h = p.wrapped_height(tr("ui.fac.inject.reason"), "body_bold", detail.width)
        bottom = detail.bottom - bh - t.gap - ih - t.px(4) - label_h
        event = self.match.sc.model.events[self.event]
        y = detail.y
        y += self.add_text(text(event.headline), Rect(dx, y, detail.width, 0), "heading") + t.px(4)
        story = Rect(dx, y, detail.width, max(0, bottom - y - t.gap))
        effects = tr("ui.fac.inject.effects", effects=decisions.event_effects(self.session, self.event))
        risks = f"{tr('text.risks')}: {', '.join(event.risks)}"
        eh = p.wrapped_height(effects, "small", detail.width) + p.line_height("small")
        story.height = max(0, story.height - eh - t.gap)
        if story.height >= p.line_height("body"):  # a very small window: the headline is enough
            self.texts.append((text(event.text), story, "body", "text"))
        y = story.bottom + t.gap
        y += self.add_text(effects, Rect(dx, y, detail.width, eh), "small", "dim")
        self.add_text(risks, Rect(dx, y, detail.width, p.line_height("small")), "small", "dim")
        y = bottom
        self.add_text(tr("ui.fac.inject.reason"), Rect(dx, y, detail.width, 0), "body_bold")
        y += label_h + t.px(4)
        self.inject_reason.rect = Rect(dx, y, detail.width, ih)
        y += ih + t.gap
        bw = self.inject_button.preferred_width(p) + t.px(20)
        self.inject_button.rect = Rect(detail.right - bw, y, bw, bh)
        self.inject_button.enabled = self.inject_reason.enabled = not self.over
        if self.over:
            self.add_text(tr("ui.fac.over"), Rect(dx, y, detail.width - bw - t.gap, bh), "small", "worse")
        return [*self.event_rows, self.inject_reason, self.inject_button]

    def layout_custom(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        s = self.state()
        y = rect.y
        y += self.add_text(tr("ui.fac.custom.title"), Rect(rect.x, y, rect.width, 0), "title")
        y += self.add_text(tr("ui.fac.custom.intro"), Rect(rect.x, y, rect.width, 0), "small", "dim")
        y += t.gap
        y += self.add_text(tr("ui.fac.custom.headline"), Rect(rect.x, y, rect.width, 0), "body_bold")
        y += t.px(4)
        ih = self.headline.preferred_height(p)
        self.headline.rect = Rect(rect.x, y, rect.width, ih)
        y += ih + t.pad
        self.texts.append((tr("ui.fac.custom.changes"), Rect(rect.x, y, rect.width, 0), "section", ""))
        y += p.line_height("small_bold") + t.px(8)
        bh = self.custom_button.preferred_height(p)
        view = Rect(rect.x, y, rect.width, rect.bottom - bh - t.gap - y)
        self.custom_area.reset(view)
        tracks = visible_tracks(s) + [i for i in range(len(s.tracks)) if i not in set(visible_tracks(s))]
        columns = 2 if rect.width >= t.px(620) else 1
        cw = (rect.width - t.px(12) - t.gap * (columns - 1)) // columns
        row_h = p.line_height("body") + t.px(14)
        choices = []
        for n, index in enumerate(tracks):
            choice = self.custom_changes[index]
            col, row = n % columns, n // columns
            self.custom_area.place(choice, Rect(col * (cw + t.gap), row * (row_h + t.px(4)), cw, row_h))
            choices.append(choice)
        self.custom_area.apply()
        areas.append(self.custom_area)
        by = rect.bottom - bh
        self.button_row([self.custom_button, self.custom_clear], rect, by)
        self.custom_button.enabled = not self.over
        return [self.headline, *choices, self.custom_button, self.custom_clear]

    def tone(self, track: object, delta: object) -> Color | None:
        """Better (blue) or worse (orange) for this track, as on the board."""
        if track is None or not delta:
            return None
        good = self.match.sc.model.tracks[int(track)].good  # type: ignore[call-overload]
        return self.p.change_color(int(delta), good)  # type: ignore[call-overload]

    def track_label(self, index: int) -> str:
        s = self.session.state
        return f"{text(s.scenario.model.tracks[index].name)} ({s.tracks[index]})"

    def layout_adjudicate(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        s = self.state()
        sc = s.scenario
        y = rect.y
        y += self.add_text(tr("ui.fac.adjudicate.title"), Rect(rect.x, y, rect.width, 0), "title")
        y += self.add_text(tr("ui.fac.adjudicate.intro"), Rect(rect.x, y, rect.width, 0), "small", "dim")
        y += t.gap
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
            return tr("ui.fac.adjudicate.preview_none", track=name, value=before)
        return tr("ui.fac.adjudicate.preview", track=name, before=before, after=after)

    def layout_dice(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        session = self.session
        y = rect.y
        y += self.add_text(tr("ui.fac.dice.title"), Rect(rect.x, y, rect.width, 0), "title")
        y += self.add_text(tr("ui.fac.dice.intro"), Rect(rect.x, y, rect.width, 0), "small", "dim")
        y += t.gap
        row_h = p.line_height("body") + t.px(16)
        self.table_dice.rect = Rect(rect.x, y, min(rect.width, t.px(640)), row_h)
        y += row_h + t.gap
        self.reveal_button.selected = self.reveal
        self.reveal_button.label = tr("ui.fac.dice.hide" if self.reveal else "ui.fac.dice.reveal")
        self.button_row([self.reveal_button], rect, y)
        y += self.reveal_button.rect.height + t.pad
        rows = decisions.orders_with_checks(session)
        self.dice_rows = rows
        view = Rect(rect.x, y, rect.width, rect.bottom - y)
        self.dice_area.reset(view)
        areas.append(self.dice_area)
        widgets: list[Widget] = [self.table_dice, self.reveal_button]
        if not rows:
            none = "ui.fac.dice.none_all_in" if session.ready_to_resolve() else "ui.fac.dice.none"
            self.add_text(tr(none), view, "body", "dim")
            return widgets
        die = p.line_height("heading") + t.px(16)
        line_h = max(die, p.line_height("body_bold") + p.line_height("small")) + t.px(12)
        s = self.session.state
        for n, (role, action) in enumerate(rows):
            fields = self.dice_fields.get((role, action))
            if fields is None:
                d1, d2 = session.pending_dice.get((role, action), (0, 0))
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
            first, second, clear = fields
            top = n * (line_h + t.px(4))
            cw = clear.preferred_width(p)
            ch = clear.preferred_height(p)
            right = view.width - t.px(14)
            clear_rect = Rect(right - cw, top + (line_h - ch) // 2, cw, ch)
            second_rect = Rect(clear_rect.x - t.pad - die, top + (line_h - die) // 2, die, die)
            first_rect = Rect(second_rect.x - t.gap - die, second_rect.y, die, die)
            self.dice_area.place(first, first_rect)
            self.dice_area.place(second, second_rect)
            self.dice_area.place(clear, clear_rect)
            clear.enabled = (role, action) in session.pending_dice
            label = decisions.order_label(session, role, action, self.reveal)
            covert = s.scenario.actions[action].covert and not self.reveal
            entered = session.pending_dice.get((role, action))
            detail = (
                tr("ui.fac.dice.entered", d1=entered[0], d2=entered[1], total=sum(entered))
                if entered
                else tr("ui.fac.dice.computer_note")
            )
            if not covert:
                detail = odds_line(s, s.scenario.actions[action]) + "  ·  " + detail
            label_w = first_rect.x - t.pad
            self.texts.append((label, Rect(0, top + t.px(6), label_w, 0), "row_title", f"dice:{n}"))
            self.texts.append((detail, Rect(0, top + t.px(6), label_w, 0), "row_detail", f"dice:{n}"))
            widgets += [first, second, clear]
        self.dice_area.extend(len(rows) * (line_h + t.px(4)))
        self.dice_area.apply()
        return widgets

    def layout_timer(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        y = rect.y
        y += self.add_text(tr("ui.fac.timer.title"), Rect(rect.x, y, rect.width, 0), "title")
        y += self.add_text(tr("ui.fac.timer.intro"), Rect(rect.x, y, rect.width, 0), "small", "dim")
        y += t.gap
        row_h = p.line_height("body") + t.px(16)
        self.minutes.rect = Rect(rect.x, y, min(rect.width, t.px(480)), row_h)
        y += row_h + t.pad
        self.texts.append((self.match.timer.text, Rect(rect.x, y, rect.width, 0), "display", "timer"))
        y += p.line_height("display") + t.px(2)
        y += self.add_text(self.timer_state, Rect(rect.x, y, rect.width, 0), "body", "dim") + t.pad
        self.button_row([self.timer_toggle, self.timer_restart, self.timer_add], rect, y)
        enabled = not self.over
        for button in (self.timer_toggle, self.timer_restart, self.timer_add):
            button.enabled = enabled
        return [self.minutes, self.timer_toggle, self.timer_restart, self.timer_add]

    def timer_state(self) -> str:
        timer = self.match.timer
        if timer.expired:
            return tr("ui.fac.timer.state_up")
        if timer.on:
            return tr("ui.fac.timer.state_on", turn=self.session.state.turn)
        return tr("ui.fac.timer.state_off")

    def layout_undo(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        p = self.p
        t = p.theme
        session = self.session
        y = rect.y
        y += self.add_text(tr("ui.fac.undo.title"), Rect(rect.x, y, rect.width, 0), "title")
        y += self.add_text(tr("ui.fac.undo.intro"), Rect(rect.x, y, rect.width, 0), "small", "dim")
        y += t.pad
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

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        accent = pal.covert
        # The frame: another colour, thick, so the panel is never mistaken for a team's screen.
        p.panel(surface, self.box, pal.bg)
        frame = max(3, t.px(4))
        pygame.draw.rect(surface, accent, self.box, width=frame, border_radius=t.radius)
        pygame.draw.rect(
            surface,
            accent,
            self.banner,
            border_top_left_radius=t.radius,
            border_top_right_radius=t.radius,
        )
        self.draw_stripes(surface, self.banner, accent)
        fg = readable_on(accent)
        p.draw_text(
            surface,
            tr("ui.fac.banner"),
            (self.banner.x + t.pad, self.banner.centery - p.line_height("heading") // 2),
            "heading",
            fg,
            max_width=self.close_button.rect.x - self.banner.x - 2 * t.pad - t.px(260),
        )
        s = self.session.state
        where = tr(
            "text.turn_header",
            turn=min(s.turn, s.turns),
            turns=s.turns,
            phase=tr(f"phase.{s.phase}"),
        )
        p.draw_text(
            surface,
            where,
            (
                self.close_button.rect.x - t.pad,
                self.banner.centery - p.line_height("body_bold") // 2,
            ),
            "body_bold",
            fg,
            align="right",
            max_width=t.px(280),
        )
        # the line between the sections and the content
        x = self.content.x - t.pad
        pygame.draw.line(surface, pal.line, (x, self.content.y), (x, self.box.bottom - t.pad), 1)
        self.draw_table(surface)
        self.draw_texts(surface)
        if self.status:
            p.draw_wrapped(
                surface,
                self.status,
                self.status_rect,
                "small_bold",
                pal.better if self.status_ok else pal.worse,
                max_lines=2,
            )
        self.form.draw(surface, p)

    def draw_table(self, surface: pygame.Surface) -> None:
        """Under the sections: who has decided this turn and who is still deciding (no orders)."""
        p = self.p
        t = p.theme
        pal = p.pal
        rect = self.left_rect
        session = self.session
        sc = session.scenario
        y = rect.y
        y += draw_section_title(surface, p, tr("ui.fac.table.title"), rect.topleft, rect.width)
        lines: list[tuple[str, str]] = []
        if not session.terminal:
            waiting = session.roles_to_answer() or session.roles_to_order()
            done = sorted(set(session.pending_orders) | set(session.pending_answers))
            humans = [r for r in done if session.seats[r].human]
            names = ", ".join(role_name(sc, r) for r in humans) or tr("text.none")
            lines.append((tr("ui.fac.table.given", roles=names), "small"))
            names = ", ".join(role_name(sc, r) for r in waiting) or tr("text.none")
            lines.append((tr("ui.fac.table.waiting", roles=names), "small"))
        lines.append((tr("ui.fac.table.keys"), "small"))
        for value, style in lines:
            if y >= rect.bottom:
                break
            y += p.draw_wrapped(
                surface, value, Rect(rect.x, y, rect.width, rect.bottom - y), style, pal.dim
            ) + t.px(6)

    def draw_stripes(self, surface: pygame.Surface, rect: Rect, color: Color) -> None:
        """Diagonal hatching at the banner's right end: a 'restricted' look, not a team's screen."""
        shade = tuple(max(0, c - 28) for c in color)
        t = self.p.theme
        step = t.px(14)
        start = rect.right - t.px(360)
        clip = surface.get_clip()
        surface.set_clip(Rect(start, rect.y, rect.right - start, rect.height).clip(clip))
        for x in range(start, rect.right + rect.height, step):
            pygame.draw.line(surface, shade, (x, rect.bottom), (x - rect.height, rect.y), max(2, t.px(5)))
        surface.set_clip(clip)

    def draw_texts(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        colors = {"text": pal.text, "dim": pal.dim, "worse": pal.worse, "better": pal.better}
        for value, rect, style, color in self.texts:
            shown = value() if callable(value) else value
            if not shown:
                continue
            if style == "section":
                draw_section_title(surface, p, shown, rect.topleft, rect.width)
            elif style in ("row_title", "row_detail"):
                area = self.dice_area
                clip = surface.get_clip()
                surface.set_clip(area.view)
                y = area.y(rect.y) + (p.line_height("body_bold") if style == "row_detail" else 0)
                if style == "row_title":
                    n = int(color.split(":")[1])
                    role, action = self.dice_rows[n]
                    box = Rect(
                        area.view.x,
                        area.y(rect.y) - t.px(6),
                        area.view.width - t.px(14),
                        self._dice_line_h(),
                    )
                    secret = self.session.scenario.actions[action].covert
                    p.panel(surface, box, pal.panel, pal.covert if secret else pal.line)
                p.draw_text(
                    surface,
                    shown,
                    (area.view.x + t.px(10), y),
                    "body_bold" if style == "row_title" else "small",
                    pal.text if style == "row_title" else pal.dim,
                    max_width=rect.width - t.px(10),
                )
                surface.set_clip(clip)
            elif color == "timer":
                timer = self.match.timer
                tone = pal.worse if timer.expired or (timer.on and timer.left <= 60) else pal.text
                p.draw_text(
                    surface,
                    shown if not timer.expired else tr("ui.timer.up"),
                    rect.topleft,
                    style,
                    tone,
                )
            elif rect.height:
                p.draw_wrapped(surface, shown, rect, style, colors.get(color, pal.text))
            else:
                p.draw_wrapped(
                    surface,
                    shown,
                    Rect(rect.x, rect.y, rect.width, 4000),
                    style,
                    colors.get(color, pal.text),
                )

    def _dice_line_h(self) -> int:
        p = self.p
        t = p.theme
        die = p.line_height("heading") + t.px(16)
        return max(die, p.line_height("body_bold") + p.line_height("small")) + t.px(12)


def show_board(app: App) -> None:
    """After an undo: the public board at a shared screen (the solo player's screen in solo)."""
    from game.shells.window.flow import advance
    from game.shells.window.scenes.play import PlayScene

    match = app.match
    assert match is not None
    if match.session.terminal:
        advance(app)
    elif match.hot_seat() or not match.humans():
        app.reset(PlayScene(app, "public", None))
    else:
        advance(app)
