"""``commonground text``: the whole game in a terminal, hot-seat, driven through a Session.

Each human role gets a hand-off before its private screen, and the screen and the terminal's
scrollback are wiped at every hand-off, so secret orders stay secret when a laptop is passed
around a table. Computer roles decide on their own and say why. ``linear`` (``--plain``) prints
plain lines only - no boxes, bars or colour - for screen readers.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, RenderableType

from game.engine import IllegalMove, State
from game.engine.move import ANSWERS
from game.errors import ContentError
from game.i18n import text, tr, trn
from game.scenario.runtime import CompiledScenario
from game.session.store import save_named
from game.session.table import ANSWER, APPLY_ANSWERS, END, ORDER, Session
from game.shells.text import board, endscreen
from game.shells.text.console import clear_all, guard, plain
from game.shells.text.details import details_lines, find_track, why_lines
from game.shells.text.pages import wrap
from game.shells.text.phrases import near_lines
from game.shells.text.private import OrdersScreen, answer_screen
from game.shells.text.prompts import Ask, Prompter, QuitGame
from game.shells.text.resolution import resolution_lines
from game.story.facts import tell
from game.story.headlines import headlines
from game.story.trust import trust_facts, trust_line
from game.story.words import phase_name, role_name

__all__ = ["Ask", "QuitGame", "TextGame"]


class TextGame:
    """The terminal front end: prints boards, asks questions, hands orders to the session."""

    def __init__(self, session: Session, console: Console, ask: Ask, linear: bool = False) -> None:
        self.session = session
        self.console = guard(console)  # whatever console it is given prints nothing unsafe
        self.linear = linear
        self.prompter = Prompter(ask, self.error)

    # ------------------------------------------------------------------ printing

    @property
    def sc(self) -> CompiledScenario:
        return self.session.scenario

    def say(self, words: str) -> None:
        self.console.print(plain(words))

    def error(self, words: str) -> None:
        self.console.print(f"[bold red]{plain(tr('tui.error', what=words))}[/]")

    def title(self, words: str) -> None:
        if self.linear:
            self.console.print(plain(words))
        else:
            self.console.rule(f"[bold]{plain(words)}[/bold]")

    def print_lines(self, lines: Iterable[tuple[int, str]]) -> None:
        """(indent, markup) lines, wrapped to the terminal with their further lines indented."""
        for indent, markup in lines:
            for line in wrap(self.console, markup, self.console.width, indent=indent + 2, first=" " * indent):
                self.console.print(line)

    def show(self, parts: Iterable[RenderableType]) -> None:
        for part in parts:
            self.console.print(part)

    def viewer(self) -> int:
        """Whose eyes the shared screen uses: the only human in solo play, else the public."""
        return self.session.shared_viewer()

    def reader(self) -> int | None:
        """The role the shared screen speaks to ('good for you'), or None for the public."""
        viewer = self.viewer()
        return viewer if viewer >= 0 else None

    # ------------------------------------------------------------------ hand-offs

    def hand_off(self, role: int) -> None:
        if not self.session.hot_seat():
            return
        clear_all(self.console)
        self.title(tr("tui.handoff_rule"))
        self.prompter.pause(tr("tui.handoff", role=role_name(self.sc, role, short=False)))

    def hand_back(self) -> None:
        if not self.session.hot_seat():
            return
        self.prompter.pause(tr("tui.handback"))
        clear_all(self.console)

    # ------------------------------------------------------------------ the game

    def run(self) -> None:
        """The game, step by step as the table (``Session.next_step``) asks for them."""
        self.intro()
        shown_turn = 0
        while True:
            step = self.session.next_step()
            if step.kind == END:
                break
            if self.session.state.turn != shown_turn:
                self.board()
                shown_turn = self.session.state.turn
            if step.kind in (ANSWER, ORDER):
                assert step.role is not None
                self.private_screen(step.kind, step.role)
            elif step.kind == APPLY_ANSWERS:
                self.session.advance()
                self.answers_applied()
            else:
                self.session.advance()
                self.resolution()
        self.end()

    def private_screen(self, kind: str, role: int) -> None:
        """A role's own answers or orders, behind a hand-off when the screen is shared."""
        turn = self.session.state.turn
        self.hand_off(role)
        if kind == ANSWER:
            answer_screen(self, role)
        else:
            OrdersScreen(self, role).run()
        if self.session.state.turn == turn and (kind == ANSWER or role not in self.session.roles_to_order()):
            self.hand_back()

    def intro(self) -> None:
        m = self.sc.model
        self.title(text(m.title))
        self.say(text(m.intro))
        self.say(f"{tr('tui.source')}: {text(m.source.title)}")
        seats = ", ".join(
            f"{role_name(self.sc, r)} = {tr('tui.seat.human') if seat.human else str(seat)}"
            for r, seat in enumerate(self.session.seats)
        )
        self.say(trn("tui.seats", m.turns, seats=seats, seed=self.session.seed))
        if not self.session.hot_seat():
            for role in self.session.human_roles():
                self.briefing(role)
        self.prompter.pause()

    def briefing(self, role: int) -> None:
        brief = self.sc.model.roles[role].briefing
        self.title(role_name(self.sc, role, short=False))
        for key, value in (
            ("tui.brief.situation", brief.situation),
            ("tui.brief.pressures", brief.pressures),
            ("tui.brief.success", brief.success),
        ):
            self.console.print(f"[bold]{plain(tr(key))}[/bold] {plain(text(value))}")

    def board(self) -> None:
        s = self.session.view(self.viewer())
        self.title(tr("tui.turn_header", turn=s.turn, turns=s.turns, phase=phase_name(s.phase)))
        self.show(board.board(s, self.session.moves, self.reader(), self.linear, endings=s.turn == 1))

    def trust_for(self, s: State, role: int) -> list[str]:
        """The trust lines that concern ``role``, for its own screen."""
        if s.scenario.credibility is None:
            return []
        story = tell(s, self.session.moves)
        return [plain(trust_line(s, f)) for f in trust_facts(s, story, role) if role in (f.holder, f.other)]

    # ------------------------------------------------------------------ answers and resolution

    def answers_applied(self) -> None:
        s = self.session.view(self.viewer())
        for item in headlines(s, s.current):
            if item.kind in ("answer", "agreement"):
                self.console.print(f"  · {plain(item.text)}")
        move = self.session.last_move(ANSWERS)
        if move is None or move.turn != self.session.state.turn:
            return
        for role, by_term in move.answer_reasons.items():
            for term, why in by_term.items():
                line = tr(
                    "tui.reason",
                    role=role_name(self.sc, role),
                    action=text(self.sc.model.terms[term].name),
                    why=why,
                )
                self.console.print(f"  [dim]{plain(line)}[/dim]")

    def resolution(self) -> None:
        s = self.session.view(self.viewer())
        self.title(tr("tui.resolution", turn=s.history[-1].turn))
        humans = self.session.human_roles()
        self.print_lines(resolution_lines(s, self.session.moves, self.reader(), humans, self.linear))
        if not self.session.terminal:
            for line in near_lines(s):
                self.console.print(line)
            self.prompter.pause()

    def end(self) -> None:
        s = self.session.view(self.viewer())
        full = self.session.state  # the game is over: the debrief reveals every order
        if self.linear:
            for line in endscreen.end_linear(s, full, self.session.moves):
                self.console.print(line)
        else:
            self.show(endscreen.end_screen(s, full, self.session.moves))

    # ------------------------------------------------------------------ commands

    def command(self, s: State, role: int, words: list[str], line: str) -> bool:
        """The commands of the orders prompt other than orders; True if ``words`` was one."""
        head = words[0] if words else ""
        if head in ("h", "help", "?"):
            self.say(tr("tui.orders_help"))
            self.say(tr("text.note_help"))
        elif head == "note":
            self.note(line.split(maxsplit=1)[1] if len(words) > 1 else "")
        elif head in ("b", "brief", "briefing"):
            self.briefing(role)
        elif head in ("t", "tracks", "board"):
            self.show(board.board(s, self.session.moves, role, self.linear, endings=True))
        elif head in ("s", "save"):
            self.save(" ".join(line.split()[1:]))
        elif head in ("i", "info") and len(words) == 2:
            for out in details_lines(s, role, words[1]):
                self.console.print(out)
        elif head in ("w", "why") and len(words) >= 2:
            track = find_track(self.sc, " ".join(words[1:]))
            if track is None:
                self.error(tr("tui.unknown_track"))
            else:
                for out in why_lines(s, track, role, self.linear):
                    self.console.print(out)
        else:
            return False
        return True

    def save(self, name: str) -> None:
        if not name:
            self.error(tr("tui.save_needs_name"))
            return
        try:
            path = save_named(self.session, name)
        except ContentError as err:
            self.error(str(err))
            return
        self.say(tr("tui.saved", path=path))

    def note(self, words: str) -> None:
        """The facilitator's observer note: kept in the save and the report, never shown to a team."""
        try:
            self.session.note(words)
        except IllegalMove as err:
            self.error(str(err.reason))
            return
        self.say(tr("text.note_kept", turn=self.session.state.turn))

    def undo_turn(self) -> None:
        """The facilitator's undo: step back to before the last resolved turn."""
        if not self.prompter.confirm(tr("tui.confirm_undo"), default=False):
            return
        if self.session.undo_turn():
            self.say(tr("tui.undone", turn=self.session.state.turn))
            self.board()
        else:
            self.say(tr("tui.nothing_to_undo"))
