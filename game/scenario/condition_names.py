"""What the names in a condition mean: their value types and where the runtime state keeps them.

A scenario decides which names exist (its tracks, flags, postures ...); the compiler builds a
:class:`Namespace` of :class:`Ref` records and the condition compiler asks it about each name.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

NUM: Literal["number"] = "number"
BOOL: Literal["true/false"] = "true/false"
STR: Literal["text"] = "text"
ValueType = Literal["number", "true/false", "text"]

Getter = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class Ref:
    """What a name in a condition means for the runtime state.

    ``attr`` is the state attribute holding a list (or a scalar when ``index`` is None);
    ``choices`` lists the text values a posture may take, compiled to their indexes.
    ``minus`` names a second list whose same index is subtracted (``delta.x``).
    ``equals`` turns the lookup into a test against that value (``agreement.x`` is in force).
    """

    type: ValueType
    attr: str
    index: int | None = None
    choices: tuple[str, ...] = ()
    minus: str | None = None
    equals: int | None = None
    constant: Any = None


class Namespace:
    """Names a scenario defines; the compiler asks it what each name in a condition means."""

    def __init__(self, refs: dict[str, Ref], hints: dict[str, list[str]] | None = None) -> None:
        self.refs = refs
        self.hints = hints or {}

    def resolve(self, name: str) -> Ref | None:
        return self.refs.get(name)

    def suggest(self, name: str) -> str:
        prefix = name.split(".", 1)[0] + "." if "." in name else ""
        pool = [k for k in self.refs if k.startswith(prefix)] if prefix else list(self.refs)
        close = _closest(name, pool)
        if close:
            return f" (did you mean {close!r}?)"
        if prefix and prefix[:-1] in self.hints:
            return f" (known: {', '.join(sorted(self.hints[prefix[:-1]])[:8])})"
        return ""


def _closest(name: str, pool: list[str]) -> str | None:
    found = difflib.get_close_matches(name, pool, n=1, cutoff=0.75)
    return found[0] if found else None
