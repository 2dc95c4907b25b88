"""``python -m game`` is the same as ``commonground``."""

import sys

from game.cli import main

sys.exit(main())
