"""The thin app over a scene stack: the window, the loop, global keys and nothing else.

Each scene handles events, updates and draws; *drawing never changes game state*. Overlay
scenes (the menu, dialogs, help, later the facilitator's panel) are pushed over the scene below
and draw on top of it. The loop blocks on events when nothing moves, so an idle window costs
no CPU; ``step(events, dt)`` is the whole frame, so tests drive it without sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pygame

from game.shells.window import deliberation
from game.shells.window.nav import Navigator
from game.shells.window.painter import Painter
from game.shells.window.theme import MIN_SIZE, Settings, Theme
from game.shells.window.widgets import Form

if TYPE_CHECKING:
    from game.shells.window.flow import Match

IDLE_WAIT_MS = 1000  # wake at least this often when idle (cheap: one empty frame check)
FRAME_SECONDS = 1 / 60
TOAST_SECONDS = 3.5


class Scene:
    """One screen. Subclasses set ``overlay`` to draw over the scene below."""

    overlay = False
    name = "scene"

    def __init__(self, app: App) -> None:
        self.app = app
        self.form = Form()
        self._needs_layout = True

    @property
    def p(self) -> Painter:
        return self.app.painter

    def invalidate(self) -> None:
        """Widgets must be placed again (the state, the size or the language changed)."""
        self._needs_layout = True
        self.app.dirty = True

    def ensure_layout(self) -> None:
        if self._needs_layout:
            self._needs_layout = False
            self.layout()

    def enter(self) -> None:
        """Became the top scene (pushed, or uncovered)."""
        self.invalidate()

    def layout(self) -> None:
        """Place widgets for the current window size."""

    def handle(self, event: pygame.event.Event) -> bool:
        """Use an event; True if something changed on screen."""
        return self.form.handle(event)

    def update(self, dt: float) -> None:
        """Advance animations by ``dt`` seconds."""

    @property
    def animating(self) -> bool:
        return False

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError


class App:
    """Owns the window surface, the painter and the scene stack."""

    def __init__(
        self, surface: pygame.Surface, settings: Settings | None = None, resizable: bool = True
    ) -> None:
        self.surface = surface
        self.settings = settings or Settings()
        self.resizable = resizable
        self.painter = Painter(Theme.for_window(surface.get_size(), self.settings))
        self.stack: list[Scene] = []
        self.dirty = True
        self.running = True
        self.exit_code = 0
        self.match: Match | None = None
        self.toast_text = ""
        self.toast_left = 0.0
        self.frames = 0
        self.windowed_size = surface.get_size()
        self.on_quit: Callable[[], None] | None = None
        self.options: Any = None  # the command line's LaunchOptions (for a fresh title screen)
        self.library: Any = None  # scenarios loaded so far
        self.go = Navigator(self)  # the way to every other screen
        self.busy_shown = 0  # how many times 'thinking…' was put on screen (tests read it)

    # ------------------------------------------------------------------ the stack

    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    def push(self, scene: Scene) -> None:
        self.stack.append(scene)
        scene.enter()
        self.dirty = True

    def pop(self) -> Scene | None:
        scene = self.stack.pop() if self.stack else None
        if self.top is not None:
            self.top.enter()
        self.dirty = True
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another (the next step of the game)."""
        if self.stack:
            self.stack.pop()
        self.push(scene)

    def reset(self, scene: Scene) -> None:
        """Drop every scene and start over from this one (title, a new game, the end)."""
        self.stack.clear()
        self.push(scene)

    def find(self, kind: type) -> Scene | None:
        return next((s for s in reversed(self.stack) if isinstance(s, kind)), None)

    def toast(self, text: str) -> None:
        """A short message at the bottom of the window (e.g. 'Saved')."""
        self.toast_text = text
        self.toast_left = TOAST_SECONDS
        self.dirty = True

    # ------------------------------------------------------------------ settings and window

    def apply_settings(self) -> None:
        self.painter.retheme(Theme.for_window(self.size, self.settings))
        for scene in self.stack:
            scene.invalidate()
        self.dirty = True

    def refresh(self) -> None:
        """The game changed outside the scenes (e.g. a facilitator's decision): read it again."""
        for scene in self.stack:
            scene.invalidate()

    def language_changed(self) -> None:
        self.painter.clear_text()
        self.apply_settings()

    def resized(self) -> None:
        surface = pygame.display.get_surface()
        if surface is not None:
            self.surface = surface
        if not self.settings.fullscreen:
            self.windowed_size = self.size
        self.apply_settings()

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        if pygame.display.get_surface() is None:
            return
        if self.settings.fullscreen:
            self.windowed_size = self.size
            self.surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            flags = pygame.RESIZABLE if self.resizable else 0
            self.surface = pygame.display.set_mode(self.windowed_size, flags)
        self.apply_settings()

    def toggle_projector(self) -> None:
        on = not self.settings.projector
        self.settings.large_text = on
        self.settings.palette = "light" if on else "dark"
        self.apply_settings()

    # ------------------------------------------------------------------ a frame

    def global_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_F11 or (event.key == pygame.K_RETURN and event.mod & pygame.KMOD_ALT):
            self.toggle_fullscreen()
            return True
        if event.key == pygame.K_F2:
            self.toggle_projector()
            return True
        if event.key == pygame.K_F1:
            self.go.help()
            return True
        if event.key == pygame.K_q and event.mod & pygame.KMOD_CTRL:
            self.go.confirm_quit()
            return True
        if event.key == pygame.K_F9 and self.match is not None:
            self.go.facilitator()
            return True
        return False

    def quit(self, code: int = 0) -> None:
        if self.on_quit is not None:
            self.on_quit()
        self.running = False
        self.exit_code = code

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.go.confirm_quit()
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.resized()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.dirty = True
            return
        if event.type == pygame.WINDOWLEAVE and self.top is not None:
            self.top.form.hover_key = None
            self.dirty = True
            return
        top = self.top
        if top is None:
            return
        top.ensure_layout()
        if event.type == pygame.KEYDOWN and self.global_key(event):
            return
        if top.handle(event):
            self.dirty = True

    def step(
        self,
        events: Sequence[pygame.event.Event],
        dt: float,
        clock_dt: float | None = None,
        draw: bool = True,
    ) -> bool:
        """One frame: events, animation, drawing if anything changed. Returns True if drawn.

        ``dt`` drives animations (capped by the loop); ``clock_dt``, when given, is the real time
        that passed, for the deliberation timer (an idle window sleeps up to a second).
        ``draw=False`` (scripted input only) leaves a changed frame undrawn and still dirty.
        """
        for event in events:
            if not self.running:
                break
            self.handle(event)
        if not self.running:
            return False
        top = self.top
        if top is not None:
            top.update(dt)
            if top.animating:
                self.dirty = True
        if deliberation.tick(self, dt if clock_dt is None else clock_dt):  # redraw once a second
            self.dirty = True
        if self.toast_left > 0:
            self.toast_left -= dt
            if self.toast_left <= 0:
                self.dirty = True
        if not self.dirty or not draw:
            return False
        self.draw()
        return True

    def draw(self) -> None:
        self.dirty = False
        self.frames += 1
        surface = self.surface
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].overlay:
            first -= 1
        for index in range(max(first, 0), len(self.stack)):
            scene = self.stack[index]
            scene.ensure_layout()
            if scene.overlay and index > first:
                shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
                shade.fill(self.painter.pal.shade)
                surface.blit(shade, (0, 0))
            scene.draw(surface)
        if not self.stack:
            surface.fill(self.painter.pal.bg)
        if self.toast_left > 0 and self.toast_text:
            self.draw_toast(surface)

    def draw_toast(self, surface: pygame.Surface) -> None:
        p = self.painter
        image = p.text(self.toast_text, "body_bold", p.pal.primary_text)
        rect = image.get_rect()
        box = rect.inflate(p.theme.px(32), p.theme.px(16))
        box.midbottom = (surface.get_width() // 2, surface.get_height() - p.theme.px(40))
        p.panel(surface, box, p.pal.primary)
        surface.blit(image, image.get_rect(center=box.center))

    def show_busy(self, message: str) -> None:
        """Put 'thinking…' on screen at once, before work that blocks the loop (a computer
        player deciding): the frame is drawn and shown now, not at the next step."""
        self.draw()
        p = self.painter
        image = p.text(message, "heading", p.pal.text)
        box = image.get_rect().inflate(p.theme.px(64), p.theme.px(36))
        box.center = (self.surface.get_width() // 2, self.surface.get_height() // 2)
        p.panel(self.surface, box, p.pal.panel_hi, p.pal.focus)
        self.surface.blit(image, image.get_rect(center=box.center))
        self.busy_shown += 1
        if pygame.display.get_surface() is self.surface:
            pygame.display.flip()
        self.dirty = True

    @property
    def animating(self) -> bool:
        top = self.top
        return bool(top is not None and top.animating)

    def run(self) -> int:
        """The real loop: blocks on events when idle, 60 frames a second while animating."""
        clock = pygame.time.Clock()
        last = time.perf_counter()
        self.step([], 0.0)
        pygame.display.flip()
        while self.running:
            if self.animating:
                clock.tick(60)
                events = pygame.event.get()
            else:
                timeout = IDLE_WAIT_MS
                if self.toast_left > 0:
                    timeout = max(10, min(timeout, int(self.toast_left * 1000) + 5))
                timer_ms = deliberation.wake_ms(self)
                if timer_ms is not None:
                    timeout = min(timeout, timer_ms)
                first = pygame.event.wait(timeout)
                events = pygame.event.get()
                if first.type != pygame.NOEVENT:
                    events.insert(0, first)
            now = time.perf_counter()
            elapsed = now - last
            last = now
            if self.step(events, min(elapsed, 0.25), elapsed):
                pygame.display.flip()
        return self.exit_code


def open_window(size: tuple[int, int], settings: Settings, title: str) -> pygame.Surface:
    """Create the window (resizable); raises pygame.error when there is no display."""
    pygame.display.set_caption(title)
    w = max(MIN_SIZE[0], size[0])
    h = max(MIN_SIZE[1], size[1])
    if settings.fullscreen:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    return pygame.display.set_mode((w, h), pygame.RESIZABLE)
