"""The after-action report as one standalone HTML page: inline CSS and SVG, no network.

Laid out by ``templates/report.html`` and ``templates/html/`` over the shared context, with
autoescape on: everything that came from a scenario or a save (names, headlines, a facilitator's
reasons) is escaped, since a save file is untrusted input and must not be able to put markup in
the page. Only the charts of ``svg.py`` come in as markup, escaped there. The print stylesheet
gives an A4/Letter document with page breaks between the main parts.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment

from game.report.context import report_context
from game.report.model import Report
from game.report.templating import new_environment


@cache
def environment() -> Environment:
    return new_environment(autoescape=True)


def render_html(report: Report) -> str:
    return environment().get_template("report.html").render(report_context(report))
