"""The grammar rule against a loopback server that speaks LanguageTool's /v2 protocol
with recorded responses; and its behaviour with no server at all."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import FIXTURES

from checker.checks.grammar import batches
from checker.config import Config
from checker.engine import Engine
from checker.findings import Diagnostic
from checker.readers import ReadOptions, read_bytes

RECORDED = FIXTURES / "languagetool"
ARTICLE = (
    "Council votes to close pool\n"
    "\n"
    "The council have voted to closes the pool on Tuesday.\n"
    "\n"
    "Fans \U0001f389 was delighted, and it it will reopen in May, officials said.\n"
)


class FakeLanguageTool:
    """A LanguageTool server on 127.0.0.1 that answers from recorded responses
    and remembers every request."""

    def __init__(self, delay: float = 0.0) -> None:
        self.requests: list[tuple[str, dict[str, list[str]]]] = []
        self.delay = delay
        recorded = json.loads((RECORDED / "check-council.json").read_text(encoding="utf-8"))
        self.expected_text: str = recorded["request_text"]
        self.response: dict[str, object] = recorded["response"]
        self.languages = json.loads((RECORDED / "languages.json").read_text(encoding="utf-8"))
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _send(self, status: int, body: object) -> None:
                data = json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the timeout test)

            def do_GET(self) -> None:
                path = urllib.parse.urlparse(self.path).path
                fake.requests.append((f"GET {path}", {}))
                if path == "/v2/languages":
                    self._send(200, fake.languages)
                else:
                    self._send(404, {"error": "not found"})

            def do_POST(self) -> None:
                path = urllib.parse.urlparse(self.path).path
                length = int(self.headers.get("Content-Length", "0"))
                form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
                fake.requests.append((f"POST {path}", form))
                if fake.delay:
                    threading.Event().wait(fake.delay)
                if path != "/v2/check":
                    self._send(404, {"error": "not found"})
                elif form.get("text", [""])[0] == fake.expected_text:
                    self._send(200, fake.response)
                else:
                    self._send(200, {"matches": []})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> FakeLanguageTool:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def checks(self) -> list[dict[str, list[str]]]:
        return [form for what, form in self.requests if what == "POST /v2/check"]


@pytest.fixture
def server() -> Iterator[FakeLanguageTool]:
    with FakeLanguageTool() as fake:
        yield fake


def check(text: str, grammar: dict[str, object], path: str = "draft.txt") -> tuple[list[Diagnostic], Engine]:
    engine = Engine(Config(select=["grammar"], grammar=grammar))
    results = engine.check_path(path, data=text.encode("utf-8"))
    assert results[0].result.error is None
    return results[0].result.diagnostics, engine


def notices(engine: Engine) -> list[str]:
    return [r.notice for r in engine.rules if getattr(r, "notice", None)]  # type: ignore[attr-defined]


def test_matches_become_findings_at_exact_positions(server: FakeLanguageTool) -> None:
    found, engine = check(ARTICLE, {"server": server.url})
    assert [(d.line, d.column, d.end_line, d.end_column) for d in found] == [
        (3, 27, 3, 33),  # "closes"
        (5, 8, 5, 11),  # "was", after a two-unit emoji
        (5, 27, 5, 32),  # "it it"
    ]
    assert [d.excerpt for d in found] == ["closes", "was", "it it"]
    assert found[0].message.startswith("The modal verb")
    assert "'close'" in found[0].message and "[TO_NON_BASE]" in found[0].message
    assert found[0].fix is not None and found[0].fix.replacement == "close"
    assert found[0].fix.applicability == "suggestion"
    assert all(str(d.severity) == "info" for d in found)
    assert notices(engine) == []


def test_one_request_per_document_with_the_copy_only(server: FakeLanguageTool) -> None:
    check(ARTICLE, {"server": server.url, "language": "en-GB"})
    assert len(server.checks) == 1
    form = server.checks[0]
    assert form["text"] == [server.expected_text]  # the headline is not sent
    assert form["language"] == ["en-GB"]
    assert "TYPOS" in form["disabledCategories"][0]


def test_configured_disabled_rules_are_sent_and_respected(server: FakeLanguageTool) -> None:
    found, _ = check(ARTICLE, {"server": server.url, "disabled-rules": ["ENGLISH_WORD_REPEAT_RULE"]})
    assert "ENGLISH_WORD_REPEAT_RULE" in server.checks[0]["disabledRules"][0]
    assert [d.excerpt for d in found] == ["closes", "was"]


def test_server_from_the_environment(server: FakeLanguageTool, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.config import resolve_config

    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", server.url)
    cfg = resolve_config(["."], None, no_config=True)
    assert cfg.grammar["server"] == server.url


def test_no_server_is_a_notice_not_an_error(no_network: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)
    found, engine = check(ARTICLE, {})
    assert found == []
    (notice,) = notices(engine)
    assert "no LanguageTool server configured" in notice


def test_unreachable_server_is_reported_once_and_the_run_goes_on() -> None:
    import socket

    with socket.socket() as s:  # a port on loopback that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    engine = Engine(Config(select=["grammar"], grammar={"server": f"http://127.0.0.1:{port}", "timeout": 2}))
    for _ in range(2):
        results = engine.check_path("draft.txt", data=ARTICLE.encode("utf-8"))
        assert results[0].result.error is None and results[0].result.diagnostics == []
    (notice,) = notices(engine)
    assert "could not be used" in notice


def test_a_slow_server_is_cut_off_by_the_timeout() -> None:
    with FakeLanguageTool(delay=3.0) as slow:
        found, engine = check(ARTICLE, {"server": slow.url, "timeout": 0.5})
    assert found == []
    assert any("could not be used" in n for n in notices(engine))


def test_local_installation_that_is_absent_never_downloads(
    no_network: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))  # an empty installation folder
    found, engine = check(ARTICLE, {"local": True})
    assert found == []
    (notice,) = notices(engine)
    assert "no LanguageTool installation" in notice
    assert list(tmp_path.iterdir()) == []


def test_long_documents_are_split_at_paragraph_boundaries() -> None:
    paragraph = "The council met on Tuesday and voted on the budget."
    text = "Headline\n\n" + "\n\n".join([paragraph] * 30) + "\n"
    (doc,) = read_bytes(text.encode(), "draft.txt", None, ReadOptions())
    parts = batches(doc, max_chars=500)
    assert len(parts) > 1
    assert all(len(b.text) <= 500 for b in parts)
    assert sum(len(b.pieces) for b in parts) == 30
    for b in parts:
        for piece in b.pieces:
            assert b.text[piece.request_start : piece.request_start + piece.length] == paragraph
            assert doc.text[piece.doc_start : piece.doc_start + piece.length] == paragraph
