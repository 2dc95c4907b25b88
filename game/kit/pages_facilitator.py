"""The facilitator's sheet: how the table resolves a turn by hand, the dice, the rules and endings.

Everything here is the engine's procedure in words (``game.engine.turn``): the news draw, the
resolution order, the consequence rules in the order they are checked, the exposure of covert
programmes, upkeep, the endings by priority and the scoring, so a paper game plays as the
computer plays it.
"""

from __future__ import annotations

from game.i18n import text, tr, trn
from game.kit.cards import dice_chance, effects_text, risks_text
from game.kit.layout import BANDS, FAMILY, MARGIN, KitPDF
from game.scenario.runtime import CompiledScenario
from game.story.requirements import condition_text
from game.story.words import category_name, role_name

PROCEDURE = (
    ("kit.fac.role", "kit.fac.role_text"),
    ("kit.fac.news", "kit.fac.news_text"),
    ("kit.fac.answers", "kit.fac.answers_text"),
    ("kit.fac.resolution", "kit.fac.resolution_text"),
    ("kit.fac.checks", "kit.fac.checks_text"),
    ("kit.fac.consequences", "kit.fac.consequences_text"),
    ("kit.fac.exposure", "kit.fac.exposure_text"),
    ("kit.fac.upkeep", "kit.fac.upkeep_text"),
    ("kit.fac.scoring", "kit.fac.scoring_text"),
)


def facilitator_sheet(pdf: KitPDF, sc: CompiledScenario) -> None:
    pdf.new_page(tr("kit.section.facilitator"))
    pdf.start_section(tr("kit.section.facilitator"))
    pdf.heading(tr("kit.section.facilitator"))
    values = {
        "order": " · ".join(category_name(c) for c in range(4)),
        "roles": ", ".join(role_name(sc, r) for r in range(len(sc.model.roles))),
        "turns": sc.model.turns,
    }
    for title, body in PROCEDURE:
        pdf.heading(tr(title), size=11.5, gap=1.2)
        pdf.para(tr(body, **values), size=9.6, gap=2.2)
        if title == "kit.fac.checks":
            dice_table(pdf)
    endings(pdf, sc)
    rules(pdf, sc)
    risks(pdf, sc)


def dice_table(pdf: KitPDF) -> None:
    """The odds of 2d6: each total, the chance of exactly it and of it or more."""
    rows = (
        (tr("kit.fac.dice_total"), [str(n) for n in range(2, 13)]),
        (tr("kit.fac.dice_exactly"), [f"{round(ways(n) * 100 / 36)}%" for n in range(2, 13)]),
        (tr("kit.fac.dice_or_more"), [f"{dice_chance(n)}%" for n in range(2, 13)]),
    )
    pdf.set_font(FAMILY, "B", 8.5)
    head = max(pdf.get_string_width(label) for label, _ in rows) + 4
    cell = (pdf.content_width - head) / 11
    height = 6.0
    pdf.ensure(height * 3 + 4)
    top = pdf.get_y()
    for number, (label, values) in enumerate(rows):
        y = top + number * height
        if number == 0:
            pdf.set_fill_color(*BANDS[-1])
            pdf.rect(MARGIN, y, pdf.content_width, height, style="F")
        pdf.write_box(MARGIN, y, pdf.content_width, height)
        pdf.label(MARGIN + 1.5, y + 1.6, label, size=8.5, bold=True)
        for column, value in enumerate(values):
            x = MARGIN + head + column * cell
            pdf.line(x, y, x, y + height)
            pdf.set_font(FAMILY, "B" if number == 0 else "", 8.5)
            pdf.label(
                x + (cell - pdf.get_string_width(value)) / 2, y + 1.6, value, size=8.5, bold=number == 0
            )
    pdf.set_y(top + 3 * height + 3)


def ways(total: int) -> int:
    return sum(1 for a in range(1, 7) for b in range(1, 7) if a + b == total)


def endings(pdf: KitPDF, sc: CompiledScenario) -> None:
    """The endings in the order they are checked, each with its condition and its narrative."""
    m = sc.model
    pdf.new_page()
    pdf.heading(tr("kit.fac.endings"), size=13, gap=1.5)
    pdf.para(trn("kit.fac.endings_text", m.turns), size=9.6, gap=2.5)
    fallback = m.endings[sc.fallback_ending]
    for compiled in sc.endings:
        ending = m.endings[compiled.index]
        timing = tr("kit.fac.final") if compiled.timing_final else tr("kit.fac.anytime")
        if ending.when:
            condition = condition_text(sc, ending.when)
        else:
            condition = tr("kit.fac.otherwise")
        runs = [(text(ending.name) + " ", True), (f"({timing}) ", False), (tr("kit.fac.when") + " ", True)]
        pdf.bullet([*runs, (condition, False)], size=9.6)
        pdf.para(text(ending.narrative), size=8.8, gap=1.8, indent=5)
    if not fallback.when:
        pdf.para(tr("kit.fac.fallback", ending=text(fallback.name)), size=9.2, gap=2)


def rules(pdf: KitPDF, sc: CompiledScenario) -> None:
    """Every consequence rule, in the order the table checks them after the orders."""
    m = sc.model
    if not m.rules:
        return
    pdf.new_page()
    pdf.heading(trn("kit.fac.rules", len(m.rules)), size=13, gap=1.5)
    pdf.para(tr("kit.fac.rules_text"), size=9.2, gap=2.5)
    for number, (rule, compiled) in enumerate(zip(m.rules, sc.rules, strict=True), start=1):
        runs = [(tr("kit.fac.when") + " ", True), (condition_text(sc, rule.when) + ". ", False)]
        runs.append((tr("kit.card.effects") + ": ", True))
        runs.append((effects_text(sc, rule.effects, compiled.effects) or tr("kit.card.nothing"), False))
        limits = []
        if rule.delay:
            limits.append(trn("kit.fac.rule_delay", rule.delay))
        if rule.once:
            limits.append(tr("kit.card.once"))
        if rule.cooldown:
            limits.append(trn("kit.fac.rule_cooldown", rule.cooldown))
        if rule.chance < 100:
            limits.append(tr("kit.fac.rule_chance", n=rule.chance))
        if limits:
            runs += [(". ", False), (tr("kit.card.limits") + ": ", True), ("; ".join(limits), False)]
        runs += [(". ", False), (tr("kit.card.risks") + ": ", True), (risks_text(rule.risks), False)]
        head = pdf.wrap([(f"{number}. {text(rule.headline)}", True)], pdf.content_width, 8.8)
        body = pdf.wrap(runs, pdf.content_width - 5, 8.4)
        pdf.ensure(head.height + body.height)
        top = pdf.draw(head, MARGIN, pdf.get_y())
        pdf.set_y(pdf.draw(body, MARGIN + 5, top) + 1.6)


def risks(pdf: KitPDF, sc: CompiledScenario) -> None:
    """The article's risks that every card and rule names by id."""
    pdf.ensure(30)
    pdf.set_y(pdf.get_y() + 3)
    pdf.heading(tr("kit.fac.risks"), size=13, gap=1.5)
    pdf.para(tr("kit.fac.risks_text"), size=9.2, gap=2)
    for risk in sc.model.risks:
        pdf.bullet([(f"{risk.id} {text(risk.name)}: ", True), (text(risk.article), False)], size=8.8)
