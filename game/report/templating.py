"""The Jinja2 side of the report: one environment per format, made once, over the package's templates.

The templates live in ``game/report/templates`` (shipped as package data, so this works from a
wheel). Both environments are strict (StrictUndefined: a value a template asks for and the
context lacks is an error, not an empty string) and trim the lines that hold only a tag, which
keeps the Markdown exact and the HTML readable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined


def new_environment(autoescape: bool, filters: dict[str, Callable[..., Any]] | None = None) -> Environment:
    env = Environment(
        loader=PackageLoader("game.report", "templates"),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(filters or {})
    return env
