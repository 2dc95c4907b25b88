"""The opening pages: the cover with its contents, how to play, and the turn reference."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.i18n import text, tr, trn
from game.kit.layout import FAMILY, GREY, INK, MARGIN, KitPDF
from game.scenario.runtime import CompiledScenario
from game.story.words import category_name, role_name

# The six phases of a turn (DESIGN §1), each with what the table does in it.
PHASES = (
    ("kit.phase.news", "kit.phase.news_do"),
    ("kit.phase.answers", "kit.phase.answers_do"),
    ("kit.phase.orders", "kit.phase.orders_do"),
    ("kit.phase.resolution", "kit.phase.resolution_do"),
    ("kit.phase.consequences", "kit.phase.consequences_do"),
    ("kit.phase.upkeep", "kit.phase.upkeep_do"),
)
HOW_TO_PLAY = (
    ("kit.how.what", "kit.how.what_text"),
    ("kit.how.need", "kit.how.need_text"),
    ("kit.how.setup", "kit.how.setup_text"),
    ("kit.how.orders", "kit.how.orders_text"),
    ("kit.how.checks", "kit.how.checks_text"),
    ("kit.how.secrets", "kit.how.secrets_text"),
    ("kit.how.winning", "kit.how.winning_text"),
    ("kit.how.back", "kit.how.back_text"),
)


def cover(pdf: KitPDF, sc: CompiledScenario) -> None:
    """The first page: title, what is in the kit and on which page (drawn once all pages exist)."""

    def render(doc: Any, sections: Sequence[Any]) -> None:
        draw_cover(doc, sc, sections)

    pdf.new_page("")
    pdf.insert_toc_placeholder(render, pages=1, reset_page_indices=False)
    pdf.reuse_page = True  # the placeholder has already opened the next page


def draw_cover(pdf: KitPDF, sc: CompiledScenario, sections: Sequence[Any]) -> None:
    m = sc.model
    pdf.set_y(MARGIN + 20)
    pdf.heading("Common Ground", size=30, gap=2)
    pdf.heading(text(m.title), size=20, gap=1)
    pdf.set_text_color(*GREY)
    pdf.para(tr("kit.cover.edition"), size=13, gap=6)
    pdf.set_text_color(*INK)
    roles = ", ".join(role_name(sc, r, short=False) for r in range(len(m.roles)))
    pdf.para(trn("kit.cover.roles", len(m.roles), roles=roles), size=11)
    pdf.para(trn("kit.cover.turns", m.turns), size=11, gap=5)
    pdf.para(text(m.intro), size=9.5, gap=6)
    pdf.heading(tr("kit.cover.contents"), size=13, gap=2)
    for section in sections:
        if section.level:
            continue
        pdf.set_font(FAMILY, "", 10.5)
        number = str(section.page_number)
        top = pdf.get_y()
        pdf.label(MARGIN, top, section.name, size=10.5)
        pdf.label(pdf.w - MARGIN - pdf.get_string_width(number), top, number, size=10.5)
        pdf.set_y(top + 5.2)


def how_to_play(pdf: KitPDF, sc: CompiledScenario) -> None:
    m = sc.model
    pdf.new_page(tr("kit.section.how"))
    pdf.start_section(tr("kit.section.how"))
    pdf.heading(tr("kit.section.how"))
    points = ", ".join(f"{role_name(sc, r.index)} {r.action_points}" for r in sc.roles)
    values = {
        "title": text(m.title),
        "roles": len(m.roles),
        "turns": m.turns,
        "ap": points,
        "order": " · ".join(category_name(c) for c in range(4)),
    }
    for title, body in HOW_TO_PLAY:
        pdf.heading(tr(title), size=11.5, gap=1.2)
        pdf.para(tr(body, **values), size=9.8, gap=2.4)


def turn_reference(pdf: KitPDF, sc: CompiledScenario) -> None:
    """One page every table keeps in view: the six phases and what each team does in them."""
    pdf.new_page(tr("kit.section.turn"))
    pdf.start_section(tr("kit.section.turn"))
    pdf.heading(tr("kit.section.turn"))
    pdf.para(trn("kit.turn.intro", sc.model.turns), size=12.5, gap=5)
    width = pdf.content_width
    for number, (name, what) in enumerate(PHASES, start=1):
        block = pdf.wrap([(tr(what), False)], width - 26, 12.5)
        height = max(block.height, 14) + 13
        pdf.ensure(height)
        top = pdf.get_y()
        pdf.write_box(MARGIN, top, width, height)
        pdf.label(MARGIN + 5, top + 4, str(number), size=26, bold=True)
        pdf.label(MARGIN + 22, top + 4, tr(name), size=15, bold=True)
        pdf.draw(block, MARGIN + 22, top + 11.5)
        pdf.set_y(top + height + 3.5)
    order = " · ".join(category_name(c) for c in range(4))
    pdf.para([(tr("kit.turn.order") + " ", True), (order, False)], size=12.5, gap=2.5)
    pdf.para(tr("kit.turn.within"), size=11.5, gap=2)
