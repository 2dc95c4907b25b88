"""Headless batches of games between computer players, and their outcome distribution."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.engine import result
from game.scenario.runtime import CompiledScenario
from game.session.runner import play_seats
from game.session.seats import Seat


def game_seed(seed: int, index: int) -> int:
    """The seed of game ``index`` in a batch: batches with nearby seeds do not overlap much."""
    return seed * 1_000_003 + index


@dataclass(slots=True)
class Summary:
    scenario: CompiledScenario
    games: int = 0
    seed: int = 0
    players: list[str] = field(default_factory=list)
    endings: Counter[str] = field(default_factory=Counter)
    score_sums: list[int] = field(default_factory=list)
    cleared: list[int] = field(default_factory=list)
    track_sums: list[int] = field(default_factory=list)
    turn_sum: int = 0
    common_ground: int = 0

    def add(
        self,
        final_tracks: Sequence[int],
        ending: str,
        scores: Sequence[int],
        cleared: Sequence[bool],
        turns: int,
    ) -> None:
        if not self.score_sums:
            self.score_sums = [0] * len(scores)
            self.cleared = [0] * len(scores)
            self.track_sums = [0] * len(final_tracks)
        self.games += 1
        self.endings[ending] += 1
        for i, value in enumerate(scores):
            self.score_sums[i] += value
            self.cleared[i] += int(cleared[i])
        for i, value in enumerate(final_tracks):
            self.track_sums[i] += value
        self.turn_sum += turns
        self.common_ground += int(all(cleared))

    def as_json(self) -> dict[str, Any]:
        """Only what the seed decides: two runs with the same seed give the same document."""
        n = max(self.games, 1)
        ending_ids = [e.id for e in self.scenario.model.endings]
        return {
            "scenario": self.scenario.id,
            "games": self.games,
            "seed": self.seed,
            "players": dict(zip(self.scenario.role_ids, self.players, strict=True)),
            "endings": {e: self.endings.get(e, 0) for e in ending_ids},
            "scores": {r: round(self.score_sums[i] / n, 2) for i, r in enumerate(self.scenario.role_ids)},
            "cleared": {r: round(self.cleared[i] / n, 4) for i, r in enumerate(self.scenario.role_ids)},
            "common_ground": round(self.common_ground / n, 4),
            "tracks": {t: round(self.track_sums[i] / n, 2) for i, t in enumerate(self.scenario.track_ids)},
            "mean_turns": round(self.turn_sum / n, 2),
        }


def simulate(
    scenario: CompiledScenario,
    games: int,
    seed: int,
    seats: Sequence[Seat],
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Play ``games`` games; ``progress(n)`` is called with the number finished so far."""
    summary = Summary(scenario, seed=seed, players=[str(s) for s in seats])
    for index in range(games):
        state = play_seats(scenario, game_seed(seed, index), seats).state
        outcome = result(state)
        summary.add(
            state.tracks,
            outcome.ending or "",
            [s.score for s in outcome.scores],
            [s.cleared for s in outcome.scores],
            state.turn,
        )
        if progress is not None:
            progress(index + 1)
    return summary
