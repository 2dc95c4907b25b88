"""Small, dumb widgets and the focus logic that makes every one of them keyboard-reachable.

A widget knows its rectangle, how to draw itself and what to do when activated; it holds no
game rules. A :class:`Form` owns a scene's widgets: Tab / Shift+Tab walk them in order, the
arrow keys move to the nearest widget in that direction, Enter or Space activates, the mouse
hovers and clicks, the wheel scrolls. Scenes read events (never polled mouse state), so posted
events in tests behave like real ones.

One module per family: ``base`` (the widget), ``buttons``, ``fields`` (a choice, a text box),
``scroll`` (a scroll area) and ``focus`` (the form). Scenes import them from here.
"""

from game.shells.window.widgets.base import Widget
from game.shells.window.widgets.buttons import Button, row_of_buttons
from game.shells.window.widgets.fields import Choice, TextField
from game.shells.window.widgets.focus import ACTIVATE_KEYS, Form
from game.shells.window.widgets.scroll import ScrollArea

__all__ = ["ACTIVATE_KEYS", "Button", "Choice", "Form", "ScrollArea", "TextField", "Widget", "row_of_buttons"]
