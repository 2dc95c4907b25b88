"""The projector's "who has decided" list tells the truth in the answers phase."""

from __future__ import annotations

from game.engine import PHASE_ANSWERS, pending_answers
from game.scenario.load import load_scenario
from game.session.seats import Seat
from game.session.table import Session
from game.shells.host.viewparts import teams


def answers_round_with_some_teams_asked() -> Session:
    """A people's game stopped in an answers phase where some teams have proposals, some none."""
    sc = load_scenario("cartel_mission_seminar")
    for seed in range(1, 40):
        session = Session.new(sc, seed, [Seat("human")] * len(sc.roles))
        computers = Session.new(sc, seed, [Seat("random")] * len(sc.roles))
        while not computers.terminal:
            if computers.phase == PHASE_ANSWERS:
                asked = [bool(pending_answers(computers.state, r)) for r in range(len(sc.roles))]
                if any(asked) and not all(asked):
                    computers.seats = session.seats  # the same table, now waiting on people
                    return computers
            computers.advance()
    raise AssertionError("no answers phase with some teams asked in 39 random games")


def test_a_team_with_nothing_to_answer_is_not_shown_as_having_decided() -> None:
    session = answers_round_with_some_teams_asked()
    waiting = [r for r in range(len(session.seats)) if pending_answers(session.state, r)]
    for role, entry in enumerate(teams(session, waiting)):
        asked = bool(pending_answers(session.state, role))
        assert entry["idle"] is (not asked)
        assert entry["done"] is (not asked)  # the table does not wait for it, but it decided nothing


def test_a_team_page_previews_each_answer_and_names_risks_beside_codes() -> None:
    from game.session.store import saves_dir
    from game.shells.host.room import open_room
    from game.shells.host.teamview import team_view
    from game.story.outlook import answer_preview

    session = answers_round_with_some_teams_asked()
    room = open_room(session, saves_dir() / "autosave.json")
    sc = session.scenario
    role = next(r for r in range(len(sc.roles)) if pending_answers(session.state, r))
    data = team_view(room, role)
    assert data["proposals"]
    for shown, (term, _sender) in zip(data["proposals"], pending_answers(session.state, role), strict=True):
        expected = answer_preview(sc, term)
        assert shown["preview"]["accept"] == list(expected.accept)
        assert shown["preview"]["reject"] == list(expected.reject)
    codes = {risk.id for risk in sc.model.risks}
    named = [r for item in data["news"] for r in item["risks"]]
    named += [r for t in data["tracks"] for c in t["why"] for r in c["risks"]]
    assert named and not [r for r in named if r in codes], "a bare risk code reached the page"
    running = {item["name"] for item in data["situation"]["running"]}
    assert len(running) >= len(sc.postures)
