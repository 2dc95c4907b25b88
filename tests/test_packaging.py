"""The game installs like a package: a built wheel holds its scenarios, fonts, catalogs and
templates, and plays, validates, simulates and reports from any folder (read through
``importlib.resources``, never from the source tree)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What a checkout holds that is not its source: never copied into the tree the wheel is built from.
NOT_SOURCE = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "out")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the checkout: pip builds in the source tree (build/,
    *.egg-info), which must not be written into, nor shared by test processes run in parallel."""
    source = tmp_path_factory.mktemp("source") / "commonground"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(source),
            "--no-deps",
            "-w",
            str(out),
            "-q",
        ],
        capture_output=True,
        text=True,
        timeout=170,
    )
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {built.stderr.strip()[-300:]}")
    return next(out.glob("commonground-*.whl"))


def test_the_wheel_holds_the_games_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "game/scenarios/cartel_mission.yaml",
        "game/scenarios/cartel_mission_seminar.yaml",
        "game/scenarios/teaching.yaml",
        "game/assets/fonts/AtkinsonHyperlegible-Regular.ttf",
        "game/assets/fonts/OFL.txt",
        "game/locale/en.json",
        "game/locale/es.json",
        "game/report/templates/report.html",
        "game/report/templates/report.md",
    ):
        assert needed in names, f"{needed} is not in the wheel"
    assert not any(name.startswith(("tests/", "bench/", "docs/")) for name in names)


def run_from(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(folder / "site")
    env["COMMONGROUND_HOME"] = str(folder / "home")
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=folder,
        env=env,
    )


def test_the_installed_game_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    listed = run_from(tmp_path, "list")
    assert listed.returncode == 0 and "cartel_mission" in listed.stdout, listed.stderr
    bundled = tmp_path / "site" / "game" / "scenarios" / "teaching.yaml"
    checked = run_from(tmp_path, "validate", str(bundled))
    assert checked.returncode == 0 and ": ok - " in checked.stdout, checked.stderr
    simulated = run_from(tmp_path, "simulate", "teaching", "--games", "3", "--json")
    assert simulated.returncode == 0 and '"games": 3' in simulated.stdout, simulated.stderr
    saved = run_from(tmp_path, "simulate", "teaching", "--games", "1", "--save", "game.json")
    assert saved.returncode == 0, saved.stderr
    report = run_from(
        tmp_path, "report", "game.json", "--format", "html", "--typical", "0", "--out", "r.html"
    )
    assert report.returncode == 0, report.stderr
    assert (tmp_path / "r.html").read_text(encoding="utf-8").lower().startswith("<!doctype html>")
    imported = subprocess.run(
        [sys.executable, "-c", "import game, sys; print(game.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
    )
    assert Path(imported.stdout.strip()).is_relative_to(tmp_path / "site"), "the game came from the checkout"
