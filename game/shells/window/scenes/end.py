"""The end: the ending's story, each role's objective scores, every track over the turns, the
chain of key decisions and consequences, and the debrief questions.

It shows the public record (or the solo player's) by default; "Reveal the secrets" switches to
the full record, covert orders included, for the debrief.
"""

from __future__ import annotations

import pygame

from game.engine import FACILITATOR, PUBLIC, State, result
from game.engine.log import L_ORDER
from game.i18n import text, tr
from game.shells.window.app import App, Scene
from game.shells.window.board import (
    draw_footer,
    draw_section_title,
    draw_top_bar,
    footer_height,
    top_bar_height,
    visible_tracks,
)
from game.shells.window.cards import Toggle
from game.shells.window.widgets import Button, ScrollArea
from game.story.headlines import headlines
from game.story.words import action_name, role_name

Rect = pygame.Rect
TABS = ("outcome", "tracks", "chain", "debrief")


class EndScene(Scene):
    name = "end"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        assert app.match is not None
        self.match = app.match
        self.tab = "outcome"
        self.reveal = False
        self.area = ScrollArea()
        self.tabs = [
            Toggle(f"tab.{name}", "", lambda name=name: self.set_tab(name), mark=False) for name in TABS
        ]
        self.reveal_button = Button("reveal", self.reveal_label, self.toggle_reveal)
        self.new_button = Button("new", lambda: tr("ui.end.new"), self.on_new, kind="primary")
        self.menu_button = Button("title", lambda: tr("ui.main_menu"), self.on_title)
        self.save_button = Button("save", lambda: tr("ui.menu.save"), self.on_save)
        self.report_button = Button("report", lambda: tr("ui.report.button"), self.on_report)
        self.content_height = 0

    @property
    def viewer(self) -> int:
        if self.reveal:
            return FACILITATOR
        humans = self.match.humans()
        return humans[0] if len(humans) == 1 else PUBLIC

    def state(self) -> State:
        return self.match.session.view(self.viewer)

    def reveal_label(self) -> str:
        return tr("ui.end.hide") if self.reveal else tr("ui.end.reveal")

    def set_tab(self, name: str) -> None:
        self.tab = name
        self.area.offset = 0
        self.invalidate()

    def toggle_reveal(self) -> None:
        self.reveal = not self.reveal
        self.invalidate()

    def on_new(self) -> None:
        self.app.go.new_game()

    def on_title(self) -> None:
        self.app.go.title()

    def on_report(self) -> None:
        self.app.go.report()

    def on_save(self) -> None:
        self.app.go.save_game()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            if (
                event.key in (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4)
                and not event.mod & pygame.KMOD_CTRL
            ):
                self.set_tab(TABS[event.key - pygame.K_1])
                return True
            if event.key == pygame.K_ESCAPE:
                self.app.go.game_menu()
                return True
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
                return self.area.scroll(
                    (1 if event.key == pygame.K_PAGEDOWN else -1) * max(40, self.area.view.height - 40)
                )
            if event.key == pygame.K_s and event.mod & pygame.KMOD_CTRL:
                self.on_save()
                return True
        return super().handle(event)

    # ------------------------------------------------------------------ layout

    def layout(self) -> None:
        p = self.p
        t = p.theme
        w, h = self.app.size
        top = top_bar_height(p) + t.pad
        x = t.pad * 2
        tab_h = p.line_height("body_bold") + t.px(14)
        for name, tab in zip(TABS, self.tabs, strict=True):
            tab.label = f"{TABS.index(name) + 1}  {tr('ui.end.tab.' + name)}"
            tab.selected = name == self.tab
            tw = tab.preferred_width(p)
            tab.rect = Rect(x, top, tw, tab_h)
            x += tw + t.gap
        rw = self.reveal_button.preferred_width(p)
        self.reveal_button.rect = Rect(w - t.pad * 2 - rw, top, rw, tab_h)
        bottom = h - footer_height(p) - t.pad
        bh = self.new_button.preferred_height(p)
        buttons = [self.report_button, self.save_button, self.menu_button, self.new_button]
        bx = w - t.pad * 2
        for button in reversed(buttons):
            bw = button.preferred_width(p)
            bx -= bw
            button.rect = Rect(bx, bottom - bh, bw, bh)
            bx -= t.gap
        body_top = top + tab_h + t.pad
        self.body = Rect(t.pad * 2, body_top, w - t.pad * 4, bottom - bh - t.pad - body_top)
        self.area.reset(self.body)
        scratch = pygame.Surface((1, 1))
        self.area.extend(self.draw_tab(scratch, measure=True))
        self.area.apply()
        self.form.set([*self.tabs, self.reveal_button, *buttons], [self.area])
        if self.form.focus_key == "tab.outcome" and not getattr(self, "_focused_once", False):
            self._focused_once = True
            self.form.focus_key = "new"

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        p = self.p
        s = self.state()
        ending = s.scenario.model.endings[s.ending]
        badge = tr("ui.badge.facilitator") if self.reveal else ""
        surface.fill(p.pal.bg)
        draw_top_bar(
            surface,
            p,
            tr("ui.title.game"),
            tr("text.ending", name=text(ending.name), turn=s.turn),
            badge,
            p.pal.covert if self.reveal else None,
            0,
        )
        clip = surface.get_clip()
        surface.set_clip(self.body)
        self.draw_tab(surface)
        surface.set_clip(clip)
        self.area.draw_scrollbar(surface, p)
        self.form.draw(surface, p)
        draw_footer(surface, p, tr("ui.end.footer"))

    def draw_tab(self, surface: pygame.Surface, measure: bool = False) -> int:
        """Draw the chosen tab into the body (scrolled); returns the height it needs."""
        body = self.body
        rect = Rect(
            body.x,
            body.y - (0 if measure else self.area.offset),
            body.width - self.p.theme.px(16),
            body.height,
        )
        s = self.state()
        if self.tab == "outcome":
            return self.draw_outcome(surface, s, rect)
        if self.tab == "tracks":
            return self.draw_charts(surface, s, rect)
        if self.tab == "chain":
            return self.draw_chain(surface, s, rect)
        return self.draw_debrief(surface, s, rect)

    def draw_outcome(self, surface: pygame.Surface, s: State, rect: Rect) -> int:
        p = self.p
        t = p.theme
        pal = p.pal
        m = s.scenario.model
        ending = m.endings[s.ending]
        outcome = result(s)
        y = rect.y
        y += p.draw_wrapped(surface, text(ending.name), Rect(rect.x, y, rect.width, 400), "title") + t.px(4)
        y += (
            p.draw_wrapped(surface, text(ending.narrative), Rect(rect.x, y, rect.width, 4000), "body") + t.pad
        )
        common = tr("text.common_ground.yes") if outcome.common_ground else tr("text.common_ground.no")
        y += (
            p.draw_wrapped(
                surface,
                common,
                Rect(rect.x, y, rect.width, 400),
                "heading",
                pal.better if outcome.common_ground else pal.worse,
            )
            + t.pad
        )
        y += draw_section_title(surface, p, tr("text.scores"), (rect.x, y), rect.width)
        name_w = round(rect.width * 0.3)
        bar_w = round(rect.width * 0.25)
        for r, score in enumerate(outcome.scores):
            top = y
            p.draw_text(
                surface,
                role_name(s.scenario, r, short=False),
                (rect.x, y),
                "body_bold",
                max_width=name_w - t.gap,
            )
            p.draw_text(
                surface,
                self.match.seat_label(r),
                (rect.x, y + p.line_height("body_bold")),
                "small",
                pal.dim,
                max_width=name_w - t.gap,
            )
            bx = rect.x + name_w
            bar = Rect(bx, y + t.px(6), bar_w, t.px(14))
            pygame.draw.rect(
                surface,
                pal.panel_hi if pal.name == "dark" else pal.line,
                bar,
                border_radius=bar.height // 2,
            )
            color = pal.better if score.cleared else pal.worse
            pygame.draw.rect(
                surface,
                color,
                Rect(bar.x, bar.y, round(bar.width * score.score / 100), bar.height),
                border_radius=bar.height // 2,
            )
            mark = bar.x + round(bar.width * score.threshold / 100)
            pygame.draw.line(
                surface,
                pal.text,
                (mark, bar.y - t.px(4)),
                (mark, bar.bottom + t.px(4)),
                max(2, t.px(2)),
            )
            label = tr("ui.end.score", score=score.score, threshold=score.threshold)
            lr = p.draw_text(surface, label, (bar.right + t.pad, y), "body_bold")
            icon = Rect(lr.right + t.gap, y, lr.height, lr.height)
            (p.check_mark if score.cleared else p.cross)(surface, icon, color)
            p.draw_text(
                surface,
                tr("ui.end.cleared") if score.cleared else tr("ui.end.not_cleared"),
                (icon.right + t.px(4), y),
                "body",
                color,
            )
            oy = y + p.line_height("body_bold") + t.px(6)
            ox = rect.x + name_w
            for objective, value in zip(m.roles[r].objectives, score.objectives, strict=True):
                oy += p.draw_wrapped(
                    surface,
                    f"{text(objective.text)} {value}",
                    Rect(ox, oy, rect.right - ox, 400),
                    "small",
                    pal.dim,
                )
            y = max(oy, top + p.line_height("body_bold") + p.line_height("small")) + t.pad
        return y - rect.y

    def draw_charts(self, surface: pygame.Surface, s: State, rect: Rect) -> int:
        """Every track over the turns, one small chart each (the same 0-100 scale for all)."""
        p = self.p
        t = p.theme
        pal = p.pal
        tracks = visible_tracks(s)
        columns = 4 if rect.width > t.px(900) else 3 if rect.width > t.px(600) else 2
        gap = t.pad
        cw = (rect.width - gap * (columns - 1)) // columns
        ch = max(t.px(110), p.line_height("small_bold") * 2 + t.px(70))
        for i, index in enumerate(tracks):
            col, row = i % columns, i // columns
            cell = Rect(rect.x + col * (cw + gap), rect.y + row * (ch + gap), cw, ch)
            if surface.get_width() > 1:
                self.draw_chart(surface, s, index, cell)
        rows = (len(tracks) + columns - 1) // columns
        y = rect.y + rows * (ch + gap)
        y += p.draw_wrapped(
            surface, tr("ui.end.chart_note"), Rect(rect.x, y, rect.width, 400), "small", pal.dim
        )
        return y - rect.y

    def draw_chart(self, surface: pygame.Surface, s: State, index: int, cell: Rect) -> None:
        p = self.p
        t = p.theme
        pal = p.pal
        model = s.scenario.model.tracks[index]
        p.panel(surface, cell, pal.panel)
        values = [s.scenario.track_start[index]] + [record.tracks[index] for record in s.history]
        x = cell.x + t.px(8)
        p.draw_text(
            surface,
            text(model.name),
            (x, cell.y + t.px(4)),
            "small_bold",
            max_width=cell.width - t.px(16),
        )
        delta = values[-1] - values[0]
        summary = f"{values[0]} - {values[-1]}"
        sy = cell.y + t.px(4) + p.line_height("small_bold")
        r = p.draw_text(surface, summary, (x, sy), "small", pal.dim)
        p.change(surface, (r.right + t.px(8), sy), delta, model.good, "small_bold")
        plot = Rect(
            x,
            sy + p.line_height("small") + t.px(4),
            cell.width - t.px(16),
            cell.bottom - t.px(8) - (sy + p.line_height("small") + t.px(4)),
        )
        if plot.height < 10:
            return
        pygame.draw.rect(surface, pal.bg, plot)
        mid = plot.y + plot.height // 2
        pygame.draw.line(surface, pal.line, (plot.x, mid), (plot.right, mid), 1)
        n = max(1, len(values) - 1)
        points = [
            (plot.x + round(plot.width * i / n), plot.bottom - round(plot.height * v / 100))
            for i, v in enumerate(values)
        ]
        color = p.change_color(delta, model.good)
        if len(points) > 1:
            pygame.draw.lines(surface, color, False, points, max(2, t.px(2)))
        for point in points:
            pygame.draw.circle(surface, color, point, max(2, t.px(3)))

    def draw_chain(self, surface: pygame.Surface, s: State, rect: Rect) -> int:
        """Turn by turn: the orders revealed, then the big consequences they led to."""
        p = self.p
        t = p.theme
        pal = p.pal
        sc = s.scenario
        y = rect.y
        indent = t.px(90)
        for record in s.history:
            orders = []
            for kind, subject, value, _ in record.entries:
                if kind == L_ORDER:
                    orders.append(f"{role_name(sc, value)}: {action_name(sc, subject)}")
            major = [h for h in headlines(s, record.entries) if h.major]
            if not orders and not major:
                continue
            p.draw_text(surface, tr("text.turn_n", n=record.turn), (rect.x, y), "body_bold")
            yy = y
            if orders:
                yy += p.draw_wrapped(
                    surface,
                    "; ".join(orders),
                    Rect(rect.x + indent, yy, rect.width - indent, 4000),
                    "small",
                    pal.dim,
                ) + t.px(2)
            for item in major:
                risks = f"  ({', '.join(item.risks)})" if item.risks else ""
                size = t.px(7)
                pygame.draw.rect(
                    surface,
                    pal.text,
                    Rect(
                        rect.x + indent - t.px(14),
                        yy + p.line_height("body") // 2 - size // 2,
                        size,
                        size,
                    ),
                )
                yy += p.draw_wrapped(
                    surface,
                    item.text + risks,
                    Rect(rect.x + indent, yy, rect.width - indent, 4000),
                    "body",
                ) + t.px(2)
            y = max(yy, y + p.line_height("body_bold")) + t.gap
            pygame.draw.line(surface, pal.line, (rect.x, y - t.gap // 2), (rect.right, y - t.gap // 2), 1)
        return y - rect.y

    def draw_debrief(self, surface: pygame.Surface, s: State, rect: Rect) -> int:
        p = self.p
        t = p.theme
        pal = p.pal
        m = s.scenario.model
        y = rect.y
        counts: dict[str, int] = {}
        for record in s.history:
            for item in headlines(s, record.entries):
                if item.major:
                    for risk in item.risks:
                        counts[risk] = counts.get(risk, 0) + 1
        y += draw_section_title(surface, p, tr("ui.end.risks"), (rect.x, y), rect.width)
        names = {risk.id: text(risk.name) for risk in m.risks}
        if not counts:
            y += p.draw_wrapped(
                surface, tr("ui.end.no_risks"), Rect(rect.x, y, rect.width, 400), "body", pal.dim
            )
        x = rect.x
        line = p.line_height("body") + t.px(10)
        for risk in sorted(counts, key=lambda r: (-counts[r], int(r[1:]) if r[1:].isdigit() else 0)):
            label = f"{risk} {names.get(risk, '')}  x{counts[risk]}"
            w = p.width(label, "body") + t.px(20)
            if x > rect.x and x + w > rect.right:
                x = rect.x
                y += line
            chip = Rect(x, y, w, line - t.px(4))
            p.panel(surface, chip, pal.panel_hi)
            p.draw_text(surface, label, (x + t.px(10), y + t.px(3)), "body")
            x += w + t.gap
        y += line + t.pad
        y += draw_section_title(surface, p, tr("ui.end.questions"), (rect.x, y), rect.width)
        for number, question in enumerate(m.debrief.questions, 1):
            risks = f"  ({', '.join(question.risks)})" if question.risks else ""
            p.draw_text(surface, f"{number}.", (rect.x, y), "body_bold")
            y += (
                p.draw_wrapped(
                    surface,
                    text(question.text) + risks,
                    Rect(rect.x + t.px(34), y, rect.width - t.px(34), 4000),
                    "body",
                )
                + t.gap
            )
        return y - rect.y
