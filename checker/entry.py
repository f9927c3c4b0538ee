"""The ``newslint`` command's entry point.

``newslint --version`` is answered here, before the command-line framework
and the rules (a quarter of a second of imports) are loaded; everything else
goes to :mod:`checker.cli`.
"""

from __future__ import annotations

import gc
import sys


def run() -> None:
    """Console-script entry point."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        from checker import __version__

        sys.stdout.write(f"newslint {__version__}\n")
        return
    # no garbage collections while the command line, the rules and their data
    # load: they would find little to free (checker.cli._started restarts them)
    gc.disable()
    try:
        from checker.cli import run as run_cli

        run_cli()
    finally:
        # a command that ended before its rules loaded (a usage error, --help)
        gc.enable()
