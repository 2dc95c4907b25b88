"""The play screen, one module per part: the frame (``scene``) and a pane per mode.

``orders`` (with ``details``, the card in focus), ``answers`` and ``public`` each fill the main
panel; ``news`` gathers the news column. The scene is imported from here.
"""

from game.shells.window.scenes.play.scene import PlayScene

__all__ = ["PlayScene"]
