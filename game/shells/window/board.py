"""The pieces every game screen shares: track bars, 'why it moved', headlines, roles, top bar.

All of them draw a (redacted) state they are given; none changes it. The play screen and the
resolution use the same track column, so a change animated in the resolution lands exactly
where the player will read it next turn.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine import State
from game.i18n import text, tr
from game.shells.window.chrome import (  # noqa: F401 - re-exported: the game screens import the frame from here
    draw_footer,
    draw_section_title,
    draw_top_bar,
    footer_height,
    top_bar_height,
)
from game.shells.window.painter import Painter
from game.shells.window.widgets import ScrollArea, Widget
from game.story.headlines import Headline
from game.story.outlook import baseline
from game.story.why import track_changes

Rect = pygame.Rect


# ----------------------------------------------------------------------------- tracks


class TrackRow(Widget):
    """One track: name, value, this turn's change, and a bar with a mark where it started."""

    def __init__(self, index: int) -> None:
        super().__init__(f"track.{index}")
        self.index = index
        self.name = ""
        self.good = "neutral"
        self.value = 0.0  # may be fractional while animating
        self.before = 0  # where the change shown began
        self.delta = 0
        self.compact = False
        self.bar_height = 9
        self.flash = 0.0  # 0..1, a highlight while the resolution moves this track

    def set(self, name: str, good: str, value: float, before: int, delta: int) -> None:
        self.name, self.good, self.value, self.before, self.delta = name, good, value, before, delta

    def draw(self, surface: pygame.Surface, p: Painter, focused: bool, hovered: bool) -> None:
        pal = p.pal
        t = p.theme
        rect = self.rect
        if hovered or focused or self.flash > 0:
            glow = pal.panel_hi
            pygame.draw.rect(surface, glow, rect, border_radius=t.radius)
        inset = t.px(8)
        lh = p.line_height("body")
        value_text = str(round(self.value))
        change_w = p.change_width(self.delta) if self.delta else 0
        right = rect.right - inset
        value_w = p.width("100", "body_bold")
        if self.compact:
            bar_w = round(rect.width * 0.28)
            bar = Rect(right - bar_w, rect.centery - t.px(5), bar_w, t.px(10))
            slot = bar.x - t.px(10) - p.change_width(-99)
            if self.delta:
                p.change(surface, (slot, rect.centery - lh // 2), self.delta, self.good)
            p.draw_text(
                surface,
                value_text,
                (slot - t.px(8), rect.centery - lh // 2),
                "body_bold",
                align="right",
            )
            name_w = slot - t.px(8) - value_w - t.px(8) - (rect.x + inset)
            p.draw_text(
                surface,
                self.name,
                (rect.x + inset, rect.centery - lh // 2),
                "body",
                max_width=name_w,
            )
        else:
            y = rect.y + (t.px(1) if self.bar_height < t.px(9) else t.px(3))
            if self.delta:
                p.change(
                    surface,
                    (right - change_w, y + (lh - p.line_height("small_bold")) // 2),
                    self.delta,
                    self.good,
                )
            slot = right - p.change_width(-99) - t.px(10)
            p.draw_text(surface, value_text, (slot, y), "body_bold", align="right")
            name_w = slot - value_w - t.px(10) - (rect.x + inset)
            p.draw_text(surface, self.name, (rect.x + inset, y), "body", max_width=name_w)
            bar = Rect(rect.x + inset, y + lh + t.px(2), rect.width - 2 * inset, self.bar_height)
        self.draw_bar(surface, p, bar)
        if focused:
            p.focus_ring(surface, rect)

    def draw_bar(self, surface: pygame.Surface, p: Painter, bar: Rect) -> None:
        pal = p.pal
        radius = bar.height // 2
        pygame.draw.rect(surface, pal.panel_hi if pal.name == "dark" else pal.line, bar, border_radius=radius)
        value = max(0.0, min(100.0, self.value))
        fill_w = round(bar.width * value / 100)
        start_x = bar.x + round(bar.width * max(0, min(100, self.before)) / 100)
        if fill_w:
            pygame.draw.rect(surface, pal.bar, Rect(bar.x, bar.y, fill_w, bar.height), border_radius=radius)
        end_x = bar.x + fill_w
        if self.delta and end_x != start_x:
            color = p.change_color(self.delta, self.good)
            left, right = sorted((start_x, end_x))
            pygame.draw.rect(
                surface,
                color,
                Rect(left, bar.y, max(2, right - left), bar.height),
                border_radius=radius,
            )
        # A tick where the track started this turn, so a change reads as a distance.
        tick = Rect(
            start_x - max(1, p.theme.px(1)),
            bar.y - p.theme.px(3),
            max(2, p.theme.px(2)),
            bar.height + p.theme.px(6),
        )
        pygame.draw.rect(surface, pal.text, tick)


def visible_tracks(s: State) -> list[int]:
    return [i for i, track in enumerate(s.scenario.model.tracks) if not track.hidden]


def track_before(s: State, index: int) -> int:
    """Where the shown change starts: the board the roles last saw (story.outlook.baseline)."""
    return baseline(s)[index]


def fill_rows(rows: dict[int, TrackRow], s: State) -> list[TrackRow]:
    """Set each row from the state; returns them in scenario order."""
    out = []
    for index in visible_tracks(s):
        row = rows.get(index)
        if row is None:
            row = rows[index] = TrackRow(index)
        model = s.scenario.model.tracks[index]
        before = track_before(s, index)
        row.set(text(model.name), model.good, s.tracks[index], before, s.tracks[index] - before)
        out.append(row)
    return out


def place_rows(rows: list[TrackRow], rect: Rect, p: Painter, area: ScrollArea) -> None:
    """Name above bar when that fits (thinner bars if need be), else one line per track, and
    scrolling only as a last resort."""
    t = p.theme
    area.reset(rect)
    line = p.line_height("body")
    n = max(1, len(rows))
    full, tight, compact = line + t.px(18), line + t.px(10), line + t.px(8)
    if full * n <= rect.height:
        height, mode = max(full, min(rect.height // n, full + t.px(8))), "full"
    elif tight * n <= rect.height:
        height, mode = rect.height // n, "tight"
    else:
        height, mode = max(compact, rect.height // n), "compact"
    for i, row in enumerate(rows):
        row.compact = mode == "compact"
        row.bar_height = t.px(5) if mode == "tight" else t.px(9)
        area.place(row, Rect(0, i * height, rect.width, height - t.px(2)))
    area.apply()


# ----------------------------------------------------------------------------- why it moved


def draw_why(surface: pygame.Surface, p: Painter, s: State, track: int, anchor: Rect, bounds: Rect) -> None:
    """A panel beside a track: what it measures and each cause of its moves (with risk ids)."""
    t = p.theme
    pal = p.pal
    model = s.scenario.model.tracks[track]
    width = min(t.px(520), bounds.width - t.px(20))
    inner = width - 2 * t.pad
    lines: list[tuple[str, str, tuple[int, int, int] | None, int]] = []  # (text, style, color, delta)
    title = tr("text.why.title", track=text(model.name), value=s.tracks[track])
    lines.append((title, "body_bold", None, 0))
    lines.append((text(model.description), "small", pal.dim, 0))
    changes = track_changes(s, track, turns=2)
    if not changes:
        lines.append((tr("text.why.none"), "small", None, 0))
    for change in changes[-12:]:
        risks = f"  ({', '.join(change.risks)})" if change.risks else ""
        lines.append(
            (
                f"{tr('text.turn_n', n=change.turn)}: {change.label}{risks}",
                "small",
                None,
                change.delta,
            )
        )
    indent = t.px(58)
    height = t.pad * 2
    for value, style, _, delta in lines:
        w = inner - (indent if delta else 0)
        height += p.wrapped_height(value, style, w) + t.px(3)
    box = Rect(0, 0, width, height)
    box.left = anchor.right + t.px(10)
    if box.right > bounds.right:
        box.right = anchor.left - t.px(10)
    box.top = max(bounds.top, min(anchor.top, bounds.bottom - box.height))
    shadow = box.move(t.px(3), t.px(4))
    pygame.draw.rect(surface, (0, 0, 0), shadow, border_radius=t.radius)
    p.panel(surface, box, pal.panel_hi, pal.focus)
    y = box.y + t.pad
    for value, style, color, delta in lines:
        x = box.x + t.pad
        if delta:
            p.change(surface, (x, y), delta, model.good, "small_bold")
            x += indent
        used = p.draw_wrapped(surface, value, Rect(x, y, box.right - t.pad - x, 2000), style, color)
        y += used + t.px(3)


# ----------------------------------------------------------------------------- headlines


@dataclass(frozen=True, slots=True)
class NewsLine:
    text: str
    risks: tuple[str, ...] = ()
    major: bool = False
    tone: str = "normal"  # normal, reason (a computer's explanation), notice


def news_lines(items: list[Headline]) -> list[NewsLine]:
    return [NewsLine(h.text, h.risks, h.major) for h in items]


def draw_news(
    surface: pygame.Surface, p: Painter, lines: list[NewsLine], area: ScrollArea, rect: Rect
) -> None:
    """Headlines in a scrollable column: big news marked with a square, risk ids after each."""
    t = p.theme
    pal = p.pal
    area.reset(rect)
    marker = t.px(20)
    y = 0
    layout = []
    width = rect.width - marker - t.px(10)
    for line in lines:
        style = "body_bold" if line.major else ("small" if line.tone == "reason" else "body")
        body = line.text + (f"  ({', '.join(line.risks)})" if line.risks else "")
        h = p.wrapped_height(body, style, width)
        layout.append((y, line, style, body, h))
        y += h + t.px(6)
    area.extend(y)
    area.apply()
    previous = surface.get_clip()
    surface.set_clip(rect)
    for top, line, style, body, h in layout:
        sy = area.y(top)
        if sy + h < rect.y or sy > rect.bottom:
            continue
        lh = p.line_height(style)
        if line.major:
            size = t.px(9)
            pygame.draw.rect(surface, pal.text, Rect(rect.x + t.px(4), sy + lh // 2 - size // 2, size, size))
        elif line.tone == "reason":
            pygame.draw.circle(surface, pal.dim, (rect.x + t.px(8), sy + lh // 2), max(2, t.px(2)))
        else:
            pygame.draw.circle(surface, pal.text, (rect.x + t.px(8), sy + lh // 2), max(2, t.px(3)))
        color = pal.dim if line.tone == "reason" else None
        p.draw_wrapped(surface, body, Rect(rect.x + marker, sy, width, h + 2), style, color)
    surface.set_clip(previous)
    area.draw_scrollbar(surface, p)


# ----------------------------------------------------------------------------- roles


def draw_roles(
    surface: pygame.Surface, p: Painter, s: State, rect: Rect, seat_labels: list[str], viewer: int
) -> None:
    """Each role's political capital, action points and seat, side by side."""
    t = p.theme
    pal = p.pal
    sc = s.scenario
    n = len(sc.roles)
    gap = t.gap
    w = (rect.width - gap * (n - 1)) // max(1, n)
    for role in range(n):
        box = Rect(rect.x + role * (w + gap), rect.y, w, rect.height)
        mine = role == viewer
        p.panel(surface, box, pal.panel_hi if mine else pal.panel, pal.focus if mine else pal.line)
        x = box.x + t.px(10)
        y = box.y + t.px(5)
        name = text(sc.model.roles[role].short)
        p.draw_text(surface, name, (x, y), "body_bold", max_width=box.width - t.px(20))
        y2 = y + p.line_height("body_bold")
        capital, ap = s.capital[role], sc.roles[role].action_points
        detail = tr("ui.role.resources", capital=capital, ap=ap)
        seat = seat_labels[role] if role < len(seat_labels) else ""
        room = box.width - t.px(20)
        candidates = [f"{detail} · {seat}"] if seat else []
        candidates += [detail, tr("ui.role.resources_short", capital=capital, ap=ap)]
        line = next((c for c in candidates if p.width(c, "small") <= room), candidates[-1])
        p.draw_text(surface, line, (x, y2), "small", pal.dim, max_width=room)


def roles_height(p: Painter) -> int:
    return p.line_height("body_bold") + p.line_height("small") + p.theme.px(12)
