"""Participants' answers to the feedback form, kept beside the save and read by the report.

The window's feedback form (end screen, "Feedback form") writes every participant's answers
beside the game's save: ``NAME.feedback.jsonl`` (one JSON object per answer sheet, read back by
``commonground report``) and ``NAME.feedback.csv`` (the same, one row per sheet, for a
spreadsheet). Neither ends in ``.json``, so the save folder's list never mistakes them for saves.
The file is read as untrusted input: a size cap, strict JSON, each sheet checked by pydantic; a
sheet that does not fit is skipped and counted, never a crash.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.report.feedback import OPEN, RATINGS
from game.session.atomic import write_atomic

MAX_BYTES = 2_000_000
MAX_SHEETS = 500
JSONL, CSV = ".feedback.jsonl", ".feedback.csv"
# The short names of the questions: the catalog key's last part ("feedback.rate.law" -> "law").
RATING_NAMES = tuple(key.rsplit(".", 1)[1] for key, _ in RATINGS)
OPEN_NAMES = tuple(key.rsplit(".", 1)[1] for key in OPEN)
FIELD_NAMES = ("role", "date", "name")


class Sheet(BaseModel):
    """One participant's answers; every answer may be left blank."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    role: Annotated[str, Field(max_length=80)] = ""
    date: Annotated[str, Field(max_length=40)] = ""
    name: Annotated[str, Field(max_length=80)] = ""
    ratings: dict[Annotated[str, Field(max_length=20)], Annotated[int, Field(ge=1, le=5)]] = {}
    answers: dict[Annotated[str, Field(max_length=20)], Annotated[str, Field(max_length=2_000)]] = {}


@dataclass(frozen=True, slots=True)
class FeedbackAnswers:
    """The sheets collected for one game, and how many lines of the file could not be read."""

    sheets: tuple[Sheet, ...]
    skipped: int = 0
    source: str = ""


def answers_path(save: str | Path, suffix: str = JSONL) -> Path:
    """``seminar-3.json`` -> ``seminar-3.feedback.jsonl`` (or ``.feedback.csv``), beside it."""
    save = Path(save)
    stem = save.name[: -len(save.suffix)] if save.suffix else save.name
    return save.with_name(stem + suffix)


def read_answers(save: str | Path) -> FeedbackAnswers | None:
    """The answers kept beside a save, or None if there are none (or the file cannot be read)."""
    path = answers_path(save)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    sheets, skipped = parse_answers(data[:MAX_BYTES].decode("utf-8", errors="replace"))
    skipped += int(len(data) > MAX_BYTES)
    return FeedbackAnswers(tuple(sheets), skipped, str(path)) if sheets or skipped else None


def parse_answers(content: str) -> tuple[list[Sheet], int]:
    sheets: list[Sheet] = []
    skipped = 0
    for line in content.splitlines():
        if not line.strip():
            continue
        if len(sheets) >= MAX_SHEETS:
            skipped += 1
            continue
        try:
            sheet = Sheet.model_validate(json.loads(line, parse_constant=_refuse))
        except (ValueError, ValidationError):
            skipped += 1
            continue
        sheets.append(_known_only(sheet))
    return sheets, skipped


def _refuse(name: str) -> None:
    raise ValueError(f"{name} is not a number a feedback sheet holds")


def _known_only(sheet: Sheet) -> Sheet:
    """Answers to questions this version of the form asks (an older or edited file may hold others)."""
    ratings = {k: v for k, v in sheet.ratings.items() if k in RATING_NAMES}
    answers = {k: v for k, v in sheet.answers.items() if k in OPEN_NAMES and v.strip()}
    return sheet.model_copy(update={"ratings": ratings, "answers": answers})


def add_sheet(save: str | Path, sheet: Sheet) -> FeedbackAnswers:
    """Keep one more participant's answers beside the save (both files rewritten atomically)."""
    known = read_answers(save)
    sheets = [*(known.sheets if known else ()), _known_only(sheet)]
    lines = "".join(json.dumps(s.model_dump(), ensure_ascii=False) + "\n" for s in sheets)
    write_atomic(answers_path(save), lines.encode("utf-8"), keep_backup=False)
    write_atomic(answers_path(save, CSV), sheets_csv(sheets).encode("utf-8-sig"), keep_backup=False)
    return FeedbackAnswers(tuple(sheets), 0, str(answers_path(save)))


def sheets_csv(sheets: list[Sheet]) -> str:
    """One row per sheet: role, date, name, a column per rating (1-5) and per open question."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*FIELD_NAMES, *RATING_NAMES, *OPEN_NAMES])
    for s in sheets:
        ratings = [s.ratings.get(name, "") for name in RATING_NAMES]
        answers = [_cell(s.answers.get(name, "")) for name in OPEN_NAMES]
        writer.writerow([_cell(s.role), _cell(s.date), _cell(s.name), *ratings, *answers])
    return out.getvalue()


def _cell(value: str) -> str:
    """A spreadsheet never runs a participant's text as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
