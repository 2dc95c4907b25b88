"""Forms to fill in by hand: a team's order slip, the facilitator's record, the feedback form.

The facilitator's record has a box for everything a paper game needs to be typed back in
(``commonground paper``, ``docs/kit.md``): each turn's news, answers, orders and dice.
"""

from __future__ import annotations

from game.i18n import tr, trn
from game.kit.layout import BANDS, FAMILY, GREY, INK, MARGIN, PT, KitPDF
from game.report.feedback import FeedbackForm, feedback_form
from game.scenario.runtime import CompiledScenario
from game.story.words import role_name

WRITE = 7.0  # the height of a line to write on
RULE_INK = (140, 140, 140)
ANSWER = 6.6  # the lines under an open question of the feedback form


def order_slips(pdf: KitPDF, sc: CompiledScenario) -> None:
    """One slip per role, two to a page, with a detachable strip for a covert order."""
    pdf.new_page(tr("kit.section.slips"))
    pdf.start_section(tr("kit.section.slips"))
    half = (pdf.bottom - pdf.get_y()) / 2
    for role in range(len(sc.model.roles)):
        if role and role % 2 == 0:
            pdf.new_page()
        top = pdf.get_y() if role % 2 == 0 else pdf.get_y() + 2
        order_slip(pdf, sc, role, top, half - 4)
        if role % 2 == 0:
            pdf.set_draw_color(*GREY)
            pdf.set_dash_pattern(dash=1.6, gap=1.2)
            pdf.line(0, top + half, pdf.w, top + half)
            pdf.set_dash_pattern()
            pdf.set_y(top + half + 2)


def order_slip(pdf: KitPDF, sc: CompiledScenario, role: int, top: float, height: float) -> None:
    compiled = sc.roles[role]
    width = pdf.content_width
    pdf.set_fill_color(*BANDS[-1])
    pdf.rect(MARGIN, top, width, 9, style="F")
    turn = tr("kit.slip.turn")
    pdf.set_font(FAMILY, "B", 11)
    turn_x = MARGIN + width - 32 - pdf.get_string_width(turn)
    title = tr("kit.slip.title", role=role_name(sc, role, short=False))
    pdf.label(MARGIN + 2.5, top + 2.2, title, 11, True, width=turn_x - MARGIN - 6)
    pdf.label(turn_x, top + 2.2, turn, 11, True)
    pdf.write_box(MARGIN + width - 30, top + 1.2, 27, 6.6)
    y = top + 12
    pdf.label(MARGIN, y, trn("kit.slip.resources", compiled.action_points), 9)
    y += 6
    pdf.label(MARGIN, y, tr("kit.slip.answers"), 9, True)
    y += 5
    for _ in range(2):
        answer_line(pdf, y)
        y += WRITE
    y = orders_table(pdf, compiled.action_points + 1, y + 1)
    pdf.set_text_color(*GREY)
    pdf.label(MARGIN, y, tr("kit.slip.orders_note"), 7.5)
    pdf.set_text_color(*INK)
    y += 5
    pdf.label(MARGIN, y, tr("kit.slip.why"), 9, True)
    write_lines(pdf, y + 1, 2)
    covert_strip(pdf, sc, role, top + height - 22, 22)


def answer_line(pdf: KitPDF, y: float) -> None:
    width = pdf.content_width
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.2)
    pdf.line(MARGIN, y + 5, MARGIN + width - 62, y + 5)
    for number, key in enumerate(("kit.slip.accept", "kit.slip.reject")):
        x = MARGIN + width - 58 + number * 30
        pdf.write_box(x, y + 1.4, 3.6, 3.6)
        pdf.label(x + 5, y + 1.2, tr(key), 9)


def orders_table(pdf: KitPDF, rows: int, y: float) -> float:
    """Rows to write orders in: the order, its AP and capital, covert or not, the dice rolled."""
    widths = (0.6, 0.1, 0.12, 0.18)
    keys = ("kit.slip.order", "kit.slip.ap", "kit.slip.capital", "kit.slip.dice")
    width = pdf.content_width
    head = 6.0
    pdf.set_fill_color(*BANDS[-1])
    pdf.rect(MARGIN, y, width, head, style="F")
    x = MARGIN
    for share, key in zip(widths, keys, strict=True):
        pdf.label(x + 1.5, y + 1.5, tr(key), 8, True)
        x += share * width
    for row in range(rows + 1):
        pdf.set_line_width(0.2)
        pdf.line(MARGIN, y + head + row * WRITE, MARGIN + width, y + head + row * WRITE)
    bottom = y + head + rows * WRITE
    x = MARGIN
    for share in (0, *widths):
        x += share * width
        pdf.line(x, y, x, bottom)
    dice_x = MARGIN + sum(widths[:3]) * width
    for row in range(rows):
        for die in range(2):
            pdf.write_box(dice_x + 3 + die * 8, y + head + row * WRITE + 1.2, 5, 4.6)
    pdf.write_box(MARGIN, y, width, bottom - y)
    return bottom + 2


def write_lines(
    pdf: KitPDF, y: float, count: int, x: float | None = None, width: float | None = None, step: float = WRITE
) -> float:
    """Lines to write on, ``step`` apart; the y below the last."""
    left = MARGIN if x is None else x
    span = pdf.content_width if width is None else width
    pdf.set_draw_color(*RULE_INK)
    pdf.set_line_width(0.2)
    for number in range(1, count + 1):
        pdf.line(left, y + number * step, left + span, y + number * step)
    pdf.set_draw_color(*INK)
    return y + count * step


def covert_strip(pdf: KitPDF, sc: CompiledScenario, role: int, top: float, height: float) -> None:
    """The part of the slip a team folds and hands over face down for a covert order."""
    width = pdf.content_width
    pdf.cut_box(MARGIN, top, width, height)
    words = tr("kit.slip.covert_strip", role=role_name(sc, role, short=False))
    pdf.label(MARGIN + 2.5, top + 2, words, 9, True)
    pdf.set_text_color(*GREY)
    pdf.label(MARGIN + 2.5, top + 6.5, tr("kit.slip.covert_note"), 7.5)
    pdf.set_text_color(*INK)
    write_lines(pdf, top + 8.5, 1, MARGIN + 2.5, width * 0.68)
    label = tr("kit.slip.dice")
    pdf.label(MARGIN + width * 0.72, top + 11, label, 8, True)
    pdf.set_font(FAMILY, "B", 8)
    x = MARGIN + width * 0.72 + pdf.get_string_width(label) + 3
    for die in range(2):
        pdf.write_box(x + die * 8, top + 10.5, 5, 4.6)


def record_sheet(pdf: KitPDF, sc: CompiledScenario) -> None:
    """A block per turn: the news, each role's answers, orders and dice, the facilitator's decisions."""
    m = sc.model
    pdf.new_page(tr("kit.section.record"))
    pdf.start_section(tr("kit.section.record"))
    pdf.heading(tr("kit.section.record"), gap=1)
    pdf.para(tr("kit.record.intro", scenario=m.id), size=9, gap=2.5)
    columns = 3 if len(m.roles) >= 3 else len(m.roles)
    rows = -(-len(m.roles) // columns)
    cell = 24.0
    block = 8 + rows * cell + 9
    for turn in range(1, m.turns + 1):
        pdf.ensure(block)
        top = pdf.get_y()
        pdf.set_fill_color(*BANDS[-1])
        pdf.rect(MARGIN, top, pdf.content_width, 6.5, style="F")
        pdf.label(MARGIN + 2, top + 1.4, tr("kit.record.turn", n=turn), 9.5, True)
        news = tr("kit.record.news")
        pdf.label(MARGIN + 32, top + 1.6, news, 8.5)
        pdf.set_font(FAMILY, "", 8.5)
        start = MARGIN + 34 + pdf.get_string_width(news)
        pdf.set_draw_color(*RULE_INK)
        pdf.line(start, top + 5.2, MARGIN + pdf.content_width - 2, top + 5.2)
        width = pdf.content_width / columns
        for role in range(len(m.roles)):
            x = MARGIN + (role % columns) * width
            y = top + 8 + (role // columns) * cell
            pdf.write_box(x, y, width - 2, cell - 2)
            pdf.label(x + 1.5, y + 1.2, role_name(sc, role), 8, True, width=width - 5)
            pdf.set_text_color(*GREY)
            pdf.label(x + 1.5, y + 5.2, tr("kit.record.cell"), 6.8)
            pdf.set_text_color(*INK)
        bottom = top + 8 + rows * cell
        decisions = tr("kit.record.decisions")
        pdf.label(MARGIN, bottom + 0.5, decisions, 8.5)
        pdf.set_font(FAMILY, "", 8.5)
        start = MARGIN + 2 + pdf.get_string_width(decisions)
        pdf.set_draw_color(*RULE_INK)
        pdf.line(start, bottom + 4, MARGIN + pdf.content_width, bottom + 4)
        pdf.set_draw_color(*INK)
        pdf.set_y(bottom + 9)


def feedback_page(pdf: KitPDF) -> None:
    """The participant feedback form (the same questions as the after-action report's)."""
    form = feedback_form()
    pdf.new_page(tr("kit.section.feedback"))
    pdf.start_section(tr("kit.section.feedback"))
    pdf.heading(form.title, gap=1)
    pdf.para(form.intro, size=9.2, gap=2)
    y = pdf.get_y()
    third = pdf.content_width / 3
    for number, field in enumerate(form.fields):
        pdf.label(MARGIN + number * third, y, field, 9, True)
        write_lines(pdf, y + 2.5, 1, MARGIN + number * third, third - 4)
    pdf.set_y(y + 14)
    ratings_table(pdf, form)
    for question in form.open_questions:
        pdf.ensure(5 + 2 * ANSWER)
        top = pdf.get_y()
        pdf.label(MARGIN, top, question, 9.2, True)
        pdf.set_y(write_lines(pdf, top + 1, 2, step=ANSWER) + 2.2)


def ratings_table(pdf: KitPDF, form: FeedbackForm) -> None:
    scale = form.scale
    boxes = 5 * 9.0
    width = pdf.content_width - boxes
    pdf.set_text_color(*GREY)
    pdf.para(tr("kit.feedback.scale", low=scale[0], high=scale[-1]), size=8.2, gap=1.5)
    pdf.set_text_color(*INK)
    for rating in form.ratings:
        block = pdf.wrap([(f"{rating.number}. {rating.text}", False)], width - 4, 9)
        height = max(block.height, 5.4) + 3.0
        pdf.ensure(height)
        top = pdf.get_y()
        pdf.draw(block, MARGIN, top + 0.6)
        for point in range(5):
            x = MARGIN + width + point * 9.0
            pdf.write_box(x + 1.5, top + 0.5, 4.6, 4.6)
            pdf.set_font(FAMILY, "", 6.5)
            pdf.text(
                x + 3.8 - pdf.get_string_width(str(point + 1)) / 2,
                top + 0.5 + 4.6 + 6.5 * PT * 1.1,
                str(point + 1),
            )
        pdf.set_y(top + height + 1)
    pdf.set_y(pdf.get_y() + 2)
