"""The ``newslint`` command's entry point.

``newslint --version`` is answered here, before the command-line framework
and the rules (a quarter of a second of imports) are loaded; everything else
goes to :mod:`checker.cli`, after the start-up cache of
:mod:`checker.datacache` is in place.
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
    from checker.datacache import keep_start_up, save_start_up

    # what every start compiles (expressions, data class methods) is compiled
    # once for all runs; not for the server and batch mode, whose processes
    # live long, run threads and start workers of their own
    if sys.argv[1:2] not in (["serve"], ["batch"]):
        keep_start_up()
    try:
        from checker.cli import run as run_cli

        run_cli()
    finally:
        # a command that ended before its rules loaded (a usage error, --help)
        gc.enable()
        # what this run compiled that the kept copies lacked, if it was much
        save_start_up()
