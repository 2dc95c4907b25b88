"""The game window (pygame-ce): a thin app over a scene stack; see docs/window.md.

pygame reads these before it is first imported (its greeting) and when the display starts (the
frame buffer): set here, the package's first line, so any module of the window may import
pygame at its top.
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# The window draws in software and flips only when something changed: SDL's default of copying
# the frame through OpenGL loads a GL driver (Mesa's software one on machines without a GPU:
# 126 MB resident for a bare window, against 29 MB without it).
os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
