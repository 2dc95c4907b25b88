"""The end screen's "After-action report": write it (HTML and Markdown), show where, open it.

The report is made by a worker (``game.shells.window.reportjob``) while this dialog shows a progress bar
and a Cancel button; when it is written the dialog gives the file's path and offers to open it
in the browser. Opening goes through ``opener`` (``webbrowser.open`` by default) so tests can
check it without starting a browser.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from pathlib import Path

import pygame

from game.i18n import tr
from game.report.typical import DEFAULT_GAMES
from game.shells.window.app import App
from game.shells.window.reportjob import CANCELLED, DONE, FAILED, ReportJob
from game.shells.window.scenes.dialogs import Dialog
from game.shells.window.widgets import Button, Widget

Rect = pygame.Rect
GAMES: int | None = None  # games for "how typical"; None: the report's own default


def open_in_browser(path: Path) -> bool:
    return webbrowser.open(path.resolve().as_uri())


class ReportScene(Dialog):
    name = "report"

    def __init__(
        self,
        app: App,
        games: int | None = None,
        opener: Callable[[Path], object] | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(app, tr("ui.report.title"), tr("ui.report.working"), width=700)
        assert app.match is not None

        count = games if games is not None else (GAMES if GAMES is not None else DEFAULT_GAMES)
        self.opener = opener or open_in_browser
        self.job = ReportJob(app.match.session, count, folder).start()
        self.shown = (self.job.status, -1)
        self.cancel_button = Button("cancel", lambda: tr("ui.cancel"), self.cancel)
        self.open_button = Button("open", lambda: tr("ui.report.open"), self.on_open, kind="primary")
        self.close_button = Button("close", lambda: tr("ui.close"), self.close)
        self.buttons = [self.cancel_button]
        self.opened = False

    # ------------------------------------------------------------------ the job

    @property
    def animating(self) -> bool:
        return False  # the worker wakes the window when there is something new to show

    def update(self, dt: float) -> None:
        job = self.job
        now = (job.status, round(job.share * 200))
        if now == self.shown:
            return
        status_changed = now[0] != self.shown[0]
        self.shown = now
        if status_changed:
            self.finish()
        self.app.dirty = True

    def finish(self) -> None:
        job = self.job
        if job.status == DONE:
            html, md = job.paths[0], job.paths[-1]
            self.body = tr("ui.report.done", folder=str(html.parent), html=html.name, md=md.name)
            self.buttons = [self.close_button, self.open_button]
            self.form.focus_key = "open"
        elif job.status == FAILED:
            self.title = tr("ui.problem")
            self.body = tr("ui.report.failed", error=job.error)
            self.buttons = [self.close_button]
        elif job.status == CANCELLED:
            self.close()
            return
        self.invalidate()

    def cancel(self) -> None:
        """Esc or Cancel: stop the analysis (nothing is written) and close."""
        if not self.job.finished:
            self.job.cancel()
            self.app.toast(tr("ui.report.cancelled"))
        self.close()

    def on_open(self) -> None:
        if self.job.paths:
            self.opened = self.opener(self.job.paths[0]) is not False
            self.app.toast(tr("ui.report.opening" if self.opened else "ui.report.no_browser"))

    # ------------------------------------------------------------------ the bar

    def content_height(self, width: int) -> int:
        if self.job.finished:
            return 0
        p = self.p
        return p.theme.px(18) + p.theme.gap + p.line_height("small")

    def place_content(self, rect: Rect) -> list[Widget]:
        self.bar = Rect(rect.x, rect.y, rect.width, self.p.theme.px(18))
        return []

    def draw_content(self, surface: pygame.Surface) -> None:
        if self.job.finished:
            return
        p = self.p
        t = p.theme
        pal = p.pal
        bar = self.bar
        pygame.draw.rect(surface, pal.panel_hi, bar, border_radius=bar.height // 2)
        fill = Rect(bar.x, bar.y, round(bar.width * self.job.share), bar.height)
        if fill.width:
            pygame.draw.rect(surface, pal.primary, fill, border_radius=bar.height // 2)
        pygame.draw.rect(surface, pal.line, bar, width=1, border_radius=bar.height // 2)
        job = self.job
        if job.phase == "typical":
            line = tr("ui.report.progress", done=job.done, total=job.total)
        elif job.phase == "write":
            line = tr("ui.report.writing")
        else:
            line = tr("ui.report.starting")
        p.draw_text(surface, line, (bar.x, bar.bottom + t.gap), "small", pal.dim, max_width=bar.width)
