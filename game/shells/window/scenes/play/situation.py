"""The public board's situation: proposals on the table and every order revealed last turn.

Postures and agreements stand in the news column (with what they do every turn), so this panel
holds what the table has just done. It must show all of it at the back of a room: the blocks
go in one column, then two, then in a smaller size; only if even that cannot hold them is the
rest left out - and recorded by the painter, so the projector test fails on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.engine import State
from game.engine.move import Move
from game.i18n import text, tr
from game.shells.window.painter import Painter
from game.story.facts import tell_turn
from game.story.words import action_name, role_name

Rect = pygame.Rect
SMALLER = {"body": "small", "body_bold": "small_bold", "small": "small", "small_bold": "small_bold"}


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    style: str
    gap_before: bool = False
    dim: bool = False


def situation_blocks(s: State, moves: Sequence[Move], hint: str) -> list[Block]:
    """Proposals on the table, last turn's revealed orders by role (as this view has them), the hint."""
    sc = s.scenario
    m = sc.model
    blocks = [
        Block(
            tr(
                "ui.w.on_table",
                sender=role_name(sc, sender),
                term=text(m.terms[term].name),
                to=role_name(sc, to),
            ),
            "body",
        )
        for term, sender, to, _ in s.proposals
    ]
    if s.history:
        turn = s.history[-1].turn
        story = tell_turn(s, moves, turn)
        by_role: dict[int, list[str]] = {}
        for order in story.orders if story is not None else ():
            by_role.setdefault(order.role, []).append(action_name(sc, order.action))
        blocks.append(Block(tr("ui.public.last_orders", turn=turn), "small_bold", bool(blocks)))
        for role, names in sorted(by_role.items()):
            blocks.append(
                Block(tr("headline.order", role=role_name(sc, role), action="; ".join(names)), "small")
            )
        if not by_role:
            blocks.append(Block(tr("text.none"), "small"))
    if hint:
        blocks.append(Block(hint, "small", True, True))
    return blocks


def _height(p: Painter, blocks: Sequence[Block], width: int, smaller: bool) -> int:
    gap = p.theme.px(4)
    total = 0
    for block in blocks:
        style = SMALLER[block.style] if smaller else block.style
        total += (p.theme.gap if block.gap_before else 0) + p.wrapped_height(block.text, style, width) + gap
    return total


def _fill(
    blocks: list[Block], count: int, p: Painter, width: int, height: int, smaller: bool
) -> list[list[Block]] | None:
    """The blocks poured into up to ``count`` columns of ``height``, in reading order; None if
    they do not all fit."""
    columns: list[list[Block]] = [[]]
    used = 0
    for block in blocks:
        h = _height(p, [block], width, smaller)
        if columns[-1] and used + h > height:
            if len(columns) == count:
                return None
            columns.append([])
            used = 0
        columns[-1].append(block)
        used += h
    return columns if used <= height else None


LAYOUTS = ((1, False), (2, False), (2, True), (3, True))


def needed_height(p: Painter, blocks: list[Block], width: int) -> int:
    """The height the blocks take in two columns at their own size (what the board asks for)."""
    return _split_height(p, blocks, (width - p.theme.pad) // 2) if blocks else 0


def _split_height(p: Painter, blocks: list[Block], width: int) -> int:
    total = _height(p, blocks, width, False)
    low, high = total // 2, total
    while low < high:  # the least column height that holds every block in two columns
        mid = (low + high) // 2
        if _fill(blocks, 2, p, width, mid, False) is None:
            low = mid + 1
        else:
            high = mid
    return low


def _pour(blocks: list[Block], p: Painter, width: int, height: int) -> list[list[Block]]:
    """Three columns filled in reading order, each to the full height; the last takes the rest."""
    columns: list[list[Block]] = [[]]
    used = 0
    for block in blocks:
        h = _height(p, [block], width, True)
        if columns[-1] and used + h > height and len(columns) < 3:
            columns.append([])
            used = 0
        columns[-1].append(block)
        used += h
    return columns


def fits(p: Painter, blocks: list[Block], rect: Rect) -> bool:
    """Whether some layout holds every block in the rect."""
    t = p.theme
    return any(
        _fill(blocks, count, p, (rect.width - t.pad * (count - 1)) // count, rect.height, smaller) is not None
        for count, smaller in LAYOUTS
    )


def draw_situation(surface: pygame.Surface, p: Painter, blocks: list[Block], rect: Rect) -> None:
    """The blocks in the fewest columns and the largest size that hold them all."""
    t = p.theme
    layout = None
    for count, smaller in LAYOUTS:
        width = (rect.width - t.pad * (count - 1)) // count
        columns = _fill(blocks, count, p, width, rect.height, smaller)
        if columns is not None:
            layout = (columns, width, smaller)
            break
    if layout is None:  # cannot hold it all: draw what fits (the painter records the rest)
        width = (rect.width - t.pad * 2) // 3
        layout = (_pour(blocks, p, width, rect.height), width, True)
    columns, width, smaller = layout
    for index, column in enumerate(columns):
        x = rect.x + index * (width + t.pad)
        y = rect.y
        for block in column:
            style = SMALLER[block.style] if smaller else block.style
            y += t.gap if block.gap_before and block is not column[0] else 0
            room = Rect(x, y, width, max(0, rect.bottom - y))
            if room.height < p.line_height(style):
                p.record_clip(block.text, style, width, "left out")
                continue
            y += p.draw_wrapped(surface, block.text, room, style, p.pal.dim if block.dim else None)
            y += t.px(4)
