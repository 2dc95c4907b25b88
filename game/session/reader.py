"""Reading a save as untrusted input: checked shape, the right scenario, a verified replay.

The steps, each failing with a ``ContentError`` that points at the line and column of the
offending value: read at most 10 MB of strict JSON (``jsonread``); refuse a future version and
migrate an older one (``saveformat``); check every field against the current format; find the
scenario (a bundled name, or a file path as written, relative to the save, or beside it) and
check its content hash; parse the seats; re-run every move through the engine (``replay``) and
compare with the snapshot; give back orders entered but not yet resolved.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.ai import KINDS
from game.engine import PHASE_ANSWERS, PHASE_ORDERS, IllegalMove
from game.errors import ContentError, Problem
from game.scenario import yaml_loader
from game.scenario.load import SCENARIO_DIR, load_scenario, with_turns
from game.scenario.runtime import CompiledScenario
from game.session import jsonread
from game.session.jsonread import JsonPath
from game.session.replay import MoveRefused, Replayed, replay
from game.session.saveformat import FORMAT, OLDEST_VERSION, SAVE_VERSION, SaveDocument, migrate
from game.session.seats import Seat, SeatError, parse_seat
from game.session.table import Session
from game.session.untrusted import char_name, find_unsafe

MAX_PROBLEMS = 12
BUNDLED_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# Texts that may have lines (tab and newline allowed); every other string is one line.
TEXTS_WITH_LINES = frozenset({"reason", "reasons", "title"})


def _error(path: str | os.PathLike[str], message: str) -> ContentError:
    return ContentError([Problem(os.fspath(path), 1, 1, message)])


@dataclass(slots=True)
class Document:
    """A save read and checked for shape: the text (for positions) and the current-version dict."""

    path: Path
    text: str
    doc: dict[str, Any]
    version: int

    def written(self, path: JsonPath) -> JsonPath:
        """Where a value of the migrated document sits in the file as written."""
        if self.version == 1 and path[:1] == ("scenario",):
            return (f"scenario_{path[1]}",) if len(path) > 1 else ("scenario_id",)
        return path

    def problem(self, path: JsonPath, message: str, *, key: bool = False) -> Problem:
        offset = jsonread.locate(self.text, self.written(path), key=key)
        line, column = jsonread.position(self.text, offset)
        return Problem(str(self.path), line, column, message)

    def error(self, path: JsonPath, message: str) -> ContentError:
        return ContentError([self.problem(path, message)])


@dataclass(slots=True)
class OpenedSave:
    """A save read, its scenario found, its moves replayed and its session rebuilt.

    ``replayed.divergence`` is set when the moves do not lead to the save's snapshot.
    """

    document: Document
    scenario: CompiledScenario
    seats: list[Seat]
    replayed: Replayed
    session: Session

    @property
    def doc(self) -> dict[str, Any]:
        return self.document.doc

    def divergence_error(self) -> ContentError | None:
        found = self.replayed.divergence
        return None if found is None else self.document.error(found.path, found.message)


def read_document(path: Path) -> Document:
    source = str(path)
    text = jsonread.decode(jsonread.read_limited(path), source)
    raw = jsonread.parse(text, source)
    if not isinstance(raw, dict):
        raise _error(path, "not a Common Ground save (expected a JSON object)")
    if "save_version" not in raw:
        raise _error(path, "not a Common Ground save (it has no save_version)")
    version = raw["save_version"]
    document = Document(path, text, raw, 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise document.error(("save_version",), "save_version must be a whole number")
    if version > SAVE_VERSION:
        raise document.error(
            ("save_version",),
            f"this save was made by a newer Common Ground (save version {version}; this one reads "
            f"versions {OLDEST_VERSION} to {SAVE_VERSION}): update Common Ground to open it",
        )
    if version < OLDEST_VERSION:
        raise document.error(("save_version",), f"unknown save version {version}")
    _refuse_unsafe_text(document)
    if version >= 2 and raw.get("format") != FORMAT:
        raise document.error(("format",), f"not a Common Ground save (format should be {FORMAT!r})")
    try:
        doc = migrate(raw)
    except (KeyError, TypeError, AttributeError, ValueError):
        raise document.error((), f"this version {version} save is damaged and cannot be upgraded") from None
    document = Document(path, text, doc, version)
    try:
        SaveDocument.model_validate(doc)
    except ValidationError as err:
        raise ContentError(_validation_problems(err, document)) from None
    return document


def _refuse_unsafe_text(document: Document) -> None:
    """A save whose names, reasons, seats or paths hold control or bidi characters is hostile or
    damaged: refused at the value, before any of it can reach a screen."""
    unsafe = find_unsafe(document.doc, TEXTS_WITH_LINES)
    if unsafe is None:
        return
    where, char, is_key = unsafe
    what = "a key" if is_key else "the text"
    message = (
        f"{json_path(where)}: {what} holds {char_name(char)}; a save's text never holds control or "
        "text-direction characters (they can change what a screen shows)"
    )
    raise ContentError([document.problem(where, message, key=is_key)])


def _validation_problems(err: ValidationError, document: Document) -> list[Problem]:
    problems = []
    for item in err.errors(include_url=False)[:MAX_PROBLEMS]:
        loc = tuple(item.get("loc", ()))
        kind = item.get("type", "")
        path = _data_path(document.doc, loc, named=kind in ("missing", "extra_forbidden"))
        key = False
        if kind == "missing":
            message = f"missing {loc[-1]!r}" if loc else "missing value"
        elif kind == "extra_forbidden":
            message, key = f"unknown key {loc[-1]!r}", True
        elif kind in ("union_tag_not_found", "union_tag_invalid"):
            tag = (item.get("ctx") or {}).get("tag")
            unknown = f"unknown move type {tag!r}; " if kind == "union_tag_invalid" else ""
            message = f"{unknown}a move needs a 'type': answers, orders, adjust or inject"
        else:
            message = str(item.get("msg", "invalid value"))
            value = item.get("input")
            if not isinstance(value, (dict, list)):
                shown = repr(value)
                message += f", got {shown if len(shown) <= 40 else shown[:37] + '...'}"
        shown = path[:-1] if kind == "missing" and path and path[-1] == loc[-1] else path
        problems.append(document.problem(path, f"{json_path(document.written(shown))}: {message}", key=key))
    return sorted(set(problems), key=lambda p: (p.line, p.column, p.message))


def json_path(path: JsonPath) -> str:
    """``moves[3].orders.us`` - how a problem names the value it is about."""
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)
    return text.lstrip(".") or "the save"


def _data_path(data: Any, loc: tuple[Any, ...], *, named: bool) -> JsonPath:
    """Follow pydantic's error location through the data, skipping union and move-type tags.

    ``named``: the last part is a key that is missing or unknown, kept so the message names it.
    """
    if len(loc) > 2 and loc[0] == "moves" and isinstance(loc[1], int):
        loc = loc[:2] + loc[3:]  # ("moves", 3, "orders", ...): the third part is the move type
    path: list[str | int] = []
    current = data
    for position, part in enumerate(loc):
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            current = current[part]
            path.append(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
            path.append(part)
        elif named and position == len(loc) - 1 and isinstance(part, str):
            path.append(part)
    return tuple(path)


def open_save(path: str | os.PathLike[str], scenario: CompiledScenario | None = None) -> OpenedSave:
    """Read, check and replay a save; raises ContentError for anything but a divergence."""
    document = read_document(Path(path))
    doc = document.doc
    compiled = _scenario_for(document, scenario)
    seats = _seats_for(document, compiled)
    try:
        replayed = replay(compiled, doc["seed"], doc["moves"], doc["snapshot"])
    except MoveRefused as refused:
        raise document.error(refused.path, refused.message) from None
    session = Session.from_moves(compiled, doc["seed"], seats, replayed.moves, doc.get("name", ""))
    _restore_pending(document, session, doc.get("pending") or {})
    return OpenedSave(document, compiled, seats, replayed, session)


def load_session(path: Path, scenario: CompiledScenario | None = None) -> Session:
    """A saved game, ready to go on; raises ContentError (PATH:LINE:COL) for any bad save.

    ``scenario`` is the scenario to use instead of the one the save names (it must be the
    same scenario, with the same content hash).
    """
    opened = open_save(path, scenario)
    problem = opened.divergence_error()
    if problem is not None:
        raise problem
    return opened.session


def _scenario_for(document: Document, given: CompiledScenario | None) -> CompiledScenario:
    ref = document.doc["scenario"]
    if given is not None:
        compiled = given
    elif ref["bundled"]:
        name = ref["path"]
        if not BUNDLED_NAME.match(name):
            raise document.error(("scenario", "path"), f"{name!r} is not the name of a bundled scenario")
        file = SCENARIO_DIR / f"{name}.yaml"
        if not file.is_file():
            raise document.error(
                ("scenario", "path"),
                f"this Common Ground has no bundled scenario {name!r} (see 'commonground list')",
            )
        compiled = _load_scenario_for(document, file)
    else:
        compiled = _find_scenario_file(document, ref)
    where = compiled.source_path
    if compiled.id != ref["id"]:
        raise document.error(
            ("scenario", "id"),
            f"this save is of scenario {ref['id']!r}, but {where} is scenario {compiled.id!r}",
        )
    if compiled.content_hash != ref["hash"]:
        raise document.error(
            ("scenario", "hash"),
            f"scenario {ref['id']!r} has changed since this game was saved: the save was made with "
            f"content hash {ref['hash'][:12]}, {where} now has {compiled.content_hash[:12]}; a replay "
            "with other rules would be another game, so it is not loaded (use the scenario file the "
            "save was made with)",
        )
    roles = ref.get("roles")
    if roles is not None and list(roles) != list(compiled.role_ids):
        raise document.error(
            ("scenario", "roles"), f"the roles {roles} are not the scenario's {list(compiled.role_ids)}"
        )
    return with_turns(compiled, ref.get("turns"))  # a game set up with another turn limit


def _load_scenario_for(document: Document, file: Path) -> CompiledScenario:
    try:
        return load_scenario(file)
    except ContentError as err:
        lead = document.problem(("scenario", "path"), f"the scenario of this save, {file}, cannot be loaded:")
        raise ContentError([lead, *err.problems[:MAX_PROBLEMS]]) from None


def _find_scenario_file(document: Document, ref: dict[str, Any]) -> CompiledScenario:
    """A scenario file named by path: as written, relative to the save, or beside the save."""
    candidates = scenario_candidates(document)
    mismatch: CompiledScenario | None = None
    for candidate in candidates:
        if not _is_scenario_file(candidate):
            continue
        compiled = _load_scenario_for(document, candidate)
        if compiled.content_hash == ref["hash"]:
            return compiled
        mismatch = mismatch or compiled
    if mismatch is not None:
        return mismatch  # the caller reports the hash difference, naming both
    tried = ", ".join(str(c) for c in candidates)
    raise document.error(
        ("scenario", "path"),
        f"the scenario file of this save ({ref['id']!r}) is not found (looked for {tried}); "
        "put it beside the save",
    )


def scenario_candidates(document: Document) -> list[Path]:
    """Where the save's scenario file may be, in the order they are tried."""
    ref = document.doc["scenario"]
    if ref["bundled"]:
        return [SCENARIO_DIR / f"{ref['path']}.yaml"] if BUNDLED_NAME.match(ref["path"]) else []
    given = Path(ref["path"])
    folder = document.path.parent
    candidates = [Path(os.path.normpath(given if given.is_absolute() else folder / given))]
    if folder / given.name not in candidates:
        candidates.append(folder / given.name)
    return candidates


def _is_scenario_file(path: Path) -> bool:
    try:
        return path.suffix in (".yaml", ".yml") and path.is_file()
    except OSError:
        return False


def scenario_mismatch(document: Document) -> str | None:
    """Why the save's scenario cannot be had as it was (missing or changed), checked cheaply by
    hashing the candidate files; None if one matches. For lists, not a substitute for loading."""
    ref = document.doc["scenario"]
    found = [path for path in scenario_candidates(document) if _is_scenario_file(path)]
    if not found:
        return f"its scenario {ref['id']!r} is not found"
    for path in found:
        try:
            digest = hashlib.sha256(jsonread.read_limited(path, yaml_loader.MAX_BYTES)).hexdigest()
        except ContentError:
            continue
        if digest == ref["hash"]:
            return None
    return f"its scenario {ref['id']!r} has changed since this game was saved"


def _seats_for(document: Document, scenario: CompiledScenario) -> list[Seat]:

    texts = document.doc["seats"]
    if len(texts) != len(scenario.roles):
        raise document.error(
            ("seats",), f"{len(texts)} seats for {len(scenario.roles)} roles ({', '.join(scenario.role_ids)})"
        )
    seats = []
    for role, text in enumerate(texts):
        try:
            seat = parse_seat(text, (*KINDS, "human"))
        except SeatError as err:
            raise document.error(("seats", role), f"seat of {scenario.role_ids[role]!r}: {err}") from None
        if seat.persona is not None:
            personas = [p.id for p in scenario.roles[role].personas]
            if seat.human or seat.persona not in personas:
                raise document.error(
                    ("seats", role),
                    f"role {scenario.role_ids[role]!r} has no persona {seat.persona!r} for this seat "
                    f"(personas: {', '.join(personas) or 'none'})",
                )
        seats.append(seat)
    return seats


def _restore_pending(document: Document, session: Session, pending: dict[str, Any]) -> None:
    """Give back the orders and answers that were entered but not yet resolved."""
    sc = session.scenario
    humans = set(session.human_roles())

    def role_of(path: JsonPath, role_id: str) -> int:
        role = sc.role_index.get(role_id)
        if role is None or role not in humans:
            raise document.error(path, f"{role_id!r} is not a role played by a person in this game")
        return role

    def index(path: JsonPath, table: dict[str, int], name: str, what: str) -> int:
        if name not in table:
            raise document.error(path, f"unknown {what} {name!r}")
        return table[name]

    try:
        for role_id, terms in pending.get("answers", {}).items():
            path: JsonPath = ("pending", "answers", role_id)
            if session.phase != PHASE_ANSWERS:
                raise document.error(path, "answers are kept for a game waiting for answers only")
            role = role_of(path, role_id)
            session.submit_answers(role, {index(path, sc.term_index, t, "term"): a for t, a in terms.items()})
        for role_id, actions in pending.get("orders", {}).items():
            path = ("pending", "orders", role_id)
            if session.phase != PHASE_ORDERS:
                raise document.error(path, "orders are kept for a game waiting for orders only")
            role = role_of(path, role_id)
            session.submit_orders(role, [index(path, sc.action_index, a, "action") for a in actions])
        for n, (role_id, action_id, d1, d2) in enumerate(pending.get("dice", [])):
            path = ("pending", "dice", n)
            session.set_dice(
                role_of(path, role_id), index(path, sc.action_index, action_id, "action"), d1, d2
            )
    except IllegalMove as err:
        raise document.error(path, f"kept orders cannot be given back: {err}") from None
