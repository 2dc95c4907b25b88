"""The participant feedback form on screen: the same questions as the printed kit and the report.

Opened from the end screen ("Feedback form"). Participants fill it in one after another at the
shared screen: their role, an optional name, the ten statements rated 1 to 5 and the open
questions, over three pages. "Save answers" keeps the sheet beside the game's save
(``NAME.feedback.jsonl`` and ``.csv``, see ``game.report.feedback_answers``; the game is saved
under its name first, so the two stay together) and clears the form for the next participant.
``commonground report NAME`` then includes the answers.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pygame

from game.i18n import tr, trn
from game.report.feedback import feedback_form
from game.report.feedback_answers import OPEN_NAMES, RATING_NAMES, Sheet, add_sheet
from game.shells.window import saves
from game.shells.window.app import App, Scene
from game.shells.window.board import draw_footer, draw_top_bar, footer_height, top_bar_height
from game.shells.window.cards import Toggle
from game.shells.window.textinput import TextInput, route_text_input
from game.shells.window.widgets import Button, Widget

Rect = pygame.Rect
PAGES = (tuple(range(0, 5)), tuple(range(5, 10)), ())  # the ratings on each page; the last: questions


def default_save_name(session: object) -> str:
    sc = session.scenario  # type: ignore[attr-defined]
    return session.name or f"{sc.id}-seed{session.seed}-{datetime.date.today():%Y%m%d}"  # type: ignore[attr-defined]


class FeedbackScene(Scene):
    name = "feedback"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        assert app.match is not None
        self.match = app.match
        self.page = 0
        self.status = ""
        self.status_ok = True
        self.form_words = feedback_form()
        self.ratings: dict[str, int] = {}
        self.role = TextInput("fb.role", lambda: self.form_words.fields[0], max_length=80)
        self.person = TextInput("fb.name", lambda: self.form_words.fields[2], max_length=80)
        self.answers = {name: TextInput(f"fb.open.{name}", "", max_length=600) for name in OPEN_NAMES}
        self.points = {
            (name, point): Toggle(f"fb.rate.{name}.{point}", str(point), self._rate(name, point), mark=False)
            for name in RATING_NAMES
            for point in range(1, 6)
        }
        self.back_button = Button("fb.back", lambda: tr("ui.feedback.back"), self.on_back, kind="quiet")
        self.prev_button = Button("fb.prev", lambda: tr("ui.feedback.prev"), self._turn(-1))
        self.next_button = Button("fb.next", lambda: tr("ui.feedback.next"), self._turn(1))
        self.save_button = Button("fb.save", lambda: tr("ui.feedback.save"), self.on_save, kind="primary")
        self.kept = 0
        self.texts: list[tuple[str, Rect, str, str]] = []
        self.status_rect = Rect(0, 0, 0, 0)

    # ------------------------------------------------------------------ actions

    def _rate(self, name: str, point: int) -> Callable[[], None]:
        def rate() -> None:
            if self.ratings.get(name) == point:
                del self.ratings[name]  # a second press takes the answer back
            else:
                self.ratings[name] = point
            self.invalidate()

        return rate

    def _turn(self, step: int) -> Callable[[], None]:
        def turn() -> None:
            self.page = max(0, min(len(PAGES) - 1, self.page + step))
            self.invalidate()

        return turn

    def on_back(self) -> None:
        if self.app.top is self:
            self.app.pop()

    def sheet(self) -> Sheet:
        return Sheet(
            role=self.role.value.strip(),
            name=self.person.value.strip(),
            date=datetime.date.today().isoformat(),
            ratings=dict(self.ratings),
            answers={name: box.value.strip() for name, box in self.answers.items() if box.value.strip()},
        )

    def on_save(self) -> None:
        sheet = self.sheet()
        if not sheet.ratings and not sheet.answers:
            self.status, self.status_ok = tr("ui.feedback.empty"), False
            self.invalidate()
            return
        try:
            path = saves.save_named(self.match.session, default_save_name(self.match.session))
            kept = add_sheet(Path(path) if path is not None else Path("feedback.json"), sheet)
        except (saves.SaveProblem, OSError) as err:
            self.status, self.status_ok = tr("ui.feedback.failed", error=str(err)), False
            self.invalidate()
            return
        self.kept = len(kept.sheets)
        self.status = trn("ui.feedback.saved", self.kept, path=kept.source)
        self.status_ok = True
        self.clear()

    def clear(self) -> None:
        """Ready for the next participant."""
        self.ratings.clear()
        for box in (self.role, self.person, *self.answers.values()):
            box.set("")
        self.page = 0
        self.invalidate()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            return route_text_input(self.form.focused, event)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.on_back()
            return True
        return super().handle(event)

    def enter(self) -> None:
        super().enter()
        try:
            pygame.key.start_text_input()
        except pygame.error:  # pragma: no cover - no video system
            pass

    # ------------------------------------------------------------------ layout

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        self.texts = []
        x, width = t.pad * 3, w - t.pad * 6
        y = top_bar_height(p) + t.pad
        y += self.add(self.form_words.intro, Rect(x, y, width, 0), "body") + t.gap
        bottom = h - footer_height(p) - t.pad
        bh = self.save_button.preferred_height(p)
        widgets: list[Widget] = []
        if self.page == 0:
            y, row = self.layout_fields(x, y, width)
            widgets += row
        if PAGES[self.page]:
            self.add(
                tr("report.feedback.scale", low=self.form_words.scale[0], high=self.form_words.scale[-1]),
                Rect(x, y, width, 0),
                "small",
                "dim",
            )
            y += p.line_height("small") + t.px(8)
            widgets += self.layout_ratings(x, y, width)
        else:
            widgets += self.layout_questions(x, y, width, bottom - bh - t.gap)
        buttons = [self.back_button, self.prev_button, self.next_button, self.save_button]
        bx = w - t.pad * 3
        for button in reversed(buttons):
            bw = button.preferred_width(p) + t.px(12)
            bx -= bw
            button.rect = Rect(bx, bottom - bh, bw, bh)
            bx -= t.gap
        self.prev_button.enabled = self.page > 0
        self.next_button.enabled = self.page < len(PAGES) - 1
        self.status_rect = Rect(x, bottom - bh, max(0, bx - x), bh)
        self.form.set([*widgets, *buttons], [])

    def add(self, value: str, rect: Rect, style: str = "body", color: str = "text") -> int:
        self.texts.append((value, Rect(rect), style, color))
        return self.p.wrapped_height(value, style, rect.width) if value else 0

    def layout_fields(self, x: int, y: int, width: int) -> tuple[int, list[Widget]]:
        p = self.p
        t = p.theme
        half = (width - t.gap) // 2
        ih = self.role.preferred_height(p)
        self.add(self.form_words.fields[0], Rect(x, y, half, 0), "body_bold")
        self.add(self.form_words.fields[2], Rect(x + half + t.gap, y, half, 0), "body_bold")
        y += p.line_height("body_bold") + t.px(4)
        self.role.rect = Rect(x, y, half, ih)
        self.person.rect = Rect(x + half + t.gap, y, half, ih)
        return y + ih + t.pad, [self.role, self.person]

    def layout_ratings(self, x: int, y: int, width: int) -> list[Widget]:
        p = self.p
        t = p.theme
        bw = max(t.px(44), p.line_height("body") * 2)
        boxes_w = 5 * bw + 4 * t.px(6)
        text_w = width - boxes_w - t.gap
        widgets: list[Widget] = []
        for index in PAGES[self.page]:
            rating, name = self.form_words.ratings[index], RATING_NAMES[index]
            label = f"{rating.number}. {rating.text}" + (f" ({rating.objective})" if rating.objective else "")
            th = self.add(label, Rect(x, y, text_w, 0), "body")
            row_h = max(th, self.points[(name, 1)].preferred_height(p))
            for point in range(1, 6):
                toggle = self.points[(name, point)]
                toggle.selected = self.ratings.get(name) == point
                toggle.rect = Rect(x + text_w + t.gap + (point - 1) * (bw + t.px(6)), y, bw, row_h)
                widgets.append(toggle)
            y += row_h + t.px(10)
        return widgets

    def layout_questions(self, x: int, y: int, width: int, bottom: int) -> list[Widget]:
        p = self.p
        t = p.theme
        ih = self.role.preferred_height(p)
        widgets: list[Widget] = []
        for question, name in zip(self.form_words.open_questions, OPEN_NAMES, strict=True):
            if y + ih > bottom:
                break
            y += self.add(question, Rect(x, y, width, 0), "body_bold") + t.px(4)
            self.answers[name].rect = Rect(x, y, width, ih)
            widgets.append(self.answers[name])
            y += ih + t.px(10)
        return widgets

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        pal = p.pal
        surface.fill(pal.bg)
        page = tr("ui.feedback.page", page=self.page + 1, pages=len(PAGES))
        draw_top_bar(surface, p, self.form_words.title, page, "", None, 0)
        colors = {"text": pal.text, "dim": pal.dim}
        for value, rect, style, color in self.texts:
            p.draw_wrapped(surface, value, Rect(rect.x, rect.y, rect.width, 4000), style, colors[color])
        if self.status:
            color = pal.better if self.status_ok else pal.worse
            p.draw_wrapped(surface, self.status, self.status_rect, "small_bold", color, max_lines=2)
        self.form.draw(surface, p)
        draw_footer(surface, p, tr("ui.feedback.footer"))
