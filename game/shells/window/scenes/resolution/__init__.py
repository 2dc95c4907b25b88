"""The resolution screen: the turn's story revealed step by step (``scene``), built from the
facts of the turn (``steps``) and drawn by ``draw``."""

from game.shells.window.scenes.resolution.scene import ResolutionScene
from game.shells.window.scenes.resolution.steps import Step, build_steps

__all__ = ["ResolutionScene", "Step", "build_steps"]
