"""The deliberation timer: minutes per turn, a countdown the teams can see, a notice at zero.

The count is a plain number of seconds advanced by the frame's time step (``tick``), so tests
pass time in and never sleep. It only runs while the teams are deliberating - on the play
screen and the hand-off - and stops while the game is paused, a turn is being resolved or the
game is over. It resets to the full time when a new turn begins. At zero it says so; it never
decides anything for a team.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.i18n import tr

if TYPE_CHECKING:
    from game.shells.window.app import App
    from game.shells.window.painter import Painter

DELIBERATION_SCENES = ("play", "handoff")  # where the teams decide: the count runs here
MINUTES = tuple(range(1, 31))
DEFAULT_MINUTES = 8


@dataclass(slots=True)
class DeliberationTimer:
    """The count for the current turn; ``on`` once the facilitator starts it."""

    minutes: int = DEFAULT_MINUTES
    left: float = DEFAULT_MINUTES * 60.0
    on: bool = False
    expired: bool = False
    turn: int = 0  # the turn the count belongs to

    @property
    def full(self) -> float:
        return self.minutes * 60.0

    @property
    def shown(self) -> bool:
        """Worth showing on the board: running, stopped part-way, or out of time."""
        return self.on or self.expired or self.left < self.full

    def seconds_shown(self) -> int:
        """Whole seconds on the display (rounded up: '0:01' until the last second is gone)."""
        return max(0, math.ceil(self.left - 1e-9))

    def text(self) -> str:
        seconds = self.seconds_shown()
        return f"{seconds // 60}:{seconds % 60:02d}"

    # ------------------------------------------------------------------ the facilitator's controls

    def set_minutes(self, minutes: int) -> None:
        """A new length per turn; a count not yet started (or at zero) takes it at once."""
        used = self.full - self.left
        self.minutes = max(1, int(minutes))
        self.left = max(0.0, self.full - used) if self.on else self.full
        self.expired = self.on and self.left <= 0

    def start(self, turn: int) -> None:
        if self.expired or self.left <= 0 or self.turn != turn:
            self.left = self.full
            self.expired = False
        self.turn = turn
        self.on = True

    def stop(self) -> None:
        self.on = False

    def restart(self, turn: int) -> None:
        """The full time again for this turn (and counting, if it was on)."""
        self.left = self.full
        self.expired = False
        self.turn = turn

    def add(self, seconds: float) -> None:
        self.left = max(0.0, self.left + seconds)
        if self.left > 0:
            self.expired = False

    # ------------------------------------------------------------------ time passing

    def tick(self, dt: float, turn: int, counting: bool) -> str:
        """Advance by ``dt`` seconds; returns '' (nothing to redraw), 'changed' or 'expired'."""
        if turn != self.turn:  # a new turn: the full time again
            self.turn = turn
            was_shown = self.shown
            self.left = self.full
            self.expired = False
            return "changed" if was_shown or self.on else ""
        if not self.on or self.expired or not counting or dt <= 0:
            return ""
        before = self.seconds_shown()
        self.left = max(0.0, self.left - dt)
        if self.left <= 0:
            self.expired = True
            return "expired"
        return "changed" if self.seconds_shown() != before else ""

    def wake_ms(self) -> int | None:
        """Milliseconds until the display changes (so an idle window wakes once a second)."""
        if not self.on or self.expired:
            return None
        fraction = self.left - math.floor(self.left)
        return max(10, int(fraction * 1000) + 5) if fraction > 1e-6 else 1000


# ----------------------------------------------------------------------------- the window's side


def counting(app: App) -> bool:
    """The teams are deliberating: the top full screen is the board or a hand-off, not paused."""
    base = None
    for scene in reversed(app.stack):
        if scene.name == "paused":
            return False
        if not scene.overlay:
            base = scene
            break
    return base is not None and base.name in DELIBERATION_SCENES


def tick(app: App, dt: float) -> bool:
    """Advance the match's timer; True if the screen must be redrawn. Called by the app's step."""
    match = app.match
    if match is None:
        return False
    state = match.session.state
    timer = match.timer
    if state.terminal:
        timer.on = False
        return False
    change = timer.tick(dt, state.turn, counting(app))
    if change == "expired":
        app.toast(tr("ui.timer.expired_toast", turn=state.turn))
    return bool(change)


def wake_ms(app: App) -> int | None:
    match = app.match
    if match is None or not counting(app):
        return None
    return match.timer.wake_ms()


def pill_width(p: Painter, timer: DeliberationTimer) -> int:
    """Room the countdown takes in a top bar (0 when there is nothing to show)."""
    if not timer.shown:
        return 0
    return p.width(_pill_text(timer), "body_bold") + p.theme.px(52)


def _pill_text(timer: DeliberationTimer) -> str:
    if timer.expired:
        return tr("ui.timer.up")
    if not timer.on:
        return tr("ui.timer.stopped", time=timer.text())
    return timer.text()


def draw_pill(
    surface: pygame.Surface, p: Painter, timer: DeliberationTimer, right: int, bar_height: int
) -> int:
    """The countdown as a pill ending at ``right`` in a top bar; returns its width (0: none)."""
    width = pill_width(p, timer)
    if not width:
        return 0
    t = p.theme
    pal = p.pal
    h = p.line_height("body_bold") + t.px(8)
    rect = pygame.Rect(right - width, (bar_height - h) // 2, width, h)
    low = timer.on and timer.left <= 60
    fill = pal.worse if timer.expired else (pal.panel_hi if not low else pal.bg)
    border = pal.worse if (timer.expired or low) else pal.line
    p.panel(surface, rect, fill, border)
    fg = (20, 20, 20) if timer.expired else (pal.worse if low else pal.text)
    # A small clock face: a circle with two hands (the font has no clock glyph).
    r = max(4, h // 2 - t.px(5))
    cx, cy = rect.x + t.px(8) + r, rect.centery
    pygame.draw.circle(surface, fg, (cx, cy), r, max(1, t.px(2)))
    pygame.draw.line(surface, fg, (cx, cy), (cx, cy - r + t.px(3)), max(1, t.px(2)))
    pygame.draw.line(surface, fg, (cx, cy), (cx + r - t.px(4), cy), max(1, t.px(2)))
    p.draw_text(
        surface,
        _pill_text(timer),
        (cx + r + t.px(8), rect.y + t.px(4)),
        "body_bold",
        fg,
        max_width=rect.right - (cx + r + t.px(8)) - t.px(4),
    )
    return width


def draw_countdown(surface: pygame.Surface, p: Painter, timer: DeliberationTimer, rect: pygame.Rect) -> None:
    """The countdown large, for the projected board: 'Time left for this turn 4:12'."""
    if not timer.shown:
        return
    t = p.theme
    pal = p.pal
    low = timer.on and timer.left <= 60
    tone = pal.worse if (timer.expired or low) else pal.text
    label = tr("ui.timer.left") if not timer.expired else ""
    x = rect.x
    y = rect.centery - p.line_height("title") // 2
    if label:
        lr = p.draw_text(
            surface,
            label,
            (x, rect.centery - p.line_height("body") // 2),
            "body",
            pal.dim,
            max_width=rect.width // 2,
        )
        x = lr.right + t.gap
    p.draw_text(surface, _pill_text(timer), (x, y), "title", tone, max_width=rect.right - x)
