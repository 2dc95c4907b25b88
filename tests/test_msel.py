"""The injects schedule (MSEL): a companion file per scenario, checked at load with PATH:LINE:COL
errors; compared with what the teams did; printed for the facilitator; in the report."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from kit_text import by_scenario, kit_pages

from game.engine.move import answers_move, orders_move
from game.errors import ContentError
from game.i18n import set_language, text, tr
from game.report import build_report, render
from game.scenario.load import bundled_scenarios, load_scenario
from game.scenario.msel import OBJECTIVES, load_msel, msel_path, objective_label, schedule_of
from game.session.seats import Seat
from game.session.table import Session
from game.story.facts import tell
from game.story.schedule import DUE, MET, MISSED, NEWS, OPEN, PARTLY, compare

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = [p.stem for p in bundled_scenarios()]
GOOD = """\
msel: 1
scenario: teaching
injects:
  - id: committees_ask
    turn: 2
    event: finding_leak_hearing
    objective: LO1
    within: 2
    expected:
      - {role: us, orders: [us_notify_congress, us_security_dialogue]}
      - {role: mexico, accepts: [consent_requirement]}
    response: {en: The US team briefs the committees., es: El equipo de Estados Unidos informa a los comités.}
"""


@pytest.fixture
def teaching_copy(tmp_path: Path) -> Path:
    """The teaching scenario copied into a folder of its own, so a test can write its schedule."""
    target = tmp_path / "teaching.yaml"
    shutil.copy(ROOT / "game" / "scenarios" / "teaching.yaml", target)
    return target


def write_schedule(scenario_file: Path, content: str) -> Path:
    path = msel_path(scenario_file)
    path.parent.mkdir(exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_bundled_scenario_has_a_valid_schedule_in_both_languages(name: str) -> None:
    sc = load_scenario(name)
    msel = schedule_of(sc)
    assert msel is not None and len(msel.injects) >= 6
    assert {item.objective for item in msel.injects} == set(OBJECTIVES), "every objective is tested"
    for item in msel.injects:
        assert item.response["en"] != item.response["es"] and all(item.response.values())
        assert 1 <= item.turn <= sc.model.turns and item.expected


def test_the_objectives_are_the_seminars() -> None:
    page = (ROOT / "docs" / "seminar" / "learning-objectives.md").read_text(encoding="utf-8")
    assert set(re.findall(r"^\| (LO\d) \|", page, flags=re.M)) == set(OBJECTIVES)
    spanish = (ROOT / "docs" / "seminar" / "es" / "learning-objectives.md").read_text(encoding="utf-8")
    set_language("es")
    try:
        labels = {objective_label(lo) for lo in OBJECTIVES}
    finally:
        set_language("en")
    assert set(re.findall(r"^\| (OA\d) \|", spanish, flags=re.M)) == labels == {f"OA{n}" for n in range(1, 7)}


def test_a_scenario_without_a_schedule_has_none(teaching_copy: Path) -> None:
    assert schedule_of(load_scenario(teaching_copy)) is None


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        ("event: finding_leak_hearing", "event: finding_leak", "unknown event 'finding_leak'"),
        ("objective: LO1", "objective: LO9", "unknown objective 'LO9'"),
        ("turn: 2", "turn: 9", "turn 9 is past the game's 6"),
        (
            "orders: [us_notify_congress,",
            "orders: [us_notify_congres,",
            "unknown order of us 'us_notify_congres'",
        ),
        ("orders: [us_notify_congress,", "orders: [mx_transfer_detainees,", "unknown order of us"),
        ("{role: us,", "{role: usa,", "unknown role 'usa'"),
        (
            "accepts: [consent_requirement]",
            "accepts: [arms_commitment]",
            "no proposal 'arms_commitment' is ever put to mexico",
        ),
        ("scenario: teaching", "scenario: cartel_mission", "this schedule is for 'cartel_mission'"),
        ("es: El equipo", "fr: El equipo", "es"),
        ("within: 2", "within: no", "expected a whole number"),
    ],
)
def test_a_broken_schedule_names_file_line_and_column(
    teaching_copy: Path, change: str, where: str, message: str
) -> None:
    content = GOOD.replace(change, where)
    assert content != GOOD
    path = write_schedule(teaching_copy, content)
    with pytest.raises(ContentError) as err:
        load_msel(path, load_scenario(teaching_copy))
    problem = next(p for p in err.value.problems if message in p.message)
    line = next(
        n
        for n, row in enumerate(content.splitlines(), start=1)
        if where.split(":")[0] in row and where in row
    )
    assert problem.path == str(path) and problem.line == line, (problem, line)
    assert problem.column >= 1


def test_hostile_yaml_is_refused_by_the_safe_loader(teaching_copy: Path) -> None:
    path = write_schedule(teaching_copy, "msel: !!python/object:os.system {}\n")
    with pytest.raises(ContentError):
        load_msel(path, load_scenario(teaching_copy))
    bomb = "a: &a [x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    path = write_schedule(teaching_copy, bomb)
    with pytest.raises(ContentError):
        load_msel(path, load_scenario(teaching_copy))


# ----------------------------------------------------------------------------- against the game


def scripted(teaching_copy: Path) -> tuple[Session, object]:
    write_schedule(teaching_copy, GOOD)
    sc = load_scenario(teaching_copy)
    return Session.new(sc, 4, [Seat("human") for _ in sc.role_ids]), schedule_of(sc)


def play(
    session: Session, orders: dict[str, list[str]], answers: dict[str, dict[str, bool]] | None = None
) -> None:
    sc = session.scenario
    if answers is not None or session.state.phase == "answers":
        given = {
            sc.role_index[r]: {sc.term_index[t]: a for t, a in terms.items()}
            for r, terms in (answers or {}).items()
        }
        session._apply(answers_move(session.state.turn, given))
    chosen = [[sc.action_index[a] for a in orders.get(role, [])] for role in sc.role_ids]
    session._apply(orders_move(session.state.turn, chosen))


def test_a_response_before_its_turn_does_not_count_and_one_in_time_does(teaching_copy: Path) -> None:
    session, msel = scripted(teaching_copy)
    [start] = compare(tell(session.state, session.moves), msel, session.state.turn, False)
    assert start.status == DUE, "turn 1: the inject is planned for turn 2"
    play(session, {"us": ["us_notify_congress"]})  # turn 1: before the inject is due
    [early] = compare(tell(session.state, session.moves), msel, session.state.turn, False)
    assert early.status == OPEN and early.seen == (None, None), "an order before the inject does not count"
    play(session, {"us": ["us_security_dialogue"]})  # turn 2: the inject's planned turn
    [live] = compare(tell(session.state, session.moves), msel, session.state.turn, False)
    assert live.seen[0] is not None and live.seen[0].turn == 2 and live.status == OPEN


def test_an_inject_drawn_as_news_moves_the_window_to_that_turn(teaching_copy: Path) -> None:
    session, msel = scripted(teaching_copy)
    sc = session.scenario
    event = sc.event_index["finding_leak_hearing"]
    for _ in range(6):
        if session.terminal:
            break
        play(session, {})
    story = tell(session.state, session.moves)
    drawn = next((t.turn for t in story.turns if t.news == event), None)
    [outcome] = compare(story, msel, session.state.turn, session.terminal)
    if drawn is None:
        assert outcome.played_turn is None and outcome.first_turn == 2
    else:
        assert (outcome.played_turn, outcome.played_how, outcome.first_turn) == (drawn, NEWS, drawn)
    assert outcome.status == MISSED, "nobody responded"


def test_every_response_seen_is_met_and_some_is_partly(teaching_copy: Path) -> None:
    session, msel = scripted(teaching_copy)
    session.inject(session.scenario.event_index["finding_leak_hearing"], "Scheduled inject, turn 1")
    play(session, {"us": ["us_notify_congress"], "mexico": [], "civil": []})
    play(session, {})
    play(session, {})
    [outcome] = compare(tell(session.state, session.moves), msel, session.state.turn, False)
    assert outcome.played_how == "inject" and outcome.first_turn == 1
    assert outcome.status == PARTLY and outcome.met == 1
    session2, _ = scripted(teaching_copy)
    session2.inject(session2.scenario.event_index["finding_leak_hearing"], "Scheduled inject, turn 1")
    play(session2, {"us": ["us_notify_congress"], "mexico": [], "civil": []})
    sc = session2.scenario
    proposal = next(a.id for a in sc.actions if a.id == "propose:consent_requirement:us:mexico")
    play(session2, {"us": [proposal]})
    play(session2, {}, {"mexico": {"consent_requirement": True}})
    [both] = compare(tell(session2.state, session2.moves), msel, session2.state.turn, False)
    assert both.status == MET and both.seen[1] is not None and both.seen[1].term >= 0


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_report_compares_the_schedule_with_the_game(lang: str) -> None:
    sc = load_scenario("teaching")
    session = Session.new(sc, 9, [Seat("random") for _ in sc.role_ids])
    while not session.terminal:
        session.advance()
    set_language(lang)
    report = build_report(session)
    msel = schedule_of(sc)
    assert len(report.schedule) == len(msel.injects)
    assert all(line.status in (MET, PARTLY, MISSED) for line in report.schedule), "a finished game closes all"
    html, md = render(report, "html"), render(report, "md")
    for page in (html, md):
        assert tr("report.h.schedule") in page
        for item in msel.injects:
            assert text(sc.model.events[item.event].headline).replace("'", "&#39;") in page or (
                text(sc.model.events[item.event].headline) in page
            )
    set_language("en")


@pytest.mark.parametrize("name", by_scenario(SCENARIOS))
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_kit_prints_the_schedule_for_the_facilitator(name: str, lang: str) -> None:
    sc = load_scenario(name)
    set_language(lang)
    try:
        whole = " ".join(kit_pages(name, lang))  # the kit test_kit reads, built once (kit_text)
        assert tr("kit.section.schedule") in whole
        for item in schedule_of(sc).injects:
            assert sc.model.events[item.event].id in whole
            assert re.sub(r"\s+", " ", item.response[lang])[:60] in whole
    finally:
        set_language("en")
