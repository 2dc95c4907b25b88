"""5,000 random input events never crash the window (keys, typing, clicks, drags, the wheel,
resizes), whatever screen they land on."""

from __future__ import annotations

import random

import pygame
import pytest

from game.shells.window.screenshots import make_app
from game.shells.window.script import Driver

KEYS = [
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_SPACE,
    pygame.K_ESCAPE,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_BACKSPACE,
    pygame.K_1,
    pygame.K_2,
    pygame.K_3,
    pygame.K_4,
    pygame.K_5,
    pygame.K_b,
    pygame.K_s,
    pygame.K_a,
    pygame.K_F1,
    pygame.K_F2,
    pygame.K_F11,
    pygame.K_KP_ENTER,
]
MODS = [0, 0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL, pygame.KMOD_ALT]


def random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    w, h = size
    roll = rng.random()
    pos = (rng.randrange(-5, w + 5), rng.randrange(-5, h + 5))
    if roll < 0.4:
        key = rng.choice(KEYS)
        mod = rng.choice(MODS)
        if key == pygame.K_s and mod == pygame.KMOD_CTRL and rng.random() < 0.5:
            mod = 0
        uni = rng.choice(["", "a", "7", " ", "ñ", "é", "-", "\t"])
        return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=uni, scancode=0)
    if roll < 0.65:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
    if roll < 0.88:
        return pygame.event.Event(
            pygame.MOUSEBUTTONDOWN, pos=pos, button=rng.choice([1, 1, 1, 3]), touch=False
        )
    if roll < 0.96:
        dy = rng.choice([-3, -1, 1, 3])
        return pygame.event.Event(
            pygame.MOUSEWHEEL,
            x=0,
            y=dy,
            flipped=False,
            precise_x=0.0,
            precise_y=float(dy),
            touch=False,
        )
    if roll < 0.98:
        return pygame.event.Event(pygame.KEYUP, key=rng.choice(KEYS), mod=0, unicode="", scancode=0)
    return pygame.event.Event(pygame.WINDOWLEAVE)


@pytest.mark.parametrize(
    ("seed", "roles", "count"), [(1, None, 2500), (2, "us=human,mexico=human,civil=normal", 2500)]
)
def test_random_input_never_crashes(seed: int, roles: str | None, count: int) -> None:
    rng = random.Random(seed)
    sizes = [(1280, 720), (960, 540), (820, 460)]
    app = make_app(sizes[0], roles=roles)
    driver = Driver(app)
    screens: set[str] = set()
    sent = 0
    restarts = 0
    while sent < count:
        if not app.running:  # the fuzzer found Quit: start again, as a player would
            restarts += 1
            app = make_app(rng.choice(sizes), roles=roles)
            driver = Driver(app)
        if rng.random() < 0.004:
            size = rng.choice(sizes)
            pygame.display.set_mode(size, pygame.RESIZABLE)
            app.step([pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])], 0.016)
        batch = [random_event(rng, app.size) for _ in range(rng.randint(1, 4))]
        sent += len(batch)
        app.step(batch, rng.choice([0.0, 0.016, 0.05, 0.3]))
        if app.top is not None:
            screens.add(app.top.name)
        if app.dirty:
            app.draw()
    del driver
    # The fuzzer got past the title into the game.
    assert len(screens) >= 4, screens
