"""The room: one Session shared by every device, behind one lock, and what the host adds to it.

The Session is the table and holds every rule call; the room keeps what a networked sitting
needs around it: the join codes, each team's unsent draft (so a device that reloads finds it,
and two devices of one team see the same), pause, the facilitator's deadline and hold for the
table's dice, how many devices each seat has, and a version number that every change bumps so
the server knows to send fresh views. The Session is not thread-safe: the web server's event
loop and the window's thread both call the room only while holding ``lock``.

After every change the room settles the table (answers apply and turns resolve as soon as no
team is left deciding, unless paused or held), autosaves the game (pending orders included) and
writes the codes and drafts to a sidecar beside the autosave, so ``--load`` resumes with the
same codes and nothing lost.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from game.ai import make_controller
from game.engine import IllegalMove, pending_answers, redact
from game.errors import ContentError
from game.i18n import tr
from game.session import store
from game.session.sidecar import read_sidecar, write_sidecar
from game.session.table import ANSWER, APPLY_ANSWERS, ORDER, RESOLVE, Session, Step
from game.shells.host.codes import FACILITATOR_SEAT, Codes
from game.shells.host.deadline import COMPUTER, Deadline
from game.story.words import reason_text

SIDECAR = "host"
STAND_IN = "normal"  # the computer player that decides for a team that missed the deadline


class Refused(Exception):
    """An order, answer or decision the host turned down; worded in each device's language."""

    def __init__(self, key: str, reason: object = None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.reason = reason
        self.params = params

    def words(self, session: Session) -> str:
        if self.reason is not None:
            return reason_text(session.scenario, self.reason)
        return tr(self.key, **self.params)


class Room:
    def __init__(self, session: Session, codes: Codes | None = None, autosave_path: Path | None = None):
        self.lock = threading.RLock()
        self.session = session
        self.autosave_path = autosave_path
        self.codes = codes or Codes.fresh(self.seat_ids())
        self.drafts: dict[int, tuple[int, ...]] = {}
        self.answer_drafts: dict[int, dict[int, bool]] = {}
        self.paused = False
        self.hold = False
        self.codes_shown = True
        self.deadline = Deadline()
        self.devices: Counter[str] = Counter()
        self.version = 0  # any change to what a view shows
        self.status_version = 0  # only who has decided (or how many devices a seat has) changed
        self.draft_versions: Counter[int] = Counter()  # a team's own draft or given orders changed
        self.listeners: list[Callable[[], None]] = []
        self.notices: list[tuple[int, str, dict[str, Any]]] = []  # (turn, key, values), public
        self.save_error = ""
        self.fac_status: tuple[bool, str, dict[str, Any]] | None = None  # the facilitator's last decision
        self._round_seen = self.round()
        self._sidecar_written: dict[str, Any] | None = None
        session.on_change = self._moved

    # ------------------------------------------------------------------ seats and codes

    def seat_ids(self) -> list[str]:
        """Seats that get a code: every team played by people, and the facilitator."""
        sc = self.session.scenario
        return [sc.role_ids[r] for r in self.session.human_roles()] + [FACILITATOR_SEAT]

    def role_of(self, seat: str) -> int | None:
        """The role index of a team seat (None for the facilitator)."""
        ids = self.session.scenario.role_ids
        return ids.index(seat) if seat in ids else None

    def seat_for_code(self, code: str) -> str | None:
        with self.lock:
            return self.codes.seat_of(code)

    def round(self) -> tuple[int, str]:
        state = self.session.state
        return (state.turn, state.phase)

    def step(self) -> Step:
        return self.session.next_step()

    def waiting(self) -> tuple[int, ...]:
        """Teams still deciding in this round (empty while answers apply or the turn resolves)."""
        step = self.session.next_step()
        return step.waiting if step.kind in (ANSWER, ORDER) else ()

    # ------------------------------------------------------------------ a team's decisions

    def _open(self) -> None:
        if self.session.terminal:
            raise Refused("host.refused.over")
        if self.paused:
            raise Refused("host.refused.paused")

    def _actions_of(self, role: int, action_ids: Sequence[str]) -> tuple[int, ...]:
        sc = self.session.scenario
        index = {sc.actions[a].id: a for a in range(len(sc.actions)) if sc.actions[a].role == role}
        unknown = [a for a in action_ids if a not in index]
        if unknown:
            raise Refused("host.refused.unknown_order")
        return tuple(index[a] for a in action_ids)

    def _terms_of(self, role: int, answers: dict[str, bool]) -> dict[int, bool]:
        sc = self.session.scenario
        asked = {sc.terms[t].id: t for t, _ in self._asked(role)}
        if set(answers) - set(asked):
            raise Refused("host.refused.unknown_proposal")
        return {asked[term]: bool(value) for term, value in answers.items()}

    def _asked(self, role: int) -> list[tuple[int, int]]:
        return pending_answers(self.session.state, role)

    def draft_orders(self, role: int, action_ids: Sequence[str]) -> None:
        """The orders a team is considering (not given yet): kept so every device shows them."""
        with self.lock:
            self._open()
            self.drafts[role] = self._actions_of(role, action_ids)
            self.draft_versions[role] += 1
            self._write_sidecar()
            self._wake()

    def submit_orders(self, role: int, action_ids: Sequence[str]) -> None:
        with self.lock:
            self._open()
            actions = self._actions_of(role, action_ids)
            try:
                self.session.submit_orders(role, actions)
            except IllegalMove as err:
                raise Refused("host.refused.engine", reason=err.reason) from None
            self.drafts[role] = actions
            self._team_changed(role)

    def change_orders(self, role: int) -> None:
        """Take back given orders (the draft stays) - possible until the turn resolves."""
        with self.lock:
            self._open()
            if not self.session.undo_orders(role):
                raise Refused("host.refused.nothing_given")
            self._team_changed(role)

    def draft_answers(self, role: int, answers: dict[str, bool]) -> None:
        with self.lock:
            self._open()
            self.answer_drafts[role] = self._terms_of(role, answers)
            self.draft_versions[role] += 1
            self._write_sidecar()
            self._wake()

    def submit_answers(self, role: int, answers: dict[str, bool]) -> None:
        with self.lock:
            self._open()
            terms = self._terms_of(role, answers)
            asked = {t for t, _ in self._asked(role)}
            if set(terms) != asked:
                raise Refused("host.refused.answer_all")
            try:
                self.session.submit_answers(role, terms)
            except IllegalMove as err:
                raise Refused("host.refused.engine", reason=err.reason) from None
            self.answer_drafts[role] = terms
            self._team_changed(role)

    def change_answers(self, role: int) -> None:
        with self.lock:
            self._open()
            if not self.session.undo_answers(role):
                raise Refused("host.refused.nothing_given")
            self._team_changed(role)

    def _team_changed(self, role: int) -> None:
        """A team gave or took back its decision: its own view and everyone's 'who has decided'
        change (the whole view, if the table moved on: ``_moved`` sees to that)."""
        self.settle()
        self.save()
        self.draft_versions[role] += 1
        self.status_changed()

    # ------------------------------------------------------------------ the table moving on

    def settle(self) -> None:
        """Apply answers and resolve the turn as soon as nobody is left deciding."""
        with self.lock:
            while not self.paused and not self.session.terminal:
                kind = self.session.next_step().kind
                if kind == APPLY_ANSWERS or (kind == RESOLVE and not self.hold):
                    self.session.advance()
                else:
                    break

    def tick(self, dt: float) -> bool:
        """Time passes (the server calls this every second); True if time just ran out (the
        late teams' decisions are then made, and every device hears of it)."""
        with self.lock:
            running = not self.paused and bool(self.waiting())
            if self.deadline.tick(dt, self.round(), running):
                self.missed()
                return True
            return False

    def missed(self) -> list[int]:
        """Apply the facilitator's choice to every team still deciding; the roles it touched."""
        with self.lock:
            step = self.session.next_step()
            late = list(step.waiting) if step.kind in (ANSWER, ORDER) else []
            for role in late:
                self._stand_in(step.kind, role)
            if late:
                self.settle()
                self.save()
                self.changed()
            return late

    def _stand_in(self, kind: str, role: int) -> None:
        session = self.session
        by_computer = self.deadline.policy == COMPUTER
        key = "host.notice.computer" if by_computer else "host.notice.passed"
        self.notices.append((session.state.turn, key, {"role": role}))
        if kind == ANSWER:
            answers = {t: False for t, _ in self._asked(role)}
            if by_computer:
                player = make_controller(STAND_IN, session.seed * 31 + role, session.scenario, role)
                decided = player.answer(redact(session.state, role), role)
                answers.update(decided.accepted)
            session.submit_answers(role, answers)
            return
        actions: tuple[int, ...] = ()
        reasons: tuple[str, ...] = ()
        if by_computer:
            player = make_controller(STAND_IN, session.seed * 31 + role, session.scenario, role)
            decided = player.orders(redact(session.state, role), role)
            actions, reasons = tuple(decided.actions), tuple(decided.reasons)
        try:
            session.submit_orders(role, actions)
            if reasons:
                session.order_reasons[role] = reasons
        except IllegalMove:
            session.submit_orders(role, ())

    # ------------------------------------------------------------------ changes, saving, listeners

    def _moved(self, session: Session) -> None:
        """Session.on_change: a move was applied or undone (from a device or the window)."""
        now = self.round()
        if now != self._round_seen:  # a new round (or an undo back to another): drafts start empty
            self._round_seen = now
            self.drafts.clear()
            self.answer_drafts.clear()
            self.deadline.restart(now)
        self.save()
        self.changed()

    def changed(self) -> None:
        """Every view must be sent again; wake whoever listens (the server, the window)."""
        self.version += 1
        self._wake()

    def status_changed(self) -> None:
        """Only who has decided (or how many devices are connected) changed."""
        self.status_version += 1
        self._wake()

    def _wake(self) -> None:
        for listener in list(self.listeners):
            listener()

    def save(self) -> None:
        """Autosave the game (pending orders and answers included) and the sidecar."""
        if self.autosave_path is None:
            return
        try:
            store.autosave(self.session)
            self.save_error = ""
        except ContentError as err:
            self.save_error = str(err)
        self._write_sidecar()

    def _write_sidecar(self) -> None:
        if self.autosave_path is None:
            return
        data = self.sidecar_data()
        if data == self._sidecar_written:
            return  # e.g. a team gave the orders it had drafted: nothing new to keep
        try:
            write_sidecar(self.autosave_path, SIDECAR, self.session, data)
            self._sidecar_written = data
        except OSError as err:
            self.save_error = f"{self.autosave_path}: {err}"

    def sidecar_data(self) -> dict[str, Any]:
        sc = self.session.scenario
        return {
            "codes": self.codes.as_json(),
            "drafts": {sc.role_ids[r]: [sc.actions[a].id for a in acts] for r, acts in self.drafts.items()},
            "answer_drafts": {
                sc.role_ids[r]: {sc.terms[t].id: v for t, v in terms.items()}
                for r, terms in self.answer_drafts.items()
            },
            "deadline": self.deadline.as_json(),
            "hold": self.hold,
            "codes_shown": self.codes_shown,
        }

    def restore(self, data: dict[str, Any]) -> bool:
        """Take back codes, drafts and settings from a sidecar of this game; False if unusable."""
        codes = Codes.from_json(data.get("codes"), self.seat_ids())
        if codes is None:
            return False
        self.codes = codes
        for seat, actions in (data.get("drafts") or {}).items():
            role = self.role_of(seat)
            if role is not None and isinstance(actions, list):
                try:
                    self.drafts[role] = self._actions_of(role, [str(a) for a in actions])
                except Refused:
                    pass
        for seat, terms in (data.get("answer_drafts") or {}).items():
            role = self.role_of(seat)
            if role is not None and isinstance(terms, dict):
                try:
                    self.answer_drafts[role] = self._terms_of(
                        role, {str(k): bool(v) for k, v in terms.items()}
                    )
                except Refused:
                    pass
        self.deadline = Deadline.from_json(data.get("deadline"))
        self.deadline.round = self.round()
        self.hold = bool(data.get("hold", False))
        self.codes_shown = bool(data.get("codes_shown", True))
        return True


def open_room(session: Session, autosave_path: Path | None, loaded_from: Path | None = None) -> Room:
    """A room for this session; a loaded game takes its codes and drafts back from its sidecar
    (beside the save it was loaded from, else beside the autosave)."""
    room = Room(session, autosave_path=autosave_path)
    for save in (loaded_from, autosave_path):
        if save is None:
            continue
        data = read_sidecar(save, SIDECAR, session)
        if data is not None and room.restore(data):
            break
    room.settle()
    room.save()
    return room
