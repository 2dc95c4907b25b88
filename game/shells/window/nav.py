"""The window's map: every way from one screen to another, in one place.

Scenes never import one another. A scene that leads somewhere asks the app's navigator
(``app.go``): ``app.go.advance()`` shows the next step of the game as the table decides it,
``app.go.game_menu()`` opens the menu, and so on. This module is also where the window's lazy
start-up lives: the title screen must be on screen within half a second, so each screen's code
is imported the first time it is shown (the only imports inside functions in the window).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import tr
from game.session.table import ANSWER, APPLY_ANSWERS, END, ORDER
from game.shells.window import saves
from game.shells.window.flow import Match
from game.shells.window.start import StartProblem

if TYPE_CHECKING:
    from game.session.table import Session
    from game.shells.window.app import App


class Navigator:
    """Moves the app from screen to screen; holds no state of its own."""

    def __init__(self, app: App) -> None:
        self.app = app

    # ------------------------------------------------------------------ the game

    def begin(self, session: Session, show_intro: bool = True, save: Path | None = None) -> None:
        """Make this session the window's game and show its first screen; ``save`` is the file it
        was loaded from (the window's settings for it are read from beside it)."""
        from game.shells.window.scenes.intro import IntroScene

        match = Match(session)
        self.app.match = match
        if save is not None:
            match.recall(save)
        session.on_change = lambda _session: match.autosave()  # after every applied move
        self.app.on_quit = match.remember  # the timer as it stands when the window closes
        match.autosave()
        if show_intro:
            self.app.reset(IntroScene(self.app))
        else:
            self.advance()

    def resume(self, path: str | Path) -> None:
        """Load a save and carry on from where it stopped; raises StartProblem if it will not load."""
        try:
            session = saves.load_path(path)
        except saves.SaveProblem as err:
            raise StartProblem(str(err)) from None
        self.begin(session, show_intro=False, save=saves.resolved(path))

    def advance(self, play_turn: bool = False) -> None:
        """Show the next screen of the game (called whenever the players finish a step).

        With the table's dice in use, the last orders lead to the public board instead of
        straight to the resolution, so the facilitator can enter the dice; its button passes
        ``play_turn``.
        """
        match = self.app.match
        assert match is not None
        step, role = match.next_step()
        if step == END:
            from game.shells.window.scenes.end import EndScene

            self.app.reset(EndScene(self.app))
        elif step in (ANSWER, ORDER):
            assert role is not None
            self.private_screen(role, "answers" if step == ANSWER else "orders")
        elif step == APPLY_ANSWERS:
            self.computers_thinking()
            match.session.advance()  # the answers apply; autosaves through session.on_change
            if match.hot_seat() or not match.humans():
                self.board(notice="answers")
            else:
                self.advance()
        elif match.table_dice and not play_turn:
            self.board(notice="dice")
        else:
            from game.shells.window.scenes.resolution import ResolutionScene

            shown_from = len(match.view().current)
            self.computers_thinking()
            match.session.advance()
            self.app.reset(ResolutionScene(self.app, shown_from))

    def computers_thinking(self) -> None:
        """Computer players are about to decide (up to a second): say so on screen first."""
        match = self.app.match
        if match is not None and any(c is not None for c in match.session.controllers):
            self.app.show_busy(tr("ui.thinking"))

    def private_screen(self, role: int, mode: str) -> None:
        """A role's own answers or orders; behind a hand-off when the screen is shared."""
        match = self.app.match
        assert match is not None
        if match.hot_seat():
            from game.shells.window.scenes.handoff import HandoffScene

            self.app.reset(HandoffScene(self.app, role, mode))
        else:
            self.play(mode, role)

    def play(self, mode: str, role: int | None, notice: str | None = None) -> None:
        from game.shells.window.scenes.play import PlayScene

        self.app.reset(PlayScene(self.app, mode, role, notice=notice))

    def board(self, notice: str | None = None) -> None:
        """The public board (at a shared screen), or the next step where no board is needed."""
        self.play("public", None, notice=notice)

    def after_undo(self) -> None:
        """After an undo: the public board at a shared screen (the solo player's screen in solo)."""
        match = self.app.match
        assert match is not None
        if match.session.terminal or not (match.hot_seat() or not match.humans()):
            self.advance()
        else:
            self.board()

    # ------------------------------------------------------------------ around the game

    def title(self) -> None:
        """The title screen; a ``--load`` or ``--roles`` from the command line has been acted on
        already, so the title shown again does not start that game a second time."""
        from game.shells.window.scenes.title import TitleScene

        self.app.match = None
        self.app.on_quit = None
        if self.app.options is not None:
            self.app.options = replace(self.app.options, load=None, roles=None)
        self.app.reset(TitleScene(self.app, self.app.options, self.app.library))

    def confirm_quit(self) -> None:
        """Ctrl+Q or the window's close button: ask first while a game is open (asked twice: quit)."""
        from game.shells.window.scenes.dialogs import ConfirmDialog

        top = self.app.top
        if self.app.match is None or getattr(top, "quit_question", False):
            self.app.quit()
            return
        dialog = ConfirmDialog(
            self.app, tr("ui.menu.quit_title"), tr("ui.quit.body"), self.app.quit, yes=tr("ui.title.quit")
        )
        dialog.quit_question = True  # type: ignore[attr-defined]
        self.app.push(dialog)

    def new_game(self) -> None:
        """The title screen with the setup of a new game over it."""
        self.title()
        self.setup()

    def setup(self) -> None:
        from game.shells.window.scenes.setup import SetupScene

        self.app.push(SetupScene(self.app, self.app.library, self.app.options))

    def game_menu(self) -> None:
        from game.shells.window.scenes.menu import open_game_menu

        open_game_menu(self.app)

    def save_game(self) -> None:
        from game.shells.window.scenes.menu import save_game

        save_game(self.app)

    def load_dialog(self) -> None:
        from game.shells.window.scenes.title import open_load_dialog

        open_load_dialog(self.app)

    def help(self) -> None:
        from game.shells.window.scenes.help import HelpScene

        if not isinstance(self.app.top, HelpScene):
            self.app.push(HelpScene(self.app))

    def settings(self) -> None:
        from game.shells.window.scenes.help import SettingsScene

        self.app.push(SettingsScene(self.app))

    def facilitator(self) -> None:
        """Open or close the facilitator's panel."""
        from game.shells.window.scenes.facilitator import toggle_panel

        toggle_panel(self.app)

    def pause(self) -> None:
        from game.shells.window.scenes.pause import PauseScene

        if self.app.find(PauseScene) is None:  # opened over the pause screen: it stays paused
            self.app.push(PauseScene(self.app))

    def briefing(self, role: int) -> None:
        from game.shells.window.scenes.briefing import BriefingScene

        self.app.push(BriefingScene(self.app, role))

    def report(self) -> None:
        from game.shells.window.scenes.report import ReportScene

        self.app.push(ReportScene(self.app))
