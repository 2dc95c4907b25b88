"""Cards to cut out: each in a dashed outline, flowed down two columns, a new page per deck.

A card's height is measured before it is placed, so no card runs over a column or a page; a
card too tall for a page at the usual size is set smaller rather than cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.i18n import tr, trn
from game.kit.cards import Card, action_cards, event_cards, posture_cards, term_cards
from game.kit.layout import BANDS, GREY, INK, MARGIN, Block, KitError, KitPDF
from game.scenario.runtime import CompiledScenario
from game.story.words import role_name

GAP = 5.0
PAD = 2.4
SIZES = (7.8, 7.3, 6.8)
MIN_ROOM = 90.0


@dataclass(frozen=True, slots=True)
class Laid:
    """A card wrapped for its width: the band's blocks, the body's blocks and the height."""

    card: Card
    title: Block
    tag: Block
    body: tuple[Block, ...]
    band: float
    height: float


def card_decks(pdf: KitPDF, sc: CompiledScenario) -> None:
    """The action cards (a deck per role), the proposals, the postures and the events."""
    cards = action_cards(sc)
    pdf.new_page(tr("kit.section.actions"))
    pdf.start_section(tr("kit.section.actions"))
    first = True
    for role in range(len(sc.model.roles)):
        mine = [c for c in cards if c.id in _ids_of_role(sc, role)]
        if not first:
            pdf.new_page()
        first = False
        title = tr("kit.cards.deck", role=role_name(sc, role, short=False))
        pdf.start_section(title, level=1)
        deck(pdf, trn("kit.cards.deck_head", len(mine), role=role_name(sc, role, short=False)), mine)
    for section, head, made in (
        ("kit.section.terms", "kit.cards.terms_head", term_cards(sc)),
        ("kit.section.postures", "kit.cards.postures_head", posture_cards(sc)),
        ("kit.section.events", "kit.cards.events_head", event_cards(sc)),
    ):
        if not made:
            continue
        if pdf.room() < MIN_ROOM or section == "kit.section.terms":
            pdf.new_page(tr(section))
        else:  # a short deck (the postures) goes on below the one before
            pdf.set_y(pdf.get_y() + 4)
            pdf.section = tr(section)
        pdf.start_section(tr(section))
        deck(pdf, trn(head, len(made)), made)


def _ids_of_role(sc: CompiledScenario, role: int) -> set[str]:
    return {sc.model.actions[i].id for i in range(len(sc.model.actions)) if sc.actions[i].role == role}


def deck(pdf: KitPDF, head: str, cards: Sequence[Card]) -> None:
    """Cards in two columns, each into the column that is least full. When the next card fits in
    neither, a later one that fits goes first (a page is not left half empty for one tall card)."""
    pdf.heading(head, size=12, gap=1)
    pdf.para(tr("kit.cards.cut"), size=8, gap=2.5)
    width = (pdf.content_width - GAP) / 2
    waiting = [lay(pdf, card, width, pdf.bottom - MARGIN) for card in cards]
    tops = [pdf.get_y(), pdf.get_y()]
    while waiting:
        column = 0 if tops[0] <= tops[1] else 1
        found = next((i for i, laid in enumerate(waiting) if tops[column] + laid.height <= pdf.bottom), None)
        if found is None:
            column = 1 - column
            found = next(
                (i for i, laid in enumerate(waiting) if tops[column] + laid.height <= pdf.bottom), None
            )
        if found is None:
            pdf.new_page()
            tops = [pdf.get_y(), pdf.get_y()]
            continue
        laid = waiting.pop(found)
        draw_card(pdf, laid, MARGIN + column * (width + GAP), tops[column], width)
        tops[column] += laid.height + GAP
    pdf.set_y(max(tops))


def lay(pdf: KitPDF, card: Card, width: float, limit: float) -> Laid:
    """The card at the first size at which it fits in ``limit`` millimetres."""
    inner = width - 2 * PAD
    for size in SIZES:
        pdf.set_font(style="B", size=size + 0.6)
        corner = pdf.get_string_width(card.corner) + 3 if card.corner else 0
        title = pdf.wrap([(card.title, True)], inner - corner, size + 1.6)
        tag = pdf.wrap([(card.tag, False)], inner, size - 0.4)
        body = tuple(
            pdf.wrap(
                [(line.label + ": ", True), (line.text, False)] if line.label else [(line.text, False)],
                inner,
                size,
            )
            for line in card.lines
        )
        band = PAD + title.height + 0.6 + tag.height + PAD * 0.7
        height = band + PAD * 0.8 + sum(b.height + 0.9 for b in body) + PAD * 0.6
        if height <= limit:
            return Laid(card, title, tag, body, band, height)
    raise KitError(f"the card {card.id!r} does not fit on a page")


def draw_card(pdf: KitPDF, laid: Laid, x: float, y: float, width: float) -> None:
    card = laid.card
    pdf.set_fill_color(*BANDS.get(card.band, BANDS[-1]))
    pdf.rect(x, y, width, laid.band, style="F")
    top = pdf.draw(laid.title, x + PAD, y + PAD)
    if card.corner:
        size = laid.title.size - 1.0
        pdf.set_font(style="B", size=size)
        pdf.label(x + width - PAD - pdf.get_string_width(card.corner), y + PAD + 0.3, card.corner, size, True)
    pdf.set_text_color(*GREY)
    pdf.draw(laid.tag, x + PAD, top + 0.6)
    pdf.set_text_color(*INK)
    top = y + laid.band + PAD * 0.8
    for block in laid.body:
        top = pdf.draw(block, x + PAD, top) + 0.9
    pdf.cut_box(x, y, width, laid.height)
