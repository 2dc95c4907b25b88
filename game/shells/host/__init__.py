"""``commonground host``: the seminar over the room's network, one browser page per team.

``room`` shares one Session between every device behind one lock; ``messages`` checks what a
device sends; ``teamview``/``boardview``/``viewparts`` build each seat's view from the engine's
redacted state; ``render`` lays it out through the templates; ``sockets`` and ``server`` are the
Starlette app; ``command`` is the command; ``window`` the projector and facilitator's console.
"""

import os

# The window shares the process: pygame's greeting would fall among the printed join addresses.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
