"""An order's requirement in plain words, for its card: ``game.story.requirements`` words each
part, and the guard most covert orders carry - ``not exposed.X and not active.X`` - reads as
one plain clause ("not while it is running, nor once it has come to light") instead of two
negations of logic. Presentation only: whether it holds is still the engine's ``why_not``.
"""

from __future__ import annotations

from game.i18n import text, tr
from game.scenario.runtime import CompiledScenario
from game.story.requirements import condition_text

__all__ = ["condition_text", "requirement_text"]

EXPOSED, ACTIVE = "not exposed.", "not active."


def requirement_text(sc: CompiledScenario, action_index: int) -> str:
    """The action's requirement in words, or '' when it has none."""
    if action_index >= len(sc.model.actions):
        return ""  # a generated proposal: its term's requirement is not an action's
    action = sc.model.actions[action_index]
    source = (action.requires or "").strip()
    if not source:
        return ""
    if "(" in source or " or " in source:  # only a plain list of conditions is reworded
        return condition_text(sc, source)
    parts = [part.strip() for part in source.split(" and ")]
    words = []
    for part in parts:
        if part.startswith(EXPOSED) and f"{ACTIVE}{part[len(EXPOSED) :]}" in parts:
            words.append(_guard(sc, part[len(EXPOSED) :], action.id))
        elif part.startswith(ACTIVE) and f"{EXPOSED}{part[len(ACTIVE) :]}" in parts:
            continue  # said with its pair
        else:
            words.append(condition_text(sc, part))
    return tr("req.and").join(words)


def _guard(sc: CompiledScenario, action_id: str, own: str) -> str:
    if action_id == own:
        return tr("ui.w.req.not_again")
    other = next((a for a in sc.model.actions if a.id == action_id), None)
    return tr("ui.w.req.idle_secret", action=text(other.name) if other else action_id)
