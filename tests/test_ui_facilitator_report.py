"""The end screen's after-action report (written by a worker while the window keeps drawing,
cancellable, then offered in the browser) and the panel's text box, through posted events."""

from __future__ import annotations

import webbrowser
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.i18n import set_language
from game.scenario.load import load_scenario, with_turns
from game.session.seats import Seat
from game.session.table import Session
from game.shells.window.reportjob import CANCELLED, DONE
from game.shells.window.screenshots import make_app
from game.shells.window.script import Driver
from game.shells.window.textinput import TextInput, route_text_input

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[None]:  # noqa: ANN001
    monkeypatch.setenv("COMMONGROUND_HOME", str(tmp_path))

    def no_browser(*args: object, **kwargs: object) -> bool:
        raise AssertionError("a test must never open a real browser")

    monkeypatch.setattr(webbrowser, "open", no_browser)
    yield
    set_language("en")


def at_the_end(turns: int = 3) -> tuple[object, Driver]:
    """A finished game (computer players, a short game) shown on the end screen."""
    scenario = with_turns(load_scenario(ROOT / "game" / "scenarios" / "cartel_mission.yaml"), turns)
    session = Session.new(scenario, 21, [Seat("random")] * len(scenario.roles))
    while not session.terminal:
        if session.phase == "answers":
            session.apply_answers()
        else:
            session.resolve()
    app = make_app((1280, 720))
    app.go.begin(session, show_intro=False)
    d = Driver(app)
    assert d.scene.name == "end"
    return app, d


def run_until(d: Driver, done) -> None:  # noqa: ANN001
    """Frames (as the idle window would draw them) until ``done()``; no fixed sleeps (a hang
    is caught by the suite's per-test timeout, not by a clock here)."""
    while not done():
        d.scene.job.wait(0.05)
        d.frame()


def test_the_report_button_writes_html_and_markdown_and_offers_the_browser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from game.shells.window.scenes import report

    opened: list[Path] = []
    monkeypatch.setattr(report, "GAMES", 6)
    monkeypatch.setattr(report, "open_in_browser", lambda path: opened.append(path))
    app, d = at_the_end()
    d.press("report", "mouse")
    assert d.scene.name == "report"
    job = d.scene.job
    frames = app.frames
    run_until(d, lambda: job.finished and d.widget("open") is not None)
    assert job.status == DONE, job.error
    assert app.frames > frames, "the window kept drawing while the report was made"
    html, md = job.paths
    assert html.parent == tmp_path / "saves" / "reports"
    assert html.suffix == ".html" and md.suffix == ".md" and md.stem == html.stem
    page = html.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") and "</html>" in page
    assert "played 6 times" in page, "the analysis used the number of games asked for"
    assert md.read_text(encoding="utf-8").startswith("#")
    assert html.name in d.scene.body and str(html.parent) in d.scene.body
    d.press("open", "keyboard")
    assert opened == [html]
    d.press("close", "keyboard")
    assert d.scene.name == "end"


def test_cancelling_the_report_stops_it_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from game.shells.window.scenes import report

    monkeypatch.setattr(report, "GAMES", 400)
    app, d = at_the_end()
    d.press("report", "keyboard")
    job = d.scene.job
    d.key(pygame.K_ESCAPE)
    assert d.scene.name == "end", "Esc cancels and closes at once; the window stays usable"
    assert job.wait(60)
    assert job.status == CANCELLED
    assert job.done < job.total, "it stopped before the end"
    folder = tmp_path / "saves" / "reports"
    assert not folder.exists() or not any(folder.iterdir())
    assert "cancelled" in app.toast_text


# ----------------------------------------------------------------------------- the text box


def typed(box: TextInput, value: str) -> None:
    for char in value:
        key = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=0, unicode=char, scancode=0)
        assert box.key_down(key), "a printable key is swallowed (Space must not press a button)"
        route_text_input(box, pygame.event.Event(pygame.TEXTINPUT, text=char))


def key(box: TextInput, code: int, mod: int = 0) -> bool:
    return box.key_down(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0))


def test_text_box_reads_typed_text_and_edits_at_the_caret() -> None:
    submitted: list[str] = []
    box = TextInput("reason", "why?", max_length=20, on_submit=lambda: submitted.append(box.value))
    typed(box, "Sí, señor ")
    assert box.value == "Sí, señor "
    key(box, pygame.K_HOME)
    key(box, pygame.K_DELETE)
    typed(box, "N")
    key(box, pygame.K_END)
    key(box, pygame.K_BACKSPACE)
    key(box, pygame.K_LEFT)
    typed(box, "!")
    assert box.value == "Ní, seño!r"
    typed(box, "0123456789abc")
    assert len(box.value) == 20, "the limit holds"
    assert not key(box, pygame.K_TAB) and not key(box, pygame.K_DOWN), "focus keys pass through"
    assert not key(box, pygame.K_q, pygame.KMOD_CTRL), "shortcuts pass through"
    key(box, pygame.K_RETURN)
    assert submitted == [box.value]
    # A key press alone inserts nothing: the characters come from TEXTINPUT.
    before = box.value
    box.key_down(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_x, mod=0, unicode="x", scancode=0))
    assert box.value == before


def test_long_text_keeps_the_caret_in_view() -> None:
    app = make_app((960, 540))
    box = TextInput("reason")
    box.rect = pygame.Rect(10, 10, 200, 30)
    box.set("a very long reason that does not fit in the box at all " * 2)
    start = box.view_start(app.painter, 180)
    assert start > 0
    assert app.painter.width(box.value[start:], "body") <= 180
    box.draw(app.surface, app.painter, True, False)
