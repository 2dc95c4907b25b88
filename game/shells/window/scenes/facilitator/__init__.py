"""The facilitator's panel, one module per part: the frame (``scene``, ``frame``) and a section each.

``inject`` (from the deck), ``custom`` (a written inject), ``adjudicate``, ``dice`` (the
table's dice), ``timer`` and ``undo`` each lay out and run one tab of the panel; ``section``
is what they share. The scene and F9's toggle are imported from here.
"""

from game.shells.window.scenes.facilitator.scene import FacilitatorScene, toggle_panel

__all__ = ["FacilitatorScene", "toggle_panel"]
