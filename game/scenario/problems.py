"""How the problems found in one scenario file are handed on: in file order, once each, capped.

A file with 29,000 unknown keys used to print 29,000 lines; a person fixes the first few and runs
``validate`` again, so only the first MAX_PROBLEMS are listed, then one line says how many more.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.errors import ContentError, Problem

MAX_PROBLEMS = 50


def ordered(problems: Iterable[Problem], limit: int = MAX_PROBLEMS) -> list[Problem]:
    """Sorted by place, duplicates dropped, at most ``limit`` and a last line counting the rest."""
    unique = sorted(set(problems), key=lambda p: (p.line, p.column, p.message))
    if len(unique) <= limit:
        return unique
    rest, first_left_out = len(unique) - limit, unique[limit]
    more = "problem" if rest == 1 else "problems"
    summary = Problem(
        first_left_out.path, first_left_out.line, first_left_out.column, f"… and {rest:,} more {more}"
    )
    return unique[:limit] + [summary]


def refuse(problems: Iterable[Problem]) -> ContentError:
    """The error to raise for these problems (the caller raises it, so tracebacks stay short)."""
    return ContentError(ordered(problems))
