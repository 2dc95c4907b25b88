"""Save format versions: an old save still loads, a newer one is refused, migrations are pure."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest

from game.errors import ContentError
from game.session import store
from game.session.saveformat import MIGRATIONS, OLDEST_VERSION, SAVE_VERSION, SaveDocument, migrate
from game.shells.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "saves"
V1 = FIXTURES / "v1_game.json"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(store.ENV_HOME, str(tmp_path / "home"))
    return tmp_path / "home"


def test_every_older_version_has_a_migration() -> None:
    assert OLDEST_VERSION == 1 and SAVE_VERSION == 3
    assert sorted(MIGRATIONS) == list(range(OLDEST_VERSION, SAVE_VERSION))


def test_the_committed_version_1_save_loads() -> None:
    raw = json.loads(V1.read_text(encoding="utf-8"))
    assert raw["save_version"] == 1 and "scenario_hash" in raw and "steps" not in raw["snapshot"]
    session = store.load_session(V1)
    assert session.terminal and session.state.turn == raw["snapshot"]["turn"]
    assert len(session.moves) == len(raw["moves"])
    assert (
        dict(zip(session.scenario.track_ids, session.state.tracks, strict=True)) == raw["snapshot"]["tracks"]
    )
    assert {m.kind for m in session.moves} == {"orders", "answers", "adjust", "inject"}


def test_a_version_1_save_is_written_back_as_the_current_version(tmp_path: Path) -> None:
    session = store.load_session(V1)
    path = store.save_session(session, tmp_path / "upgraded.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["save_version"] == SAVE_VERSION and len(doc["snapshot"]["steps"]) == len(doc["moves"])
    assert store.load_session(path).state.fingerprint() == session.state.fingerprint()


def test_replay_of_a_version_1_save_checks_its_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["replay", str(V1)]) == 0
    assert "matches the save at the end" in capsys.readouterr().out
    raw = json.loads(V1.read_text(encoding="utf-8"))
    raw["snapshot"]["tracks"]["tension"] += 1
    shutil.copy(FIXTURES / "small.yaml", tmp_path / "small.yaml")
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(raw), encoding="utf-8")
    assert main(["replay", str(edited)]) == 2
    err = capsys.readouterr().err
    assert "replay diverges after the last move" in err and "records only the end" in err


def test_migration_1_to_2_is_a_pure_function() -> None:
    raw = json.loads(V1.read_text(encoding="utf-8"))
    before = copy.deepcopy(raw)
    doc = migrate(raw)
    assert raw == before, "the input is not changed"
    assert doc["save_version"] == SAVE_VERSION and doc["format"] == "commonground-save"
    assert doc["scenario"] == {
        "id": "save_test",
        "hash": raw["scenario_hash"],
        "path": "small.yaml",
        "bundled": False,
    }
    assert not any(key.startswith("scenario_") for key in doc)
    SaveDocument.model_validate(doc)
    bundled = migrate({**raw, "scenario_path": "cartel_mission"})
    assert bundled["scenario"]["bundled"] is True


def test_a_future_version_is_refused_clearly(tmp_path: Path) -> None:
    raw = json.loads(V1.read_text(encoding="utf-8"))
    raw["save_version"] = SAVE_VERSION + 1
    path = tmp_path / "future.json"
    path.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        store.load_session(path)
    problem = info.value.problems[0]
    assert problem.line == 2 and "made by a newer Common Ground" in problem.message
    assert f"save version {SAVE_VERSION + 1}" in problem.message
    info_line = store.save_info(path)
    assert info_line.broken and "newer" in info_line.broken
