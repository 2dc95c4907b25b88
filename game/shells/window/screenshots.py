"""Make the README's screenshots: ``python -m game.shells.window.screenshots docs/screenshots [WxH]``.

Plays a fixed game (seed 11) through the window with scripted input and saves the title,
setup, play, hand-off, resolution, end and facilitator-panel screens as PNG files. Runs
headless.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.i18n import set_language
from game.scenario.load import load_scenario, scenario_path
from game.shells.window.app import App
from game.shells.window.scenes.title import TitleScene
from game.shells.window.script import Driver, play_to_end
from game.shells.window.start import LaunchOptions, Library
from game.shells.window.theme import Settings
from game.shells.window.tour import all_human, key_screens

SEED = 11


def make_app(
    size: tuple[int, int],
    roles: str | None = None,
    projector: bool = False,
    lang: str | None = None,
    scenario: str | None = None,
):  # noqa: ANN201
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")  # as the real window (launch.py)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

    set_language(lang or "en")
    pygame.display.init()
    pygame.font.init()
    surface = pygame.display.set_mode(size, pygame.RESIZABLE)
    settings = Settings(large_text=projector, palette="light" if projector else "dark")
    app = App(surface, settings)
    app.options = LaunchOptions(seed=SEED, roles=roles, scenario=scenario)
    app.library = Library()
    app.push(TitleScene(app, app.options, app.library))
    app.step([], 0.0)
    app.step([], 0.0)
    return app


def save(app, path: Path) -> None:  # noqa: ANN001
    app.draw()
    pygame.image.save(app.surface, str(path))
    print(path)


def shoot(folder: Path, size: tuple[int, int] = (1280, 720), suffix: str = "") -> list[Path]:
    """A hot-seat game for the public board and hand-off, a solo game for everything else."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []

    def shot(app, name: str) -> None:  # noqa: ANN001
        path = folder / f"{name}{suffix}.png"
        save(app, path)
        out.append(path)

    shoot_solo(size, shot)
    shoot_shared(size, shot)
    shoot_facilitator(size, shot)
    shoot_projector(size, shot, "en")
    shoot_projector(size, shot, "es")
    return out


PROJECTOR_SHOTS = {
    "public": "projector-public",
    "orders": "projector-orders",
    "resolution": "projector-resolution",
}


def shoot_projector(size: tuple[int, int], shot: Shot, lang: str) -> None:
    """The six-team seminar on a projector (large text, light colours): the public board with
    every revealed order, a team's orders, the resolution - the last of each in a two-turn tour."""
    path = scenario_path("cartel_mission_seminar")
    app = make_app(size, roles=all_human(load_scenario(path)), projector=True, lang=lang, scenario=str(path))
    wanted = {
        "public": 3,
        "orders": 8,
        "resolution": 2,
    }  # turn 2's board, a team's orders, turn 2's resolution
    seen: dict[str, int] = {}
    for name in key_screens(app):
        seen[name] = seen.get(name, 0) + 1
        if wanted.get(name) == seen[name]:
            shot(app, PROJECTOR_SHOTS[name] + ("" if lang == "en" else f"-{lang}"))
    set_language("en")
    pygame.display.quit()


Shot = Callable[[Any, str], None]


def shoot_solo(size: tuple[int, int], shot: Shot) -> None:
    """Solo: title, setup, the orders screen with a track's "why", the resolution, the end."""

    app = make_app(size)
    driver = Driver(app)
    shot(app, "title")
    driver.press("new", "keyboard")
    shot(app, "setup")
    driver.press("start", "keyboard")
    driver.press("begin", "keyboard")
    driver.key(pygame.K_4)
    cards = [w for w in driver.scene.form.widgets if w.key.startswith("card.") and getattr(w, "legal", False)]
    cards.sort(key=lambda card: not card.odds)  # an order with a dice check first
    for card in cards[:2]:
        driver.click(card.key)
    driver.move(driver.widget("track.0").rect.center)  # type: ignore[union-attr]
    shot(app, "play")
    driver.move(cards[0].rect.center)
    driver.press("give", "mouse")
    driver.press("yes", "mouse")
    for _ in range(int(3.0 / 0.05)):
        driver.frame(dt=0.05)
    shot(app, "resolution")
    play_to_end(app, "keyboard")
    shot(app, "end")
    driver.press("tab.tracks", "mouse")
    shot(app, "end-tracks")
    pygame.display.quit()


def shoot_shared(size: tuple[int, int], shot: Shot) -> None:
    """Shared screen: the hand-off, then the public board after every team has given orders."""

    app = make_app(size, roles="us=human,mexico=human,civil=human")
    driver = Driver(app)
    driver.settle()
    driver.press("begin", "keyboard")
    shot(app, "handoff")
    for _ in range(3):
        driver.press("ready", "keyboard")
        if driver.scene.name == "briefing":
            driver.press("close", "keyboard")
        cards = [
            w for w in driver.scene.form.widgets if w.key.startswith("card.") and getattr(w, "legal", False)
        ]
        for card in cards[:2]:
            driver.focus(card.key)
            driver.key(pygame.K_SPACE)
        driver.press("give", "keyboard")
        driver.press("yes", "keyboard")
    if not driver.scene.done:
        driver.key(pygame.K_SPACE)
    driver.press("continue", "keyboard")
    shot(app, "public")
    pygame.display.quit()


def shoot_facilitator(size: tuple[int, int], shot: Shot) -> None:
    """The facilitator's panel: the table's dice for the orders given so far, a secret one hidden."""

    app = make_app(size, roles="us=human,mexico=human,civil=human")
    driver = Driver(app)
    driver.settle()
    driver.press("begin", "keyboard")
    sc = app.match.sc
    for role_orders in (("us_covert_mission", "us_tariff_pressure"), ("mx_anti_corruption",)):
        driver.press("ready", "keyboard")
        driver.press("close", "keyboard")
        for action_id in role_orders:
            index = sc.action_index[action_id]
            driver.key(pygame.K_1 + sc.actions[index].category)
            driver.click(f"card.{index}")
        driver.press("give", "keyboard")
        driver.press("yes", "keyboard")
    driver.key(pygame.K_F9)
    driver.click("section.timer")
    driver.press("timer.start", "keyboard")
    driver.click("section.dice")
    entered = (
        ("us_covert_mission", 1, 4),
        ("us_covert_mission", 2, 2),
        ("us_tariff_pressure", 1, 6),
    )
    for action_id, die, value in entered:
        driver.focus(f"die.0.{sc.action_index[action_id]}.{die}")
        driver.key(pygame.K_0 + value, unicode=str(value))
    driver.frame(dt=61.0)
    shot(app, "facilitator")
    pygame.display.quit()


def main(argv: list[str]) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    # Shots are the same on every machine, and the games they play leave the user's saves alone.
    os.environ.setdefault("COMMONGROUND_HOME", tempfile.mkdtemp(prefix="commonground-shots-"))
    folder = Path(argv[0]) if argv else Path("docs/screenshots")
    size = (1280, 720)
    suffix = ""
    if len(argv) > 1:
        w, h = (int(v) for v in argv[1].lower().split("x"))
        size = (w, h)
        suffix = f"-{w}x{h}"
    shoot(folder, size, suffix)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
