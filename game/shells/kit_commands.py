"""The seminar kit's commands: ``kit`` (the printable tabletop edition), ``paper`` (a paper game
typed back in, replayed into a save) and ``export`` (a saved game as CSV or JSON rows).

Each is bad input (one message, exit 2) for a wrong file, language or output path; the work is
done by ``game.kit``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.errors import EXIT_OK, BadInput
from game.kit import KitError, write_kit
from game.kit.export import EXPORT_FORMATS, export_text
from game.kit.paper import load_paper
from game.kit.paper_play import play_paper
from game.report import write_text
from game.scenario.load import load_scenario
from game.session.store import load_session, resolve_save, save_session
from game.shells.options import interface_language


def output_path(name: str, what: str) -> Path:
    """A file to write: refused if it is a folder or its folder does not exist."""
    out = Path(name)
    if out.is_dir():
        raise BadInput(f"{out}: is a folder; give a file name for {what}")
    if not out.parent.exists():
        raise BadInput(f"{out}: the folder {out.parent} does not exist")
    return out


def kit_command(args: argparse.Namespace) -> int:
    """``kit [SCENARIO] --lang en|es --out FILE.pdf [--paper letter|a4]``."""
    with interface_language(args.lang):
        out = output_path(args.out, "--out")
        scenario = load_scenario(args.scenario)
        try:
            written = write_kit(scenario, out, paper=args.paper)
        except KitError as err:
            raise BadInput(f"{scenario.source_path}: {err}") from None
        except OSError as err:
            raise BadInput(f"{out}: cannot write the kit: {err.strerror or err}") from None
    print(f"wrote the tabletop kit to {written}", file=sys.stderr)
    return EXIT_OK


def paper_command(args: argparse.Namespace) -> int:
    """``paper FILE.yaml --out SAVE.json``: replay a paper game's record into an ordinary save."""
    with interface_language(getattr(args, "lang", None)):
        out = output_path(args.out, "--out")
        paper = load_paper(args.file)
        played = play_paper(paper)
        for warning in played.warnings:
            print(warning, file=sys.stderr)
        saved = save_session(played.session, out)
    state = played.session.state
    where = "finished" if state.terminal else f"stopped at turn {state.turn}"
    print(
        f"{args.file}: {len(played.session.moves)} moves replayed, {where}; saved to {saved}", file=sys.stderr
    )
    return EXIT_OK


def export_command(args: argparse.Namespace) -> int:
    """``export SAVE --format csv|json [--out FILE] [--lang LANG]``."""
    with interface_language(getattr(args, "lang", None)):
        out = output_path(args.out, "--out") if args.out else None
        if args.format not in EXPORT_FORMATS:  # pragma: no cover - argparse refuses first
            raise BadInput(f"--format: choose from {', '.join(EXPORT_FORMATS)}")
        session = load_session(resolve_save(args.save))
        content = export_text(session, args.format)
    if out is None:
        sys.stdout.write(content)
        return EXIT_OK
    if args.format == "csv":
        content = "\ufeff" + content  # a byte-order mark: spreadsheets then read the file as UTF-8
    try:
        write_text(out, content)
    except OSError as err:
        raise BadInput(f"{out}: cannot write the export: {err.strerror or err}") from None
    print(f"wrote the export to {out}", file=sys.stderr)
    return EXIT_OK
