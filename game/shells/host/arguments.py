"""The ``host`` command's options, apart from the server so that building the command line
stays light (nothing here imports the web stack or pygame)."""

from __future__ import annotations

import argparse

DEFAULT_PORT = 8000
DEFAULT_BIND = "0.0.0.0"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", nargs="?", default=None, help="a scenario file or a bundled name")
    parser.add_argument("--roles", default=None, help="who plays each role (default: every role human)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a new one each game)")
    parser.add_argument("--turns", type=int, default=None, help="number of turns (default: the scenario's)")
    parser.add_argument(
        "--lang", default=None, help="language of the pages, e.g. en or es (a device may choose)"
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port to serve on (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--bind", default=DEFAULT_BIND, help="address to listen on (default: every network of this machine)"
    )
    parser.add_argument(
        "--load", metavar="SAVE", default=None, help="resume a saved game, with the same codes"
    )
    parser.add_argument("--headless", action="store_true", help="no window: serve and print the addresses")
