"""Objective scores and the result of a finished (or running) game."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.state import State


@dataclass(frozen=True, slots=True)
class RoleScore:
    role: str
    score: int  # weighted mean of the objectives, 0-100
    objectives: tuple[int, ...]  # each objective's measure, 0-100
    threshold: int

    @property
    def cleared(self) -> bool:
        return self.score >= self.threshold


@dataclass(frozen=True, slots=True)
class Result:
    ending: str | None  # None while the game is still running
    turn: int
    scores: tuple[RoleScore, ...]

    @property
    def common_ground(self) -> bool:
        """The shared result: every role cleared its own threshold."""
        return all(score.cleared for score in self.scores)

    def score_of(self, role: str) -> int:
        return next(s.score for s in self.scores if s.role == role)


def role_score(s: State, role: int) -> RoleScore:
    compiled = s.scenario.roles[role]
    measures = tuple(min(max(int(measure(s)), 0), 100) for measure, _ in compiled.objectives)
    total_weight = sum(weight for _, weight in compiled.objectives)
    weighted = sum(value * weight for value, (_, weight) in zip(measures, compiled.objectives, strict=True))
    return RoleScore(compiled.id, round(weighted / total_weight), measures, compiled.threshold)


def result(s: State) -> Result:
    ending = s.scenario.model.endings[s.ending].id if s.ending >= 0 else None
    return Result(ending, s.turn, tuple(role_score(s, r) for r in range(len(s.scenario.roles))))
