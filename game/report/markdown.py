"""The after-action report as Markdown: the same sections as the HTML, charts as sparklines.

Laid out by ``templates/report.md`` and ``templates/md/`` over the shared context, without
autoescape; every text goes through the ``md`` filter instead, so a scenario's or a save's text
(a save is untrusted input) cannot make stray tables, links or HTML: the file renders as
intended wherever it is pasted.
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment

from game.report.context import report_context
from game.report.model import Report
from game.report.templating import new_environment

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def md(value: object) -> str:
    """Escape Markdown and HTML specials and keep it on one line (safe in a table cell)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


@cache
def environment() -> Environment:
    return new_environment(autoescape=False, filters={"md": md})


def render_markdown(report: Report) -> str:
    text = environment().get_template("report.md").render(report_context(report))
    return text.rstrip() + "\n"
