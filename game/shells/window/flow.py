"""Who acts next at the table, and which screen that means: the window's flow over a Session.

The session (the table) holds the game and says who acts next; ``Match`` adds what the window
remembers about it (autosave errors, briefings seen, the facilitator's timer, table dice).
Which screen that means is ``nav.Navigator``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.engine import PUBLIC, State
from game.engine.move import ANSWERS
from game.i18n import language, text, tr
from game.shells.window import saves
from game.shells.window.deliberation import DeliberationTimer
from game.story.facts import tell_turn
from game.story.words import LEVEL_KEYS, role_name

if TYPE_CHECKING:
    from game.session.table import Session


@dataclass
class Match:
    """A game in the window: the session plus what the window remembers about it."""

    session: Session
    autosave_enabled: bool = True
    save_error: str = ""
    briefed: set[int] = field(default_factory=set)  # roles that have seen their briefing
    timer: DeliberationTimer = field(default_factory=DeliberationTimer)  # the facilitator's
    table_dice: bool = False  # stop on the public board before each resolution, for real dice

    @property
    def sc(self):  # noqa: ANN201 - the compiled scenario
        return self.session.scenario

    def humans(self) -> list[int]:
        return self.session.human_roles()

    def hot_seat(self) -> bool:
        """More than one person shares the screen: private screens need a hand-off."""
        return self.session.hot_seat()

    def viewer(self) -> int:
        """Whose eyes the shared screen uses: the only human in solo play, else the public."""
        humans = self.humans()
        return humans[0] if len(humans) == 1 else PUBLIC

    def view(self, viewer: int | None = None) -> State:
        return self.session.view(self.viewer() if viewer is None else viewer)

    def next_step(self) -> tuple[str, int | None]:
        """The table's next step (``Session.next_step``) as (kind, role)."""
        step = self.session.next_step()
        return step.kind, step.role

    def autosave(self) -> None:
        """Called after every applied move; a failure is remembered and shown, never raised."""
        if not self.autosave_enabled:
            return
        try:
            saves.autosave(self.session)
            self.save_error = ""
        except saves.SaveProblem as err:
            self.save_error = str(err)

    # ------------------------------------------------------------------ what computers said

    def answer_reasons(self) -> list[tuple[int, str, str]]:
        """(role, term name, reason) of the computer players' answers just applied."""
        move = self.session.moves[-1] if self.session.moves else None
        if move is None or move.kind != ANSWERS:
            return []
        return [
            (role, text(self.sc.model.terms[term].name), why)
            for role, terms in move.answer_reasons.items()
            if not self.session.seats[role].human
            for term, why in terms.items()
            if why
        ]

    def order_reasons(self, view: State) -> list[tuple[int, int, str]]:
        """(role, action index, reason) of computer orders the viewer has seen revealed."""
        if not view.history:
            return []
        record = view.history[-1]
        story = tell_turn(view, self.session.moves, record.turn)
        if story is None:
            return []
        return [
            (order.role, order.action, order.reason)
            for order in story.orders
            if order.reason and not self.session.seats[order.role].human
        ]

    def seat_label(self, role: int) -> str:
        seat = self.session.seats[role]
        if seat.human:
            return tr("ui.seat.human")
        key = LEVEL_KEYS.get(seat.kind)
        label = tr("ui.seat.computer", level=tr(key) if key else seat.kind)
        if seat.persona:
            persona = next((p for p in self.sc.model.roles[role].personas if p.id == seat.persona), None)
            label += " - " + (text(persona.name) if persona else seat.persona)
        return label

    def role_title(self, role: int) -> str:
        return role_name(self.sc, role, short=False)


def role_phrase(sc: Any, role: int) -> str:
    """A role's full name as it reads mid-sentence: 'the Government of Mexico', 'the White House'.

    Interface sentences say 'Pass to {role}'; English needs the article, other languages put
    it in their own templates.
    """
    name = role_name(sc, role, short=False)
    if language() != "en":
        return name
    if name.lower().startswith("the "):
        return "the " + name[4:]
    return "the " + name
