"""The ASGI application: the JSON API, its OpenAPI description, and the page."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from checker import __version__
from checker.config import Config, ConfigError, resolve_config
from checker.docs import rule_sections
from checker.packs import PackError
from checker.server import payload
from checker.server.errors import STATUS_CODES, ApiError, error_response
from checker.server.middleware import BodyLimit, SecurityHeaders, TokenAuth
from checker.server.openapi import openapi_document
from checker.server.service import CheckService
from checker.server.settings import ServeError, Settings

log = logging.getLogger("newslint.server")

STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
STATIC_FILES = ("index.html", "app.js", "app.css", "icon.svg")


def load_config(settings: Settings) -> Config:
    try:
        return resolve_config(["."], settings.config_path, settings.no_config)
    except ConfigError as err:
        raise ServeError(str(err)) from None


def _static_assets() -> dict[str, tuple[bytes, str]]:
    folder = resources.files("checker.server") / "static"
    out = {}
    for name in STATIC_FILES:
        suffix = name[name.rfind(".") :]
        out[name] = ((folder / name).read_bytes(), STATIC_TYPES[suffix])
    return out


def create_app(settings: Settings | None = None, config: Config | None = None) -> Starlette:
    """The application; raises :class:`ServeError` when the rules or configuration do not load."""
    settings = settings or Settings()
    try:
        service = CheckService(settings, config if config is not None else load_config(settings))
    except (ConfigError, PackError) as err:
        raise ServeError(str(err)) from None
    assets = _static_assets()
    rules_index = {spec.id: spec for spec in service.engine.specs}
    spec_document = openapi_document(__version__)

    async def page(request: Request) -> Response:
        body, media = assets["index.html"]
        return Response(body, media_type=media)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in assets or name == "index.html":
            raise HTTPException(404, f"no static file {name!r}")
        body, media = assets[name]
        return Response(body, media_type=media, headers={"cache-control": "no-cache"})

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse(
            {"status": "ok", "version": __version__, "rules": len(service.engine.rules), "formats": service.formats}
        )

    async def openapi(request: Request) -> JSONResponse:
        return JSONResponse(spec_document)

    async def list_rules(request: Request) -> JSONResponse:
        return JSONResponse({"rules": [_rule_entry(service, spec) for spec in service.engine.specs]})

    async def explain_rule(request: Request) -> JSONResponse:
        spec = rules_index.get(request.path_params["rule_id"])
        if spec is None:
            raise ApiError(404, "unknown-rule", "no rule with that id; GET /v1/rules lists them")
        from checker.docs import rule_doc

        entry = _rule_entry(service, spec)
        entry["doc"] = rule_sections(spec)
        entry["text"] = rule_doc(spec)
        return JSONResponse(entry)

    async def check(request: Request) -> JSONResponse:
        try:
            async with asyncio.timeout(settings.timeout):
                media = request.headers.get("content-type", "").split(";")[0].strip().lower()
                if media == "application/json":
                    parsed = await payload.from_json(request)
                elif media == "multipart/form-data":
                    parsed = await payload.from_multipart(request, settings.max_request_bytes)
                else:
                    raise ApiError(
                        415,
                        "unsupported-media-type",
                        "send application/json or multipart/form-data with a 'file' field",
                    )
                body = await service.check(parsed)
        except TimeoutError:
            raise ApiError(
                503, "time-budget-exceeded", f"the check took longer than {settings.timeout:g} s", {"Retry-After": "1"}
            ) from None
        return JSONResponse(body)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # rules load some data on first use; pay for it before the first caller does
        await asyncio.get_running_loop().run_in_executor(None, service.warm_up)
        yield
        service.close()

    app = Starlette(
        routes=[
            Route("/", page, methods=["GET"]),
            Route("/static/{name}", static, methods=["GET"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/openapi.json", openapi, methods=["GET"]),
            Route("/v1/rules", list_rules, methods=["GET"]),
            Route("/v1/rules/{rule_id}", explain_rule, methods=["GET"]),
            Route("/v1/check", check, methods=["POST"]),
        ],
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TokenAuth, token=settings.token),
            Middleware(BodyLimit, limit=settings.max_request_bytes),
        ],
        exception_handlers={HTTPException: _http_error, ApiError: _api_error, Exception: _internal_error},
        lifespan=lifespan,
    )
    app.state.service = service
    return app


def app_factory() -> Starlette:
    """What each uvicorn worker process imports when ``--workers`` is over 1."""
    return create_app(Settings.from_env())


def _rule_entry(service: CheckService, spec: Any) -> dict[str, Any]:
    severity = service.config.severity.get(spec.id, spec.severity)
    return {
        "id": spec.id,
        "kind": spec.kind,
        "severity": str(severity),
        "enabled": spec.id in service.engine.enabled_ids,
        "summary": spec.summary,
    }


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = STATUS_CODES.get(exc.status_code, "error")
    return error_response(exc.status_code, code, str(exc.detail), dict(exc.headers or {}))


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.headers)


async def _internal_error(request: Request, exc: Exception) -> Response:
    # the trace goes to the server's log, never to the caller
    log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal-error", "the server failed on this request; it has been logged")
