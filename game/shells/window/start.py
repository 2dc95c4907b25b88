"""Starting and resuming games from the window: scenarios, seats, seeds, saves.

Every failure (a scenario with errors, an unknown role in ``--roles``, a save that will not
load) becomes a :class:`StartProblem` whose text the window shows in a message box.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.ai import KINDS
from game.errors import ContentError
from game.i18n import text, tr
from game.scenario.load import bundled_scenarios, load_scenario, scenario_path, with_turns
from game.session.limits import seed_problem
from game.session.seats import SeatError, parse_seats
from game.session.table import Session

if TYPE_CHECKING:
    from game.scenario.runtime import CompiledScenario
    from game.session.seats import Seat
    from game.session.table import Session


class StartProblem(Exception):
    """A game could not be started; ``str()`` is for the player."""


@dataclass(slots=True)
class LaunchOptions:
    """What the command line asked for (``commonground play ...``)."""

    scenario: str | None = None
    seed: int | None = None
    roles: str | None = None
    lang: str | None = None
    load: str | None = None


class Library:
    """Scenarios by path, each loaded (and checked) once."""

    def __init__(self) -> None:
        self._loaded: dict[str, CompiledScenario] = {}
        self.extra: list[Path] = []  # scenarios named on the command line

    def paths(self) -> list[Path]:

        found = list(bundled_scenarios())
        for path in self.extra:
            if path.resolve() not in {p.resolve() for p in found}:
                found.append(path)
        return found

    def load(self, name: str | Path | None) -> CompiledScenario:

        path = scenario_path(str(name) if name is not None else None)
        key = str(path.resolve()) if path.exists() else str(path)
        if key in self._loaded:
            return self._loaded[key]
        try:
            scenario = load_scenario(path)
        except ContentError as err:
            lines = [str(problem) for problem in err.problems[:6]]
            more = len(err.problems) - len(lines)
            if more > 0:
                lines.append(tr("ui.problems_more", n=more))
            raise StartProblem(tr("ui.scenario.bad", path=str(path)) + "\n" + "\n".join(lines)) from None
        except (OSError, RecursionError, ValueError) as err:
            raise StartProblem(tr("ui.scenario.bad", path=str(path)) + f"\n{err}") from None
        self._loaded[key] = scenario
        return scenario

    def title_of(self, path: Path) -> str:
        try:
            return text(self.load(path).model.title)
        except StartProblem:
            return path.stem


def new_seed() -> int:
    import secrets

    return secrets.randbelow(1_000_000)


def seat_kinds() -> tuple[str, ...]:
    """'human' and whatever computer players this build has (read at run time)."""

    return ("human", *KINDS)


def parse_roles(scenario: CompiledScenario, spec: str | None, default: str = "human") -> list[Seat]:

    try:
        return parse_seats(spec, scenario, default, seat_kinds())
    except SeatError as err:
        raise StartProblem(tr("ui.roles.bad", error=str(err))) from None


def new_session(
    scenario: CompiledScenario, seats: list[Seat], seed: int | None, turns: int | None = None
) -> Session:

    problem = None if seed is None else seed_problem(seed)
    if problem is not None:  # every autosave of the game would fail
        raise StartProblem(f"--seed: {problem}")
    try:
        return Session.new(with_turns(scenario, turns), new_seed() if seed is None else seed, seats)
    except ValueError as err:  # e.g. an unknown persona for a computer player
        raise StartProblem(str(err)) from None
