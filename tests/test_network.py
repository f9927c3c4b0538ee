"""No network at run time: the whole CLI runs over the examples with sockets blocked.

A ``sitecustomize.py`` on ``PYTHONPATH`` replaces every way of opening a
connection or resolving a name before newslint is imported, in the child
process and in any worker process it starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, ROOT

BLOCKER = """\
import socket

def _blocked(*args, **kwargs):
    raise OSError("newslint test: network access is blocked")

socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.socket.sendto = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
socket.gethostbyname = _blocked
"""


def blocked_env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSLINT_", "NO_COLOR", "FORCE_COLOR"))}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def test_the_blocker_blocks(tmp_path: Path) -> None:
    probe = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9))\nexcept OSError as e:\n    print(e)\n"
    out = subprocess.run(
        [sys.executable, "-c", probe], env=blocked_env(tmp_path), capture_output=True, text=True, check=True
    )
    assert "network access is blocked" in out.stdout


def test_cli_over_the_examples_without_network(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--format", "json", "examples/"],
        cwd=ROOT,
        env=blocked_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    assert all("error" not in f for f in report["files"]), report["files"]
    checked = {Path(f["path"]).name.split("#")[0] for f in report["files"]}
    drafts = {p.name for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html"}}
    assert drafts <= checked
    assert "network access is blocked" not in proc.stderr
