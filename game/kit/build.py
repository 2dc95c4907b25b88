"""The tabletop edition of a scenario as one PDF, in one language, in the order a kit is used."""

from __future__ import annotations

import os
from pathlib import Path

from game.i18n import language, set_language, text, tr
from game.kit.layout import PAPER, KitPDF
from game.kit.pages_board import board
from game.kit.pages_cards import card_decks
from game.kit.pages_facilitator import facilitator_sheet
from game.kit.pages_forms import feedback_page, order_slips, record_sheet
from game.kit.pages_intro import cover, how_to_play, turn_reference
from game.kit.pages_roles import role_sheets
from game.kit.pages_schedule import schedule_sheet
from game.scenario.runtime import CompiledScenario
from game.session.atomic import write_atomic

PAPERS = tuple(PAPER)


def build_kit(sc: CompiledScenario, lang: str | None = None, paper: str = "letter") -> bytes:
    """The kit as PDF bytes, worded in ``lang`` (the current language when None)."""
    previous = language()
    if lang:
        set_language(lang)
    try:
        return _build(sc, paper)
    finally:
        set_language(previous)


def _build(sc: CompiledScenario, paper: str) -> bytes:
    title = text(sc.model.title)
    pdf = KitPDF(paper, tr("kit.footer", title=title))
    pdf.set_title(f"Common Ground: {title} - {tr('kit.cover.edition')}")
    pdf.set_author("Common Ground")
    pdf.set_creator("Common Ground (commonground kit)")
    pdf.set_lang(language())
    cover(pdf, sc)
    how_to_play(pdf, sc)
    turn_reference(pdf, sc)
    facilitator_sheet(pdf, sc)
    schedule_sheet(pdf, sc)
    board(pdf, sc)
    role_sheets(pdf, sc)
    card_decks(pdf, sc)
    order_slips(pdf, sc)
    record_sheet(pdf, sc)
    feedback_page(pdf)
    return pdf.finish()


def write_kit(
    sc: CompiledScenario, path: str | os.PathLike[str], lang: str | None = None, paper: str = "letter"
) -> Path:
    """Build the kit and write it atomically (never half a PDF)."""
    target = Path(path)
    write_atomic(target, build_kit(sc, lang, paper), keep_backup=False)
    return target
