"""Options every command shares: the interface language of ``--lang``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from game.errors import BadInput
from game.i18n import check_language, language, set_language


@contextmanager
def interface_language(lang: str | None) -> Iterator[None]:
    """Run a command in the language its ``--lang`` asks for, then restore the previous one.

    An unknown language is bad input (exit 2). Restoring matters when the command runs inside
    another program (tests, the window): the language is a process-wide setting.
    """

    if not lang:
        yield
        return
    try:
        check_language(lang)
    except ValueError as err:
        raise BadInput(str(err)) from None
    previous = language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(previous)
