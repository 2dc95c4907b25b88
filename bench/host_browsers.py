"""A whole seminar game as a new user would play it: ``commonground host --headless`` and four
headless browser sessions (Debian's chromium, driven by Playwright) playing four teams of the
seminar variant to its ending, the two other seats taken by computer players; then the
after-action report of the game. Each page is photographed on the way at a phone's size
(390x844) and a laptop's (1366x768): the team pages (orders, proposals, resolution, ending),
the projector's board, the facilitator's page, the join page and a wrong code's page.

    .venv/bin/python bench/host_browsers.py [--out DIR] [--seed N]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1366, "height": 768}
LINE = re.compile(r"^(\S+)\s+(http://\S+)$")
COMPUTERS = "intel=normal,mx_senate=normal"


def start_host(home: Path, seed: int) -> tuple[subprocess.Popen[str], dict[str, str]]:
    env = {**os.environ, "COMMONGROUND_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable,
        "-m",
        "game",
        "host",
        "cartel_mission_seminar",
        "--seed",
        str(seed),
        "--roles",
        COMPUTERS,
    ]
    command += ["--headless", "--bind", "127.0.0.1", "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    seats: dict[str, str] = {}
    assert process.stdout is not None
    for line in process.stdout:
        print(line.rstrip())
        found = LINE.match(line.strip())
        if found:
            seats[found.group(1)] = found.group(2)
        if line.startswith("autosave"):
            break
    return process, seats


class Shots:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.taken: list[Path] = []

    def take(self, page: Page, name: str) -> None:
        """The page at a phone's size (the whole page) and at a laptop's (the screen)."""
        for size, label, full in ((PHONE, "phone", True), (LAPTOP, "laptop", False)):
            page.set_viewport_size(size)
            page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(150)
            path = self.folder / f"{name}-{label}.png"
            page.screenshot(path=str(path), full_page=full)
            self.taken.append(path)
        page.set_viewport_size(PHONE)


def connected(page: Page) -> None:
    page.wait_for_selector("body[data-connected='yes']", state="attached", timeout=20000)


def answer(page: Page, rng: random.Random) -> bool:
    """Accept or reject each proposal with the radio buttons and send; False if not asked."""
    if page.locator("#send-answers").count() == 0:
        return False
    for n in range(page.locator("#answers fieldset").count()):
        choice = "accept" if rng.random() < 0.6 else "reject"
        radio = page.locator("#answers fieldset").nth(n).locator(f"input[value={choice}]")
        if not radio.is_checked():
            press_space(page, radio)
        page.wait_for_selector(f"#answers fieldset:nth-of-type({n + 1}) input[value={choice}]:checked")
    press_enter(page, "#send-answers")
    return True


def press_enter(page: Page, button: str) -> None:
    """Press a button from the keyboard (no pointer: a view pushed meanwhile cannot move it)."""
    page.focus(button)
    page.keyboard.press("Enter")


def press_space(page: Page, element: Any) -> None:
    """Tick a box or a radio button from the keyboard, as a keyboard-only player would."""
    element.focus()
    page.keyboard.press("Space")


def give_orders(page: Page, rng: random.Random) -> bool:
    """Tick orders within the action points and capital shown, then give them; False if not asked."""
    if page.locator("#give-orders").count() == 0:
        return False
    form = page.locator("#orders")
    ap, capital = int(form.get_attribute("data-ap") or 0), int(form.get_attribute("data-capital") or 0)
    for action in page.evaluate(
        "[...document.querySelectorAll('input[name=order]:checked')].map(b => b.value)"
    ):
        press_space(page, page.locator(f"input[value='{action}']"))  # start afresh (an earlier try)
        page.wait_for_selector(f".order:not(.chosen) input[value='{action}']")
    offered = page.evaluate(
        "[...document.querySelectorAll('input[name=order]:not([disabled])')]"
        ".map(b => [b.value, Number(b.dataset.ap), Number(b.dataset.capital)])"
    )
    rng.shuffle(offered)
    for action, need_ap, need_capital in offered:
        box = page.locator(f"input[value='{action}']")
        if need_ap <= ap and need_capital <= capital and rng.random() < 0.7:
            if not box.is_checked():
                press_space(page, box)
            # the host's echo of the draft: the order is shown chosen on every device of the team
            page.wait_for_selector(f".order.chosen input[value='{action}']")
            ap, capital = ap - need_ap, capital - need_capital
    press_enter(page, "#give-orders")
    return True


def turn_of(page: Page) -> str:
    return page.inner_text(".status .turn")


def play(pages: dict[str, Page], board: Page, facilitator: Page, shots: Shots, seed: int) -> None:
    rng = random.Random(seed)
    shot: set[str] = set()
    first = next(iter(pages))
    started = time.monotonic()
    retries = 0
    while True:
        over = all(page.locator("#ending-h").count() for page in pages.values())
        if over:
            break
        assert time.monotonic() - started < 900, "the game did not end in 15 minutes"
        acted = False
        for seat, page in pages.items():
            if page.locator("#send-answers").count() and "answers" not in shot and seat == first:
                shots.take(page, "team-answers")
                shot.add("answers")
            if page.locator("#give-orders").count() and "orders" not in shot:
                shots.take(page, "team-orders")
                shot.add("orders")
            try:
                acted = answer(page, rng) or give_orders(page, rng) or acted
            except PlaywrightTimeout as err:  # the view moved on while this team was choosing: look again
                problem = page.inner_text("#problem") if page.locator("#problem").is_visible() else ""
                print(
                    f"{seat}: looking again ({str(err).splitlines()[0]}; {turn_of(page)}; {problem})",
                    file=sys.stderr,
                )
                page.screenshot(path=str(shots.folder / f"retry-{seat}.png"), full_page=True)
                retries += 1
                assert retries < 20, "the pages keep moving under the players"
            if (
                page.locator("#resolution-h").count()
                and "resolution" not in shot
                and "Turn 3" in turn_of(page)
            ):
                shots.take(page, "team-resolution")
                shots.take(board, "board")
                shots.take(facilitator, "facilitator")
                shot.add("resolution")
        if not acted:
            time.sleep(0.2)
    for seat, page in pages.items():
        print(f"{seat}: {page.inner_text('#ending-h')} - {page.inner_text('.ending p.lead')[:80]}...")
    shots.take(pages[first], "team-ending")
    board.wait_for_selector("#ending-h")
    shots.take(board, "board-ending")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="host-shots", help="folder for the screenshots and the report")
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no chromium on this machine (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    home = Path(tempfile.mkdtemp())
    process, seats = start_host(home, args.seed)
    shots = Shots(out)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
            base = seats["board"].rsplit("/", 1)[0]
            join = browser.new_context(viewport=PHONE).new_page()
            join.goto(base + "/")
            shots.take(join, "join")
            join.goto(base + "/t/WRONGCODE2")
            shots.take(join, "wrong-code")
            teams = [seat for seat in seats if seat not in ("facilitator", "board")]
            pages: dict[str, Any] = {}
            for n, seat in enumerate(teams):  # four browser sessions, each its own context
                page = browser.new_context(viewport=PHONE).new_page()
                page.set_default_timeout(5000)
                page.goto(seats[seat] + ("?lang=es" if n == 3 else ""))
                connected(page)
                pages[seat] = page
            board = browser.new_context(viewport=LAPTOP).new_page()
            board.goto(seats["board"])
            connected(board)
            facilitator = browser.new_context(viewport=LAPTOP).new_page()
            facilitator.goto(seats["facilitator"])
            connected(facilitator)
            shots.take(board, "board-start")
            play(pages, board, facilitator, shots, args.seed)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
    report = out / "report.html"
    env = {**os.environ, "COMMONGROUND_HOME": str(home)}
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "game", "report", "autosave", "--format", "html", "--out", str(report)],
        check=True,
        env=env,
    )
    print(
        f"after-action report: {report} ({report.stat().st_size // 1024} kB, {time.monotonic() - started:.0f} s)"
    )
    print("screenshots:", ", ".join(path.name for path in shots.taken))
    return 0


if __name__ == "__main__":
    sys.exit(main())
