"""Launching the window: no display means one line and exit 2; the first frame comes quickly;
an idle window sleeps instead of spinning."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest

from game.shells.window.app import App
from game.shells.window.launch import FIRST_FRAME_ENV, window_size
from game.shells.window.scenes.title import TitleScene
from game.shells.window.screenshots import make_app
from game.shells.window.start import LaunchOptions, Library
from game.shells.window.theme import Settings

ROOT = Path(__file__).resolve().parents[1]


def run_game(env_changes: dict[str, str | None], *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="how a missing display shows differs by system"
)
@pytest.mark.parametrize("display", [None, ":97"], ids=["no-DISPLAY", "unreachable-DISPLAY"])
def test_no_display_says_so_in_one_line_and_exits_2(display: str | None, tmp_path: Path) -> None:
    result = run_game(
        {
            "SDL_VIDEODRIVER": None,
            "DISPLAY": display,
            "WAYLAND_DISPLAY": None,
            "COMMONGROUND_HOME": str(tmp_path),
            "XDG_RUNTIME_DIR": str(tmp_path),
        }
    )
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("commonground:")]
    assert len(lines) == 1 and "commonground text" in lines[0]
    assert "Traceback" not in result.stderr


def test_first_frame_is_quick(tmp_path: Path) -> None:
    """The first frame is shown before any slow work: the title screen loads the scenario and
    looks for an autosave only once frame one is on screen. How soon that is, is measured by
    bench/ui.py, not asserted here (no test asserts wall-clock time: the limit of 2 s this had
    was 1.6-1.8 s spent here starting Python on a busy machine, and 5x slower hardware is fine)."""
    report = tmp_path / "first-frame.txt"
    started = time.time()
    result = run_game(
        {
            "SDL_VIDEODRIVER": "dummy",
            FIRST_FRAME_ENV: str(report),
            "COMMONGROUND_HOME": str(tmp_path),
        }
    )
    assert result.returncode == 0, result.stderr
    shown, since_run = (float(v) for v in report.read_text().split())
    assert shown >= started and since_run >= 0, "the game says when its first frame was shown"
    make_app((1280, 720))  # the display, as the window opens it
    app = App(pygame.display.get_surface(), Settings())  # then as launch.py starts the window
    app.options, app.library = LaunchOptions(), Library()
    title = TitleScene(app, app.options, app.library)
    app.push(title)
    assert app.step([], 0.0) and app.frames == 1, "the first step draws the title screen"
    assert not title.booted, "before the scenario is loaded and the autosave looked for"
    app.step([], 0.0)
    assert title.booted and title.scenario_title, "which is done at the next frame"


def test_unknown_language_is_bad_input(tmp_path: Path) -> None:
    result = run_game(
        {"SDL_VIDEODRIVER": "dummy", "COMMONGROUND_HOME": str(tmp_path)}, "play", "--lang", "xx"
    )
    assert result.returncode == 2 and "--lang" in result.stderr and "Traceback" not in result.stderr


def test_idle_window_does_not_spin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMONGROUND_HOME", str(tmp_path))
    app = make_app((1280, 720))
    pygame.time.set_timer(pygame.QUIT, 1200, loops=1)
    cpu = time.process_time()
    frames = app.frames
    assert app.run() == 0
    assert app.frames - frames <= 2, "nothing changed, so nothing is redrawn"
    assert time.process_time() - cpu < 0.4, "the loop waits on events instead of polling"


def test_window_fits_a_small_desktop() -> None:
    assert window_size(None, (1920, 1080)) == (1280, 720)
    w, h = window_size(None, (1024, 600))
    assert w <= 1024 - 40 and h <= 600 - 80
    assert window_size("960x540", None) == (960, 540)
