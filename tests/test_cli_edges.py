"""Rough edges of the command line: a closed pipe ends quietly, a report never lands on a save,
every argument of report says what it is, and plain output carries no control characters."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.session import store
from game.session.untrusted import UNSAFE
from game.shells.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "fixtures" / "saves" / "small.yaml"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"


@pytest.fixture
def saved_game(tmp_path: Path) -> Path:
    path = tmp_path / "game.json"
    assert main(["simulate", str(SMALL), "--games", "1", "--seed", "4", "--save", str(path)]) == 0
    return path


def into_a_closed_pipe(*args: str) -> tuple[int, str]:
    """Run ``commonground ARGS | head -0``: the reader is gone before the first line is written."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-m", "game", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    err = child.stderr.read().decode("utf-8", "replace")
    child.stderr.close()
    return child.wait(timeout=120), err


@pytest.mark.parametrize(
    "args",
    [
        ["simulate", str(SMALL), "--games", "40"],
        ["simulate", str(SMALL), "--games", "40", "--json"],
        ["schema"],
        ["list"],
        ["validate", str(MINIMAL)],
    ],
    ids=["simulate", "simulate-json", "schema", "list", "validate"],
)
def test_output_into_a_closed_pipe_ends_quietly(args: list[str]) -> None:
    code, err = into_a_closed_pipe(*args)
    assert (code, err) == (0, "")


def test_a_report_into_a_closed_pipe_ends_quietly(saved_game: Path) -> None:
    code, err = into_a_closed_pipe("report", str(saved_game), "--typical", "0")
    assert (code, err) == (0, "")


# ----------------------------------------------------------------------------- report --out


def test_report_out_never_writes_over_the_save_it_reads(saved_game: Path, capsys) -> None:
    before = saved_game.read_bytes()
    assert main(["report", str(saved_game), "--out", str(saved_game), "--typical", "0"]) == 2
    err = capsys.readouterr().err
    assert "that is the save being read" in err and "game-report.md" in err
    assert saved_game.read_bytes() == before
    store.load_session(saved_game)


def test_report_out_never_writes_over_the_save_by_another_name(
    saved_game: Path, tmp_path: Path, capsys
) -> None:
    link = tmp_path / "same.json"
    os.link(saved_game, link)
    relative = os.path.relpath(saved_game)
    for out in (link, Path(relative)):
        assert main(["report", str(saved_game), "--out", str(out), "--typical", "0"]) == 2
    assert saved_game.read_bytes() == link.read_bytes()
    assert "save being read" in capsys.readouterr().err


def test_report_out_never_writes_over_any_save(saved_game: Path, tmp_path: Path, capsys) -> None:
    other = tmp_path / "other.json"
    assert main(["simulate", str(SMALL), "--games", "1", "--seed", "5", "--save", str(other)]) == 0
    assert main(["simulate", str(SMALL), "--games", "1", "--seed", "6", "--save", str(other)]) == 0
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(other.read_bytes()[:300])  # a save cut short is still somebody's save
    targets = [other, store.atomic.backup_path(other), damaged]
    befores = [t.read_bytes() for t in targets]
    for target in targets:
        assert main(["report", str(saved_game), "--out", str(target), "--typical", "0"]) == 2
        assert "is a saved game and is not written over" in capsys.readouterr().err
    assert [t.read_bytes() for t in targets] == befores


def test_report_out_still_writes_a_new_file_or_an_old_report(saved_game: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("an older report\n", encoding="utf-8")
    notes = tmp_path / "notes.json"
    notes.write_text('{"not": "a save"}', encoding="utf-8")
    assert main(["report", str(saved_game), "--out", str(out), "--typical", "0"]) == 0
    assert out.read_text(encoding="utf-8").startswith("#")
    assert main(["report", str(saved_game), "--out", str(notes), "--typical", "0", "--format", "html"]) == 0


def test_every_argument_of_report_and_replay_has_help() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices  # noqa: SLF001
    for name in ("report", "replay"):
        for action in commands[name]._actions:  # noqa: SLF001
            if action.dest in ("help", "typical"):  # --typical is for tests and benchmarks
                continue
            assert action.help, f"{name} {action.dest} has no help text"


# ----------------------------------------------------------------------------- plain output


def test_validate_and_list_print_no_control_characters(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(MINIMAL, folder / "evil\x1b[2J\u202e.yaml")
    (folder / "bad\x1b]0;owned\x07.yaml").write_text("id: [", encoding="utf-8")
    assert main(["validate", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert "ok - 2 roles" in out and ":1:" in err
    assert UNSAFE.search(out) is None and UNSAFE.search(err) is None


def test_replay_prints_no_control_characters(saved_game: Path, tmp_path: Path, capsys) -> None:
    hostile = tmp_path / "seminar\x1b[31m\u202e.json"
    shutil.copy(saved_game, hostile)
    shutil.copy(SMALL, tmp_path / SMALL.name)
    assert main(["replay", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert "ok - the replay matches" in out and "seminar\ufffd[31m\ufffd.json" in out
    assert UNSAFE.search(out) is None


def test_a_report_to_the_screen_prints_no_control_characters(
    saved_game: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from game.shells import report_command

    monkeypatch.setattr(report_command, "render", lambda report, fmt: "# Title \x1b[31m\u202e\n\ttext\n")
    assert main(["report", str(saved_game), "--typical", "0"]) == 0
    assert capsys.readouterr().out == "# Title \ufffd[31m\ufffd\n\ttext\n"
