"""The track board: every visible track as a number line with its start and the endings' marks,
then the postures, flags and agreements the table keeps track of."""

from __future__ import annotations

from game.i18n import text, tr
from game.kit.layout import FAMILY, GREY, INK, MARGIN, RULE, KitPDF
from game.scenario.runtime import CompiledScenario
from game.story.thresholds import Threshold, by_track
from game.story.words import role_name

GOOD_KEYS = {"high": "kit.board.good_high", "low": "kit.board.good_low", "neutral": "kit.board.good_neutral"}
OPS = {">=": "≥", ">": "≥", "<=": "≤", "<": "≤"}
ROW_MAX = 17.0
ROW_MIN = 14.0
NAME_WIDTH = 50.0


def board(pdf: KitPDF, sc: CompiledScenario) -> None:
    pdf.new_page(tr("kit.section.board"))
    pdf.start_section(tr("kit.section.board"))
    pdf.heading(tr("kit.section.board"), gap=1)
    pdf.para(tr("kit.board.intro"), size=9, gap=2)
    tracks = [i for i, t in enumerate(sc.model.tracks) if not t.hidden]
    marks = by_track(sc)
    legend = 16.0
    row = min(ROW_MAX, (pdf.bottom - pdf.get_y() - legend) / max(1, len(tracks)))
    row = max(row, ROW_MIN)
    for index in tracks:
        if pdf.room() < row:
            pdf.new_page()
        track_row(pdf, sc, index, marks.get(index, []), row)
    pdf.ensure(legend - 3)
    board_legend(pdf)
    states_page(pdf, sc)


def track_row(pdf: KitPDF, sc: CompiledScenario, index: int, marks: list[Threshold], row: float) -> None:
    """The track's name on the left; on the right its number line, the endings' marks above it
    and its start below it."""
    track = sc.model.tracks[index]
    name = pdf.wrap([(text(track.name), True)], NAME_WIDTH - 3, 9)
    words = f"{tr(GOOD_KEYS[track.good])} · {tr('kit.board.start', n=sc.track_start[index])}"
    note = pdf.wrap([(words, False)], NAME_WIDTH - 3, 7)
    row = max(row, 1.5 + name.height + 0.3 + note.height + 1.2)
    pdf.ensure(row)
    top = pdf.get_y()
    below = pdf.draw(name, MARGIN, top + 1.5)
    pdf.set_text_color(*GREY)
    pdf.draw(note, MARGIN, below + 0.3)
    pdf.set_text_color(*INK)
    line_y = top + 8.5
    x0, x1 = MARGIN + NAME_WIDTH + 2, pdf.w - MARGIN - 3
    number_line(pdf, x0, x1, line_y)
    start_marker(pdf, x0 + (x1 - x0) * sc.track_start[index] / 100, line_y + 0.5)
    place_marks(pdf, sc, marks, x0, x1, line_y)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.15)
    pdf.line(MARGIN, top + row - 0.6, pdf.w - MARGIN, top + row - 0.6)
    pdf.set_y(top + row)


def number_line(pdf: KitPDF, x0: float, x1: float, y: float) -> None:
    """0 to 100 with a tick at every unit, a longer one every 5 and a number every 10."""
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.35)
    pdf.line(x0, y, x1, y)
    step = (x1 - x0) / 100
    pdf.set_font(FAMILY, "", 6.5)
    pdf.set_text_color(*GREY)
    for value in range(101):
        x = x0 + value * step
        size = 2.2 if value % 10 == 0 else 1.4 if value % 5 == 0 else 0.7
        pdf.set_line_width(0.3 if value % 5 == 0 else 0.15)
        pdf.line(x, y - size, x, y)
        if value % 10 == 0:
            label = str(value)
            pdf.text(x - pdf.get_string_width(label) / 2, y + 5.1, label)
    pdf.set_text_color(*INK)


def start_marker(pdf: KitPDF, x: float, y: float) -> None:
    pdf.set_fill_color(*INK)
    pdf.polygon([(x, y), (x - 1.1, y + 2.0), (x + 1.1, y + 2.0)], style="F")


def mark_label(sc: CompiledScenario, mark: Threshold) -> str:
    name = text(sc.model.endings[mark.ending].name)
    label = f"{OPS[mark.op]}{mark.at} {name}"
    if not mark.alone:
        label += "*"
    if mark.final:
        label += "†"
    return label


def place_marks(
    pdf: KitPDF, sc: CompiledScenario, marks: list[Threshold], x0: float, x1: float, y: float
) -> None:
    """A thick bar at each threshold with its label above the line; labels that would meet are
    set in a second lane, higher up."""
    step = (x1 - x0) / 100
    lanes: list[list[tuple[float, float]]] = [[], []]
    for mark in sorted(marks, key=lambda m: m.at):
        x = x0 + min(max(mark.at, 0), 100) * step
        label = mark_label(sc, mark)
        pdf.set_font(FAMILY, "B", 7)
        width = pdf.get_string_width(label)
        left = min(max(x - width / 2, x0), x1 - width)
        lane = 0 if _free(lanes[0], left, width) else 1
        lanes[lane].append((left, left + width))
        pdf.set_draw_color(*INK)
        pdf.set_line_width(0.9)
        pdf.line(x, y - 3.4 - lane * 3.0, x, y + 0.2)
        pdf.text(left, y - 4.0 - lane * 3.0, label)


def _free(taken: list[tuple[float, float]], left: float, width: float) -> bool:
    return not any(left < right + 1.5 and left + width > start - 1.5 for start, right in taken)


def board_legend(pdf: KitPDF) -> None:
    top = pdf.get_y() + 2
    start_marker(pdf, MARGIN + 2, top + 0.8)
    pdf.set_text_color(*GREY)
    pdf.label(MARGIN + 5, top, tr("kit.board.legend_start"), size=8)
    pdf.set_y(top + 4)
    pdf.para(tr("kit.board.legend_marks"), size=8, gap=0.5)
    pdf.set_text_color(*INK)


def states_page(pdf: KitPDF, sc: CompiledScenario) -> None:
    """Postures, flags and agreements: boxes to tick as the game changes them."""
    m = sc.model
    pdf.new_page()
    pdf.heading(tr("kit.board.states"), size=13, gap=1)
    pdf.para(tr("kit.board.states_intro"), size=9, gap=3)
    for posture in m.postures:
        owner = role_name(sc, sc.role_index[posture.owner])
        pdf.set_y(pdf.get_y() + 2)
        pdf.heading(f"{text(posture.name)} ({owner})", size=11, gap=1.5)
        for option in posture.options:
            words = text(option.name)
            if option.covert:
                words += " — " + tr("kit.board.covert_option")
            if option.id == posture.start:
                words += " — " + tr("kit.board.at_start")
            tick_line(pdf, words, ticked=option.id == posture.start)
    if m.flags:
        pdf.set_y(pdf.get_y() + 2)
        pdf.heading(tr("kit.board.flags"), size=11, gap=1.5)
        for flag in m.flags:
            words = text(flag.name)
            if not flag.public:
                words += " — " + tr("kit.board.private_flag")
            tick_line(pdf, words, ticked=flag.start)
    if m.terms:
        pdf.set_y(pdf.get_y() + 2)
        pdf.heading(tr("kit.board.agreements"), size=11, gap=1.5)
        for term in m.terms:
            tick_line(pdf, tr("kit.board.agreement_line", term=text(term.name)))


def tick_line(pdf: KitPDF, words: str, ticked: bool = False) -> None:
    block = pdf.wrap([(words, False)], pdf.content_width - 9, 9.5)
    pdf.ensure(block.height + 1.5)
    top = pdf.get_y()
    pdf.write_box(MARGIN, top + 0.4, 3.6, 3.6)
    if ticked:
        pdf.set_fill_color(*INK)
        pdf.rect(MARGIN + 0.9, top + 1.3, 1.8, 1.8, style="F")
    pdf.set_y(pdf.draw(block, MARGIN + 7, top) + 1.5)
