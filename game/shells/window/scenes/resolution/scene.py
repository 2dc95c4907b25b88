"""The resolution: orders revealed in order, dice rolled, tracks moving, consequences as headlines.

Everything comes from the facts of the turn (``steps``), seen through the viewer's redacted
state, so a covert order appears only if it was exposed. The animation is a pure function of
elapsed time: Space, Enter or a click skips to the end, and with animations off the whole turn
is shown at once.
"""

from __future__ import annotations

import random

import pygame

from game.engine import PUBLIC
from game.i18n import text, tr
from game.shells.window.app import App, Scene
from game.shells.window.board import (
    TrackRow,
    draw_footer,
    draw_section_title,
    draw_top_bar,
    draw_why,
    footer_height,
    place_rows,
    top_bar_height,
    visible_tracks,
)
from game.shells.window.scenes.resolution.draw import draw_steps
from game.shells.window.scenes.resolution.steps import DICE_SECONDS, Step, build_steps
from game.shells.window.widgets import Button, ScrollArea
from game.story.outlook import baseline, marks_on, near_endings, risk_labels
from game.story.words import computer_reason, role_name

Rect = pygame.Rect
MOVE_SECONDS = 0.45


class ResolutionScene(Scene):
    name = "resolution"

    def __init__(self, app: App, shown_from: int, seed: int = 7) -> None:
        super().__init__(app)
        assert app.match is not None
        self.match = app.match
        self.viewer = self.match.viewer() if len(self.match.humans()) == 1 else PUBLIC
        self.s = self.match.view(self.viewer)
        computer = [not seat.human for seat in self.match.session.seats]
        self.steps, self.start = build_steps(self.s, self.match.session.moves, shown_from, computer)
        self.total = self.steps[-1].start + self.steps[-1].duration if self.steps else 0.0
        self.time = 0.0 if app.settings.animations else self.total
        self.random = random.Random(seed)  # only for the dice tumbling on screen
        self.rows: dict[int, TrackRow] = {}
        self.track_area = ScrollArea()
        self.list_area = ScrollArea()
        self.follow = True
        self.proceed = Button("continue", self.continue_label, self.on_continue, kind="primary")
        self.skip = Button("skip", lambda: tr("ui.resolution.skip"), self.skip_to_end)

    # ------------------------------------------------------------------ timeline

    @property
    def done(self) -> bool:
        return self.time >= self.total

    @property
    def animating(self) -> bool:
        return not self.done

    def update(self, dt: float) -> None:
        if self.done:
            return
        before = self.revealed()
        self.time = min(self.total, self.time + dt)
        if self.done or self.revealed() != before:
            self.invalidate()
        else:
            self.refresh_rows()

    def skip_to_end(self) -> None:
        self.time = self.total
        self.invalidate()

    def revealed(self) -> int:
        return sum(1 for step in self.steps if step.start <= self.time)

    def track_value(self, track: int) -> float:
        value = float(self.start[track])
        for step in self.steps:
            if step.start > self.time:
                break
            progress = min(1.0, (self.time - step.start - (DICE_SECONDS if step.dice else 0)) / MOVE_SECONDS)
            if progress <= 0:
                continue
            eased = 1 - (1 - progress) ** 3
            for index, delta in step.moves:
                if index == track:
                    value += delta * eased
        return value

    def current_moves(self) -> set[int]:
        if self.done:
            return set()
        step = next((st for st in reversed(self.steps) if st.start <= self.time), None)
        return {track for track, _ in step.moves} if step else set()

    def continue_label(self) -> str:
        return (
            tr("ui.resolution.to_end")
            if self.match.session.terminal
            else tr("ui.resolution.next_turn", n=self.match.session.state.turn)
        )

    def on_continue(self) -> None:
        if not self.done:
            self.skip_to_end()
            return
        if self.match.session.terminal or (len(self.match.humans()) == 1):
            self.app.go.advance()
        else:
            self.app.go.board()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                if not self.done:
                    self.skip_to_end()
                    return True
                self.app.go.game_menu()
                return True
            if not self.done and event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER):
                self.skip_to_end()
                return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not self.done:
            if not self.skip.hit(event.pos):
                self.skip_to_end()
                return True
        if event.type == pygame.MOUSEWHEEL:
            self.follow = False
        return super().handle(event)

    # ------------------------------------------------------------------ layout

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        top = top_bar_height(p)
        bottom = h - footer_height(p)
        left_w = max(t.px(300), round(w * 0.33))
        self.tracks_rect = Rect(t.pad, top + t.pad, left_w, bottom - top - 2 * t.pad)
        title_h = p.line_height("small_bold") + t.px(6)
        rows = self.refresh_rows()
        place_rows(
            rows,
            Rect(
                self.tracks_rect.x,
                self.tracks_rect.y + title_h,
                left_w,
                self.tracks_rect.height - title_h,
            ),
            p,
            self.track_area,
        )
        rx = self.tracks_rect.right + t.pad
        self.right = Rect(rx, top + t.pad, w - rx - t.pad, bottom - top - 2 * t.pad)
        bh = self.proceed.preferred_height(p)
        pw = self.proceed.preferred_width(p) + t.px(40)
        self.proceed.rect = Rect(self.right.right - pw, self.right.bottom - bh, pw, bh)
        sw = self.skip.preferred_width(p)
        self.skip.rect = Rect(self.proceed.rect.x - t.gap - sw, self.right.bottom - bh, sw, bh)
        self.skip.visible = not self.done
        list_rect = Rect(
            self.right.x,
            self.right.y + title_h,
            self.right.width,
            self.right.height - title_h - bh - t.gap,
        )
        self.layout_steps(list_rect)
        buttons = [self.skip, self.proceed] if not self.done else [self.proceed]
        self.form.set(buttons + rows, [self.list_area, self.track_area])
        if self.done and self.form.focus_key in (None, "skip"):
            self.form.focus_key = "continue"

    def refresh_rows(self) -> list[TrackRow]:
        """Each track at its value at this moment of the animation."""
        rows = []
        moving = self.current_moves()
        seen = baseline(self.s)  # the one baseline: the board the roles last saw
        near = {mark.track for ending in near_endings(self.s) for mark, _ in ending.marks}
        for index in visible_tracks(self.s):
            row = self.rows.get(index) or self.rows.setdefault(index, TrackRow(index))
            model = self.s.scenario.model.tracks[index]
            value = self.track_value(index)
            row.set(text(model.name), model.good, value, seen[index], round(value) - seen[index])
            row.marks = tuple(sorted({mark.at for mark in marks_on(self.s.scenario, index)}))
            row.near = self.done and index in near
            row.flash = 1.0 if index in moving else 0.0
            rows.append(row)
        return rows

    def layout_steps(self, rect: Rect) -> None:
        p = self.p
        t = p.theme
        area = self.list_area
        keep = area.offset
        area.reset(rect)
        width = rect.width - t.px(40)
        y = 0
        shown = self.revealed()
        for step in self.steps[:shown]:
            h = 0
            if step.text:
                h += p.wrapped_height(self.step_text(step), "body_bold" if step.major else "body", width)
            if step.dice:
                h += max(t.px(34), p.line_height("body")) + t.px(6)
                h += p.wrapped_height(step.check_text, "small", width) if step.check_text else 0
                h += p.wrapped_height(step.bands, "small", width) if step.bands else 0
            if step.worn:
                h += p.wrapped_height(step.worn, "small", width)
            if step.reason:
                h += p.wrapped_height(self.reason_text(step), "small", width)
            if step.moves:
                h += self.chips_height(step, width)
            step.y, step.height = y, h
            y += h + t.px(10)
        area.extend(y)
        area.offset = area.max_offset if self.follow else keep
        area.apply()

    def step_text(self, step: Step) -> str:
        return step.text + (f"  ({risk_labels(self.s.scenario, step.risks)})" if step.risks else "")

    def reason_text(self, step: Step) -> str:
        sc = self.match.sc
        return computer_reason(sc, sc.actions[step.action].role, step.action, step.reason)

    def chips(self, step: Step) -> list[tuple[str, int, str]]:
        model = self.s.scenario.model.tracks
        merged: dict[int, int] = {}
        for track, delta in step.moves:
            if not model[track].hidden:
                merged[track] = merged.get(track, 0) + delta
        return [
            (text(model[track].name), delta, model[track].good) for track, delta in merged.items() if delta
        ]

    def chips_height(self, step: Step, width: int) -> int:
        p = self.p
        t = p.theme
        line = p.line_height("small_bold") + t.px(6)
        x, rows = 0, 1
        for name, delta, _ in self.chips(step):
            w = p.width(name, "small") + p.change_width(delta) + t.px(22)
            if x and x + w > width:
                rows += 1
                x = 0
            x += w + t.px(6)
        return rows * line if self.chips(step) else 0

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        pal = p.pal
        surface.fill(pal.bg)
        record = self.s.history[-1]
        badge = (
            tr("ui.badge.public")
            if self.viewer == PUBLIC
            else tr("ui.w.badge.solo", role=role_name(self.match.sc, self.viewer))
        )
        draw_top_bar(surface, p, tr("ui.title.game"), tr("text.resolution", turn=record.turn), badge, None, 0)
        draw_section_title(
            surface,
            p,
            tr("text.tracks"),
            (self.tracks_rect.x, self.tracks_rect.y),
            self.tracks_rect.width,
        )
        draw_section_title(
            surface, p, tr("ui.resolution.revealed"), (self.right.x, self.right.y), self.right.width
        )
        draw_steps(self, surface)
        self.form.draw(surface, p)
        hovered = self.form.hovered or self.form.focused
        if isinstance(hovered, TrackRow) and self.done:
            bounds = Rect(
                0,
                top_bar_height(p),
                surface.get_width(),
                surface.get_height() - top_bar_height(p) - footer_height(p),
            )
            draw_why(surface, p, self.s, hovered.index, hovered.rect, bounds)
        draw_footer(
            surface,
            p,
            tr("ui.resolution.footer") if not self.done else tr("ui.resolution.footer_done"),
        )
