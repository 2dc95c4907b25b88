"""Hostile input: every broken file is refused with a clear message, exit 2, within 1 s.

The corpus (tests/corpus/, written by make_corpus.py) holds broken scenarios and saves, each
listed in EXPECTED.tsv with a fragment of the message it must be refused with. Files too big to
commit (100 MB, hundreds of thousands of values) are made here, in a temporary folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from game.errors import ContentError
from game.scenario.assets import resolve_asset
from game.session import store
from game.shells.cli import main

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
PROBLEM_LINE = re.compile(r"^[^\n]+:\d+:\d+: \S.*$")


def expected() -> list[tuple[str, str]]:
    rows = []
    for line in (CORPUS / "EXPECTED.tsv").read_text(encoding="utf-8").splitlines():
        name, fragment = line.split("\t", 1)
        rows.append((name, fragment))
    return rows


CASES = expected()


def command_for(name: str) -> str:
    return "replay" if name.endswith(".json") else "validate"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(store.ENV_HOME, str(tmp_path / "home"))
    return tmp_path / "home"


def test_the_corpus_is_complete() -> None:
    listed = {name for name, _ in CASES}
    on_disk = {
        f"{p.parent.name}/{p.name}" for folder in ("saves", "scenarios") for p in (CORPUS / folder).iterdir()
    }
    assert listed == on_disk
    assert len(listed) >= 40
    assert sum(name.startswith("saves/") for name in listed) >= 20
    assert sum(name.startswith("scenarios/") for name in listed) >= 20
    assert all((CORPUS / name).stat().st_size < 20_000 for name in listed)


@pytest.mark.parametrize(("name", "fragment"), CASES, ids=[name for name, _ in CASES])
def test_each_broken_file_is_refused_cleanly(
    name: str, fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = CORPUS / name
    before = path.read_bytes()
    files_before = sorted(p.name for p in path.parent.iterdir())
    code = main([command_for(name), str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert fragment in err
    assert "Traceback" not in err
    problems = [line for line in err.splitlines() if line.startswith(str(path))]
    assert problems and all(PROBLEM_LINE.match(line) for line in problems), err
    assert path.read_bytes() == before, "nothing is overwritten"
    assert sorted(p.name for p in path.parent.iterdir()) == files_before, "and nothing is added"


@pytest.mark.parametrize("name", [n for n, _ in CASES if n.endswith(".json")])
def test_the_store_refuses_each_broken_save_with_a_content_error(name: str) -> None:
    """What the window and the terminal game call: one exception type, to show and carry on."""
    with pytest.raises(ContentError) as info:
        store.load_session(CORPUS / name)
    assert info.value.problems and all(p.line >= 1 and p.column >= 1 for p in info.value.problems)


def test_a_folder_full_of_broken_saves_still_lists(home: Path) -> None:
    folder = store.saves_dir()
    for path in (CORPUS / "saves").iterdir():
        shutil.copy(path, folder / path.name)
    infos = store.list_saves()
    assert len(infos) == len(list((CORPUS / "saves").iterdir()))
    by_name = {info.name: info for info in infos}
    assert by_name["truncated_half"].broken and by_name["future_version"].broken
    assert store.latest_autosave() is None


def run_cli(*args: str) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "game", *args],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return done.returncode, done.stderr


def test_the_real_command_line_refuses_corpus_files() -> None:
    """A sample of the saves through ``python -m game replay`` (every one is checked in-process
    above, through the same ``main``); all the scenarios through one ``validate``."""
    saves = [name for name, _ in CASES if name.endswith(".json")][::8]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda name: run_cli("replay", str(CORPUS / name)), saves))
    for name, (code, err) in zip(saves, results, strict=True):
        assert code == 2 and "Traceback" not in err and err.strip(), (name, err)
    scenarios = [name for name, _ in CASES if not name.endswith(".json")]
    code, err = run_cli("validate", *(str(CORPUS / name) for name in scenarios))
    assert code == 2 and "Traceback" not in err
    for name in scenarios:
        assert f"{CORPUS / name}:" in err, f"{name} is not reported"


# ----------------------------------------------------------------------------- too big to commit


def write_big(path: Path, size: int, unit: bytes) -> None:
    chunk = unit * (1_000_000 // len(unit))
    with open(path, "wb") as handle:
        for _ in range(size // len(chunk)):
            handle.write(chunk)


@pytest.mark.parametrize(("file_name", "command"), [("huge.yaml", "validate"), ("huge.json", "replay")])
def test_a_100_mb_file_is_refused_before_it_is_read(
    tmp_path: Path, file_name: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / file_name
    write_big(
        path, 100_000_000, b'{"a": [1, 2, 3], "b": "text"}\n' if command == "replay" else b"key: value\n"
    )
    try:
        assert path.stat().st_size >= 99_000_000
        assert main([command, str(path)]) == 2
        err = capsys.readouterr().err
        assert "file is too large" in err and "Traceback" not in err
        code, err = run_cli(command, str(path))
        assert code == 2 and "file is too large" in err
    finally:
        path.unlink()  # pytest keeps recent temporary folders: do not leave 100 MB behind


@pytest.mark.parametrize(
    ("file_name", "command", "text", "fragment"),
    [
        ("values.yaml", "validate", "a: [" + "1," * 300_000 + "1]\n", "too many values"),
        (
            "aliases.yaml",
            "validate",
            "a: &a [1, 2, 3, 4, 5, 6, 7, 8]\nb: [" + "*a," * 40_000 + "*a]\n",
            "too many values after expanding aliases",
        ),
        ("values.json", "replay", '{"save_version": 2, "x": [' + "0," * 400_000 + "0]}", "too many values"),
        (
            "long_line.json",
            "replay",
            '{"save_version": 2, "name": "' + "x" * 9_000_000 + '"}',
            "not a Common Ground save",
        ),
    ],
)
def test_large_files_under_the_size_cap_are_refused(
    tmp_path: Path, file_name: str, command: str, text: str, fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err


def test_thousands_of_decisions_in_one_turn_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each decision copies its turn's log: a crafted save must not make loading quadratic."""
    import json

    doc = json.loads((CORPUS / "saves" / "edited_order.json").read_text(encoding="utf-8"))
    crowd = [
        {"type": "adjust", "turn": 1, "changes": {"trust": 1 - 2 * (i % 2)}, "reason": "r"}
        for i in range(1_900)
    ]
    doc["moves"] = crowd + doc["moves"]
    path = tmp_path / "crowded.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    shutil.copy(ROOT / "tests" / "fixtures" / "saves" / "small.yaml", tmp_path / "small.yaml")
    assert main(["replay", str(path)]) == 2
    assert "more than 200 moves in turn 1" in capsys.readouterr().err


# ----------------------------------------------------------------------------- asset paths


@pytest.fixture
def scenario_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "my_scenario"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "map.png").write_bytes(b"\x89PNG")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    (folder / "scenario.yaml").write_text("id: x\n", encoding="utf-8")
    return folder


def test_asset_paths_inside_the_folder_resolve(scenario_folder: Path) -> None:
    scenario = scenario_folder / "scenario.yaml"
    assert resolve_asset(scenario, "img/map.png") == (scenario_folder / "img" / "map.png").resolve()
    assert resolve_asset(scenario, "img\\map.png") == (scenario_folder / "img" / "map.png").resolve()
    assert resolve_asset(scenario, "sounds/not_yet.ogg").parent == (scenario_folder / "sounds").resolve()


@pytest.mark.parametrize(
    ("relative", "why"),
    [
        ("../secret.txt", "'..'"),
        ("img/../../secret.txt", "'..'"),
        ("img/../img/map.png", "'..'"),
        ("..\\secret.txt", "'..'"),
        ("/etc/passwd", "not absolute"),
        ("C:\\Windows\\win.ini", "not absolute"),
        ("C:win.ini", "not absolute"),
        ("\\\\server\\share\\x.png", "not absolute"),
        ("~/secret.txt", "not absolute"),
        ("", "non-empty"),
        ("img/\x00.png", "NUL"),
        ("a/" * 200 + "x.png", "at most 255"),
    ],
)
def test_asset_paths_that_leave_the_folder_are_refused(
    scenario_folder: Path, relative: str, why: str
) -> None:
    with pytest.raises(ContentError) as info:
        resolve_asset(scenario_folder / "scenario.yaml", relative, line=12, column=9)
    problem = info.value.problems[0]
    assert (problem.line, problem.column) == (12, 9)
    assert why in problem.message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symbolic_link_out_of_the_folder_is_refused(scenario_folder: Path) -> None:
    os.symlink(scenario_folder.parent / "secret.txt", scenario_folder / "img" / "innocent.png")
    os.symlink(scenario_folder.parent, scenario_folder / "up")
    os.symlink(scenario_folder / "loop", scenario_folder / "loop")
    scenario = scenario_folder / "scenario.yaml"
    for relative in ("img/innocent.png", "up/secret.txt", "loop/x.png"):
        with pytest.raises(ContentError):
            resolve_asset(scenario, relative)
    os.symlink(scenario_folder / "img" / "map.png", scenario_folder / "alias.png")
    assert resolve_asset(scenario, "alias.png") == (scenario_folder / "img" / "map.png").resolve()
