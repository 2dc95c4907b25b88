"""The after-action report: built from a session's log, rendered standalone, run from the CLI."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from game.ai import RandomPlayer
from game.engine import State, pending_answers, result
from game.engine.log import L_CHECK, L_EXPOSED, L_RULE
from game.i18n import text
from game.report import build_report, make_report, render
from game.report.build import contributions
from game.report.chains import condition_tracks
from game.scenario.load import load_scenario
from game.scenario.runtime import CompiledScenario
from game.session.seats import Seat
from game.session.table import Session
from game.shells.cli import main
from game.story.facts import tell

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
HOSTILE = '<script>alert("x")</script> | **bold** [link](http://example.com)'
RAW_KEY = re.compile(r"\breport\.[a-z_]+\.[a-z_.]+|\breport\.[a-z_]+_[a-z_]+")

Chooser = Callable[[State, int], list[int]]


def random_chooser(seed: int) -> Chooser:
    players: dict[int, RandomPlayer] = {}

    def choose(state: State, role: int) -> list[int]:
        player = players.setdefault(role, RandomPlayer(seed * 7 + role))
        return list(player.orders(state, role).actions)

    return choose


def play_session(
    session: Session,
    choose: Chooser,
    hooks: dict[int, Callable[[Session], None]] | None = None,
    dice: Callable[[Session, int, int], tuple[int, int] | None] | None = None,
    stop_after: int | None = None,
) -> Session:
    """Play a session as a table would: hooks run at the start of a turn (facilitator
    decisions), humans give orders chosen by ``choose``, ``dice`` enters physical dice."""
    sc = session.scenario
    done: set[int] = set()
    while not session.terminal:
        turn = session.state.turn
        if stop_after is not None and turn > stop_after:
            break
        if hooks and turn in hooks and turn not in done:
            done.add(turn)
            hooks[turn](session)
            continue
        if session.phase == "answers":
            for role in session.roles_to_answer():
                asked = pending_answers(session.state, role)
                session.submit_answers(role, {term: (term + role) % 2 == 0 for term, _ in asked})
            session.apply_answers()
            continue
        for role in session.roles_to_order():
            orders = choose(session.state, role)
            session.submit_orders(role, orders)
            for action in orders:
                if dice is not None and sc.actions[action].check is not None:
                    rolled = dice(session, role, action)
                    if rolled is not None:
                        session.set_dice(role, action, *rolled)
        session.resolve()
    return session


def covert_first(scenario: CompiledScenario, seed: int) -> Chooser:
    """The US orders the covert mission on turn 1 when it can; otherwise random choices."""
    fallback = random_chooser(seed)
    covert = scenario.action_index["us_covert_mission"]

    def choose(state: State, role: int) -> list[int]:
        if state.turn == 1 and role == scenario.role_index["us"]:
            return [covert]
        return fallback(state, role)

    return choose


def seminar_session(scenario: CompiledScenario, seed: int = 11) -> Session:
    """A table game: teams for the US and civil society, the computer for Mexico, an inject on
    turn 2, an adjudication on turn 3, physical dice for every US check."""
    seats = [Seat("human"), Seat("easy"), Seat("human")]
    session = Session.new(scenario, seed, seats, name="Seminar A")
    hooks = {
        2: lambda s: s.inject(
            scenario.event_index["senate_article_40"], "Teams asked how Mexico's Senate would react"
        ),
        3: lambda s: s.adjust({scenario.track_index["trust"]: -6}, HOSTILE),
    }

    def dice(s: Session, role: int, action: int) -> tuple[int, int] | None:
        return (6, 5) if role == scenario.role_index["us"] else None

    return play_session(session, covert_first(scenario, seed), hooks, dice)


@pytest.fixture(scope="module")
def seminar(scenario: CompiledScenario) -> Session:
    return seminar_session(scenario)


# ----------------------------------------------------------------------------- the model


def test_timeline_has_every_turn_with_orders_dice_and_facilitator_decisions(
    seminar: Session,
) -> None:
    report = build_report(seminar)
    s = seminar.state
    assert [t.turn for t in report.timeline] == [r.turn for r in s.history]
    for turn, record in zip(report.timeline, s.history, strict=True):
        assert len(turn.orders) == sum(len(o) for o in record.orders)
        assert turn.tracks == record.tracks
    inject = report.timeline[1].decisions
    assert [d.kind for d in inject] == ["inject"]
    assert inject[0].reason == "Teams asked how Mexico's Senate would react"
    assert "Senate" in inject[0].event
    adjust = report.timeline[2].decisions
    assert [d.kind for d in adjust] == ["adjust"] and adjust[0].reason == HOSTILE
    assert [(m.track, m.delta) for m in adjust[0].moves] == [("Bilateral trust", -6)]
    rolls = [(t.turn, o) for t in report.timeline for o in t.orders if o.roll is not None]
    logged = sum(1 for r in s.history for e in r.entries if e[0] == L_CHECK)
    assert len(rolls) == logged > 0
    for _, order in rolls:
        assert order.roll is not None
        assert order.roll.physical == (order.role == "United States")
        if order.roll.physical:
            assert (order.roll.d1, order.roll.d2) == (6, 5)
    assert report.counts["injects"] == 1 and report.counts["adjustments"] == 1
    assert report.counts["physical_dice"] == sum(1 for _, o in rolls if o.roll and o.roll.physical)
    mexico = [o for t in report.timeline for o in t.orders if o.role == "Mexico"]
    assert mexico and all(o.reason for o in mexico), "the computer player's reasons are kept"


def test_covert_orders_are_marked_secret_until_their_exposure(seminar: Session) -> None:
    report = build_report(seminar)
    s = seminar.state
    covert = seminar.scenario.action_index["us_covert_mission"]
    exposed = [r.turn for r in s.history for e in r.entries if e[0] == L_EXPOSED and e[1] == covert]
    first = report.timeline[0].orders
    mission = next(o for o in first if o.covert)
    assert mission.exposed_turn == (exposed[0] if exposed else None)
    secret = next(x for x in report.secrets if x.turn == 1 and x.role == "United States")
    assert secret.exposed_turn == mission.exposed_turn
    hidden_now = [h for h in report.timeline[0].happenings if h.secret]
    assert hidden_now, "the covert posture and the private finding were secret on turn 1"


def test_series_and_scores_come_from_the_engine(seminar: Session) -> None:
    report = build_report(seminar)
    s = seminar.state
    sc = seminar.scenario
    for i, item in enumerate(report.series):
        assert item.values == (sc.track_start[i], *(r.tracks[i] for r in s.history))
    assert next(x for x in report.series if x.id == "trust").adjusted == (3,)
    scored = result(s)
    assert [r.score for r in report.roles] == [x.score for x in scored.scores]
    assert [r.cleared for r in report.roles] == [x.cleared for x in scored.scores]
    assert report.common_ground == scored.common_ground
    assert [r.seat for r in report.roles] == ["Team", "Computer (easy)", "Team"]
    for role in report.roles:
        assert len(role.objectives) == len(
            sc.model.roles[[r.id for r in report.roles].index(role.id)].objectives
        )


def test_the_log_accounts_for_every_track_move_and_findings_point_the_right_way(
    seminar: Session,
) -> None:
    s = seminar.state
    sc = seminar.scenario
    pushed = contributions(tell(s, seminar.moves))
    for i in range(len(sc.track_ids)):
        assert sum(pushed[i].values()) == s.tracks[i] - sc.track_start[i]
    report = build_report(seminar)
    for finding, better in [(f, True) for f in report.strengths] + [(f, False) for f in report.improvements]:
        moved = finding.end - finding.start
        assert moved and ((moved > 0) == (finding.good == "high")) == better
        for c in finding.because:
            assert ((c.delta > 0) == (finding.good == "high")) == better


def test_risk_chains_follow_the_log(seminar: Session) -> None:
    report = build_report(seminar)
    sc = seminar.scenario
    assert [r.id for r in report.risks] == [r.id for r in sc.model.risks]
    for risk in report.risks:
        assert risk.materialized == bool(risk.chain)
        for link in risk.chain:
            assert set(link.turns) <= set(risk.turns)
            assert link.moves or link.kind in ("exposure", "breach", "ending")
            assert all(m.better is False for m in link.moves), "a chain shows harm only"
    rule_turns = {
        (r.turn, text(sc.model.rules[e[1]].headline))
        for r in seminar.state.history
        for e in r.entries
        if e[0] == L_RULE
    }
    consequences = [(link, r) for r in report.risks for link in r.chain if link.kind == "consequence"]
    assert consequences
    for link, _ in consequences:
        assert any((t, link.label) in rule_turns for t in link.turns)


def test_questions_about_materialized_risks_come_first(seminar: Session) -> None:
    report = build_report(seminar)
    flags = [bool(q.materialized) for q in report.questions]
    assert flags == sorted(flags, reverse=True)
    assert len(report.questions) == len(seminar.scenario.model.debrief.questions)


def test_a_rule_chain_names_the_track_that_triggered_it_and_who_pushed_it() -> None:
    """Minimal scenario: South protests every turn (tension +6) until 'Tension high' fires."""
    sc = load_scenario(MINIMAL)
    protest = sc.action_index["protest"]
    session = Session.new(sc, 3, [Seat("human"), Seat("human")])
    play_session(session, lambda state, role: [protest] if role == 1 else [])
    report = build_report(session)
    r1 = next(r for r in report.risks if r.id == "R1")
    link = next(link for link in r1.chain if link.label == "Tension high")
    fired = [r for r in session.state.history if any(e[0] == L_RULE for e in r.entries)]
    assert link.turns[0] == fired[0].turn
    assert [(m.track, m.delta) for m in link.moves] == [("Trust", -2)]
    (driver,) = link.drivers
    assert driver.track == "Tension"
    assert driver.value == fired[0].tracks[sc.track_index["tension"]] >= 60
    assert driver.pushes[0].label == "Order: Protest (South)"
    assert driver.pushes[0].delta == 6 * fired[0].turn
    assert condition_tracks(sc, "tension >= 60 and delta.trust < 0") == [(0, False), (1, True)]


def test_a_game_in_progress_has_a_report_without_the_typical_analysis(
    scenario: CompiledScenario,
) -> None:
    session = Session.new(scenario, 9, [Seat("human")] * 3)
    play_session(session, random_chooser(9), stop_after=3)
    report = make_report(session, typical_games=50)
    assert not report.finished and report.typical is None and report.typical_note
    assert report.turns_played == 3
    html = render(report, "html")
    assert "not finished" in html and "once the game has ended" in html


# ----------------------------------------------------------------------------- rendering


@pytest.fixture(scope="module")
def full_report(seminar: Session):  # type: ignore[no-untyped-def]
    turn = 1
    return make_report(seminar, typical_games=6, whatif=f"{turn}:us=us_security_dialogue", workers=1)


def test_html_stands_alone_escapes_untrusted_text_and_prints(full_report) -> None:  # type: ignore[no-untyped-def]
    html = render(full_report, "html")
    assert html.startswith("<!DOCTYPE html>")
    for banned in ("<script", "<link", "@import", "url(", "<iframe", "<img"):
        assert banned not in html.lower()
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert urls <= {"http://www.w3.org/2000/svg", "http://example.com"}, urls
    assert HOSTILE not in html and "&lt;script&gt;" in html
    assert "@media print" in html and "break-before: page" in html
    assert html.count("<svg") >= len(full_report.series) + 2 * len(full_report.roles) + 1
    for section in (
        "summary",
        "objectives",
        "findings",
        "timeline",
        "tracks",
        "risks",
        "typical",
        "whatif",
        "questions",
    ):
        assert f'id="{section}"' in html
    assert not RAW_KEY.search(html), RAW_KEY.search(html)
    summary = html[html.index('id="summary"') : html.index('id="objectives"')]
    listed = re.findall(r'href="#risk-(R\d+)"', summary)
    harm = {r.id: r.harm for r in full_report.risks}
    assert listed and [harm[r] for r in listed] == sorted((harm[r] for r in listed), reverse=True)
    assert set(listed) == {r.id for r in full_report.risks if r.materialized}


def test_markdown_has_the_same_sections_and_escapes(full_report) -> None:  # type: ignore[no-untyped-def]
    text = render(full_report, "md")
    assert HOSTILE not in text and r"\<script\>" in text
    for heading in (
        "## Summary",
        "## Objectives and scores",
        "## Strengths and areas for improvement",
        "## Decision timeline",
        "## Tracks over the turns",
        "## Article risks",
        "## How typical was your game?",
        "## What if?",
        "## Discussion questions",
    ):
        assert heading in text
    assert not RAW_KEY.search(text), RAW_KEY.search(text)
    assert render(full_report, "md") == text, "the same report renders the same bytes"


# ----------------------------------------------------------------------------- the command


def test_report_command_from_a_save(
    seminar: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.session.store import save_session

    save = save_session(seminar, tmp_path / "seminar.json")
    out = tmp_path / "report.html"
    code = main(
        [
            "report",
            str(save),
            "--format",
            "html",
            "--out",
            str(out),
            "--typical",
            "4",
            "--what-if",
            "1:us=us_security_dialogue",
        ]
    )
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert "After-action report" in html and 'id="whatif"' in html
    assert not list(tmp_path.glob(".report.html.*")), "no temp file left behind"
    capsys.readouterr()
    assert main(["report", str(save), "--typical", "0"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# After-action report") and "was not run" in printed


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--what-if", "1:nobody=x"], "unknown role"),
        (["--what-if", "40:us=us_security_dialogue"], "was not played"),
        (["--what-if", "1:us=mx_national_guard"], "allowed on turn 1"),
        (["--what-if", "1:us=us_covert_mission"], "change at least one"),
        (["--what-if", "nonsense"], "expected TURN:ROLE=ACTION"),
        (["--typical", "-1"], "--typical"),
        (["--out", "/nonexistent-folder/x.html"], "does not exist"),
    ],
)
def test_report_command_refuses_bad_input_with_exit_2(
    seminar: Session,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    from game.session.store import save_session

    save = save_session(seminar, tmp_path / "seminar.json")
    assert main(["report", str(save), "--typical", "0", *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_report_command_refuses_a_broken_save(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"save_version": 1, "oops": ', encoding="utf-8")
    assert main(["report", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err
