"""Role sheets: one per page, marked to hand out face down, each set as large as its page allows.

A sheet holds the role's briefing, its resources, the posture it controls, its secret
objectives with how each is scored, and the orders it may give. The text shrinks step by step
until the whole sheet fits on its one page (a role sheet split over two pages would show).
"""

from __future__ import annotations

from collections.abc import Iterator

from game.i18n import text, tr, trn
from game.kit.cards import CATEGORY_ORDER, modifiers_text
from game.kit.layout import BANDS, MARGIN, KitError, KitPDF, Run
from game.scenario.runtime import ACTION_PLAIN, CompiledScenario
from game.story.requirements import condition_text
from game.story.words import action_name, category_name, cost_line, role_name

SIZES = (10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5)
BANNER = 11.0
Item = tuple[str, list[Run]]  # ("h" heading | "p" paragraph | "b" bullet, its runs)


def role_sheets(pdf: KitPDF, sc: CompiledScenario) -> None:
    pdf.new_page(tr("kit.section.roles"))
    pdf.start_section(tr("kit.section.roles"))
    for role in range(len(sc.model.roles)):
        if role:
            pdf.new_page()
        pdf.start_section(role_name(sc, role, short=False), level=1)
        role_sheet(pdf, sc, role)


def role_sheet(pdf: KitPDF, sc: CompiledScenario, role: int) -> None:
    banner(pdf, tr("kit.role.banner", role=role_name(sc, role, short=False)))
    items = list(role_items(sc, role))
    room = pdf.bottom - pdf.get_y()
    for size in SIZES:
        if measure(pdf, items, size) <= room:
            render(pdf, items, size)
            return
    raise KitError(f"the role sheet of {sc.role_ids[role]!r} does not fit on one page")


def banner(pdf: KitPDF, words: str) -> None:
    """The grey band across the top that says this page is secret."""
    top = pdf.get_y()
    pdf.set_fill_color(*BANDS[-1])
    pdf.rect(MARGIN, top, pdf.content_width, BANNER, style="F")
    pdf.label(MARGIN + 3, top + 3, words, size=11, bold=True)
    pdf.set_y(top + BANNER + 3)


def measure(pdf: KitPDF, items: list[Item], size: float) -> float:
    total = 0.0
    for kind, runs in items:
        scale, gap, indent = _style(kind, size)
        total += pdf.wrap(runs, pdf.content_width - indent, scale).height + gap
    return total


def render(pdf: KitPDF, items: list[Item], size: float) -> None:
    for kind, runs in items:
        scale, gap, indent = _style(kind, size)
        if kind == "b":
            pdf.bullet(runs, size=scale)
            pdf.set_y(pdf.get_y() + gap - 1.2)
        elif kind == "h":
            block = pdf.wrap(runs, pdf.content_width, scale)
            pdf.set_y(pdf.draw(block, MARGIN, pdf.get_y()) + gap)
        else:
            pdf.para(runs, size=scale, gap=gap)


def _style(kind: str, size: float) -> tuple[float, float, float]:
    """(font size, gap after, indent) of an item at a sheet's base size."""
    if kind == "t":
        return size * 1.6, size * 0.35, 0.0
    if kind == "h":
        return size * 1.15, size * 0.15, 0.0
    if kind == "b":
        return size, size * 0.1, 5.0
    return size, size * 0.22, 0.0


def role_items(sc: CompiledScenario, role: int) -> Iterator[Item]:
    model = sc.model.roles[role]
    compiled = sc.roles[role]
    yield "t", [(role_name(sc, role, short=False), True)]
    briefing = model.briefing
    for label, words in (
        ("kit.role.situation", briefing.situation),
        ("kit.role.pressures", briefing.pressures),
        ("kit.role.success", briefing.success),
    ):
        yield "p", [(tr(label) + " ", True), (text(words), False)]
    yield "h", [(tr("kit.role.resources"), True)]
    yield "b", [(trn("kit.role.ap", compiled.action_points), False)]
    capital = tr(
        "kit.role.capital", start=compiled.capital_start, max=compiled.capital_max, income=compiled.income
    )
    if model.capital.modifiers:
        capital += " " + tr(
            "kit.role.income_modifiers", modifiers=modifiers_text(sc, model.capital.modifiers)
        )
    yield "b", [(capital, False)]
    yield "b", [(tr("kit.role.standing", n=compiled.standing), False)]
    for posture in sc.model.postures:
        if posture.owner == model.id:
            options = ", ".join(text(o.name) for o in posture.options)
            yield "b", [(tr("kit.role.posture", posture=text(posture.name), options=options), False)]
    yield from objective_items(sc, role)
    yield from order_items(sc, role)


def objective_items(sc: CompiledScenario, role: int) -> Iterator[Item]:
    model = sc.model.roles[role]
    yield "h", [(tr("kit.role.objectives"), True)]
    for objective in model.objectives:
        measure_words = condition_text(sc, objective.measure)
        yield (
            "b",
            [
                (text(objective.text) + " ", True),
                (tr("kit.role.objective", weight=objective.weight, measure=measure_words), False),
            ],
        )
    yield "p", [(tr("kit.role.threshold", n=model.threshold), False)]


def order_items(sc: CompiledScenario, role: int) -> Iterator[Item]:
    """The orders this role may give, by category, and the proposals it may put forward."""
    yield "h", [(tr("kit.role.orders"), True)]
    for category in CATEGORY_ORDER:
        names = [
            f"{action_name(sc, a.index)} ({cost_line(a)})"
            for a in sc.actions
            if a.role == role and a.kind == ACTION_PLAIN and a.category == category
        ]
        if names:
            yield "b", [(category_name(category) + ": ", True), ("; ".join(names), False)]
    proposals = [a for a in sc.actions if a.role == role and a.kind != ACTION_PLAIN]
    if proposals:
        terms = dict.fromkeys(text(sc.model.terms[a.term].name) for a in proposals)
        yield "b", [(tr("kit.role.proposals") + " ", True), ("; ".join(terms), False)]
