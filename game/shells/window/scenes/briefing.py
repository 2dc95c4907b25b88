"""A role's secret briefing and objectives: shown on its private screen, never on the public one."""

from __future__ import annotations

import pygame

from game.engine import State, role_score
from game.i18n import text, tr
from game.shells.window.app import App
from game.shells.window.painter import Painter
from game.shells.window.scenes.dialogs import Dialog
from game.shells.window.widgets import Button, ScrollArea, Widget
from game.story.words import role_name

Rect = pygame.Rect


def draw_briefing(
    surface: pygame.Surface, p: Painter, s: State, role: int, rect: Rect, offset: int = 0
) -> int:
    """Situation, pressures, what success looks like, and each objective with its value now.

    Returns the full height the content needs (for scrolling)."""
    t = p.theme
    pal = p.pal
    brief = s.scenario.model.roles[role].briefing
    y = rect.y - offset
    clip = surface.get_clip()
    surface.set_clip(rect)
    for label, body in (
        (tr("text.brief.situation"), text(brief.situation)),
        (tr("text.brief.pressures"), text(brief.pressures)),
        (tr("text.brief.success"), text(brief.success)),
    ):
        p.draw_text(surface, label, (rect.x, y), "body_bold", pal.dim)
        y += p.line_height("body_bold")
        y += p.draw_wrapped(surface, body, Rect(rect.x, y, rect.width, 2000), "body") + t.gap
    score = role_score(s, role)
    y += t.px(4)
    p.draw_text(
        surface,
        tr("ui.w.objectives", score=score.score, threshold=score.threshold),
        (rect.x, y),
        "body_bold",
        max_width=rect.width,
    )
    y += p.line_height("body_bold") + t.px(4)
    bar_w = round(rect.width * 0.28)
    for objective, value in zip(s.scenario.model.roles[role].objectives, score.objectives, strict=True):
        label = f"{text(objective.text)}  ({tr('text.weight')} {objective.weight})"
        h = p.draw_wrapped(surface, label, Rect(rect.x, y, rect.width - bar_w - t.pad, 2000), "small")
        bar = Rect(rect.right - bar_w, y + t.px(4), bar_w - p.width("100", "small_bold") - t.gap, t.px(10))
        pygame.draw.rect(
            surface,
            pal.panel_hi if pal.name == "dark" else pal.line,
            bar,
            border_radius=bar.height // 2,
        )
        pygame.draw.rect(
            surface,
            pal.better,
            Rect(bar.x, bar.y, round(bar.width * value / 100), bar.height),
            border_radius=bar.height // 2,
        )
        p.draw_text(surface, str(value), (rect.right, y), "small_bold", align="right")
        y += max(h, p.line_height("small")) + t.px(6)
    surface.set_clip(clip)
    return y + offset - rect.y


class BriefingScene(Dialog):
    """The briefing as an overlay on a role's private screen (key B)."""

    name = "briefing"

    def __init__(self, app: App, role: int) -> None:
        assert app.match is not None
        super().__init__(
            app, tr("ui.briefing.title", role=role_name(app.match.sc, role, short=False)), width=820
        )
        self.role = role
        self.area = ScrollArea()
        self.buttons = [Button("close", tr("ui.close"), self.close, kind="primary")]
        self.needed = 0

    def state(self) -> State:
        assert self.app.match is not None
        return self.app.match.session.view(self.role)

    def content_height(self, width: int) -> int:
        h = self.app.size[1]
        return max(self.p.theme.px(200), h - self.p.theme.px(220))

    def place_content(self, rect: Rect) -> list[Widget]:
        self.area.reset(rect)
        scratch = pygame.Surface((1, 1))
        self.area.extend(
            draw_briefing(
                scratch,
                self.p,
                self.state(),
                self.role,
                Rect(rect.x, rect.y, rect.width - self.p.theme.px(14), 1),
            )
        )
        self.area.apply()
        return []

    def areas(self) -> list[ScrollArea]:
        return [self.area]

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_DOWN, pygame.K_UP):
            return self.area.scroll(
                (1 if event.key == pygame.K_DOWN else -1) * self.p.line_height("body") * 2
            )
        if event.type == pygame.KEYDOWN and event.key == pygame.K_b:
            self.close()
            return True
        return super().handle(event)

    def draw_content(self, surface: pygame.Surface) -> None:
        view = self.area.view
        draw_briefing(
            surface,
            self.p,
            self.state(),
            self.role,
            Rect(view.x, view.y, view.width - self.p.theme.px(14), view.height),
            self.area.offset,
        )
        self.area.draw_scrollbar(surface, self.p)
