"""Checks on the scenario's words: every language present, nothing empty, one-line texts on one line.

Control characters were refused when the file was read (``characters``); what is left here
needs to know the field: a name, title or headline is drawn on one line, so a line break or a
tab in it is refused, while descriptions and narratives may hold both. Plain text is held to
the same 4,000 characters as each language of a translated one.
"""

from __future__ import annotations

from typing import Any

from game.scenario import models as m
from game.scenario.crossref import Reporter
from game.scenario.yaml_loader import YamlPath

MAX_TEXT = 4000
ONE_LINE_FIELDS = {"title", "name", "short", "label", "headline", "tends", "publisher"}
TEXT_FIELDS = ONE_LINE_FIELDS | {
    "description",
    "text",
    "narrative",
    "intro",
    "article",
    "note",
    "situation",
    "pressures",
    "success",
}


def check_texts(scenario: m.Scenario, report: Reporter) -> None:
    """Every text map carries every declared language and nothing else; each text is usable."""
    languages = set(scenario.languages)
    if len(languages) != len(scenario.languages):
        report.add(("languages",), "a language is listed twice")

    def walk(value: Any, path: YamlPath, field: str) -> None:
        if isinstance(value, m.Model):
            for name in type(value).model_fields:
                walk(getattr(value, name), path + (name,), name)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,), field)
        elif isinstance(value, dict):
            missing = sorted(languages - set(value))
            extra = sorted(set(value) - languages)
            if missing:
                report.add(path, f"missing translation: {', '.join(missing)}")
            for lang in extra:
                report.add(path + (lang,), f"language {lang!r} is not in 'languages'", key=True)
            for lang, text in value.items():
                check_text(text, path + (lang,), field, report)
        elif isinstance(value, str) and field in TEXT_FIELDS:
            check_text(value, path, field, report)

    walk(scenario, (), "")


def check_text(text: str, path: YamlPath, field: str, report: Reporter) -> None:
    if not text.strip():
        report.add(path, "text is empty")
    elif len(text) > MAX_TEXT:
        report.add(path, f"text is too long ({len(text):,} characters; at most {MAX_TEXT} characters)")
    elif field in ONE_LINE_FIELDS:
        for i, char in enumerate(text):
            if char in "\n\t":
                what = "a line break" if char == "\n" else "a tab"
                report.add(path, f"a {field} is one line of text: {what} is not allowed here", i)
                break
