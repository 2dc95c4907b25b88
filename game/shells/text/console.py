"""The terminal game's console: nothing untrusted reaches the terminal raw.

Scenario text, save names, reasons and error messages come from files people pass around. Two
guards, both here:

- ``plain(text)``: untrusted text placed in rich markup is escaped (a title holding ``[/]`` would
  otherwise raise, one holding ``[red]`` would restyle the screen) and cleared of control and
  bidi characters. Every print of untrusted text in ``game.shells.text`` goes through it.
- ``game_console()``: a console whose render hook passes every segment of text it prints
  through ``game.session.untrusted.printable``, so a control or bidi character that reached a
  renderable some other way (a table cell, a panel title) is still shown as U+FFFD, never sent
  raw. Rich's own control segments (clearing the screen) pass untouched.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Iterator
from typing import Any

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook
from rich.markup import escape
from rich.segment import Segment

from game.session.untrusted import UNSAFE, printable


def plain(value: object) -> str:
    """Untrusted text, safe inside rich markup: escaped, control and bidi characters replaced."""
    return escape(printable(str(value)))


class _Printable:
    """A renderable as it renders, with unsafe characters in its text replaced."""

    def __init__(self, inner: ConsoleRenderable) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for segment in console.render(self.inner, options):
            if segment.control is None and UNSAFE.search(segment.text):
                yield Segment(printable(segment.text), segment.style)
            else:
                yield segment


class PrintableHook(RenderHook):
    """Wraps everything printed in ``_Printable``."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Printable(renderable) for renderable in renderables]


def no_color_wanted(environ: dict[str, str] | None = None) -> bool:
    """NO_COLOR (https://no-color.org): set to anything but the empty string, no colour."""
    return bool((os.environ if environ is None else environ).get("NO_COLOR"))


def game_console(linear: bool = False, **options: Any) -> Console:
    """A rich Console (``highlight=False`` unless given) that never prints unsafe characters.

    ``linear`` is ``--plain``: no colour or style at all, for screen readers and braille lines;
    NO_COLOR takes the colour away but keeps bold, as the convention asks."""
    options.setdefault("highlight", False)
    if linear:
        options.setdefault("color_system", None)
        options.setdefault("emoji", False)
    options.setdefault("no_color", no_color_wanted())
    console = Console(**options)
    guard(console)
    return console


# Clear the screen AND the terminal's scrollback (ESC[3J): at a hot-seat hand-off the next team
# must not be able to scroll back to the previous team's secret screen.
CLEAR_ALL = "\x1b[H\x1b[2J\x1b[3J"
CLEAR_SCREEN = "\x1b[H\x1b[2J"


def clear_all(console: Console) -> None:
    """Wipe screen and scrollback (on a terminal); elsewhere a rule, so a log still reads."""
    if console.is_terminal:
        console.file.write(CLEAR_ALL)
        console.file.flush()
    else:
        console.print("\n" + "\u2500" * 40 + "\n")


def clear_screen(console: Console) -> None:
    """A fresh page for a redraw (the scrollback is kept: it is the same team's own screen)."""
    if console.is_terminal:
        console.file.write(CLEAR_SCREEN)
        console.file.flush()


_guarded: weakref.WeakSet[Console] = weakref.WeakSet()


def guard(console: Console) -> Console:
    """Give ``console`` the printable hook (once)."""
    if console not in _guarded:
        console.push_render_hook(PrintableHook())
        _guarded.add(console)
    return console
