"""Atomic saves: a real process killed in the middle of a save leaves the previous save intact."""

from __future__ import annotations

import json
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
if target.exists() and mode != "naive":  # saves at a path replace only their own game: play that one
    import json
    for game in games:
        game.game_id = json.loads(target.read_text(encoding="utf-8"))["game"]
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
elif mode == "autosave-pause-in-replace":  # another game's autosave, stopped before its rename
    real_replace = os.replace
    def replace_then_wait(src, dst):
        if Path(dst).name == "autosave.json":
            print("WRITING", flush=True)
            time.sleep(60)
        real_replace(src, dst)
    os.replace = replace_then_wait
    store.autosave(games[1])
elif mode == "autosave-loop":  # two different games taking turns: every autosave rotates
    print("WRITING", flush=True)
    n = 1
    while True:
        store.autosave(games[n % 2])
        n += 1
elif mode == "loop":
    print("WRITING", flush=True)
    n = 0
    while True:
        store.save_session(games[n % 2], target)
        n += 1
"""


def same_game_as(saved: Path, session):
    """``session`` as a later point of the game saved at ``saved``: only that game replaces it."""
    session.game_id = json.loads(saved.read_text(encoding="utf-8"))["game"]
    return session


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
    other = same_game_as(first_save, play_seats(scenario, 2, [Seat("random"), Seat("random")]))
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
    store.save_session(
        same_game_as(first_save, play_seats(scenario, 2, [Seat("random"), Seat("random")])), first_save
    )
    assert atomic.backup_path(first_save).read_bytes() == before


def test_the_backup_is_copied_where_hard_links_are_not_possible(
    first_save: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = first_save.read_bytes()

    def no_links(*args: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    scenario = load_scenario(SMALL)
    store.save_session(
        same_game_as(first_save, play_seats(scenario, 2, [Seat("random"), Seat("random")])), first_save
    )
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


# ----------------------------------------------------------------------------- the autosave


@pytest.fixture
def first_autosave(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(store.ENV_HOME, str(tmp_path / "home"))
    scenario = load_scenario(SMALL)
    return store.autosave(play_seats(scenario, 1, [Seat("random"), Seat("random")]))


def test_another_games_autosave_killed_before_its_rename_leaves_the_old_autosave(
    first_autosave: Path,
) -> None:
    """Continue must never disappear: the old autosave stays in place until the new one replaces it."""
    game_a, _ = fingerprints()
    before = first_autosave.read_bytes()
    kill(start_child(first_autosave, "autosave-pause-in-replace"))
    assert first_autosave.read_bytes() == before
    assert store.latest_autosave() == first_autosave
    assert store.load_session(first_autosave).state.fingerprint() == game_a


def test_autosaves_of_different_games_killed_at_random_moments_always_leave_an_autosave(
    first_autosave: Path,
) -> None:
    expected = set(fingerprints())
    rng = random.Random(13)
    for _ in range(8):
        child = start_child(first_autosave, "autosave-loop")
        time.sleep(rng.uniform(0.02, 0.3))
        kill(child)
        assert first_autosave.exists(), "a kill must never leave the folder without autosave.json"
        assert store.load_session(first_autosave).state.fingerprint() in expected
    folder = first_autosave.parent
    assert len(list(folder.glob("autosave.previous-*.json"))) <= store.KEEP_OLD_AUTOSAVES + 1


class Killed(BaseException):
    """Stands for the process being killed mid-save: nothing after it runs, no handler sees it."""


def test_saves_killed_after_their_copy_never_pile_up_more_than_one_extra_copy(
    first_autosave: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each killed save leaves its copy of the old game unpruned; the next save prunes first."""
    games = [play_seats(load_scenario(SMALL), seed, [Seat("random"), Seat("random")]) for seed in (2, 1)]
    for session in games * 2:
        store.autosave(session)  # each alternation keeps the other game aside
    folder = first_autosave.parent
    real_write = atomic.write_atomic

    def killed(*args: object, **kwargs: object) -> None:
        raise Killed

    monkeypatch.setattr(atomic, "write_atomic", killed)
    for round_ in range(store.KEEP_OLD_AUTOSAVES + 3):
        with pytest.raises(Killed):
            store.autosave(games[round_ % 2])
        assert len(list(folder.glob("autosave.previous-*.json"))) <= store.KEEP_OLD_AUTOSAVES + 1
    monkeypatch.setattr(atomic, "write_atomic", real_write)
    store.autosave(games[0])
    assert len(list(folder.glob("autosave.previous-*.json"))) == store.KEEP_OLD_AUTOSAVES


def test_a_failed_autosave_of_another_game_keeps_the_old_autosave(
    first_autosave: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = first_autosave.read_bytes()
    other = play_seats(load_scenario(SMALL), 2, [Seat("random"), Seat("random")])

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    real_write = atomic.write_atomic
    monkeypatch.setattr(atomic, "write_atomic", full_disk)
    with pytest.raises(store.SaveError, match="No space left on device"):
        store.autosave(other)
    assert first_autosave.read_bytes() == before
    assert store.latest_autosave() == first_autosave
    assert not list(first_autosave.parent.glob("autosave.previous-*.json")), "no duplicate left behind"
    monkeypatch.setattr(atomic, "write_atomic", real_write)
    store.autosave(other)  # with room again, the old game is kept aside and the new one written
    kept = list(first_autosave.parent.glob("autosave.previous-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == before


def test_a_temp_file_left_by_a_killed_save_to_a_path_is_removed_by_the_next_save_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(store.ENV_HOME, str(tmp_path / "home"))
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    scenario = load_scenario(SMALL)
    target = store.save_session(play_seats(scenario, 1, [Seat("random"), Seat("random")]), folder / "a.json")
    monkeypatch.setattr(save_folder, "_cleaned", set())  # as in a new program
    kill(start_child(target, "pause-in-fsync"))
    left = [p for p in folder.iterdir() if atomic.TEMP_PATTERN.match(p.name)]
    assert left, "the kill happened mid-save"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    notes = folder / f".notes.txt.tmp-{dead.pid}-ab"  # not a save's: never touched
    notes.write_text("mine", encoding="utf-8")
    store.save_session(play_seats(scenario, 2, [Seat("random"), Seat("random")]), folder / "b.json")
    assert not any(p.exists() for p in left)
    assert notes.exists()
