"""A real browser on a team's page: Debian's ``chromium`` driven headless by Playwright for Python
(its executable given to Playwright: browser downloads are not available). The team joins by
typing its code, picks an order with the keyboard, gives it, and sees the turn's resolution;
the page is also read in Spanish. Skipped, saying why, where there is no browser."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from typing import Any

import pytest

from game.scenario.load import load_scenario
from game.session.seats import Seat
from game.session.store import saves_dir
from game.session.table import Session
from game.shells.host.codes import shown
from game.shells.host.room import Room, open_room
from game.shells.host.server import Host
from game.shells.host.serving import LocalHost

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (Debian: apt-get install chromium)"
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def hosted() -> Iterator[tuple[LocalHost, Room]]:
    sc = load_scenario("teaching")
    seats = [Seat("human"), Seat("normal"), Seat("normal")]
    room = open_room(Session.new(sc, 8, seats), saves_dir() / "autosave.json")
    with LocalHost(lambda base: Host(room, base, "en").app()) as local:
        yield local, room


def wait_until(check: Any, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


def test_a_team_joins_gives_its_orders_and_sees_the_resolution(
    browser: Any, hosted: tuple[LocalHost, Room]
) -> None:
    local, room = hosted
    sc = room.session.scenario
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(local.base_url + "/")
    page.fill("#code", shown(room.codes.by_seat["us"]).lower())
    page.press("#code", "Enter")
    page.wait_for_url(f"**/t/{room.codes.by_seat['us']}")
    page.wait_for_selector("body[data-connected='yes']", state="attached")
    assert sc.model.roles[0].name["en"] in page.inner_text("h1")
    unlabelled = page.evaluate(
        "[...document.querySelectorAll('input[type=checkbox]')]"
        ".filter(b => !document.querySelector(`label[for='${b.id}']`)).length"
    )
    assert unlabelled == 0
    box = page.locator("input[name=order]:not([disabled])").first
    action_id = box.get_attribute("value")
    box.focus()
    page.keyboard.press("Space")  # keyboard only
    index = next(a for a in sc.actions_by_role[0] if sc.actions[a].id == action_id)
    wait_until(lambda: room.drafts.get(0) == (index,))
    assert "1 of" in page.inner_text("#budget")
    page.click("#give-orders")
    page.wait_for_selector("#resolution-h")
    assert "Resolution of turn 1" in page.inner_text("#resolution-h")
    revealed = page.inner_text(".orders-given")
    assert sc.model.actions[index].name["en"] in revealed
    assert room.session.state.turn == 2 and room.session.moves[-1].orders[0] == (index,)
    page.close()


def test_the_page_in_spanish_and_a_wrong_code(browser: Any, hosted: tuple[LocalHost, Room]) -> None:
    local, room = hosted
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(local.base_url + f"/t/{room.codes.by_seat['us']}?lang=es")
    page.wait_for_selector("body[data-connected='yes']", state="attached")
    assert page.get_attribute("html", "lang") == "es"
    assert "Dar estas órdenes" in page.inner_text("#give-orders")
    response = page.goto(local.base_url + "/t/ZZZZZZZZZZ")
    assert response is not None and response.status == 404
    assert "Ningún puesto" in page.inner_text("main")  # the device's language is kept (cookie)
    page.close()
