"""Drawing the resolution's steps: headlines, dice against their target, reasons, track chips."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pygame

from game.i18n import tr
from game.scenario.runtime import PART_FAILURE, PART_PARTIAL, PART_SUCCESS
from game.shells.window.scenes.resolution.steps import DICE_SECONDS, Step

if TYPE_CHECKING:
    from game.shells.window.scenes.resolution.scene import ResolutionScene

Rect = pygame.Rect


def draw_steps(self: ResolutionScene, surface: pygame.Surface) -> None:
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
            y = draw_dice(self, surface, step, x, y + t.px(4), width)
        if step.worn:
            y += p.draw_wrapped(surface, step.worn, Rect(x, y, width, 2000), "small", pal.worse)
        if step.reason:
            y += p.draw_wrapped(surface, self.reason_text(step), Rect(x, y, width, 2000), "small", pal.dim)
        rolling = step.dice is not None and self.time - step.start < DICE_SECONDS
        if step.moves and not rolling:  # the dice decide the effects: show them after
            draw_chips(self, surface, step, x, y, width)
    surface.set_clip(clip)
    area.draw_scrollbar(surface, p)


def draw_dice(self: ResolutionScene, surface: pygame.Surface, step: Step, x: int, y: int, width: int) -> int:
    p = self.p
    t = p.theme
    pal = p.pal
    assert step.dice is not None
    dice = step.dice
    d1, d2, modifier, total, part = dice.d1, dice.d2, dice.modifier, dice.total, dice.part
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
        sum_text = tr(
            "ui.w.dice.sum",
            d1=d1,
            d2=d2,
            modifier=f" {modifier:+d}" if modifier else "",
            total=total,
            target=dice.target,
        )
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
    if step.bands:
        y += p.draw_wrapped(surface, step.bands, Rect(x, y, width, 2000), "small", pal.dim)
    if step.check_text and not rolling:
        y += p.draw_wrapped(surface, step.check_text, Rect(x, y, width, 2000), "small", pal.dim)
    elif step.check_text:
        y += p.wrapped_height(step.check_text, "small", width)
    return y


def draw_chips(
    self: ResolutionScene, surface: pygame.Surface, step: Step, x0: int, y: int, width: int
) -> None:
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
