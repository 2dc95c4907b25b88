"""Atomic saves: a real process killed in the middle of a save leaves the previous save intact."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.errors import ContentError
from game.scenario.load import load_scenario
from game.session import atomic, store
from game.session import folder as save_folder
from game.session.runner import play_seats
from game.session.seats import Seat

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "fixtures" / "saves" / "small.yaml"

# The child process: saves game A, says so, then saves game B (or many games, in a loop).
CHILD = r"""
import os, sys, time
from pathlib import Path
from game.scenario.load import load_scenario
from game.session import store
from game.session.runner import play_seats
from game.session.seats import Seat

target, mode = Path(sys.argv[1]), sys.argv[2]
scenario = load_scenario(sys.argv[3])
games = [play_seats(scenario, seed, [Seat("random"), Seat("random")]) for seed in (1, 2)]
if mode == "pause-in-fsync":  # stop inside the save, after the temp file is written
    real_fsync = os.fsync
    def fsync_then_wait(fd):
        real_fsync(fd)
        print("WRITING", flush=True)
        time.sleep(60)
    os.fsync = fsync_then_wait
    store.save_session(games[1], target)
elif mode == "pause-in-replace":  # stop after the backup is made, before the rename
    real_replace = os.replace
    def replace_then_wait(src, dst):
        if str(dst) == str(target):
            print("WRITING", flush=True)
            time.sleep(60)
        real_replace(src, dst)
    os.replace = replace_then_wait
    store.save_session(games[1], target)
elif mode == "naive":  # what a plain write does, for contrast
    data = store.encode(games[1])
    with open(target, "wb") as handle:
        handle.write(data[: len(data) // 2])
        handle.flush()
        print("WRITING", flush=True)
        time.sleep(60)
        handle.write(data[len(data) // 2 :])
elif mode == "loop":
    print("WRITING", flush=True)
    n = 0
    while True:
        store.save_session(games[n % 2], target)
        n += 1
"""


def fingerprints() -> list[tuple]:
    scenario = load_scenario(SMALL)
    return [
        play_seats(scenario, seed, [Seat("random"), Seat("random")]).state.fingerprint() for seed in (1, 2)
    ]


def start_child(target: Path, mode: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target), mode, str(SMALL)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.strip() == "WRITING", child.stderr.read() if child.stderr else line
    return child


def kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)  # reaped: its pid is really gone now
    for stream in (child.stdout, child.stderr):
        if stream is not None:
            stream.close()


@pytest.fixture
def first_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(store.ENV_HOME, str(tmp_path / "home"))
    scenario = load_scenario(SMALL)
    target = store.saves_dir() / "seminar.json"
    store.save_session(play_seats(scenario, 1, [Seat("random"), Seat("random")]), target)
    return target


@pytest.mark.parametrize("mode", ["pause-in-fsync", "pause-in-replace"])
def test_killed_in_the_middle_of_a_save_the_previous_save_is_intact(first_save: Path, mode: str) -> None:
    game_a, _ = fingerprints()
    before = first_save.read_bytes()
    child = start_child(first_save, mode)
    kill(child)
    assert first_save.read_bytes() == before
    assert store.load_session(first_save).state.fingerprint() == game_a
    leftovers = [p for p in first_save.parent.iterdir() if atomic.TEMP_PATTERN.match(p.name)]
    assert leftovers, "the kill happened mid-save: its temporary file is still there"
    removed = atomic.remove_stale_temps(first_save.parent)
    assert sorted(removed) == sorted(leftovers)
    names = sorted(p.name for p in first_save.parent.iterdir())
    assert names in (["seminar.json"], ["seminar.json", "seminar.json.bak"])


def test_a_plain_write_killed_midway_loses_the_game(first_save: Path) -> None:
    """The contrast that shows the test above can fail: no atomic write, no save."""
    child = start_child(first_save, "naive")
    kill(child)
    with pytest.raises(ContentError, match="not valid JSON"):
        store.load_session(first_save)


def test_killed_at_random_moments_while_saving_nothing_is_lost(first_save: Path) -> None:
    expected = set(fingerprints())
    rng = random.Random(7)
    for _ in range(5):
        child = start_child(first_save, "loop")
        time.sleep(rng.uniform(0.02, 0.25))
        kill(child)
        assert store.load_session(first_save).state.fingerprint() in expected
        backup = atomic.backup_path(first_save)
        if backup.exists():
            assert store.load_session(backup).state.fingerprint() in expected
    atomic.remove_stale_temps(first_save.parent)
    assert not [p for p in first_save.parent.iterdir() if atomic.TEMP_PATTERN.match(p.name)]


def test_a_failed_rename_leaves_the_old_save_and_no_temp_file(
    first_save: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = first_save.read_bytes()
    scenario = load_scenario(SMALL)
    other = play_seats(scenario, 2, [Seat("random"), Seat("random")])
    real_replace = os.replace

    def failing_replace(src: object, dst: object) -> None:
        if Path(str(dst)) == first_save:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(store.SaveError, match="Input/output error"):
        store.save_session(other, first_save)
    assert first_save.read_bytes() == before
    assert not [p for p in first_save.parent.iterdir() if atomic.TEMP_PATTERN.match(p.name)]


def test_the_backup_is_the_save_before(first_save: Path) -> None:
    before = first_save.read_bytes()
    scenario = load_scenario(SMALL)
    store.save_session(play_seats(scenario, 2, [Seat("random"), Seat("random")]), first_save)
    assert atomic.backup_path(first_save).read_bytes() == before


def test_the_backup_is_copied_where_hard_links_are_not_possible(
    first_save: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = first_save.read_bytes()

    def no_links(*args: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    scenario = load_scenario(SMALL)
    store.save_session(play_seats(scenario, 2, [Seat("random"), Seat("random")]), first_save)
    assert atomic.backup_path(first_save).read_bytes() == before


def test_stale_temp_files_are_removed_at_start_and_live_ones_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "home" / "saves"
    folder.mkdir(parents=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = folder / f".autosave.json.tmp-{dead.pid}-0a1b2c3d"
    mine = folder / f".autosave.json.tmp-{os.getpid()}-0a1b2c3d"
    old = folder / f".x.json.tmp-{os.getpid()}-ffffffff"
    other = folder / "notes.tmp-1-2"
    for path in (stale, mine, old, other):
        path.write_text("partial", encoding="utf-8")
    os.utime(old, (time.time() - 2 * atomic.STALE_AFTER,) * 2)
    monkeypatch.setenv(store.ENV_HOME, str(tmp_path / "home"))
    monkeypatch.setattr(save_folder, "_cleaned", set())
    assert store.saves_dir() == folder
    assert sorted(p.name for p in folder.iterdir()) == sorted([mine.name, other.name])
