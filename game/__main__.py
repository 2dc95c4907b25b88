"""``python -m game`` is the same as ``commonground``."""

import sys

from game.shells.cli import main

sys.exit(main())
