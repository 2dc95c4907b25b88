"""The end screen's outcome tab: the ending's story, common ground, each role's score against
its threshold and each objective's measure; and the tracks tab: each track over the game."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import State, result
from game.engine.scoring import RoleScore
from game.i18n import text, tr
from game.shells.window.board import draw_section_title, visible_tracks
from game.shells.window.scenes.end.facts import EndFacts
from game.story.words import role_name

if TYPE_CHECKING:
    from game.shells.window.flow import Match
    from game.shells.window.painter import Painter

Rect = pygame.Rect


def draw_outcome(p: Painter, surface: pygame.Surface, match: Match, rect: Rect) -> int:
    """Scores are the debrief's: read from the whole game, every role's objectives revealed."""
    t = p.theme
    pal = p.pal
    s = match.session.state
    ending = s.scenario.model.endings[s.ending]
    outcome = result(s)
    y = rect.y
    y += p.draw_wrapped(surface, text(ending.name), Rect(rect.x, y, rect.width, 400), "title") + t.px(4)
    y += p.draw_wrapped(surface, text(ending.narrative), Rect(rect.x, y, rect.width, 4000), "body") + t.pad
    common = tr("text.common_ground.yes") if outcome.common_ground else tr("text.common_ground.no")
    color = pal.better if outcome.common_ground else pal.worse
    y += p.draw_wrapped(surface, common, Rect(rect.x, y, rect.width, 400), "heading", color) + t.pad
    y += draw_section_title(surface, p, tr("text.scores"), (rect.x, y), rect.width)
    for role, score in enumerate(outcome.scores):
        y = _score_row(p, surface, match, s, role, score, rect, y)
    return y - rect.y


def _score_row(
    p: Painter,
    surface: pygame.Surface,
    match: Match,
    s: State,
    role: int,
    score: RoleScore,
    rect: Rect,
    y: int,
) -> int:
    t = p.theme
    pal = p.pal
    name_w, bar_w = round(rect.width * 0.3), round(rect.width * 0.25)
    top = y
    name_h = p.draw_wrapped(
        surface, role_name(s.scenario, role, short=False), Rect(rect.x, y, name_w - t.gap, 400), "body_bold"
    )
    seat = match.seat_label(role)
    name_h += p.draw_wrapped(surface, seat, Rect(rect.x, y + name_h, name_w - t.gap, 400), "small", pal.dim)
    bar = Rect(rect.x + name_w, y + t.px(6), bar_w, t.px(14))
    color = pal.better if score.cleared else pal.worse
    _score_bar(p, surface, bar, score, color)
    label = tr("ui.end.score", score=score.score, threshold=score.threshold)
    lr = p.draw_text(surface, label, (bar.right + t.pad, y), "body_bold")
    icon = Rect(lr.right + t.gap, y, lr.height, lr.height)
    (p.check_mark if score.cleared else p.cross)(surface, icon, color)
    cleared = tr("ui.end.cleared") if score.cleared else tr("ui.end.not_cleared")
    p.draw_text(surface, cleared, (icon.right + t.px(4), y), "body", color)
    oy = y + p.line_height("body_bold") + t.px(6)
    ox = rect.x + name_w
    objectives = s.scenario.model.roles[role].objectives
    for objective, value in zip(objectives, score.objectives, strict=True):
        line = f"{text(objective.text)} {value}"
        oy += p.draw_wrapped(surface, line, Rect(ox, oy, rect.right - ox, 400), "small", pal.dim)
    return max(oy, top + name_h) + t.pad


def _score_bar(p: Painter, surface: pygame.Surface, bar: Rect, score: RoleScore, color: tuple) -> None:
    t = p.theme
    pal = p.pal
    back = pal.panel_hi if pal.name == "dark" else pal.line
    pygame.draw.rect(surface, back, bar, border_radius=bar.height // 2)
    filled = Rect(bar.x, bar.y, round(bar.width * score.score / 100), bar.height)
    pygame.draw.rect(surface, color, filled, border_radius=bar.height // 2)
    mark = bar.x + round(bar.width * score.threshold / 100)
    pygame.draw.line(
        surface, pal.text, (mark, bar.y - t.px(4)), (mark, bar.bottom + t.px(4)), max(2, t.px(2))
    )


def draw_charts(p: Painter, surface: pygame.Surface, s: State, facts: EndFacts, rect: Rect) -> int:
    """Every track over the turns, one small chart each (the same 0-100 scale for all)."""
    t = p.theme
    tracks = visible_tracks(s)
    gap = t.pad
    names = [text(s.scenario.model.tracks[i].name) for i in tracks]
    columns = 2
    for count in (4, 3):  # as many charts a row as leave every track's name whole
        width = (rect.width - gap * (count - 1)) // count - t.px(16)
        if rect.width > t.px(150 * count + 300) and all(
            p.least_width(n, "small_bold") <= width for n in names
        ):
            columns = count
            break
    cw = (rect.width - gap * (columns - 1)) // columns
    ch = max(t.px(110), p.line_height("small_bold") * 2 + t.px(70))
    for i, index in enumerate(tracks):
        col, row = i % columns, i // columns
        cell = Rect(rect.x + col * (cw + gap), rect.y + row * (ch + gap), cw, ch)
        if surface.get_width() > 1:
            _chart(p, surface, s, index, facts.series[index], cell)
    y = rect.y + ((len(tracks) + columns - 1) // columns) * (ch + gap)
    y += p.draw_wrapped(
        surface, tr("ui.end.chart_note"), Rect(rect.x, y, rect.width, 400), "small", p.pal.dim
    )
    return y - rect.y


def _chart(
    p: Painter, surface: pygame.Surface, s: State, index: int, values: tuple[int, ...], cell: Rect
) -> None:
    t = p.theme
    pal = p.pal
    model = s.scenario.model.tracks[index]
    p.panel(surface, cell, pal.panel)
    x = cell.x + t.px(8)
    p.draw_text(
        surface, text(model.name), (x, cell.y + t.px(4)), "small_bold", max_width=cell.width - t.px(16)
    )
    delta = values[-1] - values[0]
    sy = cell.y + t.px(4) + p.line_height("small_bold")
    r = p.draw_text(surface, f"{values[0]} - {values[-1]}", (x, sy), "small", pal.dim)
    p.change(surface, (r.right + t.px(8), sy), delta, model.good, "small_bold")
    top = sy + p.line_height("small") + t.px(4)
    plot = Rect(x, top, cell.width - t.px(16), cell.bottom - t.px(8) - top)
    if plot.height < 10:
        return
    pygame.draw.rect(surface, pal.bg, plot)
    mid = plot.y + plot.height // 2
    pygame.draw.line(surface, pal.line, (plot.x, mid), (plot.right, mid), 1)
    n = max(1, len(values) - 1)
    points = [
        (plot.x + round(plot.width * i / n), plot.bottom - round(plot.height * v / 100))
        for i, v in enumerate(values)
    ]
    color = p.change_color(delta, model.good)
    if len(points) > 1:
        pygame.draw.lines(surface, color, False, points, max(2, t.px(2)))
    for point in points:
        pygame.draw.circle(surface, color, point, max(2, t.px(3)))
