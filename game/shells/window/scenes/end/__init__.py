"""The end screen: the outcome (``outcome``), the record of the game (``record``), both read from
the end's facts (``facts``), in one scene with tabs (``scene``)."""

from game.shells.window.scenes.end.scene import EndScene

__all__ = ["EndScene"]
