"""The printed page: fpdf2 with the bundled font, text wrapped and measured before it is drawn.

Text is laid out here, not by fpdf2's ``multi_cell``: a line is a list of runs (bold or not)
wrapped by measuring each word, so the kit knows a block's height before drawing it, starts a
new page or column instead of overflowing one, and never reads scenario text as markup. A font
without a glyph that the kit draws is an error (``KitError``), never a silent box on paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(str(resources.files("game") / "assets" / "fonts"))
FAMILY = "Atkinson"
PT = 0.3528  # millimetres per point
LEADING = 1.22
PAPER = {"letter": (215.9, 279.4), "a4": (210.0, 297.0)}
MARGIN = 13.0
FOOTER = 9.0
INK = (25, 25, 25)
GREY = (110, 110, 110)
RULE = (150, 150, 150)
# Light tints to print the category of a card on its band, with the name in words beside it.
BANDS = {0: (205, 224, 247), 1: (226, 214, 240), 2: (252, 226, 200), 3: (212, 236, 214), -1: (228, 228, 228)}
FIXED_DATE = datetime(2025, 1, 1, tzinfo=UTC)

Run = tuple[str, bool]  # (text, bold)
Fragment = tuple[float, str, bool]  # (x offset, text, bold)


class KitError(Exception):
    """The kit cannot be printed as asked (a glyph the font lacks, a block larger than a page)."""


@dataclass(frozen=True, slots=True)
class Block:
    """Wrapped text: its lines of fragments, the size it was set in and its height."""

    lines: tuple[tuple[Fragment, ...], ...]
    size: float

    @property
    def line_height(self) -> float:
        return self.size * PT * LEADING

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


class KitPDF(FPDF):
    """An fpdf2 document with the kit's font, page frame and measured text."""

    def __init__(self, paper: str, footer: str) -> None:
        width, height = PAPER[paper]
        super().__init__(unit="mm", format=(width, height))
        self.footer_text = footer
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.add_font(FAMILY, "", FONT_DIR / "AtkinsonHyperlegible-Regular.ttf")
        self.add_font(FAMILY, "B", FONT_DIR / "AtkinsonHyperlegible-Bold.ttf")
        self.set_creation_date(FIXED_DATE)
        self.set_text_color(*INK)
        self.section = ""
        self.reuse_page = False  # the page just opened is still empty: the next new_page keeps it

    # ------------------------------------------------------------------ the frame

    @property
    def content_width(self) -> float:
        return self.w - 2 * MARGIN

    @property
    def bottom(self) -> float:
        return self.h - MARGIN - FOOTER

    def footer(self) -> None:
        self.set_font(FAMILY, "", 7.5)
        self.set_text_color(*GREY)
        words = f"{self.footer_text} · {self.section}" if self.section else self.footer_text
        self.text(MARGIN, self.h - MARGIN + 2, words)
        number = str(self.page_no())
        self.text(self.w - MARGIN - self.get_string_width(number), self.h - MARGIN + 2, number)
        self.set_text_color(*INK)

    def new_page(self, section: str | None = None) -> None:
        if not self.reuse_page:
            self.add_page()  # draws the footer of the page before, with its own section
        self.reuse_page = False
        if section is not None:
            self.section = section
        self.set_xy(MARGIN, MARGIN)

    def room(self) -> float:
        return self.bottom - self.get_y()

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits below the current position."""
        if height > self.room():
            self.new_page()

    # ------------------------------------------------------------------ text

    def wrap(self, runs: list[Run], width: float, size: float) -> Block:
        """Runs wrapped to ``width`` at ``size`` points, word by word."""
        lines: list[tuple[Fragment, ...]] = []
        line: list[Fragment] = []
        x = 0.0
        for word, bold in _words(runs):
            self.set_font(FAMILY, "B" if bold else "", size)
            ink = self.get_string_width(word.rstrip())
            if line and x + ink > width:
                lines.append(tuple(line))
                line, x = [], 0.0
                word = word.lstrip()
                ink = self.get_string_width(word.rstrip())
            for piece in _split_long(self, word, width) if ink > width else [word]:
                if line and x + self.get_string_width(piece.rstrip()) > width:
                    lines.append(tuple(line))
                    line, x = [], 0.0
                line.append((x, piece, bold))
                x += self.get_string_width(piece)
        if line:
            lines.append(tuple(line))
        return Block(tuple(_merge(line) for line in lines), size)

    def draw(self, block: Block, x: float, y: float) -> float:
        """Draw a wrapped block with its top at ``y``; the y below it."""
        ascent = block.size * PT * 0.95
        for number, line in enumerate(block.lines):
            baseline = y + number * block.line_height + ascent
            for offset, words, bold in line:
                self.set_font(FAMILY, "B" if bold else "", block.size)
                self.text(x + offset, baseline, words)
        return y + block.height

    def para(self, runs: list[Run] | str, size: float = 10, gap: float = 1.6, indent: float = 0) -> None:
        """A paragraph in the page's column, on a new page if it does not fit on this one."""
        if isinstance(runs, str):
            runs = [(runs, False)]
        block = self.wrap(runs, self.content_width - indent, size)
        if block.height > self.bottom - MARGIN:
            raise KitError(f"a paragraph is taller than a page: {runs[0][0][:60]!r}")
        self.ensure(block.height)
        self.set_y(self.draw(block, MARGIN + indent, self.get_y()) + gap)

    def heading(self, words: str, size: float = 15, gap: float = 2.5) -> None:
        block = self.wrap([(words, True)], self.content_width, size)
        self.ensure(block.height + 12)  # never a heading alone at the foot of a page
        self.set_y(self.draw(block, MARGIN, self.get_y()) + gap)

    def bullet(self, runs: list[Run] | str, size: float = 10) -> None:
        if isinstance(runs, str):
            runs = [(runs, False)]
        block = self.wrap(runs, self.content_width - 5, size)
        self.ensure(block.height)
        top = self.get_y()
        self.set_font(FAMILY, "", size)
        self.text(MARGIN + 1, top + size * PT * 0.95, "•")
        self.set_y(self.draw(block, MARGIN + 5, top) + 1.2)

    def rule(self, gap: float = 2.0) -> None:
        self.set_draw_color(*RULE)
        self.line(MARGIN, self.get_y(), self.w - MARGIN, self.get_y())
        self.set_y(self.get_y() + gap)

    # ------------------------------------------------------------------ shapes

    def cut_box(self, x: float, y: float, width: float, height: float) -> None:
        """A dashed outline: the line to cut along."""
        self.set_draw_color(*GREY)
        self.set_line_width(0.25)
        self.set_dash_pattern(dash=1.6, gap=1.2)
        self.rect(x, y, width, height)
        self.set_dash_pattern()

    def write_box(self, x: float, y: float, width: float, height: float) -> None:
        """A solid box to write in or tick."""
        self.set_draw_color(*INK)
        self.set_line_width(0.3)
        self.rect(x, y, width, height)

    def label(
        self, x: float, y: float, words: str, size: float = 9, bold: bool = False, width: float | None = None
    ) -> None:
        """One line of text with its top at ``y``, set smaller if it would be wider than ``width``."""
        room = self.w - MARGIN - x if width is None else width
        self.set_font(FAMILY, "B" if bold else "", size)
        while size > 5 and self.get_string_width(words) > room:
            size -= 0.5
            self.set_font(FAMILY, "B" if bold else "", size)
        self.text(x, y + size * PT * 0.95, words)

    def finish(self) -> bytes:
        """The PDF as bytes; refused if any character had no glyph in the bundled font."""
        data = bytes(self.output())
        missing = sorted(
            {chr(c) for font in self.fonts.values() for c in getattr(font, "missing_glyphs", ())}
        )
        if missing:
            raise KitError("the bundled font has no glyph for: " + " ".join(repr(c) for c in missing))
        return data


_WORD = re.compile(r"\s*\S+\s*|\s+")


def _words(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for words, bold in runs:
        flat = " ".join(words.split("\n"))
        out.extend((piece, bold) for piece in _WORD.findall(flat) if piece.strip())
    return out


def _split_long(pdf: FPDF, word: str, width: float) -> list[str]:
    """A word wider than the column, cut into pieces that fit (long ids and links)."""
    pieces, current = [], ""
    for char in word:
        if current and pdf.get_string_width(current + char) > width:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces


def _merge(line: tuple[Fragment, ...]) -> tuple[Fragment, ...]:
    """Neighbouring words of one style become one fragment: one piece of text to extract."""
    merged: list[Fragment] = []
    for offset, words, bold in line:
        if merged and merged[-1][2] == bold:
            start, before, _ = merged[-1]
            merged[-1] = (start, before + words, bold)
        else:
            merged.append((offset, words, bold))
    first = merged[0]
    merged[0] = (first[0], first[1].lstrip(), first[2])
    return tuple((o, w.rstrip() if i == len(merged) - 1 else w, b) for i, (o, w, b) in enumerate(merged))
