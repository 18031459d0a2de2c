"""`python -m desktop` and the `onewindow` command start here."""

from __future__ import annotations

import sys

from desktop.bootstrap import main

if __name__ == "__main__":
    sys.exit(main())
