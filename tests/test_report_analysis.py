"""How typical a game was (two distributions) and what-if replays: determinism and honesty."""

from __future__ import annotations

import pytest
from test_report import MINIMAL, covert_first, play_session, random_chooser, seminar_session

from game.engine import new_game, resolve_turn, result
from game.report.replay import SameOrders, StandIns, Tally, keep_legal, replay
from game.report.typical import analyse, median, other_seeds, percentile_rank
from game.report.whatif import WhatIfError, compare, parse_change, resolve_change, what_if
from game.scenario.runtime import CompiledScenario
from game.session.seats import Seat
from game.session.table import Session


@pytest.fixture(scope="module")
def seminar(scenario: CompiledScenario) -> Session:
    return seminar_session(scenario)


@pytest.fixture(scope="module")
def plain(scenario: CompiledScenario) -> Session:
    """Three teams, no facilitator decisions, no physical dice: replays can match it exactly."""
    session = Session.new(scenario, 21, [Seat("human")] * 3)
    return play_session(session, covert_first(scenario, 21))


# ----------------------------------------------------------------------------- replays


def test_the_same_orders_under_the_games_own_seed_give_the_same_game(plain: Session) -> None:
    steps = tuple(plain.moves)
    tally = Tally()
    again = replay(
        plain.scenario, plain.seed, steps, SameOrders(StandIns(plain.scenario, 0, "random")), tally
    )
    assert again.fingerprint() == plain.state.fingerprint()
    assert again.history == plain.state.history
    assert tally.dropped_orders == tally.stand_in == tally.dropped_answers == 0
    assert tally.given == sum(len(o) for r in plain.state.history for o in r.orders)


def test_orders_no_longer_legal_are_dropped_and_counted(scenario: CompiledScenario) -> None:
    s = new_game(scenario, 1)
    us = scenario.role_index["us"]
    costly = [a.index for a in scenario.actions if a.role == us and a.capital > 0 and a.requires is None][0]
    cheap = [
        a.index
        for a in scenario.actions
        if a.role == us and a.capital == 0 and a.requires is None and not a.once
    ][0]
    poor = s.clone()
    poor.capital[us] = 0
    kept, dropped = keep_legal(poor, us, (costly, cheap))
    assert kept == (cheap,) and dropped == 1
    assert keep_legal(s, us, (cheap, cheap)) == ((cheap,), 1)
    other = scenario.role_index["mexico"]
    foreign = scenario.actions_by_role[other][0]
    assert keep_legal(s, us, (foreign,)) == ((), 1)
    resolve_turn(s, [kept if r == us else () for r in range(len(scenario.roles))])


def test_typical_analysis_is_deterministic_and_the_same_on_one_or_two_processes(
    seminar: Session,
) -> None:
    one = analyse(seminar.scenario, seminar.seed, seminar.moves, seminar.state, games=30, workers=1)
    two = analyse(seminar.scenario, seminar.seed, seminar.moves, seminar.state, games=30, workers=2)
    assert one.computer == two.computer and one.same_orders == two.same_orders
    assert one.computer.games == one.same_orders.games == 30
    seeds = [o.seed for o in one.computer.outcomes]
    assert seeds == [o.seed for o in one.same_orders.outcomes] == other_seeds(seminar.seed, 30)
    assert seminar.seed not in seeds and len(set(seeds)) == 30
    assert one.this_game.scores == tuple(r.score for r in result(seminar.state).scores)
    assert 0 <= one.dropped_orders <= one.given_orders
    assert one.given_orders > 0
    assert len(one.computer.ending_counts()) > 1, "computer games do not all end the same way"
    done: list[tuple[int, int]] = []
    analyse(
        seminar.scenario,
        seminar.seed,
        seminar.moves,
        seminar.state,
        games=4,
        workers=1,
        progress=lambda d, t: done.append((d, t)),
    )
    assert done[-1] == (8, 8) and [d for d, _ in done] == sorted(d for d, _ in done)


def test_percentiles_and_medians() -> None:
    assert percentile_rank([10, 20, 30, 40], 30) == 62.5
    assert percentile_rank([5, 5, 5], 5) == 50.0
    assert percentile_rank([1, 2], 0) == 0.0 and percentile_rank([1, 2], 3) == 100.0
    assert median([3, 1, 2]) == 2 and median([4, 1, 2, 3]) == 2.5
    assert other_seeds(0, 3) == [1, 2, 3]


# ----------------------------------------------------------------------------- what if


def test_what_if_plays_the_change_and_shows_where_the_games_part(seminar: Session) -> None:
    sc = seminar.scenario
    us = sc.role_index["us"]
    comparison = what_if(seminar, "1:us=us_security_dialogue")
    assert comparison.diverged
    assert comparison.before == ("Authorize a secret unilateral mission",)
    assert comparison.after == ("Open a high-level security dialogue",)
    first = comparison.partings[0]
    assert first.turn == 1 and first.original != first.whatif
    changed = comparison.whatif.timeline[0]
    original = comparison.original.timeline[0]
    assert [o.action for o in changed.orders if o.role == "United States"] == [
        "Open a high-level security dialogue"
    ]
    assert [o for o in changed.orders if o.role != "United States"] == [
        o for o in original.orders if o.role != "United States"
    ]
    assert comparison.gaps, "the two games end with different tracks"
    assert not any(o.covert for o in changed.orders if o.role == sc.model.roles[us].short)


def test_what_if_keeps_the_turns_before_the_change_identical(seminar: Session) -> None:
    sc = seminar.scenario
    turn = min(4, len(seminar.state.history))
    assert turn >= 2
    us = sc.role_index["us"]
    recorded = seminar.state.history[turn - 1].orders[us]
    from game.engine import legal_action_indexes
    from game.report.whatif import state_before_orders

    before = state_before_orders(seminar, turn)
    assert before.history == seminar.state.history[: turn - 1]
    options = [
        a for a in legal_action_indexes(before, us) if (a,) != tuple(recorded) and sc.actions[a].ap == 1
    ]
    change = resolve_change(seminar, turn, us, [sc.actions[options[0]].id])
    comparison = compare(seminar, change)
    assert all(p.turn >= turn for p in comparison.partings)
    assert comparison.original.timeline[0].turn == turn == comparison.whatif.timeline[0].turn
    assert comparison.whatif.timeline[0].decisions == comparison.original.timeline[0].decisions


def test_computer_roles_decide_afresh_once_the_games_part(seminar: Session) -> None:
    comparison = what_if(seminar, "1:us=us_security_dialogue")
    assert comparison.recomputed == ("Mexico",)
    assert "United States" not in comparison.recomputed and "Civil society" not in comparison.recomputed


def test_what_if_refuses_changes_that_cannot_be_made(seminar: Session) -> None:
    sc = seminar.scenario
    with pytest.raises(WhatIfError, match="TURN:ROLE"):
        parse_change(sc, "us=us_security_dialogue")
    with pytest.raises(WhatIfError, match="unknown role"):
        parse_change(sc, "1:martians=x")
    with pytest.raises(WhatIfError, match="was not played"):
        what_if(seminar, "0:us=us_security_dialogue")
    with pytest.raises(WhatIfError, match="not an order of us"):
        what_if(seminar, "1:us=mx_national_guard")
    with pytest.raises(WhatIfError, match="change at least one"):
        what_if(seminar, "1:us=us_covert_mission")
    with pytest.raises(WhatIfError, match="allowed on turn 1"):
        what_if(seminar, "1:us=us_security_dialogue,us_security_dialogue")
    passing = what_if(seminar, "1:us=")
    assert passing.after == () and passing.diverged


def test_a_longer_counterfactual_is_played_on_by_a_named_stand_in(
    scenario: CompiledScenario,
) -> None:
    """Search a few short games for one whose change outlasts it: the teams' extra turns are
    played by the stand-in and counted, never invented silently."""
    for seed in range(40, 52):
        session = Session.new(scenario, seed, [Seat("human")] * 3)
        play_session(session, random_chooser(seed))
        if session.state.turn >= scenario.turns:
            continue
        comparison = what_if(session, "1:us=")
        if comparison.whatif.turns > comparison.original.turns:
            extra = comparison.whatif.turns - comparison.original.turns
            assert comparison.stand_in >= extra * len(scenario.roles)
            return
    pytest.skip("no short game among these seeds outlasted by its counterfactual")


def test_the_same_save_gives_the_same_report_bytes(seminar: Session) -> None:
    from game.report import make_report, render

    one = render(make_report(seminar, typical_games=8, workers=1), "html")
    two = render(make_report(seminar, typical_games=8, workers=2), "html")
    assert one == two


def test_without_worker_processes_the_analysis_runs_in_one(
    seminar: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    import game.report.typical as typical

    class NoPool:
        def Pool(self, *args: object, **kwargs: object) -> None:  # noqa: N802 - the API's name
            raise OSError("no semaphores here")

    expected = analyse(seminar.scenario, seminar.seed, seminar.moves, seminar.state, games=5, workers=1)
    monkeypatch.setattr(typical.multiprocessing, "get_context", lambda method: NoPool())
    got = analyse(seminar.scenario, seminar.seed, seminar.moves, seminar.state, games=5, workers=2)
    assert got.computer == expected.computer and got.same_orders == expected.same_orders


def test_worker_processes_are_started_fresh_beside_other_threads(seminar: Session) -> None:
    """A window makes the report from a thread: forking a threaded process can deadlock the
    child, so the workers start fresh and load the scenario from its file instead."""
    import threading

    from game.report.typical import start_method

    alone = analyse(seminar.scenario, seminar.seed, seminar.moves, seminar.state, games=6, workers=1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert start_method(seminar.scenario) in ("forkserver", "spawn")
        beside = analyse(seminar.scenario, seminar.seed, seminar.moves, seminar.state, games=6, workers=2)
    finally:
        stop.set()
        other.join()
    assert beside.computer == alone.computer and beside.same_orders == alone.same_orders


@pytest.mark.parametrize("parent_catches_sigterm", [False, True])
def test_cancelling_from_the_progress_callback_ends_the_worker_processes(
    seminar: Session, parent_catches_sigterm: bool
) -> None:
    """Also when the parent catches SIGTERM, as SDL does once a window has been opened: forked
    workers must not inherit that, or terminating the pool waits for ever."""
    import multiprocessing
    import signal

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    before = signal.getsignal(signal.SIGTERM)
    if parent_catches_sigterm:
        signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        with pytest.raises(Cancelled):
            analyse(
                seminar.scenario,
                seminar.seed,
                seminar.moves,
                seminar.state,
                games=60,
                workers=2,
                progress=cancel,
            )
    finally:
        signal.signal(signal.SIGTERM, before)
    assert multiprocessing.active_children() == []


def test_a_scenario_file_changed_under_fresh_workers_is_an_error_not_a_hang(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import threading

    from game.errors import ContentError
    from game.scenario.load import load_scenario

    copy = tmp_path / "minimal.yaml"
    shutil.copy(MINIMAL, copy)
    sc = load_scenario(copy)
    session = play_session(Session.new(sc, 2, [Seat("human"), Seat("human")]), random_chooser(2))
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        with pytest.raises(ContentError, match="changed while the report was being made"):
            analyse(sc, session.seed, session.moves, session.state, games=30, workers=2)
    finally:
        stop.set()
        other.join()
