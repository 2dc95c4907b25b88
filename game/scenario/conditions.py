"""The condition language: a small grammar of our own, parsed and compiled - never ``eval``.

    civilian_harm >= 40 and trust < 30 and posture.us_posture == "unilateral"
    100 - sovereignty_tension            (a measure: a number, used for objective scores)

Grammar (lowest precedence first)::

    expr  := and ("or" and)*
    and   := not ("and" not)*
    not   := "not" not | cmp
    cmp   := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
    sum   := prod (("+" | "-") prod)*
    prod  := unary ("*" unary)*
    unary := "-" unary | atom
    atom  := NUMBER | STRING | "true" | "false" | NAME | "(" expr ")"

A NAME is a track id, ``turn``, ``turns``, or ``kind.id`` (``flag.x``, ``posture.x``,
``agreement.x`` ...); which names exist is decided by the scenario (see :class:`Namespace`).
There are no calls, attributes beyond one dot, indexing or anything else: a string such as
``__import__('os')`` is simply a syntax error.

Compiling yields a plain closure ``f(state) -> value`` over the runtime state's lists, so the
engine's hot path pays a couple of list lookups per condition.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

MAX_LENGTH = 500
MAX_DEPTH = 32

NUM: Literal["number"] = "number"
BOOL: Literal["true/false"] = "true/false"
STR: Literal["text"] = "text"
ValueType = Literal["number", "true/false", "text"]

Getter = Callable[[Any], Any]


class ConditionError(ValueError):
    """A problem in a condition string, with the 0-based character offset where it starts."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


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


# ----------------------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<num>[0-9]+(?:\.[0-9]+)?)
    | (?P<str>"[^"\\\n]*"|'[^'\\\n]*')
    | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)
    | (?P<op><=|>=|==|!=|<|>|\+|-|\*|\(|\))
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "true", "false"}


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # num, str, name, op, kw, end
    text: str
    offset: int


def tokenize(source: str) -> list[Token]:
    if len(source) > MAX_LENGTH:
        raise ConditionError(f"condition is too long ({len(source)} characters; limit {MAX_LENGTH})")
    tokens: list[Token] = []
    pos = 0
    while pos < len(source):
        if source[pos:].strip() == "":
            break
        match = _TOKEN.match(source, pos)
        if not match or match.end() == pos:
            bad = pos + (len(source[pos:]) - len(source[pos:].lstrip()))
            raise ConditionError(f"unexpected character {source[bad]!r}", bad)
        kind = match.lastgroup or ""
        text = match.group(kind)
        start = match.start(kind)
        if kind == "name" and text in _KEYWORDS:
            kind = "kw"
        tokens.append(Token(kind, text, start))
        pos = match.end()
    tokens.append(Token("end", "", len(source)))
    return tokens


# ----------------------------------------------------------------------------- syntax tree

Node = tuple[Any, ...]  # (kind, offset, ...) - tiny and immutable


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = tokenize(source)
        self.pos = 0
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.pos]

    def take(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def at(self, kind: str, *texts: str) -> bool:
        return self.tok.kind == kind and (not texts or self.tok.text in texts)

    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise ConditionError("the condition is empty")
        node = self.expr()
        if self.tok.kind != "end":
            raise ConditionError(f"unexpected {self.tok.text!r}", self.tok.offset)
        return node

    def nest(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError("the condition is nested too deeply", self.tok.offset)

    def expr(self) -> Node:
        self.nest()
        node = self.conj()
        while self.at("kw", "or"):
            at = self.take().offset
            node = ("or", at, node, self.conj())
        self.depth -= 1
        return node

    def conj(self) -> Node:
        node = self.neg()
        while self.at("kw", "and"):
            at = self.take().offset
            node = ("and", at, node, self.neg())
        return node

    def neg(self) -> Node:
        if self.at("kw", "not"):
            at = self.take().offset
            self.nest()
            inner = self.neg()
            self.depth -= 1
            return ("not", at, inner)
        return self.cmp()

    def cmp(self) -> Node:
        node = self.sum()
        if self.at("op", "<", "<=", ">", ">=", "==", "!="):
            op = self.take()
            node = ("cmp", op.offset, op.text, node, self.sum())
            if self.at("op", "<", "<=", ">", ">=", "==", "!="):
                raise ConditionError("comparisons cannot be chained; use 'and'", self.tok.offset)
        return node

    def sum(self) -> Node:
        node = self.prod()
        while self.at("op", "+", "-"):
            op = self.take()
            node = ("arith", op.offset, op.text, node, self.prod())
        return node

    def prod(self) -> Node:
        node = self.unary()
        while self.at("op", "*"):
            op = self.take()
            node = ("arith", op.offset, "*", node, self.unary())
        return node

    def unary(self) -> Node:
        if self.at("op", "-"):
            at = self.take().offset
            self.nest()
            inner = self.unary()
            self.depth -= 1
            return ("arith", at, "-", ("num", at, 0), inner)
        return self.atom()

    def atom(self) -> Node:
        token = self.take()
        if token.kind == "num":
            value = float(token.text) if "." in token.text else int(token.text)
            return ("num", token.offset, value)
        if token.kind == "str":
            return ("str", token.offset, token.text[1:-1])
        if token.kind == "kw" and token.text in ("true", "false"):
            return ("bool", token.offset, token.text == "true")
        if token.kind == "name":
            if self.at("op", "("):
                raise ConditionError(f"{token.text!r} is not something that can be called", token.offset)
            return ("name", token.offset, token.text)
        if token.kind == "op" and token.text == "(":
            node = self.expr()
            if not self.at("op", ")"):
                raise ConditionError("missing ')'", self.tok.offset)
            self.take()
            return node
        if token.kind == "end":
            raise ConditionError("the condition ends too early", token.offset)
        raise ConditionError(f"unexpected {token.text!r}", token.offset)


def parse(source: str) -> Node:
    """Parse a condition into a small tuple tree; raises ConditionError with an offset."""
    if not isinstance(source, str):
        raise ConditionError("a condition must be text")
    return _Parser(source).parse()


# ----------------------------------------------------------------------------- compiling

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
_ARITH: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
}


@dataclass(frozen=True, slots=True)
class Compiled:
    """A compiled condition: the callable, its result type and the names it reads."""

    fn: Getter
    type: ValueType
    names: frozenset[str]
    source: str


def compile_condition(source: str, names: Namespace, expect: ValueType = BOOL) -> Compiled:
    """Parse, type-check and compile; ``expect`` is BOOL for conditions, NUM for measures."""
    tree = parse(source)
    used: set[str] = set()
    fn, kind, const = _compile(tree, names, used)
    if expect == NUM and kind == BOOL:
        fn, kind = _as_number(fn, const), NUM
    if kind != expect:
        raise ConditionError(f"this must give {expect}, but it gives {kind}")
    return Compiled(fn, kind, frozenset(used), source)


def _as_number(fn: Getter, const: Any) -> Getter:
    return (lambda s: int(fn(s))) if const is None else (lambda s: int(const))


def _compile(node: Node, names: Namespace, used: set[str]) -> tuple[Getter, ValueType, Any]:
    """Returns (getter, type, constant-or-None); constants let comparisons specialise."""
    kind = node[0]
    if kind == "num":
        value = node[2]
        return (lambda s: value), NUM, value
    if kind == "bool":
        value = node[2]
        return (lambda s: value), BOOL, value
    if kind == "str":
        raise ConditionError('text can only be compared with a posture, e.g. posture.x == "y"', node[1])
    if kind == "name":
        return _compile_name(node, names, used)
    if kind == "not":
        inner, inner_type, _ = _compile(node[2], names, used)
        _require(inner_type, BOOL, "'not'", node[1])
        return (lambda s: not inner(s)), BOOL, None
    if kind in ("and", "or"):
        parts = []
        for operand in _flatten(node, kind):
            fn, operand_type, _ = _compile(operand, names, used)
            _require(operand_type, BOOL, f"'{kind}'", node[1])
            parts.append(fn)
        return (_all_of(parts) if kind == "and" else _any_of(parts)), BOOL, None
    if kind == "arith":
        return _compile_arith(node, names, used)
    if kind == "cmp":
        return _compile_cmp(node, names, used)
    raise ConditionError(f"unknown expression {kind!r}", node[1])  # pragma: no cover


def _flatten(node: Node, kind: str) -> list[Node]:
    """``a and b and c`` parses as ((a and b) and c): one closure for all three is faster."""
    if node[0] != kind:
        return [node]
    return _flatten(node[2], kind) + _flatten(node[3], kind)


def _all_of(parts: list[Getter]) -> Getter:
    if len(parts) == 2:
        a, b = parts
        return lambda s: a(s) and b(s)
    if len(parts) == 3:
        a, b, c = parts
        return lambda s: a(s) and b(s) and c(s)
    every = tuple(parts)
    return lambda s: all(f(s) for f in every)


def _any_of(parts: list[Getter]) -> Getter:
    if len(parts) == 2:
        a, b = parts
        return lambda s: a(s) or b(s)
    if len(parts) == 3:
        a, b, c = parts
        return lambda s: a(s) or b(s) or c(s)
    every = tuple(parts)
    return lambda s: any(f(s) for f in every)


def _require(actual: ValueType, wanted: ValueType, where: str, offset: int) -> None:
    if actual != wanted:
        raise ConditionError(f"{where} needs {wanted}, not {actual}", offset)


def _compile_name(node: Node, names: Namespace, used: set[str]) -> tuple[Getter, ValueType, Any]:
    name = node[2]
    ref = names.resolve(name)
    if ref is None:
        raise ConditionError(f"unknown name {name!r}{names.suggest(name)}", node[1])
    used.add(name)
    if ref.constant is not None:
        value = ref.constant
        return (lambda s: value), ref.type, value
    attr, index = ref.attr, ref.index
    get: Getter
    if index is None and ref.equals is not None:
        equals = ref.equals
        get = lambda s: getattr(s, attr) == equals  # noqa: E731
    elif index is None:
        get = operator.attrgetter(attr)
    elif ref.minus is None and ref.equals is None and ref.type != BOOL and attr in _LIST_GETTERS:
        get = _LIST_GETTERS[attr](index)
    elif ref.minus == "turn_start" and attr == "tracks":
        get = lambda s: s.tracks[index] - s.turn_start[index]  # noqa: E731
    elif ref.minus is not None:
        minus = ref.minus
        get = lambda s: getattr(s, attr)[index] - getattr(s, minus)[index]  # noqa: E731
    elif ref.equals is not None and attr == "agreements":
        equals = ref.equals
        get = lambda s: s.agreements[index] == equals  # noqa: E731
    elif ref.equals is not None:
        equals = ref.equals
        get = lambda s: getattr(s, attr)[index] == equals  # noqa: E731
    elif ref.type == BOOL and attr in _FLAG_GETTERS:
        get = _FLAG_GETTERS[attr](index)
    elif ref.type == BOOL:
        get = lambda s: getattr(s, attr)[index] != 0  # noqa: E731
    else:
        get = lambda s: getattr(s, attr)[index]  # noqa: E731
    return get, ref.type, None


# Direct attribute access is markedly faster than getattr() on the hot path.
_LIST_GETTERS: dict[str, Callable[[int], Getter]] = {
    "tracks": lambda i: lambda s: s.tracks[i],
    "capital": lambda i: lambda s: s.capital[i],
    "standing": lambda i: lambda s: s.standing[i],
    "used": lambda i: lambda s: s.used[i],
    "drawn": lambda i: lambda s: s.drawn[i],
}
_FLAG_GETTERS: dict[str, Callable[[int], Getter]] = {
    "flags": lambda i: lambda s: s.flags[i] != 0,
    "proposed": lambda i: lambda s: s.proposed[i] != 0,
    "broken": lambda i: lambda s: s.broken[i] != 0,
    "exposed": lambda i: lambda s: s.exposed[i] != 0,
    "active": lambda i: lambda s: s.active[i] > 0,
}
_TRACK_COMPARE: dict[str, Callable[[int, Any], Getter]] = {
    ">=": lambda i, k: lambda s: s.tracks[i] >= k,
    "<=": lambda i, k: lambda s: s.tracks[i] <= k,
    ">": lambda i, k: lambda s: s.tracks[i] > k,
    "<": lambda i, k: lambda s: s.tracks[i] < k,
    "==": lambda i, k: lambda s: s.tracks[i] == k,
    "!=": lambda i, k: lambda s: s.tracks[i] != k,
}


def _compile_arith(node: Node, names: Namespace, used: set[str]) -> tuple[Getter, ValueType, Any]:
    op_text = node[2]
    left, lt, lc = _compile(node[3], names, used)
    right, rt, rc = _compile(node[4], names, used)
    for side_type in (lt, rt):
        if side_type == STR:
            raise ConditionError(f"'{op_text}' needs numbers, not text", node[1])
    if lt == BOOL:
        left = _as_number(left, lc)
        lc = None if lc is None else int(lc)
    if rt == BOOL:
        right = _as_number(right, rc)
        rc = None if rc is None else int(rc)
    op = _ARITH[op_text]
    if lc is not None and rc is not None:
        value = op(lc, rc)
        return (lambda s: value), NUM, value
    if rc is not None:
        return (lambda s: op(left(s), rc)), NUM, None
    if lc is not None:
        return (lambda s: op(lc, right(s))), NUM, None
    return (lambda s: op(left(s), right(s))), NUM, None


def _compile_cmp(node: Node, names: Namespace, used: set[str]) -> tuple[Getter, ValueType, Any]:
    op_text, left_node, right_node = node[2], node[3], node[4]
    if left_node[0] == "str" and right_node[0] == "name":
        left_node, right_node = right_node, left_node
        op_text = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}.get(op_text, op_text)
    if right_node[0] == "str":
        return _compile_choice(op_text, left_node, right_node, names, used, node[1])
    left, lt, lc = _compile(left_node, names, used)
    right, rt, rc = _compile(right_node, names, used)
    if STR in (lt, rt):
        raise ConditionError("a posture can only be compared with text in quotes", node[1])
    if lt != rt and op_text in ("==", "!="):
        raise ConditionError(f"cannot compare {lt} with {rt}", node[1])
    if (lt == BOOL or rt == BOOL) and op_text not in ("==", "!="):
        raise ConditionError(f"'{op_text}' needs numbers, not true/false", node[1])
    op = _COMPARE[op_text]
    if rc is not None and lc is None:
        if left_node[0] == "name":
            ref = names.resolve(left_node[2])
            if ref is not None and ref.attr == "tracks" and ref.minus is None and ref.index is not None:
                return _TRACK_COMPARE[op_text](ref.index, rc), BOOL, None
        return _specialised(op_text, left, rc), BOOL, None
    if lc is not None and rc is not None:
        value = op(lc, rc)
        return (lambda s: value), BOOL, value
    return (lambda s: op(left(s), right(s))), BOOL, None


def _specialised(op_text: str, left: Getter, k: Any) -> Getter:
    """Comparisons against a constant are the commonest node: avoid a second call for them."""
    if op_text == ">=":
        return lambda s: left(s) >= k
    if op_text == "<=":
        return lambda s: left(s) <= k
    if op_text == ">":
        return lambda s: left(s) > k
    if op_text == "<":
        return lambda s: left(s) < k
    if op_text == "==":
        return lambda s: left(s) == k
    return lambda s: left(s) != k


def _compile_choice(
    op_text: str, name_node: Node, str_node: Node, names: Namespace, used: set[str], at: int
) -> tuple[Getter, ValueType, Any]:
    if name_node[0] != "name":
        raise ConditionError('text can only be compared with a posture, e.g. posture.x == "y"', at)
    ref = names.resolve(name_node[2])
    if ref is None:
        raise ConditionError(f"unknown name {name_node[2]!r}{names.suggest(name_node[2])}", name_node[1])
    if ref.type != STR:
        raise ConditionError(f"{name_node[2]!r} is a {ref.type}, not text", name_node[1])
    if op_text not in ("==", "!="):
        raise ConditionError(f"'{op_text}' cannot compare text; use == or !=", at)
    choice = str_node[2]
    if choice not in ref.choices:
        known = ", ".join(repr(c) for c in ref.choices)
        raise ConditionError(f"{name_node[2]!r} is never {choice!r} (it can be {known})", str_node[1])
    used.add(name_node[2])
    attr, index, value = ref.attr, ref.index, ref.choices.index(choice)
    if attr == "postures":
        if op_text == "==":
            return (lambda s: s.postures[index] == value), BOOL, None
        return (lambda s: s.postures[index] != value), BOOL, None
    if op_text == "==":
        return (lambda s: getattr(s, attr)[index] == value), BOOL, None
    return (lambda s: getattr(s, attr)[index] != value), BOOL, None


def _closest(name: str, pool: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(name, pool, n=1, cutoff=0.75)
    return found[0] if found else None
