"""Driving the window with synthetic input, as a player would: keys only, or the mouse only.

Used by the tests (a whole game through the window, random-input fuzzing), the benchmark and
the screenshot maker. Everything goes through ``App.step`` with real pygame events, so it
exercises exactly what a person's key presses and clicks do; time is passed in, never slept.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pygame

from game.shells.window.app import App
from game.shells.window.widgets import Widget

FRAME = 1 / 60


class Driver:
    """Synthetic input for an ``App``. A ``quiet`` driver draws only the screens ``settle`` finds
    (before and after an animation), not every key press and animation frame between them: a
    whole game played for its flow, not its pictures, costs a fraction of the drawing."""

    def __init__(self, app: App, quiet: bool = False) -> None:
        self.app = app
        self.pos = (1, 1)
        self.quiet = quiet

    # ------------------------------------------------------------------ raw input

    def frame(self, events: list[pygame.event.Event] | None = None, dt: float = FRAME) -> None:
        self.app.step(events or [], dt, draw=not self.quiet)

    def draw_if_changed(self) -> None:
        """A quiet driver's frame: the screen as it is now, if it changed since last drawn."""
        if self.app.dirty and self.app.running:
            self.app.draw()

    def key(self, key: int, mod: int = 0, unicode: str = "") -> None:
        down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)
        up = pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)
        self.frame([down, up])

    def type_text(self, value: str) -> None:
        for char in value:
            self.key(ord(char.lower()) if char.isalnum() else pygame.K_SPACE, unicode=char)

    def text(self, value: str) -> None:
        """Type as a keyboard does with text input on: a key press, then the TEXTINPUT it made."""
        for char in value:
            key = ord(char.lower()) if char.isascii() and char.isalnum() else pygame.K_SPACE
            down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char, scancode=0)
            typed = pygame.event.Event(pygame.TEXTINPUT, text=char)
            up = pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0)
            self.frame([down, typed, up])

    def move(self, pos: tuple[int, int]) -> None:
        rel = (pos[0] - self.pos[0], pos[1] - self.pos[1])
        self.pos = pos
        self.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=rel, buttons=(0, 0, 0), touch=False)])

    def click_at(self, pos: tuple[int, int]) -> None:
        self.move(pos)
        down = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False)
        up = pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)
        self.frame([down, up])

    def wheel(self, dy: int) -> None:
        self.frame(
            [
                pygame.event.Event(
                    pygame.MOUSEWHEEL,
                    x=0,
                    y=dy,
                    flipped=False,
                    precise_x=0.0,
                    precise_y=float(dy),
                    touch=False,
                )
            ]
        )

    # ------------------------------------------------------------------ widgets

    @property
    def scene(self):  # noqa: ANN201 - the top scene
        top = self.app.top
        assert top is not None
        top.ensure_layout()
        return top

    def widget(self, key: str) -> Widget | None:
        return self.scene.form.get(key)

    def keys(self) -> list[str]:
        return [w.key for w in self.scene.form.widgets if w.visible and w.enabled and w.focusable]

    def click(self, key: str) -> None:
        """Click a widget, scrolling its list with the wheel first if it is out of view."""
        widget = self.widget(key)
        assert widget is not None, f"no widget {key!r} on {self.scene.name}: {self.keys()}"
        area = widget.area
        for _ in range(60):
            if area is None or area.view.contains(widget.rect) or area.view.height < widget.rect.height:
                break
            self.move(area.view.center)
            self.wheel(-1 if widget.rect.y > area.view.y else 1)
            widget = self.widget(key) or widget
        self.click_at(visible_point(widget))

    def focus(self, key: str, limit: int = 200) -> None:
        """Press Tab until ``key`` has the focus, as a keyboard user would."""
        for _ in range(limit):
            if self.scene.form.focus_key == key:
                return
            self.key(pygame.K_TAB)
        raise AssertionError(f"Tab never reached {key!r} on {self.scene.name}; focus order: {self.keys()}")

    def press(self, key: str, how: str) -> None:
        """Activate a widget by keyboard (Tab to it, Enter) or by mouse (a click)."""
        if how == "mouse":
            self.click(key)
        else:
            self.focus(key)
            self.key(pygame.K_RETURN)

    def settle(self, limit: int = 2000, dt: float = 0.05) -> None:
        """Run animations to their end; a quiet driver draws the first and the last frame only."""
        if self.quiet:
            self.draw_if_changed()
        for _ in range(limit):
            if not self.app.animating:
                break
            self.frame(dt=dt)
        if self.quiet:
            self.draw_if_changed()


def visible_point(widget: Widget) -> tuple[int, int]:
    rect = widget.rect
    if widget.area is not None:
        rect = rect.clip(widget.area.view) or rect
    return rect.center


Chooser = Callable[[list[int]], list[int]]


def first_choices(cards: list[int]) -> list[int]:
    return cards[:2]


def play_to_end(
    app: App,
    how: str = "keyboard",
    choose: Chooser = first_choices,
    rng: random.Random | None = None,
    max_steps: int = 800,
    quiet: bool = False,
) -> list[str]:
    """Play the game on screen to its end, by keys only or the mouse only.

    Starts from the title screen (or any game screen); returns the names of the scenes passed,
    in order (``play:orders``, ``play:answers``, ``play:public`` for the play screen), so a
    test can check the flow. ``quiet``: draw each screen the script stops at, not every frame.
    """
    driver = Driver(app, quiet)
    rng = rng or random.Random(1)
    seen: list[str] = []
    for _ in range(max_steps):
        driver.settle()
        scene = driver.scene
        name = scene.name
        seen.append(f"play:{scene.mode}" if name == "play" else name)
        if name == "end":
            return seen
        if name == "title":
            driver.press("new", how)
        elif name == "setup":
            driver.press("start", how)
        elif name == "intro":
            driver.press("begin", how)
        elif name == "handoff":
            driver.press("ready", how)
        elif name == "briefing":
            driver.press("close", how)
        elif name == "dialog":
            driver.press("yes" if driver.widget("yes") else "ok", how)
        elif name == "resolution":
            if not scene.done:
                if how == "mouse":
                    driver.click("skip")
                else:
                    driver.key(pygame.K_SPACE)
            driver.press("continue", how)
        elif name == "play":
            play_step(driver, scene, how, choose, rng)
        else:
            raise AssertionError(f"the script does not know the scene {name!r}")
    raise AssertionError(f"no ending after {max_steps} steps; scenes: {seen[-20:]}")


def play_step(driver: Driver, scene, how: str, choose: Chooser, rng: random.Random) -> None:  # noqa: ANN001
    if scene.mode == "public":
        driver.press("next", how)
        return
    if scene.mode == "answers":
        for key in [k for k in driver.keys() if k.startswith(("accept.", "reject."))]:
            term = key.split(".", 1)[1]
            if driver.widget(f"accept.{term}").selected or driver.widget(f"reject.{term}").selected:  # type: ignore[union-attr]
                continue
            driver.press(f"{rng.choice(('accept', 'reject'))}.{term}", how)
        driver.press("send", how)
        return
    # orders: look through the categories for cards that can be chosen, pick, give.
    wanted: list[int] = []
    for category in range(4):
        tab = f"tab.{category}"
        if driver.widget(tab) is None:
            continue
        if how == "mouse":
            driver.click(tab)
        else:
            driver.key(pygame.K_1 + category)
        cards = [
            w for w in driver.scene.form.widgets if w.key.startswith("card.") and getattr(w, "legal", False)
        ]
        wanted += [int(w.key.split(".")[1]) for w in cards]
    for index in choose(wanted):
        category = driver.scene.match.sc.actions[index].category
        if how == "mouse":
            driver.click(f"tab.{category}")
        else:
            driver.key(pygame.K_1 + category)
        card = driver.widget(f"card.{index}")
        if card is None or getattr(card, "blocked", True) or getattr(card, "selected", 0):
            continue
        if how == "mouse":
            driver.click(card.key)
        else:
            driver.focus(card.key)
            driver.key(pygame.K_SPACE)
    driver.press("give", how)
