"""The host's window, headless: the projector scene draws the board, every team's join code with
its QR code and who has decided; F9 opens the facilitator's panel on the same game, and a
decision taken there reaches the devices (the room's version moves, the autosave follows)."""

from __future__ import annotations

import pygame

from game.engine.move import INJECT
from game.scenario.load import load_scenario
from game.session.seats import Seat
from game.session.store import load_session, saves_dir
from game.session.table import Session
from game.shells.host.codes import shown
from game.shells.host.room import open_room
from game.shells.host.window import HostApp, RoomBoard
from game.shells.window import decisions
from game.shells.window.flow import Match
from game.shells.window.scenes.facilitator import FacilitatorScene
from game.shells.window.scenes.hostboard import HostBoardScene
from game.shells.window.theme import Settings


def make_window(seats: list[Seat]):  # noqa: ANN201
    sc = load_scenario("teaching")
    room = open_room(Session.new(sc, 3, seats), saves_dir() / "autosave.json")
    pygame.display.init()
    pygame.font.init()
    surface = pygame.display.set_mode((1280, 720))
    app = HostApp(surface, Settings(), room)
    app.match = Match(room.session, autosave_enabled=False)
    app.push(HostBoardScene(app, RoomBoard(room, "http://192.168.1.20:8000")))
    return app, room


def test_the_projector_shows_codes_qr_and_who_has_decided(recorder) -> None:  # noqa: ANN001
    app, room = make_window([Seat("human"), Seat("human"), Seat("normal")])
    room.submit_orders(0, [])
    drawn = recorder.frame(app)
    assert shown(room.codes.by_seat["us"]) in drawn and shown(room.codes.by_seat["mexico"]) in drawn
    assert shown(room.codes.by_seat["facilitator"]) not in drawn  # never on the projector
    assert (
        "United States: decided" in drawn
        and "Mexico: deciding" in drawn
        and "Civil society: computer" in drawn
    )
    board = app.top
    assert isinstance(board, HostBoardScene)
    matrix = RoomBoard(room, "http://192.168.1.20:8000").codes()[0].matrix
    image = board.qr_image(RoomBoard(room, "http://192.168.1.20:8000").codes()[0], 200)
    assert image.get_width() >= len(matrix) and image.get_at((0, 0))[:3] == (255, 255, 255)
    room.codes_shown = False
    room.changed()
    app.step([], 0.0)
    assert shown(room.codes.by_seat["us"]) not in recorder.frame(app)


def test_the_facilitators_panel_acts_on_the_hosted_game() -> None:
    app, room = make_window([Seat("human")] * 3)
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F9, mod=0, unicode="")], 0.0)
    assert isinstance(app.top, FacilitatorScene)
    before = room.version
    with room.lock:
        outcome = decisions.inject(room.session, 0, "The story breaks early")
    assert outcome.ok and room.version > before
    assert load_session(saves_dir() / "autosave.json").moves[-1].kind == INJECT
