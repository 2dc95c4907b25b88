"""``commonground`` / ``commonground play``: open the window, fast.

The first frame must be on screen within half a second of launch, so the order matters:
pygame and the font first, the title screen drawn and shown, and only then the scenario,
the saved games and the computer players (the title screen loads them in its first update).
Nothing here runs at import time.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import pygame

from game.errors import BadInput
from game.i18n import check_language, set_language
from game.session.limits import seed_problem
from game.shells.window.app import App, open_window
from game.shells.window.scenes.title import TitleScene
from game.shells.window.start import LaunchOptions, Library
from game.shells.window.theme import Settings

NO_DISPLAY_EXIT = 2
DEFAULT_SIZE = (1280, 720)
# Set to a file name: the time of the first frame is written there, then the window closes.
FIRST_FRAME_ENV = "COMMONGROUND_FIRST_FRAME"


def no_display_message(detail: str = "") -> str:
    why = f" ({detail})" if detail else ""
    return (
        f"commonground: no display is available for the game window{why}; "
        "play in the terminal with 'commonground text'."
    )


def display_missing() -> str | None:
    """On X11/Wayland systems, a missing display is known before SDL is even started."""
    if os.environ.get("SDL_VIDEODRIVER"):
        return None
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            return "DISPLAY is not set"
    return None


def window_size(text: str | None, desktop: tuple[int, int] | None) -> tuple[int, int]:
    if text:
        try:
            w, h = (int(v) for v in text.lower().split("x", 1))
            return max(320, w), max(240, h)
        except ValueError:
            pass
    w, h = DEFAULT_SIZE
    if desktop and desktop[0] > 0 and desktop[1] > 0 and (desktop[0] < w + 40 or desktop[1] < h + 80):
        scale = min((desktop[0] - 40) / w, (desktop[1] - 80) / h)
        w, h = round(w * scale), round(h * scale)
    return w, h


def checked_options(args: argparse.Namespace) -> str | None:
    """Refuse a bad ``--seed`` or ``--lang`` before any window opens (exit 2); set the language.

    A seed a save cannot hold would make every autosave of the game fail.
    """
    seed = getattr(args, "seed", None)
    problem = None if seed is None else seed_problem(seed)
    if problem is not None:
        raise BadInput(f"--seed: {problem}")
    lang = getattr(args, "lang", None)
    if lang:
        try:
            set_language(check_language(lang))
        except ValueError as err:
            raise BadInput(str(err)) from None
    return lang


def run_window(args: argparse.Namespace) -> int:
    """Open the game window; returns the exit code (2 when there is no display)."""
    started = time.perf_counter()
    lang = checked_options(args)
    missing = display_missing()
    if missing:
        print(no_display_message(missing), file=sys.stderr)
        return NO_DISPLAY_EXIT

    try:
        pygame.display.init()
        driver = pygame.display.get_driver()
        if driver in ("offscreen", "dummy") and not os.environ.get("SDL_VIDEODRIVER"):
            pygame.display.quit()
            print(no_display_message(f"only the {driver} video driver is available"), file=sys.stderr)
            return NO_DISPLAY_EXIT
        pygame.font.init()

        settings = Settings()
        try:
            desktop = pygame.display.get_desktop_sizes()[0]
        except (pygame.error, IndexError):
            desktop = None
        size = window_size(getattr(args, "windowed_size", None), desktop)
        surface = open_window(size, settings, "Common Ground")
    except pygame.error as err:
        print(no_display_message(str(err)), file=sys.stderr)
        pygame.quit()
        return NO_DISPLAY_EXIT
    try:
        options = LaunchOptions(
            scenario=getattr(args, "scenario", None),
            seed=getattr(args, "seed", None),
            roles=getattr(args, "roles", None),
            lang=lang,
            load=getattr(args, "load", None),
        )
        app = App(surface, settings)
        app.options = options
        app.library = Library()
        app.push(TitleScene(app, options, app.library))
        report = os.environ.get(FIRST_FRAME_ENV)
        if report:
            return first_frame_only(app, report, started)
        return app.run()
    finally:
        pygame.quit()


def first_frame_only(app: object, path: str, started: float) -> int:
    """For bench/ui.py: draw and show the first frame, write when that happened, close."""
    app.step([], 0.0)  # type: ignore[attr-defined]
    pygame.display.flip()
    shown = time.time()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"{shown:.6f} {time.perf_counter() - started:.6f}\n")
    return 0
