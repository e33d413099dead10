"""``python -m homestart_desktop`` and the ``homestart`` command: see :mod:`homestart_desktop.cli`."""

from __future__ import annotations

import sys


def main() -> None:
    """The console script: run the command line and exit with its code."""
    from homestart_desktop.cli import main as cli_main

    sys.exit(cli_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
