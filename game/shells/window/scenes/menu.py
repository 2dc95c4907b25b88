"""The in-game menu (Esc): save, load, settings, help, back to the title, quit."""

from __future__ import annotations

from game.i18n import tr
from game.shells.window import saves
from game.shells.window.app import App
from game.shells.window.scenes.dialogs import ConfirmDialog, MenuDialog, MessageDialog, PromptDialog


def save_game(app: App) -> None:
    """Ask for a name and save; the result (or the problem) is reported."""
    match = app.match
    if match is None:
        return
    suggestion = f"{match.sc.id}-turn{match.session.state.turn}"

    def save(name: str) -> None:
        try:
            path = saves.save_named(match.session, name)
        except saves.SaveProblem as err:
            app.push(MessageDialog(app, tr("ui.problem"), str(err)))
            return
        app.toast(tr("ui.saved", name=name if path is None else path.name))

    app.push(PromptDialog(app, tr("ui.save.title"), tr("ui.save.name"), suggestion, save))


def open_game_menu(app: App) -> None:
    def to_title() -> None:
        app.push(
            ConfirmDialog(
                app,
                tr("ui.menu.leave_title"),
                tr("ui.w.menu.leave_body"),
                app.go.title,
                yes=tr("ui.main_menu"),
            )
        )

    def quit_game() -> None:
        app.push(
            ConfirmDialog(
                app,
                tr("ui.menu.quit_title"),
                tr("ui.w.menu.leave_body"),
                app.quit,
                yes=tr("ui.title.quit"),
            )
        )

    items = [
        ("resume", tr("ui.menu.resume"), lambda: None),
        ("facilitator", tr("ui.menu.facilitator"), app.go.facilitator),
        ("save", tr("ui.menu.save"), lambda: save_game(app)),
        ("load", tr("ui.menu.load"), app.go.load_dialog),
        ("settings", tr("ui.title.settings"), app.go.settings),
        ("help", tr("ui.title.help"), app.go.help),
        ("title", tr("ui.main_menu"), to_title),
        ("quit", tr("ui.title.quit"), quit_game),
    ]
    app.push(MenuDialog(app, tr("ui.menu.title"), items))
