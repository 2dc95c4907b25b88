"""Test setup: headless SDL before anything imports pygame, and shared fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import sys  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def share_compiled_code() -> None:
    """Where bytecode writing is switched off (``PYTHONDONTWRITEBYTECODE``), every test worker and
    every program a test starts would compile the game, its libraries and the rewritten tests
    again: about 8 s a process. Compiled code then goes to pytest's own cache folder instead,
    shared by the workers and the programs they start, and nothing is written beside the sources."""
    if not (sys.dont_write_bytecode or os.environ.get("PYTHONDONTWRITEBYTECODE")):
        return
    prefix = ROOT / ".pytest_cache" / "pycache"
    prefix.mkdir(parents=True, exist_ok=True)
    sys.pycache_prefix = str(prefix)
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


share_compiled_code()

import pytest  # noqa: E402

from game.i18n import set_language  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.scenario.runtime import CompiledScenario  # noqa: E402

SCENARIOS = ROOT / "game" / "scenarios"


@pytest.fixture(autouse=True)
def private_saves_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """No test may write into the user's real saves folder, or leave another language set."""
    folder = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COMMONGROUND_HOME", str(folder))
    yield folder
    set_language("en")


class Recorder:
    """Every string the window's painter renders while a frame is drawn."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from game.shells.window.painter import Painter

        self.seen: list[str] = []
        original = Painter.text

        def record(painter: Painter, value: str, style: str = "body", color=None):  # noqa: ANN001, ANN202
            self.seen.append(value)
            return original(painter, value, style, color)

        monkeypatch.setattr(Painter, "text", record)

    def frame(self, app) -> str:  # noqa: ANN001
        self.seen.clear()
        app.draw()
        return "\n".join(self.seen)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return Recorder(monkeypatch)


@pytest.fixture(scope="session")
def scenario() -> CompiledScenario:
    return load_scenario(SCENARIOS / "cartel_mission.yaml")
