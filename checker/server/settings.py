"""What ``newslint serve`` is told on the command line, and the checks made
before it binds a socket."""

from __future__ import annotations

import ipaddress
import json
import os
import re
from dataclasses import asdict, dataclass

# carries the settings to worker processes, which uvicorn starts by import string
SETTINGS_ENV = "NEWSLINT_SERVE_SETTINGS"
# what fits in a header and a cookie unquoted
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9._~+/=-]+")

DEFAULT_MAX_REQUEST_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_CONCURRENCY = 4
DEFAULT_MAX_QUEUE = 256


class ServeError(ValueError):
    """A setting that stops the server from starting."""


@dataclass(frozen=True, slots=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    config_path: str | None = None
    no_config: bool = False
    # a request body larger than this is refused with 413 before it is read
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    # seconds a request may take, reading its body included
    timeout: float = DEFAULT_TIMEOUT
    # checks running at once in each process
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY
    # requests allowed to wait for a free slot; more are refused with 503
    max_queue: int = DEFAULT_MAX_QUEUE
    workers: int = 1

    def validate(self) -> None:
        if not 0 <= self.port <= 65535:
            raise ServeError(f"port {self.port} is out of range")
        if self.max_request_bytes < 1024:
            raise ServeError("--max-request-bytes must be at least 1024")
        if self.timeout <= 0:
            raise ServeError("--timeout must be a positive number of seconds")
        if self.max_concurrency < 1 or self.max_queue < 0 or self.workers < 1:
            raise ServeError("--max-concurrency and --workers must be at least 1, --max-queue at least 0")
        if self.token is not None and (len(self.token) < 16 or not _TOKEN_CHARS.fullmatch(self.token)):
            raise ServeError("the API token must be at least 16 characters: letters, digits and -._~+/=")
        if not is_loopback(self.host) and not self.token:
            raise ServeError(
                f"binding to {self.host} exposes the server beyond this machine: "
                "set an API token with --token or NEWSLINT_TOKEN"
            )

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> Settings:
        raw = os.environ.get(SETTINGS_ENV)
        return cls(**json.loads(raw)) if raw else cls()


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine."""
    if host.lower() in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere
