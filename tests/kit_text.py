"""The printed kit of a bundled scenario as text, built once per test process: test_kit and
test_msel read the same kits (a kit takes about a second to build and to read back)."""

from __future__ import annotations

import io
import logging
import re
import warnings
from functools import cache

import pypdf
import pytest

from game.i18n import language, set_language
from game.kit import build_kit
from game.scenario.load import load_scenario


def squash(words: str) -> str:
    """Text as extracted and as written compare equal whatever the line breaks."""
    return re.sub(r"\s+", " ", words).strip()


@cache
def kit_pages(name: str, lang: str) -> tuple[str, ...]:
    """The kit of a scenario, built with every warning an error, as the text of each page."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("fpdf")
    logger.addHandler(handler)
    before = language()
    set_language(lang)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            data = build_kit(load_scenario(name), lang)
    finally:
        logger.removeHandler(handler)
        set_language(before)
    problems = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    assert not problems, problems
    reader = pypdf.PdfReader(io.BytesIO(data))
    return tuple(squash(page.extract_text()) for page in reader.pages)


def by_scenario(names: list[str]) -> list[object]:
    """Scenario parameters whose tests share a test process (pytest-xdist --dist loadgroup),
    so each kit is built once for all of them."""
    return [pytest.param(name, id=name, marks=pytest.mark.xdist_group(f"kit-{name}")) for name in names]
