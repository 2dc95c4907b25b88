"""A role's orders screen: every order under a key it keeps for the whole game, on pages that fit
the terminal (80×24 at the least), the role's own position on the first page.

Keys come from the scenario alone (the role's orders by category, proposals last in each), so
order 15 is the same order in every turn; an order not possible now keeps its key and says why
in plain words. Picking it says so instead of giving another order by mistake.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from game.engine import State, legal_action_indexes, role_score, why_not
from game.i18n import text, tr
from game.scenario.runtime import ACTION_PROPOSE, CompiledScenario
from game.shells.text.console import plain
from game.shells.text.pages import Block, Page, deal, wrap
from game.story.requirements import condition_text, requirement_text
from game.story.words import action_name, category_name, cost_line, odds_line, reason_text

HEADER_LINES = 2  # the title rule and the resources line
FOOTER_LINES = 4  # up to two lines of notice (an error), the keys hint, the prompt


def order_keys(sc: CompiledScenario, role: int) -> dict[int, int]:
    """Action index -> its key (1, 2 ...): by category, plain orders before proposals. Read
    from the scenario only, so every turn of the game gives an order the same key."""
    keys: dict[int, int] = {}
    for category in range(4):
        indexes = [a for a in sc.actions_by_role[role] if sc.actions[a].category == category]
        for index in [a for a in indexes if sc.actions[a].kind != ACTION_PROPOSE] + [
            a for a in indexes if sc.actions[a].kind == ACTION_PROPOSE
        ]:
            keys[index] = len(keys) + 1
    return keys


def unavailable(s: State, index: int) -> str:
    """Why an order cannot be given now, in plain words: a requirement is said, not 'not met'."""
    sc = s.scenario
    action = sc.actions[index]
    reason = why_not(s, action)
    if reason is None:
        return tr("tui.orders.not_now")
    if getattr(reason, "key", "") == "requires":
        if action.kind == ACTION_PROPOSE:
            needs = condition_text(sc, sc.model.terms[action.term].requires)
        else:
            needs = requirement_text(sc, index)
        if needs:
            return tr("tui.orders.needs", what=needs)
    return reason_text(sc, reason)


def entry_block(console: Console, s: State, index: int, key: int, legal: bool, width: int) -> Block:
    """One order: its key and name (and cost, if it fits), then its odds or why it is not possible."""
    sc = s.scenario
    action = sc.actions[index]
    name = plain(action_name(sc, index))
    if action.covert:
        name += f" [magenta]{plain(tr('tui.covert_tag'))}[/magenta]"
    cost = cost_line(action)
    lead = f"{key:>3}  "
    first = wrap(console, name if legal else f"[dim]{name}[/dim]", width, indent=5, first=lead)
    detail = odds_line(s, action) if legal else ""
    if first[-1].cell_len + 2 + len(cost) <= width:
        pad = width - first[-1].cell_len - len(cost)
        first[-1].append(" " * pad + cost, style="" if legal else "dim")
    else:
        detail = f"{cost} \u00b7 {detail}" if detail else cost
    if not legal:
        why = plain(tr("tui.orders.unavailable", why=unavailable(s, index)))
        first.extend(wrap(console, f"[dim]{why}[/dim]", width, indent=5))
    elif detail:
        first.extend(wrap(console, f"[cyan]{plain(detail)}[/cyan]", width, indent=5))
    return first


def order_blocks(console: Console, s: State, role: int, width: int) -> list[tuple[str, Block]]:
    """Every order of the role as (section, block); a category's heading rides on its first order."""
    sc = s.scenario
    legal = set(legal_action_indexes(s, role))
    blocks: list[tuple[str, Block]] = []
    current = -1
    for index, key in order_keys(sc, role).items():
        category = sc.actions[index].category
        block = entry_block(console, s, index, key, index in legal, width)
        if category != current:
            current = category
            block = [Text(category_name(category), style="bold underline"), *block]
        blocks.append((category_name(category), block))
    return blocks


def objective_blocks(console: Console, s: State, role: int, width: int) -> list[Block]:
    """The role's secret objectives: score now against the threshold, then each with its weight."""
    sc = s.scenario
    score = role_score(s, role)
    head = plain(tr("tui.objectives", score=score.score, threshold=score.threshold))
    out: list[Block] = [wrap(console, f"[bold]{head}[/bold]", width)]
    for objective, value in zip(sc.model.roles[role].objectives, score.objectives, strict=True):
        words = tr("tui.objective", weight=objective.weight, text=text(objective.text), now=value)
        out.append(wrap(console, plain(words), width, indent=4, first="  "))
    return out


def pages_for(
    console: Console, s: State, role: int, position: list[tuple[str, Block]], width: int, height: int
) -> list[Page]:
    """The role's position first, then its orders, dealt onto pages of the body's height."""
    body = max(6, height - HEADER_LINES - FOOTER_LINES)
    return deal(position + order_blocks(console, s, role, width), body)
