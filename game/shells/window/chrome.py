"""The window's frame, shared by every screen: the top bar, the footer of key hints, section titles.

Nothing here knows the game, so the title screen (the first frame) can draw without loading
the engine or a scenario.
"""

from __future__ import annotations

import pygame

from game.shells.window.painter import Painter

Rect = pygame.Rect


def draw_section_title(
    surface: pygame.Surface, p: Painter, label: str, pos: tuple[int, int], width: int
) -> int:
    """A small heading in capitals with a rule under it; returns the height used."""
    t = p.theme
    p.draw_text(surface, label.upper(), pos, "small_bold", p.pal.dim, max_width=width)
    h = p.line_height("small_bold")
    pygame.draw.line(surface, p.pal.line, (pos[0], pos[1] + h + 1), (pos[0] + width, pos[1] + h + 1), 1)
    return h + t.px(6)


def draw_top_bar(
    surface: pygame.Surface,
    p: Painter,
    left: str,
    center: str,
    badge: str,
    badge_color: tuple[int, int, int] | None,
    right_reserved: int,
) -> Rect:
    """The strip along the top: the game and scenario, the turn and phase, whose screen this is."""
    t = p.theme
    pal = p.pal
    h = top_bar_height(p)
    bar = Rect(0, 0, surface.get_width(), h)
    pygame.draw.rect(surface, pal.panel, bar)
    pygame.draw.line(surface, pal.line, (0, h - 1), (bar.width, h - 1), 1)
    y = (h - p.line_height("heading")) // 2
    left_rect = p.draw_text(surface, left, (t.pad, y), "heading", max_width=bar.width // 3)
    x = bar.width - t.pad - right_reserved
    if badge:
        image_w = p.width(badge, "body_bold") + t.px(24)
        badge_rect = Rect(
            x - image_w - t.gap,
            (h - p.line_height("body_bold") - t.px(8)) // 2,
            image_w,
            p.line_height("body_bold") + t.px(8),
        )
        badge_rect.width = min(badge_rect.width, badge_rect.right - left_rect.right - t.px(220))
        if badge_rect.width > t.px(60):
            color = badge_color or pal.panel_hi
            p.panel(surface, badge_rect, color)
            fg = pal.primary_text if badge_color else pal.text
            p.draw_text(
                surface,
                badge,
                (badge_rect.centerx, badge_rect.y + t.px(4)),
                "body_bold",
                fg,
                align="center",
                max_width=badge_rect.width - t.px(12),
            )
            x = badge_rect.x
    center_x = (left_rect.right + x) // 2
    p.draw_text(
        surface,
        center,
        (center_x, y + (p.line_height("heading") - p.line_height("body_bold")) // 2),
        "body_bold",
        align="center",
        max_width=max(40, x - left_rect.right - t.px(20)),
    )
    return bar


def top_bar_height(p: Painter) -> int:
    return p.line_height("heading") + p.theme.px(20)


def footer_height(p: Painter) -> int:
    return p.line_height("small") + p.theme.px(10)


def draw_footer(surface: pygame.Surface, p: Painter, hint: str) -> None:
    h = footer_height(p)
    y = surface.get_height() - h
    pygame.draw.rect(surface, p.pal.panel, Rect(0, y, surface.get_width(), h))
    p.draw_text(
        surface,
        hint,
        (p.theme.pad, y + p.theme.px(5)),
        "small",
        p.pal.dim,
        max_width=surface.get_width() - 2 * p.theme.pad,
    )
