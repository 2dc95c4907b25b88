"""Reading untrusted JSON (save files) under caps, and finding where a value sits in the text.

``json.loads`` is fast but forgiving in ways that matter for files people pass around: it keeps
the last of two duplicate keys, accepts ``NaN``, and spends seconds on a few megabytes of tiny
values. Here the size is capped before reading, the number of values is bounded before parsing
(a cheap count of separators), duplicate keys and non-finite numbers are refused, and the
nesting depth is checked. ``locate`` maps a path such as ``("moves", 3, "orders")`` back to a
line and column, so that a problem found later can still be reported as PATH:LINE:COL.
"""

from __future__ import annotations

import json
import os
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from json.scanner import NUMBER_RE  # type: ignore[attr-defined]
from typing import Any

from game.errors import ContentError, Problem
from game.scenario.yaml_loader import read_file_limited

MAX_BYTES = 10_000_000
MAX_VALUES = 300_000  # a long seminar game's save has a few thousand
MAX_DEPTH = 24

JsonPath = tuple[str | int, ...]

_WS = re.compile(r"[ \t\n\r]*")
_LITERAL = re.compile(r"true|false|null")
_STRUCTURE = re.compile(r'["\[\]{}]')


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def read_limited(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a save file of at most ``max_bytes``; anything else is a ContentError."""
    return read_file_limited(path, max_bytes, what="a save file")


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (a byte-order mark is allowed) or a clear error at the offending byte."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ContentError([Problem(source, 1, 1, "the file is UTF-16 text; a save is UTF-8 JSON")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise ContentError(
            [
                Problem(
                    source,
                    line,
                    column,
                    "not UTF-8 text: a save is UTF-8 JSON (was it edited in another encoding?)",
                )
            ]
        ) from None


def parse(text: str, source: str) -> Any:
    """Parse JSON text strictly; raises ContentError with the line and column of the problem."""
    if not text.strip():
        raise ContentError([Problem(source, 1, 1, "the file is empty")])
    separators = text.count(",") + text.count("[") + text.count("{")
    if separators > MAX_VALUES:
        raise ContentError([Problem(source, 1, 1, f"too many values for a save (limit {MAX_VALUES:,})")])
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_constant)
    except json.JSONDecodeError as err:
        raise ContentError([Problem(source, err.lineno, err.colno, f"not valid JSON: {err.msg}")]) from None
    except _Duplicate as err:
        line, column = position(text, find_duplicate(text, err.key))
        message = f"duplicate key {err.key!r} (a save never repeats a key; was it edited by hand?)"
        raise ContentError([Problem(source, line, column, message)]) from None
    except RecursionError:
        raise ContentError([Problem(source, 1, 1, "nesting is too deep")]) from None
    except ValueError as err:  # NaN/Infinity, or an integer too long to convert
        message = str(err) if "number a save" in str(err) else "a number has far too many digits"
        raise ContentError([Problem(source, 1, 1, f"not valid JSON: {message}")]) from None
    deep = too_deep(data)
    if deep is not None:
        line, column = position(text, locate(text, deep[:MAX_DEPTH]))
        raise ContentError([Problem(source, line, column, f"nesting is too deep (limit {MAX_DEPTH} levels)")])
    return data


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return result


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a save can hold")


def too_deep(data: Any) -> JsonPath | None:
    """The path of the first value nested deeper than MAX_DEPTH, or None (no recursion)."""
    stack: list[tuple[Any, JsonPath]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            return path
        if isinstance(value, dict):
            stack.extend((item, path + (key,)) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, path + (i,)) for i, item in enumerate(value))
    return None


# ----------------------------------------------------------------------------- positions


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def locate(text: str, path: JsonPath, *, key: bool = False) -> int:
    """Offset where the value at ``path`` starts (or its key, with ``key``) in valid JSON text.

    Stops at the deepest part of the path that exists, so a missing key points at its mapping.
    Only used to report a problem, on text that ``parse`` accepted.
    """
    pos = _skip_ws(text, 0)
    for depth, part in enumerate(path):
        last = depth == len(path) - 1
        found = _child(text, pos, part)
        if found is None:
            return pos
        key_pos, pos = found
        if last and key and key_pos is not None:
            return key_pos
    return pos


def _skip_ws(text: str, pos: int) -> int:
    match = _WS.match(text, pos)
    return match.end() if match else pos


def _child(text: str, pos: int, part: str | int) -> tuple[int | None, int] | None:
    """(key offset, value offset) of one member of the object or array starting at ``pos``."""
    if pos >= len(text):
        return None
    opening = text[pos]
    if opening == "{" and isinstance(part, str):
        pos = _skip_ws(text, pos + 1)
        while pos < len(text) and text[pos] == '"':
            key_pos = pos
            name, pos = scanstring(text, pos + 1)
            pos = _skip_ws(text, pos)
            pos = _skip_ws(text, pos + 1)  # past ':'
            if name == part:
                return key_pos, pos
            pos = _skip_ws(text, _skip_value(text, pos))
            if pos < len(text) and text[pos] == ",":
                pos = _skip_ws(text, pos + 1)
        return None
    if opening == "[" and isinstance(part, int):
        pos = _skip_ws(text, pos + 1)
        index = 0
        while pos < len(text) and text[pos] != "]":
            if index == part:
                return None, pos
            pos = _skip_ws(text, _skip_value(text, pos))
            if pos < len(text) and text[pos] == ",":
                pos = _skip_ws(text, pos + 1)
            index += 1
        return None
    return None


def _skip_value(text: str, pos: int) -> int:
    """Offset just past the JSON value starting at ``pos`` (iterative: no recursion)."""
    char = text[pos] if pos < len(text) else ""
    if char == '"':
        return int(scanstring(text, pos + 1)[1])
    if char not in "[{":
        match = NUMBER_RE.match(text, pos) or _LITERAL.match(text, pos)
        return match.end() if match else pos + 1
    depth = 0
    while True:
        match = _STRUCTURE.search(text, pos)
        if match is None:
            return len(text)
        pos = match.start()
        char = text[pos]
        if char == '"':
            pos = int(scanstring(text, pos + 1)[1])
            continue
        depth += 1 if char in "[{" else -1
        pos += 1
        if depth == 0:
            return pos


def find_duplicate(text: str, key: str) -> int:
    """Offset of the second ``key`` inside one object (for the error message); 0 if not found."""
    stack: list[set[str] | None] = []  # keys seen per open object; None for an array
    pos = 0
    while True:
        match = _STRUCTURE.search(text, pos)
        if match is None:
            return 0
        pos = match.start()
        char = text[pos]
        if char == '"':
            start = pos
            name, pos = scanstring(text, pos + 1)
            after = _skip_ws(text, pos)
            if stack and stack[-1] is not None and after < len(text) and text[after] == ":":
                if name in stack[-1] and name == key:
                    return start
                stack[-1].add(name)
            continue
        if char == "{":
            stack.append(set())
        elif char == "[":
            stack.append(None)
        elif stack:
            stack.pop()
        pos += 1
