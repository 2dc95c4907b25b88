"""F1: the keys and mouse, on one overlay; and the settings (text size, colours, language)."""

from __future__ import annotations

import pygame

from game.i18n import available_languages, language, language_name, set_language, tr
from game.shells.window.app import App
from game.shells.window.scenes.dialogs import Dialog
from game.shells.window.widgets import Button, Choice, Widget

Rect = pygame.Rect

KEYS = (
    ("Tab / Shift+Tab", "ui.help.tab"),
    ("ui.help.arrow_keys", "ui.help.arrows"),
    ("Enter / Space", "ui.help.enter"),
    ("Esc", "ui.help.esc"),
    ("1 - 4", "ui.help.categories"),
    ("B", "ui.help.briefing"),
    ("Ctrl+S", "ui.help.save"),
    ("F1", "ui.help.f1"),
    ("F2", "ui.help.f2"),
    ("F9", "ui.help.f9"),
    ("F11", "ui.help.f11"),
    ("ui.help.mouse_key", "ui.help.mouse"),
)


class HelpScene(Dialog):
    name = "help"

    def __init__(self, app: App) -> None:
        super().__init__(app, tr("ui.help.title"), width=760)
        self.buttons = [Button("close", tr("ui.close"), self.close, kind="primary")]

    def rows(self) -> list[tuple[str, str]]:
        out = []
        for key, what in KEYS:
            label = tr(key) if key.startswith("ui.") else key
            out.append((label, tr(what)))
        return out

    def content_height(self, width: int) -> int:
        p = self.p
        col = round(width * 0.3)
        return sum(p.wrapped_height(what, "body", width - col) + p.theme.px(4) for _, what in self.rows())

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.p
        t = p.theme
        x = self.box.x + 2 * t.pad
        width = self.box.width - 4 * t.pad
        col = round(width * 0.3)
        y = self.content_top
        for key, what in self.rows():
            p.draw_text(surface, key, (x, y), "body_bold", max_width=col - t.gap)
            y += p.draw_wrapped(surface, what, Rect(x + col, y, width - col, 500), "body") + t.px(4)


class SettingsScene(Dialog):
    """Projector mode, text size, colours, animations and the interface language."""

    name = "settings"

    def __init__(self, app: App) -> None:
        super().__init__(app, tr("ui.settings.title"), width=640)
        s = app.settings
        yes_no = [(True, tr("ui.on")), (False, tr("ui.off"))]
        self.choices: list[Choice] = [
            Choice(
                "projector",
                lambda: tr("ui.settings.projector"),
                yes_no,
                s.projector,
                self.set_projector,
            ),
            Choice("large", lambda: tr("ui.settings.large_text"), yes_no, s.large_text, self.set_large),
            Choice(
                "palette",
                lambda: tr("ui.settings.palette"),
                [("dark", tr("ui.palette.dark")), ("light", tr("ui.palette.light"))],
                s.palette,
                self.set_palette,
            ),
            Choice(
                "animations",
                lambda: tr("ui.settings.animations"),
                yes_no,
                s.animations,
                self.set_animations,
            ),
            Choice(
                "language",
                lambda: tr("ui.settings.language"),
                [(code, language_name(code)) for code in available_languages()],
                language(),
                self.set_language,
            ),
        ]
        self.buttons = [Button("close", tr("ui.close"), self.close, kind="primary")]

    def set_projector(self, value: object) -> None:
        if bool(value) != self.app.settings.projector:
            self.app.toggle_projector()
        self.sync()

    def set_large(self, value: object) -> None:
        self.app.settings.large_text = bool(value)
        self.app.apply_settings()
        self.sync()

    def set_palette(self, value: object) -> None:
        self.app.settings.palette = str(value)
        self.app.apply_settings()
        self.sync()

    def set_animations(self, value: object) -> None:
        self.app.settings.animations = bool(value)

    def set_language(self, value: object) -> None:
        set_language(str(value))
        self.title = tr("ui.settings.title")
        self.buttons[0].label = tr("ui.close")
        for choice in self.choices:
            if choice.key in ("projector", "large", "animations"):
                choice.set_options([(True, tr("ui.on")), (False, tr("ui.off"))], choice.value)
            elif choice.key == "palette":
                choice.set_options(
                    [("dark", tr("ui.palette.dark")), ("light", tr("ui.palette.light"))],
                    choice.value,
                )
        self.app.language_changed()

    def sync(self) -> None:
        s = self.app.settings
        for choice in self.choices:
            current = {"projector": s.projector, "large": s.large_text, "palette": s.palette}.get(choice.key)
            if current is not None:
                choice.index = next((i for i, (v, _) in enumerate(choice.options) if v == current), 0)
        self.invalidate()

    def content_height(self, width: int) -> int:
        p = self.p
        return len(self.choices) * (p.line_height("body") + p.theme.px(20) + p.theme.gap)

    def place_content(self, rect: Rect) -> list[Widget]:
        p = self.p
        h = p.line_height("body") + p.theme.px(20)
        for i, choice in enumerate(self.choices):
            choice.rect = Rect(rect.x, rect.y + i * (h + p.theme.gap), rect.width, h)
        return list(self.choices)
