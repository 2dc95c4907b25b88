"""Safe YAML reading for untrusted files.

PyYAML's constructors are never used: the document is composed into nodes (safe loader, no
python tags), then walked by hand so that we can
- cap the file size, the nesting depth and the number of nodes *after* alias expansion
  (an alias bomb of a few hundred bytes otherwise costs minutes and gigabytes downstream);
- refuse duplicate keys (YAML silently keeps the last one);
- read only ``true``/``false`` as booleans, so the Spanish word "no" stays text;
- refuse explicit tags (``!!float 4`` was silently read as 4), control characters and
  numbers beyond 15 digits or not finite, each at its line and column;
- remember where every value and key is written, so later errors can say PATH:LINE:COL, down
  to the character inside a condition (see ``positions``).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.errors import ContentError, Problem
from game.scenario.characters import RAW_FORBIDDEN, why_forbidden
from game.scenario.positions import LineTable, Span, value_index
from game.scenario.problems import refuse
from game.scenario.yaml_errors import reader_problem, syntax_problem
from game.scenario.yaml_walk import MAX_DEPTH, MAX_INT_DIGITS, MAX_NODES, Walker, YamlPath

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_EVENTS",
    "MAX_INT_DIGITS",
    "MAX_NODES",
    "Document",
    "YamlPath",
    "decode_text",
    "load_yaml_file",
    "load_yaml_text",
    "read_file_limited",
]

try:  # libyaml composes much faster; the pure loader is the fallback.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_BYTES = 2_000_000
# Composing nodes is the slow part of reading YAML (about 3 s for a 1 MB list of numbers), so the
# parser's events are counted first, which is several times cheaper and stops at the cap.
# The bundled scenario has about 7,000 events.
MAX_EVENTS = 60_000


@dataclass(slots=True)
class Document:
    """A parsed YAML document with where every value and key is written, by path."""

    source: str
    data: Any
    text: str = ""
    spans: dict[YamlPath, Span] = field(default_factory=dict)
    key_spans: dict[YamlPath, Span] = field(default_factory=dict)
    lines: LineTable = field(default_factory=lambda: LineTable(""))

    def index_of(self, path: YamlPath, *, key: bool = False, offset: int = 0) -> int:
        """Where a path is written: the value (or key) itself, else its nearest recorded parent.

        ``offset`` is a character of a text value, found in its source through quotes and escapes.
        """
        path = tuple(path)
        if key and path in self.key_spans:
            return self.key_spans[path][0]
        if not key and path in self.spans:
            span = self.spans[path]
            value = _value_at(self.data, path)
            return value_index(self.text, span, value, offset) if isinstance(value, str) else span[0]
        probe = path
        while probe:
            if probe in self.spans:
                return self.spans[probe][0]
            if probe in self.key_spans:
                return self.key_spans[probe][0]
            probe = probe[:-1]
        return self.spans[()][0] if () in self.spans else 0

    def problem(self, path: YamlPath, message: str, *, key: bool = False, offset: int = 0) -> Problem:
        line, column = self.lines.position(self.index_of(path, key=key, offset=offset))
        return Problem(self.source, line, column, message)


def _value_at(data: Any, path: YamlPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def read_file_limited(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, refused before it is read.

    Folders, devices and pipes are refused too (reading a pipe would wait for ever).
    ``what`` names the expected kind of file in messages ("a save file").
    """
    name = os.fspath(path)
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            raise ContentError([Problem(name, 1, 1, f"is a folder, not {what}")])
        if not stat.S_ISREG(info.st_mode):
            raise ContentError([Problem(name, 1, 1, "is not a regular file")])
        if info.st_size > max_bytes:
            message = f"file is too large ({info.st_size:,} bytes; the limit is {max_bytes:,})"
            raise ContentError([Problem(name, 1, 1, message)])
        with open(name, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except ContentError:
        raise
    except FileNotFoundError:
        raise ContentError([Problem(name, 1, 1, "no such file")]) from None
    except OSError as err:
        raise ContentError([Problem(name, 1, 1, f"cannot read file: {err.strerror or err}")]) from None
    if len(data) > max_bytes:
        raise ContentError([Problem(name, 1, 1, f"file is too large (over {max_bytes:,} bytes)")])
    return data


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 (with or without a byte-order mark) or a clear error at the offending byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise ContentError(
            [Problem(source, line, column, "the file is not UTF-8 text (save it as UTF-8)")]
        ) from None


def load_yaml_file(path: str | os.PathLike[str]) -> Document:
    """Read, decode and parse a YAML file under all the caps above."""
    name = os.fspath(path)
    return load_yaml_text(decode_text(read_file_limited(name), name), name)


def load_yaml_text(text: str, source: str = "<text>") -> Document:
    """Parse YAML text into plain data plus marks; raises ContentError with every problem."""
    if len(text) > MAX_BYTES:
        raise ContentError([Problem(source, 1, 1, f"text is too large (over {MAX_BYTES:,} characters)")])
    text = text.removeprefix("\ufeff")
    lines = LineTable(text)
    raw = [
        Problem(source, *lines.position(match.start()), why_forbidden(match.group()))
        for match in RAW_FORBIDDEN.finditer(text)
    ]
    if raw:
        raise refuse(raw)
    loader = _SafeLoader(text)
    try:
        tagged = _scan_events(text, source, lines)
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        raise ContentError([syntax_problem(err, source, lines)]) from None
    except yaml.reader.ReaderError as err:
        raise ContentError([reader_problem(err, text, source)]) from None
    except yaml.YAMLError as err:
        raise ContentError([Problem(source, 1, 1, f"YAML syntax: {err}")]) from None
    except RecursionError:
        raise ContentError([Problem(source, 1, 1, "nesting is too deep")]) from None
    finally:
        loader.dispose()
    if root is None:
        raise ContentError([Problem(source, 1, 1, "the file is empty")])
    walker = Walker(source, text, lines, tagged)
    data = walker.walk_document(root)
    if walker.problems:
        raise refuse(walker.problems)
    return Document(source, data, text, walker.spans, walker.key_spans, lines)


def _scan_events(text: str, source: str, lines: LineTable) -> dict[int, str]:
    """Where explicit tags are written (index -> tag), counting events before any node is composed.

    A document with more than MAX_EVENTS parser events is refused here, which is several times
    cheaper than composing it. Tags are only visible in events: once composed, ``!!str 4`` and
    ``"4"`` are the same node.
    """
    loader = _SafeLoader(text)
    tagged: dict[int, str] = {}
    try:
        count = 0
        while loader.check_event():
            event = loader.get_event()
            count += 1
            if count > MAX_EVENTS:
                line, column = lines.position(event.start_mark.index)
                raise ContentError([Problem(source, line, column, f"too many values (limit {MAX_EVENTS:,})")])
            tag = getattr(event, "tag", None)
            if tag is not None:
                tagged[event.start_mark.index] = tag
    finally:
        loader.dispose()
    return tagged
