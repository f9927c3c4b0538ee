"""ASGI middleware: the API token, the request-size limit and response headers.

They are plain ASGI callables rather than Starlette's ``BaseHTTPMiddleware``,
which would buffer bodies and cost a task per request.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterable
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from checker.server.errors import error_body

TOKEN_COOKIE = "newslint_token"

# the page loads nothing from elsewhere, and nothing may frame it
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


async def send_json_error(
    send: Send, status: int, code: str, message: str, extra: Iterable[tuple[bytes, bytes]] = ()
) -> None:
    body = json.dumps(error_body(status, code, message), separators=(",", ":")).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *extra]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value)
    return None


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(h for h in SECURITY_HEADERS if h[0] not in present),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse bodies over ``limit`` bytes: at once when Content-Length says so,
    else as soon as the streamed body passes it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await send_json_error(send, 400, "bad-request", "Content-Length is not a number")
                return
            if int(declared) > self.limit:
                await send_json_error(send, 413, "request-too-large", self._message())
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    # raised inside the endpoint, so the JSON error handler answers it
                    raise HTTPException(413, self._message())
            return message

        await self.app(scope, limited, send)

    def _message(self) -> str:
        return f"the request body is over the limit of {self.limit:,} bytes"


class TokenAuth:
    """Every request must carry the token: ``Authorization: Bearer TOKEN``, or
    the cookie the page gets from one visit to ``/?token=TOKEN``."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token.encode() if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.token is None:
            await self.app(scope, receive, send)
            return
        if scope["path"] == "/" and scope["method"] == "GET":
            given = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token")
            if given:
                if self._valid(given[0].encode()):
                    await self._set_cookie(send, given[0])
                else:
                    await self._refuse(send)
                return
        if self._valid(self._presented(scope)):
            await self.app(scope, receive, send)
            return
        await self._refuse(send)

    def _presented(self, scope: Scope) -> bytes | None:
        auth = _header(scope, b"authorization")
        if auth and auth[:7].lower() == b"bearer ":
            return auth[7:].strip()
        cookie = _header(scope, b"cookie")
        if cookie:
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(cookie.decode("latin-1"))
            except Exception:  # a malformed cookie header is simply no token
                return None
            morsel = jar.get(TOKEN_COOKIE)
            if morsel is not None:
                return morsel.value.encode("latin-1", "replace")
        return None

    def _valid(self, presented: bytes | None) -> bool:
        assert self.token is not None
        return presented is not None and hmac.compare_digest(presented, self.token)

    async def _set_cookie(self, send: Send, token: str) -> None:
        cookie = f"{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [(b"location", b"/"), (b"set-cookie", cookie.encode("latin-1")), (b"content-length", b"0")],
            }
        )
        await send({"type": "http.response.body", "body": b""})

    async def _refuse(self, send: Send) -> None:
        await send_json_error(
            send,
            401,
            "unauthorized",
            "this server needs its API token: send 'Authorization: Bearer TOKEN', or open /?token=TOKEN in a browser",
            [(b"www-authenticate", b'Bearer realm="newslint"')],
        )
