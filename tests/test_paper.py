"""A paper game typed back in: a whole game of every bundled scenario written as a paper record
replays through the table into the same game, and its save gives the after-action report; a bad
record is refused with PATH:LINE:COL and exit code 2."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.ai import make_controller
from game.errors import ContentError
from game.kit.paper import load_paper
from game.kit.paper_play import play_paper
from game.scenario.load import bundled_scenarios, load_scenario
from game.scenario.runtime import ACTION_PROPOSE, CompiledScenario
from game.session.runner import play_seats
from game.session.seats import Seat
from game.session.store import load_session
from game.session.table import Session
from game.story.facts import tell

SCENARIOS = [p.stem for p in bundled_scenarios()]


def table_game(sc: CompiledScenario, seed: int) -> Session:
    """A game as a paper table plays it: teams at every seat (their orders chosen here by
    computer players), every check rolled with physical dice typed in."""
    session = Session.new(sc, seed, [Seat("human")] * len(sc.roles))
    players = [make_controller("normal", seed + role, sc, role) for role in range(len(sc.roles))]
    dice = random.Random(seed)
    while not session.terminal:
        step = session.next_step()
        if step.kind == "answer":
            decided = players[step.role].answer(session.view(step.role), step.role)
            session.submit_answers(step.role, dict(decided.accepted))
        elif step.kind == "order":
            decided = players[step.role].orders(session.view(step.role), step.role)
            session.submit_orders(step.role, decided.actions)
            for action in decided.actions:
                if sc.actions[action].check is not None:
                    session.set_dice(step.role, action, dice.randint(1, 6), dice.randint(1, 6))
        else:
            session.advance()
    return session


def written_order(sc: CompiledScenario, action: int) -> Any:
    compiled = sc.actions[action]
    if compiled.kind == ACTION_PROPOSE:
        return {"propose": sc.model.terms[compiled.term].id, "to": sc.role_ids[compiled.to]}
    return compiled.id


def paper_record(session: Session, with_dice: bool) -> dict[str, Any]:
    """What a facilitator's record of this game says, as the YAML of docs/kit.md."""
    sc = session.scenario
    record = []
    for turn in tell(session.state, session.moves).turns:
        entry: dict[str, Any] = {"turn": turn.turn}
        if turn.news >= 0:
            entry["news"] = sc.model.events[turn.news].id
        answers: dict[str, dict[str, str]] = {}
        for answer in turn.answers:
            term = sc.model.terms[answer.term].id
            answers.setdefault(sc.role_ids[answer.role], {})[term] = "accept" if answer.accepted else "reject"
        if answers:
            entry["answers"] = answers
        orders: dict[str, list[Any]] = {role: [] for role in sc.role_ids}
        dice = {}
        for order in turn.orders:
            orders[sc.role_ids[order.role]].append(written_order(sc, order.action))
            if with_dice and order.dice is not None:
                dice[sc.actions[order.action].id] = [order.dice.d1, order.dice.d2]
        entry["orders"] = orders
        if dice:
            entry["dice"] = dice
        record.append(entry)
    return {
        "paper": 1,
        "scenario": sc.id,
        "seed": session.seed,
        "seats": dict.fromkeys(sc.role_ids, "human"),
        "record": record,
    }


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_whole_paper_game_replays_into_the_same_game(name: str, tmp_path: Path) -> None:
    sc = load_scenario(name)
    table = table_game(sc, 2025)
    assert table.terminal
    paper = load_paper(write(tmp_path / "paper.yaml", paper_record(table, with_dice=True)))
    played = play_paper(paper)
    assert played.warnings == ()  # the news matched every turn
    assert played.session.state.fingerprint() == table.state.fingerprint()
    rolled = [
        o.dice for t in tell(played.session.state, played.session.moves).turns for o in t.orders if o.dice
    ]
    assert rolled and all(d.physical for d in rolled)


@pytest.mark.parametrize("name", SCENARIOS)
def test_dice_left_to_the_seed_give_the_computers_game(name: str, tmp_path: Path) -> None:
    sc = load_scenario(name)
    game = play_seats(sc, 7, [Seat("normal")] * len(sc.roles))
    paper = load_paper(write(tmp_path / "paper.yaml", paper_record(game, with_dice=False)))
    assert play_paper(paper).session.state.fingerprint() == game.state.fingerprint()


def test_paper_command_makes_a_save_that_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.shells.cli import main

    sc = load_scenario("teaching")
    table = table_game(sc, 11)
    source = write(tmp_path / "paper.yaml", paper_record(table, with_dice=True))
    save = tmp_path / "save.json"
    assert main(["paper", str(source), "--out", str(save)]) == 0
    assert load_session(save).state.fingerprint() == table.state.fingerprint()
    assert main(["replay", str(save)]) == 0
    capsys.readouterr()
    assert main(["report", str(save), "--typical", "0"]) == 0
    report = capsys.readouterr().out
    assert report.startswith("# After-action report") and "physical dice" in report


def test_a_differing_news_draw_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.shells.cli import main

    sc = load_scenario("teaching")
    document = paper_record(table_game(sc, 5), with_dice=True)
    drawn = document["record"][0]["news"]
    other = next(e.id for e in sc.model.events if e.id != drawn)
    document["record"][0]["news"] = other
    source = write(tmp_path / "paper.yaml", document)
    assert main(["paper", str(source), "--out", str(tmp_path / "save.json")]) == 0
    err = capsys.readouterr().err
    assert f"the table drew {other!r}, the game drew {drawn!r}" in err and "(warning)" in err


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        play_paper(load_paper(path))
    return [str(p) for p in caught.value.problems]


def test_bad_records_point_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "paper: 1\n"
        "scenario: teaching\n"
        "seed: 4\n"
        "seats: {us: human, mexico: hard, nobody: human}\n"
        "record:\n"
        "  - turn: 1\n"
        "    orders:\n"
        "      us: [us_security_dialog]\n"
        "      mexico: [mx_sovereignty_address]\n"
        "    dice: {us_security_dialogue: [3, 9]}\n",
        encoding="utf-8",
    )
    found = problems_of(path)
    assert any(p.startswith(f"{path}:10:") and "less than or equal to 6" in p for p in found), found
    path.write_text(path.read_text().replace("[3, 9]", "[3, 4]"), encoding="utf-8")
    found = problems_of(path)
    assert f"{path}:4:34: unknown role 'nobody'" in found[0], found


def test_orders_the_game_refuses_stop_the_replay_at_their_line(tmp_path: Path) -> None:
    sc = load_scenario("teaching")
    document = paper_record(table_game(sc, 3), with_dice=False)
    resting = next(a for a in sc.model.actions if a.cooldown >= 2 and a.role == "us" and not a.requires)
    document["record"][0]["orders"]["us"] = [resting.id]  # then it rests: refused on turn 2
    document["record"][1]["orders"]["us"] = [resting.id]
    source = write(tmp_path / "paper.yaml", document)
    found = problems_of(source)
    assert len(found) == 1 and "turn 2: the orders of us are refused" in found[0], found
    line = source.read_text().splitlines()[int(found[0].split(":")[1]) - 1]
    assert line.strip() == f"- {resting.id}", line


def test_checks_before_the_replay(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "paper: 1\nscenario: teaching\nseed: 4\nseats: {mexico: normal}\nrecord:\n"
        "  - turn: 2\n    news: no_such_event\n"
        "    orders: {mexico: [mx_sovereignty_address], us: [mx_sovereignty_address]}\n"
        "    dice: {us_security_dialogue: [1, 2]}\n"
        "    facilitator: [{adjust: {trustt: 5}, reason: because}]\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_paper(path)
    found = "\n".join(str(p) for p in caught.value.problems)
    for expected in (
        "expected turn 1 here",
        "unknown event 'no_such_event'",
        "mexico is played by the computer",
        "is an order of mexico, not of us",
        "not among this turn's orders",
        "unknown track 'trustt'",
    ):
        assert expected in found, (expected, found)


@pytest.mark.parametrize(
    "content, message",
    [
        ("paper: 1\nscenario: nowhere\nseed: 1\nrecord: [{turn: 1}]\n", "no scenario 'nowhere'"),
        ("paper: 2\nscenario: teaching\nseed: 1\nrecord: [{turn: 1}]\n", "paper"),
        ("- just a list\n", "a paper game is a mapping"),
        (
            "paper: 1\nscenario: teaching\nseed: 1\nrecord: [{turn: 1, orders: {us: !!python/object:os.system x}}]\n",
            "not allowed",
        ),
    ],
)
def test_paper_command_refuses_bad_files_with_exit_2(
    content: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.shells.cli import main

    path = tmp_path / "paper.yaml"
    path.write_text(content, encoding="utf-8")
    assert main(["paper", str(path), "--out", str(tmp_path / "save.json")]) == 2
    err = capsys.readouterr().err
    assert message in err and str(path) in err and "Traceback" not in err
    assert not (tmp_path / "save.json").exists()


def test_the_example_in_the_docs_replays(tmp_path: Path) -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "kit.md").read_text(encoding="utf-8")
    example = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
    played = play_paper(load_paper(write_text(tmp_path / "example.yaml", example)))
    assert len(played.session.state.history) == 2
    assert all("(warning)" in w for w in played.warnings)


def write_text(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def test_a_paper_game_typed_in_again_replaces_its_own_save_only(tmp_path: Path) -> None:
    """A facilitator fixes a typo and runs `paper` again: the save of that paper game is
    replaced; a different paper game is refused at that path."""
    from game.shells.cli import main

    sc = load_scenario("teaching")
    source = write(tmp_path / "paper.yaml", paper_record(table_game(sc, 11), with_dice=True))
    save = tmp_path / "save.json"
    assert main(["paper", str(source), "--out", str(save)]) == 0
    assert main(["paper", str(source), "--out", str(save)]) == 0
    before = save.read_bytes()
    other = write(tmp_path / "other.yaml", paper_record(table_game(sc, 12), with_dice=True))
    assert main(["paper", str(other), "--out", str(save)]) == 2
    assert save.read_bytes() == before
