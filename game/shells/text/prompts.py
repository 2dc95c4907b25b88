"""Asking the player: a line, a yes/no question, a pause - and leaving the game.

A yes/no question shows its default as ``[y/N]`` (escaped, so rich's markup never eats it)
and takes only yes, no or Enter: a stray key asks again instead of refusing a proposal.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console

from game.i18n import tr
from game.shells.text.console import plain

Ask = Callable[[str], str]


class QuitGame(Exception):
    """The player asked to leave."""


QUIT_WORDS = ("q", "quit", "exit")


def yes_words() -> set[str]:
    """English yes always works; the language may add its own (Spanish: s, sí, si)."""
    return {"y", "yes", *tr("tui.yes_words").split(",")}


def no_words() -> set[str]:
    return {"n", "no", *tr("tui.no_words").split(",")}


def yes_no(answer: str, default: bool) -> bool | None:
    """The answer to a yes/no question: True, False, or None when it is neither (ask again)."""
    word = answer.strip().lower()
    if not word:
        return default
    if word in yes_words():
        return True
    if word in no_words():
        return False
    return None


def hint(default: bool) -> str:
    """'[Y/n]' or '[y/N]': the capital letter is what Enter means."""
    return tr("tui.hint.default_yes") if default else tr("tui.hint.default_no")


def console_ask(console: Console, stream: object | None = None) -> Ask:
    """Read a line on ``console``; the prompt is escaped so no bracket in it is taken as markup."""

    def ask(prompt: str) -> str:
        return console.input(plain(prompt), stream=stream)  # type: ignore[arg-type]

    return ask


class Prompter:
    """The questions a terminal game asks, on top of a raw ``ask`` (input, or a test's script)."""

    def __init__(self, ask: Ask, say_error: Callable[[str], None]) -> None:
        self.ask_raw = ask
        self.say_error = say_error

    def line(self, prompt: str) -> str:
        """A line of input; 'q' asks whether to leave; end of input leaves."""
        answer = self._read(prompt)
        if answer.strip().lower() in QUIT_WORDS:
            if self.confirm(tr("tui.confirm_quit"), default=False):
                raise QuitGame
            return ""
        return answer.strip()

    def confirm(self, question: str, default: bool = True) -> bool:
        """Yes or no; anything but y/yes/n/no/Enter asks again, saying what is accepted."""
        prompt = f"{question} {hint(default)} "
        while True:
            answer = yes_no(self._read(prompt), default)
            if answer is not None:
                return answer
            self.say_error(tr("tui.yes_no_only"))

    def pause(self, prompt: str | None = None) -> None:
        self.line(prompt or tr("tui.press_enter"))

    def _read(self, prompt: str) -> str:
        try:
            return self.ask_raw(prompt)
        except EOFError:
            raise QuitGame from None
