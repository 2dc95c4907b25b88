"""Characters that untrusted text must not carry to a screen: control codes and bidi overrides.

A save (or a scenario) travels between people. Text in it reaches terminals and the window, and a
few characters there do harm: ESC starts a terminal escape sequence (colours, a moved cursor, a
changed window title), NUL stops a C string (pygame refuses to draw it), other C0 and C1 codes
move or erase what is shown, and the bidi embedding, override and isolate marks (U+202A-U+202E,
U+2066-U+2069) make text read differently from what it holds. Line and paragraph separators
(U+2028, U+2029) break lines where no newline is.

Two uses, one list: the save reader refuses a save whose text holds any of them
(``find_unsafe``, reported at the line and column of the value), and every terminal or window
output of untrusted text passes through ``printable`` as a second line of defence. Tab and
newline are allowed where text may have lines (``allow_lines``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

REPLACEMENT = "\ufffd"

_BIDI = "\u202a-\u202e\u2066-\u2069"
_SEPARATORS = "\u2028\u2029"
# Every C0 code but tab and newline, DEL, every C1 code, the bidi controls and the separators.
UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_SEPARATORS}]")
UNSAFE_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}{_SEPARATORS}]")

_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "LF", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL"}


def printable(text: str, replacement: str = REPLACEMENT) -> str:
    """``text`` with every unsafe character replaced (tab and newline kept): safe to print."""
    if UNSAFE.search(text) is None:
        return text
    return UNSAFE.sub(replacement, text)


def char_name(char: str) -> str:
    """``U+001B (ESC)``, ``U+202E (RIGHT-TO-LEFT OVERRIDE)``: how a message names a character."""
    code = ord(char)
    name = _NAMES.get(code) or unicodedata.name(char, "")
    if not name:
        name = "a C1 control code" if 0x80 <= code <= 0x9F else "a control code"
    return f"U+{code:04X} ({name})"


def first_unsafe(text: str, *, allow_lines: bool = True) -> int | None:
    """Index of the first unsafe character in ``text`` (tab and newline too unless
    ``allow_lines``), or None."""
    found = (UNSAFE if allow_lines else UNSAFE_ONE_LINE).search(text)
    return None if found is None else found.start()


def _strings(data: Any) -> Iterator[tuple[tuple[str | int, ...], str, bool]]:
    """Every string in JSON data in document order, with its path; True for a key. Iterative: a
    save is nested at most a few dozen levels, but no input should be able to exhaust the stack."""
    stack: list[Iterator[tuple[tuple[str | int, ...], Any]]] = [iter([((), data)])]
    while stack:
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
            continue
        path, value = step
        if isinstance(value, str):
            yield path, value, False
        elif isinstance(value, dict):
            for key in value:
                if UNSAFE_ONE_LINE.search(key):
                    yield path + (key,), key, True
            stack.append(_children(path, value.items()))
        elif isinstance(value, list):
            stack.append(_children(path, enumerate(value)))


def _children(path: tuple[str | int, ...], items: Any) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    for part, item in items:
        yield path + (part,), item


def find_unsafe(
    data: Any, lines_allowed_under: frozenset[str] = frozenset()
) -> tuple[tuple[str | int, ...], str, bool] | None:
    """(path, the character, is it in a key) of the first unsafe character in a string or key of
    ``data`` (in document order), or None. Tab and newline are refused too, except in values
    whose path passes through a key in ``lines_allowed_under`` (texts that may have lines)."""
    for path, value, is_key in _strings(data):
        lines = not is_key and any(part in lines_allowed_under for part in path if isinstance(part, str))
        index = first_unsafe(value, allow_lines=lines)
        if index is not None:
            return path, value[index], is_key
    return None
