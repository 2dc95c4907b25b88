"""What every section of the facilitator's panel shares: the game, its texts, rows of buttons.

A section lays out its widgets in the content rectangle and adds the texts it wants drawn;
the panel draws those texts and the widgets, and shows the section's outcome in its status
line. A section's decisions go through ``game.shells.window.decisions``, so each lands in the
log with its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.engine import FACILITATOR, State
from game.i18n import text
from game.shells.window.widgets import Button, ScrollArea, Widget

if TYPE_CHECKING:
    from game.session.session import Session

    from game.shells.window.flow import Match
    from game.shells.window.painter import Painter
    from game.shells.window.scenes.facilitator.scene import FacilitatorScene

Rect = pygame.Rect
Color = tuple[int, int, int]
TextSource = str | Callable[[], str]
CHANGES = tuple(range(-25, 26))  # how far the facilitator may move a track at once


def change_label(delta: int) -> str:
    return f"{delta:+d}" if delta else "0"


class Section:
    """One tab of the panel: its widgets, their layout, what they do, anything drawn specially."""

    def __init__(self, scene: FacilitatorScene) -> None:
        self.scene = scene

    # ------------------------------------------------------------------ reading the game

    @property
    def p(self) -> Painter:
        return self.scene.p

    @property
    def match(self) -> Match:
        return self.scene.match

    @property
    def session(self) -> Session:
        return self.match.session

    def state(self) -> State:
        """The game as the facilitator sees it (a covert order still unnamed)."""
        return self.session.view(FACILITATOR)

    @property
    def over(self) -> bool:
        return self.session.terminal

    def invalidate(self) -> None:
        self.scene.invalidate()

    # ------------------------------------------------------------------ layout helpers

    def layout(self, rect: Rect, areas: list[ScrollArea]) -> list[Widget]:
        """Place the widgets inside ``rect`` (adding any scroll area to ``areas``), in Tab order."""
        raise NotImplementedError

    def draw(self, surface: pygame.Surface) -> None:
        """Anything beyond the texts and the widgets (the panel draws those)."""

    def add_text(self, value: TextSource, rect: Rect, style: str = "body", color: str = "text") -> int:
        """Text drawn with the section (wrapped inside ``rect``); returns its height."""
        return self.scene.add_text(value, rect, style, color)

    def place_text(self, value: TextSource, rect: Rect, style: str = "body", color: str = "text") -> None:
        """Text drawn with the section, where its height does not matter to the layout."""
        self.scene.texts.append((value, Rect(rect), style, color))

    def heading(self, rect: Rect, title: str, intro: str) -> int:
        """The section's title and its line of explanation; returns the y below them."""
        y = rect.y
        y += self.add_text(title, Rect(rect.x, y, rect.width, 0), "title")
        y += self.add_text(intro, Rect(rect.x, y, rect.width, 0), "small", "dim")
        return y

    def button_row(self, buttons: list[Button], rect: Rect, y: int) -> int:
        """Buttons left to right from ``rect.x``; returns the row's height."""
        return self.scene.button_row(buttons, rect, y)

    # ------------------------------------------------------------------ tracks, as on the board

    def tone(self, track: object, delta: object) -> Color | None:
        """Better (blue) or worse (orange) for this track, as on the board."""
        if track is None or not delta:
            return None
        good = self.match.sc.model.tracks[int(track)].good  # type: ignore[call-overload]
        return self.p.change_color(int(delta), good)  # type: ignore[call-overload]

    def track_label(self, index: int) -> str:
        s = self.session.state
        return f"{text(s.scenario.model.tracks[index].name)} ({s.tracks[index]})"
