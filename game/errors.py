"""Errors every layer may raise, and the command line's exit codes: the bottom of the import graph.

Problems found in untrusted files point at a place a person can open in an editor; bad input
of any other kind is one clear message. Neither is a bug, so neither prints a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file: where it is (1-based line and column) and what is wrong."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class ContentError(Exception):
    """Raised when a scenario or save file cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


EXIT_OK, EXIT_BUG, EXIT_BAD_INPUT = 0, 1, 2


class BadInput(Exception):
    """A problem with what the user gave us: shown as one clear message, exit code 2."""
