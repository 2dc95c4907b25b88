"""Screens that fit the terminal: blocks of lines wrapped to its width and dealt onto pages.

A block is kept whole on one page (an order and its odds, a heading and its first order); a
page holds as many blocks as its height allows. The orders screen is paged so that it fits an
80×24 terminal with its header, its footer and an error line all in sight.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console
from rich.text import Text

Block = list[Text]


def wrap(console: Console, markup: str, width: int, indent: int = 0, first: str | None = None) -> list[Text]:
    """``markup`` wrapped to ``width`` cells: the first line after ``first`` (by default
    ``indent`` spaces), every further line indented by ``indent`` spaces."""
    lead = " " * indent if first is None else first
    body = Text.from_markup(markup)
    room = max(10, width - max(len(lead), indent))
    lines = body.wrap(console, room) if body.plain else [Text("")]
    out = [Text(lead) + lines[0]]
    out.extend(Text(" " * indent) + line for line in lines[1:])
    for line in out:
        line.rstrip()
    return out


@dataclass
class Page:
    title: str
    lines: list[Text] = field(default_factory=list)


def deal(blocks: list[tuple[str, Block]], height: int) -> list[Page]:
    """Pages of at most ``height`` lines; each block (titled by its section) stays whole.

    A block taller than a page is cut over pages rather than lost. A section that goes on over
    a page break keeps its title, so a page always says what it shows."""
    pages: list[Page] = []
    for section, block in blocks:
        rest = list(block)
        while rest:
            if not pages or len(pages[-1].lines) + min(len(rest), height) > height:
                pages.append(Page(section))
            page = pages[-1]
            if section not in page.title.split(" \u00b7 "):
                page.title += " \u00b7 " + section
            room = height - len(page.lines)
            page.lines.extend(rest[:room])
            rest = rest[room:]
    return pages or [Page("")]
