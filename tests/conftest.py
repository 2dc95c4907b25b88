"""Test setup: headless SDL before anything imports pygame, and shared fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from game.scenario.load import load_scenario  # noqa: E402
from game.scenario.runtime import CompiledScenario  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"


@pytest.fixture(autouse=True)
def private_saves_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test may write into the user's real saves folder."""
    folder = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COMMONGROUND_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def scenario() -> CompiledScenario:
    return load_scenario(SCENARIOS / "cartel_mission.yaml")
