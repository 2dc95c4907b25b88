"""The command line: ``commonground`` (same as ``python -m game``).

Nothing heavy is imported at module level: opening the window must stay fast, so every
command imports what it needs when it runs. Exit codes: 0 success, 2 bad input, 1 a bug.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from game.errors import EXIT_BAD_INPUT, EXIT_BUG, EXIT_OK, BadInput, ContentError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commonground",
        description="Common Ground: a tabletop diplomacy simulation of a proposed US covert "
        "mission against cartels in Mexico. With no command, opens the game window.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def scenario_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "scenario",
            nargs="?",
            default=None,
            help="a scenario file or a bundled name (default: cartel_mission; see 'commonground list')",
        )

    def game_args(p: argparse.ArgumentParser, roles_default: str) -> None:
        scenario_arg(p)
        p.add_argument("--seed", type=int, default=None, help="random seed (default: a new one each game)")
        p.add_argument(
            "--roles",
            default=None,
            help=f"who plays each role, e.g. us=human,mexico=hard,civil=normal (default: {roles_default})",
        )
        p.add_argument("--lang", default=None, help="language of the game text, e.g. en or es")
        p.add_argument("--load", metavar="SAVE", default=None, help="continue a saved game")

    play = sub.add_parser("play", help="open the game window (the default command)")
    game_args(play, "every role human")
    play.add_argument("--windowed-size", default=None, help=argparse.SUPPRESS)

    text = sub.add_parser("text", help="play in the terminal (hot-seat)")
    game_args(text, "every role human")

    sim = sub.add_parser("simulate", help="play many games between computer players and summarise them")
    scenario_arg(sim)
    sim.add_argument("--games", type=int, default=1000, help="number of games (default 1000)")
    sim.add_argument("--seed", type=int, default=1, help="seed of the batch (default 1)")
    sim.add_argument(
        "--players",
        default="random",
        help="computer player for every role, or per role: us=random,mexico=random (default: random)",
    )
    sim.add_argument("--json", action="store_true", help="print the summary as JSON")
    sim.add_argument("--save", metavar="FILE", default=None, help="save the game (with --games 1)")
    sim.add_argument(
        "--lang", default=None, help="language of the summary and of a saved game's reasons, e.g. en or es"
    )

    val = sub.add_parser("validate", help="check scenario files; problems as PATH:LINE:COL: message")
    val.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")

    sub.add_parser("schema", help="print the JSON Schema of the scenario format")
    sub.add_parser("list", help="list the bundled scenarios")

    rep = sub.add_parser("report", help="the after-action report of a saved game")
    rep.add_argument("save", metavar="SAVE")
    rep.add_argument("--format", choices=("md", "html"), default="md")
    rep.add_argument("--out", metavar="FILE", default=None, help="write to a file instead of the screen")
    rep.add_argument("--typical", type=int, default=None, metavar="N", help=argparse.SUPPRESS)
    rep.add_argument(
        "--what-if",
        metavar="TURN:ROLE=ORDERS",
        default=None,
        help="add a counterfactual: that role's orders on that turn changed, e.g. 3:us=us_security_dialogue",
    )
    rep.add_argument("--lang", default=None, help="language of the report, e.g. en or es")

    host = sub.add_parser("host", help="run a seminar over the room's network: a browser page per team")
    from game.shells.host.arguments import add_arguments

    add_arguments(host)

    rpl = sub.add_parser("replay", help="re-run a saved game from its orders and check it matches")
    rpl.add_argument("save", metavar="SAVE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help")):
        args_list = ["play", *args_list]
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return run(args)
    except BadInput as err:
        print(f"commonground: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception:  # a bug: report it as one, with the traceback
        import traceback

        traceback.print_exc()
        print("commonground: this is a bug; please report it with the lines above.", file=sys.stderr)
        return EXIT_BUG


def run(args: argparse.Namespace) -> int:
    command = args.command
    if command == "validate":
        from game.shells.commands import validate

        return validate(args.paths)
    if command == "schema":
        from game.shells.commands import schema

        return schema()
    if command == "list":
        from game.shells.commands import list_scenarios

        return list_scenarios()
    if command == "simulate":
        from game.shells.commands import simulate_command

        return simulate_command(args)
    if command == "text":
        from game.shells.text.app import run_text

        return run_text(args)
    if command == "play":
        from game.shells.window.launch import run_window

        return run_window(args)
    if command == "report":
        from game.shells.report_command import report_command

        return report_command(args)
    if command == "host":
        from game.shells.host.command import run_host

        return run_host(args)
    if command == "replay":
        from game.shells.save_commands import replay_command

        return replay_command(args)
    raise BadInput(f"unknown command {command!r}")  # pragma: no cover - argparse refuses first


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
