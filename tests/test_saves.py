"""Saves: round trips, names, the save folder, autosave, undo, pending orders and the commands."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from game.engine import PHASE_ORDERS
from game.errors import ContentError
from game.scenario.load import load_scenario
from game.session import folder as save_folder
from game.session import store
from game.session.runner import play_seats
from game.session.saveformat import SAVE_VERSION, SaveDocument
from game.session.seats import Seat
from game.session.table import Session
from game.shells.cli import main

TESTS = Path(__file__).resolve().parent
SMALL = TESTS / "fixtures" / "saves" / "small.yaml"

_spec = importlib.util.spec_from_file_location("make_corpus", TESTS / "corpus" / "make_corpus.py")
assert _spec and _spec.loader
make_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_corpus)
small_game = make_corpus.small_game


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty save folder."""
    monkeypatch.setenv(store.ENV_HOME, str(tmp_path / "home"))
    return tmp_path / "home"


def same_game(a: Session, b: Session) -> None:
    assert a.scenario.content_hash == b.scenario.content_hash
    assert a.seed == b.seed
    assert a.seats == b.seats
    assert a.moves == b.moves
    assert a.state.fingerprint() == b.state.fingerprint()
    assert a.state.history == b.state.history


# ----------------------------------------------------------------------------- round trips


def test_a_game_with_every_kind_of_move_round_trips(tmp_path: Path) -> None:
    session = small_game()
    kinds = {move.kind for move in session.moves}
    assert kinds == {"orders", "answers", "adjust", "inject"}
    assert any(move.dice for move in session.moves)
    path = store.save_session(session, tmp_path / "game.json")
    loaded = store.load_session(path)
    same_game(session, loaded)
    assert loaded.terminal


def test_the_save_holds_what_the_issue_lists(tmp_path: Path) -> None:
    session = small_game()
    doc = json.loads(store.save_session(session, tmp_path / "g.json").read_text(encoding="utf-8"))
    assert doc["save_version"] == SAVE_VERSION and doc["format"] == "commonground-save"
    assert doc["scenario"]["id"] == "save_test"
    assert doc["scenario"]["hash"] == session.scenario.content_hash
    assert doc["scenario"]["path"] == str(SMALL.resolve()) and doc["scenario"]["bundled"] is False
    assert doc["seed"] == 11 and doc["seats"] == ["human", "human"]
    adjust = next(m for m in doc["moves"] if m["type"] == "adjust")
    assert adjust["reason"] == "the facilitator rules the talks went well"
    inject = next(m for m in doc["moves"] if m["type"] == "inject")
    assert inject["event"] == "calm_news" and inject["reason"]
    assert doc["moves"][0]["dice"] == [["north", "secret_op", 2, 3]]
    snapshot = doc["snapshot"]
    assert snapshot["tracks"] == dict(zip(session.scenario.track_ids, session.state.tracks, strict=True))
    assert len(snapshot["steps"]) == len(doc["moves"])
    assert [step["turn"] for step in snapshot["steps"]][-1] == session.state.turn
    SaveDocument.model_validate(doc)


def test_bundled_scenario_is_named_by_name_and_a_computer_game_round_trips(tmp_path: Path) -> None:
    scenario = load_scenario("cartel_mission")
    session = play_seats(scenario, 5, [Seat("hard", "hawk"), Seat("normal"), Seat("random")])
    path = store.save_session(session, tmp_path / "cpu.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["scenario"]["path"] == "cartel_mission" and doc["scenario"]["bundled"] is True
    assert doc["seats"] == ["hard:hawk", "normal", "random"]
    reasons = [m["reasons"] for m in doc["moves"] if m["type"] == "orders" and "reasons" in m]
    assert reasons, "the computer players' reasons are kept"
    same_game(session, store.load_session(path))


def test_a_game_saved_mid_turn_keeps_the_orders_already_given(tmp_path: Path) -> None:
    session = small_game(until_turn=3)
    assert session.phase == PHASE_ORDERS
    sc = session.scenario
    session.submit_orders(0, [sc.action_index["secret_op"]])
    session.set_dice(0, sc.action_index["secret_op"], 6, 6)
    loaded = store.load_session(store.save_session(session, tmp_path / "mid.json"))
    assert loaded.pending_orders == {0: (sc.action_index["secret_op"],)}
    assert loaded.pending_dice == {(0, sc.action_index["secret_op"]): (6, 6)}
    assert loaded.roles_to_order() == [1]
    session.submit_orders(1, [sc.action_index["mend"]])
    loaded.submit_orders(1, [sc.action_index["mend"]])
    session.resolve()
    loaded.resolve()
    same_game(session, loaded)


def test_a_loaded_game_can_be_undone_like_the_original(tmp_path: Path) -> None:
    session = small_game()
    loaded = store.load_session(store.save_session(session, tmp_path / "g.json"))
    assert loaded.undo_turn() and session.undo_turn()
    same_game(session, loaded)
    assert not loaded.terminal


# ----------------------------------------------------------------------------- undo and autosave


def test_autosave_follows_every_move_and_every_undo(home: Path) -> None:
    scenario = load_scenario(SMALL)
    session = Session.new(scenario, 3, [Seat("human"), Seat("random")])
    session.on_change = store.autosaver()
    a = scenario.action_index
    autosave = home / "saves" / "autosave.json"
    assert not autosave.exists()
    session.submit_orders(0, [a["talk"]])
    assert not autosave.exists(), "an order not yet resolved is not a move"
    session.resolve()
    assert len(store.load_session(autosave).moves) == 1
    turn_two = session.state.fingerprint()

    # undo the last order before resolution: nothing is resolved, so nothing moves
    session.submit_orders(0, [a["talk"], a["secret_op"]])
    assert session.undo_orders(0) and session.roles_to_order() == [0]
    session.submit_orders(0, [a["talk"]])
    session.resolve()
    assert len(store.load_session(autosave).moves) == len(session.moves) == 2

    # the facilitator's undo of the last resolved turn is autosaved too
    assert session.undo_turn()
    assert session.state.fingerprint() == turn_two
    back = store.load_session(autosave)
    assert len(back.moves) == 1 and back.state.fingerprint() == turn_two
    assert store.latest_autosave() == autosave
    assert (home / "saves" / "autosave.json.bak").exists()


def test_autosave_keeps_the_previous_game(home: Path) -> None:
    first = small_game(until_turn=2)
    store.autosave(first)
    second = play_seats(load_scenario(SMALL), 99, [Seat("random"), Seat("random")])
    store.autosave(second)
    kept = list((home / "saves").glob("autosave.previous-*.json"))
    assert len(kept) == 1
    same_game(first, store.load_session(kept[0]))
    same_game(second, store.load_session(home / "saves" / "autosave.json"))
    # the same game going on does not rotate
    store.autosave(second)
    assert len(list((home / "saves").glob("autosave.previous-*.json"))) == 1


def test_pruning_keeps_the_newest_earlier_autosaves_not_the_last_names_as_text(home: Path) -> None:
    """Twelve games moved aside in one second are named -0 .. -11: as text '-10' < '-2' and the
    first copy (no counter) sorts last, so a sort by name deletes the newest."""
    first = small_game(until_turn=2)
    store.autosave(first)
    folder = home / "saves"
    data = (folder / "autosave.json").read_bytes()
    stamp = "20250102-030405"
    made = [folder / f"autosave.previous-{stamp}{f'-{n}' if n else ''}.json" for n in range(12)]
    for n, path in enumerate(made):
        path.write_bytes(data)
        os.utime(path, (1_700_000_000 + n,) * 2)
    stranger = folder / "autosave.previous-mine.json"  # not a name the program makes: kept
    stranger.write_bytes(data)
    store.autosave(play_seats(load_scenario(SMALL), 99, [Seat("random"), Seat("random")]))
    left = sorted(p.name for p in folder.glob("autosave.previous-*.json"))
    newest_made = {p.name for p in made[-(store.KEEP_OLD_AUTOSAVES - 1) :]}
    assert newest_made <= set(left), left
    assert stranger.name in left
    assert len(left) == store.KEEP_OLD_AUTOSAVES + 1  # five dated copies and the stranger
    assert made[0].name not in left and made[1].name not in left


def test_autosave_failure_is_reported_not_raised(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    messages: list[str] = []
    session = Session.new(load_scenario(SMALL), 3, [Seat("random"), Seat("random")])
    session.on_change = store.autosaver(messages.append)

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.atomic, "write_atomic", full_disk)
    session.resolve()  # the turn still resolves
    assert session.state.turn == 2
    assert messages and "No space left on device" in messages[0]


# ----------------------------------------------------------------------------- names and the folder


def test_named_saves_list_and_load(home: Path) -> None:
    session = small_game(until_turn=3)
    path = store.save_named(session, "Seminario 3 - grupo B")
    assert path == home / "saves" / "Seminario 3 - grupo B.json"
    assert session.name == "Seminario 3 - grupo B"
    same_game(session, store.load_named("Seminario 3 - grupo B"))
    store.autosave(session)
    (home / "saves" / "broken.json").write_text("{ not json", encoding="utf-8")
    infos = {info.name: info for info in store.list_saves()}
    assert set(infos) == {"Seminario 3 - grupo B", "autosave", "broken"}
    good = infos["Seminario 3 - grupo B"]
    assert (good.scenario, good.title, good.turn, good.turns, good.ended) == (
        "save_test",
        "Save test",
        3,
        4,
        False,
    )
    assert good.broken is None and good.session_name == "Seminario 3 - grupo B"
    assert infos["broken"].broken and "not valid JSON" in infos["broken"].broken
    assert "broken" in infos["broken"].detail and "turn 3 of 4" in good.detail


@pytest.mark.parametrize(
    "name",
    [
        "../escape",
        "a/b",
        "a\\b",
        "/etc/passwd",
        "..",
        ".hidden",
        "",
        "   ",
        "con",
        "LPT1.txt",
        "x" * 65,
        "nul\x00byte",
        "C:evil",
        "name.",
        "~root",
    ],
)
def test_names_that_leave_the_folder_are_refused(name: str) -> None:
    session = small_game(until_turn=2)
    with pytest.raises(ContentError):
        store.save_named(session, name)
    with pytest.raises(ContentError):
        store.load_named(name)
    assert not any(store.saves_dir().iterdir())


def test_autosave_name_is_reserved_and_missing_names_are_explained() -> None:
    with pytest.raises(ContentError, match="automatic save"):
        store.save_named(small_game(until_turn=2), "autosave")
    with pytest.raises(ContentError, match="save name 'nothing': there is no save of that name"):
        store.load_named("nothing")


@pytest.mark.parametrize(
    ("call", "start"),
    [
        (lambda: store.save_named(small_game(until_turn=2), "a/b"), "save name 'a/b': use letters"),
        (lambda: store.save_named(small_game(until_turn=2), "autosave"), "save name 'autosave': "),
        (lambda: store.save_named(small_game(until_turn=2), "  "), "save name '  ': a save needs a name"),
        (lambda: store.load_named("nothing"), "save name 'nothing': there is no save"),
        (lambda: store.load_named("con"), "save name 'con': this is a reserved file name"),
        (lambda: store.resolve_save("nowhere"), "save 'nowhere': no such save file"),
    ],
)
def test_save_name_errors_name_the_save_not_a_file_position(call, start: str) -> None:
    """A save name is not a file: no '<name>:1:1:' in front of the message, in any front end."""
    with pytest.raises(ContentError) as info:
        call()
    assert str(info.value).startswith(start), str(info.value)
    assert "<name>" not in str(info.value) and ":1:1:" not in str(info.value)
    assert all(str(p).startswith(start) for p in info.value.problems)


def test_the_command_line_says_which_save_name_it_could_not_find(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replay", "nowhere"]) == 2
    assert capsys.readouterr().err.startswith("save 'nowhere': no such save file")


def test_a_broken_save_is_never_overwritten(tmp_path: Path, home: Path) -> None:
    session = small_game(until_turn=2)
    precious = tmp_path / "notes.json"
    precious.write_text('{"my": "notes"}', encoding="utf-8")
    with pytest.raises(ContentError, match="not overwritten"):
        store.save_session(session, precious)
    assert precious.read_text(encoding="utf-8") == '{"my": "notes"}'
    edited = store.save_session(session, tmp_path / "edited.json")
    text = edited.read_text(encoding="utf-8").replace('"seed": 11', '"seed": "eleven"')
    edited.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="not a sound save"):
        store.save_session(session, edited)
    assert edited.read_text(encoding="utf-8") == text
    diverging = store.save_session(session, tmp_path / "diverging.json")
    doc = json.loads(diverging.read_text(encoding="utf-8"))
    doc["snapshot"]["tracks"]["trust"] += 1
    diverging.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ContentError, match="replay diverges"):
        store.save_session(session, diverging)
    assert json.loads(diverging.read_text(encoding="utf-8")) == doc
    # in the save folder a broken save is moved aside, and kept
    broken = home / "saves" / "autosave.json"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_bytes(b'{"save_version": 2, "trunc')
    store.autosave(session)
    aside = list(broken.parent.glob("autosave.broken-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == b'{"save_version": 2, "trunc'
    assert store.load_session(broken).moves == session.moves


def test_latest_autosave_falls_back_to_the_backup(home: Path) -> None:
    session = small_game(until_turn=2)
    store.autosave(session)
    session.adjust({0: 1}, "one more decision")
    store.autosave(session)
    autosave = home / "saves" / "autosave.json"
    autosave.write_bytes(autosave.read_bytes()[:100])  # damaged outside our control
    assert store.latest_autosave() == home / "saves" / "autosave.json.bak"
    assert len(store.load_session(store.latest_autosave()).moves) == len(session.moves) - 1


def test_saves_dir_uses_the_environment_and_platformdirs(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert store.saves_dir() == home / "saves" and store.saves_dir().is_dir()
    monkeypatch.delenv(store.ENV_HOME)
    import platformdirs

    expected = Path(platformdirs.user_data_dir("commonground", appauthor=False)) / "saves"
    monkeypatch.setattr(save_folder, "_cleaned", {expected})  # do not touch a real folder's files
    monkeypatch.setattr(Path, "mkdir", lambda *a, **k: None)
    assert store.saves_dir() == expected


def test_resolve_save_accepts_a_path_or_a_name(tmp_path: Path, home: Path) -> None:
    session = small_game(until_turn=2)
    store.save_named(session, "mine")
    assert store.resolve_save("mine") == home / "saves" / "mine.json"
    file = store.save_session(session, tmp_path / "elsewhere.json")
    assert store.resolve_save(str(file)) == file
    with pytest.raises(ContentError, match="no such save"):
        store.resolve_save("nowhere")


# ----------------------------------------------------------------------------- scenario checks


def test_a_changed_scenario_is_refused_naming_both_hashes(tmp_path: Path) -> None:
    copy = tmp_path / "small.yaml"
    copy.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    session = small_game()
    session.scenario = load_scenario(copy)
    path = store.save_session(session, tmp_path / "g.json")
    copy.write_text(SMALL.read_text(encoding="utf-8").replace("turns: 4", "turns: 5"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        store.load_session(path)
    message = str(info.value)
    assert "has changed since this game was saved" in message
    assert session.scenario.content_hash[:12] in message
    assert load_scenario(copy).content_hash[:12] in message


def test_a_save_whose_scenario_changed_is_listed_as_such(home: Path, tmp_path: Path) -> None:
    copy = tmp_path / "small.yaml"
    copy.write_bytes(SMALL.read_bytes())
    session = small_game(until_turn=2)
    session.scenario = load_scenario(copy)
    store.autosave(session)
    assert store.save_info(home / "saves" / "autosave.json").broken is None
    copy.write_text(SMALL.read_text(encoding="utf-8").replace("turns: 4", "turns: 6"), encoding="utf-8")
    info = store.list_saves()[0]
    assert info.broken == "its scenario 'save_test' has changed since this game was saved"
    assert info.turn == 2, "what could be read is still shown"
    assert store.latest_autosave() is None
    copy.unlink()
    assert store.list_saves()[0].broken == "its scenario 'save_test' is not found"


def test_a_save_travels_with_its_scenario_beside_it(tmp_path: Path) -> None:
    """An instructor sends the save and the scenario file; the student keeps them together."""
    session = small_game()
    path = store.save_session(session, tmp_path / "g.json")
    student = tmp_path / "student"
    student.mkdir()
    (student / "small.yaml").write_bytes(SMALL.read_bytes())
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["scenario"]["path"] = "/home/instructor/courses/small.yaml"
    (student / "g.json").write_text(json.dumps(doc), encoding="utf-8")
    same_game(session, store.load_session(student / "g.json"))


def test_an_explicit_scenario_must_be_the_same_one(tmp_path: Path) -> None:
    path = store.save_session(small_game(), tmp_path / "g.json")
    same_game(small_game(), store.load_session(path, scenario=load_scenario(SMALL)))
    with pytest.raises(ContentError, match="this save is of scenario 'save_test'"):
        store.load_session(path, scenario=load_scenario("cartel_mission"))


# ----------------------------------------------------------------------------- the commands


def test_simulate_save_writes_the_game_simulate_plays_and_replay_confirms_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "one.json"
    assert main(["simulate", "--games", "1", "--seed", "4", "--json", "--save", str(target)]) == 0
    with_save = json.loads(capsys.readouterr().out)
    assert main(["simulate", "--games", "1", "--seed", "4", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == with_save
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["snapshot"]["ending"] == next(e for e, n in with_save["endings"].items() if n == 1)
    assert main(["replay", str(target)]) == 0
    out = capsys.readouterr().out
    assert "ok - the replay matches the save at every move and the end" in out


def test_replay_confirms_an_autosave_by_name(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = small_game()
    session.on_change = store.autosaver()
    session.undo_last()  # fires the hook: the autosave is written
    assert main(["replay", "autosave"]) == 0
    assert "ok" in capsys.readouterr().out


def test_replay_says_where_a_save_diverges(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = store.save_session(small_game(), tmp_path / "g.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["snapshot"]["steps"][4]["tracks"][1] += 3
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    assert main(["replay", str(path)]) == 2
    err = capsys.readouterr().err
    assert "replay diverges at move 5 (turn 2, orders): track 'trust' is 29, the save says 32" in err
    assert err.startswith(f"{path}:")
    with pytest.raises(ContentError, match="replay diverges at move 5"):
        store.load_session(path)


def test_simulate_save_refuses_to_overwrite_another_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "thesis.json"
    target.write_text("my thesis", encoding="utf-8")
    assert main(["simulate", "--games", "1", "--save", str(target)]) == 2
    assert "not overwritten" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "my thesis"


def test_a_game_the_reader_would_refuse_is_not_written(tmp_path: Path) -> None:
    """What we write we can read: past the reader's limits, saving fails with a message."""
    session = small_game(until_turn=2)
    for i in range(201):
        session.adjust({0: 1 - 2 * (i % 2)}, f"decision {i}")
    with pytest.raises(store.SaveError, match="more than 200 moves in turn 2"):
        store.save_session(session, tmp_path / "crowded.json")
    assert not (tmp_path / "crowded.json").exists()


def test_saves_are_plain_utf8_json_with_no_temp_files_left(tmp_path: Path) -> None:
    store.save_session(small_game(), tmp_path / "g.json")
    store.save_session(small_game(), tmp_path / "g.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json", "g.json.bak"]
    assert os.stat(tmp_path / "g.json").st_size < 60_000


def test_a_game_with_another_turn_limit_loads_with_that_limit(tmp_path) -> None:
    """The setup screen can shorten a game; saves, replay and --load keep that limit."""
    from game.scenario.load import load_scenario, with_turns
    from game.session.seats import Seat
    from game.session.store import load_session, save_session
    from game.session.table import Session

    base = load_scenario("teaching")
    short = with_turns(base, 3)
    session = Session.new(short, 5, [Seat("random")] * len(short.roles))
    session.computer_orders()
    session.resolve()
    path = save_session(session, tmp_path / "short.json")
    loaded = load_session(path)
    assert loaded.scenario.model.turns == 3
    assert loaded.state.fingerprint() == session.state.fingerprint()
