"""Where a character of a YAML value is written: from an offset in the value to LINE:COL.

A condition's error has an offset inside the condition's text; a control character has an
offset inside its string. The value as read is not the text as written - quotes, escapes such
as ``\\x74``, doubled single quotes, block headers and folded line breaks lie between them - so
the written source of the scalar is walked unit by unit and matched against the value.
Lines end at ``\\n`` (the raw checks have refused every other line break before parsing).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

Span = tuple[int, int, str | None]  # start index, end index, YAML scalar style (None for plain)

_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}


class LineTable:
    """Line and column (both 1-based) of any character index of a text."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        find = text.find
        at = find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = find("\n", at + 1)

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, max(index, 0))
        return line, index - self.starts[line - 1] + 1


def value_index(text: str, span: Span, value: str, offset: int) -> int:
    """The index in ``text`` where ``value[offset]`` is written (just past the value for its end)."""
    start, end, style = span
    wanted = min(max(offset, 0), len(value))
    matched = 0
    after_last = _content_start(text, start, end, style)
    for index, width, char in _units(text, after_last, end, style):
        if matched < len(value) and char == value[matched]:
            if matched == wanted:
                return index
            matched += 1
            after_last = index + width
    return after_last if matched == wanted else start


def _content_start(text: str, start: int, end: int, style: str | None) -> int:
    """Past the node's anchor and tag, the opening quote, or a block scalar's header line."""
    i = start
    while i < end and text[i] in "&!":
        while i < end and text[i] not in " \t\n":
            i += 1
        while i < end and text[i] in " \t\n":
            i += 1
    if style in ('"', "'"):
        return i + 1
    if style in ("|", ">"):
        newline = text.find("\n", i, end)
        return end if newline < 0 else newline + 1
    return i


def _units(text: str, i: int, end: int, style: str | None) -> Iterator[tuple[int, int, str]]:
    """(index, width, character it stands for) for each written piece of the scalar."""
    while i < end:
        char = text[i]
        if style == '"' and char == "\\" and i + 1 < end:
            code = text[i + 1]
            if code in _HEX_DIGITS:
                width = 2 + _HEX_DIGITS[code]
                try:
                    yield i, width, chr(int(text[i + 2 : i + width], 16))
                except ValueError:
                    yield i, 1, char
                    width = 1
                i += width
                continue
            if code in _ESCAPES:
                yield i, 2, _ESCAPES[code]
                i += 2
                continue
        if style == "'" and char == "'" and text[i + 1 : i + 2] == "'":
            yield i, 2, "'"
            i += 2
            continue
        yield i, 1, char
        i += 1
