"""Headless batches of games between computer players, and their outcome distribution."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.engine import result
from game.engine.move import ORDERS
from game.scenario.runtime import CompiledScenario
from game.session.pool import run_all
from game.session.runner import play_seats
from game.session.seats import Seat
from game.session.table import Session
from game.story.facts import tell
from game.story.risks import felt_risks


def game_seed(seed: int, index: int) -> int:
    """The seed of game ``index`` in a batch: batches with nearby seeds do not overlap much."""
    return seed * 1_000_003 + index


@dataclass(slots=True)
class Tally:
    """Counts over a batch of games: plain numbers, so a worker process can send them back."""

    games: int = 0
    endings: Counter[str] = field(default_factory=Counter)
    score_sums: list[int] = field(default_factory=list)
    cleared: list[int] = field(default_factory=list)
    track_sums: list[int] = field(default_factory=list)
    turn_sum: int = 0
    common_ground: int = 0
    picks: list[Counter[str]] = field(default_factory=list)  # per role: action id -> times ordered
    felt: Counter[str] = field(default_factory=Counter)  # risk id -> games in which it was felt

    def add(self, session: Session) -> None:
        """Count one finished game: its ending, scores, tracks, every order and the risks felt."""
        state = session.state
        sc = state.scenario
        outcome = result(state)
        if not self.score_sums:
            self.score_sums = [0] * len(sc.roles)
            self.cleared = [0] * len(sc.roles)
            self.track_sums = [0] * len(sc.track_ids)
            self.picks = [Counter() for _ in sc.roles]
        self.games += 1
        self.endings[outcome.ending or ""] += 1
        for i, score in enumerate(outcome.scores):
            self.score_sums[i] += score.score
            self.cleared[i] += int(score.cleared)
        for i, value in enumerate(state.tracks):
            self.track_sums[i] += value
        self.turn_sum += state.turn
        self.common_ground += int(outcome.common_ground)
        for move in session.moves:
            if move.kind == ORDERS:
                for role, given in enumerate(move.orders):
                    self.picks[role].update(sc.actions[a].id for a in given)
        self.felt.update(felt_risks(tell(state, session.moves)))

    def merge(self, other: Tally) -> None:
        if not other.games:
            return
        if not self.games:
            self.score_sums, self.cleared = [0] * len(other.score_sums), [0] * len(other.cleared)
            self.track_sums = [0] * len(other.track_sums)
            self.picks = [Counter() for _ in other.picks]
        self.games += other.games
        self.endings.update(other.endings)
        for mine, theirs in ((self.score_sums, other.score_sums), (self.cleared, other.cleared)):
            for i, value in enumerate(theirs):
                mine[i] += value
        for i, value in enumerate(other.track_sums):
            self.track_sums[i] += value
        self.turn_sum += other.turn_sum
        self.common_ground += other.common_ground
        for mine_picks, theirs_picks in zip(self.picks, other.picks, strict=True):
            mine_picks.update(theirs_picks)
        self.felt.update(other.felt)


@dataclass(slots=True)
class Summary:
    scenario: CompiledScenario
    seed: int = 0
    players: list[str] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)

    @property
    def games(self) -> int:
        return self.tally.games

    def as_json(self) -> dict[str, Any]:
        """Only what the seed decides: two runs with the same seed give the same document,
        whatever the number of worker processes."""
        t, sc = self.tally, self.scenario
        n = max(t.games, 1)
        roles = sc.role_ids
        return {
            "scenario": sc.id,
            "games": t.games,
            "seed": self.seed,
            "players": dict(zip(roles, self.players, strict=True)),
            "endings": {e.id: t.endings.get(e.id, 0) for e in sc.model.endings},
            "scores": {r: round(t.score_sums[i] / n, 2) for i, r in enumerate(roles)},
            "cleared": {r: round(t.cleared[i] / n, 4) for i, r in enumerate(roles)},
            "common_ground": round(t.common_ground / n, 4),
            "tracks": {tr_id: round(t.track_sums[i] / n, 2) for i, tr_id in enumerate(sc.track_ids)},
            "mean_turns": round(t.turn_sum / n, 2),
            "picks": {r: dict(sorted(t.picks[i].items())) for i, r in enumerate(roles)},
            "felt": {risk.id: t.felt.get(risk.id, 0) for risk in sc.model.risks},
        }


CHUNK = 25  # games per task: big enough to pay for sending a tally back


def play_chunk(scenario: CompiledScenario, task: tuple[int, int, int], seats: Sequence[Seat]) -> Tally:
    """Games ``first`` to ``last - 1`` of the batch with ``seed`` (a worker's task)."""
    seed, first, last = task
    tally = Tally()
    for index in range(first, last):
        tally.add(play_seats(scenario, game_seed(seed, index), seats))
    return tally


def simulate(
    scenario: CompiledScenario,
    games: int,
    seed: int,
    seats: Sequence[Seat],
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
) -> Summary:
    """Play ``games`` games on ``workers`` processes; ``progress(n)`` with the number finished."""
    summary = Summary(scenario, seed=seed, players=[str(s) for s in seats])
    tasks = [(seed, first, min(first + CHUNK, games)) for first in range(0, games, CHUNK)]
    for chunk in run_all(scenario, play_chunk, tasks, list(seats), workers):
        summary.tally.merge(chunk)
        if progress is not None:
            progress(summary.games)
    return summary
