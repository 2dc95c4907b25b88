"""The end screen's record tabs: the chain of turns (every order, then the big news) and the
debrief (the risks that materialized, on which turns, and the questions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import text, tr, trn
from game.shells.window.board import draw_section_title
from game.shells.window.scenes.end.facts import EndFacts, TurnFacts
from game.story.outlook import risk_labels
from game.story.words import action_name, reason_alone, role_name

if TYPE_CHECKING:
    from game.engine.state import State
    from game.shells.window.painter import Painter

Rect = pygame.Rect


def draw_chain(p: Painter, surface: pygame.Surface, s: State, facts: EndFacts, rect: Rect) -> int:
    """Turn by turn: every order given (secret ones marked, when revealed), then the big news."""
    t = p.theme
    y = rect.y
    for turn in facts.turns:
        if not turn.orders and not turn.major:
            continue
        p.draw_text(surface, tr("text.turn_n", n=turn.turn), (rect.x, y), "body_bold")
        yy = _turn_lines(p, surface, s, turn, rect, y)
        y = max(yy, y + p.line_height("body_bold")) + t.gap
        pygame.draw.line(surface, p.pal.line, (rect.x, y - t.gap // 2), (rect.right, y - t.gap // 2), 1)
    return y - rect.y


def _turn_lines(p: Painter, surface: pygame.Surface, s: State, turn: TurnFacts, rect: Rect, y: int) -> int:
    t = p.theme
    pal = p.pal
    sc = s.scenario
    indent = t.px(90)
    width = rect.width - indent
    for order in turn.orders:
        line = f"{role_name(sc, order.role)}: {action_name(sc, order.action)}"
        if order.secret:
            line += f"  ({tr('ui.end.secret_order')})"
        if order.worn:
            line += "  " + trn("tui.end.worn", order.worn)
        color = pal.covert if order.secret else pal.dim
        y += p.draw_wrapped(surface, line, Rect(rect.x + indent, y, width, 4000), "small", color)
        if order.reason:
            why = tr("ui.end.why", why=reason_alone(sc, order.action, order.reason))
            y += p.draw_wrapped(
                surface, why, Rect(rect.x + indent + t.px(16), y, width - t.px(16), 4000), "small", pal.dim
            )
    y += t.px(2)
    for item in turn.major:
        risks = f"  ({risk_labels(sc, item.risks)})" if item.risks else ""
        size = t.px(7)
        mark = Rect(rect.x + indent - t.px(14), y + p.line_height("body") // 2 - size // 2, size, size)
        pygame.draw.rect(surface, pal.text, mark)
        y += p.draw_wrapped(surface, item.text + risks, Rect(rect.x + indent, y, width, 4000), "body") + t.px(
            2
        )
    return y


def draw_debrief(p: Painter, surface: pygame.Surface, s: State, facts: EndFacts, rect: Rect) -> int:
    """The risks that materialized (with their turns) and the scenario's debrief questions."""
    t = p.theme
    m = s.scenario.model
    y = rect.y + draw_section_title(surface, p, tr("ui.end.risks"), (rect.x, rect.y), rect.width)
    y = _risk_chips(p, surface, s, facts, rect, y) + t.pad
    y += draw_section_title(surface, p, tr("ui.end.questions"), (rect.x, y), rect.width)
    for number, question in enumerate(m.debrief.questions, 1):
        risks = f"  ({risk_labels(s.scenario, question.risks)})" if question.risks else ""
        p.draw_text(surface, f"{number}.", (rect.x, y), "body_bold")
        box = Rect(rect.x + t.px(34), y, rect.width - t.px(34), 4000)
        y += p.draw_wrapped(surface, text(question.text) + risks, box, "body") + t.gap
    return y - rect.y


def _risk_chips(p: Painter, surface: pygame.Surface, s: State, facts: EndFacts, rect: Rect, y: int) -> int:
    t = p.theme
    pal = p.pal
    if not facts.risks:
        return y + p.draw_wrapped(
            surface, tr("ui.end.no_risks"), Rect(rect.x, y, rect.width, 400), "body", pal.dim
        )
    names = {risk.id: text(risk.name) for risk in s.scenario.model.risks}
    x = rect.x
    line = p.line_height("body") + t.px(10)
    for risk, turns in facts.risks.items():
        label = f"{risk} {names.get(risk, '')}  " + trn(
            "ui.end.risk_turns", len(turns), turns=", ".join(map(str, turns))
        )
        w = p.width(label, "body") + t.px(20)
        if x > rect.x and x + w > rect.right:
            x = rect.x
            y += line
        p.panel(surface, Rect(x, y, w, line - t.px(4)), pal.panel_hi)
        p.draw_text(surface, label, (x + t.px(10), y + t.px(3)), "body")
        x += w + t.gap
    return y + line
