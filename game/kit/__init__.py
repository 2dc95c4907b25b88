"""The seminar kit: a printable tabletop edition, a paper game typed back in, and exports.

``build_kit(scenario, lang)`` makes the tabletop edition of a scenario as a PDF (cards, board,
role sheets, forms) from the same YAML the game plays; ``game.kit.paper`` reads a paper game's
record back into an ordinary save; ``game.kit.export`` gives a saved game as rows for a
spreadsheet. This package sits beside the report: it reads the scenario, the engine's facts
(``game.story``) and the table (``game.session``), and nothing of the shells.
"""

from __future__ import annotations

from game.kit.build import PAPERS, build_kit, write_kit
from game.kit.layout import KitError

__all__ = ["PAPERS", "KitError", "build_kit", "write_kit"]
