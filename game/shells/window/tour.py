"""A tour of the key screens of a shared-screen game, for the projector test and the screenshots.

``key_screens(app)`` drives a game with every role played by a person (the seminar's case)
through the window with scripted input and stops at each screen a room sees: the hand-off, a
team's orders (a card in focus), its answers when a proposal is waiting, the resolution, the
public board, the facilitator's panel (every section) and the end (every tab). At each stop it
yields the screen's name; the caller draws it, records what it wants, or saves a picture.
The rest of the game is played by the session directly (no screens), so a tour is quick.
"""

from __future__ import annotations

from collections.abc import Iterator

import pygame

from game.engine import pending_answers
from game.scenario.runtime import ACTION_PROPOSE, CompiledScenario
from game.session.table import ANSWER, APPLY_ANSWERS, ORDER, RESOLVE
from game.shells.window.app import App
from game.shells.window.script import Driver

FAC_SECTIONS = ("inject", "custom", "adjudicate", "dice", "timer", "undo")
END_TABS = ("outcome", "tracks", "chain", "debrief")


def all_human(scenario: CompiledScenario) -> str:
    """The --roles text for a game where a person plays every role of the scenario."""
    return ",".join(f"{role_id}=human" for role_id in scenario.role_ids)


def choose_cards(driver: Driver, propose: bool) -> None:
    """Pick up to two orders the role can give, a proposal first when asked (so answers follow)."""
    sc = driver.scene.match.sc
    chosen = 0
    for wanted in (True, False) if propose else (False,):
        for category in range(4):
            if driver.widget(f"tab.{category}") is None:
                continue
            driver.key(pygame.K_1 + category)
            keys = [w.key for w in driver.scene.form.widgets if w.key.startswith("card.")]
            for key in keys:
                card = driver.widget(key)
                is_proposal = sc.actions[int(key.split(".")[1])].kind == ACTION_PROPOSE
                if chosen >= 2 or card is None or (wanted and not is_proposal):
                    continue
                if not card.legal or card.blocked or card.selected:  # type: ignore[attr-defined]
                    continue
                driver.focus(key)
                driver.key(pygame.K_SPACE)
                chosen += 1
                if wanted:
                    break
            if wanted and chosen:
                break


def private_turn(driver: Driver, first: bool) -> Iterator[str]:
    """From a hand-off: the role's briefing closed, then its answers or orders given."""
    yield "handoff"
    driver.press("ready", "keyboard")
    if driver.scene.name == "briefing":
        driver.press("close", "keyboard")
    scene = driver.scene
    if scene.mode == "answers":
        yield "answers"
        for key in [k for k in driver.keys() if k.startswith("accept.")]:
            driver.press(key, "keyboard")
        driver.press("send", "keyboard")
        return
    choose_cards(driver, propose=first)
    card = next((k for k in driver.keys() if k.startswith("card.")), None)
    if card is not None:
        driver.focus(card)
    yield "orders"
    driver.press("give", "keyboard")
    driver.press("yes", "keyboard")


def key_screens(app: App, turns: int = 2) -> Iterator[str]:
    """Stop at each key screen of ``turns`` turns played on screen, then the panel and the end.

    The frames between stops are not drawn (a quiet driver): the caller draws each stop."""
    driver = Driver(app, quiet=True)
    driver.settle()
    driver.press("begin", "keyboard")
    for turn in range(1, turns + 1):
        first = True
        while driver.scene.name in ("handoff", "play") and driver.scene.name != "resolution":
            scene = driver.scene
            if scene.name == "play" and scene.mode == "public":
                yield "public"
                driver.press("next", "keyboard")
                continue
            if scene.name != "handoff":
                break
            yield from private_turn(driver, first and turn == 1)
            first = False
        driver.settle()
        if driver.scene.name == "resolution":
            if not driver.scene.done:
                driver.key(pygame.K_SPACE)
            yield "resolution"
            driver.press("continue", "keyboard")
        driver.settle()
    if driver.scene.name == "play" and driver.scene.mode == "public":
        yield "public"  # the board after the last turn shown, every order revealed
    yield from facilitator(driver)
    finish(app)
    driver.settle()
    yield from end_tabs(driver)


def facilitator(driver: Driver) -> Iterator[str]:
    driver.key(pygame.K_F9)
    for section in FAC_SECTIONS:
        driver.click(f"section.{section}")
        yield f"facilitator-{section}"
    driver.key(pygame.K_F9)


def finish(app: App) -> None:
    """Play the rest of the game through the session (every role gives no orders), then the end."""
    match = app.match
    assert match is not None
    session = match.session
    while not session.terminal:
        step = session.next_step()
        if step.kind == ANSWER and step.role is not None:
            asked = pending_answers(session.state, step.role)
            session.submit_answers(step.role, {term: False for term, _ in asked})
        elif step.kind == ORDER and step.role is not None:
            session.submit_orders(step.role, ())
        elif step.kind in (APPLY_ANSWERS, RESOLVE):
            session.advance()
    app.go.advance()


def end_tabs(driver: Driver) -> Iterator[str]:
    for index, tab in enumerate(END_TABS):
        driver.key(pygame.K_1 + index)
        yield f"end-{tab}"
