"""``python -m hipcore``: see ``hipcore.cli``."""

import sys

from hipcore.cli import main

__all__: list[str] = []

sys.exit(main())
