"""New game: the scenario, who plays each role (a person or a computer, its level and
persona), the seed and the number of turns.

The choices come from what this build has: the bundled scenarios, ``game.ai.KINDS`` for the
computer levels and each role's personas in the scenario.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.i18n import text, tr, trn
from game.scenario.load import scenario_path
from game.session.seats import Seat
from game.shells.window.app import App, Scene
from game.shells.window.chrome import draw_footer, draw_section_title, footer_height
from game.shells.window.scenes.dialogs import MessageDialog
from game.shells.window.start import (
    LaunchOptions,
    Library,
    StartProblem,
    new_seed,
    new_session,
    seat_kinds,
)
from game.shells.window.widgets import Button, Choice, ScrollArea, TextField, Widget
from game.story.words import LEVEL_KEYS

Rect = pygame.Rect
DEFAULT_COMPUTER = "normal"


def kind_label(kind: str) -> str:
    if kind == "human":
        return tr("ui.seat.human")
    key = LEVEL_KEYS.get(kind)
    return tr("ui.seat.computer", level=tr(key) if key else kind)


class SetupScene(Scene):
    name = "setup"

    def __init__(self, app: App, library: Library, options: LaunchOptions) -> None:
        super().__init__(app)
        self.library = library
        self.options = options
        self.paths: list[Path] = library.paths()
        chosen = 0
        if options.scenario:
            wanted = scenario_path(options.scenario)
            for i, path in enumerate(self.paths):
                if (
                    path.resolve() == wanted.resolve()
                    if path.exists() and wanted.exists()
                    else path == wanted
                ):
                    chosen = i
        self.scenario_choice = Choice(
            "scenario",
            lambda: tr("ui.setup.scenario"),
            [(i, library.title_of(p)) for i, p in enumerate(self.paths)],
            chosen,
            self.on_scenario,
        )
        self.seed = TextField(
            "seed",
            lambda: tr("ui.setup.seed"),
            str(options.seed if options.seed is not None else new_seed()),
            str.isdigit,
            9,
        )
        self.reseed = Button("reseed", lambda: tr("ui.setup.new_seed"), self.on_reseed)
        self.turns = Choice("turns", lambda: tr("ui.setup.turns"), [(n, str(n)) for n in range(1, 41)], 12)
        self.start = Button("start", lambda: tr("ui.setup.start"), self.on_start, kind="primary")
        self.back = Button("back", lambda: tr("ui.back"), self.app.pop)
        self.area = ScrollArea()
        self.seat_choices: list[Choice] = []
        self.persona_choices: list[Choice] = []
        self.scenario = None
        self.problem = ""
        self.load_scenario(chosen)

    # ------------------------------------------------------------------ choices

    def load_scenario(self, index: int) -> None:
        try:
            self.scenario = self.library.load(self.paths[index]) if self.paths else None
            self.problem = ""
        except StartProblem as err:
            self.scenario = None
            self.problem = str(err)
        sc = self.scenario
        self.seat_choices = []
        self.persona_choices = []
        if sc is None:
            self.invalidate()
            return
        kinds = seat_kinds()
        default = DEFAULT_COMPUTER if DEFAULT_COMPUTER in kinds else kinds[-1]
        for role, model in enumerate(sc.model.roles):
            options = [(kind, kind_label(kind)) for kind in kinds]
            self.seat_choices.append(
                Choice(
                    f"seat.{role}",
                    lambda m=model: text(m.name),
                    options,
                    "human" if role == 0 else default,
                    lambda _v: self.invalidate(),
                )
            )
            personas = [(None, tr("ui.setup.persona.none"))] + [(p.id, text(p.name)) for p in model.personas]
            self.persona_choices.append(
                Choice(
                    f"persona.{role}",
                    lambda: tr("ui.setup.persona"),
                    personas,
                    None,
                    lambda _v: self.invalidate(),
                )
            )
        self.turns.set_options([(n, str(n)) for n in range(1, 41)], sc.model.turns)
        self.invalidate()

    def on_scenario(self, value: object) -> None:
        self.load_scenario(int(value))  # type: ignore[arg-type]

    def on_reseed(self) -> None:
        self.seed.value = str(new_seed())

    def seats(self) -> list:

        out = []
        for seat, persona in zip(self.seat_choices, self.persona_choices, strict=True):
            kind = str(seat.value)
            out.append(Seat(kind, None if kind == "human" else persona.value))  # type: ignore[arg-type]
        return out

    def on_start(self) -> None:
        if self.scenario is None:
            self.app.push(
                MessageDialog(self.app, tr("ui.problem"), self.problem or tr("ui.setup.no_scenario"))
            )
            return
        seed = int(self.seed.value) if self.seed.value.isdigit() else None
        try:
            session = new_session(self.scenario, self.seats(), seed, int(self.turns.value))  # type: ignore[arg-type]
        except StartProblem as err:
            self.app.push(MessageDialog(self.app, tr("ui.problem"), str(err)))
            return
        self.app.go.begin(session)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()
            return True
        return super().handle(event)

    # ------------------------------------------------------------------ layout and drawing

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        self.left = Rect(t.pad * 2, t.pad * 2 + p.line_height("title") + t.gap, round(w * 0.52), 0)
        bottom = h - footer_height(p) - t.pad
        button_h = self.start.preferred_height(p)
        self.left.height = bottom - button_h - t.pad - self.left.y
        self.right = Rect(
            self.left.right + t.pad * 2,
            self.left.y,
            w - self.left.right - t.pad * 4,
            self.left.height,
        )
        row = p.line_height("body") + t.px(18)
        self.area.reset(self.left)
        y = 0
        widgets: list[Widget] = []
        width = self.left.width - t.px(12)

        def place(widget: Widget, height: int = row, x: int = 0, wide: int | None = None) -> None:
            self.area.place(widget, Rect(x, y, wide or width, height))
            widgets.append(widget)

        self.headers: list[tuple[int, str]] = []
        place(self.scenario_choice)
        y += row + t.pad
        self.headers.append((y, tr("ui.setup.players")))
        y += p.line_height("small_bold") + t.px(8)
        for seat, persona in zip(self.seat_choices, self.persona_choices, strict=True):
            place(seat)
            y += row + t.px(4)
            persona.visible = seat.value != "human" and len(persona.options) > 1
            if persona.visible:
                place(persona, x=t.px(28), wide=width - t.px(28))
                y += row + t.px(4)
            y += t.px(6)
        y += t.pad
        self.headers.append((y, tr("ui.setup.game")))
        y += p.line_height("small_bold") + t.px(8)
        reseed_w = self.reseed.preferred_width(p)
        place(self.seed, wide=width - reseed_w - t.gap)
        self.area.place(self.reseed, Rect(width - reseed_w, y, reseed_w, row))
        widgets.append(self.reseed)
        y += row + t.px(8)
        place(self.turns)
        self.area.extend(y + row)
        self.area.apply()
        self.back.rect = Rect(self.left.x, bottom - button_h, self.back.preferred_width(p), button_h)
        sw = self.start.preferred_width(p) + t.px(40)
        self.start.rect = Rect(w - t.pad * 2 - sw, bottom - button_h, sw, button_h)
        self.form.set([w_ for w_ in widgets if w_.visible] + [self.back, self.start], [self.area])

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        surface.fill(pal.bg)
        p.draw_text(surface, tr("ui.setup.title"), (t.pad * 2, t.pad * 2), "title")
        clip = surface.get_clip()
        surface.set_clip(self.area.view.inflate(t.px(12), 0))
        for y, label in self.headers:
            draw_section_title(surface, p, label, (self.left.x, self.area.y(y)), self.left.width - t.px(12))
        surface.set_clip(clip)
        self.form.draw(surface, p)
        self.draw_summary(surface)
        draw_footer(surface, p, tr("ui.setup.footer"))

    def draw_summary(self, surface: pygame.Surface) -> None:
        """The chosen scenario in a few lines, and what the players' choices mean."""
        p = self.p
        t = p.theme
        pal = p.pal
        box = self.right
        p.panel(surface, box, pal.panel, pal.line)
        x = box.x + t.pad
        width = box.width - 2 * t.pad
        y = box.y + t.pad
        if self.scenario is None:
            p.draw_wrapped(
                surface,
                self.problem or tr("ui.setup.no_scenario"),
                Rect(x, y, width, box.bottom - y - t.pad),
                "small",
                pal.worse,
            )
            return
        m = self.scenario.model
        y += p.draw_wrapped(surface, text(m.title), Rect(x, y, width, 200), "heading") + t.gap
        humans = sum(1 for c in self.seat_choices if c.value == "human")
        mode = (
            tr("ui.setup.mode.solo")
            if humans == 1
            else trn("ui.setup.mode.hotseat", humans)
            if humans > 1
            else tr("ui.setup.mode.watch")
        )
        y += p.draw_wrapped(surface, mode, Rect(x, y, width, 400), "body_bold", pal.better) + t.gap
        p.draw_wrapped(surface, text(m.intro), Rect(x, y, width, box.bottom - y - t.pad), "small", pal.dim)
