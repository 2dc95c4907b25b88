"""The walk from composed YAML nodes to plain data, under caps, recording where everything is.

Only ``true``/``false`` are booleans, numbers are at most MAX_INT_DIGITS digits (or a finite
float of that size), a node with an explicit tag is refused, and no string holds a forbidden
character (``characters``). Every problem is recorded with its place; the walk goes on, so one
run of ``validate`` lists them all, except past a cap, where it stops.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from game.errors import Problem
from game.scenario.characters import KEY_FORBIDDEN, VALUE_FORBIDDEN, why_forbidden
from game.scenario.positions import LineTable, Span, value_index

MAX_NODES = 200_000
MAX_DEPTH = 48
MAX_INT_DIGITS = 15
MAX_FLOAT = 1e15

YamlPath = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}


class _Abort(Exception):
    """Stops the walk at a cap; the problem has already been recorded."""


class Walker:
    """Turns nodes into plain Python data while enforcing the caps and recording where things are."""

    def __init__(self, source: str, text: str, lines: LineTable, tagged: dict[int, str]) -> None:
        self.source = source
        self.text = text
        self.lines = lines
        self.tagged = tagged
        self.nodes = 0
        self.problems: list[Problem] = []
        self.spans: dict[YamlPath, Span] = {}
        self.key_spans: dict[YamlPath, Span] = {}

    def walk_document(self, root: yaml.Node) -> Any:
        """The document's data; None once a cap stopped the walk (the problem is recorded)."""
        try:
            sizes: dict[int, int] = {}
            if expanded_size(root, sizes) > MAX_NODES:
                where = node_past_the_cap(root, sizes, MAX_NODES)
                self.fail(where, f"too many values after expanding aliases (limit {MAX_NODES:,})")
                return None
            return self.walk(root, (), 0)
        except _Endless as endless:
            self.fail(endless.node, "this value contains an alias of itself, so it never ends")
            return None
        except _Abort:
            return None
        except RecursionError:
            self.fail(root, f"nesting is too deep (limit {MAX_DEPTH} levels)")
            return None

    def fail(self, node: yaml.Node, message: str, index: int | None = None) -> None:
        at = node.start_mark.index if index is None else index
        self.problems.append(Problem(self.source, *self.lines.position(at), message))

    def walk(self, node: yaml.Node, path: YamlPath, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.fail(node, f"too many values after expanding aliases (limit {MAX_NODES:,})")
            raise _Abort
        if depth > MAX_DEPTH:
            self.fail(node, f"nesting is too deep (limit {MAX_DEPTH} levels)")
            raise _Abort
        span = (node.start_mark.index, node.end_mark.index, getattr(node, "style", None) or None)
        self.spans.setdefault(path, span)
        tag = self.tagged.get(node.start_mark.index)
        if tag is not None:
            shown = tag.replace(_TAG, "!!") if tag.startswith(_TAG) else tag
            self.fail(
                node, f"tag {shown!r} is not allowed (only plain YAML data: write the value without it)"
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self.walk_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node, span)

    def scalar(self, node: yaml.ScalarNode, span: Span) -> Any:
        """A scalar's value; a string with a forbidden character or an unusable number is a problem."""
        value = scalar_value(node)
        if isinstance(value, str) and node.style:  # plain text was covered by the raw check
            self.check_characters(node, span, value, VALUE_FORBIDDEN)
        elif value is _TOO_LARGE or (isinstance(value, float) and not abs(value) <= MAX_FLOAT):
            self.fail(
                node, f"the number {_shorten(node.value)} is too large (at most {MAX_INT_DIGITS} digits)"
            )
            return None
        return value

    def check_characters(self, node: yaml.Node, span: Span, value: str, forbidden: re.Pattern[str]) -> None:
        for match in forbidden.finditer(value):
            index = value_index(self.text, span, value, match.start())
            self.fail(node, why_forbidden(match.group()), index)

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
            key_span = (key_node.start_mark.index, key_node.end_mark.index, key_node.style or None)
            if key_node.start_mark.index in self.tagged:
                self.fail(key_node, "a key cannot have a tag (only plain YAML data)")
                continue
            self.check_characters(key_node, key_span, key, KEY_FORBIDDEN)
            if key in result:
                self.fail(key_node, f"duplicate key {key!r} (YAML would keep only the last one)")
                continue
            child = path + (key,)
            self.key_spans[child] = key_span
            result[key] = self.walk(value_node, child, depth + 1)
        return result


_TOO_LARGE = object()


class _Endless(Exception):
    """A value that contains an alias of itself (``&a [*a]``): it would expand for ever."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


def expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values the walk would visit under ``node``, aliases expanded (a key counts one).

    Each node is counted once however often aliases repeat it, so an alias bomb of a few hundred
    bytes is measured in a few hundred steps instead of being walked to the cap.
    """
    known = sizes.get(id(node))
    if known is not None:
        if known < 0:
            raise _Endless(node)
        return known
    sizes[id(node)] = -1  # being counted: meeting it again inside itself is an endless loop
    total = 1
    if isinstance(node, yaml.MappingNode):
        total += sum(1 + expanded_size(value, sizes) for _, value in node.value)
    elif isinstance(node, yaml.SequenceNode):
        total += sum(expanded_size(item, sizes) for item in node.value)
    sizes[id(node)] = total
    return total


def node_past_the_cap(node: yaml.Node, sizes: dict[int, int], budget: int) -> yaml.Node:
    """The node at which a walk in document order passes ``budget`` values."""
    while True:
        budget -= 1
        if budget < 0:
            return node
        if isinstance(node, yaml.MappingNode):
            children = [(1, value) for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            children = [(0, item) for item in node.value]
        else:
            return node
        for key_cost, child in children:
            budget -= key_cost
            if sizes[id(child)] > budget:
                node = child
                break
            budget -= sizes[id(child)]
        else:
            return node


def _shorten(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}… ({len(text)} characters)"


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
        return int(text) if len(text.lstrip("+-")) <= MAX_INT_DIGITS else _TOO_LARGE
    if _FLOAT.fullmatch(text):
        return float(text) if len(text) <= 400 else _TOO_LARGE
    return text
