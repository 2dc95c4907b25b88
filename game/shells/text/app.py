"""``commonground text``: the whole game in a terminal, hot-seat, driven through a Session.

Each human role gets a hand-off prompt before its private screen, so secret orders stay secret
when a laptop is passed around a table. Computer roles decide on their own and say why.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console

from game.engine import PUBLIC, IllegalMove, State, legal_action_indexes, pending_answers
from game.engine.move import ANSWERS
from game.errors import ContentError
from game.i18n import text, tr, trn
from game.scenario.runtime import CompiledScenario
from game.session.store import save_named
from game.session.table import ANSWER, APPLY_ANSWERS, END, ORDER, Session
from game.shells.text import render
from game.shells.text.console import guard, plain
from game.story.facts import tell_turn
from game.story.headlines import headlines
from game.story.words import action_description, action_name, odds_line, phase_name, reason_text, role_name

Ask = Callable[[str], str]


class QuitGame(Exception):
    """The player asked to leave."""


class TextGame:
    """The terminal front end: prints boards, asks questions, hands orders to the session."""

    def __init__(self, session: Session, console: Console, ask: Ask) -> None:
        self.session = session
        self.console = guard(console)  # whatever console it is given prints nothing unsafe
        self.ask_raw = ask

    # ------------------------------------------------------------------ helpers

    @property
    def sc(self) -> CompiledScenario:
        return self.session.scenario

    def ask(self, prompt: str) -> str:
        try:
            answer = self.ask_raw(prompt)
        except EOFError:
            raise QuitGame from None
        if answer.strip().lower() in ("q", "quit", "exit"):
            if self.confirm(tr("text.confirm_quit")):
                raise QuitGame
            return ""
        return answer.strip()

    def confirm(self, prompt: str, default: bool = True) -> bool:
        try:
            answer = self.ask_raw(prompt + (" [Y/n] " if default else " [y/N] ")).strip().lower()
        except EOFError:
            raise QuitGame from None
        if not answer:
            return default
        return answer[0] in ("y", "s")  # yes / sí

    def pause(self, prompt: str | None = None) -> None:
        self.ask(prompt or tr("text.press_enter"))

    def viewer(self) -> int:
        """Whose eyes the shared screen uses: the only human in solo play, else the public."""
        humans = self.session.human_roles()
        return humans[0] if len(humans) == 1 else PUBLIC

    def hot_seat(self) -> bool:
        return self.session.hot_seat()

    def hand_off(self, role: int) -> None:
        if not self.hot_seat():
            return
        self.clear()
        self.console.rule(tr("text.handoff_rule"))
        self.pause(tr("text.handoff", role=role_name(self.sc, role, short=False)))

    def hand_back(self) -> None:
        if not self.hot_seat():
            return
        self.pause(tr("text.handback"))
        self.clear()

    def clear(self) -> None:
        if self.console.is_terminal:
            self.console.clear()
        else:
            self.console.print("\n" + "─" * 40 + "\n")

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
                self.private_screen(step.kind, step.role)
            elif step.kind == APPLY_ANSWERS:
                self.session.advance()
                self.answers_applied()
            else:
                self.session.advance()
                self.resolution()
        self.console.print(render.end_screen(self.session.view(self.viewer())))

    def private_screen(self, kind: str, role: int) -> None:
        """A role's own answers or orders, behind a hand-off when the screen is shared."""
        turn = self.session.state.turn
        self.hand_off(role)
        if kind == ANSWER:
            self.answer_screen(role)
        else:
            self.orders_screen(role)
        if self.session.state.turn == turn and (kind == ANSWER or role not in self.session.roles_to_order()):
            self.hand_back()

    def intro(self) -> None:
        m = self.sc.model
        self.console.rule(f"[bold]{plain(text(m.title))}[/bold]")
        self.console.print(plain(text(m.intro)))
        self.console.print(f"[dim]{plain(tr('text.source'))}: {plain(text(m.source.title))}[/dim]")
        seats = ", ".join(
            f"{role_name(self.sc, r)} = {tr('text.seat.human') if seat.human else str(seat)}"
            for r, seat in enumerate(self.session.seats)
        )
        self.console.print(plain(trn("text.seats", m.turns, seats=seats, seed=self.session.seed)))
        for role in self.session.human_roles():
            if not self.hot_seat():
                self.briefing(role)
        self.pause()

    def briefing(self, role: int) -> None:
        brief = self.sc.model.roles[role].briefing
        self.console.rule(plain(role_name(self.sc, role, short=False)))
        for key, value in (
            ("text.brief.situation", brief.situation),
            ("text.brief.pressures", brief.pressures),
            ("text.brief.success", brief.success),
        ):
            self.console.print(f"[bold]{plain(tr(key))}[/bold] {plain(text(value))}")

    def board(self) -> None:
        s = self.session.view(self.viewer())
        self.console.rule(
            plain(tr("text.turn_header", turn=s.turn, turns=s.turns, phase=phase_name(s.phase)))
        )
        news = render.news_panel(s)
        if news is not None:
            self.console.print(news)
        self.console.print(render.tracks_table(s))
        self.console.print(render.situation_panel(s))

    # ------------------------------------------------------------------ answers

    def answers_applied(self) -> None:
        s = self.session.view(self.viewer())
        for item in headlines(s, s.current):
            if item.kind in ("answer", "agreement"):
                self.console.print(f"  · {plain(item.text)}")
        self.show_reasons_for_answers()

    def answer_screen(self, role: int) -> None:
        s = self.session.view(role)
        m = self.sc.model
        self.console.rule(plain(tr("text.answers_for", role=role_name(self.sc, role, short=False))))
        answers: dict[int, bool] = {}
        for term, sender in pending_answers(s, role):
            model = m.terms[term]
            heading = tr("text.proposal_from", sender=role_name(self.sc, sender), term=text(model.name))
            self.console.print(f"[bold]{plain(heading)}[/bold]")
            self.console.print(f"  {plain(text(model.text))}")
            answers[term] = self.confirm(tr("text.accept_q"), default=False)
        self.session.submit_answers(role, answers)

    def show_reasons_for_answers(self) -> None:
        """Computer roles say why they accepted or refused (answers are public)."""
        move = self.session.last_move(ANSWERS)
        if move is None or move.turn != self.session.state.turn:
            return
        for role, by_term in move.answer_reasons.items():
            for why in by_term.values():
                line = tr("ui.reason.answer", role=role_name(self.sc, role), why=why)
                self.console.print(f"  [dim]{plain(line)}[/dim]")

    # ------------------------------------------------------------------ orders

    def orders_screen(self, role: int) -> None:
        while True:
            s = self.session.view(role)
            self.console.rule(
                plain(tr("text.orders_for", role=role_name(self.sc, role, short=False), turn=s.turn))
            )
            ap = self.sc.roles[role].action_points
            self.console.print(
                tr("text.resources", ap=ap, capital=s.capital[role], standing=s.standing[role])
            )
            running = render.programmes_line(s, role)
            if running:
                self.console.print(plain(tr("text.programmes", running=running)))
            self.console.print(render.objectives_table(s, role))
            table, numbered = render.orders_table(s, role)
            self.console.print(table)
            if not legal_action_indexes(s, role):
                self.console.print(plain(tr("text.no_orders")))
                self.session.submit_orders(role, ())
                return
            chosen = self.choose(s, role, numbered)
            if chosen is None:
                if role not in self.session.roles_to_order():
                    return  # an undo reopened the turn: start the phase again
                continue
            try:
                self.session.submit_orders(role, chosen)
            except IllegalMove as err:
                self.console.print(f"[red]{plain(reason_text(self.sc, err.reason))}[/red]")
                continue
            names = ", ".join(action_name(self.sc, a) for a in chosen) or tr("text.pass")
            if self.confirm(tr("text.confirm_orders", names=names)):
                return
            self.session.undo_orders(role)

    def choose(self, s: State, role: int, numbered: list[int]) -> tuple[int, ...] | None:
        """Read a line of orders; commands: i N (details), w TRACK (why it moved), b (briefing)."""
        while True:
            line = self.ask(tr("text.orders_prompt"))
            words = line.lower().split()
            if not words:
                continue
            head = words[0]
            if head in ("p", "pass"):
                return ()
            if head in ("h", "help", "?"):
                self.console.print(plain(tr("text.orders_help")))
                continue
            if head in ("b", "brief", "briefing"):
                self.briefing(role)
                continue
            if head in ("r", "redraw"):
                return None
            if head in ("s", "save"):
                self.save(" ".join(line.split()[1:]))
                continue
            if head == "undo":
                self.undo_turn()
                return None
            if head in ("i", "info") and len(words) == 2:
                self.details(s, numbered, words[1])
                continue
            if head in ("w", "why") and len(words) >= 2:
                self.why(s, " ".join(words[1:]))
                continue
            try:
                picks = [int(w) for w in words]
            except ValueError:
                self.console.print(f"[red]{tr('text.bad_input')}[/red]")
                continue
            if any(not 1 <= p <= len(numbered) for p in picks):
                self.console.print(f"[red]{tr('text.bad_number', n=len(numbered))}[/red]")
                continue
            return tuple(numbered[p - 1] for p in picks)

    def save(self, name: str) -> None:

        if not name:
            self.console.print(f"[red]{plain(tr('text.save_needs_name'))}[/red]")
            return
        try:
            path = save_named(self.session, name)
        except ContentError as err:
            self.console.print(f"[red]{plain(err)}[/red]")
            return
        self.console.print(plain(tr("text.saved", path=path)))

    def undo_turn(self) -> None:
        """The facilitator's undo: step back to before the last resolved turn."""
        if not self.confirm(tr("text.confirm_undo"), default=False):
            return
        if self.session.undo_turn():
            self.console.print(plain(tr("text.undone", turn=self.session.state.turn)))
            self.board()
        else:
            self.console.print(plain(tr("text.nothing_to_undo")))

    def details(self, s: State, numbered: list[int], word: str) -> None:
        if not word.isdigit() or not 1 <= int(word) <= len(numbered):
            self.console.print(f"[red]{plain(tr('text.bad_number', n=len(numbered)))}[/red]")
            return
        index = numbered[int(word) - 1]
        action = self.sc.actions[index]
        self.console.print(f"[bold]{plain(action_name(self.sc, index))}[/bold]")
        self.console.print(plain(action_description(self.sc, index)))
        odds = odds_line(s, action)
        if odds:
            self.console.print(f"[cyan]{plain(odds)}[/cyan]")
        if action.kind == 0:
            model = self.sc.model.actions[index]
            if model.risks:
                self.console.print(f"[dim]{plain(tr('text.risks'))}: {plain(', '.join(model.risks))}[/dim]")
            if action.covert:
                self.console.print(f"[magenta]{plain(tr('text.covert_note'))}[/magenta]")

    def why(self, s: State, name: str) -> None:
        index = self.find_track(name)
        if index is None:
            self.console.print(f"[red]{plain(tr('text.unknown_track'))}[/red]")
            return
        self.console.print(render.why_panel(s, index))

    def find_track(self, name: str) -> int | None:
        name = name.strip().lower()
        visible = [i for i, t in enumerate(self.sc.model.tracks) if not t.hidden]
        if name.isdigit() and 1 <= int(name) <= len(visible):
            return visible[int(name) - 1]
        for i in visible:
            track = self.sc.model.tracks[i]
            if name in (track.id, text(track.name).lower()) or text(track.name).lower().startswith(name):
                return i
        return None

    # ------------------------------------------------------------------ resolution

    def resolution(self) -> None:
        s = self.session.view(self.viewer())
        record = s.history[-1]
        self.console.rule(plain(tr("text.resolution", turn=record.turn)))
        for item in headlines(s, record.entries):
            risks = f" [dim]({plain(', '.join(item.risks))})[/dim]" if item.risks else ""
            self.console.print(
                f"  ■ [bold]{plain(item.text)}[/bold]{risks}"
                if item.major
                else f"  · {plain(item.text)}{risks}"
            )
        self.show_computer_reasons(s)
        if not self.session.terminal:
            self.pause()

    def show_computer_reasons(self, s: State) -> None:
        """Computer roles explain their orders - only those the viewer has seen revealed."""
        turn = tell_turn(s, self.session.moves, s.history[-1].turn)
        for order in turn.orders if turn is not None else ():
            if order.reason and not self.session.seats[order.role].human:
                line = tr("ui.reason.order", role=role_name(self.sc, order.role), why=order.reason)
                self.console.print(f"  [dim]{plain(line)}[/dim]")
