"""The resolution: orders revealed in order, dice rolled, tracks moving, consequences as headlines.

Everything comes from the turn's log (the record the engine wrote), seen through the viewer's
redacted state, so a covert order appears only if it was exposed. The animation is a pure
function of elapsed time: Space, Enter or a click skips to the end, and with animations off
the whole turn is shown at once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pygame

from game.engine import PUBLIC, State
from game.engine.log import L_CHECK, L_ORDER, L_PROPOSAL, L_TRACK
from game.i18n import text, tr
from game.scenario.runtime import PART_FAILURE, PART_PARTIAL, PART_SUCCESS
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
from game.shells.window.widgets import Button, ScrollArea
from game.story.headlines import headline
from game.story.words import action_name, computer_reason, role_name

Rect = pygame.Rect
STEP_SECONDS = 0.75
DICE_SECONDS = 0.8
MOVE_SECONDS = 0.45


@dataclass(slots=True)
class Step:
    """One revealed item: a headline, maybe dice, and the tracks it moved."""

    text: str
    risks: tuple[str, ...] = ()
    major: bool = False
    action: int = -1
    dice: tuple[int, int, int, int, int] | None = None  # d1, d2, modifier, total, part
    check_text: str = ""
    reason: str = ""
    moves: list[tuple[int, int]] = field(default_factory=list)  # (track, delta)
    start: float = 0.0
    duration: float = STEP_SECONDS
    y: int = 0
    height: int = 0


def build_steps(
    s: State, shown_from: int, reasons: dict[tuple[int, int], str]
) -> tuple[list[Step], list[int]]:
    """The turn's entries from ``shown_from`` on, grouped into steps; and the tracks before them."""
    sc = s.scenario
    record = s.history[-1]
    entries = record.entries[shown_from:]
    steps: list[Step] = []
    last_order: tuple[int, int] | None = None  # (role, action) of the latest order revealed
    for entry in entries:
        kind, subject, value, _ = entry
        if kind == L_TRACK:
            if not steps:
                steps.append(Step(""))
            steps[-1].moves.append((subject, value))
            continue
        if kind == L_CHECK:
            d1, d2, modifier, total, part = value[:5]
            item = headline(s, entry)
            if steps and steps[-1].action == subject and steps[-1].dice is None:
                step = steps[-1]
            else:
                step = Step(action_name(sc, subject), action=subject)
                steps.append(step)
            step.dice = (d1, d2, modifier, total, part)
            step.check_text = item.text if item is not None else ""
            step.risks = tuple(dict.fromkeys(step.risks + (item.risks if item else ())))
            continue
        if kind == L_ORDER:
            last_order = (value, subject)
        item = headline(s, entry)
        if item is None or not item.text:
            continue
        step = Step(item.text, item.risks, item.major)
        if kind == L_ORDER or (kind == L_PROPOSAL and last_order is not None):
            # a proposal's headline stands for the order that made it, and carries its reason
            role, index = (value, subject) if kind == L_ORDER else last_order
            step.action = index
            step.reason = reasons.get((role, index), "")
        steps.append(step)
    final = list(record.tracks)
    start = final[:]
    for step in steps:
        for track, delta in step.moves:
            start[track] -= delta
    clock = 0.0
    for step in steps:
        step.start = clock
        step.duration = STEP_SECONDS + (DICE_SECONDS if step.dice else 0.0) + (0.0 if step.text else -0.4)
        clock += step.duration
    return steps, start


class ResolutionScene(Scene):
    name = "resolution"

    def __init__(self, app: App, shown_from: int, seed: int = 7) -> None:
        super().__init__(app)
        assert app.match is not None
        self.match = app.match
        self.viewer = self.match.viewer() if len(self.match.humans()) == 1 else PUBLIC
        self.s = self.match.view(self.viewer)
        reasons = {(role, index): why for role, index, why in self.match.order_reasons(self.s)}
        self.steps, self.start = build_steps(self.s, shown_from, reasons)
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
        for index in visible_tracks(self.s):
            row = self.rows.get(index) or self.rows.setdefault(index, TrackRow(index))
            model = self.s.scenario.model.tracks[index]
            value = self.track_value(index)
            row.set(
                text(model.name),
                model.good,
                value,
                self.start[index],
                round(value) - self.start[index],
            )
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
        return step.text + (f"  ({', '.join(step.risks)})" if step.risks else "")

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
            else tr("ui.badge.solo", role=role_name(self.match.sc, self.viewer))
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
        self.draw_steps(surface)
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

    def draw_steps(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        area = self.list_area
        view = area.view
        clip = surface.get_clip()
        surface.set_clip(view)
        width = view.width - t.px(40)
        x = view.x + t.px(24)
        shown = self.revealed()
        if not self.steps:
            p.draw_text(surface, tr("ui.resolution.nothing"), (x, view.y), "body", pal.dim, max_width=width)
        for i, step in enumerate(self.steps[:shown]):
            y = area.y(step.y)
            if y > view.bottom or y + step.height < view.y:
                continue
            current = i == shown - 1 and not self.done
            if current:
                pygame.draw.rect(
                    surface,
                    pal.panel_hi,
                    Rect(view.x, y - t.px(4), view.width - t.px(10), step.height + t.px(8)),
                    border_radius=t.radius,
                )
            style = "body_bold" if step.major else "body"
            lh = p.line_height(style)
            if step.text:
                if step.major:
                    size = t.px(9)
                    pygame.draw.rect(
                        surface,
                        pal.text,
                        Rect(view.x + t.px(6), y + lh // 2 - size // 2, size, size),
                    )
                else:
                    pygame.draw.circle(surface, pal.text, (view.x + t.px(10), y + lh // 2), max(2, t.px(3)))
                y += p.draw_wrapped(surface, self.step_text(step), Rect(x, y, width, 2000), style)
            if step.dice:
                y = self.draw_dice(surface, step, x, y + t.px(4), width)
            if step.reason:
                y += p.draw_wrapped(
                    surface, self.reason_text(step), Rect(x, y, width, 2000), "small", pal.dim
                )
            rolling = step.dice is not None and self.time - step.start < DICE_SECONDS
            if step.moves and not rolling:  # the dice decide the effects: show them after
                self.draw_chips(surface, step, x, y, width)
        surface.set_clip(clip)
        area.draw_scrollbar(surface, p)

    def draw_dice(self, surface: pygame.Surface, step: Step, x: int, y: int, width: int) -> int:
        p = self.p
        t = p.theme
        pal = p.pal
        assert step.dice is not None
        d1, d2, modifier, total, part = step.dice
        rolling = self.time - step.start < DICE_SECONDS and not self.done
        size = t.px(30)
        if rolling:
            tick = int((self.time - step.start) / 0.08)
            rng = random.Random(tick * 31 + step.action)
            shown = (rng.randint(1, 6), rng.randint(1, 6))
        else:
            shown = (d1, d2)
        p.die(surface, Rect(x, y, size, size), shown[0])
        p.die(surface, Rect(x + size + t.px(6), y, size, size), shown[1])
        tx = x + 2 * size + t.px(16)
        ty = y + (size - p.line_height("body_bold")) // 2
        if rolling:
            p.draw_text(surface, tr("ui.resolution.rolling"), (tx, ty), "body_bold", pal.dim)
        else:
            outcome = {
                PART_SUCCESS: "ui.check.success",
                PART_PARTIAL: "ui.check.partial",
                PART_FAILURE: "ui.check.failure",
            }.get(part, "ui.check.failure")
            sum_text = f"{d1} + {d2}" + (f" {modifier:+d}" if modifier else "") + f" = {total}"
            r = p.draw_text(surface, sum_text, (tx, ty), "body_bold")
            color = pal.better if part == PART_SUCCESS else pal.worse if part == PART_FAILURE else pal.neutral
            label = tr(outcome)
            lw = p.width(label, "body_bold") + t.px(16)
            tag = Rect(r.right + t.px(12), ty - t.px(2), lw, p.line_height("body_bold") + t.px(4))
            pygame.draw.rect(surface, color, tag, border_radius=t.px(5))
            if part == PART_SUCCESS:
                p.check_mark(surface, Rect(tag.right + t.px(6), tag.y, tag.height, tag.height), color)
            elif part == PART_FAILURE:
                p.cross(surface, Rect(tag.right + t.px(6), tag.y, tag.height, tag.height), color)
            p.draw_text(surface, label, (tag.centerx, tag.y + t.px(2)), "body_bold", pal.bg, align="center")
        y += max(size, p.line_height("body")) + t.px(6)
        if step.check_text and not rolling:
            y += p.draw_wrapped(surface, step.check_text, Rect(x, y, width, 2000), "small", pal.dim)
        elif step.check_text:
            y += p.wrapped_height(step.check_text, "small", width)
        return y

    def draw_chips(self, surface: pygame.Surface, step: Step, x0: int, y: int, width: int) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        line = p.line_height("small_bold") + t.px(6)
        x = x0
        for name, delta, good in self.chips(step):
            w = p.width(name, "small") + p.change_width(delta) + t.px(22)
            if x > x0 and x + w > x0 + width:
                x = x0
                y += line
            chip = Rect(x, y, w, line - t.px(4))
            pygame.draw.rect(
                surface,
                pal.panel_hi if pal.name == "dark" else pal.panel,
                chip,
                border_radius=t.px(5),
            )
            r = p.draw_text(surface, name, (x + t.px(8), y + t.px(1)), "small", pal.dim)
            p.change(surface, (r.right + t.px(6), y + t.px(1)), delta, good)
            x += w + t.px(6)
