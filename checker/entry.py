"""The ``newslint`` command's entry point.

``newslint --version`` is answered here, before the command-line framework
and the rules (a quarter of a second of imports) are loaded; everything else
goes to :mod:`checker.cli`, after the start-up cache of
:mod:`checker.datacache` is in place.
"""

from __future__ import annotations

import gc
import os
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
        status: object = 0
    except SystemExit as done:
        status = done.code
    finally:
        # a command that ended before its rules loaded (a usage error, --help)
        gc.enable()
        # what this run compiled that the kept copies lacked, if it was much
        save_start_up()
    if sys.argv[1:2] == ["check"]:
        _leave(status)
    raise SystemExit(status)


def _leave(status: object) -> None:
    """End a check at once, as ``sys.exit(status)`` would but without taking
    the interpreter down object by object (a few milliseconds of every
    single-file check): its report is written and flushed, its files closed,
    and it leaves nothing running that an exit handler would finish."""
    if status is None:
        code = 0
    elif isinstance(status, int):
        code = status
    else:  # a message, as sys.exit prints it
        sys.stderr.write(f"{status}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe ("newslint check ... | head"), a closed stream
            pass
    os._exit(code)
