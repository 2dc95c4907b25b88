"""``commonground host [SCENARIO]``: the seminar over the room's network.

It sets up (or loads) the game, opens the room, binds the port, prints one join address per
team and one for the facilitator, plus the public board, and serves them with uvicorn. With
``--headless`` that is all (stop with Ctrl+C; the game is autosaved after every move); without
it the window opens as the projector and the facilitator's console (F9) on the same game,
the server running in a thread beside it.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys
from pathlib import Path

from game.ai import KINDS
from game.errors import EXIT_OK, BadInput
from game.i18n import check_language, set_language, text
from game.scenario.load import load_scenario, with_turns
from game.session.seats import SeatError, parse_seats
from game.session.store import AUTOSAVE, SUFFIX, load_session, resolve_save, saves_dir
from game.session.table import Session
from game.shells.host.codes import FACILITATOR_SEAT
from game.shells.host.room import Room, open_room
from game.shells.host.server import Host
from game.shells.host.serving import ServerThread, bind_socket, make_server
from game.shells.host.window import run_window


def open_session(args: argparse.Namespace) -> tuple[Session, Path | None]:
    """The game to host: loaded (``--load``), or new from the scenario, seats, seed and turns."""
    allowed = ("human", *KINDS)
    if args.load:
        path = resolve_save(args.load)
        scenario = load_scenario(args.scenario) if args.scenario else None
        session = load_session(path, scenario)
        if args.roles:
            try:
                session.seats = parse_seats(args.roles, session.scenario, "human", allowed)
            except SeatError as err:
                raise BadInput(f"--roles: {err}") from None
            session.controllers = Session.new(session.scenario, session.seed, session.seats).controllers
        return session, path
    if args.turns is not None and not 1 <= args.turns <= 40:
        raise BadInput("--turns must be between 1 and 40")
    scenario = with_turns(load_scenario(args.scenario), args.turns)
    try:
        seats = parse_seats(args.roles, scenario, "human", allowed)
    except SeatError as err:
        raise BadInput(f"--roles: {err}") from None
    if not any(seat.human for seat in seats):
        raise BadInput("--roles: a hosted game needs at least one team played by people")
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    return Session.new(scenario, seed, seats), None


def room_address(bind: str) -> str:
    """The address devices in the room type: the one bound to, or this machine's own on the
    local network (found from its host name: nothing is sent anywhere to find it)."""
    if bind not in ("0.0.0.0", "::", ""):
        return f"[{bind}]" if ":" in bind else bind
    try:
        _, _, found = socket.gethostbyname_ex(socket.gethostname())
    except OSError:
        found = []
    usable = [a for a in found if not a.startswith("127.")]
    return usable[0] if usable else "127.0.0.1"


def join_lines(room: Room, base_url: str) -> list[str]:
    """One line per seat (role id and its address), then the public board's."""
    sc = room.session.scenario
    lines = []
    for seat, code in room.codes.by_seat.items():
        path = f"/f/{code}" if seat == FACILITATOR_SEAT else f"/t/{code}"
        lines.append(f"{seat:16} {base_url}{path}")
    lines.append(f"{'board':16} {base_url}/board")
    title = text(sc.model.title)
    state = room.session.state
    head = f"Common Ground host - {title}: turn {state.turn} of {state.turns}, seed {room.session.seed}"
    return [head, *lines]


def run_host(args: argparse.Namespace) -> int:
    lang = args.lang or "en"
    try:
        set_language(check_language(lang))
    except ValueError as err:
        raise BadInput(str(err)) from None
    session, loaded_from = open_session(args)
    autosave_path = saves_dir() / f"{AUTOSAVE}{SUFFIX}"
    room = open_room(session, autosave_path, loaded_from)
    sock = bind_socket(args.bind, args.port)
    port = sock.getsockname()[1]
    base_url = f"http://{room_address(args.bind)}:{port}"
    host = Host(room, base_url, lang)
    for line in join_lines(room, base_url):
        print(line)
    print(f"{'autosave':16} {autosave_path}")
    sys.stdout.flush()
    if args.headless or not display_available():
        if not args.headless:
            print("no display for the window: serving without it (Ctrl+C stops)", file=sys.stderr)
        make_server(host.app()).run(sockets=[sock])
        return EXIT_OK
    running = ServerThread(host.app(), sock).start()
    try:
        return run_window(room, base_url)
    finally:
        running.stop()


def display_available() -> bool:
    if os.environ.get("SDL_VIDEODRIVER"):
        return os.environ["SDL_VIDEODRIVER"] not in ("dummy", "offscreen")
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True
