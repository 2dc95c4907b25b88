"""Everything about one action card, beside the list: the full text, the odds, what it needs.

A card in the list has room for its name and a line or two; a player deciding wants the whole
description, what the order tends to move, the article's risks it draws on and, for a covert
order, what secrecy means. All of it is worded by ``game.story.words``.
"""

from __future__ import annotations

import pygame

from game.engine import State
from game.i18n import tr
from game.scenario.runtime import ACTION_PROPOSE, CompiledScenario
from game.shells.window.cards import ActionCard
from game.shells.window.painter import Painter
from game.shells.window.requirements import requirement_text
from game.shells.window.sight import preview_text
from game.story.fatigue import wear_now, wear_rule
from game.story.outlook import risk_labels
from game.story.words import (
    action_description,
    action_name,
    action_tends,
    category_name,
    cost_line,
    odds_line,
)

Rect = pygame.Rect


def draw_card_details(
    surface: pygame.Surface,
    p: Painter,
    sc: CompiledScenario,
    s: State,
    index: int,
    card: ActionCard | None,
    rect: Rect,
    offset: int = 0,
) -> int:
    """The card's name and category, its facts, then its text, scrolled by ``offset`` and
    clipped to ``rect``; returns the height it all takes (the pane scrolls when it is taller)."""
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    whole = Rect(rect.x, rect.y - offset, rect.width, 100_000)
    y = draw_heading(surface, p, sc, index, whole)
    y = draw_facts(surface, p, sc, s, index, card, whole, y)
    y = draw_text_body(surface, p, sc, index, whole, y)
    surface.set_clip(clip)
    return y - whole.y


def draw_heading(surface: pygame.Surface, p: Painter, sc: CompiledScenario, index: int, rect: Rect) -> int:
    """The name, and the category (marked covert if it is); returns the y below."""
    t = p.theme
    pal = p.pal
    action = sc.actions[index]
    y = rect.y
    y += p.draw_wrapped(surface, action_name(sc, index), Rect(rect.x, y, rect.width, 400), "heading") + t.px(
        2
    )
    tag = category_name(action.category) + (f"  ·  {tr('ui.covert')}" if action.covert else "")
    p.draw_text(
        surface,
        tag,
        (rect.x, y),
        "small_bold",
        pal.covert if action.covert else pal.dim,
        max_width=rect.width,
    )
    return y + p.line_height("small_bold") + t.px(4)


def draw_facts(
    surface: pygame.Surface,
    p: Painter,
    sc: CompiledScenario,
    s: State,
    index: int,
    card: ActionCard | None,
    rect: Rect,
    y: int,
) -> int:
    """Cost, odds, what it needs, and why it cannot be chosen now; returns the y below."""
    t = p.theme
    action = sc.actions[index]
    facts = [tr("ui.orders.cost", cost=cost_line(action))]
    odds = odds_line(s, action)
    if odds:
        facts.append(tr("ui.orders.odds", odds=odds))
    requirement = requirement_text(sc, index)
    if requirement:
        facts.append(tr("ui.orders.requires", what=requirement))
    facts.extend(line for line in (wear_rule(sc, index), wear_now(s, index)) if line)
    for fact in facts:
        y += p.draw_wrapped(surface, fact, Rect(rect.x, y, rect.width, 400), "small_bold") + t.px(2)
    if card is not None and not card.legal:
        y += p.draw_wrapped(
            surface,
            tr("ui.orders.unavailable", why=card.note),
            Rect(rect.x, y, rect.width, 400),
            "small_bold",
            p.pal.worse,
        ) + t.px(2)
    return y + t.px(4)


def draw_text_body(
    surface: pygame.Surface, p: Painter, sc: CompiledScenario, index: int, rect: Rect, y: int
) -> int:
    """The description, what it tends to move, its risks and the covert note, while room lasts."""
    t = p.theme
    pal = p.pal
    y += p.draw_wrapped(
        surface,
        action_description(sc, index),
        Rect(rect.x, y, rect.width, rect.bottom - y),
        "small",
    ) + t.px(4)
    tends = action_tends(sc, index)
    if tends and y < rect.bottom:
        y += p.draw_wrapped(
            surface,
            tr("ui.orders.tends", tends=tends),
            Rect(rect.x, y, rect.width, rect.bottom - y),
            "small",
            pal.dim,
        ) + t.px(4)
    risks = sc.model.actions[index].risks if index < len(sc.model.actions) else []
    if risks and y < rect.bottom:
        y += p.draw_wrapped(
            surface,
            f"{tr('text.risks')}: {risk_labels(sc, risks)}",
            Rect(rect.x, y, rect.width, rect.bottom - y),
            "small",
            pal.dim,
        )
    if sc.actions[index].kind == ACTION_PROPOSE and y < rect.bottom:
        y += p.draw_wrapped(
            surface,
            preview_text(sc, sc.actions[index].term, own=False),
            Rect(rect.x, y + t.px(4), rect.width, rect.bottom - y - t.px(4)),
            "small",
        ) + t.px(4)
    if sc.actions[index].covert and y < rect.bottom:
        y += t.px(4) + p.draw_wrapped(
            surface,
            tr("text.covert_note"),
            Rect(rect.x, y + t.px(4), rect.width, rect.bottom - y - t.px(4)),
            "small",
            pal.covert,
        )
    return y
