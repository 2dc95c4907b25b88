"""The crisis's calendar: the scheduled beats still to come, as each viewer may know them.

Checked against the engine over many random games: a beat listed for turn D never comes
before D, one without a condition comes at D, and every beat that comes later was listed; a
role's or the public's calendar dates a beat only as the facilitator's does (a flag set in
secret leaves its beats undated). Then on every screen: the window's news, the terminal's
board, the browser's pages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from random_games import orders_phases
from test_ui_truth import hot_seat, open_private

from game.engine import (
    FACILITATOR,
    PUBLIC,
    State,
    new_game,
    redact,
)
from game.engine.log import L_BEAT
from game.errors import ContentError
from game.i18n import set_language, tr
from game.scenario.load import load_scenario
from game.scenario.runtime import CompiledScenario
from game.session.seats import Seat
from game.session.table import Session
from game.shells.host.boardview import board_view
from game.shells.host.render import render_main
from game.shells.host.room import open_room
from game.shells.host.teamview import team_view
from game.shells.text.board import coming_lines
from game.story.calendar import coming_beats, coming_line, condition_words
from game.story.requirements import condition_text

ROOT = Path(__file__).resolve().parents[1]

if TYPE_CHECKING:
    from conftest import Recorder


def random_game(sc: CompiledScenario, seed: int) -> list[State]:
    """Every state at an orders phase of a random game, then its last state."""
    return list(orders_phases(sc, seed))


def fired_on(s: object) -> dict[int, int]:
    """beat -> the turn it came, from the whole game's log."""
    return {subject: r.turn for r in s.history for kind, subject, _, _ in r.log if kind == L_BEAT}


def test_the_calendar_says_when_beats_come_as_the_engine_brings_them(scenario: CompiledScenario) -> None:
    checked = 0
    for seed in range(60):
        *states, last = random_game(scenario, seed)
        came = fired_on(last)
        for s in states:
            listed = {c.beat: c for c in coming_beats(s, FACILITATOR)}
            for beat, turn in came.items():
                if turn > s.turn:
                    assert beat in listed, (seed, s.turn, scenario.model.beats[beat].id)
                    due = listed[beat].turn
                    assert due is None or due <= turn, (seed, s.turn, beat)
            for beat, c in listed.items():
                if c.turn is None:
                    continue
                assert came.get(beat, 99) >= c.turn, "never before its date"
                if not c.condition and c.turn <= last.turn:
                    assert came.get(beat) == c.turn, "an unconditional beat comes on its date"
                checked += 1
    assert checked > 500


def test_a_viewer_dates_beats_only_as_the_facilitator_does(scenario: CompiledScenario) -> None:
    for seed in range(40):
        for s in random_game(scenario, seed)[:-1]:
            truth = {c.beat: c.turn for c in coming_beats(s, FACILITATOR)}
            for viewer in (*range(len(scenario.roles)), PUBLIC):
                for c in coming_beats(redact(s, viewer), viewer):
                    assert c.beat in truth
                    assert c.turn is None or c.turn == truth[c.beat], (seed, viewer, c)


def test_a_new_game_lists_the_set_dates_then_what_waits_for_a_flag(scenario: CompiledScenario) -> None:
    set_language("en")
    coming = coming_beats(new_game(scenario, 1), 0)
    dated = [c.turn for c in coming if c.turn is not None]
    assert dated == sorted(dated) and dated[0] == 7
    assert coming_line(coming[0]).startswith("Turn 7: The USMCA joint review")
    waiting = [coming_line(c) for c in coming if c.turn is None]
    assert waiting and waiting[0].startswith("1 turn after “US armed forces are operating inside Mexico”")
    assert "has been ordered" in " ".join(coming_line(c) for c in coming), "conditions read as words"
    assert coming_beats(random_game(scenario, 2)[-1], 0) == [], "nothing comes after the end"


def test_the_calendar_never_names_a_covert_order() -> None:
    """A beat's condition may read a covert programme ('... has come to light'): every screen
    names it only as a covert order of its role, so no public line carries the order's name."""
    set_language("en")
    for name in ("cartel_mission", "cartel_mission_seminar", "teaching"):
        sc = load_scenario(name)
        names = [sc.model.actions[i].name["en"] for i in sc.secrets.covert_actions]
        lines = " ".join(coming_line(c) for c in coming_beats(new_game(sc, 1), PUBLIC))
        assert names and not any(covert in lines for covert in names), name
        if name == "cartel_mission":
            assert "a covert order has come to light" in lines, "the court hearing's own words"
            assert "a covert order (United States) has come to light" in covert_clause(sc)


def covert_clause(sc: CompiledScenario) -> str:
    """The court hearing's condition spelt out as the calendar does without its author's words."""
    beat = next(b for b in sc.model.beats if b.id == "court_challenges")
    return condition_text(sc, beat.when, discreet=True)


def test_a_beats_own_words_for_its_condition_replace_the_clauses() -> None:
    """The month-10 court hearing's condition has four clauses; its ``when_text`` says them in a
    line, in each language, and without one it is spelt out clause by clause."""
    sc = load_scenario("cartel_mission")
    for lang in ("en", "es"):
        set_language(lang)
        lines = {c.headline: coming_line(c) for c in coming_beats(new_game(sc, 1), 0)}
        beat = next(b for b in sc.model.beats if b.id == "court_challenges")
        assert beat.when_text is not None
        line = lines[beat.headline[lang]]
        assert beat.when_text[lang] in line and covert_clause(sc) not in line
    set_language("en")
    without = beat.model_copy(update={"when_text": None})
    assert condition_words(sc, without) == covert_clause(sc), "without its words: the clauses, as before"


def test_words_for_a_condition_that_is_not_there_are_an_error(tmp_path: Path) -> None:
    source = (ROOT / "game" / "scenarios" / "teaching.yaml").read_text(encoding="utf-8")
    old = "  - id: court_challenges\n    at: {turn: 6}\n"
    assert old in source
    path = tmp_path / "teaching.yaml"
    path.write_text(source.replace(old, old + "    when_text: {en: never, es: nunca}\n", 1), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_scenario(path)
    [problem] = info.value.problems
    assert problem.path == str(path) and "give the 'when' too" in str(problem)
    line = source[: source.index(old)].count(chr(10)) + 3  # the line after the beat's 'at'
    column = len("    when_text: ") + 1
    assert str(problem).startswith(f"{path}:{line}:{column}:"), "at the words"


def test_the_teaching_file_has_its_own_calendar() -> None:
    sc = load_scenario("teaching")
    assert all(c.turn is None or c.turn <= sc.model.turns for c in coming_beats(new_game(sc, 1), 0))


def test_the_window_terminal_and_browser_show_what_is_coming(
    recorder: Recorder, scenario: CompiledScenario
) -> None:
    set_language("en")
    app, d = hot_seat()
    open_private(d)
    news = d.scene.news_area
    news.offset = news.max_offset  # the calendar comes after this turn's news
    news.apply()
    drawn = " ".join(recorder.frame(app).split())
    assert f"{tr('calendar.title')} · Turn 7: The USMCA joint review" in drawn
    s = new_game(scenario, 4)
    assert any("Turn 9: The US midterm campaign" in line for line in coming_lines(s, None))
    session = Session.new(scenario, 4, [Seat("human")] * len(scenario.roles))
    room = open_room(session, None)
    for kind, view in (("team", team_view(room, 1)), ("board", board_view(room, "http://127.0.0.1:1"))):
        assert [item["text"] for item in view["coming"]][:1] == [coming_line(coming_beats(s, 1)[0])]
        assert "Coming up" in render_main(kind, view), kind


def test_a_beats_words_name_the_tracks_and_thresholds_its_condition_reads() -> None:
    """``when_text`` is the author's, so it can drift from ``when``: every track the condition
    reads must be named in both languages, with the threshold it is compared with."""
    for name in ("cartel_mission", "cartel_mission_seminar", "teaching"):
        sc = load_scenario(name)
        for beat in (b for b in sc.model.beats if b.when_text is not None):
            for track in sc.model.tracks:
                for threshold in re.findall(rf"\b{track.id}\s*[<>=!]+\s*(\d+)", beat.when or ""):
                    for lang in ("en", "es"):
                        words = beat.when_text[lang].lower()
                        assert track.name[lang].lower() in words, (name, beat.id, lang, track.id)
                        assert threshold in words, (name, beat.id, lang, threshold)
