"""Writing saves so that nothing is lost: the document, its checks, and where it may go.

``encode`` builds the save and checks it against the reader's own rules first, so a file we
write is a file we can read. ``save_session`` writes it atomically (``game.session.atomic``),
keeping the previous save as ``NAME.bak``; a file in the way that is not a sound save is never
overwritten. See docs/saves.md.
"""

from __future__ import annotations

import datetime
import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.engine import new_game
from game.engine.move import apply_move
from game.errors import ContentError, Problem
from game.scenario.load import SCENARIO_DIR
from game.scenario.runtime import CompiledScenario
from game.session import atomic, codec, jsonread
from game.session.folder import AUTOSAVE, SUFFIX, SaveError, clean_once, name_error, safe_name, saves_dir
from game.session.reader import BUNDLED_NAME, TEXTS_WITH_LINES, json_path, open_save, read_document
from game.session.saveformat import (
    FORMAT,
    MAX_MOVES_PER_TURN,
    MAX_NAME,
    SAVE_VERSION,
    SaveDocument,
    crowded_turn,
    snapshot_of,
)
from game.session.table import Session
from game.session.untrusted import char_name, find_unsafe, printable


def _refused(source: str, message: str) -> SaveError:
    return SaveError([Problem(source, 1, 1, message)])


@cache
def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("commonground")
    except Exception:  # noqa: BLE001 - running from a source tree without metadata
        return ""


def scenario_ref(scenario: CompiledScenario) -> dict[str, Any]:
    """How a save names its scenario: a bundled name, or the file's absolute path."""
    source = Path(scenario.source_path)
    try:
        resolved = source.resolve()
    except OSError:
        resolved = source
    bundled = (
        resolved.parent == SCENARIO_DIR.resolve()
        and resolved.suffix == ".yaml"
        and bool(BUNDLED_NAME.match(resolved.stem))
    )
    return {
        "id": scenario.id,
        "hash": scenario.content_hash,
        "path": resolved.stem if bundled else str(resolved),
        "bundled": bundled,
        "title": scenario.model.title,
        "turns": scenario.model.turns,
        "roles": list(scenario.role_ids),
    }


def document_of(session: Session) -> dict[str, Any]:
    """The save document of a session (current version)."""
    sc = session.scenario
    doc: dict[str, Any] = {
        "format": FORMAT,
        "save_version": SAVE_VERSION,
        "app_version": app_version(),
        "saved_at": datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
        "name": session.name[:MAX_NAME],
        "scenario": scenario_ref(sc),
        "seed": session.seed,
        "seats": [str(seat) for seat in session.seats],
        "moves": [codec.encode(sc, move) for move in session.moves],
    }
    pending = _pending_of(session)
    if pending:
        doc["pending"] = pending
    doc["snapshot"] = snapshot_of(session.state, _states_after_moves(session))
    return doc


def _states_after_moves(session: Session) -> list[Any]:
    """The state after each move: from the session's undo history, or by replaying."""
    history = session.history
    if len(history) == len(session.moves) and all(s.moves == i for i, s in enumerate(history)):
        return [snap.state for snap in history[1:]] + ([session.state] if session.moves else [])
    state = new_game(session.scenario, session.seed)
    states = []
    for move in session.moves:
        state = apply_move(state, move)
        states.append(state)
    return states


def _pending_of(session: Session) -> dict[str, Any]:
    sc = session.scenario
    pending: dict[str, Any] = {}
    humans = set(session.human_roles())
    orders = {
        sc.role_ids[r]: [sc.actions[a].id for a in actions]
        for r, actions in sorted(session.pending_orders.items())
        if r in humans
    }
    if orders:
        pending["orders"] = orders
    dice = [
        [sc.role_ids[r], sc.actions[a].id, d1, d2]
        for (r, a), (d1, d2) in sorted(session.pending_dice.items())
        if r in humans
    ]
    if dice:
        pending["dice"] = dice
    answers = {
        sc.role_ids[r]: {sc.terms[t].id: bool(v) for t, v in terms.items()}
        for r, terms in sorted(session.pending_answers.items())
        if r in humans
    }
    if answers:
        pending["answers"] = answers
    return pending


def encode(session: Session, source: str = "<save>") -> bytes:
    """The bytes of a save; checked against the format first, so what we write we can read."""
    doc = printable_texts(document_of(session))
    unsafe = find_unsafe(doc, TEXTS_WITH_LINES)
    if unsafe is not None:  # the reader would refuse it: say so now, not at the next load
        raise _refused(
            source, f"this game cannot be saved: {json_path(unsafe[0])} holds {char_name(unsafe[1])}"
        )
    try:
        SaveDocument.model_validate(doc)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        raise _refused(source, f"this game cannot be saved: {where}: {first.get('msg', 'invalid')}") from None
    crowded = crowded_turn(doc["moves"])
    if crowded is not None:
        raise _refused(
            source, f"this game cannot be saved: more than {MAX_MOVES_PER_TURN} moves in turn {crowded[1]}"
        )
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    data = text.encode("utf-8")
    if len(data) > jsonread.MAX_BYTES:
        raise _refused(source, f"the save would be too large ({len(data):,} bytes)")
    try:
        jsonread.parse(text, source)  # the reader's own limits: what we write, we can read
    except ContentError as err:
        raise _refused(source, f"this game cannot be saved: {err.problems[0].message}") from None
    return data


def printable_texts(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with its free texts (the name, reasons typed at the table) cleared of control
    and bidi characters, which the reader refuses; ids and paths are left for the check."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return printable(value)
        if isinstance(value, list):
            return [clean(item) for item in value]
        if isinstance(value, dict):
            return {key: clean(item) for key, item in value.items()}
        return value

    doc["name"] = printable(doc["name"], "")
    for move in doc["moves"]:
        for key in ("reason", "reasons"):
            if key in move:
                move[key] = clean(move[key])
    return doc


def save_session(session: Session, path: Path) -> Path:
    """Write the save atomically, keeping the previous one as ``PATH.bak``.

    A file already at ``path`` that is not a readable save is left alone (SaveError).
    """
    return write_save(session, Path(path), broken="refuse")


def write_save(session: Session, path: Path, broken: str, *, deep: bool = True) -> Path:
    """Write ``session`` to ``path``; a broken file in the way is refused or moved aside."""
    data = encode(session, str(path))
    clean_once(path.parent, suffixes=(SUFFIX, SUFFIX + ".bak"))  # temp files a killed save left here
    state, detail = peek(path, deep=deep)
    if state == "broken":
        if broken == "refuse":
            raise _refused(
                str(path),
                f"not overwritten: this file is not a sound save ({detail}); choose another file name",
            )
        try:
            atomic.move_aside(path, "broken")
        except OSError as err:
            raise _refused(str(path), f"cannot move a broken save aside: {err}") from None
    write_bytes(path, data)
    return path


def write_bytes(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """The atomic write itself, as a SaveError that says why it failed."""
    try:
        if path.parent and not path.parent.exists():
            raise FileNotFoundError(2, "the folder does not exist")
        atomic.write_atomic(path, data, keep_backup=keep_backup)
    except OSError as err:
        raise _refused(str(path), f"cannot save: {err.strerror or err}") from None


def peek(path: Path, *, deep: bool = False) -> tuple[str, Any]:
    """('missing', None), ('ok', the current-version document) or ('broken', why).

    Checks the file as a save (shape, version); ``deep`` also finds its scenario and replays
    it (for a save a person asked for; the autosave is only ever written by us). A file refused
    here is never overwritten.
    """
    try:
        exists = path.exists() or path.is_symlink()
    except OSError:
        exists = True
    if not exists:
        return "missing", None
    try:
        doc = read_document(path).doc
        if deep:
            problem = open_save(path).divergence_error()
            if problem is not None:
                raise problem
    except ContentError as err:
        return "broken", err.problems[0].message
    return "ok", doc


def holds_a_save(path: Path) -> bool:
    """Is the file at ``path`` a Common Ground save, sound or damaged? Anything that is must
    never be overwritten by something else (a report, say)."""
    try:
        if not path.is_file():
            return False
        data = jsonread.read_limited(path)
    except (OSError, ContentError):
        return False
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # damaged: judge by the marks a save carries
        return b'"save_version"' in data or FORMAT.encode() in data
    return isinstance(raw, dict) and ("save_version" in raw or raw.get("format") == FORMAT)


def save_named(session: Session, name: str) -> Path:
    """Save under a name in ``saves_dir()``; the game takes that name too."""
    clean = safe_name(name)
    if clean.lower() == AUTOSAVE:
        raise name_error(clean, "'autosave' is the automatic save; choose another name")
    session.name = clean
    return write_save(session, saves_dir() / f"{clean}{SUFFIX}", broken="move")


__all__ = ["document_of", "encode", "save_named", "save_session", "write_save"]
