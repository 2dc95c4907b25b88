"""The table: a game in progress, its seats, and who must act next.

The window, the terminal game and the network host all drive a ``Session``; it holds no rules
of its own (those are the engine's) but keeps what a sitting needs around the rules: orders and
answers collected one role at a time (or from many devices at once), computer players'
decisions and reasons, physical dice, facilitator decisions, undo, and an ``on_change`` hook
(autosave). ``next_step`` is the one place that says whose turn it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from game.ai import Controller, make_controller
from game.engine import (
    FACILITATOR,
    PHASE_ANSWERS,
    PHASE_ORDERS,
    PUBLIC,
    IllegalMove,
    State,
    check_orders,
    new_game,
    pending_answers,
    redact,
)
from game.engine.move import (
    ORDERS,
    Move,
    adjust_move,
    answers_move,
    apply_move,
    inject_move,
    orders_move,
)
from game.engine.view import legality_view
from game.scenario.runtime import CompiledScenario
from game.session.seats import Seat

# What the table waits for next (``Step.kind``).
END, ANSWER, APPLY_ANSWERS, ORDER, RESOLVE = "end", "answer", "apply_answers", "order", "resolve"


@dataclass(frozen=True, slots=True)
class Step:
    """What the table needs now: a role to answer or give orders, answers or orders to apply
    (every person has decided), or nothing (the game is over). ``waiting`` lists every role
    still to act, for a table where teams decide at once on their own devices."""

    kind: str
    role: int | None = None
    waiting: tuple[int, ...] = ()


@dataclass(slots=True)
class Snapshot:
    """Enough to step back: the state and how many moves had been made."""

    state: State
    moves: int


@dataclass
class Session:
    scenario: CompiledScenario
    seed: int
    seats: list[Seat]
    state: State
    moves: list[Move] = field(default_factory=list)
    controllers: list[Controller | None] = field(default_factory=list)
    pending_orders: dict[int, tuple[int, ...]] = field(default_factory=dict)
    pending_answers: dict[int, dict[int, bool]] = field(default_factory=dict)
    pending_dice: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    order_reasons: dict[int, tuple[str, ...]] = field(default_factory=dict)
    answer_reasons: dict[int, dict[int, str]] = field(default_factory=dict)
    history: list[Snapshot] = field(default_factory=list)
    on_change: Callable[[Session], None] | None = None
    name: str = ""

    # ------------------------------------------------------------------ creation

    @classmethod
    def new(cls, scenario: CompiledScenario, seed: int, seats: Sequence[Seat], name: str = "") -> Session:
        session = cls(scenario, seed, list(seats), new_game(scenario, seed), name=name)
        session.controllers = [
            None
            if seat.human
            else make_controller(seat.kind, seed * 31 + role, scenario, role, persona=seat.persona)
            for role, seat in enumerate(session.seats)
        ]
        return session

    @classmethod
    def from_moves(
        cls,
        scenario: CompiledScenario,
        seed: int,
        seats: Sequence[Seat],
        moves: Sequence[Move],
        name: str = "",
    ) -> Session:
        """Rebuild a session by replaying its moves (each checked by the engine)."""
        session = cls.new(scenario, seed, seats, name)
        for move in moves:
            session._apply(move)
        return session

    # ------------------------------------------------------------------ reading

    @property
    def terminal(self) -> bool:
        return self.state.terminal

    @property
    def phase(self) -> str:
        return self.state.phase

    def view(self, viewer: int) -> State:
        """The state as one seat (a role, PUBLIC or FACILITATOR) may see it."""
        return redact(self.state, viewer)

    def human_roles(self) -> list[int]:
        return [r for r, seat in enumerate(self.seats) if seat.human]

    def hot_seat(self) -> bool:
        """More than one person shares one screen: private screens need a hand-off."""
        return len(self.human_roles()) > 1

    def shared_viewer(self) -> int:
        """Whose eyes a shared screen uses: the only person in solo play, else the public
        (a game of computers only is watched by the facilitator's eyes)."""
        humans = self.human_roles()
        if len(humans) == 1:
            return humans[0]
        return PUBLIC if humans else FACILITATOR

    def roles_to_answer(self) -> list[int]:
        """Human roles that still have proposals to answer this turn."""
        if self.state.phase != PHASE_ANSWERS:
            return []
        return [
            r for r in self.human_roles() if pending_answers(self.state, r) and r not in self.pending_answers
        ]

    def roles_to_order(self) -> list[int]:
        """Human roles that have not yet given their orders this turn."""
        if self.state.phase != PHASE_ORDERS:
            return []
        return [r for r in self.human_roles() if r not in self.pending_orders]

    def next_step(self) -> Step:
        """Who acts next: every shell asks this, and only this, to know what to show."""
        if self.state.terminal:
            return Step(END)
        if self.state.phase == PHASE_ANSWERS:
            waiting = tuple(self.roles_to_answer())
            return Step(ANSWER, waiting[0], waiting) if waiting else Step(APPLY_ANSWERS)
        waiting = tuple(self.roles_to_order())
        return Step(ORDER, waiting[0], waiting) if waiting else Step(RESOLVE)

    def given_this_turn(self) -> int:
        """How many roles have given orders or answers not yet applied (an undo takes them back)."""
        return len(set(self.pending_orders) | set(self.pending_answers))

    def last_move(self, kind: str | None = None) -> Move | None:
        """The last move made (of that kind), for 'what just happened' and undo labels."""
        for move in reversed(self.moves):
            if kind is None or move.kind == kind:
                return move
        return None

    # ------------------------------------------------------------------ answers

    def submit_answers(self, role: int, answers: dict[int, bool]) -> None:
        asked = {term for term, _ in pending_answers(self.state, role)}
        unknown = set(answers) - asked
        if unknown:
            raise IllegalMove("that proposal is not waiting for this role")
        self.pending_answers[role] = {term: bool(answers.get(term, False)) for term in asked}

    def undo_answers(self, role: int) -> bool:
        """Take back a role's answers before they apply (so it can answer again)."""
        if role in self.pending_answers:
            del self.pending_answers[role]
            self.answer_reasons.pop(role, None)
            return True
        return False

    def _computer_answers(self) -> None:
        for role, controller in enumerate(self.controllers):
            if controller is None or role in self.pending_answers or not pending_answers(self.state, role):
                continue
            decided = controller.answer(
                redact(self.state, role, getattr(controller, "view_turns", None)), role
            )
            self.pending_answers[role] = dict(decided.accepted)
            self.answer_reasons[role] = dict(decided.reasons)

    def answers_complete(self) -> bool:
        return self.state.phase == PHASE_ANSWERS and not self.roles_to_answer()

    def apply_answers(self) -> State:
        """Once every human has answered: computer players answer too, and the answers apply."""
        if self.roles_to_answer():
            raise IllegalMove("some roles have not answered yet")
        self._computer_answers()
        self._apply(answers_move(self.state.turn, self.pending_answers, self.answer_reasons))
        return self.state

    # ------------------------------------------------------------------ orders

    def submit_orders(self, role: int, actions: Sequence[int]) -> None:
        """Hold a human role's orders until everyone has given theirs; refused orders raise."""
        reason = check_orders(self.state, role, tuple(actions), lambda: legality_view(self.state, role))
        if reason:
            raise IllegalMove(reason, self.scenario.role_ids[role])
        self.pending_orders[role] = tuple(actions)

    def undo_orders(self, role: int) -> bool:
        """Take back a role's orders before resolution (so it can choose again)."""
        if role in self.pending_orders:
            del self.pending_orders[role]
            for key in [k for k in self.pending_dice if k[0] == role]:
                del self.pending_dice[key]
            return True
        return False

    def set_dice(self, role: int, action: int, d1: int, d2: int) -> None:
        """Physical dice rolled at the table for a check, used instead of the computer's roll."""
        if not (1 <= d1 <= 6 and 1 <= d2 <= 6):
            raise IllegalMove("each die shows 1 to 6")
        if action not in self.pending_orders.get(role, ()):
            raise IllegalMove("dice can only be entered for an order that has been given")
        if self.scenario.actions[action].check is None:
            raise IllegalMove("this order has no check to roll for")
        self.pending_dice[(role, action)] = (d1, d2)

    def clear_dice(self, role: int, action: int) -> None:
        """Back to the game's own roll for this order."""
        self.pending_dice.pop((role, action), None)

    def computer_orders(self) -> None:
        for role, controller in enumerate(self.controllers):
            if controller is None or role in self.pending_orders:
                continue
            decided = controller.orders(
                redact(self.state, role, getattr(controller, "view_turns", None)), role
            )
            self.pending_orders[role] = tuple(decided.actions)
            self.order_reasons[role] = tuple(decided.reasons)

    def ready_to_resolve(self) -> bool:
        return self.state.phase == PHASE_ORDERS and not self.roles_to_order()

    def resolve(self) -> State:
        """Reveal and resolve the turn once every human has given orders."""
        if not self.ready_to_resolve():
            raise IllegalMove("some roles have not given their orders yet")
        self.computer_orders()
        orders = [self.pending_orders.get(r, ()) for r in range(len(self.scenario.roles))]
        self._apply(orders_move(self.state.turn, orders, self.pending_dice, self.order_reasons))
        return self.state

    def advance(self) -> State:
        """Apply what the table has decided (answers, or the turn's orders) once no person is
        left to act; the step a shell takes on APPLY_ANSWERS and RESOLVE."""
        kind = self.next_step().kind
        if kind == APPLY_ANSWERS:
            return self.apply_answers()
        if kind == RESOLVE:
            return self.resolve()
        raise IllegalMove(f"the table is waiting for {kind}, not for the game to go on")

    # ------------------------------------------------------------------ facilitator

    def adjust(self, changes: dict[int, int], reason: str) -> None:
        self._apply(adjust_move(self.state.turn, changes, reason))

    def inject(self, event: int, reason: str) -> None:
        self._apply(inject_move(self.state.turn, event, reason))

    def recheck_pending(self) -> list[int]:
        """Hand back the orders and answers that no longer fit after a decision; the roles
        affected. The engine judges the orders as the role sees the game, as when given."""
        state = self.state
        back: list[int] = []
        for role, actions in list(self.pending_orders.items()):
            if check_orders(state, role, actions, lambda role=role: legality_view(state, role)):
                self.undo_orders(role)
                back.append(role)
        for role, answers in list(self.pending_answers.items()):
            asked = {term for term, _ in pending_answers(state, role)}
            if set(answers) != asked:
                del self.pending_answers[role]
                self.answer_reasons.pop(role, None)
                if role not in back:
                    back.append(role)
        return back

    def undo_last(self) -> bool:
        """Step back over the last applied move (a resolved turn, answers or a decision)."""
        if not self.history:
            return False
        snapshot = self.history.pop()
        self._rewind(snapshot)
        return True

    def undo_turn(self) -> bool:
        """Step back to before the last resolved turn (the facilitator's undo)."""
        for position in range(len(self.history) - 1, -1, -1):
            if self.moves[self.history[position].moves].kind == ORDERS:
                snapshot = self.history[position]
                del self.history[position:]
                self._rewind(snapshot)
                return True
        return False

    # ------------------------------------------------------------------ internals

    def _rewind(self, snapshot: Snapshot) -> None:
        self.state = snapshot.state
        del self.moves[snapshot.moves :]
        self._clear_pending()
        self._changed()

    def _apply(self, move: Move) -> None:
        new_state = apply_move(self.state, move)
        self.history.append(Snapshot(self.state, len(self.moves)))
        self.state = new_state
        self.moves.append(move)
        if move.kind in ("answers", "orders"):
            self._clear_pending()
        self._changed()

    def _clear_pending(self) -> None:
        self.pending_orders.clear()
        self.pending_answers.clear()
        self.pending_dice.clear()
        self.order_reasons.clear()
        self.answer_reasons.clear()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self)
