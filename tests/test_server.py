"""The HTTP API of ``newslint serve``, called in-process through httpx."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import re
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from typer.testing import CliRunner

from checker.cli import app as cli_app
from checker.config import Config
from checker.server.app import create_app
from checker.server.settings import ServeError, Settings, is_loopback

SEED = ROOT / "examples" / "kabul-police-attacks.txt"  # the seed article, kept among the examples
STATIC = ROOT / "checker" / "server" / "static"
TOKEN = "s3cret-token-for-tests-0123"

DRAFT = """Storm closes coastal road

The council said the road would reopen on Friday.

Advertisement

Crews were clearing fallen trees on Tuesday.
"""


def call(app: Starlette, method: str, url: str, **kwargs: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await client.request(method, url, **kwargs)

    return asyncio.run(go())


@pytest.fixture(scope="module")
def app() -> Starlette:
    return create_app(Settings(), Config())


def error_of(response: httpx.Response) -> dict[str, Any]:
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == response.status_code
    assert "Traceback" not in response.text
    return body["error"]  # type: ignore[no-any-return]


# -- reading --------------------------------------------------------------------


def test_healthz_lists_the_formats(app: Starlette) -> None:
    response = call(app, "GET", "/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert "text" in body["formats"]


def test_rules_and_explain(app: Starlette) -> None:
    rules = call(app, "GET", "/v1/rules").json()["rules"]
    ids = [r["id"] for r in rules]
    assert "boilerplate" in ids
    entry = next(r for r in rules if r["id"] == "boilerplate")
    assert entry["enabled"] is True and entry["severity"] == "warning"
    explained = call(app, "GET", "/v1/rules/boilerplate").json()
    assert explained["text"].startswith("boilerplate (boilerplate, warning)")
    assert "What it flags" in explained["text"]
    assert explained["doc"]["what"]
    missing = call(app, "GET", "/v1/rules/no-such-rule")
    assert missing.status_code == 404
    assert error_of(missing)["code"] == "unknown-rule"


def test_openapi_documents_every_route(app: Starlette) -> None:
    spec = call(app, "GET", "/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    documented = {path for path in spec["paths"]}
    routes = {getattr(r, "path", "") for r in app.routes} - {"/static/{name}"}
    assert routes == documented
    # every reference resolves
    text = json.dumps(spec)
    for ref in re.findall(r'"#/components/schemas/([A-Za-z]+)"', text):
        assert ref in spec["components"]["schemas"]


# -- checking -------------------------------------------------------------------


def test_check_text_follows_the_json_contract(app: Starlette) -> None:
    response = call(app, "POST", "/v1/check", json={"text": DRAFT, "format": "text", "filename": "storm.txt"})
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 1
    assert len(body["files"]) == 1
    entry = body["files"][0]
    assert entry["path"] == "storm.txt"
    boiler = [f for f in entry["findings"] if f["rule"] == "boilerplate"]
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in boiler] == [(5, 1, 5, 14)]
    assert boiler[0]["excerpt"] == "Advertisement"
    assert body["summary"]["files"] == 1
    assert body["summary"]["findings"] == len(entry["findings"])
    assert "source" not in entry


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is missing from examples")
def test_check_the_seed_article(app: Starlette) -> None:
    body = call(app, "POST", "/v1/check", json={"text": SEED.read_text(encoding="utf-8")}).json()
    lines = {f["line"] for f in body["files"][0]["findings"] if f["rule"] == "boilerplate"}
    assert lines == {5, 35}


def test_rule_selection_and_config_overrides(app: Starlette) -> None:
    only = call(app, "POST", "/v1/check", json={"text": DRAFT, "rules": ["boilerplate"]}).json()
    assert {f["rule"] for f in only["files"][0]["findings"]} == {"boilerplate"}
    ignored = call(app, "POST", "/v1/check", json={"text": DRAFT, "config": {"ignore": ["boilerplate"]}}).json()
    assert all(f["rule"] != "boilerplate" for f in ignored["files"][0]["findings"])
    raised = call(
        app,
        "POST",
        "/v1/check",
        json={"text": DRAFT, "rules": ["boilerplate"], "config": {"severity": {"boilerplate": "error"}}},
    ).json()
    assert [f["severity"] for f in raised["files"][0]["findings"]] == ["error"]
    assert raised["summary"]["errors"] == 1
    # the server's own defaults are untouched by an earlier request's overrides
    again = call(app, "POST", "/v1/check", json={"text": DRAFT, "rules": ["boilerplate"]}).json()
    assert [f["severity"] for f in again["files"][0]["findings"]] == ["warning"]


def test_include_source_echoes_the_text(app: Starlette) -> None:
    body = call(app, "POST", "/v1/check", json={"text": DRAFT, "include_source": True}).json()
    assert body["files"][0]["source"] == DRAFT


def test_multipart_upload(app: Starlette) -> None:
    files = {"file": ("storm.txt", DRAFT.encode("utf-8"), "text/plain")}
    response = call(app, "POST", "/v1/check", files=files, data={"rules": "boilerplate"})
    assert response.status_code == 200
    entry = response.json()["files"][0]
    assert entry["path"] == "storm.txt"
    assert [f["line"] for f in entry["findings"]] == [5]


def test_multipart_upload_keeps_only_the_file_name(app: Starlette) -> None:
    files = {"file": ("../../etc/storm.txt", DRAFT.encode("utf-8"), "text/plain")}
    entry = call(app, "POST", "/v1/check", files=files).json()["files"][0]
    assert entry["path"] == "storm.txt"


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import docx  # python-docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_as_base64_and_upload(app: Starlette) -> None:
    if "docx" not in call(app, "GET", "/healthz").json()["formats"]:
        pytest.skip("the .docx reader is not installed yet")
    data = _docx_bytes(["Storm closes coastal road", "The council said it would reopen.", "Advertisement"])
    body = call(app, "POST", "/v1/check", json={"docx": base64.b64encode(data).decode(), "include_source": True}).json()
    entry = body["files"][0]
    assert entry["path"] == "draft.docx"
    assert [f["line"] for f in entry["findings"] if f["rule"] == "boilerplate"] == [3]
    assert "Advertisement" in entry["source"]
    upload = call(app, "POST", "/v1/check", files={"file": ("story.docx", data, "application/octet-stream")})
    assert upload.status_code == 200
    assert [f["line"] for f in upload.json()["files"][0]["findings"] if f["rule"] == "boilerplate"] == [3]


# -- refusing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"content": b"{", "headers": {"content-type": "application/json"}}, 400, "invalid-json"),
        ({"content": b"[1]", "headers": {"content-type": "application/json"}}, 422, "invalid-request"),
        ({"json": {"text": 3}}, 422, "invalid-request"),
        ({"json": {"text": "a", "docx": "b"}}, 422, "invalid-request"),
        ({"json": {}}, 422, "invalid-request"),
        ({"json": {"text": "a", "colour": "red"}}, 422, "invalid-request"),
        ({"json": {"text": "a", "format": "pdf"}}, 422, "invalid-request"),
        ({"json": {"text": "a", "format": "docx"}}, 422, "invalid-request"),
        ({"json": {"docx": "not base64!"}}, 422, "invalid-request"),
        ({"json": {"text": "a", "rules": "boilerplate"}}, 200, None),
        ({"json": {"text": "a", "rules": []}}, 422, "invalid-request"),
        ({"json": {"text": "a", "rules": ["no-such-rule"]}}, 422, "unknown-rule"),
        ({"json": {"text": "a", "config": []}}, 422, "invalid-request"),
        ({"json": {"text": "a", "config": {"rule-packs": ["/etc"]}}}, 422, "invalid-config"),
        ({"json": {"text": "a", "config": {"grammar": {"server": "http://example.org"}}}}, 422, "invalid-config"),
        ({"json": {"text": "a", "config": {"ignore": "boilerplate"}}}, 422, "invalid-config"),
        ({"json": {"text": "a", "config": {"severity": {"boilerplate": "loud"}}}}, 422, "invalid-config"),
        ({"json": {"text": "a", "config": {"severity": {"no-such-rule": "error"}}}}, 422, "invalid-config"),
        ({"json": {"text": "a", "config": {"rules": {"boilerplate": {"no_such_param": 1}}}}}, 422, "invalid-config"),
        ({"json": {"text": "a\x00b"}}, 422, "unreadable-input"),
        ({"json": {"text": "a", "include_source": "maybe"}}, 422, "invalid-request"),
        ({"content": b"text=a", "headers": {"content-type": "text/plain"}}, 415, "unsupported-media-type"),
        ({"content": b"--x\r\nbroken", "headers": {"content-type": "multipart/form-data; boundary=x"}}, 422, None),
        ({"data": {"text": "a"}, "files": {"other": ("a.txt", b"a")}}, 422, "invalid-request"),
        ({"files": {"file": ("a.png", b"\x89PNG\r\n\x1a\n....")}}, 422, "unreadable-input"),
    ],
)
def test_malformed_requests_get_a_4xx_json_error(
    app: Starlette, kwargs: dict[str, Any], status: int, code: str | None
) -> None:
    response = call(app, "POST", "/v1/check", **kwargs)
    if status == 200:
        assert response.status_code == 200
        return
    assert 400 <= response.status_code < 500
    if status != 422 or code is not None:
        assert response.status_code == status
    error = error_of(response)
    if code is not None:
        assert error["code"] == code


def test_unknown_paths_and_methods_get_json(app: Starlette) -> None:
    assert error_of(call(app, "GET", "/v2/nothing"))["code"] == "not-found"
    assert error_of(call(app, "GET", "/v1/check"))["code"] == "method-not-allowed"
    assert error_of(call(app, "GET", "/static/../../pyproject.toml"))["status"] == 404


def test_request_size_limit() -> None:
    small = create_app(Settings(max_request_bytes=2048), Config())
    declared = call(small, "POST", "/v1/check", json={"text": "x" * 4096})
    assert declared.status_code == 413
    assert error_of(declared)["code"] == "request-too-large"

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"text": "'
        for _ in range(8):
            yield b"x" * 1024
        yield b'"}'

    streamed = call(small, "POST", "/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    assert error_of(streamed)["code"] == "request-too-large"
    upload = call(small, "POST", "/v1/check", files={"file": ("big.txt", b"x" * 4096)})
    assert upload.status_code == 413


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.one_of(
        st.binary(max_size=300),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=40),
            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
            max_leaves=12,
        ).map(lambda v: json.dumps(v).encode()),
        st.fixed_dictionaries(
            {"text": st.text(max_size=200)},
            optional={
                "format": st.sampled_from(["text", "markdown", "html", "docx", "x"]),
                "rules": st.lists(st.sampled_from(["boilerplate", "nope", ""]), max_size=3),
                "config": st.dictionaries(st.sampled_from(["ignore", "select", "severity", "rules"]), st.just([])),
            },
        ).map(lambda v: json.dumps(v).encode()),
    ),
    media=st.sampled_from(["application/json", "multipart/form-data; boundary=b", "text/plain", ""]),
)
def test_odd_requests_never_fail_the_server(app: Starlette, body: bytes, media: str) -> None:
    response = call(app, "POST", "/v1/check", content=body, headers={"content-type": media})
    assert response.status_code < 500, response.text
    if response.status_code != 200:
        error_of(response)


# -- limits ---------------------------------------------------------------------


def test_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    slow = create_app(Settings(timeout=0.05), Config())
    service = slow.state.service
    release = threading.Event()
    original = service._run

    def stalled(request: Any) -> dict[str, Any]:
        release.wait(5)
        return original(request)  # type: ignore[no-any-return]

    monkeypatch.setattr(service, "_run", stalled)
    try:
        response = call(slow, "POST", "/v1/check", json={"text": DRAFT})
    finally:
        release.set()
    assert response.status_code == 503
    assert error_of(response)["code"] == "time-budget-exceeded"
    assert response.headers["retry-after"] == "1"


def test_bounded_concurrency(monkeypatch: pytest.MonkeyPatch) -> None:
    tight = create_app(Settings(max_concurrency=1, max_queue=0), Config())
    service = tight.state.service
    started, release = threading.Event(), threading.Event()
    original = service._run

    def held(request: Any) -> dict[str, Any]:
        started.set()
        release.wait(5)
        return original(request)  # type: ignore[no-any-return]

    monkeypatch.setattr(service, "_run", held)

    async def go() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=tight)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            first = asyncio.create_task(client.post("/v1/check", json={"text": DRAFT}))
            while not started.is_set():
                await asyncio.sleep(0.005)
            second = await client.post("/v1/check", json={"text": DRAFT})
            release.set()
            return await first, second

    try:
        first, second = asyncio.run(go())
    finally:
        release.set()
    assert first.status_code == 200
    assert second.status_code == 503
    assert error_of(second)["code"] == "busy"
    # the slot is free again once the first check is done
    deadline = time.monotonic() + 5
    while service._admitted and time.monotonic() < deadline:
        time.sleep(0.01)
    assert call(tight, "POST", "/v1/check", json={"text": DRAFT}).status_code == 200


# -- the token ------------------------------------------------------------------


@pytest.fixture(scope="module")
def guarded() -> Starlette:
    return create_app(Settings(host="0.0.0.0", token=TOKEN), Config())


def test_token_is_checked_on_every_request(guarded: Starlette) -> None:
    for method, url in [("GET", "/healthz"), ("GET", "/v1/rules"), ("GET", "/"), ("GET", "/openapi.json")]:
        refused = call(guarded, method, url)
        assert refused.status_code == 401, url
        assert error_of(refused)["code"] == "unauthorized"
    assert call(guarded, "POST", "/v1/check", json={"text": DRAFT}).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token-at-all"}
    assert call(guarded, "POST", "/v1/check", json={"text": DRAFT}, headers=wrong).status_code == 401
    right = {"Authorization": f"Bearer {TOKEN}"}
    assert call(guarded, "POST", "/v1/check", json={"text": DRAFT}, headers=right).status_code == 200


def test_token_in_the_page_address_sets_a_cookie(guarded: Starlette) -> None:
    visit = call(guarded, "GET", f"/?token={TOKEN}")
    assert visit.status_code == 303
    assert visit.headers["location"] == "/"
    cookie = visit.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert call(guarded, "GET", "/?token=wrong-token-wrong-token").status_code == 401
    with_cookie = {"Cookie": f"newslint_token={TOKEN}"}
    assert call(guarded, "GET", "/", headers=with_cookie).status_code == 200
    assert call(guarded, "POST", "/v1/check", json={"text": DRAFT}, headers=with_cookie).status_code == 200


def test_settings_refuse_an_exposed_server_without_a_token() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("[::1]") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")
    Settings().validate()
    Settings(host="0.0.0.0", token=TOKEN).validate()
    with pytest.raises(ServeError, match="token"):
        Settings(host="0.0.0.0").validate()
    with pytest.raises(ServeError, match="16 characters"):
        Settings(token="short").validate()
    with pytest.raises(ServeError):
        Settings(token="has spaces in the token value").validate()


def test_cli_refuses_an_exposed_bind_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSLINT_TOKEN", raising=False)
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0", "--port", "0"])
    assert result.exit_code == 2
    assert "NEWSLINT_TOKEN" in result.output


# -- the page -------------------------------------------------------------------


def test_page_and_assets_are_served_locally(app: Starlette) -> None:
    page = call(app, "GET", "/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    for src in re.findall(r'(?:src|href)="([^"#]+)"', page.text):
        assert src.startswith("/static/"), src
        assert call(app, "GET", src).status_code == 200


@pytest.mark.parametrize("asset", sorted(p.name for p in STATIC.iterdir()))
def test_assets_load_nothing_from_elsewhere(asset: str) -> None:
    # an SVG names its XML namespace with a URL that is never fetched
    text = Path(STATIC / asset).read_text(encoding="utf-8").replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.IGNORECASE), asset


def test_a_check_that_times_out_in_the_queue_never_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    queued = create_app(Settings(max_concurrency=1, timeout=0.2), Config())
    service = queued.state.service
    started, release = threading.Event(), threading.Event()
    ran: list[str] = []
    original = service._run

    def held(request: Any) -> dict[str, Any]:
        ran.append(request.name)
        started.set()
        release.wait(5)
        return original(request)  # type: ignore[no-any-return]

    monkeypatch.setattr(service, "_run", held)

    async def go() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=queued)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            first = asyncio.create_task(client.post("/v1/check", json={"text": DRAFT, "filename": "first.txt"}))
            while not started.is_set():
                await asyncio.sleep(0.005)
            second = await client.post("/v1/check", json={"text": DRAFT, "filename": "second.txt"})
            release.set()
            return await first, second

    try:
        first, second = asyncio.run(go())
    finally:
        release.set()
    assert first.status_code == 503  # held past its own budget
    assert second.status_code == 503
    deadline = time.monotonic() + 5
    while service._admitted and time.monotonic() < deadline:
        time.sleep(0.01)
    assert service._admitted == 0
    assert ran == ["first.txt"]


def test_the_serve_command_starts_and_answers() -> None:
    """``newslint serve`` itself, as a process on a free loopback port."""
    import socket
    import subprocess
    import sys
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "checker", "serve", "--port", str(port), "--no-config"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never through a proxy
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with direct.open(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    health = json.load(response)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"newslint serve did not start (exit code {server.poll()})")
                time.sleep(0.1)
        assert health["status"] == "ok"
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/v1/check",
            data=json.dumps({"text": DRAFT, "rules": ["boilerplate"]}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with direct.open(request, timeout=30) as response:
            assert [f["line"] for f in json.load(response)["files"][0]["findings"]] == [5]
    finally:
        server.terminate()
        server.wait(15)
