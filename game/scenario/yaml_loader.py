"""Safe YAML reading for untrusted files.

PyYAML's constructors are never used: the document is composed into nodes (safe loader, no
python tags), then walked by hand so that we can
- cap the file size, the nesting depth and the number of nodes *after* alias expansion
  (an alias bomb of a few hundred bytes otherwise costs minutes and gigabytes downstream);
- refuse duplicate keys (YAML silently keeps the last one);
- read only ``true``/``false`` as booleans, so the Spanish word "no" stays text;
- remember where every value and key starts, so later errors can say PATH:LINE:COL.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.errors import ContentError, Problem

try:  # libyaml composes much faster; the pure loader is the fallback.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_BYTES = 2_000_000
MAX_NODES = 200_000
# Composing nodes is the slow part of reading YAML (about 3 s for a 1 MB list of numbers), so the
# parser's events are counted first, which is several times cheaper and stops at the cap.
# The bundled scenario has about 7,000 events.
MAX_EVENTS = 60_000
MAX_DEPTH = 48
MAX_INT_DIGITS = 15

YamlPath = tuple[str | int, ...]
Mark = tuple[int, int]

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}


@dataclass(slots=True)
class Document:
    """A parsed YAML document with the start position of every value and key by path."""

    source: str
    data: Any
    value_marks: dict[YamlPath, Mark] = field(default_factory=dict)
    key_marks: dict[YamlPath, Mark] = field(default_factory=dict)
    quoted: set[YamlPath] = field(default_factory=set)

    def mark_of(self, path: YamlPath, *, key: bool = False) -> Mark:
        """Best position for a path: the value (or key) itself, else its nearest recorded parent."""
        table = self.key_marks if key else self.value_marks
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if not key and probe in self.key_marks:
                return self.key_marks[probe]
            probe = probe[:-1]
        return self.value_marks.get((), (1, 1))

    def problem(self, path: YamlPath, message: str, *, key: bool = False, offset: int = 0) -> Problem:
        """A problem at ``path``; ``offset`` moves right within a one-line text value."""
        line, column = self.mark_of(path, key=key)
        if offset and tuple(path) in self.value_marks:
            column += offset + (1 if tuple(path) in self.quoted else 0)
        return Problem(self.source, line, column, message)


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
    loader = _SafeLoader(text)
    try:
        _count_events(text, source)
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        raise ContentError([syntax_problem(err, source)]) from None
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
    walker = _Walker(source)
    try:
        data = walker.walk(root, (), 0)
    except _Abort:
        pass
    if walker.problems:
        raise ContentError(walker.problems)
    return Document(source, data, walker.value_marks, walker.key_marks, walker.quoted)


def _count_events(text: str, source: str) -> None:
    """Refuse a document with more than MAX_EVENTS parser events before composing any node."""
    loader = _SafeLoader(text)
    try:
        count = 0
        while loader.check_event():
            event = loader.get_event()
            count += 1
            if count > MAX_EVENTS:
                mark = event.start_mark
                raise ContentError(
                    [
                        Problem(
                            source, mark.line + 1, mark.column + 1, f"too many values (limit {MAX_EVENTS:,})"
                        )
                    ]
                )
    finally:
        loader.dispose()


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


def syntax_problem(err: yaml.MarkedYAMLError, source: str) -> Problem:
    """Point at where the broken structure starts (an unclosed bracket or quote), if known."""
    context, problem = err.context_mark, err.problem_mark
    mark = context or problem
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = " ".join(part for part in (err.context, err.problem) if part) or "invalid YAML"
    if context and problem and problem.line != context.line:
        message += f" (noticed at line {problem.line + 1})"
    return Problem(source, line, column, f"YAML syntax: {message}")


class _Abort(Exception):
    """Stops the walk at a cap; the problem has already been recorded."""


class _Walker:
    """Turns nodes into plain Python data while enforcing the caps and recording marks."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.nodes = 0
        self.problems: list[Problem] = []
        self.value_marks: dict[YamlPath, Mark] = {}
        self.key_marks: dict[YamlPath, Mark] = {}
        self.quoted: set[YamlPath] = set()

    def fail(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.source, mark.line + 1, mark.column + 1, message))

    def walk(self, node: yaml.Node, path: YamlPath, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.fail(node, f"too many values after expanding aliases (limit {MAX_NODES:,})")
            raise _Abort
        if depth > MAX_DEPTH:
            self.fail(node, f"nesting is too deep (limit {MAX_DEPTH} levels)")
            raise _Abort
        self.value_marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _ALLOWED_TAGS:
            self.fail(node, f"tag {node.tag!r} is not allowed (only plain YAML data)")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.walk_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if node.style in ("'", '"'):
            self.quoted.add(path)
        return scalar_value(node)

    def walk_mapping(self, node: yaml.MappingNode, path: YamlPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            self.nodes += 1
            if key_node.tag == _TAG + "merge":
                self.fail(key_node, "merge keys ('<<') are not supported; write the values out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, "a key must be a plain word, not a list or a mapping")
                continue
            key = str(key_node.value)
            if key in result:
                self.fail(key_node, f"duplicate key {key!r} (YAML would keep only the last one)")
                continue
            child = path + (key,)
            self.key_marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.walk(value_node, child, depth + 1)
        return result


def scalar_value(node: yaml.ScalarNode) -> Any:
    """Quoted scalars are text; plain ones may be numbers, true/false or null - nothing else."""
    text = node.value
    if node.style:  # quoted, literal or folded (plain is None or "" by loader)
        return text
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text in _NULL:
        return None
    if _INT.fullmatch(text):
        return int(text) if len(text.lstrip("+-")) <= MAX_INT_DIGITS else text
    if _FLOAT.fullmatch(text):
        return float(text)
    return text
