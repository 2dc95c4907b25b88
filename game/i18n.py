"""Translatable text: scenario text maps and the interface catalog in one place.

Scenario text is a plain string or a ``{en: ..., es: ...}`` map (checked at load). Interface
strings live in ``game/locale/<lang>.json`` and are looked up with :func:`tr`.
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


@cache
def catalog(lang: str) -> dict[str, str]:
    path = LOCALE_DIR / f"{lang}.json"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return {str(k): str(v) for k, v in data.items()}


def available_languages() -> list[str]:
    return sorted(p.stem for p in LOCALE_DIR.glob("*.json"))


def check_language(lang: str) -> str:
    """The language if the interface has a catalog for it; ValueError naming the ones there are."""
    available = available_languages()
    if lang not in available:
        raise ValueError(f"--lang: no interface language {lang!r} (available: {', '.join(available)})")
    return lang


def tr(key: str, lang: str | None = None, **values: Any) -> str:
    """An interface string by key, formatted with ``values``; English when a translation is missing."""
    lang = lang or _current
    template = catalog(lang).get(key) or catalog(DEFAULT_LANGUAGE).get(key) or key
    return template.format(**values) if values else template
