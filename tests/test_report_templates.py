"""The report's templates: hostile text from a scenario or a save comes out escaped in both formats,
and every template renders under StrictUndefined for a finished and for an unfinished game."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, StrictUndefined, UndefinedError

from game.engine import State
from game.i18n import set_language
from game.report import make_report, render
from game.report.context import report_context
from game.report.html import environment as html_environment
from game.report.markdown import environment as markdown_environment
from game.report.markdown import md
from game.report.model import Report
from game.report.svg import Bar, Line, bar_chart, histogram, line_chart
from game.scenario.load import load_scenario
from game.scenario.runtime import CompiledScenario
from game.session.seats import Seat
from game.session.store import load_session, save_session
from game.session.table import Session
from tests.test_report import MINIMAL, play_session, random_chooser

SCRIPT = "<script>alert(1)</script>"
MARKDOWN = "**bold** | pipe"
HOSTILE = f"{SCRIPT} {MARKDOWN}"
SCRIPT_HTML = "&lt;script&gt;alert(1)&lt;/script&gt;"
SCRIPT_MD = r"\<script\>alert(1)\</script\>"
MARKDOWN_MD = r"\*\*bold\*\* \| pipe"
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
SECTIONS = ("summary", "objectives", "findings", "timeline", "tracks", "risks", "secrets", "typical")
SECTIONS += ("whatif", "questions", "plan", "feedback")


def hostile_scenario(tmp_path: Path) -> CompiledScenario:
    """The minimal scenario with hostile text where the report shows it: a risk, a track, a role, a
    covert order, the rule that fires, the endings' narratives and the debrief question."""
    text = MINIMAL.read_text(encoding="utf-8")
    quoted = f'"{HOSTILE}"'
    for plain, hostile in (
        ("name: Tension,", f"name: {quoted},"),
        ("name: Sovereignty,", f"name: {quoted},"),
        ("    name: North\n", f"    name: {quoted}\n"),
        ("headline: Tension high", f"headline: {quoted}"),
        ("text: What happened?", f"text: {quoted}"),
        ("name: Secret operation", f"name: {quoted}"),
        ("narrative: Broken.", f"narrative: {quoted}"),
        ("narrative: A deal.", f"narrative: {quoted}"),
        ("narrative: Nothing settled.", f"narrative: {quoted}"),
    ):
        assert plain in text, plain
        text = text.replace(plain, hostile)
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """A finished game of the hostile scenario, named and adjudicated with hostile text, through a
    save file (untrusted input), with a secret, "how typical" and a what-if: every section."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    sc = hostile_scenario(tmp_path)
    session = Session.new(sc, 3, [Seat("human"), Seat("human")], name=HOSTILE)
    protest, secret_op = sc.action_index["protest"], sc.action_index["secret_op"]
    hooks = {2: lambda s: s.adjust({sc.track_index["trust"]: -4}, HOSTILE)}

    def orders(state: State, role: int) -> list[int]:
        if role == 1:
            return [protest]
        return [secret_op] if state.turn == 1 else []

    play_session(session, orders, hooks)
    saved = load_session(save_session(session, tmp_path / "hostile.json"))
    set_language("en")
    return make_report(saved, typical_games=4, whatif="1:north=talk", workers=1)


def test_the_hostile_game_puts_its_text_in_every_part_of_the_report(hostile_report: Report) -> None:
    """Guard for the tests below: the hostile text really reaches the parts they check."""
    r = hostile_report
    assert r.finished and r.session_name == HOSTILE and r.ending_narrative == HOSTILE
    assert any(d.reason == HOSTILE for t in r.timeline for d in t.decisions)
    assert any(s.name == HOSTILE for s in r.series) and any(role.name == HOSTILE for role in r.roles)
    assert any(link.label == HOSTILE for risk in r.risks for link in risk.chain)
    assert any(secret.what == HOSTILE for secret in r.secrets)
    assert r.typical is not None and r.whatif is not None and r.whatif.diverged


def test_hostile_text_is_escaped_in_the_html(hostile_report: Report) -> None:
    html = render(hostile_report, "html")
    assert "<script" not in html.lower()
    assert "**bold** | pipe" in html, "Markdown means nothing in HTML: it stays as written"
    # the session name, the reason (timeline and what-if), the track (charts, tables, chips), the
    # role, the rule's headline, the narrative and the question: each is there, escaped
    assert html.count(SCRIPT_HTML) >= 12, html.count(SCRIPT_HTML)
    assert f"<title>{SCRIPT_HTML}" in html, "a chart's title (svg.py) is escaped too"


def test_hostile_text_is_escaped_in_the_markdown(hostile_report: Report) -> None:
    text = render(hostile_report, "md")
    assert SCRIPT not in text and MARKDOWN not in text
    assert text.count(f"{SCRIPT_MD} {MARKDOWN_MD}") >= 10, text.count(SCRIPT_MD)
    # no hostile pipe breaks a table: every row of a table has as many cells as its header
    for table in re.findall(r"(?:^\|.*\|\n)+", text, flags=re.MULTILINE):
        rows = table.splitlines()
        cells = {len(UNESCAPED_PIPE.findall(row)) for row in rows}
        assert len(cells) == 1, rows


def test_md_escapes_markdown_and_html_and_keeps_one_line() -> None:
    assert md("a *b* _c_ `d` [e](f) <g> | # h\n\\  i") == r"a \*b\* \_c\_ \`d\` \[e\](f) \<g\> \| \# h \\ i"
    assert md(42) == "42"


def test_charts_escape_their_labels_and_are_the_only_markup() -> None:
    charts = [
        line_chart(HOSTILE, [Line(HOSTILE, [10, 20])], legend=True, marks=[1]),
        histogram(HOSTILE, [10, 50, 90], 50, 40, marker_label=HOSTILE),
        bar_chart(HOSTILE, [Bar(HOSTILE, (0.5, 0.25), True)], [(HOSTILE, "#000"), ("other", "#111")]),
    ]
    for chart in charts:
        assert "<script" not in chart and SCRIPT_HTML in chart
        assert hasattr(chart, "__html__"), "charts come as Markup, so autoescape leaves them whole"
        assert chart.startswith("<svg") and chart.endswith("</svg>")


# ----------------------------------------------------------------------------- every template


@pytest.fixture(scope="module")
def unfinished_report(scenario: CompiledScenario) -> Report:
    session = Session.new(scenario, 9, [Seat("human")] * 3, name="Table 1")
    play_session(session, random_chooser(9), stop_after=2)
    set_language("en")
    return make_report(session, typical_games=10)


def render_every_template(env: Environment, fmt: str, context: dict[str, Any]) -> list[str]:
    """Render each template of the format on its own: the page with the context, each section's
    with that section as ``section`` (as the page includes it), the macros and the frame."""
    sections = {s.id: s for s in context["sections"]}
    rendered = []
    for name in env.list_templates(extensions=[fmt]):
        if name != f"report.{fmt}" and not name.startswith(f"{fmt}/"):
            continue
        folder, _, stem = name.rpartition("/")
        stem = stem.rsplit(".", 1)[0]
        extra: dict[str, Any] = {}
        if folder and stem in sections:
            extra["section"] = sections[stem]
        elif folder and stem not in ("macros", "section"):
            continue  # a section this game leaves out (secrets, what if)
        elif stem == "section":
            extra["section"] = context["sections"][0]
        env.get_template(name).render(**context, **extra)
        rendered.append(name)
    return rendered


@pytest.mark.parametrize("which", ["finished", "unfinished"])
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_every_template_renders_under_strict_undefined(
    which: str, fmt: str, hostile_report: Report, unfinished_report: Report
) -> None:
    report = hostile_report if which == "finished" else unfinished_report
    env = html_environment() if fmt == "html" else markdown_environment()
    assert env.undefined is StrictUndefined
    with pytest.raises(UndefinedError):
        env.from_string("{{ section.no_such_value }}").render(section=report_context(report)["sections"][0])
    context = report_context(report)
    ids = [s.id for s in context["sections"]]
    if which == "unfinished":
        assert "whatif" not in ids and next(s for s in context["sections"] if s.id == "typical").data is None
    else:
        assert ids == list(SECTIONS), "the finished game has every section"
    rendered = render_every_template(env, fmt, context)
    assert f"report.{fmt}" in rendered
    assert {f"{fmt}/{i}.{fmt}" for i in ids} <= set(rendered)
    assert render(report, fmt) == render(report, fmt), "the same report renders the same bytes"


def test_the_templates_ship_with_the_package() -> None:
    """The wheel carries what PackageLoader reads: the patterns in pyproject.toml cover every file."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    patterns = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["game"]
    package = root / "game"
    shipped = {p for pattern in patterns for p in package.glob(pattern) if p.is_file()}
    templates = {p for p in (package / "report" / "templates").rglob("*") if p.is_file()}
    assert templates and templates <= shipped, sorted(str(p) for p in templates - shipped)
