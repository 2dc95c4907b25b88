"""The title screen: continue, new game, load, settings, help, quit.

It is the first frame, so it draws with nothing but the font: the scenario is loaded, the
autosave looked up and any ``--load`` / ``--roles`` from the command line acted on in the
first update *after* that frame is on screen.
"""

from __future__ import annotations

import pygame

from game.i18n import available_languages, language, language_name, set_language, text, tr
from game.scenario.load import scenario_path
from game.shells.window import saves
from game.shells.window.app import App, Scene
from game.shells.window.chrome import draw_footer, footer_height
from game.shells.window.scenes.dialogs import MessageDialog, PickDialog
from game.shells.window.start import (
    LaunchOptions,
    Library,
    StartProblem,
    new_session,
    parse_roles,
)
from game.shells.window.widgets import Button, Choice

Rect = pygame.Rect


class TitleScene(Scene):
    name = "title"

    def __init__(
        self, app: App, options: LaunchOptions | None = None, library: Library | None = None
    ) -> None:
        super().__init__(app)
        self.options = options or LaunchOptions()
        self.library = library or Library()
        self.booted = False
        self.autosave_path = None
        self.scenario_title = ""
        self.buttons = [
            Button("continue", lambda: tr("ui.title.continue"), self.on_continue, kind="primary"),
            Button("new", lambda: tr("ui.title.new"), self.on_new, kind="primary"),
            Button("load", lambda: tr("ui.title.load"), self.on_load),
            Button("settings", lambda: tr("ui.title.settings"), self.on_settings),
            Button("help", lambda: tr("ui.title.help"), self.on_help),
            Button("quit", lambda: tr("ui.title.quit"), self.app.quit),
        ]
        self.language = Choice(
            "language",
            lambda: tr("ui.settings.language"),
            [(code, language_name(code)) for code in available_languages()],
            language(),
            self.on_language,
        )

    # ------------------------------------------------------------------ start-up, after frame one

    @property
    def animating(self) -> bool:
        return not self.booted

    def update(self, dt: float) -> None:
        if not self.booted and self.app.frames >= 1:
            self.boot()

    def boot(self) -> None:
        self.booted = True
        options = self.options
        if options.scenario:
            self.library.extra.append(scenario_path(options.scenario))
        scenario = None
        try:
            scenario = self.library.load(options.scenario)
            self.scenario_title = text(scenario.model.title)
        except StartProblem as err:
            self.app.push(MessageDialog(self.app, tr("ui.problem"), str(err)))
        self.autosave_path = saves.latest_autosave()
        self.invalidate()
        try:
            if options.load:
                self.app.go.resume(options.load)
            elif options.roles and scenario is not None:
                self.app.go.begin(
                    new_session(scenario, parse_roles(scenario, options.roles), options.seed),
                )
        except StartProblem as err:
            self.app.push(MessageDialog(self.app, tr("ui.problem"), str(err)))

    # ------------------------------------------------------------------ buttons

    def on_continue(self) -> None:
        if self.autosave_path is None:
            return
        try:
            self.app.go.resume(self.autosave_path)
        except StartProblem as err:
            self.app.push(MessageDialog(self.app, tr("ui.problem"), str(err)))

    def on_new(self) -> None:
        self.app.go.setup()

    def on_load(self) -> None:
        open_load_dialog(self.app)

    def on_settings(self) -> None:
        self.app.go.settings()

    def on_help(self) -> None:
        self.app.go.help()

    def on_language(self, value: object) -> None:
        set_language(str(value))
        self.language.set_options([(code, language_name(code)) for code in available_languages()], value)
        if self.booted:
            try:
                self.scenario_title = text(self.library.load(self.options.scenario).model.title)
            except StartProblem:
                pass
        self.app.language_changed()

    # ------------------------------------------------------------------ layout and drawing

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        self.language.set_options(  # the language may have changed in Settings
            [(code, language_name(code)) for code in available_languages()], language()
        )
        self.buttons[0].visible = self.autosave_path is not None
        self.buttons[1].kind = "normal" if self.autosave_path is not None else "primary"
        shown = [b for b in self.buttons if b.visible]
        bw = min(t.px(380), w - 2 * t.pad)
        bh = self.buttons[1].preferred_height(p)
        x = max(t.pad, round(w * 0.1))
        y = round(h * 0.42)
        space = h - footer_height(p) - t.pad - y - (bh + t.gap)
        step = min(bh + t.gap, max(bh + 2, space // max(1, len(shown))))
        for i, button in enumerate(shown):
            button.rect = Rect(x, y + i * step, bw, bh)
        self.language.rect = Rect(x, y + len(shown) * step + t.gap, bw, bh)
        self.form.set([*shown, self.language])

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        w, h = surface.get_size()
        surface.fill(pal.bg)
        self.draw_emblem(surface, Rect(round(w * 0.52), round(h * 0.12), round(w * 0.42), round(h * 0.72)))
        x = max(t.pad, round(w * 0.1))
        y = round(h * 0.1)
        p.draw_text(surface, tr("ui.title.game"), (x, y), "display", max_width=w - x - t.pad)
        y += p.line_height("display")
        y += p.draw_wrapped(
            surface, tr("ui.title.tagline"), Rect(x, y, round(w * 0.42), h), "heading", pal.dim
        )
        if self.scenario_title:
            p.draw_text(
                surface,
                tr("ui.title.scenario", title=self.scenario_title),
                (x, y + t.gap),
                "body",
                pal.dim,
                max_width=round(w * 0.42),
            )
        elif not self.booted:
            p.draw_text(surface, tr("ui.loading"), (x, y + t.gap), "body", pal.dim)
        self.form.draw(surface, p)
        draw_footer(surface, p, tr("ui.title.footer"))

    def draw_emblem(self, surface: pygame.Surface, rect: Rect) -> None:
        """Three overlapping circles, one per side; where they meet is the common ground."""
        pal = self.p.pal
        radius = min(rect.width, rect.height) * 3 // 10
        if radius < 20:
            return
        cx, cy = rect.center
        colors = (pal.better, pal.worse, pal.covert)
        offsets = ((-0.55, 0.32), (0.55, 0.32), (0.0, -0.62))
        alpha = 80 if pal.name == "dark" else 70
        size = radius * 2 + 2
        for color, (dx, dy) in zip(colors, offsets, strict=True):
            disc = pygame.Surface((size, size), pygame.SRCALPHA)
            pygame.draw.circle(disc, (*color, alpha), (radius + 1, radius + 1), radius)
            surface.blit(disc, (cx + round(dx * radius) - radius - 1, cy + round(dy * radius) - radius - 1))
        for color, (dx, dy) in zip(colors, offsets, strict=True):
            pygame.draw.circle(
                surface,
                color,
                (cx + round(dx * radius), cy + round(dy * radius)),
                radius,
                max(2, radius // 45),
            )


def open_load_dialog(app: App) -> None:
    """Pick a saved game and continue it; problems become a message."""
    try:
        entries = saves.list_saves()
    except saves.SaveProblem as err:
        app.push(MessageDialog(app, tr("ui.problem"), str(err)))
        return

    def pick(index: int) -> None:
        try:
            app.go.resume(entries[index].path)
        except StartProblem as err:
            app.push(MessageDialog(app, tr("ui.problem"), str(err)))

    items = [(entry.name, entry.detail) for entry in entries]
    app.push(PickDialog(app, tr("ui.load.title"), items, pick, empty=tr("ui.load.none")))
