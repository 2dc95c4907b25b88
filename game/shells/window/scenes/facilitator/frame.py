"""The panel's own look, so nobody mistakes it for a team's screen, and the table's progress.

A thick frame and a banner in the covert colour with a hatched end ("not for the teams' eyes"),
and under the section tabs who has decided this turn and who is still deciding - never what
they ordered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import tr
from game.shells.window.board import draw_section_title
from game.shells.window.painter import Painter
from game.story.words import phase_name, role_name

if TYPE_CHECKING:
    from game.session.session import Session

Rect = pygame.Rect
Color = tuple[int, int, int]


def readable_on(color: Color) -> Color:
    """Near-black or white, whichever reads better on ``color``."""
    r, g, b = (c / 255 for c in color)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return (18, 18, 18) if luminance > 0.35 else (255, 255, 255)


def draw_frame(surface: pygame.Surface, p: Painter, box: Rect, banner: Rect) -> None:
    """The frame: another colour, thick, so the panel is never mistaken for a team's screen."""
    t = p.theme
    accent = p.pal.covert
    p.panel(surface, box, p.pal.bg)
    frame = max(3, t.px(4))
    pygame.draw.rect(surface, accent, box, width=frame, border_radius=t.radius)
    pygame.draw.rect(
        surface,
        accent,
        banner,
        border_top_left_radius=t.radius,
        border_top_right_radius=t.radius,
    )
    draw_stripes(surface, p, banner, accent)


def draw_stripes(surface: pygame.Surface, p: Painter, rect: Rect, color: Color) -> None:
    """Diagonal hatching at the banner's right end: a 'restricted' look, not a team's screen."""
    shade = tuple(max(0, c - 28) for c in color)
    t = p.theme
    step = t.px(14)
    start = rect.right - t.px(360)
    clip = surface.get_clip()
    surface.set_clip(Rect(start, rect.y, rect.right - start, rect.height).clip(clip))
    for x in range(start, rect.right + rect.height, step):
        pygame.draw.line(surface, shade, (x, rect.bottom), (x - rect.height, rect.y), max(2, t.px(5)))
    surface.set_clip(clip)


def draw_banner_text(
    surface: pygame.Surface, p: Painter, banner: Rect, close: Rect, session: Session
) -> None:
    """The banner's warning on the left, the turn and phase on the right, before Close."""
    t = p.theme
    fg = readable_on(p.pal.covert)
    p.draw_text(
        surface,
        tr("ui.fac.banner"),
        (banner.x + t.pad, banner.centery - p.line_height("heading") // 2),
        "heading",
        fg,
        max_width=close.x - banner.x - 2 * t.pad - t.px(260),
    )
    s = session.state
    where = tr(
        "text.turn_header",
        turn=min(s.turn, s.turns),
        turns=s.turns,
        phase=phase_name(s.phase),
    )
    p.draw_text(
        surface,
        where,
        (close.x - t.pad, banner.centery - p.line_height("body_bold") // 2),
        "body_bold",
        fg,
        align="right",
        max_width=t.px(280),
    )


def draw_table(surface: pygame.Surface, p: Painter, rect: Rect, session: Session) -> None:
    """Under the sections: who has decided this turn and who is still deciding (no orders)."""
    t = p.theme
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
        room = Rect(rect.x, y, rect.width, rect.bottom - y)
        y += p.draw_wrapped(surface, value, room, style, p.pal.dim) + t.px(6)
