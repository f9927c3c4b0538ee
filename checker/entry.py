"""The ``newslint`` command's entry point.

``newslint --version`` is answered here, before the command-line framework
and its dependencies (a third of a second of imports) are loaded; everything
else goes to :mod:`checker.cli`.
"""

from __future__ import annotations

import sys


def run() -> None:
    """Console-script entry point."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        from checker import __version__

        sys.stdout.write(f"newslint {__version__}\n")
        return
    from checker.cli import run as run_cli

    run_cli()
