"""An order repeated turn after turn wears out, and the table sees it: the rule and this turn's
state on the card before choosing (window, terminal, browser, printed card), and in the
resolution a line saying the order went ahead worn out, under the order itself. The story's
count of turns running is checked against the engine's own over many random games, in every
role's redacted view too (a covert order nobody else saw is worn out only in its owner's story)."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pygame
import pytest
from random_games import orders_phases
from test_ui_truth import give, hot_seat, open_private, to_board

from game.engine import (
    PHASE_ANSWERS,
    State,
    new_game,
    pending_answers,
    redact,
)
from game.i18n import set_language
from game.kit.cards import action_card
from game.report import make_report, render
from game.scenario.runtime import CompiledScenario
from game.session.seats import Seat
from game.session.table import Session
from game.shells.host.room import open_room
from game.shells.host.teamview import team_view
from game.shells.host.viewparts import resolution
from game.shells.text.details import details_lines
from game.shells.text.endscreen import orders_by_turn
from game.shells.text.resolution import resolution_lines
from game.story.facts import tell, tell_turn
from game.story.fatigue import streak_if_ordered, wear_now, wear_rule, worn_line

if TYPE_CHECKING:
    from conftest import Recorder

DIALOGUE = "us_security_dialogue"  # fatigue: {after: 2, keep: 40}


def again_mostly(s: State, role: int, legal: list[int], rnd: random.Random) -> list[int]:
    """Last turn's order again, most of the time: orders wear out."""
    again = [a for a in legal if s.used[a] and s.last_used[a] == s.turn - 1]
    return again[:1] if again and rnd.random() < 0.8 else rnd.sample(legal, min(1, len(legal)))


def repeating_game(sc: CompiledScenario, seed: int) -> tuple[State, dict[tuple[int, int], int]]:
    """A random game whose roles mostly repeat last turn's order; the engine's own count of
    turns running for every order that went ahead worn out, by (turn, action)."""
    worn: dict[tuple[int, int], int] = {}
    *states, last = orders_phases(sc, seed, again_mostly)
    for s, after in zip(states, [*states[1:], last], strict=True):
        for orders in after.history[-1].orders:
            for a in orders:
                if sc.actions[a].fatigue_after and streak_if_ordered(s, a) > sc.actions[a].fatigue_after:
                    worn[(s.turn, a)] = streak_if_ordered(s, a)
    return last, worn


def test_the_story_says_worn_out_exactly_when_the_engine_wore_the_order_out(
    scenario: CompiledScenario,
) -> None:
    seen = 0
    for seed in range(120):
        s, engine_worn = repeating_game(scenario, seed)
        story = tell(s)
        skipped = {(t.turn, o.action) for t in story.turns for o in t.orders if o.skipped}
        told = {(t.turn, o.action): o.worn for t in story.turns for o in t.orders if o.worn}
        assert told == {k: v for k, v in engine_worn.items() if k not in skipped}, seed
        for turn in story.turns:
            alone = tell_turn(s, (), turn.turn)
            assert alone is not None and [o.worn for o in alone.orders] == [o.worn for o in turn.orders]
        seen += len(told)
        for viewer in range(len(scenario.roles)):
            view = tell(redact(s, viewer))
            for turn in view.turns:
                for order in turn.orders:
                    assert not order.worn or told.get((turn.turn, order.action)) == order.worn
                    secret = order.secret_owner not in (-1, viewer)
                    assert not secret or order.exposed_on is not None, "another's secret order, unexposed"
    assert seen > 200, "the games repeated orders enough to wear some out"


def test_an_order_never_repeated_never_reads_worn_out(scenario: CompiledScenario) -> None:
    s = new_game(scenario, 3)
    index = scenario.action_index[DIALOGUE]
    assert "more than 2 turns running" in wear_rule(scenario, index) and "40%" in wear_rule(scenario, index)
    assert wear_now(s, index) == ""
    assert worn_line(scenario, index, 0) == ""
    plain = next(a.index for a in scenario.actions if not a.fatigue_after)
    assert wear_rule(scenario, plain) == "" and wear_now(s, plain) == ""


def three_dialogues(scenario: CompiledScenario) -> Session:
    """Three hot-seat turns in which only the US gives an order: the security dialogue."""
    session = Session.new(scenario, 5, [Seat("human")] * len(scenario.roles))
    index = scenario.action_index[DIALOGUE]
    for _ in range(3):
        if session.phase == PHASE_ANSWERS:
            for role in session.roles_to_answer():
                session.submit_answers(role, {t: False for t, _ in pending_answers(session.state, role)})
            session.apply_answers()
        session.submit_orders(0, [index])
        for role in range(1, len(scenario.roles)):
            session.submit_orders(role, [])
        session.resolve()
    return session


def test_terminal_and_browser_say_it_before_and_after(scenario: CompiledScenario) -> None:
    set_language("en")
    session = three_dialogues(scenario)
    view = session.view(0)
    lines = " ".join(
        " ".join(text for _, text in resolution_lines(view, session.moves, 0, [0], False)).split()
    )
    assert "Worn out: ordered 3 turns running, it kept 40% of its immediate effect" in lines
    public = resolution(session.view(1), session.moves, session)
    assert public is not None
    worn = [o["worn"] for o in public["orders"] if o["worn"]]
    assert worn == ["Worn out: ordered 3 turns running, it kept 40% of its immediate effect"]
    if session.phase == PHASE_ANSWERS:
        for role in session.roles_to_answer():
            session.submit_answers(role, {t: False for t, _ in pending_answers(session.state, role)})
        session.apply_answers()
    ends = [line for _, lines in orders_by_turn(session.state, session.moves) for line in lines]
    assert any("(worn out: 3 turns running)" in line for line in ends), ends
    card = details_lines(session.view(0), 0, "1")
    assert any("Worn out if ordered now (4 turns running)" in line for line in card), card
    team = team_view(open_room(session, None), 0)
    dialogue = next(a for g in team["orders"]["groups"] for a in g["actions"] if a["id"] == DIALOGUE)
    assert dialogue["wear_rule"] and "Worn out if ordered now (4 turns running)" in dialogue["wear_now"]


def test_the_report_marks_the_worn_out_order(scenario: CompiledScenario) -> None:
    set_language("en")
    report = make_report(three_dialogues(scenario), typical_games=0, workers=1)
    worn = "Worn out: ordered 3 turns running, it kept 40% of its immediate effect"
    for fmt in ("md", "html"):
        assert render(report, fmt).count(worn) == 1, fmt


def test_the_printed_card_states_the_rule(scenario: CompiledScenario) -> None:
    set_language("en")
    card = action_card(scenario, scenario.action_index[DIALOGUE])
    assert "more than 2 turns running, it keeps 40%" in " ".join(line.text for line in card.lines)


def next_turn(d: object) -> None:
    """From a turn's resolution past the public board to the next hand-off."""
    to_board(d)
    while d.scene.name == "play" and d.scene.mode == "public":
        d.press("next", "keyboard")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_window_shows_the_card_and_the_worn_out_order(recorder: Recorder, lang: str) -> None:
    set_language(lang)
    try:
        app, d = hot_seat()
        sc = app.match.sc
        index = sc.action_index[DIALOGUE]
        for _ in range(2):
            give(d, DIALOGUE)
            give(d)
            give(d)
            next_turn(d)
        open_private(d)
        d.key(pygame.K_1 + sc.actions[index].category)
        d.focus(f"card.{index}")
        drawn = " ".join(recorder.frame(app).split())
        for words in (wear_rule(sc, index), wear_now(app.match.session.view(0), index)):
            assert words and " ".join(words.split()) in drawn
        d.click(f"card.{index}")
        d.press("give", "keyboard")
        d.press("yes", "keyboard")
        give(d)
        give(d)
        d.settle()
        if not d.scene.done:
            d.key(pygame.K_SPACE)
        d.scene.follow = False
        d.scene.list_area.offset = 0
        d.scene.list_area.apply()
        drawn = " ".join(recorder.frame(app).split())
        assert " ".join(worn_line(sc, index, 3).split()) in drawn
    finally:
        set_language("en")
