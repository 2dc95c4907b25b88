"""The injects schedule (MSEL) for the facilitator: when to play each inject, what to expect.

Printed from the scenario's companion schedule (``game.scenario.msel``) right after the
facilitator's sheet: each inject with its turn, the event card to play, the learning objective
it tests, the response expected in words and the orders, proposals and answers that count as
that response, with a line to note when it was played and what the teams did. A scenario without
a schedule prints no page.
"""

from __future__ import annotations

from game.i18n import language, text, tr, trn
from game.kit.layout import KitPDF
from game.scenario.msel import OBJECTIVES, ExpectedResponse, Msel, objective_label, schedule_of
from game.scenario.runtime import CompiledScenario
from game.story.words import action_name, role_name


def schedule_sheet(pdf: KitPDF, sc: CompiledScenario) -> None:
    msel = schedule_of(sc)
    if msel is None:
        return
    write_schedule(pdf, sc, msel)


def write_schedule(pdf: KitPDF, sc: CompiledScenario, msel: Msel) -> None:
    pdf.new_page(tr("kit.section.schedule"))
    pdf.start_section(tr("kit.section.schedule"))
    pdf.heading(tr("kit.section.schedule"))
    pdf.para(trn("kit.schedule.intro", len(msel.injects)), size=9.4, gap=2.5)
    for item in msel.injects:
        pdf.ensure(36)  # an inject's lines stay together on one page
        event = sc.model.events[item.event]
        head = [
            (tr("kit.schedule.when", turn=item.turn) + " ", True),
            (text(event.headline), True),
            (f"  ({objective_label(item.objective)}: {tr(OBJECTIVES[item.objective])})", False),
        ]
        pdf.bullet(head, size=9.6)
        pdf.para(
            [(tr("kit.schedule.card") + " ", True), (event.id, False)],
            size=8.6,
            gap=0.8,
            indent=5,
        )
        response = item.response.get(language(), item.response["en"])
        pdf.para([(tr("kit.schedule.expected") + " ", True), (response, False)], size=8.8, gap=0.8, indent=5)
        counts = "; ".join(counted(sc, line) for line in item.expected)
        window = trn("kit.schedule.window", item.within)
        pdf.para(
            [(tr("kit.schedule.counts") + " ", True), (f"{counts}. {window}", False)],
            size=8.4,
            gap=0.8,
            indent=5,
        )
        pdf.para(tr("kit.schedule.record"), size=8.4, gap=2.4, indent=5)


def counted(sc: CompiledScenario, line: ExpectedResponse) -> str:
    """What counts as this response: the role and its orders (proposals are orders) and answers."""
    what = [action_name(sc, a) for a in dict.fromkeys(line.actions)]
    what += [tr("kit.schedule.accepts", term=text(sc.model.terms[t].name)) for t in line.accepts]
    return tr("kit.schedule.role_counts", role=role_name(sc, line.role), what=", ".join(what))
