"""Translatable text: scenario text maps and the interface catalog in one place.

Scenario text is a plain string or a ``{en: ..., es: ...}`` map (checked at load). Interface
strings live in ``game/locale/<lang>.json``: a key is a whole sentence's name (never assembled),
looked up with :func:`tr`; a counted sentence has a form per plural category
(``{"one": "{n} turn left", "other": "{n} turns left"}``, gettext's ``ngettext`` in a JSON
catalog), looked up with :func:`trn` and the count that chooses the form.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(str(resources.files("game") / "locale"))
DEFAULT_LANGUAGE = "en"
_current = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    _current = lang


def language() -> str:
    return _current


def text(value: str | dict[str, str] | None, lang: str | None = None) -> str:
    """Scenario text in the current language (falling back to English, then to any language)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    lang = lang or _current
    if lang in value:
        return value[lang]
    if DEFAULT_LANGUAGE in value:
        return value[DEFAULT_LANGUAGE]
    return next(iter(value.values()), "")


Entry = str | dict[str, str]  # a sentence, or its forms by plural category

# The plural category of a count, per language (CLDR cardinal rules, integers only): English
# and Spanish both say "1 turn" but "0 turns", "2 turns", "1.5 turns".
PLURAL_RULES = {"en": lambda n: "one" if n == 1 else "other", "es": lambda n: "one" if n == 1 else "other"}
PLURAL_CATEGORIES = ("one", "other")


@cache
def catalog(lang: str) -> dict[str, Entry]:
    path = LOCALE_DIR / f"{lang}.json"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return {
        str(k): {str(c): str(t) for c, t in v.items()} if isinstance(v, dict) else str(v)
        for k, v in data.items()
    }


def available_languages() -> list[str]:
    return sorted(p.stem for p in LOCALE_DIR.glob("*.json"))


LANGUAGE_KEYS = {"en": "ui.language.en", "es": "ui.language.es"}


def language_name(code: str) -> str:
    """A language's name in the interface's language (its code if the catalog has no name)."""
    key = LANGUAGE_KEYS.get(code)
    return tr(key) if key else code


def check_language(lang: str) -> str:
    """The language if the interface has a catalog for it; ValueError naming the ones there are."""
    available = available_languages()
    if lang not in available:
        raise ValueError(f"--lang: no interface language {lang!r} (available: {', '.join(available)})")
    return lang


def _entry(key: str, lang: str) -> Entry:
    return catalog(lang).get(key) or catalog(DEFAULT_LANGUAGE).get(key) or key


def tr(key: str, lang: str | None = None, **values: Any) -> str:
    """An interface string by key, formatted with ``values``; English when a translation is missing."""
    template = _entry(key, lang or _current)
    if isinstance(template, dict):  # a counted sentence asked for without its count: a bug
        raise KeyError(f"{key!r} has plural forms: look it up with trn(key, count)")
    return template.format(**values) if values else template


def trn(key: str, count: int, lang: str | None = None, **values: Any) -> str:
    """A counted interface string: the form for ``count`` in the language, formatted with
    ``values`` (``n`` is the count unless given, e.g. already formatted as '1,000')."""
    lang = lang or _current
    forms = _entry(key, lang)
    if not isinstance(forms, dict):
        raise KeyError(f"{key!r} has no plural forms: look it up with tr(key)")
    rule = PLURAL_RULES.get(lang, PLURAL_RULES[DEFAULT_LANGUAGE])
    template = forms.get(rule(count)) or forms["other"]
    return template.format(**{"n": count, **values})
