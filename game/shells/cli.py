"""The command line: ``commonground`` (same as ``python -m game``).

Nothing heavy is imported at module level: opening the window must stay fast, so every
command imports what it needs when it runs. Exit codes: 0 success, 2 bad input, 1 a bug.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Iterator, Sequence

from game.errors import EXIT_BAD_INPUT, EXIT_BUG, EXIT_OK, BadInput, ContentError
from game.session.limits import seed_problem
from game.session.untrusted import printable
from game.shells.host.arguments import add_arguments as add_host_arguments


def seed_value(text: str) -> int:
    """``--seed``: a whole number a save can hold, refused before any game starts (exit 2)."""
    try:
        seed = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a seed is a whole number, got {text[:40]!r}") from None
    problem = seed_problem(seed)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return seed


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commonground",
        description="Common Ground: a tabletop diplomacy simulation of a proposed US covert "
        "mission against cartels in Mexico. With no command, opens the game window.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _play_commands(sub)
    val = sub.add_parser("validate", help="check scenario files; problems as PATH:LINE:COL: message")
    val.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")
    sub.add_parser("schema", help="print the JSON Schema of the scenario format")
    sub.add_parser("list", help="list the bundled scenarios")
    _save_commands(sub)
    _kit_commands(sub)
    return parser


def _scenario_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "scenario",
        nargs="?",
        default=None,
        help="a scenario file or a bundled name (default: cartel_mission; see 'commonground list')",
    )


def _play_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """play, text, host and simulate."""

    def game_args(p: argparse.ArgumentParser, roles_default: str) -> None:
        _scenario_arg(p)
        p.add_argument(
            "--seed", type=seed_value, default=None, help="random seed (default: a new one each game)"
        )
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
    text.add_argument(
        "--plain",
        action="store_true",
        help="plain lines for screen readers: no boxes, bars or colour; every change says if it is good for you",
    )

    host = sub.add_parser("host", help="run a seminar over the room's network: a browser page per team")
    add_host_arguments(host)

    sim = sub.add_parser("simulate", help="play many games between computer players and summarise them")
    _scenario_arg(sim)
    sim.add_argument("--games", type=int, default=1000, help="number of games (default 1000)")
    sim.add_argument("--seed", type=int, default=1, help="seed of the batch (default 1)")
    sim.add_argument(
        "--players",
        default="random",
        help="computer player for every role, or per role: us=random,mexico=random (default: random)",
    )
    sim.add_argument("--json", action="store_true", help="print the summary as JSON")
    sim.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes to play on (default: every core); the result is the same for any number",
    )
    sim.add_argument("--save", metavar="FILE", default=None, help="save the game (with --games 1)")
    sim.add_argument(
        "--lang", default=None, help="language of the summary and of a saved game's reasons, e.g. en or es"
    )


def _save_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """report and replay."""
    save_help = "a save file, or the name of a save in the save folder (e.g. autosave)"
    rep = sub.add_parser("report", help="the after-action report of a saved game")
    rep.add_argument("save", metavar="SAVE", help=save_help)
    rep.add_argument(
        "--format", choices=("md", "html"), default="md", help="md (Markdown, the default) or html"
    )
    rep.add_argument(
        "--out",
        metavar="FILE",
        default=None,
        help="write to a file instead of the screen (never over a save, nor the save being read)",
    )
    rep.add_argument("--typical", type=int, default=None, metavar="N", help=argparse.SUPPRESS)
    rep.add_argument(
        "--what-if",
        metavar="TURN:ROLE=ORDERS",
        default=None,
        help="add a counterfactual: that role's orders on that turn changed, e.g. 3:us=us_security_dialogue",
    )
    rep.add_argument("--lang", default=None, help="language of the report, e.g. en or es")

    rpl = sub.add_parser("replay", help="re-run a saved game from its orders and check it matches")
    rpl.add_argument("save", metavar="SAVE", help=save_help)


def _kit_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """kit, paper and export: the tabletop edition, a paper game typed back in, the record."""
    kit = sub.add_parser("kit", help="the printable tabletop edition of a scenario, as a PDF")
    _scenario_arg(kit)
    kit.add_argument("--out", metavar="FILE.pdf", required=True, help="the PDF file to write")
    kit.add_argument("--lang", default=None, help="language of the kit, e.g. en or es")
    kit.add_argument(
        "--paper", choices=("letter", "a4"), default="letter", help="paper size (default letter)"
    )
    pap = sub.add_parser("paper", help="replay a paper game's record (YAML, see docs/kit.md) into a save")
    pap.add_argument("file", metavar="FILE.yaml", help="the paper game's record")
    pap.add_argument("--out", metavar="SAVE.json", required=True, help="the save file to write")
    pap.add_argument(
        "--lang", default=None, help="language of refusals and of computer players' reasons, e.g. en or es"
    )
    exp = sub.add_parser(
        "export", help="a saved game's decisions and changes as CSV or JSON (docs/export.md)"
    )
    exp.add_argument("save", metavar="SAVE", help="a save file, or the name of a save in the save folder")
    exp.add_argument("--format", choices=("csv", "json"), default="csv", help="csv (the default) or json")
    exp.add_argument("--out", metavar="FILE", default=None, help="write to a file instead of the screen")
    exp.add_argument("--lang", default=None, help="language of the names and labels, e.g. en or es")


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
        code = run(args)
        sys.stdout.flush()  # a reader that has gone is found here, not in Python's flush at exit
        return code
    except BadInput as err:
        print(printable(f"commonground: {err}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return quiet_after_broken_pipe()
    except SystemExit as exit_:
        if raised_for_a_broken_pipe(exit_):
            return quiet_after_broken_pipe()
        raise
    except ContentError as err:
        for problem in err.problems:
            print(printable(str(problem)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception:  # a bug: report it as one, with the traceback
        import traceback

        traceback.print_exc()
        print("commonground: this is a bug; please report it with the lines above.", file=sys.stderr)
        return EXIT_BUG


def quiet_after_broken_pipe() -> int:
    """``commonground simulate | head``: the reader has gone, which is no error (exit 0).

    Python would fail again flushing stdout at exit ("Exception ignored ... BrokenPipeError"),
    so stdout is pointed at the null device first (the recipe of Python's signal docs).
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_OK


def raised_for_a_broken_pipe(exit_: SystemExit) -> bool:
    """Rich's Console handles a broken pipe itself (``Console.on_broken_pipe``: stdout to the null
    device, then ``SystemExit(1)``); that exit is the same quiet end, not a failure."""
    tb = exit_.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_name == "on_broken_pipe":
            return True
        tb = tb.tb_next
    return False


class PrintableStream(io.TextIOBase):
    """Writes everything through ``printable``: no control or bidi character from a file name,
    a scenario or a save reaches the terminal raw."""

    def __init__(self, inner: io.TextIOBase) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", "utf-8")


@contextlib.contextmanager
def printable_output(stderr: bool = True) -> Iterator[None]:
    """Plain-text commands print through ``PrintableStream`` (stdout, and stderr unless a
    progress bar draws there)."""
    saved = sys.stdout, sys.stderr
    sys.stdout = PrintableStream(sys.stdout)  # type: ignore[assignment]
    if stderr:
        sys.stderr = PrintableStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        with contextlib.suppress(BrokenPipeError, OSError, ValueError):
            sys.stdout.flush()
        sys.stdout, sys.stderr = saved


def run(args: argparse.Namespace) -> int:
    command = args.command
    if command in ("validate", "list", "replay", "report"):
        with printable_output(stderr=command != "report"):
            return run_plain(args)
    return run_rich(args)


def run_plain(args: argparse.Namespace) -> int:
    """The commands that print plain text (validate, list, replay, report)."""
    command = args.command
    if command == "validate":
        from game.shells.commands import validate

        return validate(args.paths)
    if command == "list":
        from game.shells.commands import list_scenarios

        return list_scenarios()
    if command == "report":
        from game.shells.report_command import report_command

        return report_command(args)
    from game.shells.save_commands import replay_command

    return replay_command(args)


def run_rich(args: argparse.Namespace) -> int:
    """The commands that draw with rich or a window, or print JSON."""
    command = args.command
    if command == "schema":
        from game.shells.commands import schema

        return schema()
    if command == "simulate":
        from game.shells.commands import simulate_command

        return simulate_command(args)
    if command == "text":
        from game.shells.text.start import run_text

        return run_text(args)
    if command == "play":
        from game.shells.window.launch import run_window

        return run_window(args)
    if command == "kit":
        from game.shells.kit_commands import kit_command

        return kit_command(args)
    if command == "host":
        from game.shells.host.command import run_host

        return run_host(args)
    if command == "paper":
        from game.shells.kit_commands import paper_command

        return paper_command(args)
    if command == "export":
        from game.shells.kit_commands import export_command

        return export_command(args)
    raise BadInput(f"unknown command {command!r}")  # pragma: no cover - argparse refuses first


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
