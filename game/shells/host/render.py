"""The pages, laid out by Jinja2 templates from a seat's view data (HTML escaped by the engine).

One environment over ``game/shells/host/templates`` (shipped as package data). A page is the
frame (``*.html``) around its main part (``*_main.html``); a view pushed over the socket carries
the main part alone, rendered from the very data it sends, so the page a device reloads and the
page it is updated to are the same. Interface words come from the catalog (``t``, ``tn``).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from typing import Any

import segno
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from game.i18n import available_languages, language, set_language, tr, trn

MAIN_TEMPLATES = {"team": "team_main.html", "board": "board_main.html", "facilitator": "fac_main.html"}
PAGE_TEMPLATES = {"team": "team.html", "board": "board.html", "facilitator": "facilitator.html"}
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Word everything inside in this language (the catalog's language is process-wide, so the
    caller holds the room's lock, as every builder of views does)."""
    previous = language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


def signed(value: int) -> str:
    return f"{value:+d}" if value else "0"


@lru_cache(maxsize=64)
def qr_svg(url: str) -> Markup:
    """A QR code of the address, as inline SVG (no image route: a route would answer guesses)."""
    svg = segno.make(url, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff", omitsize=True)
    return Markup(svg.replace("<svg ", '<svg role="img" aria-hidden="true" focusable="false" ', 1))


class Parts:
    """Rendered partials kept by their data: the tracks, news, situation and resolution are
    usually the same for most seats, so six teams cost one rendering, not six."""

    def __init__(self, limit: int = 256) -> None:
        self.kept: OrderedDict[tuple[str, str, str], Markup] = OrderedDict()
        self.limit = limit

    def __call__(self, template: str, **fields: Any) -> Markup:
        key = (template, language(), json.dumps(fields, sort_keys=True, ensure_ascii=False))
        found = self.kept.get(key)
        if found is not None:
            self.kept.move_to_end(key)
            return found
        made = Markup(environment().get_template(template).render(v=fields))
        self.kept[key] = made
        if len(self.kept) > self.limit:
            self.kept.popitem(last=False)
        return made


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("game.shells.host", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(t=tr, tn=trn, qr=qr_svg, languages=available_languages, language_names=LANGUAGE_NAMES)
    env.globals["part"] = Parts()
    env.filters["signed"] = signed
    return env


def render_main(kind: str, data: dict[str, Any]) -> str:
    return environment().get_template(MAIN_TEMPLATES[kind]).render(v=data)


def render_part(template: str, data: dict[str, Any]) -> str:
    """One partial on its own (the teams' progress pushed after a team decides)."""
    return environment().get_template(template).render(v=data)


def render_page(kind: str, data: dict[str, Any], lang: str, socket: str, version: int) -> str:
    main = Markup(render_main(kind, data))
    template = environment().get_template(PAGE_TEMPLATES[kind])
    return template.render(v=data, main=main, lang=lang, socket=socket, version=version)


def render_notice(lang: str, title: str, message: str, status: int, show_form: bool = True) -> str:
    """The page for a wrong, replaced or rate-limited code, and the join page itself."""
    template = environment().get_template("join.html")
    return template.render(lang=lang, title=title, message=message, status=status, show_form=show_form)
