"""A role's private screens: its answers to proposals (with what each answer does) and its
orders (paged, stable keys, errors that stay in sight until the next thing typed works).

The first page of the orders is the role's position: its secret objectives, what runs every
turn, its own secret result of last turn (only here, never on a shared screen), what changed for
it since it last saw the board, endings coming near, and whom it trusts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from game.engine import IllegalMove, State, legal_action_indexes, pending_answers
from game.engine.log import L_TRACK
from game.i18n import text, tr, trn
from game.shells.text.console import clear_screen, plain
from game.shells.text.orders import objective_blocks, order_keys, pages_for, unavailable
from game.shells.text.pages import Block, Page, wrap
from game.shells.text.phrases import changes_phrase, near_lines, preview_lines, running_lines
from game.shells.text.resolution import Line, secret_result
from game.story.outlook import changes_since_seen
from game.story.words import action_name, reason_text, role_name

if TYPE_CHECKING:
    from game.shells.text.app import TextGame

PAGE_WORDS = ("", "n", "next")
BACK_WORDS = ("-", "back")


class OrdersScreen:
    """One role's orders for one turn, until it confirms them (or an undo reopens the turn)."""

    def __init__(self, game: TextGame, role: int) -> None:
        self.game = game
        self.role = role
        self.page = 0
        self.notice = ""
        self.keys = order_keys(game.sc, role)
        self.by_key = {key: index for index, key in self.keys.items()}

    @property
    def console(self):  # noqa: ANN201 - the game's console
        return self.game.console

    def width(self) -> int:
        return self.console.width

    def run(self) -> None:
        session = self.game.session
        while True:
            s = session.view(self.role)
            if not legal_action_indexes(s, self.role):
                self.game.say(tr("tui.no_orders"))
                session.submit_orders(self.role, ())
                return
            pages = pages_for(self.console, s, self.role, self.position(s), self.width(), self.console.height)
            self.page %= len(pages)
            self.draw(s, pages)
            chosen = self.read(s, pages)
            if chosen is None:
                if self.role not in session.roles_to_order():
                    return  # an undo reopened the turn: the phase starts again
                continue
            try:
                session.submit_orders(self.role, chosen)
            except IllegalMove as err:
                self.notice = reason_text(self.game.sc, err.reason)
                continue
            if self.game.prompter.confirm(tr("tui.confirm_orders", names=self.names(chosen))):
                return
            session.undo_orders(self.role)

    def names(self, chosen: tuple[int, ...]) -> str:
        sc = self.game.sc
        words = [
            f"{self.keys[a]} {action_name(sc, a)}"
            + (f" {tr('tui.covert_tag')}" if sc.actions[a].covert else "")
            for a in chosen
        ]
        return ", ".join(words) or tr("tui.pass")

    # ------------------------------------------------------------------ drawing

    def draw(self, s: State, pages: list[Page]) -> None:
        game = self.game
        if not game.linear:
            clear_screen(self.console)
        role = role_name(game.sc, self.role, short=False)
        game.title(tr("tui.orders_for", role=role, turn=s.turn, turns=s.turns))
        page = pages[self.page]
        resources = tr(
            "tui.resources",
            ap=game.sc.roles[self.role].action_points,
            capital=s.capital[self.role],
            standing=s.standing[self.role],
            page=self.page + 1,
            pages=len(pages),
            title=page.title,
        )
        for line in wrap(self.console, plain(resources), self.width()):
            self.console.print(line)
        for line in page.lines:
            self.console.print(line)
        if self.notice:
            for line in wrap(
                self.console, f"[bold red]{plain(tr('tui.error', what=self.notice))}[/]", self.width()
            ):
                self.console.print(line)
        self.console.print(Text(tr("tui.orders_hint"), style="dim"), overflow="ellipsis", no_wrap=True)

    def position(self, s: State) -> list[tuple[str, Block]]:
        """The first page: what the role needs in sight before it decides."""
        game, console, width, role = self.game, self.console, self.width(), self.role
        section = tr("tui.page.position")
        blocks = [(section, block) for block in objective_blocks(console, s, role, width)]
        groups: list[list[Line]] = [
            [(0, plain(trn("tui.your_programme", left, action=action_name(s.scenario, a))))]
            for a, _, left in s.programmes
            if s.scenario.actions[a].role == role
        ]
        if s.history:
            secret = secret_result(s, game.session.moves, role, s.history[-1].turn, game.linear)
            if secret:
                heading = plain(tr("tui.secret_result", turn=s.history[-1].turn))
                groups.append([(0, f"[bold magenta]{heading}[/]"), *((i + 2, line) for i, line in secret)])
        since = [
            (L_TRACK, i, d)
            for i, d in enumerate(changes_since_seen(s))
            if d and not s.scenario.model.tracks[i].hidden
        ]
        if since:  # a heading stays on the page of what it heads
            changes = changes_phrase(s, role, since, game.linear)
            groups.append([(0, plain(tr("tui.since_you_saw"))), (2, changes)])
        groups += [[(0, line)] for line in running_lines(s) + near_lines(s) + game.trust_for(s, role)]
        for group in groups:
            block = [
                row for i, line in group for row in wrap(console, line, width, indent=i + 2, first=" " * i)
            ]
            blocks.append((section, block))
        return blocks

    # ------------------------------------------------------------------ reading

    def read(self, s: State, pages: list[Page]) -> tuple[int, ...] | None:
        """A line from the player: orders, a page, or a command; None redraws."""
        while True:
            line = self.game.prompter.line(tr("tui.orders_prompt"))
            words = line.lower().split()
            head = words[0] if words else ""
            if head in PAGE_WORDS or head in BACK_WORDS:
                self.page = (self.page + (-1 if head in BACK_WORDS else 1)) % len(pages)
                self.notice = ""
                return None
            if head in ("p", "pass"):
                return ()
            if head in ("r", "redraw"):
                self.notice = ""
                return None
            if self.game.command(s, self.role, words, line):
                continue
            if head == "undo":
                self.game.undo_turn()
                return None
            picked = self.picks(s, words)
            if picked is not None:
                self.notice = ""
                return picked
            if self.game.linear:
                self.game.error(self.notice)
                continue
            return None

    def picks(self, s: State, words: list[str]) -> tuple[int, ...] | None:
        """The orders named by their keys; an unknown key or an order not possible now is a
        notice (kept on screen), never another order."""
        if not all(w.isdigit() for w in words):
            self.notice = tr("tui.bad_input")
            return None
        chosen = []
        legal = set(legal_action_indexes(s, self.role))
        for word in words:
            index = self.by_key.get(int(word))
            if index is None:
                self.notice = tr("tui.bad_key", number=word, n=len(self.keys))
                return None
            if index not in legal:
                name = action_name(s.scenario, index)
                self.notice = tr("tui.key_unavailable", number=word, action=name, why=unavailable(s, index))
                return None
            chosen.append(index)
        return tuple(chosen)


def answer_screen(game: TextGame, role: int) -> None:
    """The role's answers to the proposals made to it, each with what accepting or refusing does."""
    s = game.session.view(role)
    sc = game.sc
    game.title(tr("tui.answers_for", role=role_name(sc, role, short=False)))
    answers: dict[int, bool] = {}
    for term, sender in pending_answers(s, role):
        model = sc.model.terms[term]
        heading = tr("tui.proposal_from", sender=role_name(sc, sender), term=text(model.name))
        lines = [(0, f"[bold]{plain(heading)}[/bold]"), (2, plain(text(model.text)))]
        game.print_lines(lines + [(2, line) for line in preview_lines(sc, term)])
        answers[term] = game.prompter.confirm(tr("tui.accept_q"), default=False)
    game.session.submit_answers(role, answers)
