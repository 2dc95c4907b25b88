"""The report's debrief: an improvement plan started from the game's findings and materialized
risks, the participant feedback form (the printed kit's questions), and every secret order revealed."""

from __future__ import annotations

import pytest

from game.i18n import set_language, tr
from game.report import make_report, render
from game.report.context_debrief import BLANK_ROWS, plan_section
from game.report.feedback import OPEN, RATINGS, feedback_form
from game.report.sentences import materialized_risks
from game.scenario.load import load_scenario
from game.session.runner import play_seats
from game.session.seats import Seat
from game.session.table import Session
from game.story.facts import tell
from game.story.words import action_name, role_name


@pytest.fixture(scope="module")
def session() -> Session:
    sc = load_scenario("cartel_mission")
    return play_seats(sc, 11, [Seat("normal")] * len(sc.roles))


def test_the_plan_starts_from_the_games_findings_and_risks(session: Session) -> None:
    report = make_report(session, 0)
    rows = plan_section(report)["rows"]
    risks = materialized_risks(report)
    assert len(rows) == len(report.strengths) + len(report.improvements) + len(risks) + BLANK_ROWS
    kinds = [row["kind"] for row in rows]
    assert (
        kinds
        == ["sustain"] * len(report.strengths)
        + ["improve"] * (len(report.improvements) + len(risks))
        + [""] * BLANK_ROWS
    )
    assert report.strengths and report.improvements and risks  # this game has all three
    assert rows[0]["observation"].startswith(report.strengths[0].track)
    assert any(row["observation"].startswith(f"{risks[0].id} {risks[0].name}") for row in rows)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_plan_and_feedback_are_in_both_formats(session: Session, lang: str) -> None:
    set_language(lang)
    try:
        report = make_report(session, 0)
        form = feedback_form()
        for fmt in ("md", "html"):
            out = render(report, fmt)
            assert tr("report.h.plan") in out and tr("report.h.feedback") in out
            assert tr("report.plan.col.who") in out and tr("report.plan.col.when") in out
            for rating in form.ratings:
                assert rating.text in out, rating.text
            for question in form.open_questions:
                assert question in out
        html = render(report, "html")
        assert html.count('<span class="box"') == 5 * len(RATINGS)
        assert html.count('<td class="blank"></td>') == 3 * len(plan_section(report)["rows"])
    finally:
        set_language("en")


def test_the_kit_and_the_report_ask_the_same_questions() -> None:
    form = feedback_form()
    assert len(form.ratings) == len(RATINGS) and len(form.open_questions) == len(OPEN)
    assert {r.objective for r in form.ratings} >= {"LO1", "LO2", "LO3", "LO4", "LO5", "LO6"}


def covert_orders_given_in_secret(session: Session) -> list[tuple[int, int, int, bool]]:
    """(turn, role, action, skipped) of every covert order the other teams could not see when
    it was given."""
    story = tell(session.state, session.moves)
    return [
        (turn.turn, order.role, order.action, bool(order.skipped))
        for turn in story.turns
        for order in turn.orders
        if order.covert and not (order.exposed_on is not None and order.exposed_on < turn.turn)
    ]


def test_the_secrets_section_lists_every_covert_order() -> None:
    """Over random six-role games (every covert action is tried), the report reveals exactly the
    orders the other teams could not see, skipped ones marked as such."""
    sc = load_scenario("cartel_mission_seminar")
    seen = 0
    for seed in range(1, 13):
        session = play_seats(sc, seed, [Seat("random")] * len(sc.roles))
        given = covert_orders_given_in_secret(session)
        listed = [(s.turn, s.role, s.what) for s in make_report(session, 0).secrets if s.role]
        expected = [
            (
                t,
                role_name(sc, r),
                tr("report.secret_skipped", what=action_name(sc, a)) if gone else action_name(sc, a),
            )
            for t, r, a, gone in given
        ]
        assert sorted(listed) == sorted(expected)
        seen += len(given)
    # covert orders were given in these games; one that could not go ahead is the next test's case
    assert seen > 20


def test_a_covert_order_that_could_not_go_ahead_is_still_revealed() -> None:
    """Mexico gives a covert order it can no longer afford once the US trade pressure has cost it
    capital earlier in the same resolution: the order was secret, so the report reveals it."""
    sc = load_scenario("cartel_mission")
    index, roles = sc.action_index, sc.role_index
    session = Session.new(sc, 3, [Seat("human")] * len(sc.roles))
    plan = [
        ({"mexico": ["mx_constitutional_ban", "mx_anti_corruption"]}, {}),
        ({"mexico": ["mx_transfer_detainees", "mx_quiet_consent"], "us": ["us_tariff_pressure"]},
         {("us", "us_tariff_pressure"): (6, 6)}),
    ]  # fmt: skip
    for orders, dice in plan:
        for role in range(len(sc.roles)):
            session.submit_orders(role, [index[a] for a in orders.get(sc.role_ids[role], [])])
        for (role, action), (d1, d2) in dice.items():
            session.set_dice(roles[role], index[action], d1, d2)
        session.advance()
    story = tell(session.state, session.moves)
    skipped = [o for o in story.turns[1].orders if o.skipped]
    assert [(sc.actions[o.action].id, o.skipped, o.covert) for o in skipped] == [
        ("mx_quiet_consent", "capital", True)
    ]
    secrets = make_report(session, 0).secrets
    what = tr("report.secret_skipped", what=action_name(sc, index["mx_quiet_consent"]))
    assert [(s.turn, s.role, s.what) for s in secrets] == [(2, role_name(sc, roles["mexico"]), what)]
