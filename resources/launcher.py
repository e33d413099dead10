"""What both bundled programs run: ``homestart`` (windowed) and ``homestart-cli`` (console).

A windowed program on Windows has no stdout/stderr at all; printing (``--version``, a refusal)
would crash it, so those go nowhere there and the console program is the one for commands.
"""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115

from homestart_desktop.cli import main  # noqa: E402

sys.exit(main(sys.argv[1:]))
