"""The condition language's syntax: text → tokens → a small tuple tree. Nothing is evaluated here.

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

A NAME is a track id, ``turn``, ``turns``, ``kind.id`` (``flag.x``, ``posture.x`` ...) or ``credibility.holder.of``.
There are no calls, attributes beyond one dot, indexing or anything else: a string such as
``__import__('os')`` is simply a syntax error. Only plain spaces, tabs and line breaks separate
tokens, and only ASCII digits make numbers, so what a person reads is what is parsed. A number
is at most ``MAX_NUMBER``: a 320-digit one used to crash constant folding with OverflowError.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

MAX_LENGTH = 500
MAX_DEPTH = 32
MAX_NUMBER = 1_000_000


class ConditionError(ValueError):
    """A problem in a condition string, with the 0-based character offset where it starts."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


_TOKEN = re.compile(
    r"""[ \t\r\n]*(?:
      (?P<num>[0-9]+(?:\.[0-9]+)?)
    | (?P<str>"[^"\\\n]*"|'[^'\\\n]*')
    | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*){0,2})
    | (?P<op><=|>=|==|!=|<|>|\+|-|\*|\(|\))
    )""",
    re.VERBOSE,
)
_BLANK = " \t\r\n"
_KEYWORDS = {"and", "or", "not", "true", "false"}


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # num, str, name, op, kw, end
    text: str
    offset: int


def describe_char(char: str) -> str:
    """A character as a person can read it in a message: 'é' (U+00E9), or U+00A0 if invisible."""
    code = f"U+{ord(char):04X}"
    if char.isprintable() and not char.isspace() and unicodedata.category(char) not in ("Cf", "Co"):
        return f"{char!r} ({code})" if ord(char) > 0x7E else repr(char)
    return code


def tokenize(source: str) -> list[Token]:
    if len(source) > MAX_LENGTH:
        raise ConditionError(f"condition is too long ({len(source)} characters; limit {MAX_LENGTH})")
    tokens: list[Token] = []
    pos = 0
    while pos < len(source):
        if source[pos:].strip(_BLANK) == "":
            break
        match = _TOKEN.match(source, pos)
        if not match or match.end() == pos:
            bad = pos + (len(source[pos:]) - len(source[pos:].lstrip(_BLANK)))
            raise ConditionError(f"unexpected character {describe_char(source[bad])}", bad)
        kind = match.lastgroup or ""
        text = match.group(kind)
        start = match.start(kind)
        if kind == "name" and text in _KEYWORDS:
            kind = "kw"
        tokens.append(Token(kind, text, start))
        pos = match.end()
    tokens.append(Token("end", "", len(source)))
    return tokens


def number_value(token: Token) -> int | float:
    """The value of a number token, refused beyond ±MAX_NUMBER before it is even converted."""
    whole = token.text.split(".", 1)[0].lstrip("0")
    value = _convert(token.text) if len(whole) <= len(str(MAX_NUMBER)) else None
    if value is None or value > MAX_NUMBER:
        shown = token.text if len(token.text) <= 16 else f"{token.text[:12]}… ({len(token.text)} characters)"
        raise ConditionError(
            f"the number {shown} is too large (numbers in conditions are at most {MAX_NUMBER:,})",
            token.offset,
        )
    return value


def _convert(text: str) -> int | float:
    return float(text) if "." in text else int(text)


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
            return ("num", token.offset, number_value(token))
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
