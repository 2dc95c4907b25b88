"""The news column of the play screen: what happened, in the order a table would read it.

What may end the game and what runs every turn first, then last turn's big consequences,
this turn's news (each event with its story), then why the computer players answered as they
did. Everything comes from the view the screen was
given, so a secret never reaches the news before it is exposed.
"""

from __future__ import annotations

from game.engine import State
from game.engine.log import L_EVENT
from game.i18n import text, tr
from game.shells.window.board import NewsLine
from game.shells.window.flow import Match
from game.shells.window.painter import Painter
from game.shells.window.sight import risk_names, rulings, running_lines, secret_result, warnings
from game.story.calendar import coming_beats, coming_line
from game.story.headlines import headline, headlines
from game.story.words import role_name

CONSEQUENCE_KINDS = ("rule", "exposed", "agreement", "ending")


def board_news(s: State, match: Match, private_role: int | None = None) -> list[NewsLine]:
    """Endings coming near and what runs every turn first (always in sight), then a covert
    role's own secret results (its private screen only), last turn's big consequences, this
    turn's news (with the story and a ruling's tracks), and the computers' answers."""
    sc = s.scenario
    fixed = [*warnings(s), *running_lines(s)]
    lines: list[NewsLine] = []
    if private_role is not None:
        lines += secret_result(match.session.view(private_role), match.session.moves, private_role)
    if s.history:
        for item in headlines(s, s.history[-1].entries):
            if item.major and item.kind in CONSEQUENCE_KINDS:
                lines.append(NewsLine(item.text, risk_names(sc, item.risks), True))
    ruled = rulings(s, match.session.moves)
    for at, entry in enumerate(s.current):
        item = headline(s, entry)
        if item is None or not item.text:
            continue
        words = tr("ui.w.ruling", headline=item.text, changes=ruled[at]) if at in ruled else item.text
        lines.append(NewsLine(words, risk_names(sc, item.risks), item.major))
        if entry[0] == L_EVENT:
            story = text(sc.model.events[entry[1]].text)
            if story:
                lines.append(NewsLine(story, (), False, "reason"))
    for role, _term, why in match.answer_reasons():
        lines.append(NewsLine(tr("ui.reason.answer", role=role_name(sc, role), why=why), (), False, "reason"))
    if not lines:
        lines.append(NewsLine(tr("ui.news.none"), (), False, "reason"))
    viewer = private_role if private_role is not None else match.session.shared_viewer()
    return fixed + lines + coming_news(s, viewer)


def coming_news(s: State, viewer: int, most: int = 3) -> list[NewsLine]:
    """The next scheduled beats (the soonest ``most``), so a table sees the crisis's clock."""
    coming = coming_beats(s, viewer)[:most]
    title = tr("calendar.title")
    return [
        NewsLine(f"{title} \u00b7 {coming_line(c)}", risk_names(s.scenario, c.risks), False, "coming")
        for c in coming
    ]


def news_height(p: Painter, lines: list[NewsLine], width: int) -> int:
    """The height the news would take unscrolled (as board.draw_news lays it out)."""
    t = p.theme
    text_w = width - t.px(20) - t.px(10)
    total = 0
    for line in lines:
        total += p.wrapped_height(line.body, line.style, text_w) + t.px(6)
    return total
