"""YAML's own errors in words a scenario author can act on, at the right line and column.

libyaml names two places: where the broken construct started (its "context") and where the
problem was noticed. For an unclosed quote or bracket the start is the place to look; for a bad
indent inside a block list or mapping it is the problem itself (it was reported at the list's
first line, however far above).
"""

from __future__ import annotations

import yaml

from game.errors import Problem
from game.scenario.positions import LineTable


def reader_problem(err: yaml.reader.ReaderError, text: str, source: str) -> Problem:
    """A character YAML refuses (a control character such as NUL), at its line and column."""
    position = max(0, min(int(err.position), len(text)))
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    char = err.character
    code = (
        f"U+{ord(char) if isinstance(char, str) and len(char) == 1 else char:04X}"
        if char is not None
        else "?"
    )
    return Problem(source, line, column, f"YAML syntax: character {code} is not allowed ({err.reason})")


# Where these constructs start is not where they went wrong.
_AT_THE_PROBLEM = ("block mapping", "block collection", "block node", "plain scalar")


def syntax_problem(err: yaml.MarkedYAMLError, source: str, lines: LineTable) -> Problem:
    """Point at the problem itself, or at an unclosed quote or bracket where it opens."""
    context, problem = err.context_mark, err.problem_mark
    context_text, problem_text = err.context or "", err.problem or ""

    def at(mark: yaml.Mark | None, message: str) -> Problem:
        line, column = lines.position(mark.index) if mark is not None else (1, 1)
        return Problem(source, line, column, f"YAML syntax: {message}")

    if problem is not None and "single document" in context_text:
        return at(problem, "a second document starts here; a scenario is one document (remove the '---')")
    if problem is not None and "tab character" in problem_text:
        return at(problem, "a tab cannot indent YAML: indent with spaces")
    if problem is not None and (context is None or any(w in context_text for w in _AT_THE_PROBLEM)):
        message = " ".join(part for part in (problem_text, context_text) if part)
        if context is not None and context.line != problem.line:
            kind = (
                "mapping" if "mapping" in context_text else "list" if "collection" in context_text else "text"
            )
            hint = "; check the indentation" if "block" in context_text else ""
            message += f" (the {kind} starts at line {context.line + 1}{hint})"
        return at(problem, message)
    message = " ".join(part for part in (context_text, problem_text) if part) or "invalid YAML"
    if context is not None and problem is not None and problem.line != context.line:
        message += f" (noticed at line {problem.line + 1})"
    return at(context or problem, message)
