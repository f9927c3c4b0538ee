"""``newslint serve``: the HTTP API for CMS pre-publish hooks and the page for editors.

Everything here imports Starlette and uvicorn, so the CLI imports it only
when the ``serve`` command runs.
"""

from __future__ import annotations

import os

from checker.server.settings import SETTINGS_ENV, ServeError, Settings

__all__ = ["ServeError", "Settings", "serve"]


def serve(settings: Settings) -> None:
    """Run the server until interrupted; raises :class:`ServeError` on bad settings."""
    import uvicorn

    from checker.server.app import create_app

    settings.validate()
    common = {
        "host": settings.host,
        "port": settings.port,
        "log_level": "info",
        "server_header": False,
        "proxy_headers": False,
        "timeout_keep_alive": 5,
    }
    if settings.workers > 1:
        # each worker process builds its own app from the settings in its environment
        create_app(settings)  # fail here, once, rather than in every worker
        os.environ[SETTINGS_ENV] = settings.to_env()
        uvicorn.run("checker.server.app:app_factory", factory=True, workers=settings.workers, **common)  # type: ignore[arg-type]
    else:
        uvicorn.run(create_app(settings), **common)  # type: ignore[arg-type]
