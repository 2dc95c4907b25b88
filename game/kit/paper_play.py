"""Replaying a paper game through the table, turn by turn, into an ordinary session.

The table (``game.session.table.Session``) is driven as at a real sitting: each team's answers
(``submit_answers``), the facilitator's decisions (``inject`` / ``adjust``), each team's orders
(``submit_orders``) and the dice rolled at the table (``set_dice``), then ``advance``. The news
draws and the exposure of covert programmes come from the seed, as in any game; a turn whose
recorded news differs from the game's draw is reported as a warning, since from there the
replayed game and the table's may part. An order the game refuses stops the replay with its
``PATH:LINE:COL``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from game.engine import IllegalMove, pending_answers
from game.engine.state import PHASE_ANSWERS
from game.errors import ContentError, Problem
from game.i18n import text
from game.kit.paper import Paper, PaperTurn, order_index
from game.scenario.yaml_loader import YamlPath
from game.session.table import Session
from game.story.words import reason_text


@dataclass(frozen=True, slots=True)
class Played:
    """The session the paper game became, and what the facilitator should know about it."""

    session: Session
    warnings: tuple[str, ...]


def paper_game_id(paper: Paper) -> str:
    """One paper game keeps one identity however often its record is typed in again (a typo
    fixed, a turn added), so its save is replaced; another paper game's save is not."""
    made = f"{paper.scenario.id}|{paper.game.seed}|{paper.game.name}|{[str(s) for s in paper.seats]}"
    return hashlib.sha256(made.encode()).hexdigest()[:16]


def play_paper(paper: Paper) -> Played:
    """Replay every recorded turn; raises ContentError at the first thing the game refuses."""
    game = paper.game
    session = Session.new(paper.scenario, game.seed, paper.seats, game.name, paper_game_id(paper))
    warnings: list[str] = []
    for position, entry in enumerate(game.record):
        here: YamlPath = ("record", position)
        if session.terminal:
            ended = session.state.turn
            raise ContentError(
                [paper.problem(here + ("turn",), f"the game ended at turn {ended}: no turn {entry.turn}")]
            )
        news_warning(paper, session, entry, here, warnings)
        try:
            play_turn(paper, session, entry, here)
        except _Refused as refused:
            raise ContentError([refused.problem]) from None
    if not session.terminal:
        last = paper.problem(
            ("record",), f"the record ends at turn {len(game.record)}: the save is a game in progress"
        )
        warnings.append(f"{last} (warning)")
    return Played(session, tuple(warnings))


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def news_warning(
    paper: Paper, session: Session, entry: PaperTurn, here: YamlPath, warnings: list[str]
) -> None:
    """The table's news against the game's own draw for this turn."""
    if entry.news is None:
        return
    sc = paper.scenario
    drawn = session.state.news
    if drawn >= 0 and sc.model.events[drawn].id == entry.news:
        return
    game_drew = (
        f"{sc.model.events[drawn].id!r} ({text(sc.model.events[drawn].headline)})"
        if drawn >= 0
        else "no event"
    )
    message = (
        f"turn {entry.turn}: the table drew {entry.news!r}, the game drew {game_drew} from seed "
        f"{paper.game.seed}; the replay follows the game's draw (warning)"
    )
    warnings.append(str(paper.problem(here + ("news",), message)))


def play_turn(paper: Paper, session: Session, entry: PaperTurn, here: YamlPath) -> None:
    answers(paper, session, entry, here)
    sc = paper.scenario
    for number, decision in enumerate(entry.facilitator):
        where = here + ("facilitator", number)
        try:
            if decision.inject is not None:
                session.inject(sc.event_index[decision.inject], decision.reason)
            else:
                changes = {sc.track_index[t]: delta for t, delta in (decision.adjust or {}).items()}
                session.adjust(changes, decision.reason)
        except IllegalMove as err:
            raise _Refused(
                paper.problem(where, f"turn {entry.turn}: {reason_text(sc, err.reason)}")
            ) from None
    for number, note in enumerate(entry.notes):
        try:
            session.note(note)
        except IllegalMove as err:
            raise _Refused(
                paper.problem(here + ("notes", number), f"turn {entry.turn}: {err.reason}")
            ) from None
    orders(paper, session, entry, here)
    session.advance()


def answers(paper: Paper, session: Session, entry: PaperTurn, here: YamlPath) -> None:
    """Each team's answers to the proposals waiting for it; one not written down is a rejection."""
    sc = paper.scenario
    if session.phase != PHASE_ANSWERS:
        if entry.answers:
            role = next(iter(entry.answers))
            message = (
                f"turn {entry.turn}: no proposal is waiting for an answer (nothing was proposed last turn)"
            )
            raise _Refused(paper.problem(here + ("answers", role), message))
        return
    for role_id, given in entry.answers.items():
        role = sc.role_index[role_id]
        waiting = {sc.model.terms[term].id for term, _ in pending_answers(session.state, role)}
        for term_id in given:
            if term_id not in waiting:
                listed = ", ".join(sorted(waiting)) or "none"
                message = (
                    f"turn {entry.turn}: no proposal of {term_id!r} waits for {role_id} (waiting: {listed})"
                )
                raise _Refused(paper.problem(here + ("answers", role_id, term_id), message))
    for role in session.roles_to_answer():
        given = entry.answers.get(sc.role_ids[role], {})
        decided = {sc.term_index[t]: value in (True, "accept") for t, value in given.items()}
        session.submit_answers(role, decided)
    session.advance()


def orders(paper: Paper, session: Session, entry: PaperTurn, here: YamlPath) -> None:
    """Each team's orders as written (none written: the team passed), then the table's dice."""
    sc = paper.scenario
    for role in session.roles_to_order():
        role_id = sc.role_ids[role]
        written = entry.orders.get(role_id, [])
        actions = [order_index(sc, role, order) for order in written]
        try:
            session.submit_orders(role, [a for a in actions if isinstance(a, int)])
        except IllegalMove as err:
            message = f"turn {entry.turn}: the orders of {role_id} are refused: {reason_text(sc, err.reason)}"
            refused = getattr(err.reason, "params", {}).get("action")
            where = here + ("orders", role_id) + ((actions.index(refused),) if refused in actions else ())
            raise _Refused(paper.problem(where, message)) from None
    for action_id, (d1, d2) in entry.dice.items():
        action = sc.actions[sc.action_index[action_id]]
        try:
            session.set_dice(action.role, action.index, d1, d2)
        except IllegalMove as err:
            raise _Refused(
                paper.problem(here + ("dice", action_id), f"turn {entry.turn}: {err.reason}")
            ) from None
